package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph/arabic"
)

// kindSets holds a word set per cue kind, indexed by the kind: an array,
// so that a.x.words[kind] costs no map lookup.
type kindSets [1 << 8]map[string]bool

// wordInfo is what the lexicon's lookups say of one written word, gathered
// in one map (Extractor.words) so that a token is looked up once per
// sentence (analyzer.wordAt) rather than once per question.
type wordInfo struct {
	// frames are the frames the word is the verb of, read with or without
	// و, ف and the future س.
	frames []int32
	// eventFirst: the word, with or without و or ف, may start the words of
	// an event construction.
	eventFirst bool
	// nameStart holds startFirstName and startRankEnd.
	nameStart uint8
	// entry has the bit of a lookup kind (kindBit) when the word is an
	// entry of that section (Extractor.words), first when it is the first
	// word of one (Extractor.firstWords).
	entry, first uint64
	// multi has the bit of a lookup kind when the word is the first word
	// of an entry of that section with more than one word: phraseAt goes
	// on past the word only then.
	multi uint64
	// countryPronoun: the word is one of Extractor.countryPronouns.
	countryPronoun bool
	// anaphorClitic: the word is an anaphor with the article written
	// after ب or as لل ("بالحركه", "للحركه"), as anaphor reads it.
	anaphorClitic bool
	// rankLast: the word is the last word of a rank (Extractor.rankLast).
	rankLast bool
	// demonstrative is one plus the index in demonstrativeClitics of the
	// clitics the word is a demonstrative after (demonstrativeOf), 0 when
	// it is none.
	demonstrative uint8
	// kindClass is the class of actor the word refers back to as a kind
	// anaphor (kindClassOf).
	kindClass anaphorClass
	// statement: the word is a statement word (isStatementWord).
	statement bool
	// forces: the word is a forces word (isForcesWord); dual: a dual
	// that may name two parties (isDualWord).
	forces, dual bool
	// frameWord: the word, as written or read without its clitics, is a
	// word of some frame's word set (Extractor.frameWords).
	frameWord bool
	// attackNoun: the word, as it stands after its run of و and ف, is an
	// event noun (attack_nouns) as written or after ب, ل or لل
	// (attackNounAfterConjunctions).
	attackNoun bool
	// placeNoun: the word is a place noun, possibly after و or a
	// preposition (isPlaceNoun).
	placeNoun bool
	// partner: the word, without one leading و or ف (trimConjunction), is
	// a pronoun of a meeting's partner (partnerWords).
	partner bool
	// anaphorStart: some reader of anaphorAt may read the word, as written,
	// as a pronoun or anaphor (mayAnaphorAt): the union of their first
	// tests, so that anaphorAt passes most tokens by one table read.
	// anaphorCut: anaphor may read it as the rest of a token after its run
	// of و and ف (mayBeAnaphor's cutInfo).
	anaphorStart, anaphorCut bool
}

// kindBit is the bit of a lookup kind in wordInfo.entry and first; ok is
// false for a kind without one (then the word sets are asked).
func kindBit(kind cueKind) (bit uint64, ok bool) {
	d := int(kind) - int(cueStance)
	if d < 0 || d >= 64 {
		return 0, false
	}
	return 1 << d, true
}

// inWords reports whether token k as written is an entry of the lookup
// section kind (first false) or the first word of one (first true): a
// word-id index, not a string lookup.
func (a *analyzer) inWords(kind cueKind, k int, first bool) bool {
	bit, ok := kindBit(kind)
	if !ok {
		if first {
			return a.x.firstWords[kind][a.toks[k].Norm]
		}
		return a.x.words[kind][a.toks[k].Norm]
	}
	in := a.wordAt(k)
	if in == nil {
		return false
	}
	if first {
		return in.first&bit != 0
	}
	return in.entry&bit != 0
}

// cutInfo returns what the lexicon's lookups say of token k read without
// the run of و and ف it starts with (arabic.Sentence.Cut), or nil: one
// index by word id, no string built or hashed.
func (a *analyzer) cutInfo(k int) *wordInfo {
	if k < 0 || k >= len(a.sent.Cut) {
		return nil
	}
	return a.x.wordInfoOf(a.sent.Cut[k])
}

