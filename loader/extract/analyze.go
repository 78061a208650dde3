package extract

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// cliticKey prefixes the trie key of a cue's trailing clitic preposition: the
// word after the cue must start with it ("الموالية لحفتر").
const cliticKey = "\x00"

// Preposition classes of a mention.
const (
	prepNone     uint8 = iota
	prepClitic         // ب ل ك glued to the name
	prepParty          // مع على ضد ...
	prepBetween        // بين
	prepLocation       // في داخل ...
	prepStateLoc       // الى من عن: a place when the actor is a state
)

type mention struct {
	form       int32
	actor      int32
	i, j       int // tokens [i, j)
	prefix     string
	prep       uint8
	clitic     string // ب ل ك when prep == prepClitic
	conj       bool   // joined to what precedes by و
	adjective  bool   // a demonym used as an adjective
	partyWord  string // the party preposition before the actor (مع على ...)
	stateAgent bool   // a demonym made an actor by a state agent noun
	excluded   bool   // a title's complement, a location, an adjective
	delegation int    // 1 + the token of the delegation noun a leader heads, 0 none
	next, prev int    // list links to coordinated eligible mentions, -1 none
	carried    bool   // the previous sentence's subject, not in this text
	// external is a participant of an event named in an earlier sentence:
	// arg is how it was named there.
	external bool
	arg      Argument
	// pair is the second participant a dual anaphor names ("الجانبان"),
	// joined to the first by links.
	pair bool
	// partner is the previous sentence's visitor a pronoun with مع names
	// after a meeting word ("وأجرى X محادثات معه").
	partner bool
}

// priorSubject is the subject of the previous sentence, which a sentence
// starting with و and a verb without a subject continues.
type priorSubject struct {
	ok         bool
	actor      int32
	form       int32
	mention    string
	start, end int // byte offsets in the article
}

type cue struct {
	prefix string // clitics read off the first word
	spec   int32
	i, j   int
	neg    bool // negated by a refusal
	kind   cueKind
	rel    graph.RelationType
	// consumed is a refusal or denial that negated the next trigger.
	consumed bool
}

// analyzer holds the per-sentence scratch space of one ExtractReader run.
type analyzer struct {
	x       *Extractor
	text    string
	off     int
	toks    []arabic.Token
	sep     []byte // separator class before each token: 0, ',', ';', '-'
	clause  []int
	menAt   []int     // token -> mention index or -1
	cueAt   []int     // token -> cue index or -1
	kindAt  []cueKind // token -> the kind of its cue, cueNone for none
	men     []mention
	cues    []cue
	results []Result
	// prior is the previous sentence's subject; priorArg the argument
	// emitted for it.
	prior    priorSubject
	priorArg Argument
	// lastPrior is the previous sentence's subject, whether or not this
	// sentence continues it (frames.go: "جاء ذلك خلال استقباله").
	lastPrior priorSubject
	// rel is the relation type of the trigger whose arguments are sought.
	rel graph.RelationType
	// recent maps an organisation head noun (حركه) to the last
	// organisation of the article named with it, for anaphors.
	recent map[string]int32
	// date is the article's day, when known (roles.go).
	date time.Time
	// doc is the entity layer's memory of the article.
	doc docEntities
	// phrase is scratch space for longestPhraseAt; rawKinds the memo of
	// rawCuePrefix for the sentence.
	phrase   []byte
	rawKinds []rawCueAt
	// phrases memoises longestPhraseAt for the sentence, per kind.
	phrases phraseMemo
	// pairsBuf is emit's scratch space for the pairs of a candidate.
	pairsBuf [][2]int
	// splits memoises arabic.Proclitics per token for the sentence.
	splits splitMemo
	// starts holds, per token, the lookup kinds an entry of which may
	// start there (phraseStarts): longestPhraseAt's first test.
	starts []uint64
	// sent is the sentence's tokens read against the extractor's
	// vocabulary once: word ids and clitic readings for both tries.
	sent arabic.Sentence
	// info is what the lexicon's lookups say of each token as written,
	// read once per sentence by word id (readSentence, wordAt).
	info []*wordInfo
	// pronounOf memoises countryPronoun's state of the last person.
	pronounOf struct {
		known       bool
		person      int32
		affiliation string
		state       int32
	}
	// pair is the pair model's scratch space (pairmodel.go).
	pair pairScratch
	// events are the sentence's event nouns under a stance word
	// (embedded.go).
	events []eventFrame
	// counts holds the article's mentions per actor index, counted lists
	// the actors counted, in order (countMention, flushMentions).
	counts  []int32
	counted []int32
}

func (x *Extractor) newAnalyzer() *analyzer {
	a := &analyzer{x: x, recent: map[string]int32{}, doc: docEntities{
		byName: map[string]int32{}, firstWord: map[string][]string{}, titles: map[string]int32{}, start: map[string]uint8{}, named: map[int32]bool{}, sides: map[int32]string{}, roles: map[int32]int32{}, surnames: map[string]int32{},
	}}
	a.sent = x.takeSentence()
	return a
}

func (a *analyzer) sentence(article string, off int, s string, st *Stats, emit func(Result) error) error {
	a.text, a.off = s, off
	a.toks = arabic.AppendTokens(a.toks[:0], s, 0)
	if len(a.toks) == 0 {
		return nil
	}
	a.readSentence()
	if a.date.IsZero() && st.Sentences <= maxDateSentences {
		a.date = findDate(s)
	}

	a.separators()
	a.findMentions()
	if !a.withoutAddresses(s) {
		return nil
	}
	a.results = a.results[:0]
	newEvent := false
	defer func() {
		if !newEvent {
			a.doc.event.age++
		}
		a.recordVisitors()
		a.recordDelegation()
	}()
	defer a.recordStatement() // after the subject of the sentence is known
	defer a.recordSalient()
	for _, m := range a.men {
		if a.x.forms[m.form].typ != formPronoun {
			a.countMention(m.actor)
		}
	}
	prior := a.prior
	a.lastPrior = prior
	a.prior = priorSubject{}
	a.presetPrior()
	carry := prior.ok && (strings.HasPrefix(a.toks[0].Norm, "و") || a.continues())
	if carry && !a.prior.ok {
		a.prior = prior // "وأضاف ... . كما أشاد ...": the chain goes on
	}
	events := a.hasEventWord()
	if len(a.men) < 2 && !a.hasAdjective() && !(carry && len(a.men) == 1) && !(events && len(a.men) == 1) {
		return nil
	}
	a.findCues()
	if !a.hasTrigger() && !a.hasFrameVerb() && !events && !a.hasEventNoun() || a.question() {
		return nil
	}
	a.classify()
	a.prior = priorSubject{}
	for _, m := range a.men {
		if m.i > 3 && m.adjective {
			continue // "وزير الخارجية المغربي، ناصر بوريطة"
		}
		if m.i > 3 && !a.titledSubject(m) {
			break
		}
		if a.complementOfNoun(m) {
			break // "وأشاد بجهود حكومة الوفاق": no subject
		}
		if !m.excluded && m.prep == prepNone && !(m.i == 0 && a.x.forms[m.form].typ == gazetteer.FormCapital) {
			a.setPrior(m) // not a dateline's capital ("القاهرة في 4 سبتمبر")
			break
		}
	}
	next := a.prior
	if carry && !next.ok {
		next = prior
	}
	if carry {
		a.prior = prior
	} else {
		a.prior = priorSubject{}
	}
	defer func() { a.prior = next }()
	a.clauses()
	a.links()
	a.matchFrames(article)
	a.relations(article)
	newEvent = a.recordEvent(a.results, a.men)
	if events {
		a.matchEvents(article)
	}
	a.scorePairs(article)
	for _, r := range a.results {
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
}

// withoutAddresses reads a web address of sentence s
// ("com/ar/multimedia/578429/عبداللهيان-يسلم-...") for the entity layer,
// then drops its words and finds the mentions again: an address names the
// article's actors but states nothing. It reports whether words remain.
func (a *analyzer) withoutAddresses(s string) bool {
	if strings.IndexByte(s, '/') < 0 || !a.dropAddresses() {
		return true
	}
	if len(a.toks) == 0 {
		return false
	}
	a.readSentence() // the word ids follow the tokens left
	a.separators()
	a.findMentions()
	return true
}

// dropAddresses removes the tokens of web addresses and paths from the
// sentence (a run of text without spaces with two slashes, or "://") and
// reports whether it removed any.
func (a *analyzer) dropAddresses() bool {
	n := 0
	for _, t := range a.toks {
		lo, hi := t.Start, t.End
		for lo > 0 && !isSpaceByte(a.text[lo-1]) {
			lo--
		}
		for hi < len(a.text) && !isSpaceByte(a.text[hi]) {
			hi++
		}
		if chunk := a.text[lo:hi]; strings.Count(chunk, "/") >= 2 || strings.Contains(chunk, "://") {
			continue
		}
		a.toks[n] = t
		n++
	}
	dropped := n < len(a.toks)
	a.toks = a.toks[:n]
	return dropped
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// unnamedBefore reports whether a title or a state agent stands before
// token i ("وأكد مسؤول رفيع دعم بلاده"): a subject of the sentence that no
// layer named, whose country a pronoun after it may be.
func (a *analyzer) unnamedBefore(i int) bool {
	for k := 0; k < i; k++ {
		if kind, _ := a.rawCue(k); kind == cueTitle || kind == cueStateAgent {
			return true
		}
	}
	return false
}

// opensSentence reports whether token k opens the sentence, alone or after
// "من جانبه" / "من جهته" ("ومن جانبه عبر هنية ...").
func (a *analyzer) opensSentence(k int) bool {
	if k == 0 {
		return true
	}
	switch a.toks[k-1].Norm {
	case "جانبه", "جانبها", "جهته", "جهتها":
		return k == 2
	}
	return false
}

// continues reports whether the sentence opens with a word that continues
// the previous one ("و", "كما أشاد ..."): its verb without a subject takes
// the previous sentence's.
func (a *analyzer) continues() bool {
	switch a.toks[0].Norm {
	case "و", "كما", "وكما":
		return true
	case "جاء", "جاءت":
		// "جاء ذلك خلال استقباله X": the occasion of what the previous
		// sentence said.
		return len(a.toks) > 1 && (a.toks[1].Norm == "ذلك" || a.toks[1].Norm == "هذا" || a.toks[1].Norm == "ذالك")
	}
	return false
}

// presetPrior sets the sentence's first actor as the next sentence's
// subject ("قال X في بيان ...", "ووصل ماكرون إلى تونس"), refined when the
// sentence is analysed; after a dateline ("القاهرة في 4 سبتمبر / وام /
// أكد الرئيس ...") it is the first person after it.
func (a *analyzer) presetPrior() {
	if len(a.men) == 0 {
		return
	}
	m, reach := a.men[0], 3
	if m.i == 0 && a.x.forms[m.form].typ == gazetteer.FormCapital {
		for _, n := range a.men[1:] {
			if a.kindOf(n.actor) == graph.KindPerson {
				m, reach = n, 12
				break
			}
		}
	}
	if a.complementOfNoun(m) {
		return
	}
	if len(a.men) > 1 && a.x.forms[m.form].typ == gazetteer.FormDemonym && a.men[1].i-m.j <= 1 && a.actor(a.men[1].actor).Kind == graph.KindPerson {
		m = a.men[1] // "وزار وزير الخارجية الإيراني محمد جواد ظريف": the adjective is his title's
	}
	if m.i > reach && a.actor(m.actor).Kind == graph.KindPerson {
		if ts := a.titleStart(m.i); ts >= 0 && ts <= reach {
			reach = m.i // a title run opening the sentence before his name
		}
	}
	if m.i <= reach && (m.prefix == "" || arabic.CutConjunctions(m.prefix) == "" || arabic.CutConjunctions(m.prefix) == "ال") &&
		a.x.forms[m.form].typ != gazetteer.FormDemonym && a.x.forms[m.form].typ != formPronoun && a.x.forms[m.form].typ != gazetteer.FormCapital {
		a.setPrior(m)
	}
}

// complementOfNoun reports whether mention m is the genitive of a stance
// noun right before it ("بجهود حكومة الوفاق", "موقف مصر"), the object's
// complement, or follows a complementiser: not the sentence's subject.
func (a *analyzer) complementOfNoun(m mention) bool {
	for k := 0; k < m.i; k++ {
		if kind, _ := a.rawCue(k); kind == cueComplementizer {
			return true // "وأكد جلالته أن الأردن ...": an embedded clause's
		}
	}
	if m.i == 0 || m.prefix != "" && strings.TrimLeft(m.prefix, "وف") != "ال" {
		return false
	}
	_, ok := a.stance(a.toks[m.i-1].Norm)
	return ok
}

// titledSubject reports whether a person is named after a title run that
// starts among the first words of the sentence ("أعلن وزير الشؤون
// الخارجية المغربي، ناصر بوريطة، ..."): the sentence's subject.
func (a *analyzer) titledSubject(m mention) bool {
	if a.kindOf(m.actor) != graph.KindPerson || m.i > maxTitleRun+3 {
		return false
	}
	for k := m.i - 1; k >= 0; k-- {
		if k+1 < m.i && a.sep[k+1] != 0 {
			return false
		}
		switch kind, _ := a.rawCue(k); kind {
		case cueTitle:
			if k <= 3 {
				return true // the title may hold a noun ("والتعاون الدولي")
			}
		case cueClauseBreak, cueComplementizer, cueRelative:
			return false
		}
	}
	return false
}

// hasEventWord reports whether a word of an event construction occurs in
// the sentence.
func (a *analyzer) hasEventWord() bool {
	for k := range a.toks {
		if a.eventFirst(k) {
			return true
		}
	}
	return false
}

// eventFirst reports whether token k may start the words of an event
// construction.
func (a *analyzer) eventFirst(k int) bool {
	in := a.wordAt(k)
	return in != nil && in.eventFirst
}

// setPrior records mention m as the subject a next sentence may continue.
func (a *analyzer) setPrior(m mention) {
	arg := a.argument(m)
	a.prior = priorSubject{ok: true, actor: m.actor, form: m.form, mention: arg.Mention, start: arg.Start, end: arg.End}
}

// priorMention adds the previous sentence's subject as a mention for a
// sentence-initial verb with و and no subject of its own ("ويجتمع برئيس
// الوزراء القطري ..." after a sentence about Blinken), or returns -1.
func (a *analyzer) priorMention(c cue) int {
	if !a.prior.ok || !(c.i == 0 && strings.HasPrefix(c.prefix, "و") || c.i == 1 && a.continues()) || c.j >= len(a.toks) {
		return -1
	}
	// Only when the verb's object follows at once, marked: a word between
	// may be an unknown subject ("والتقى السوداني بوفد ...").
	switch k := c.j; {
	case a.menAt[k] >= 0:
		if a.men[a.menAt[k]].prep == prepNone {
			return -1
		}
	case a.cueKindAt(k) == cueParty:
	case a.cueKindAt(k) == cueTitle || a.cueKindAt(k) == cueStateAgent:
		if p := arabic.CutConjunctions(a.cues[a.cueAt[k]].prefix); !strings.HasPrefix(p, "ب") && !strings.HasPrefix(p, "ل") {
			return -1
		}
	default:
		// "وأشاد بجهود حكومة الوفاق": a stance noun marked by the
		// verb's preposition.
		if clitic, ok := a.stance(a.toks[k].Norm); !ok || clitic == "" {
			return -1
		}
	}
	a.men = append(a.men, mention{form: a.prior.form, actor: a.prior.actor, i: c.i, j: c.i, next: -1, prev: -1, carried: true, excluded: true})
	return len(a.men) - 1
}

// question reports whether the sentence is a question: it states no
// relation ("هل تدعم تركيا حكومة الوحدة الوطنية؟").
func (a *analyzer) question() bool {
	t := strings.TrimRightFunc(a.text, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '"' || r == '»' || r == '”'
	})
	return strings.HasSuffix(t, "؟") || strings.HasSuffix(t, "?")
}

func (a *analyzer) hasAdjective() bool {
	for _, m := range a.men {
		if a.x.forms[m.form].typ == gazetteer.FormDemonym {
			return true
		}
	}
	return false
}

// punctuated reports whether a comma or stronger punctuation separates
// tokens i-1 and j.
func (a *analyzer) punctuated(i, j int) bool {
	for k := max(i, 1); k <= j && k < len(a.sep); k++ {
		if a.sep[k] == ',' || a.sep[k] == ';' {
			return true
		}
	}
	return false
}

// definite reports whether a normalised word carries the article, possibly
// after clitics (الموقف, والمرتزقه, بالصحف).
func definite(w string) bool {
	w = arabic.CutConjunctions(w)
	return strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "بال") || strings.HasPrefix(w, "كال") || strings.HasPrefix(w, "لل")
}