// inCutWords is inWords for token k read without the run of و and ف it
// starts with: false when it starts with none or nothing remains.
func (a *analyzer) inCutWords(kind cueKind, k int, first bool) bool {
	bit, ok := kindBit(kind)
	if !ok {
		w := a.toks[k].Norm
		r := arabic.CutConjunctions(w)
		if r == w || r == "" {
			return false
		}
		if first {
			return a.x.firstWords[kind][r]
		}
		return a.x.words[kind][r]
	}
	in := a.cutInfo(k)
	if in == nil {
		return false
	}
	if first {
		return in.first&bit != 0
	}
	return in.entry&bit != 0
}

// multiWord reports whether an entry of the lookup section kind with more
// than one word may start at token k: its word as written (cut false) or
// without its leading و and ف (cut true) is the first word of one.
func (a *analyzer) multiWord(kind cueKind, k int, cut bool) bool {
	bit, ok := kindBit(kind)
	if !ok {
		return true // no table: the phrase is looked up
	}
	in := a.wordAt(k)
	if cut {
		in = a.cutInfo(k)
	}
	return in != nil && in.multi&bit != 0
}

// buildWordInfo fills x.info from the frames, the event words, the first
// names and the ranks.
func (x *Extractor) buildWordInfo() {
	x.info = map[string]*wordInfo{}
	get := func(w string) *wordInfo {
		in := x.info[w]
		if in == nil {
			in = &wordInfo{}
			x.info[w] = in
		}
		return in
	}
	for v, fs := range x.frameVerbs {
		for _, p := range []string{"", "و", "ف", "س", "وس", "فس"} {
			if in := get(p + v); in.frames == nil {
				in.frames = fs
			}
		}
	}
	for w := range x.eventFirst {
		for _, p := range []string{"", "و", "ف"} {
			get(p + w).eventFirst = true
		}
	}
	for w, f := range x.nameStart {
		get(w).nameStart |= f
	}
	for kind := range x.words {
		bit, ok := kindBit(cueKind(kind))
		if !ok {
			continue
		}
		for w := range x.words[kind] {
			get(w).entry |= bit
		}
		for w := range x.firstWords[kind] {
			get(w).first |= bit
		}
		for p := range x.words[kind] {
			if w, _, ok := strings.Cut(p, " "); ok {
				get(w).multi |= bit
			}
		}
	}
	for w := range x.words[cueAnaphor] {
		if rest, ok := strings.CutPrefix(w, "ال"); ok && !strings.Contains(w, " ") {
			get("لل" + rest).anaphorClitic = true
			get("ب" + w).anaphorClitic = true
		}
	}
	for w := range x.rankLast {
		get(w).rankLast = true
	}
	x.addAnsweredForms(get)
	for w, in := range x.info { // every word these answers hold for is in info
		if n, ok := x.demonstrativeOf(w); ok {
			in.demonstrative = uint8(n + 1)
		}
		in.kindClass = x.kindClassOf(w)
		in.statement = isStatementWord(w)
		in.forces, in.dual = isForcesWord(w), isDualWord(w)
		in.frameWord = x.isFrameWord(w)
		in.attackNoun = x.attackNounAfterConjunctions(w)
		in.placeNoun = isPlaceNoun(w)
		in.partner = partnerWords[trimConjunction(w)]
	}
	for w := range x.countryPronouns {
		get(w).countryPronoun = true
		x.vocab.MarkStem(x.vocab.Add(w)) // read off clitics (countryPronoun)
	}
	x.markAnaphorStarts()
	for w := range x.info {
		x.vocab.Add(w)
	}
	x.phrases = buildPhraseTrie(x.vocab, &x.words)
	x.infoByID = make([]*wordInfo, x.vocab.Len())
	x.firstByID = make([]uint64, x.vocab.Len())
	for w, in := range x.info {
		x.infoByID[x.vocab.ID(w)] = in
		x.firstByID[x.vocab.ID(w)] = in.first
	}
	x.startsByID = make([]uint64, x.vocab.Len())
	for id := range x.startsByID {
		x.startsByID[id] = x.wordStarts(int32(id))
	}
}

// anaphorNouns are the words delegationAnaphor and statementAnaphor read,
// after one leading و or ف (splitConjunction).
var anaphorNouns = []string{"الوفد", "البيان"}

// markAnaphorStarts sets anaphorStart and anaphorCut on every
// word of the table: the union of the first tests of countryPronoun (as
// written; its clitic readings are asked by mayAnaphorAt), forcesPronoun,
// honorificPronoun and anaphorReaders.
func (x *Extractor) markAnaphorStarts() {
	bit, ok := kindBit(cueAnaphor)
	x.anaphorAll = !ok
	for w, in := range x.info {
		_, rest := splitConjunction(w)
		in.anaphorCut = in.entry&bit != 0 || in.anaphorClitic
		in.anaphorStart = in.anaphorCut || in.kindClass != anaphorNone || in.countryPronoun ||
			in.forces || in.dual || in.partner || x.words[cueHonorificPronoun][w] ||
			slices.Contains(anaphorNouns, rest)
	}
}

// mayAnaphorAt reports whether some reader of anaphorAt may add a mention
// at token k (pronouns: the country and honorific pronouns are tried
// there): false only when the token table says none can.
func (a *analyzer) mayAnaphorAt(k int, pronouns bool) bool {
	if a.x.anaphorAll {
		return true
	}
	if in := a.wordAt(k); in != nil && in.anaphorStart {
		return true
	}
	if conjunctionAt(a.toks[k].Norm, 0) {
		if in := a.cutInfo(k); in != nil && in.anaphorCut {
			return true
		}
	}
	if pronouns {
		for _, r := range a.sent.Readings(k) {
			if in := a.x.wordInfoOf(r.Word); !r.Bare && in != nil && in.countryPronoun {
				return true
			}
		}
	}
	return false
}

// addAnsweredForms adds to the token table, through get, every written
// form (a word with the clitics it takes) for which buildWordInfo then
// records a per-word answer: demonstratives, kind anaphors, statement,
// forces, dual, frame, partner, place and attack words, and the words of
// the anaphor readers that compare strings (anaphorStart).
func (x *Extractor) addAnsweredForms(get func(string) *wordInfo) {
	for w := range x.words[cueDemonstrative] {
		for _, p := range demonstrativeClitics {
			get(p + w)
		}
	}
	for _, c := range anaphorClasses {
		for w := range x.words[c.kind] {
			for _, p := range []string{"", "و", "ف"} {
				get(p + w)
			}
		}
	}
	for w := range statementWords {
		for _, p := range []string{"", "و", "ف", "ب", "وب", "فب"} {
			get(p + w)
		}
	}
	for _, set := range []map[string]bool{forcesWords, dualWords} {
		for w := range set {
			for _, p := range []string{"", "و", "ف"} {
				get(p + w)
			}
		}
	}
	for w := range x.frameWords {
		get(w)
		for _, f := range arabic.ProcliticForms(w) {
			get(f)
		}
	}
	for w := range partnerWords {
		for _, p := range []string{"", "و", "ف"} {
			get(p + w)
		}
	}
	for w := range x.words[cueHonorificPronoun] {
		get(w) // honorificPronoun and anaphorNouns compare strings: mayAnaphorAt
	}
	for _, w := range anaphorNouns {
		for _, p := range []string{"", "و", "ف"} {
			get(p + w)
		}
	}
	for w := range placeNouns {
		for _, p := range placeNounClitics {
			get(p + w)
		}
	}
	for w := range x.words[cueAttackNoun] {
		for _, f := range []string{w, "ب" + w, "ل" + w} {
			get(f)
		}
		if rest, ok := strings.CutPrefix(w, "ال"); ok {
			get("لل" + rest)
		}
	}
}

// wordStarts is phraseStarts for a token whose word id is id, computed
// from the word: the first words of its id and, after one و or ف, of the
// id of the rest (arabic.Sentence.Cut, NoWord when the rest is not in the
// vocabulary: a word added to it later has no first bits either).
func (x *Extractor) wordStarts(id int32) uint64 {
	t := x.vocab.Word(id)
	b := x.firstOf(id)
	if conjunctionAt(t, 0) {
		if conjunctionAt(t, 2) {
			return ^uint64(0)
		}
		if r := arabic.CutConjunctions(t); r != "" {
			b |= x.firstOf(x.vocab.ID(r))
		}
	}
	return b
}

// wordAt returns what the lexicon's lookups say of token k, or nil: one
// index by the token's word id (the words of info are in the vocabulary).
func (a *analyzer) wordAt(k int) *wordInfo {
	if uint(k) >= uint(len(a.info)) {
		return nil
	}
	return a.info[k]
}

// readSentence reads the sentence's tokens against the extractor's
// vocabulary (arabic.Vocabulary.Read) and fills the token table: what the
// lexicon's lookups say of each token (a.info), one index by word id; and
// empties the memo of longestPhraseAt (phrases).
func (a *analyzer) readSentence() {
	a.x.vocab.Read(&a.sent, a.toks)
	a.phrases.reset(len(a.toks))
	a.splits.valid = false
	a.info = a.info[:0]
	for _, id := range a.sent.Words {
		a.info = append(a.info, a.x.wordInfoOf(id))
	}
	a.starts = a.starts[:0] // filled when first asked (startsAt)
}