// adjectiveShaped reports whether a normalised word looks like a nisba
// adjective (العسكري, السياسيه).
func adjectiveShaped(w string) bool {
	return strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه")
}

func (a *analyzer) hasTrigger() bool {
	for _, c := range a.cues {
		if c.kind.isTrigger() {
			return true
		}
	}
	return false
}

// separators records the punctuation between consecutive tokens.
func (a *analyzer) separators() {
	a.sep = a.sep[:0]
	prev := 0
	for _, t := range a.toks {
		var c byte
		gap := a.text[prev:t.Start]
		if gap == " " {
			gap = "" // the common case: no punctuation
		}
		for _, r := range gap {
			switch r {
			case '،', ',':
				if c == 0 {
					c = ','
				}
			case ';', '؛', ':', '(', ')', '[', ']':
				c = ';'
			case '-', '–', '—':
				if c == 0 {
					c = '-'
				}
			}
		}
		if c == ';' && strings.TrimSpace(gap) == ":" && a.eachOfColon(len(a.sep)) {
			c = 0 // "استقبل X كلا من: Y، وZ": the list goes on
		}
		a.sep = append(a.sep, c)
		prev = t.End
	}
}

func grow(s []int, n int) []int {
	s = slices.Grow(s[:0], n)[:n]
	for k := range s {
		s[k] = -1
	}
	return s
}

func (a *analyzer) findMentions() {
	a.rawKinds = slices.Grow(a.rawKinds[:0], len(a.toks))[:len(a.toks)]
	clear(a.rawKinds)
	a.men = a.men[:0]
	a.menAt = grow(a.menAt, len(a.toks))
	lastPerson := int32(-1)
	// "وأضاف أن بلاده ...": a country pronoun before any actor of a
	// sentence that continues the previous one is the state of that
	// sentence's subject, a person.
	carried := int32(-1)
	if a.prior.ok && (strings.HasPrefix(a.toks[0].Norm, "و") || a.continues()) && a.kindOf(a.prior.actor) == graph.KindPerson {
		carried = a.prior.actor
	}
	for i := 0; i < len(a.toks); {
		var m match
		var ok bool
		m, ok = a.x.names.at(&a.sent, i, nil)
		if ok && a.surnameOverDemonym(m.val, i, m.end) {
			ok = false // "واستقبل السوداني" after "محمد شياع السوداني"
		}
		if !ok {
			if _, may := a.entityStart(i); may {
				if em, found := a.entityAt(i); found {
					if a.kindOf(em.actor) == graph.KindPerson {
						lastPerson = em.actor
					}
					a.bindTitle(em)
					a.men = append(a.men, em)
					for k := em.i; k < em.j; k++ {
						a.menAt[k] = len(a.men) - 1
					}
					i = em.j
					continue
				}
			}
			n := len(a.men)
			a.anaphorAt(i, lastPerson, carried)
			if len(a.men) > n && a.men[len(a.men)-1].j > i+1 {
				i = a.men[len(a.men)-1].j // "المجموعة الروسية": the adjective is the anaphor's
				continue
			}
			i++
			continue
		}
		if a.x.forms[m.val].role > 0 {
			if rm, found := a.roleMention(m.val, i, m.end, m.prefix); found {
				lastPerson = rm.actor
				a.men = append(a.men, rm)
				for k := i; k < m.end; k++ {
					a.menAt[k] = len(a.men) - 1
				}
				i = m.end
			} else {
				i++ // the words of the title are read on their own
			}
			continue
		}
		if m.end == i+1 && i > 0 && a.sep[i] == 0 && a.menAt[i-1] < 0 && a.firstNameAt(i-1) && a.otherFirstName(a.x.forms[m.val].actor, i-1) {
			// "رئيس مجلس النواب أحمد الصفدي": a surname after another first
			// name is another person of the same family name.
			i++
			continue
		}
		if a.demonymNoun(m.val, i, m.end) || a.commonNounName(m.prefix, i, m.end) {
			i = m.end // "دعم مغربية الصحراء", "القاعدة العسكرية": a noun, no actor
			continue
		}
		for _, h := range a.x.headsOf(a.x.forms[m.val].actor) {
			a.recent[h] = a.x.forms[m.val].actor
		}
		if a.kindOf(a.x.forms[m.val].actor) == graph.KindPerson {
			lastPerson = a.x.forms[m.val].actor
		}
		f := a.x.forms[m.val]
		if f.typ == gazetteer.FormName && len(a.doc.named) < maxDocEntities {
			a.doc.named[f.actor] = true
			a.learnSurname(m.val, i, m.end)
		}
		start := i
		if a.leadingFirstName(m.val, i, m.end, m.prefix) {
			start = i - 1 // "محمد شهباز شريف": a first name the form lacks
		}
		a.men = append(a.men, mention{form: m.val, actor: f.actor, i: start, j: m.end, prefix: m.prefix, next: -1, prev: -1})
		a.bindTitle(a.men[len(a.men)-1])
		for k := start; k < m.end; k++ {
			a.menAt[k] = len(a.men) - 1
		}
		i = m.end
	}
}

// anaphorReaders are tried in order at a token where no name starts,
// after the pronouns of a person's country and forces; the first that adds
// a mention ends the search.
var anaphorReaders = []func(a *analyzer, i int){
	(*analyzer).kindAnaphor,       // "هذه الجماعة", "البلدان"
	(*analyzer).anaphor,           // "الحركة" after "حركة حماس"
	(*analyzer).delegationAnaphor, // "الوفد" with its head named earlier
	(*analyzer).statementAnaphor,  // "البيان" for its issuer
	(*analyzer).dualAnaphor,       // "الجانبان", "الطرفان"
	(*analyzer).partnerAnaphor,    // "معه" after a meeting word
}

// anaphorAt adds at most one mention for token i, where no name starts:
// the country or forces of the last person named (or the country of the
// person the sentence continues from, or that person by an honorific
// pronoun, before any actor), else the first reading of
// anaphorReaders that finds one.
//
// A token the table says no reader can read (mayAnaphorAt) is passed at
// once, as kindAnaphor, the first reader, would leave it (blocked 0).
func (a *analyzer) anaphorAt(i int, lastPerson, carried int32) {
	n := len(a.men)
	may := a.mayAnaphorAt(i, lastPerson >= 0 || n == 0 && carried >= 0)
	if !may && a.x.anaphorProbe == nil {
		a.doc.blocked = 0
		return
	}
	a.readAnaphor(i, lastPerson, carried)
	if a.x.anaphorProbe != nil {
		a.x.anaphorProbe(a, i, may, len(a.men) != n || a.doc.blocked != 0)
	}
}

// readAnaphor is anaphorAt past its table test.
func (a *analyzer) readAnaphor(i int, lastPerson, carried int32) {
	n := len(a.men)
	if lastPerson >= 0 {
		a.countryPronoun(i, lastPerson)
		if len(a.men) == n {
			a.forcesPronoun(i, lastPerson)
		}
	} else if n == 0 && carried >= 0 && !a.unnamedBefore(i) {
		a.countryPronoun(i, carried)
		if len(a.men) == n {
			a.honorificPronoun(i, carried) // "وقال سيادته"
		}
	}
	for _, read := range anaphorReaders {
		if len(a.men) != n {
			return
		}
		read(a, i)
	}
}

// otherFirstName reports whether the first name at token k is not the
// first name of person act ("أحمد الصفدي" is not أيمن الصفدي), so that the
// surname after it names someone else.
func (a *analyzer) otherFirstName(act int32, k int) bool {
	p := a.actor(act)
	if p.Kind != graph.KindPerson {
		return false
	}
	first, _, _ := strings.Cut(arabic.Normalize(p.NameAr), " ")
	return first != a.toks[k].Norm
}

// anaphor adds a mention of the last organisation of the article named
// with a head noun when token i is that noun with the article ("اتهم
// نتنياهو الحركة" after "حركة حماس"), unless an adjective makes it another
// body ("الحركة الإسلامية").
func (a *analyzer) anaphor(i int) {
	if len(a.recent) == 0 || !a.mayBeAnaphor(i) {
		return // no organisation named yet: none to refer back to
	}
	if a.doc.blocked == i+1 {
		return // "هذه الحركة" after two movements: kindAnaphor found it ambiguous
	}
	w := a.toks[i].Norm
	prefix := ""
	if r := arabic.CutConjunctions(w); r != w {
		prefix, w = w[:len(w)-len(r)], r
	}
	switch {
	case strings.HasPrefix(w, "لل"):
		prefix, w = prefix+"لل", "ال"+w[len("لل"):]
	case strings.HasPrefix(w, "بال"):
		prefix, w = prefix+"ب", w[len("ب"):]
	}
	if prefix == "" && !a.inWords(cueAnaphor, i, false) || prefix != "" && !a.anaphorWord(i, w) {
		return
	}
	h := strings.TrimPrefix(w, "ال")
	act, ok := a.recent[h]
	if !ok {
		return
	}
	if a.kindOf(act) == graph.KindState {
		act = a.salientState(h, act)
	}
	if i+1 < len(a.toks) && definite(a.toks[i+1].Norm) && adjectiveShaped(a.toks[i+1].Norm) {
		return
	}
	a.men = append(a.men, mention{form: a.x.pronounForm[act], actor: act, i: i, j: i + 1, prefix: prefix, next: -1, prev: -1})
	a.menAt[i] = len(a.men) - 1
}

// countryPronoun adds a mention of the state of person p when token i is a
// country pronoun ("بلاده"), possibly with clitics (the sentence's
// readings of the token, in arabic.Proclitics order).
func (a *analyzer) countryPronoun(i int, p int32) {
	prefix, ok := a.countryPronounAt(i)
	if !ok {
		return
	}
	p = a.countryHolder(i, p)
	act := a.actor(p)
	if !a.pronounOf.known || p != a.pronounOf.person || act.Affiliation != a.pronounOf.affiliation {
		a.pronounOf.known, a.pronounOf.person, a.pronounOf.affiliation = true, p, act.Affiliation
		a.pronounOf.state = a.x.stateOf(act.Affiliation)
	}
	st := a.pronounOf.state
	if st < 0 {
		return
	}
	a.men = append(a.men, mention{form: a.x.pronounForm[st], actor: st, i: i, j: i + 1, prefix: prefix, next: -1, prev: -1})
	a.menAt[i] = len(a.men) - 1
}

// forcesWords are a person's forces ("قواته"): his own, as the
// annotation reads them, when he serves an organisation; his state's when
// he serves a state.
var forcesWords = map[string]bool{
	"قواته": true, "قواتها": true, "قواتنا": true, "جيشه": true, "جيشها": true, "جيشنا": true,
	"مقاتليه": true, "مقاتليها": true, "مقاتلونا": true, "عناصره": true, "عناصرها": true,
}