// startsAt returns phraseStarts(k), filling the table of the sentence's
// tokens on the first question.
func (a *analyzer) startsAt(k int) uint64 {
	if len(a.starts) != len(a.toks) {
		a.starts = a.starts[:0]
		for i, id := range a.sent.Words {
			if uint(id) < uint(len(a.x.startsByID)) {
				a.starts = append(a.starts, a.x.startsByID[id]) // wordStarts
			} else {
				a.starts = append(a.starts, a.phraseStarts(i))
			}
		}
	}
	return a.starts[k]
}

// phraseStarts returns the lookup kinds (kindBit) an entry of which
// longestPhrase may find at token k, or more: those whose first word the
// token is as written or without one leading و or ف (trimConjunction
// cuts it only before three letters or more: a superset is kept), every
// kind when the table cannot tell (a second و or ف: the word sets decide).
func (a *analyzer) phraseStarts(k int) uint64 {
	b := a.x.firstOf(a.sent.Words[k])
	if t := a.toks[k].Norm; conjunctionAt(t, 0) {
		if conjunctionAt(t, 2) {
			return ^uint64(0)
		}
		b |= a.x.firstOf(a.sent.Cut[k]) // the id of t[2:]
	}
	return b
}

// conjunctionAt reports whether w has و or ف at byte i.
func conjunctionAt(w string, i int) bool {
	return len(w) > i+1 && w[i] == 0xD9 && (w[i+1] == 0x88 || w[i+1] == 0x81)
}

// buildCliticKeys records the cue nodes that a trailing clitic preposition
// may follow (cliticParent) and the ids of those clitic keys by letter
// (cliticKeys), so that findCues looks one up only where it can match.
func (x *Extractor) buildCliticKeys(lex *Lexicon) {
	x.cliticParent = make([]bool, x.cues.Len())
	x.cliticKeys = map[rune]int32{}
	for _, e := range lex.entries {
		if e.spec.kind.isLookup() || e.spec.clitic == "" {
			continue
		}
		n := int32(0)
		for _, w := range e.tokens {
			n = x.cues.Child(n, x.vocab.ID(w))
		}
		x.cliticParent[n] = true
		if r, size := utf8.DecodeRuneInString(e.spec.clitic); size == len(e.spec.clitic) {
			x.cliticKeys[r] = x.vocab.ID(cliticKey + e.spec.clitic)
		}
	}
}

// cliticKeyOf returns the id of the clitic key of a word's first letter
// (cliticKey + the letter), or arabic.NoWord.
func (x *Extractor) cliticKeyOf(w string) int32 {
	r, _ := utf8.DecodeRuneInString(w)
	if id, ok := x.cliticKeys[r]; ok {
		return id
	}
	return arabic.NoWord
}

// headsOf returns the head nouns of actor i's names (orgHeads), by index.
func (x *Extractor) headsOf(i int32) []string {
	if i >= 0 && int(i) < len(x.orgHeadsAt) {
		return x.orgHeadsAt[i]
	}
	return nil
}

// firstOf returns wordInfo.first of a word id, 0 for none.
func (x *Extractor) firstOf(id int32) uint64 {
	if id >= 0 && int(id) < len(x.firstByID) {
		return x.firstByID[id]
	}
	return 0
}

// wordInfoOf returns what the lexicon's lookups say of a word id, or nil.
func (x *Extractor) wordInfoOf(id int32) *wordInfo {
	if id >= 0 && int(id) < len(x.infoByID) {
		return x.infoByID[id]
	}
	return nil
}

// takeSentence returns a Sentence for a new analyzer: a pooled one, whose
// cache of read words is warm, when there is one.
func (x *Extractor) takeSentence() arabic.Sentence {
	if s, ok := x.sentences.Get().(*arabic.Sentence); ok {
		return *s
	}
	return arabic.Sentence{}
}

// releaseAnalyzer returns the analyzer's Sentence and mention counts to
// their pools once its article is read; the analyzer is not used again.
func (x *Extractor) releaseAnalyzer(a *analyzer) {
	s := a.sent
	s.Tokens = nil // the article's text is not kept alive
	a.sent = arabic.Sentence{}
	x.sentences.Put(&s)
	if len(a.counted) == 0 { // flushed: every count is zero again
		x.counts.Put(&mentionCounts{counts: a.counts, counted: a.counted})
	}
	a.counts, a.counted = nil, nil
}

// mentionCounts is an analyzer's counts and counted, pooled: counts grows
// to the number of actors, and was grown again for every article.
type mentionCounts struct{ counts, counted []int32 }

// takeCounts gives a new analyzer a pooled (zeroed) counts and counted,
// when there is one.
func (x *Extractor) takeCounts(a *analyzer) {
	if c, ok := x.counts.Get().(*mentionCounts); ok {
		a.counts, a.counted = c.counts, c.counted
	}
}

// countryPronounAt reports whether token k is a country pronoun ("بلاده"),
// as written (prefix "") or after the clitics prefix (its first reading
// whose stem is one): table reads by word id.
func (a *analyzer) countryPronounAt(k int) (prefix string, ok bool) {
	if in := a.wordAt(k); in != nil && in.countryPronoun {
		return "", true
	}
	for _, r := range a.sent.Readings(k) {
		if in := a.x.wordInfoOf(r.Word); !r.Bare && in != nil && in.countryPronoun {
			return r.Prefix, r.Prefix != ""
		}
	}
	return "", false
}

// anaphorWord reports whether w, token k read without its clitics by
// anaphor, is an anaphor of the lexicon: when w is the token without its
// و and ف, the table says so (cutInfo); else the word set is asked.
func (a *analyzer) anaphorWord(k int, w string) bool {
	if t := a.toks[k].Norm; len(w) < len(t) && t[len(t)-len(w):] == w && arabic.CutConjunctions(t) == w {
		return a.inCutWords(cueAnaphor, k, false)
	}
	return a.x.words[cueAnaphor][w]
}

// mayBeAnaphor reports whether token k may be read by anaphor as an
// anaphor of the lexicon, as written or without its و and ف: false only
// when the token table says it cannot (neither an entry nor one with ب or
// لل), so that most tokens are passed over without a string lookup.
func (a *analyzer) mayBeAnaphor(k int) bool {
	bit, ok := kindBit(cueAnaphor)
	if !ok {
		return true
	}
	in := a.wordAt(k)
	if conjunctionAt(a.toks[k].Norm, 0) { // CutConjunctions cuts something
		in = a.cutInfo(k)
	}
	return in != nil && (in.entry&bit != 0 || in.anaphorClitic)
}

// countMention counts a mention of the actor of index i for the article's
// Stats, by index: the actors' ids are looked up once per article
// (flushMentions).
func (a *analyzer) countMention(i int32) {
	for int(i) >= len(a.counts) {
		a.counts = append(a.counts, 0)
	}
	if a.counts[i] == 0 {
		a.counted = append(a.counted, i)
	}
	a.counts[i]++
}

// flushMentions adds the mentions countMention counted to st.Mentions by
// actor id.
func (a *analyzer) flushMentions(st *Stats) {
	for _, i := range a.counted {
		st.Mentions[a.actor(i).ID] += int(a.counts[i])
		a.counts[i] = 0
	}
	a.counted = a.counted[:0]
}

// growKinds returns s emptied and grown to n entries of cueNone: the token
// table of cue kinds (findCues, cueKindAt).
func growKinds(s []cueKind, n int) []cueKind {
	s = slices.Grow(s[:0], n)[:n]
	for k := range s {
		s[k] = cueNone
	}
	return s
}

// phraseMemo memoises longestPhraseAt for one sentence: per lookup kind
// asked, one entry per token, 0 unknown, else the length plus one. The
// buffers are kept across sentences.
type phraseMemo struct {
	// slot is, per kind, one plus the index in lens of its entries for
	// this sentence, 0 when the kind was not asked yet.
	slot [1 << 8]uint8
	used []cueKind
	lens [][]int8
	n    int
}

// reset empties the memo for a sentence of n tokens.
func (m *phraseMemo) reset(n int) {
	for _, kind := range m.used {
		m.slot[kind] = 0
	}
	m.used = m.used[:0]
	m.n = n
}