// forcesWordsLast is the last bytes of forcesWords, tested first.
var forcesWordsLast = lastBytesOf(forcesWords)

// isForcesWord reports whether the normalised token w is a forces word,
// after one leading و or ف ("وقواته").
func isForcesWord(w string) bool {
	if len(w) < len("جيشه") || len(w) > len("ومقاتليها") || !forcesWordsLast.may(w) {
		return false
	}
	return forcesWords[trimConjunction(w)]
}

// forcesPronoun adds a mention of the forces of person p when token i is
// a forces word ("وأعلن حفتر أن قواته ستواصل القتال ضد ..."): p himself
// when he serves an organisation (a commander and his forces), else the
// state p serves.
func (a *analyzer) forcesPronoun(i int, p int32) {
	if in := a.wordAt(i); in == nil || !in.forces {
		return // isForcesWord, read by word id
	}
	prefix, _ := splitConjunction(a.toks[i].Norm)
	aff := a.actor(p).Affiliation
	act, ok := a.x.byID[aff]
	if !ok {
		return
	}
	if a.x.actors[act].Kind == graph.KindOrganisation {
		act = p // "حفتر ... اعتماد قواته على موسكو": the commander's own
	} else if act = a.x.stateOf(aff); act < 0 {
		return
	}
	f, ok := a.x.pronounForm[act]
	if !ok {
		f = a.x.titleForm
	}
	a.men = append(a.men, mention{form: f, actor: act, i: i, j: i + 1, prefix: prefix, next: -1, prev: -1})
	a.menAt[i] = len(a.men) - 1
}

// stateOf returns the state an actor id is or serves, following
// affiliations ("وزارة الخارجية السورية" → Syria), or -1.
func (x *Extractor) stateOf(id string) int32 {
	for n := 0; n < 8 && id != ""; n++ {
		i, ok := x.byID[id]
		if !ok {
			return -1
		}
		if x.actors[i].Kind == graph.KindState {
			return i
		}
		id = x.actors[i].Affiliation
	}
	return -1
}

func allowCueClitic(prefix, stem string) bool {
	if utf8.RuneCountInString(stem) <= 2 {
		return prefix == "و" || prefix == "ف"
	}
	return true
}

// keepCueReading is allowCueClitic for a reading of the sentence: a stem
// of two letters or fewer only after و or ف.
func keepCueReading(r arabic.Reading) bool {
	return !r.Short || r.Prefix == "و" || r.Prefix == "ف"
}

func (a *analyzer) findCues() {
	a.cues = a.cues[:0]
	a.cueAt = grow(a.cueAt, len(a.toks))
	a.kindAt = growKinds(a.kindAt, len(a.toks))
	t, s := a.x.cues, &a.sent
	for i := 0; i < len(a.toks); {
		if a.menAt[i] >= 0 {
			i = a.men[a.menAt[i]].j
			continue
		}
		best, bestEnd, bestPrefix := int32(-1), 0, ""
		try := func(first int32, prefix string) {
			n := t.Child(0, first)
			if n < 0 {
				return
			}
			j := i + 1
			for {
				if v := t.val[n]; v >= 0 && j > bestEnd {
					best, bestEnd, bestPrefix = v, j, prefix
				}
				if j < len(a.toks) && a.x.cliticParent[n] {
					if c := t.Child(n, a.x.cliticKeyOf(a.toks[j].Norm)); c >= 0 && t.val[c] >= 0 && j >= bestEnd {
						best, bestEnd, bestPrefix = t.val[c], j, prefix
					}
				}
				if j >= len(a.toks) || a.menAt[j] >= 0 {
					return
				}
				if n = t.Child(n, s.Words[j]); n < 0 {
					return
				}
				j++
			}
		}
		try(s.Words[i], "")
		if best < 0 {
			for _, r := range s.Readings(i) {
				switch {
				case !keepCueReading(r):
				case !r.Bare:
					try(r.Word, r.Prefix)
				case best < 0:
					// "للاعتداءات": the cue is listed without its article.
					try(r.Word, r.Prefix)
				}
			}
		}
		if best < 0 {
			i++
			continue
		}
		sp := &a.x.specs[best]
		if sp.kind == cueVerb && a.x.words[cueGrTimeWord][trimConjunction(a.toks[i].Norm)] {
			i++ // "يوم الاثنين" is Monday, not the verb أثنين
			continue
		}
		if sp.kind == cueNoun && a.titleConjunct(i) {
			i = bestEnd // "وزير الخارجية والتعاون الدولي": part of the title
			continue
		}
		a.cues = append(a.cues, cue{prefix: bestPrefix, spec: best, i: i, j: bestEnd, kind: sp.kind, rel: sp.rel})
		for k := i; k < bestEnd; k++ {
			a.cueAt[k] = len(a.cues) - 1
			a.kindAt[k] = sp.kind
		}
		i = bestEnd
	}
}

func (a *analyzer) cueKindAt(k int) cueKind {
	if k < 0 || k >= len(a.toks) {
		return cueNone
	}
	return a.kindAt[k]
}

// classify sets each mention's preposition, conjunction and exclusion.
func (a *analyzer) classify() {
	for mi := range a.men {
		a.classifyPreposition(mi)
		a.classifyAdjective(mi)
		a.classifyExclusion(mi)
	}
}

// classifyPreposition sets a mention's preposition and conjunction.
func (a *analyzer) classifyPreposition(mi int) {
	m := &a.men[mi]
	p := arabic.CutConjunctions(m.prefix)
	m.conj = strings.HasPrefix(m.prefix, "و") || m.i > 0 && a.toks[m.i-1].Norm == "و"
	if m.partner {
		m.prep, m.partyWord = prepParty, "مع" // "معه": the pronoun is مع's object
		return
	}
	prev := ""
	if m.i > 0 && a.menAt[m.i-1] < 0 {
		prev = arabic.CutConjunctions(a.toks[m.i-1].Norm)
	}
	switch {
	case p != "" && p != "ال":
		m.prep, m.clitic = prepClitic, p[:len("ب")]
	case prev == "ب" || prev == "ل" || prev == "ك":
		m.prep, m.clitic = prepClitic, prev // "بـ«كونتي»"
	case m.i >= 2 && a.toks[m.i-1].Norm == "من" && arabic.CutConjunctions(a.toks[m.i-2].Norm) == "كل":
		// "قطعت كل من السعودية ومصر": a list of subjects, not a place.
	default:
		switch a.cueKindAt(m.i - 1) {
		case cueParty, cueAgent:
			m.prep = prepParty
			m.partyWord = a.toks[m.i-1].Norm
		case cueBetween:
			m.prep = prepBetween
		case cueLocation:
			if !a.opensSentence(m.i-1) || a.frameVerb(m.i-1) == nil {
				m.prep = prepLocation // not "وعبر هنية عن تقديره": a verb opening the sentence
			}
		case cueStateLocation:
			m.prep = prepStateLoc
		}
	}
	if m.prep == prepClitic && m.clitic == "ب" && a.placeHead(*m) {
		m.prep = prepLocation // "بقصر قرطاج": the palace is a place here
	}
	if m.conj && m.prep == prepNone && mi > 0 {
		// "على القاهرة وأبو ظبي", "بالقاعدة والإخوان": a coordinated actor
		// shares the preposition of the one before.
		if p := a.men[mi-1]; m.i-p.j <= 1 {
			m.prep, m.clitic = p.prep, p.clitic
			if p.prep == prepParty && m.i > 0 {
				m.partyWord = p.partyWord
			}
		}
	}
}

// classifyAdjective sets whether a mention is a demonym used as an
// adjective, a state agent ("مسؤولين أمريكيين") or a stance's party
// ("للموقف المصري").
func (a *analyzer) classifyAdjective(mi int) {
	m := &a.men[mi]
	f := a.x.forms[m.form]
	m.adjective = f.adjective || a.accusativeAdjective(*m)
	if mi > 0 && a.men[mi-1].j == m.i && a.men[mi-1].actor == m.actor && a.sep[m.i] == 0 && m.prefix == "" && m.j == m.i+1 && definite(a.toks[m.i].Norm) {
		// "جماعة أنصار الله الحوثية": the same actor again, as an adjective.
		m.adjective = true
		return
	}
	if f.typ == gazetteer.FormDemonym && !f.adjective {
		// A plural demonym names the state as a noun (الأمريكيين يعملون) but
		// is an adjective when indefinite (مسؤولين أمريكيين) or after a
		// definite noun (المرتزقة الروس).
		stem := strings.TrimPrefix(a.toks[m.i].Norm, m.prefix)
		if !strings.HasPrefix(stem, "ال") && !strings.HasSuffix(m.prefix, "ال") ||
			m.i > 0 && a.menAt[m.i-1] < 0 && definite(a.toks[m.i-1].Norm) {
			m.adjective = true
		}
	}
	if m.adjective && (a.afterStateAgent(m.i) || m.conj && mi > 0 && a.men[mi-1].j == m.i && a.men[mi-1].stateAgent) {
		m.stateAgent = true
		m.adjective = false
		if n := mi + 1; n < len(a.men) && a.men[n].i-m.j <= 2 && !a.punctuated(m.j, a.men[n].i) && a.kindOf(a.men[n].actor) == graph.KindPerson &&
			!a.isWord(cueDelegationHead, m.j) {
			m.adjective = true // "المسؤول الأميركي ستيفن ...": a title
		}
	}
	if (m.adjective || a.nisbaName(*m)) && m.i > 0 && a.menAt[m.i-1] < 0 {
		// "للموقف المصري", "بالمقترح المصري", "للمبادرة السعودية": the
		// state is a party.
		if clitic, ok := a.stance(a.toks[m.i-1].Norm); ok {
			if clitic == "" && m.i >= 2 && a.menAt[m.i-2] < 0 {
				// "لجهود الوساطة القطرية"
				if c2, ok2 := a.stance(a.toks[m.i-2].Norm); ok2 {
					clitic = c2
				}
			}
			m.adjective, m.stateAgent = false, true
			if clitic != "" && m.prep == prepNone {
				m.prep, m.clitic = prepClitic, clitic
			}
		}
	}
}

// nisbaName reports whether mention m is a state named by one definite
// word shaped like its own adjective (السعودية) after a definite word: it
// agrees with that word as an adjective ("للمبادرة السعودية").
func (a *analyzer) nisbaName(m mention) bool {
	if m.j != m.i+1 || m.prefix != "" || m.i == 0 || a.actor(m.actor).Kind != graph.KindState {
		return false
	}
	w := a.toks[m.i].Norm
	return strings.HasPrefix(w, "ال") && adjectiveShaped(w) && definite(a.toks[m.i-1].Norm)
}

// classifyExclusion sets whether a mention can be no argument: an
// adjective, part of a title or a possession, a place.
func (a *analyzer) classifyExclusion(mi int) {
	m := &a.men[mi]
	f := a.x.forms[m.form]
	kind := a.kindOf(m.actor)
	if kind == graph.KindPerson {
		m.delegation = a.delegationHead(m.i)
	}
	switch {
	case m.adjective:
		m.excluded = true
	case m.delegation > 0:
		// "وفدا من حماس برئاسة هنية": the leader met the host.
	case m.prep == prepStateLoc && m.i >= 2 && a.isWord(cueDelegation, m.i-2):
		// "وفدا من مصر": the state sent the delegation.
	case kind == graph.KindPerson && m.prefix == "" && a.sep[m.i] == 0 && a.isWord(cueSubordinate, m.i-1):
		m.excluded = true // "ومساعد البرهان الفريق ياسر العطا": the aide is the actor
	case kind != graph.KindPerson && m.prefix == "" && a.afterPlaceNoun(m.i):
		m.excluded = true // "مطار الخرطوم الدولي", "جامعة القاهرة": a place
	case kind == graph.KindState && a.struckCity(*m):
		m.excluded = true // "غارات أميركية على صنعاء": the city struck
	case kind == graph.KindPerson && a.placeBefore(m.i, m.j == m.i+1):
		m.excluded = true // "في جامعة الملك سعود": a place named after him
	case a.affiliationBefore(*m):
		m.excluded = true // "جماعات مسلحة متحالفة مع إيران": a description
	case a.cueKindAt(m.i-1) == cueTitle && kind != graph.KindPerson:
		m.excluded = true // "رئيس وزراء ايطاليا": part of a person's title
	case a.cueKindAt(m.i-1) == cuePossessor && kind != graph.KindOrganisation && !(kind == graph.KindState && governmentWord(a.toks[m.i-1].Norm)) &&
		!a.definiteOwner(*m, kind):
		m.excluded = true // "قوات حفتر", "حكومة السراج"; "حكومة اليمن" is Yemen
	case m.prep == prepLocation:
		m.excluded = true
	case a.describesPerson(*m):
		m.excluded = true // "X، الناطق باسم جماعة الحوثي، ...": X's office
	case a.place(*m, f, kind):
		m.excluded = true
	}
	if kind != graph.KindPerson && mi+1 < len(a.men) {
		n := a.men[mi+1]
		gap := 0
		if n.i > m.j && a.sep[m.j] == 0 {
			gap = a.longestPhraseAt(cueRank, m.j) // "القائد العام لقوات اليونيفل اللواء X"
		}
		_, dem := a.demonstrativeAt(n.i) // "هذا الرجل": no name for a title to hold
		if n.i == m.j+gap && a.kindOf(n.actor) == graph.KindPerson && n.prefix == "" && !dem || a.titleBodyBeforeName(*m, n) {
			m.excluded = true // "الأمين العام للأمم المتحدة أنطونيو غوتيريش"
		}
	}
}

// place reports whether a state, capital or body is named as a place: after
// a preposition of place ("من ليبيا", "بروما", "على طرابلس") or as the
// dateline opening the text ("أنقرة - ", "أنقرة (وكالات) -", "أربيل
// (كردستان 24)-").
func (a *analyzer) place(m mention, f form, kind graph.Kind) bool {
	switch {
	case m.prep == prepStateLoc && (kind == graph.KindState || f.typ == gazetteer.FormCapital):
		return true
	case f.typ == gazetteer.FormCapital && m.prep != prepNone && !(m.prep == prepParty && (m.partyWord == "مع" || m.partyWord == "علي")):
		return true
	case a.struckCity(m):
		return true
	}
	return (f.typ == gazetteer.FormCapital || kind != graph.KindPerson && m.j == 1) && m.i == 0 && len(a.sep) > m.j &&
		(a.sep[m.j] == '-' || strings.Contains(a.text[a.toks[m.j-1].End:a.toks[m.j].Start], "("))
}

// describesPerson reports whether a mention stands inside a title set off
// by a comma right after a person ("اتهم محمد عبد السلام، الناطق باسم
// جماعة أنصار الله، التحالف"): the actor only says whom the person serves.
// A person there is the next of a list, and so is anything after "، و".
func (a *analyzer) describesPerson(m mention) bool {
	if a.kindOf(m.actor) == graph.KindPerson {
		return false // "X، رئيس المجلس Y": a list of persons
	}
	for j := m.i; j > 0 && j >= m.i-6; j-- {
		if a.sep[j] != 0 {
			if j == m.i || a.sep[j] != ',' || a.cueKindAt(j) != cueTitle || strings.HasPrefix(a.cues[a.cueAt[j]].prefix, "و") {
				return false // not "X، ورئيس مجلس الشورى": a list goes on
			}
			p := a.menAt[j-1]
			return p >= 0 && a.kindOf(a.men[p].actor) == graph.KindPerson
		}
		if j == m.i {
			continue
		}
		if mi := a.menAt[j]; mi >= 0 && !a.men[mi].adjective {
			return false
		}
		if k := a.cueKindAt(j); k.isTrigger() || k == cueClauseBreak || k == cueRelative || k == cueComplementizer {
			return false
		}
	}
	return false
}

// afterStateAgent reports whether the word before token i, or the one
// before an adjective between, is a state agent ("مسؤولين أمريكيين",
// "القوات الجوية الأمريكية").
func (a *analyzer) afterStateAgent(i int) bool {
	if a.cueKindAt(i-1) == cueStateAgent {
		return true
	}
	return i >= 2 && a.cueAt[i-1] < 0 && a.menAt[i-1] < 0 && adjectiveShaped(a.toks[i-1].Norm) && a.cueKindAt(i-2) == cueStateAgent
}

// lookupWord reports whether a normalised word, or the word without a
// leading و or ف, is an entry of the lookup section kind.
func (a *analyzer) lookupWord(kind cueKind, w string) bool {
	set := a.x.words[kind]
	if set[w] {
		return true
	}
	if r := arabic.CutConjunctions(w); r != w && r != "" {
		return set[r]
	}
	return false
}

// isWord reports whether token k is an entry of the lookup section kind.
func (a *analyzer) isWord(kind cueKind, k int) bool {
	if k < 0 || k >= len(a.toks) || a.menAt[k] >= 0 {
		return false
	}
	return a.inWords(kind, k, false) || a.inCutWords(kind, k, false)
}

// phraseAt returns the length in tokens of an entry of the lookup section
// kind starting at token k (the first word possibly with و or ف), or 0.
func (a *analyzer) phraseAt(kind cueKind, k int) int {
	if k >= len(a.toks) {
		return 0
	}
	cut := !a.inWords(kind, k, true)
	switch {
	case cut && !a.inCutWords(kind, k, true):
		return 0
	case !cut && a.inWords(kind, k, false), cut && a.inCutWords(kind, k, false):
		return 1
	case !a.multiWord(kind, k, cut):
		return 0
	}
	if bit, ok := a.x.phrases.byID(kind); ok {
		first := a.sent.Words[k]
		if cut {
			first = a.sent.Cut[k]
		}
		return a.x.phrases.shortest(bit, first, &a.sent, k)
	}
	t := a.toks[k].Norm
	if cut {
		t = arabic.CutConjunctions(t)
	}
	set := a.x.words[kind]
	b := append(a.phrase[:0], t...)
	defer func() { a.phrase = b }()
	for n := 1; n < 4 && k+n < len(a.toks); n++ {
		b = append(append(b, ' '), a.toks[k+n].Norm...)
		if set[string(b)] {
			return n + 1
		}
	}
	return 0
}

// stance reports whether a normalised word is a stance noun ("للموقف",
// "بالمقترح", "الجهود") and returns its preposition clitic (ب or ل), if any.
func (a *analyzer) stance(w string) (clitic string, ok bool) {
	w = arabic.CutConjunctions(w)
	set := a.x.words[cueStance]
	switch {
	case set[w]:
		return "", true
	case strings.HasPrefix(w, "لل") && set["ال"+strings.TrimPrefix(w, "لل")]:
		return "ل", true
	case (strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل")) && set[w[len("ب"):]]:
		return w[:len("ب")], true
	}
	return "", false
}

// delegationHead returns 1 + the token of the delegation noun whose leader
// is named at token i ("وفدا من حماس برئاسة إسماعيل هنية"), or 0.
func (a *analyzer) delegationHead(i int) int {
	h := a.headWordBefore(i)
	if h < 0 {
		return 0
	}
	for k := h - 1; k >= 0 && k >= h-8; k-- {
		if a.sep[k+1] == ';' {
			return 0
		}
		if a.isWord(cueDelegation, k) {
			return k + 1
		}
	}
	return 0
}

// clauses numbers the clauses of the sentence.
func (a *analyzer) clauses() {
	a.clause = a.clause[:0]
	c := 0
	asideEnd := -1
	for i := range a.toks {
		if i == asideEnd {
			// The aside closed: the clause it interrupted goes on, maybe
			// through another aside ("، في مقر الوزارة، بالرياض اليوم،").
			a.clause = append(a.clause, c)
			if e := a.aside(i); e > 0 {
				asideEnd = e
			}
			continue
		}
		if i > 0 && asideEnd < i {
			if e := a.aside(i); e > 0 {
				asideEnd = e
			}
		}
		if i > 0 && asideEnd < i {
			switch {
			case a.sep[i] == ';' && a.examplesColon(i):
				// "الجماعات من أمثال: حزب الله وحماس": the examples go on.
			case a.sep[i] == ';':
				c++
			case a.sep[i] == ',' && !a.listContinues(i) && !a.subjectComma(i):
				c++
			default:
				switch a.cueKindAt(i) {
				case cueClauseBreak, cueComplementizer:
					if a.cueAt[i] >= 0 && a.cues[a.cueAt[i]].i == i {
						c++
					}
				}
			}
		}
		a.clause = append(a.clause, c)
	}
}

// subjectComma reports whether the comma before token i only sets off the
// subject of a verb-first trigger from its object ("أدانت وزارة الخارجية
// السودانية، الهجوم الذي ...", "أعربت الحكومة، عن ترحيبها ..."): the actor
// before it follows the verb directly and a definite word or عن follows it.
func (a *analyzer) subjectComma(i int) bool {
	if i < 2 || a.menAt[i] >= 0 || a.menAt[i-1] < 0 {
		return false
	}
	m := a.men[a.menAt[i-1]]
	if m.i > 0 && a.menAt[m.i-1] >= 0 && a.bracketedAlias(m.i) == m.j {
		m.i = a.men[a.menAt[m.i-1]].i // "المجموعة الاقتصادية … (إيكواس)،"
	}
	if m.j != i || m.i == 0 || m.excluded || m.prep != prepNone {
		return false
	}
	v := m.i - 1
	for v > 0 && m.i-v < 3 && a.cueAt[v] >= 0 && (a.cueKindAt(v) == cueTitle || a.cueKindAt(v) == cuePossessor || a.cueKindAt(v) == cueStateAgent) {
		v-- // "أعربت الحكومة السودانية،": a head word before a demonym
	}
	if ci := a.cueAt[v]; (ci < 0 || !a.cues[ci].kind.isTrigger() || a.cues[ci].j != v+1) && a.frameVerb(v) == nil {
		return false
	}
	w := arabic.CutConjunctions(a.toks[i].Norm)
	if k := a.cueKindAt(i); a.cueAt[i] >= 0 && k != cueNoun && w != "عن" {
		return false // a verb or a clause word opens a clause of its own
	}
	if strings.HasPrefix(w, "ب") && a.cueAt[i] < 0 && a.frameVerb(v) != nil {
		return true // "هدد قادة إيكواس، باتخاذ إجراءات": the frame's complement
	}
	return w == "عن" || strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "بال") || strings.HasPrefix(w, "لل")
}

// maxAside is the longest aside, in words, that a clause may hold.
const maxAside = 9

// aside returns the token after a comma- or bracket-delimited aside that
// starts at token i ("استقبل الرئيس، اليوم الأربعاء، في القصر، رئيس ..."):
// a few words with no actor and no trigger between two commas or in
// brackets, which do not end the clause around them. It returns 0 when
// no aside starts at i.
func (a *analyzer) aside(i int) int {
	if e := a.apposition(i); e > 0 {
		return e
	}
	open := a.sep[i]
	if open != ',' && !(open == ';' && strings.ContainsRune(a.text[a.toks[i-1].End:a.toks[i].Start], '(')) {
		return 0
	}
	if e := a.bracketedAlias(i); e > 0 {
		return e
	}
	if e := a.coAgentAside(i); e > 0 {
		return e
	}
	for k := i; k < len(a.toks) && k <= i+maxAside; k++ {
		if k > i && a.sep[k] != 0 {
			closed := a.sep[k] == ',' && open == ',' || open == ';' && strings.ContainsRune(a.text[a.toks[k-1].End:a.toks[k].Start], ')')
			if !closed || k == len(a.toks) {
				return 0
			}
			return k
		}
		if mi := a.menAt[k]; mi >= 0 && !a.placeMention(mi) || a.cueKindAt(k).isTrigger() || a.frameVerb(k) != nil {
			return 0 // an aside may name a place ("في الرياض", "بالرياض"), no actor
		}
		switch a.cueKindAt(k) {
		case cueClauseBreak, cueComplementizer, cueRelative:
			return 0
		case cueReported:
			if a.toks[i].Norm != "في" {
				return 0 // "، في بيان،" is an aside; "، قال X،" is not
			}
		}
	}
	return 0
}

// bracketedAlias returns the token after a bracket at token i that holds
// only another name of the actor named right before it with no
// preposition ("هدد قادة المجموعة الاقتصادية لدول غرب أفريقيا (إيكواس)"),
// or 0: the clause goes on. After a preposition ("بالتعاون مع X (Y)،")
// the bracket still ends the clause.
func (a *analyzer) bracketedAlias(i int) int {
	if a.sep[i] != ';' || a.menAt[i] < 0 || a.menAt[i-1] < 0 || !strings.ContainsRune(a.text[a.toks[i-1].End:a.toks[i].Start], '(') {
		return 0
	}
	m, before := a.men[a.menAt[i]], a.men[a.menAt[i-1]]
	if m.i != i || m.actor != before.actor || before.prep != prepNone || !a.verbFirstSubject(before.i) || m.j >= len(a.toks) || !strings.ContainsRune(a.text[a.toks[m.j-1].End:a.toks[m.j].Start], ')') {
		return 0
	}
	return m.j
}

// verbFirstSubject reports whether a mention starting at token i follows a
// verb right before it, past at most two words of no lexicon kind or of a
// title ("هدد قادة X"): the verb's subject.
func (a *analyzer) verbFirstSubject(i int) bool {
	for v := i - 1; v >= 0 && v >= i-3; v-- {
		if ci := a.cueAt[v]; ci >= 0 && a.cues[ci].kind == cueVerb && a.cues[ci].i == v && !strings.Contains(a.cues[ci].prefix, "ال") || a.frameVerb(v) != nil {
			return true // not "بالتعاون مع X": a noun with its preposition
		}
		if a.menAt[v] >= 0 || a.sep[v+1] != 0 || a.cueKindAt(v) != cueNone && a.cueKindAt(v) != cueTitle {
			return false
		}
	}
	return false
}

// coAgentAside returns the token after an aside between commas that opens
// with a co-agent phrase and names only actors ("، إلى جانب إيران،"), or 0.
func (a *analyzer) coAgentAside(i int) int {
	n := a.phraseAt(cueCoAgent, i)
	if n == 0 || a.sep[i] != ',' || i+n >= len(a.toks) || a.menAt[i+n] < 0 {
		return 0
	}
	for k := i + n; k < len(a.toks) && k <= i+n+maxAside; k++ {
		if k > i+n && a.sep[k] != 0 {
			if a.sep[k] != ',' {
				return 0
			}
			return k
		}
		if a.menAt[k] < 0 && a.toks[k].Norm != "و" {
			return 0
		}
	}
	return 0
}

// coAgents joins each actor of a co-agent aside to the list of the actor
// right before the aside: "تدعم روسيا، إلى جانب إيران، بشار الأسد" has two
// subjects.
func (a *analyzer) coAgents() {
	for mi := range a.men {
		m := &a.men[mi]
		start := m.i - 1
		for start > 0 && a.phraseAt(cueCoAgent, start) == 0 && m.i-start < 3 {
			start--
		}
		if start < 1 || a.phraseAt(cueCoAgent, start) != m.i-start || a.coAgentAside(start) == 0 {
			continue
		}
		p := a.menAt[start-1]
		if p < 0 || a.men[p].excluded {
			continue
		}
		m.excluded, m.prep, m.partyWord, m.conj = false, prepNone, "", true
		last := a.head(p)
		for a.men[last].next >= 0 {
			last = a.men[last].next
		}
		if last != mi {
			a.men[last].next, m.prev = mi, last
		}
	}
}