// at returns the memo's entry of kind at token k (0 <= k < n), or nil
// when k is out of the sentence the memo was reset for.
func (m *phraseMemo) at(kind cueKind, k int) *int8 {
	if k >= m.n {
		return nil
	}
	s := int(m.slot[kind])
	if s == 0 {
		s = len(m.used) + 1
		m.used = append(m.used, kind)
		if len(m.lens) < s {
			m.lens = append(m.lens, nil)
		}
		l := slices.Grow(m.lens[s-1][:0], m.n)[:m.n]
		clear(l)
		m.lens[s-1] = l
		m.slot[kind] = uint8(s)
	}
	return &m.lens[s-1][k]
}

// trimmedFirst reads token k without one leading و or ف
// (trimConjunction) for longestPhrase, when the token as written is not
// the first word of an entry of kind: it returns the word, the table's
// answer for it when the table has one (nil else, or when it says
// nothing), and whether the word is the first word of an entry. The
// table is read when the word is the token's Cut form (no second و or ف).
func (a *analyzer) trimmedFirst(kind cueKind, k int) (w string, in *wordInfo, ok bool) {
	t := a.toks[k].Norm
	w = trimConjunction(t)
	if len(w) == len(t) {
		return w, nil, false // the token as written, which is not one
	}
	bit, has := kindBit(kind)
	if !has || len(arabic.CutConjunctions(w)) != len(w) {
		return w, nil, a.x.firstWords[kind][w]
	}
	in = a.cutInfo(k)
	return w, in, in != nil && in.first&bit != 0
}

// trimmedEntry reports whether w, read by trimmedFirst with the table's
// answer in (nil when it has none), is an entry of kind.
func (a *analyzer) trimmedEntry(kind cueKind, in *wordInfo, w string) bool {
	if in == nil {
		return a.x.words[kind][w]
	}
	bit, _ := kindBit(kind)
	return in.entry&bit != 0
}

// trimmedMulti reports whether an entry of kind with more than one word
// may start with the word trimmedFirst read: true when the table has no
// answer for it.
func trimmedMulti(kind cueKind, in *wordInfo) bool {
	if in == nil {
		return true
	}
	bit, _ := kindBit(kind)
	return in.multi&bit != 0
}

// partnerAt reports whether token k is a pronoun of a meeting's partner
// (partnerWords), possibly after و or ف: a table read by word id.
func (a *analyzer) partnerAt(k int) bool {
	in := a.wordAt(k)
	return in != nil && in.partner
}

// rankLastAt reports whether token k as written is the last word of a
// rank (Extractor.rankLast): a table read by word id.
func (a *analyzer) rankLastAt(k int) bool {
	in := a.wordAt(k)
	return in != nil && in.rankLast
}

// lastBytes is the set of the last bytes of the words of a word set: a
// word whose last byte is not in it is no entry, and neither is what
// remains of it after a prefix is cut. A test before a map lookup.
type lastBytes [4]uint64

// lastBytesOf returns the last bytes of the words of set.
func lastBytesOf(set map[string]bool) lastBytes {
	var f lastBytes
	for w := range set {
		if w != "" {
			c := w[len(w)-1]
			f[c>>6] |= 1 << (c & 63)
		}
	}
	return f
}

// may reports whether w may be a word of the set, or end like one after a
// prefix is cut: false only when its last byte is no word's (an empty w
// may be one).
func (f *lastBytes) may(w string) bool {
	if w == "" {
		return true
	}
	c := w[len(w)-1]
	return f[c>>6]&(1<<(c&63)) != 0
}

// splitMemo memoises arabic.Proclitics of the sentence's tokens
// (procliticsAt): asked of the same token by every frame.
type splitMemo struct {
	valid bool // at is sized for the sentence (readSentence clears it)
	// at holds, per token, its splits buf[from:to]; to < 0 when unknown.
	at  []struct{ from, to int32 }
	buf []arabic.Split
}

// procliticsAt returns arabic.Proclitics of token k's normalised form,
// read once per sentence. The slice is valid until the next call.
func (a *analyzer) procliticsAt(k int) []arabic.Split {
	m := &a.splits
	if !m.valid {
		m.at = slices.Grow(m.at[:0], len(a.toks))[:len(a.toks)]
		for i := range m.at {
			m.at[i].to = -1
		}
		m.buf = m.buf[:0]
		m.valid = true
	}
	if k >= len(m.at) {
		return arabic.Proclitics(nil, a.toks[k].Norm)
	}
	r := &m.at[k]
	if r.to < 0 {
		from := len(m.buf)
		m.buf = arabic.Proclitics(m.buf, a.toks[k].Norm)
		r.from, r.to = int32(from), int32(len(m.buf))
	}
	return m.buf[r.from:r.to]
}