// listContinues reports whether the text after a comma at token i goes on
// with a list of actors rather than a new clause: an actor follows within a
// few words with no trigger or clause word before it.
func (a *analyzer) listContinues(i int) bool {
	limit := 5
	if k := a.cueKindAt(i); (k == cueTitle || k == cuePossessor || k == cueStateAgent) && strings.HasPrefix(a.toks[i].Norm, "و") {
		limit = 10 // "، ونائب قائد القوات الجوية في قوات إفريكوم الجنرال جون"
	}
	if a.menAt[i] < 0 && a.cueAt[i] < 0 && strings.HasPrefix(a.toks[i].Norm, "و") {
		return false // "، وبحثا ...": و and a verb start a clause
	}
	for k := i; k < len(a.toks) && k < i+limit; k++ {
		if a.menAt[k] >= 0 {
			return true
		}
		switch a.cueKindAt(k) {
		case cueNone, cueTitle, cuePossessor, cueStateAgent, cueLocation, cueStateLocation:
		default:
			return false
		}
	}
	return false
}

// links joins coordinated eligible mentions (X و Y و Z, X، وY) into lists.
func (a *analyzer) links() {
	prev, host := -1, -1
	for mi := range a.men {
		m := &a.men[mi]
		if m.excluded {
			continue
		}
		kind := a.kindOf(m.actor)
		switch {
		case host >= 0 && m.conj && a.men[host].next < 0 && a.kindOf(a.men[prev].actor) != kind &&
			a.kindOf(a.men[host].actor) == kind && a.clause[a.men[host].i] == a.clause[m.i]:
			// "قوات المجلس الانتقالي المدعوم من الإمارات وقوات الجيش اليمني":
			// the army joins the council, not the backer.
			a.men[host].next = mi
			m.prev = host
		case prev >= 0 && a.coordinated(prev, mi):
			a.men[prev].next = mi
			m.prev = prev
		}
		host = -1
		if k := a.cueKindAt(m.i - 1); (k == cuePassive || k == cueParticiple) && prev >= 0 {
			host = prev
		}
		prev = mi
	}
	a.coAgents()
	// "وأكد الجانبان": the two participants of the meeting form a list.
	for mi := 1; mi < len(a.men); mi++ {
		if a.men[mi].pair {
			a.men[mi-1].next, a.men[mi].prev, a.men[mi].conj = mi, mi-1, true
		}
	}
	// "وفدا من حماس برئاسة هنية": the leader joins the delegation's actor.
	for mi := range a.men {
		d := a.men[mi].delegation
		if d == 0 || a.men[mi].prev >= 0 {
			continue
		}
		h := a.headWordBefore(a.men[mi].i)
		for p := mi - 1; p >= 0 && a.men[p].i >= d; p-- {
			if !a.men[p].excluded && a.men[p].i < h {
				if a.men[p].next < 0 && a.clause[a.men[p].i] == a.clause[a.men[mi].i] {
					a.men[p].next, a.men[mi].prev = mi, p
				}
				break
			}
		}
	}
}

func (a *analyzer) coordinated(p, n int) bool {
	mp, mn := a.men[p], a.men[n]
	if a.clause[mp.i] != a.clause[mn.i] || mn.i-mp.j > 10 {
		return false
	}
	if mn.prep != prepNone && !(mn.prep == mp.prep && mn.clitic == mp.clitic) {
		return false
	}
	if mn.i == mp.j {
		return mn.conj
	}
	if mn.i < mp.j {
		return false // the two states of "البلدين": joined as a pair (links)
	}
	hasConj := func(k int) bool {
		if a.menAt[k] >= 0 || !strings.HasPrefix(a.toks[k].Norm, "و") {
			return false
		}
		// "وزير", "وفد", "ولي العهد": a cue whose و is its own first letter.
		if ci := a.cueAt[k]; ci >= 0 && a.cues[ci].i == k && !strings.HasPrefix(a.cues[ci].prefix, "و") {
			return false
		}
		return true
	}
	first := mp.j
	if a.toks[first].Norm == "و" && first+1 < mn.i {
		first++
	}
	// "X المعترف بها دوليا والجنرال Y": the و is next to Y, and a short
	// description of X may come between.
	conjLast := mn.conj
	for k := mp.j + 1; k < mn.i; k++ {
		if hasConj(k) {
			conjLast = true
		}
	}
	conjFirst := hasConj(mp.j)
	if !conjLast && !conjFirst || a.eventWordBetween(mp.j, mn.i) {
		return false
	}
	limit := 5
	inTitle := false
	for k := mp.j; k < mn.i; k++ {
		if a.menAt[k] >= 0 {
			continue
		}
		switch a.cueKindAt(k) {
		case cueTitle, cuePossessor, cueStateAgent:
			// "، ونائب قائد القوات الجوية في قوات إفريكوم الجنرال جون"
			if k == first && conjFirst {
				limit = 10
			}
			inTitle = true
		case cueLocation, cueStateLocation:
			// "في غزة والسودان": the و continues the place, not the list;
			// only a title may hold a place ("نائب قائد ... في قوات إفريكوم").
			if !inTitle {
				return false
			}
		case cuePassive, cueParticiple:
			// "بين قوات المجلس الانتقالي المدعوم من الإمارات وقوات الجيش"
			if !conjLast {
				return false
			}
		case cueNone:
			if !conjLast && k != first && !inTitle {
				return false
			}
		default:
			return false
		}
	}
	return mn.i-mp.j <= limit
}

// list returns a mention and the mentions coordinated after it.
func (a *analyzer) list(mi int) []int {
	n := 1
	for k := mi; a.men[k].next >= 0; k = a.men[k].next {
		n++
	}
	out := append(make([]int, 0, n), mi)
	for a.men[mi].next >= 0 {
		mi = a.men[mi].next
		out = append(out, mi)
	}
	return out
}

// listBefore is the list of mi cut before token pos.
func (a *analyzer) listBefore(mi, pos int) []int {
	l := a.list(mi)
	for n, m := range l {
		if a.men[m].j > pos {
			return l[:n]
		}
	}
	return l
}

// sameKind keeps the members of a list of the same kind as its head: after
// "المدعوم من الإمارات وقوات الجيش اليمني" the army is not a backer.
func (a *analyzer) sameKind(l []int) []int {
	if len(l) == 0 {
		return nil
	}
	k := a.kindOf(a.men[l[0]].actor)
	out := l[:1]
	for _, mi := range l[1:] {
		if a.kindOf(a.men[mi].actor) != k {
			break
		}
		out = append(out, mi)
	}
	return out
}

// head returns the first mention of the list mi belongs to.
func (a *analyzer) head(mi int) int {
	for a.men[mi].prev >= 0 {
		mi = a.men[mi].prev
	}
	return mi
}

func (a *analyzer) listEnd(mi int) int {
	for a.men[mi].next >= 0 {
		mi = a.men[mi].next
	}
	return a.men[mi].j
}

// subjectBefore finds the subject of a trigger at token pos: the nearest
// eligible mention without a preposition before it in the same clause,
// or the antecedent of a relative pronoun ("X التي تدعم").
func (a *analyzer) subjectBefore(pos int) int {
	if pos <= 0 || pos > len(a.toks) {
		return -1
	}
	cl := a.clause[min(pos, len(a.toks)-1)]
	for k := pos - 1; k >= 0 && k >= pos-12 && a.clause[k] == cl; k-- {
		if mi := a.menAt[k]; mi >= 0 {
			m := a.men[mi]
			if h := a.head(mi); !m.excluded && m.prep == prepNone && a.men[h].prep == prepNone && !a.nounObject(h) && !a.attendee(m) {
				if a.reporter(h) {
					return -1 // "كشفت السفارة ... عناوين لقاء": the reporter
				}
				return h
			}
			k = m.i
			continue
		}
		if a.cueKindAt(k) == cueRelative {
			if k > 0 && !strings.HasPrefix(a.toks[k].Norm, "و") {
				if mi := a.menAt[k-1]; mi >= 0 && !a.men[mi].excluded && a.men[mi].prep == prepNone {
					return a.head(mi)
				}
			}
			return -1
		}
	}
	return -1
}

// attendee reports whether a mention follows an attendance word, past at
// most three honorifics ("بحضور صاحب السمو الملكي الأمير سلمان"): a guest
// of the meeting, not the subject of the clause around the aside.
func (a *analyzer) attendee(m mention) bool {
	return a.afterEventWord(m, cueEventAttendance)
}

// guest reports whether a mention follows an attendance or companion word
// ("بحضور ولي العهد", "برفقة وزير الخارجية، أسعد الشيباني"): a guest or a
// companion of the meeting, never the object of the verb before.
func (a *analyzer) guest(m mention) bool {
	return a.afterEventWord(m, cueEventAttendance) || a.afterEventWord(m, cueEventCompanion)
}

// afterEventWord reports whether a mention follows a word of the event
// section kind, past at most three titles or honorifics.
func (a *analyzer) afterEventWord(m mention, kind cueKind) bool {
	for k := m.i - 1; k >= 0 && k >= m.i-4; k-- {
		if k+1 < m.i && a.sep[k+1] != 0 || a.menAt[k] >= 0 {
			return false
		}
		if a.longestPhraseAt(kind, k) > 0 {
			return true
		}
	}
	return false
}

// nounObject reports whether a mention is the complement of a trigger noun
// right before it ("بتسليح الحوثيين"): it is not a subject.
func (a *analyzer) nounObject(mi int) bool {
	k := a.men[mi].i - 1
	return a.cueKindAt(k) == cueNoun && a.cues[a.cueAt[k]].j == a.men[mi].i
}

// topic is the first eligible mention without a preposition in the sentence
// before pos (a reporting verb's speaker aside): the subject that a clause
// without one continues.
func (a *analyzer) topic(pos int) int {
	for mi, m := range a.men {
		if m.i >= pos {
			break
		}
		if !m.excluded && m.prep == prepNone && !a.reporter(mi) {
			return a.head(mi)
		}
	}
	return -1
}

// adjacent reports whether only titles and state agents stand between
// tokens from and to ("وحذّر نتنياهو", "والتقى الرئيس السوري أحمد الشرع").
func (a *analyzer) adjacent(from, to int) bool {
	for k := from; k < to; k++ {
		if a.menAt[k] >= 0 && a.men[a.menAt[k]].excluded {
			continue
		}
		switch a.cueKindAt(k) {
		case cueTitle, cueStateAgent:
			continue
		}
		if n := a.timeAside(k, to); n > 0 {
			k += n - 1 // "حمّل الحشد الشعبي، أمس، الولايات المتحدة"
			continue
		}
		return false
	}
	return true
}

// nameTail returns how many words at token k continue the name of the
// person mentioned right before them ("بن عبدالعزيز", "بن عبد العزيز", "آل
// سعود"), else 0.
func (a *analyzer) nameTail(k int) int {
	if k == 0 || k+1 >= len(a.toks) || a.sep[k] != 0 || a.sep[k+1] != 0 || a.menAt[k+1] >= 0 || a.cueAt[k+1] >= 0 {
		return 0
	}
	switch a.toks[k].Norm {
	case "بن", "بنت", "ال":
	default:
		return 0
	}
	n := 2
	if a.toks[k+1].Norm == "عبد" && k+2 < len(a.toks) && a.sep[k+2] == 0 && a.menAt[k+2] < 0 {
		n = 3 // "بن عبد العزيز"
	}
	if p := a.menAt[k-1]; p >= 0 && a.kindOf(a.men[p].actor) == graph.KindPerson {
		return n
	}
	for back := 2; back <= 3; back++ {
		if k >= back && a.menAt[k-back] < 0 && a.nameTail(k-back) == back {
			return n // "بن عبد العزيز آل سعود": a particle after a particle
		}
	}
	return 0
}

// timeAside returns the length of an aside of time and place between
// commas that starts at token k and ends before token to ("، أمس،", "،
// اليوم الأحد،", "، صباح اليوم الأربعاء في مقر المجلس بطرابلس،"), or 0:
// at most maxAside words, no actor but a place, no cue but a preposition
// of place or a title's word, no punctuation inside.
func (a *analyzer) timeAside(k, to int) int {
	if a.sep[k] != ',' {
		return 0
	}
	for n := 1; n <= maxAside && k+n <= to; n++ {
		j := k + n - 1
		if mi := a.menAt[j]; mi >= 0 && !a.men[mi].excluded || n > 1 && a.sep[j] != 0 {
			return 0
		}
		if c := a.cueKindAt(j); c != cueNone && c != cueLocation && c != cueStateLocation && c != cueTitle && c != cuePossessor {
			return 0
		}
		if k+n < len(a.toks) && a.sep[k+n] == ',' {
			return n
		}
	}
	return 0
}

// carriedSubject is the subject a clause-initial coordinated verb shares
// with the sentence's first verb ("وقالت قسد ...، واتهمت موسكو": قسد):
// the first eligible mention of the sentence, a reporting verb's speaker
// included. An imperfect verb after a complementiser ("قال X إن Y يدعم
// Z، ويضغط على W") continues the reported clause instead (topic). -1 when
// the verb is not clause-initial with و or no subject precedes.
func (a *analyzer) carriedSubject(c cue) int {
	if c.i == 0 {
		return -1
	}
	stem := a.toks[c.i].Norm
	switch {
	case a.isWord(cueContinuation, c.i-1) && c.i >= 2:
		// "وصل فيدان إلى دمشق حيث التقى الرئيس السوري أحمد الشرع"
		stem = strings.TrimPrefix(stem, c.prefix)
	case a.clause[c.i-1] == a.clause[c.i]:
		return -1
	case strings.HasPrefix(c.prefix, "و"):
		stem = strings.TrimPrefix(stem, c.prefix)
	case a.toks[c.i].Norm == "و":
		return -1
	case c.i > 0 && a.toks[c.i-1].Norm == "و":
	default:
		return -1
	}
	// "وتوعدوا" is a perfect plural although it starts like an imperfect.
	if r, _ := utf8.DecodeRuneInString(stem); (r == 'ي' || r == 'ت' || r == 'ن') && !strings.HasSuffix(stem, "وا") {
		for k := c.i - 1; k >= 0; k-- {
			if a.cueKindAt(k) == cueComplementizer {
				return a.topic(c.i)
			}
		}
	}
	for mi, m := range a.men {
		if m.i >= c.i {
			break
		}
		if !m.excluded && m.prep == prepNone {
			return a.head(mi)
		}
	}
	return -1
}

// speakerBefore is the speaker of a reporting verb of the clause before
// token pos ("أكدت السعودية دعمها"), or -1.
func (a *analyzer) speakerBefore(pos int) int {
	cl := a.clause[pos]
	for k := pos - 1; k >= 0 && k >= pos-6 && a.clause[k] == cl; k-- {
		if mi := a.menAt[k]; mi >= 0 && !a.men[mi].excluded && a.reporter(a.head(mi)) {
			return a.head(mi)
		}
	}
	return -1
}

// reporter reports whether a mention is the speaker of a reporting verb
// right before it ("كشفت السفارة الأميركية ...").
func (a *analyzer) reporter(mi int) bool {
	k := a.men[mi].i - 1
	switch a.cueKindAt(k) {
	case cueReported, cueReportedAfter: // "وحسب ترامب ...": the source
		return true
	}
	return a.cueKindAt(k) == cueStateAgent && a.cueKindAt(k-1) == cueReported
}

// after finds the first eligible mention at or after token pos in the same
// clause, within window tokens, stopping at a verb trigger, a relative
// pronoun or a complementiser. With bare it skips mentions with a
// preposition. A mention starting near words or more after pos (titles,
// excluded actors and prepositions not counted) is accepted only if it has
// a preposition or its last word before it is a party preposition or a word
// with ل or ب ("لجهود الجيش الليبي"); near 0 demands this of every mention.
// via is the party cue that introduced the mention (cueBetween for
// "بين X و Y").
func (a *analyzer) after(pos, cl, window int, bare bool, near int) (mi int, via cueKind) {
	mark := cueNone
	inTitle, titleMarked := false, false
	dist := 0
	// end is where the window closes: title words and the actors inside a
	// title ("معالي وزير خارجية الجمهورية الإسلامية الإيرانية X") do not
	// count towards it.
	end := pos + window
	for k := pos; k < len(a.toks) && k < end; k++ {
		if a.clause[k] != cl {
			return -1, cueNone
		}
		if mi := a.menAt[k]; mi >= 0 {
			m := a.men[mi]
			k = m.j - 1
			if !m.excluded && a.kindOf(m.actor) == graph.KindPerson && a.guest(m) {
				m.excluded = true // "بحضور ولي العهد", "برفقة وزير الخارجية"
			}
			if m.excluded {
				end += m.j - m.i
				if titleMarked && inTitle && !a.titleGoesOn(m.j) {
					// "يتصل بقائد الجيش الليبي ويقر ...": the object is the
					// unnamed holder of the title.
					return -1, cueNone
				}
				continue
			}
			if bare && (m.prep != prepNone || titleMarked) {
				// "يجتمع برئيس الوزراء القطري ... والمبعوث الأمريكي ...":
				// objects, with the actors listed after them.
				titleMarked = false
				k = a.listEnd(mi) - 1
				continue
			}
			if m.prep == prepBetween {
				mark = cueBetween
			}
			inTitle = false
			if dist >= near && m.prep == prepNone && mark == cueNone {
				dist++
				continue
			}
			return mi, mark
		}
		if !bare && a.closesObject(k, pos, dist) {
			return -1, cueNone
		}
		kind := a.cueKindAt(k)
		if kind == cueRelative && !bare && k > pos && a.rel != graph.Met {
			// "تعترض على القرار الذي أعدته بريطانيا": the author of what
			// the relation is about is its party.
			if au := a.author(k); au >= 0 {
				return au, cueParty
			}
		}
		switch kind {
		case cueVerb, cueRefusal, cueRelative, cueComplementizer, cuePassive, cueParticiple:
			return -1, cueNone
		case cueParty, cueBetween:
			mark = kind
			continue
		case cueTitle, cuePossessor, cueStateAgent:
			if kind == cueTitle {
				end++
			}
			if !inTitle && a.prepositionOn(k) {
				mark = cueParty // "للحكومة الأوكرانية"
				titleMarked = true
			}
			inTitle = true
			continue
		case cueLocation, cueStateLocation:
			continue
		}
		if n := a.nameRun(k); n > 0 {
			// "الأمير محمد بن سلمان بن عبدالعزيز آل سعود": the rest of the
			// name; "الفريق أول الركن X": a rank before one.
			end += n
			k += n - 1
			continue
		}
		if n := a.timeAside(k, len(a.toks)); n > 0 {
			// "، اليوم الثلاثاء،": a short aside between commas is no
			// distance between a verb and its object.
			end += n
			k += n - 1
			continue
		}
		dist++
		n := arabic.CutConjunctions(a.toks[k].Norm)
		if strings.HasPrefix(n, "ل") || strings.HasPrefix(n, "ب") {
			mark = cueParty
		} else if mark != cueBetween && !inTitle {
			mark = cueNone
		}
	}
	return -1, cueNone
}

// prepositionOn reports whether the cue at token k carries a preposition
// ("للحكومة الأوكرانية"). after asks it of the first word of a title run
// only: inside one ("القائد العام للقوات المسلحة") a preposition opens
// the title's complement, not the object of the verb.
func (a *analyzer) prepositionOn(k int) bool {
	p := arabic.CutConjunctions(a.cues[a.cueAt[k]].prefix)
	return p != "" && p != "ال"
}

// closesObject reports whether the word at k, dist words into the object
// of a verb before pos, ends the search for the verb's party: an about
// word after the object ("انتقدت X تصريحات Y بشأن Z": Z is what was said),
// after a support verb على before a verbal noun ("ساعدتها على هزيمة Z": Z
// is no party) or, after an opposed verb, a noun of what the actor after it suffered
// ("دان الصفدي اغتيال هنية": Haniyeh is the victim, not the one opposed).
func (a *analyzer) closesObject(k, pos, dist int) bool {
	if dist > 0 && a.isWord(cueAbout, k) {
		return true
	}
	if a.rel == graph.Supported && a.toks[k].Norm == "علي" && k+1 < len(a.toks) && a.menAt[k+1] < 0 && a.cueAt[k+1] < 0 {
		return true // "ساعدتها على هزيمة تنظيم الدولة": what the help is for
	}
	return a.rel == graph.Opposed && a.victimAt(k, pos)
}

// victimAt reports whether the word at k, after an opposed verb before
// pos, names what an actor after it suffered: a victim noun ("اغتيال X",
// "استهداف قافلة X") unless its genitive is the agent of an object with ل
// ("استهداف الحوثيين لمطار أبها"), or an attack noun with its victim after
// على or ضد ("أدانت مصر الهجوم على السفارة الأمريكية") unless the verb
// makes the attack its subject's own ("شنت إسرائيل هجوما على لبنان").
func (a *analyzer) victimAt(k, pos int) bool {
	if a.isWord(cueVictim, k) {
		return !a.agentGenitive(k + 1)
	}
	if !a.isWord(cueAttackNoun, k) {
		return false
	}
	on := k + 1
	if on < len(a.toks) && a.sep[on] == 0 && (a.menAt[on] >= 0 && a.men[a.menAt[on]].adjective || a.cueAt[on] < 0 && a.menAt[on] < 0 && strings.HasPrefix(a.toks[on].Norm, "ال")) {
		on = a.skipAdjective(on) // "الهجوم الإرهابي على"
	}
	if w := trimConjunction(a.toks[k].Norm); w == "اطلاق" || w == "الاطلاق" {
		on = a.skipLaunched(on) // "إطلاق صواريخ باليستية على"
	}
	if on >= len(a.toks) || a.sep[on] != 0 || !a.x.words[cueGrAttackPrep][arabic.CutConjunctions(a.toks[on].Norm)] {
		return false
	}
	return a.judged(pos)
}

// judged reports whether a judging word (lookup section judging) stands
// within the ten words before pos, past the subject ("أدانت وزارة
// الخارجية السعودية الهجوم").
func (a *analyzer) judged(pos int) bool {
	for v := pos - 1; v >= 0 && v >= pos-10; v-- {
		if a.isWord(cueJudging, v) {
			return true
		}
	}
	return false
}

// skipAdjective returns the token after the adjective (a demonym or a
// definite word) at k.
func (a *analyzer) skipAdjective(k int) int {
	if mi := a.menAt[k]; mi >= 0 {
		return a.men[mi].j
	}
	return k + 1
}

// agentGenitive reports whether the actor at k, the genitive of a victim
// noun, is followed by an object with ل, which makes it the agent
// ("استهداف الحوثيين لمطار أبها").
func (a *analyzer) agentGenitive(k int) bool {
	mi := a.menAtToken(k)
	if mi < 0 {
		return false
	}
	e := a.listEnd(mi)
	return e < len(a.toks) && a.sep[e] == 0 && a.menAt[e] < 0 && strings.HasPrefix(a.toks[e].Norm, "ل") && !strings.HasPrefix(a.toks[e].Norm, "لا")
}

// titleGoesOn reports whether the title run around an actor ending at
// token k goes on there: a name, another title word or a rank follows.
func (a *analyzer) titleGoesOn(k int) bool {
	if k >= len(a.toks) {
		return false
	}
	if a.menAt[k] >= 0 || a.cueKindAt(k) == cueTitle {
		return true
	}
	return a.longestPhraseAt(cueRank, k) > 0
}

// author finds the subject of a relative clause at token k whose verb
// carries the pronoun of a thing ("القرار الذي أعدته بريطانيا", "المبادرة
// التي أطلقتها مصر"): the actor right after the verb, or -1.
func (a *analyzer) author(k int) int {
	if k == 0 || k+2 >= len(a.toks) || a.menAt[k-1] >= 0 || a.cueAt[k+1] >= 0 && a.cueKindAt(k+1) != cueVerb || a.menAt[k+1] >= 0 {
		return -1
	}
	v := a.toks[k+1].Norm
	if utf8.RuneCountInString(v) < 4 || !(strings.HasSuffix(v, "ه") || strings.HasSuffix(v, "ها")) {
		return -1
	}
	if mi := a.menAt[k+2]; mi >= 0 && !a.men[mi].excluded && a.men[mi].prep == prepNone && a.clause[k+2] == a.clause[k] {
		return mi
	}
	return -1
}

// candidate is a pair of argument lists found for one trigger.
type candidate struct {
	src, tgt []int
	pairs    bool // met among the members of src (لقاء X و Y)
	mutual   bool // pairs in both directions (صراع بين X و Y)
	rule     string
	conf     float64
}

func (a *analyzer) relations(article string) {
	// Refusals ("رفضت تأييد", "رفض لقاء", "امتناع X عن دعم") and denials
	// ("نفت تلقي أي تمويل") negate the next trigger of their clause; a
	// refusal without one is an opposed verb.
	for ci := range a.cues {
		c := &a.cues[ci]
		if c.kind != cueRefusal && c.kind != cueNegDenial {
			continue
		}
		reach := 4
		if c.kind == cueNegDenial {
			reach = 8
			if a.deniesClaims(*c) {
				// "نفت الحكومة الاتهامات الموجهة إليها بتسليح X": every
				// relation the sentence goes on to state is denied.
				for cj := ci + 1; cj < len(a.cues); cj++ {
					if a.cues[cj].kind.isTrigger() {
						a.cues[cj].neg = true
					}
				}
				c.consumed = true
				continue
			}
		}
		for cj := ci + 1; cj < len(a.cues) && a.cues[cj].i-a.namedTokens(c.j, a.cues[cj].i) <= c.j+reach; cj++ {
			// A denial reaches into its complement ("نفى أن يكون قد التقى").
			// "رفض المملكة للاعتداءات الإسرائيلية" rejects an attack: the
			// refusal is then itself the opposition; "رفضت إدانة الهجوم"
			// refuses to condemn.
			if d := &a.cues[cj]; d.kind.isTrigger() && (a.clause[d.i] == a.clause[c.i] || c.kind == cueNegDenial) &&
				!(c.kind == cueRefusal && d.rel == graph.Opposed && !a.isWord(cueJudging, d.i)) {
				d.neg = true
				c.consumed = true
				break
			}
		}
	}
	a.readEmbeddedEvents()
	negClause := map[graph.RelationType]int{}
	for ci, c := range a.cues {
		if !c.kind.isTrigger() || c.consumed {
			continue
		}
		if a.embeddedAt(ci, false) >= 0 || a.stoppedEvent(ci) || a.answeredEvent(article, ci) {
			continue // the event noun of a stance, read with it; an event lifted or replied to
		}
		if n := a.embeddedAt(ci, true); n >= 0 {
			// "لا تدعم هجوم X على Y": the event is presupposed, the
			// stance relates its speaker to the event's agent only.
			a.emitEvent(article, &a.events[n])
			a.emitStance(article, ci, &a.events[n])
			if a.stanceNegated(ci) {
				negClause[c.rel] = a.clause[c.i] + 1
			}
			continue
		}
		if c.neg || a.negated(ci) {
			// "ولم يلتق السيسي وآبي أحمد منذ قمة ...": the rest of the
			// clause describes the negated relation.
			negClause[c.rel] = a.clause[c.i] + 1
			continue
		}
		if negClause[c.rel] == a.clause[c.i]+1 {
			continue
		}
		if c.rel == graph.Met && (a.planned(c.i) || a.attendedNoun(c) || a.isWord(cueSince, c.i-1) || a.indirect(a.clause[c.i]) || a.verbNegated(c.i)) {
			continue
		}
		cand, ok := a.arguments(ci)
		if !ok {
			a.eventFallback(article, ci)
			continue
		}
		a.emit(article, ci, cand)
	}
	a.emitFreeEvents(article)
}

// namedTokens counts the tokens of [i, j) inside actor mentions: a
// refusal or a denial reaches past names of any length ("نفى أن يكون
// الرئيس رجب طيب أردوغان قد التقى ...").
func (a *analyzer) namedTokens(i, j int) int {
	n := 0
	for k := max(i, 0); k < j && k < len(a.toks); k++ {
		if a.menAt[k] >= 0 {
			n++
		}
	}
	return n
}

// deniesClaims reports whether a denial's object, within its next six
// words (its subject and a date may come first), is a claim noun of the lexicon (negation.denied_claims:
// "الاتهامات", "التقارير").
func (a *analyzer) deniesClaims(c cue) bool {
	for k := c.j; k < len(a.toks) && k < c.j+6; k++ {
		if a.isWord(cueDeniedClaim, k) {
			return true
		}
	}
	return false
}

// negated reports whether a negation word stands right before the trigger,
// or before one bridge word ("لا يمكنهما تأييد").
func (a *analyzer) negated(ci int) bool {
	i := a.cues[ci].i
	neg := false
	switch a.cueKindAt(i - 1) {
	case cueNegNext:
		neg = true
	case cueNegBridge:
		neg = a.cueKindAt(a.cues[a.cueAt[i-1]].i-1) == cueNegNext
	}
	return neg && !a.exceptive(a.cues[ci].j)
}

// exceptive reports whether an exceptive ("إلا") follows token from in
// its clause: "لا تدعم فرنسا إلا حكومة الوفاق" states support.
func (a *analyzer) exceptive(from int) bool {
	for k := from; k < len(a.toks) && k < from+6 && a.clause[k] == a.clause[max(from-1, 0)]; k++ {
		if a.isWord(cueExceptive, k) {
			return true
		}
	}
	return false
}

// absent reports whether a mention follows a word of absence ("في غياب
// وفد X", "بمقاطعة X"): it took no part in the meeting.
func (a *analyzer) absent(m mention) bool {
	for k := m.i - 1; k >= 0 && k >= m.i-3; k-- {
		if a.isWord(cueAbsence, k) {
			return true
		}
		if a.menAt[k] >= 0 || a.sep[k+1] != 0 {
			return false
		}
	}
	return false
}

// verbNegated reports whether a verb negation (لم, لن) stands earlier in
// the clause of token i: "ولم تشارك الجزائر في القمة" attended no meeting.
func (a *analyzer) verbNegated(i int) bool {
	for k := i - 1; k >= 0 && a.clause[k] == a.clause[i]; k-- {
		if a.cueKindAt(k) == cueNegNext {
			switch arabic.CutConjunctions(a.toks[k].Norm) {
			case "لم", "لن":
				return true
			}
		}
	}
	return false
}

// indirect reports whether clause cl describes indirect talks
// ("مفاوضات غير مباشرة عبر وسطاء"): they are not a meeting.
func (a *analyzer) indirect(cl int) bool {
	for k := range a.toks {
		if a.clause[k] == cl && a.phraseAt(cueIndirect, k) > 0 {
			return true
		}
	}
	return false
}

// planned reports whether a planned-meeting cue precedes a met trigger
// within a few words of the same sentence and no comma between, or a
// future time word (planned_after) follows it in its clause.
func (a *analyzer) planned(i int) bool { return a.plannedFrom(i, false) }

// plannedInClause is planned with the cue before the trigger sought in
// its own clause only, for meeting frames, whose verb may be a noun set
// off after another clause ("أن تركيا تسعى إلى السلام، وذلك خلال
// استقباله X": the striving is not the meeting's), or the planned verb
// itself ("وسيجري X اتصالا").
func (a *analyzer) plannedInClause(i int) bool {
	return a.cueKindAt(i) == cuePlanned || a.plannedFrom(i, true)
}

// plannedFrom is planned; with clauseOnly, a cue before the trigger
// counts only in its clause.
func (a *analyzer) plannedFrom(i int, clauseOnly bool) bool {
	if i > 0 && a.toks[i-1].Norm == "الي" && a.cueAt[i] >= 0 && a.cues[a.cueAt[i]].kind == cueNoun && a.calledFor(i) {
		return true // "دعا X إلى لقاء بين ...": a meeting called for
	}
	for k := i - 1; k >= 0 && k >= i-6 && (!clauseOnly || a.clause[k] == a.clause[i]); k-- {
		if a.sep[k+1] == ',' || a.sep[k+1] == ';' {
			break // "وبعد إلغاء الحظر، التقى X Y": the cue is another clause's
		}
		if a.cueKindAt(k) == cuePlanned {
			return true
		}
	}
	if a.plannedNoun(i) || a.visitAhead(i) || a.scheduledBefore(i) {
		return true
	}
	for k := i + 1; k < len(a.toks) && k <= i+12; k++ {
		if a.clause[k] != a.clause[i] {
			// "يلتقي X Y، غدا الاثنين": a date set off by a comma right
			// after the clause is still its date.
			return a.sep[k] == ',' && a.isWord(cuePlannedAfter, k)
		}
		if a.isWord(cuePlannedAfter, k) {
			return true
		}
	}
	return false
}

// calledFor reports whether the meeting noun at i, after إلى, is one a
// call or a hope looks forward to: an indefinite noun ("إلى لقاء") or one
// after a verb of calling ("دعا بايدن إلى الحوار بين ..."); "أشار إلى
// المحادثات التي رتبتها فرنسا" refers to talks held.
func (a *analyzer) calledFor(i int) bool {
	if !definite(a.toks[i].Norm) {
		return true
	}
	for k := i - 2; k >= 0 && k >= i-7; k-- {
		if a.cueKindAt(k) == cueDemand {
			return true
		}
	}
	return false
}

// Windows, in tokens, for finding arguments.
const (
	targetWindow   = 12
	genitiveWindow = 5
	// verbWindow: supported and opposed verbs find their object closer.
	verbWindow = 8
	// verbNear: a verb's unmarked object is at most this many words away.
	verbNear = 4
	// metSplitWindow: a meeting verb's مع may follow a long topic of talks.
	metSplitWindow = 16
	// betweenWindow: "بين" after a met or mutual trigger, even past a
	// relative clause ("المحادثات التي رتبتها فرنسا بين حفتر والسراج").
	betweenWindow = 10
)

// subjectAround returns the mention list that is the subject of cue c: the
// one right before the verb, or else the first within reach words after it,
// and the token index where the verb's object may begin (after that list, or
// the verb's end). It returns -1 when neither is there.
func (a *analyzer) subjectAround(c cue, cl, reach int) (subject, from int) {
	if s := a.subjectBefore(c.i); s >= 0 {
		return s, c.j
	}
	s, _ := a.after(c.j, cl, reach, true, reach)
	if s < 0 {
		return -1, c.j
	}
	return s, a.listEnd(s)
}

// splitArguments handles a verb whose subject stands before its
// preposition ("بحث عباس مع الملك عبد الله", "أشاد أمير قطر بجهود مصر"):
// the subject is before the verb or right after it, the target follows the
// preposition.
func (a *analyzer) splitArguments(c cue, cl int, prep string) (candidate, bool) {
	s, from := a.subjectAround(c, cl, 6)
	rule, conf := "verb/split", 0.7
	if s < 0 {
		switch {
		case a.carriedSubject(c) >= 0:
			// "وصل ماكرون إلى تونس، واتصل بالرئيس سعيد"
			s, rule, conf = a.carriedSubject(c), "verb/carried", 0.55
		case a.priorMention(c) >= 0:
			s, rule, conf = len(a.men)-1, "verb/prior", 0.5
		default:
			return candidate{}, false
		}
	}
	window := verbWindow
	if c.rel == graph.Met && prep == "مع" {
		// "وبحث X، الثلاثاء، مسألة وجود 2500 جندي أميركي في العراق مع Y":
		// the topic of talks may be long; past verbWindow no trigger may
		// stand before مع.
		window = metSplitWindow
	}
	for k := from; k < len(a.toks) && k < from+window; k++ {
		w := strings.TrimLeft(a.toks[k].Norm, "و")
		if k >= from+verbWindow && a.cueKindAt(k).isTrigger() {
			return candidate{}, false
		}
		if a.clause[k] != cl {
			if a.sep[k] != ',' || w != prep {
				break
			}
			cl = a.clause[k] // "بحث X، مع نظيره Y، ...": the aside opens with the preposition
		}
		if mi := a.menAt[k]; mi >= 0 {
			m := a.men[mi]
			if !m.excluded && (m.prep == prepClitic && m.clitic == prep || m.partner && prep == "مع") {
				return candidate{src: a.list(s), tgt: a.list(mi), rule: rule, conf: conf}, true
			}
			k = m.j - 1
			continue
		}
		if w == prep || len(prep) == len("ب") && strings.HasPrefix(w, prep) && a.cueAt[k] < 0 {
			t, _ := a.after(k+1, cl, 6, false, 3)
			if t < 0 {
				return candidate{}, false
			}
			return candidate{src: a.list(s), tgt: a.list(t), rule: rule, conf: conf}, true
		}
		if kind := a.cueKindAt(k); kind == cueVerb || kind == cueRelative || kind == cueComplementizer {
			return candidate{}, false
		}
	}
	return candidate{}, false
}

// objectPronoun reports whether a normalised verb ends with an object
// pronoun (اتهمها, تتهمه, اتهمهم).
func objectPronoun(w string) bool {
	return utf8.RuneCountInString(w) >= 5 && (strings.HasSuffix(w, "ها") || strings.HasSuffix(w, "هم") || strings.HasSuffix(w, "هما") || strings.HasSuffix(w, "ه"))
}

// relativeAntecedent is the mention before a relative pronoun right before
// token i ("الإمارات، التي تتهمها"), or -1.
func (a *analyzer) relativeAntecedent(i int) int {
	if a.cueKindAt(i-1) != cueRelative || i < 2 {
		return -1
	}
	if mi := a.menAt[i-2]; mi >= 0 && !a.men[mi].excluded && a.men[mi].prep == prepNone {
		return a.head(mi)
	}
	return -1
}

// nounAgentAfter finds the demonym agent of a trigger noun that is a
// verb's object ("انتقدت إيران الغارات الإسرائيلية على سوريا": Iran opposed
// Israel, not Syria), or -1.
func (a *analyzer) nounAgentAfter(pos, cl int) int {
	for k := pos; k < len(a.toks) && k < pos+3 && a.clause[k] == cl; k++ {
		if a.menAt[k] >= 0 {
			return -1
		}
		if kind := a.cueKindAt(k); kind == cueNoun || kind == cueMutual {
			n := a.cues[a.cueAt[k]].j
			if n < len(a.toks) && a.menAt[n] < 0 && a.cueAt[n] < 0 && adjectiveShaped(a.toks[n].Norm) {
				n++
			}
			if n < len(a.toks) {
				if mi := a.menAt[n]; mi >= 0 && a.men[mi].adjective && a.kindOf(a.men[mi].actor) == graph.KindState {
					return mi
				}
			}
			return -1
		}
	}
	return -1
}

// betweenList finds "بين X و Y" after a trigger in its clause: the first
// mention of a list of at least two, or -1.
func (a *analyzer) betweenList(pos, cl int) int {
	relative := false
	for k := pos; k < len(a.toks) && k < pos+betweenWindow && a.clause[k] == cl; k++ {
		if a.cueKindAt(k) == cueRelative {
			relative = true
		}
		if n := arabic.CutConjunctions(a.toks[k].Norm); relative && a.menAt[k] < 0 && a.cueAt[k] < 0 &&
			(strings.HasPrefix(n, "ب") || strings.HasPrefix(n, "ل")) {
			return -1 // "الاتصالات التي تنبئ بصفقة سرية بين X و Y": another noun's
		}
		if a.cueKindAt(k) == cueBetween {
			b, _ := a.after(k+1, cl, 6, false, 3)
			if b >= 0 && len(a.list(b)) > 1 {
				return b
			}
			return -1
		}
	}
	return -1
}

// inPrepPhrase reports whether a trigger noun is governed by a preposition
// ("مع معارضة واشنطن", "لدعم"): its subject is then not the clause's.
func (a *analyzer) inPrepPhrase(ci int) bool {
	c := a.cues[ci]
	// "أرسلت روسيا مرتزقة لدعم حفتر" is a purpose: the clause subject acts;
	// "بخسارة الدعم", "معارضة واشنطن لهجوم الجيش" are not the subject's act.
	p := arabic.CutConjunctions(c.prefix)
	if strings.HasPrefix(p, "ب") && a.instrument(c.i) {
		return false // "ردت أنقرة بضربات على ...": the subject strikes
	}
	if strings.HasPrefix(p, "ب") || strings.HasPrefix(p, "ك") ||
		strings.HasPrefix(p, "ل") && c.rel != graph.Supported {
		return true
	}
	if c.i > 0 && a.cueAt[c.i-1] >= 0 {
		switch a.toks[c.i-1].Norm {
		case "مع", "بين":
			return true
		case "في":
			// "بحث أردوغان ونظيره في اتصال هاتفي": the subject's call.
			return c.rel != graph.Met
		}
	}
	return false
}

// instrument reports whether an instrument verb ("ردت", "قامت") governs the
// ب noun at token i, its subject possibly between.
func (a *analyzer) instrument(i int) bool {
	cl := a.clause[i]
	for k := i - 1; k >= 0 && k >= i-5 && a.clause[k] == cl; k-- {
		if mi := a.menAt[k]; mi >= 0 {
			k = a.men[mi].i
			continue
		}
		return a.isWord(cueInstrument, k)
	}
	return false
}

// certainty finds how the sentence states the trigger at token i with the
// given source: alleged when a hedge precedes it, reported when a
// reporting cue attributes it to someone other than the source.
func (a *analyzer) certainty(i int, src int32) graph.Certainty {
	cert := graph.Asserted
	for _, c := range a.cues {
		switch c.kind {
		case cueAlleged:
			if c.i < i && c.i >= i-15 {
				return graph.Alleged
			}
		case cueVerb, cueCircumstantial:
			if a.x.specs[c.spec].accusation && c.i < i && c.i >= i-15 {
				return graph.Alleged // "تتهم واشنطن إيران بتسليح الحوثيين"
			}
		case cueAllegedImperfect:
			if c.i < i && c.i >= i-15 && c.j < len(a.toks) && !a.pastPerfect(c.i) {
				if r, _ := utf8.DecodeRuneInString(a.toks[c.j].Norm); r == 'ي' || r == 'ت' || r == 'ن' {
					return graph.Alleged
				}
			}
		case cueReported:
			if c.i < i && !a.ownVoice(c, src) {
				cert = graph.Reported
			}
		case cueReportedAfter:
			cert = graph.Reported
		}
	}
	return cert
}

// pastPerfect reports whether قد at token i follows كان ("وكانت حماس قد
// تلقت"): a past perfect, not a hedge.
func (a *analyzer) pastPerfect(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if a.isWord(cuePerfectAux, k) {
			return true
		}
	}
	return false
}

// ownVoice reports whether a reporting cue has the claim's source as its
// speaker (an actor stating its own position is asserted).
func (a *analyzer) ownVoice(c cue, src int32) bool {
	for k := c.j; k < len(a.toks) && k < c.j+2; k++ {
		if mi := a.menAt[k]; mi >= 0 {
			return a.men[mi].actor == src
		}
	}
	for k := c.i - 1; k >= 0 && k >= c.i-2; k-- {
		if mi := a.menAt[k]; mi >= 0 {
			return a.men[mi].actor == src
		}
	}
	return false
}

func (a *analyzer) emit(article string, ci int, cand candidate) {
	c := a.cues[ci]
	pairs := a.pairsBuf[:0] // emitPairs keeps none of them
	if cand.pairs {
		for k := 1; k < len(cand.src); k++ {
			pairs = append(pairs, [2]int{cand.src[0], cand.src[k]})
			if cand.mutual {
				pairs = append(pairs, [2]int{cand.src[k], cand.src[0]})
			}
		}
	} else {
		for _, s := range cand.src {
			for _, t := range cand.tgt {
				pairs = append(pairs, [2]int{s, t})
			}
		}
	}
	a.emitPairs(article, c.rel, c.i, c.j, pairs, cand.rule, cand.conf)
	a.pairsBuf = pairs[:0]
}

// emitPairs adds a claim of type rel for every pair of mentions (source,
// target) of a construction whose trigger spans tokens [ti, tj), with the
// rule's name and base confidence: a pair after the first, an argument not
// named by its name, a long span and an allegation each cost confidence.
func (a *analyzer) emitPairs(article string, rel graph.RelationType, ti, tj int, pairs [][2]int, rule string, base float64) {
	if c, ok := a.x.calibration[rule]; ok {
		base = c
	}
	for n, p := range pairs {
		ms, mt := a.men[p[0]], a.men[p[1]]
		if ms.actor == mt.actor || rel != graph.Opposed && a.affiliated(ms.actor, mt.actor) {
			continue
		}
		if ms.i < mt.i && a.pronounAgent(mt) {
			continue // "أكد X لنظيره Y دعم بلاده": the country is the noun's agent
		}
		if rel == graph.Met && (a.absent(ms) || a.absent(mt)) {
			continue // "في غياب وفد X": X met nobody
		}
		if rel == graph.Met && (a.destination(ms) || a.destination(mt)) {
			continue // "زيارته لتونس", "الدعم الإيطالي لتونس": a state after ل is no one met
		}
		if rel != graph.Met && (a.meetingPartner(mt) || a.viaChannel(mt)) {
			continue // "أدان X خلال المكالمة مع Y الهجوم": Y is met, not opposed
		}
		if rel == graph.Supported && a.adversary(mt) {
			continue // "تسلح X في وجه Y": Y is the adversary, not the one supported
		}
		conf := base
		if n > 0 {
			conf -= 0.05
		}
		for _, m := range []mention{ms, mt} {
			if t := a.x.forms[m.form].typ; t != gazetteer.FormName && t != formDiscovered {
				conf -= 0.05
			}
		}
		lo, hi := min(ms.i, mt.i, ti), max(ms.j, mt.j, tj)
		if hi-lo > 14 {
			conf -= 0.1
		}
		cert := a.certainty(ti, ms.actor)
		if cert == graph.Alleged {
			conf -= 0.05
		}
		conf = float64(int(max(0.3, min(0.95, conf))*100+0.5)) / 100
		qs, qe := a.quoteSpan(lo, hi)
		src, tgt := a.actor(ms.actor), a.actor(mt.actor)
		cl := graph.Claim{
			Type: rel, Source: src.ID, Target: tgt.ID, Article: article,
			Quote: a.text[qs:qe], Start: a.off + qs, End: a.off + qe,
			Certainty: cert, Confidence: conf, Extractor: Name, Rule: rule,
		}
		cl.ID = graph.ClaimID(cl.Article, cl.Type, cl.Source, cl.Target, cl.Start, cl.End)
		a.results = append(a.results, Result{
			Claim:  cl,
			Source: a.argument(ms),
			Target: a.argument(mt),
			Rule:   rule,
		})
	}
}

// destination reports whether a mention is a state or capital with ل or
// ب glued to it ("لتونس", "استقبل X بعمان"): a destination, a
// beneficiary or a place, never a participant of a meeting.
func (a *analyzer) destination(m mention) bool {
	if m.prep != prepClitic || m.clitic != "ل" && m.clitic != "ب" {
		return false // "استقبل X اليوم بعمان Y": with ب, a state is where
	}
	return a.kindOf(m.actor) == graph.KindState && a.x.forms[m.form].typ != gazetteer.FormTitle
}

// affiliated reports whether one actor is a person serving the other (his
// state or organisation, by the gazetteer's affiliation): a meeting or
// support between them is never read off a sentence ("اتصل ماكرون ...
// دعم باريس"); two organisations ("الحكومة اللبنانية تؤيد خطة الجيش
// اللبناني") are not affected.
func (a *analyzer) affiliated(x, y int32) bool {
	ax, ay := a.actor(x), a.actor(y)
	return ax.Kind == graph.KindPerson && a.x.serves(ax.Affiliation, ay.ID) ||
		ay.Kind == graph.KindPerson && a.x.serves(ay.Affiliation, ax.ID)
}

// serves reports whether the body aff, or a body it belongs to, is id
// ("وزارة الخارجية السورية" belongs to Syria).
func (x *Extractor) serves(aff, id string) bool {
	for n := 0; n < 8 && aff != ""; n++ {
		if aff == id {
			return true
		}
		i, ok := x.byID[aff]
		if !ok {
			return false
		}
		aff = x.actors[i].Affiliation
	}
	return false
}

func (a *analyzer) argument(m mention) Argument {
	if m.external {
		return m.arg
	}
	if m.carried {
		return Argument{Actor: a.actor(m.actor), Mention: a.prior.mention, Start: a.prior.start, End: a.prior.end}
	}
	s, e := a.toks[m.i].Start, a.toks[m.j-1].End
	// Leave the clitics out of the mention: "وواشنطن" is named "واشنطن".
	if m.prefix != "" && !strings.HasSuffix(m.prefix, "لل") {
		s = skipLetters(a.text, s, utf8.RuneCountInString(m.prefix))
	}
	return Argument{Actor: a.actor(m.actor), Mention: a.text[s:e], Start: a.off + s, End: a.off + e}
}

// skipLetters advances over n letters of text from byte s, together with
// the marks (diacritics, tatweel) that follow each.
func skipLetters(text string, s, n int) int {
	for n > 0 && s < len(text) {
		_, size := utf8.DecodeRuneInString(text[s:])
		s += size
		n--
		for s < len(text) {
			r, size := utf8.DecodeRuneInString(text[s:])
			if arabic.FoldRune(r) != "" {
				break
			}
			s += size
		}
	}
	return s
}

// maxQuoteBytes is the longest quote taken as a whole sentence; a longer
// sentence is quoted by the clauses that hold the claim.
const maxQuoteBytes = 600

func (a *analyzer) quoteSpan(lo, hi int) (int, int) {
	s, e := a.toks[0].Start, a.toks[len(a.toks)-1].End
	if e-s > maxQuoteBytes {
		cl0, cl1 := a.clause[lo], a.clause[hi-1]
		for lo > 0 && a.clause[lo-1] == cl0 {
			lo--
		}
		for hi < len(a.toks) && a.clause[hi] == cl1 {
			hi++
		}
		s, e = a.toks[lo].Start, a.toks[hi-1].End
	}
	// Keep closing quotation marks and the final punctuation of the text.
	for e < len(a.text) {
		r, size := utf8.DecodeRuneInString(a.text[e:])
		if r == '\n' || r == ' ' || r == '\t' || r == '\r' || arabic.FoldRune(r) != " " {
			break
		}
		e += size
	}
	return s, e
}

// governmentWord reports whether a normalised word is "government": a
// state after it is that state ("حكومة اليمن").
func governmentWord(w string) bool {
	switch trimConjunction(w) {
	case "حكومه", "الحكومه", "حكومتي":
		return true
	}
	return false
}

// placeHead reports whether a mention's name starts with a word for a
// building (قصر, مقر): the name of a presidency that is a place after ب.
func (a *analyzer) placeHead(m mention) bool {
	f := a.x.forms[m.form]
	first, _, _ := strings.Cut(arabic.Normalize(f.text), " ")
	return a.x.words[cuePlaceHead][first]
}

// coordinatedTrigger reports whether a noun trigger is joined by و to a
// trigger noun of another relation right after it ("تضامنها وإدانتها
// لإرهاب X"): the marked party after them belongs to the last one.
func (a *analyzer) coordinatedTrigger(c cue) bool {
	if c.j >= len(a.toks) || a.cueAt[c.j] < 0 {
		return false
	}
	n := a.cues[a.cueAt[c.j]]
	return n.i == c.j && strings.HasPrefix(n.prefix, "و") && n.kind == cueNoun && n.rel != c.rel
}

// adversary reports whether a mention follows a word that makes it the
// adversary of what is said ("في وجه X", "في مواجهة X", "ضد X").
func (a *analyzer) adversary(m mention) bool {
	if m.external || m.carried || m.i == 0 {
		return false
	}
	switch trimConjunction(a.toks[m.i-1].Norm) {
	case "ضد", "وجه", "مواجهه", "لمواجهه":
		return true
	}
	return false
}

// apposition returns the token after a person's name set between commas
// right after a title ("وكان وزير الخارجية الأميركي، مايك بومبيو، قد حذر
// إيران"), which does not end the clause, or 0.
func (a *analyzer) apposition(i int) int {
	if a.sep[i] == ',' && a.menAt[i] >= 0 && a.inEachOf(i) {
		return i + 1 // "كل من X، Y، Z": the list goes on
	}
	if a.sep[i] != ',' || a.menAt[i] < 0 {
		if a.sep[i] == ',' && a.closesApposition(i) {
			return i + 1 // the closing comma after "الوزير، الاسم"
		}
		return 0
	}
	m := a.men[a.menAt[i]]
	if m.i != i || a.kindOf(m.actor) != graph.KindPerson || m.j >= len(a.toks) || a.sep[m.j] != ',' {
		return 0
	}
	prev := i - 1
	if mi := a.menAt[prev]; mi >= 0 && a.men[mi].adjective {
		prev = a.men[mi].i - 1 // "الأميركي" after the title
	}
	if k := a.cueKindAt(prev); k != cueTitle && k != cueStateAgent {
		return 0
	}
	return m.j
}

// closesApposition reports whether the comma before token i closes a
// person's name that a title before it opened with a comma: the
// gazetteer's "title + name" form read across that comma ("وزير الخارجية
// الأميركي، مايك بومبيو، قد حذر").
func (a *analyzer) closesApposition(i int) bool {
	mi := a.menAt[i-1]
	if mi < 0 {
		return false
	}
	m := a.men[mi]
	if m.j != i || a.kindOf(m.actor) != graph.KindPerson {
		return false
	}
	for k := m.i + 1; k < m.j; k++ {
		if a.sep[k] == ',' {
			return true
		}
	}
	return false
}

// inEachOf reports whether token i continues a "كل من" list: the words
// since "كل من" are actors, و and commas only.
func (a *analyzer) inEachOf(i int) bool {
	for k := i - 1; k >= 1 && k >= i-20; k-- {
		if a.toks[k].Norm == "من" && (a.toks[k-1].Norm == "كل" || a.toks[k-1].Norm == "كلا" || trimConjunction(a.toks[k-1].Norm) == "كل") {
			return true
		}
		if a.menAt[k] < 0 && a.toks[k].Norm != "و" {
			return false
		}
	}
	return false
}

// examplesColon reports whether the colon before token i introduces
// examples of what precedes ("من أمثال:", "مثل:", "منها:").
func (a *analyzer) examplesColon(i int) bool {
	between := a.text[a.toks[i-1].End:a.toks[i].Start]
	if !strings.Contains(between, ":") {
		return false
	}
	switch trimConjunction(a.toks[i-1].Norm) {
	case "امثال", "مثل", "منها", "ومنها":
		return true
	}
	return false
}
