package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// The entity layer: actors a sentence names without a gazetteer form.
//
//   - Discovered persons: a name after a rank ("اللواء حسن رشاد") or at the
//     end of a title ("وزير الدولة للشؤون الإفريقية، أحمد بن عبد العزيز
//     قطان"), when it starts with a known first name or follows a rank
//     directly. They get an id from DiscoveredID and are flagged by its
//     prefix.
//   - Titles standing for their holder: a title run written before a
//     person's name ("وزير الخارجية الإيراني حسين أمير عبد اللهيان") is bound
//     to that person for the rest of the article, so that the same title
//     alone later ("وبارك وزير الخارجية الإيراني ...") names him.
//
// Both are per article: the analyzer forgets them at the next article.

// DiscoveredPrefix starts the id of every actor the extractor discovers
// outside the gazetteer.
const DiscoveredPrefix = "discovered-"

// DiscoveredID is the id of a discovered actor of kind k named norm (an
// arabic.Normalize form): the same name always gives the same id, across
// articles and runs.
func DiscoveredID(k graph.Kind, norm string) string {
	sum := sha256.Sum256([]byte(string(k) + "\x00" + norm))
	return DiscoveredPrefix + hex.EncodeToString(sum[:8])
}

// IsDiscovered reports whether id names an actor the extractor discovered.
func IsDiscovered(id string) bool { return strings.HasPrefix(id, DiscoveredPrefix) }

// maxDocEntities caps the persons one article may add and the title runs
// it may bind, so that memory stays bounded on any article.
const maxDocEntities = 4096

// maxTitleRun is how many words a title may span before the name it
// introduces ("رئيس الأركان العامة للجيش الوطني الليبي الفريق أول").
const maxTitleRun = 9

// Discovered names span two to maxNameUnits units; a unit is a word, or
// "عبد" and "بن"/"ابن"/"ال" with the word after them.
const maxNameUnits = 4

// docEntities is the entity layer's memory of one article.
type docEntities struct {
	// extra holds the discovered actors; actor index len(x.actors)+k is
	// extra[k].
	extra []graph.Actor
	// byName maps a discovered name (normalised words joined by a space)
	// to its actor index.
	byName map[string]int32
	// firstWord maps the first word of a discovered name to its names, so
	// later mentions of it are found without a title.
	firstWord map[string][]string
	// titles maps a title run (normalised words joined by a space, the
	// first without و or ف) to the last person it introduced.
	titles map[string]int32
	// start flags the words, as written, that may start an entity of the
	// article: the first word of a bound title run or of a discovered
	// name, so that only they are looked up.
	start map[string]uint8
	// startSig is a filter over the keys of start (markStart), and
	// startMarked their number: while it equals len(start), a word whose
	// signature is not in startSig is not a key.
	startSig    [64]uint64
	startMarked int
	// named holds the gazetteer actors the article has named by a name
	// (roles.go: a role's holder the article names).
	named map[int32]bool
	// roles maps 1 + a role index to the person the article introduced
	// with its title (roles.go).
	roles map[int32]int32
	// sides maps a discovered person to the state or organisation named
	// in the title before their name (events.go).
	sides map[int32]string
	// surnames maps the last word of a person's full name, as the article
	// wrote it ("وليد المعلم", "نبيه بري"), to that name's form; -1 when
	// two persons of the article share it.
	surnames map[string]int32
	// event is the article's last meeting; visitors the persons the last
	// sentence was about (events.go).
	event    event
	visitors []eventParty
	// delegation is the leader of the last delegation the article named
	// with him ("وفد من حماس برئاسة هنية"), 1 + actor index (0 none),
	// and the sentences since (recordDelegation).
	delegation, delegationAge int
	// statement is the author of the article's last statement, 1 + actor
	// index (0 none), and statementAge the sentences since
	// (recordStatement).
	statement, statementAge int
	// salient holds the actors the last sentences named, and sent the
	// number of the last sentence recorded (recordSalient).
	salient []salientActor
	sent    int
	// ambiguous is set by antecedents when two candidates were equally
	// close; blocked is 1 + the token of a kind anaphor left unresolved
	// for that reason, which anaphor then leaves alone too.
	ambiguous bool
	blocked   int
}

// actor returns the actor of index i: a gazetteer actor or one discovered
// in this article.
func (a *analyzer) actor(i int32) graph.Actor {
	if int(i) < len(a.x.actors) {
		return a.x.actors[i]
	}
	return a.doc.extra[int(i)-len(a.x.actors)]
}

// kindOf returns the kind of the actor of index i, actor(i).Kind, from a
// dense table rather than a copy of the actor.
func (a *analyzer) kindOf(i int32) graph.Kind {
	if int(i) < len(a.x.kinds) {
		return a.x.kinds[i]
	}
	return a.doc.extra[int(i)-len(a.x.actors)].Kind
}

// rawCue returns the kind of the longest lexicon cue starting at token k
// (its first word possibly with clitics) and the token after it, or
// cueNone. Unlike cueKindAt it works before findCues has run.
func (a *analyzer) rawCue(k int) (cueKind, int) {
	kind, end, _ := a.rawCuePrefix(k)
	return kind, end
}

// rawCuePrefix is rawCue that also returns the clitics read off the cue's
// first word.
func (a *analyzer) rawCuePrefix(k int) (cueKind, int, string) {
	if k < 0 || k >= len(a.toks) {
		return cueNone, k, ""
	}
	if k < len(a.rawKinds) && a.rawKinds[k].known {
		r := a.rawKinds[k]
		return r.kind, r.end, r.prefix
	}
	kind, end, prefix := a.lookupRawCue(k)
	if k < len(a.rawKinds) {
		a.rawKinds[k] = rawCueAt{known: true, kind: kind, end: end, prefix: prefix}
	}
	return kind, end, prefix
}

// rawCueAt is the memo of rawCuePrefix for one token of the sentence.
type rawCueAt struct {
	known  bool
	kind   cueKind
	end    int
	prefix string
}

// lookupRawCue is rawCuePrefix without the memo.
func (a *analyzer) lookupRawCue(k int) (cueKind, int, string) {
	m, ok := a.x.cues.at(&a.sent, k, keepCueReading)
	if !ok {
		return cueNone, k, ""
	}
	return a.x.specs[m.val].kind, m.end, m.prefix
}

// titleStart returns the first token of the title run that ends right
// before token i ("وزير الخارجية الإيراني" before a name), or -1. The run
// starts with a title word and holds no punctuation and no trigger.
func (a *analyzer) titleStart(i int) int {
	start := -1
	if i < len(a.sep) && a.sep[i] != 0 && a.sep[i] != ',' {
		return -1
	}
	for k := i - 1; k >= 0 && k >= i-maxTitleRun; k-- {
		if k+1 < i && a.sep[k+1] != 0 {
			break
		}
		if mi := a.menAt[k]; mi >= 0 && a.kindOf(a.men[mi].actor) == graph.KindPerson {
			return start // an earlier title belongs to that person
		}
		kind, _ := a.rawCue(k)
		switch {
		case kind == cueTitle:
			start = k
		case kind.isTrigger(), kind == cueClauseBreak, kind == cueComplementizer, kind == cueRelative, kind == cueReported:
			return start
		}
	}
	return start
}

// rankBefore reports whether a rank ("اللواء", "الفريق أول") ends right
// before token i.
func (a *analyzer) rankBefore(i int) bool {
	if a.rankEndsAt(i) {
		return true
	}
	// "السفير الروسي لدى العراق X": a rank, a state's adjective and the
	// state the envoy is posted to.
	// Without the state of posting ("السفير الإيراني شخصا غير مرغوب فيه")
	// the words after the adjective are no name.
	j := i
	if j < 5 || a.sep[j] != 0 || (a.toks[j-2].Norm != "لدي" && a.toks[j-2].Norm != "في") || a.menAt[j-1] < 0 {
		return false
	}
	j -= 2
	if a.sep[j] != 0 || a.menAt[j-1] < 0 {
		return false
	}
	m := a.men[a.menAt[j-1]]
	return m.i == j-1 && m.j == j && a.x.forms[m.form].typ == gazetteer.FormDemonym && a.rankEndsAt(j-1)
}

// rankEndsAt reports whether a rank of the lexicon ends right before
// token i ("اللواء", "الفريق أول").
func (a *analyzer) rankEndsAt(i int) bool {
	if i == 0 || !a.rankLastAt(i-1) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if n := a.longestPhraseAt(cueRank, k); n > 0 && k+n == i {
			return true
		}
	}
	return false
}

// longestPhraseAt is phraseAt for the longest entry ("الفريق أول" rather
// than "الفريق"), memoised per sentence and kind (phraseMemo): ranks and
// event words are asked of the same token by many readings.
func (a *analyzer) longestPhraseAt(kind cueKind, k int) int {
	if k < 0 || k >= len(a.toks) {
		return 0
	}
	if bit, ok := kindBit(kind); ok && a.startsAt(k)&bit == 0 {
		return 0 // no entry of kind starts with the token (phraseStarts)
	}
	v := a.phrases.at(kind, k)
	if v == nil {
		return a.longestPhrase(kind, k)
	}
	if *v == 0 {
		*v = int8(a.longestPhrase(kind, k) + 1)
	}
	return int(*v - 1)
}

// longestPhrase is longestPhraseAt without the memo, for k within the
// sentence.
func (a *analyzer) longestPhrase(kind cueKind, k int) int {
	set := a.x.words[kind]
	w := a.toks[k].Norm
	written := a.inWords(kind, k, true)
	var in *wordInfo // what the table says of w without its و or ف
	if !written {
		var ok bool
		if w, in, ok = a.trimmedFirst(kind, k); !ok {
			return 0
		}
	}
	best := 0
	if written && a.inWords(kind, k, false) || !written && a.trimmedEntry(kind, in, w) {
		best = 1
	}
	if written && !a.multiWord(kind, k, false) || !written && !trimmedMulti(kind, in) {
		return best
	}
	if bit, ok := a.x.phrases.byID(kind); ok && (written || in != nil) {
		first := a.sent.Words[k] // w as written, or w = Cut[k] (trimmedFirst)
		if !written {
			first = a.sent.Cut[k]
		}
		return max(best, a.x.phrases.longest(bit, first, &a.sent, k))
	}
	b := a.phrase[:0]
	b = append(b, w...)
	for n := 2; n <= 4 && k+n <= len(a.toks); n++ {
		b = append(append(b, ' '), a.toks[k+n-1].Norm...)
		if set[string(b)] {
			best = n
		}
	}
	a.phrase = b
	return best
}

// firstName reports whether the normalised word w is a first name of the
// lexicon (entities.first_names).
func (a *analyzer) firstName(w string) bool { return a.x.words[cueFirstName][w] }

// firstNameAt reports whether token k is a first name as written: "على"
// (on) folds to the name "علي" but is never one.
func (a *analyzer) firstNameAt(k int) bool {
	t := a.toks[k]
	return a.nameFlags(k)&startFirstName != 0 && !strings.HasSuffix(a.text[t.Start:t.End], "ى")
}

// inRank reports whether token i continues a rank that starts before it
// ("أول" of "الفريق أول").
func (a *analyzer) inRank(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if a.longestPhraseAt(cueRank, k) > i-k {
			return true
		}
	}
	return false
}

// nameEnd returns the token after a discovered name starting at token i,
// or i when no name of at least two words starts there.
func (a *analyzer) nameEnd(i int) int {
	units, k := 0, i
	for k < len(a.toks) && units < maxNameUnits {
		w := a.toks[k].Norm
		if k > i && a.sep[k] != 0 || !arabicWord(w) || a.lookupWord(cueNameStop, w) {
			break
		}
		if k > i {
			if strings.HasPrefix(w, "و") && a.firstName(w[len("و"):]) || strings.HasPrefix(w, "وال") || w == "علي" && !a.firstNameAt(k) {
				break // "وعلي": the next person of a list
			}
			if kind, _ := a.rawCue(k); kind != cueNone {
				break
			}
			if m, ok := a.x.names.at(&a.sent, k, nil); ok && m.prefix == "" {
				if f := a.x.forms[m.val]; f.actor >= 0 && a.kindOf(f.actor) == graph.KindPerson {
					return i // "أنور بن محمد قرقاش": the first names of a known person
				}
				break
			}
		}
		units++
		k++
		if (w == "عبد" || w == "بن" || w == "ابن" || w == "ال" || w == "ابو" || w == "بنت") && k < len(a.toks) && a.sep[k] == 0 {
			k++ // "عبد الله", "بن سلمان", "آل سعود", "أبو علي"
		}
	}
	if k-i < 2 {
		return i
	}
	return k
}

// arabicWord reports whether w is written in Arabic letters only.
func arabicWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < 0x0621 || r > 0x064A {
			return false
		}
	}
	return true
}

// discover returns the mention of a person named at token i without a
// gazetteer form: a name seen earlier in the article, or a new name after
// a rank or at the end of a title. ok is false when there is none.
func (a *analyzer) discover(i int) (mention, bool) {
	w := a.toks[i].Norm
	for _, name := range a.doc.firstWord[w] {
		n := strings.Count(name, " ") + 1
		if i+n <= len(a.toks) && string(a.appendJoined(i, i+n)) == name {
			return a.discoveredMention(name, i, i+n), true
		}
	}
	first, rank := a.firstNameAt(i), a.rankBefore(i)
	if !first && !rank || a.inRank(i) {
		return mention{}, false
	}
	if !rank && a.titleStart(i) < 0 {
		return mention{}, false
	}
	if !first && definite(w) && adjectiveShaped(w) {
		return mention{}, false // "السفير المالي": an adjective, not a name
	}
	if a.namedPlace(i) {
		return mention{}, false // "بمطار الملك عبد العزيز الدولي": a place
	}
	if i > 0 && a.sep[i] == 0 && (a.toks[i-1].Norm == "بن" || a.toks[i-1].Norm == "بنت") {
		return mention{}, false // "بدر بن حمد ...": a father's name inside a longer name
	}
	end := a.nameEnd(i)
	if end == i {
		return mention{}, false
	}
	if !first && end < len(a.toks) && a.sep[end] == 0 && !strings.HasPrefix(a.toks[end].Norm, "و") {
		return mention{}, false // a foreign name after a rank ends at punctuation or و
	}
	name := a.joined(i, end)
	if p := a.partOfNamed(name); p >= 0 {
		// "الملك عبد الله" after "العاهل الأردني عبد الله الثاني": part of
		// the name of a person the article named, not another person.
		return mention{form: a.x.titleForm, actor: p, i: i, j: end, next: -1, prev: -1}, true
	}
	if _, ok := a.doc.byName[name]; !ok {
		if len(a.doc.extra) >= maxDocEntities {
			return mention{}, false // the article's memory stays bounded
		}
		idx := int32(len(a.x.actors) + len(a.doc.extra))
		a.doc.extra = append(a.doc.extra, graph.Actor{
			ID: DiscoveredID(graph.KindPerson, name), Kind: graph.KindPerson,
			NameAr: a.text[a.toks[i].Start:a.toks[end-1].End],
		})
		a.doc.byName[name] = idx
		a.doc.sides[idx] = a.titleSide(i)
		a.doc.firstWord[w] = append(a.doc.firstWord[w], name)
		a.markStart(w, startDiscovered)
		a.x.remember(a.doc.extra[len(a.doc.extra)-1])
	}
	return a.discoveredMention(name, i, end), true
}

func (a *analyzer) discoveredMention(name string, i, j int) mention {
	return mention{form: a.x.discoveredForm, actor: a.doc.byName[name], i: i, j: j, next: -1, prev: -1}
}

// joined returns the normalised words of tokens [i, j) joined by a space.
func (a *analyzer) joined(i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(a.toks[k].Norm)
	}
	return b.String()
}

// appendJoined is joined into a.phrase, which it returns: for a lookup
// or a comparison that keeps no string.
func (a *analyzer) appendJoined(i, j int) []byte {
	b := a.phrase[:0]
	for k := i; k < j; k++ {
		if k > i {
			b = append(b, ' ')
		}
		b = append(b, a.toks[k].Norm...)
	}
	a.phrase = b
	return b
}

// titleKey is the key of a title run: its words, the first without و or ف.
func (a *analyzer) titleKey(i, j int) string {
	return string(a.appendTitleKey(i, j))
}

// appendTitleKey is titleKey into a.phrase, which it returns (a map lookup
// with string(key) allocates nothing).
func (a *analyzer) appendTitleKey(i, j int) []byte {
	k := a.appendJoined(i, j)
	if kind, _, prefix := a.rawCuePrefix(i); kind == cueTitle && prefix != "" {
		if p := strings.TrimSuffix(prefix, "ال"); len(k) >= len(p) && string(k[:len(p)]) == p {
			return k[len(p):]
		}
	}
	return k
}

// bindTitle records that the title run before the person mention m names
// that person, with every shorter run of at least two words that starts
// the same way ("وزير الخارجية" of "وزير الخارجية الإيراني").
func (a *analyzer) bindTitle(m mention) {
	if a.kindOf(m.actor) != graph.KindPerson || m.prefix != "" {
		return
	}
	if len(a.doc.titles) >= maxDocEntities {
		return // the article's memory stays bounded
	}
	t := a.titleStart(m.i)
	if t < 0 {
		// "الرئيس التركي رجب طيب أردوغان": a role the gazetteer knows,
		// resolved to the person named right after it.
		// A name form that holds its title ("الرئيس أردوغان") binds it too.
		if p := a.menAtToken(m.i - 1); p >= 0 && a.men[p].actor == m.actor && a.men[p].j == m.i {
			if kind, _ := a.rawCue(a.men[p].i); kind == cueTitle {
				a.bindHeadTitle(a.men[p].i, m.actor)
			}
		} else if kind, end := a.rawCue(m.i); kind == cueTitle && end < m.j {
			a.bindHeadTitle(m.i, m.actor)
			a.bindFormTitle(m)
		}
		return
	}
	// "وزير الخارجية السابق X": only the runs that hold the qualifier name
	// X later; "وزير الخارجية" alone is the holder of the day.
	from := t + 2
	for k := t; k < m.i; k++ {
		if otherTenures[a.toks[k].Norm] {
			from = max(from, k+1)
		}
	}
	if from == t+2 {
		a.bindHeadTitle(t, m.actor)
	}
	if m.i-t < 2 {
		return
	}
	a.markStart(a.toks[t].Norm, startTitle)
	for j := from; j <= m.i; j++ {
		if old, ok := a.doc.titles[string(a.appendTitleKey(t, j))]; ok && old == m.actor {
			continue // bound already: no key to build
		}
		a.doc.titles[a.titleKey(t, j)] = m.actor
	}
	// "رئيس مجلس النواب نبيه بري ... كما استقبل رئيس المجلس": the head of
	// the title with its complement made definite names him too, unless
	// another person was introduced with it.
	if w := a.toks[t+1].Norm; m.i-t >= 3 && a.sep[t+1] == 0 && !strings.HasPrefix(w, "ال") && arabicWord(w) {
		short := a.titleKey(t, t+1) + " ال" + w
		if old, ok := a.doc.titles[short]; ok && old != m.actor {
			a.doc.titles[short] = -1
		} else {
			a.doc.titles[short] = m.actor
		}
	}
}

// bindFormTitle binds the title run that opens a gazetteer name form
// ("ولي العهد السعودي الأمير محمد بن سلمان") to the person, as bindTitle
// binds a title written before a name: the run ends at the first first
// name of the form.
func (a *analyzer) bindFormTitle(m mention) {
	e := m.i + 1
	for e < m.j && !a.firstNameAt(e) {
		e++
	}
	if e-m.i < 2 || e >= m.j {
		return
	}
	a.markStart(a.toks[m.i].Norm, startTitle)
	for j := m.i + 2; j <= e; j++ {
		a.doc.titles[a.titleKey(m.i, j)] = m.actor
	}
}

// headTitleKey prefixes the key of a one-word title in doc.titles.
const headTitleKey = "\x01"

// bindHeadTitle binds the definite first word of a title run at token t
// ("الرئيس" of "الرئيس عبد الفتاح السيسي" or "الرئيس المصري عبد الفتاح
// السيسي") to the person act it introduced, so that the word alone later
// ("وأشاد الرئيس بجهود ...") names him: the title resolved to its holder
// from the article. When the article introduces two persons with the same
// word, it names neither.
func (a *analyzer) bindHeadTitle(t int, act int32) {
	w := a.toks[t].Norm
	if _, _, prefix := a.rawCuePrefix(t); prefix != "" {
		w = w[len(strings.TrimSuffix(prefix, "ال")):]
	}
	if !strings.HasPrefix(w, "ال") {
		return
	}
	if kind, _ := a.rawCue(t - 1); kind == cueTitle {
		return // "نائب الرئيس": another office
	}
	key := headTitleKey + w
	if old, ok := a.doc.titles[key]; ok && old != act {
		a.doc.titles[key] = -1
		return
	}
	a.doc.titles[key] = act
	a.markStart(w, startTitle)
	a.markStart("و"+w, startTitle)
}

// boundHeadTitle returns the mention of the person a one-word title at
// token i names (bindHeadTitle): the word stands alone, neither followed
// by a name, a title or a definite complement ("الرئيس التركي" is another
// title) nor preceded by a title ("نائب الرئيس").
func (a *analyzer) boundHeadTitle(i int) (mention, bool) {
	w, prefix := a.toks[i].Norm, ""
	if _, _, p := a.rawCuePrefix(i); p != "" {
		prefix = strings.TrimSuffix(p, "ال")
		w = w[len(prefix):]
	}
	if prefix != "" && prefix != "و" && prefix != "ف" {
		return mention{}, false // "للرئيس", "بالرئيس": kept to the subject reading
	}
	act, ok := a.doc.titles[headTitleKey+w]
	if !ok || act < 0 {
		return mention{}, false
	}
	if a.otherTenure(i + 1) {
		return mention{}, false // "الرئيس السابق": another holder
	}
	if j := i + 1; j < len(a.toks) && a.sep[j] == 0 {
		nm, named := a.x.names.at(&a.sent, j, nil)
		if w := a.toks[j].Norm; definite(w) && adjectiveShaped(w) {
			return mention{}, false // "الرئيس المصري", "السفير المغربي": another title
		}
		if named && a.x.forms[nm.val].role == 0 {
			if a.kindOf(a.x.forms[nm.val].actor) == graph.KindPerson {
				return mention{}, false // "الرئيس عون": a person's title
			}
		} else if definite(a.toks[j].Norm) || a.firstNameAt(j) || a.longestPhraseAt(cueRank, j) > 0 {
			return mention{}, false
		}
		if kind, _ := a.rawCue(j); kind == cueTitle {
			return mention{}, false
		}
	}
	if j := i + 1; j < len(a.toks) && a.doc.start[a.toks[j].Norm]&startSurname != 0 {
		return mention{}, false // "الرئيس بري": the surname names him
	}
	return mention{form: a.x.titleForm, actor: act, i: i, j: i + 1, prefix: prefix, next: -1, prev: -1}, true
}

// boundTitle returns the mention of the person a title run starting at
// token i was bound to earlier in the article, when no name follows it:
// the longest bound run wins.
func (a *analyzer) boundTitle(i int) (mention, bool) {
	if len(a.doc.titles) == 0 || a.doc.start[a.toks[i].Norm]&startTitle == 0 {
		return mention{}, false
	}
	if kind, _ := a.rawCue(i); kind != cueTitle {
		return mention{}, false
	}
	if kind, _ := a.rawCue(i - 1); kind == cueTitle && a.sep[i] == 0 {
		return mention{}, false // "نائب القائد العام": another office
	}
	if m, ok := a.boundHeadTitle(i); ok {
		return m, true
	}
	for j := min(len(a.toks), i+maxTitleRun); j >= i+2; j-- {
		act, ok := a.doc.titles[string(a.appendTitleKey(i, j))]
		if !ok || act < 0 || a.sep[j-1] != 0 && j-1 > i {
			continue
		}
		if a.otherTenure(j) {
			return mention{}, false // "وزير الخارجية الإيراني السابق": another holder
		}
		if j == i+2 && j < len(a.toks) && a.sep[j] == 0 && definite(a.toks[j].Norm) {
			return mention{}, false // "رئيس المجلس العسكري": another office
		}
		if a.genitiveGoesOn(j) {
			return mention{}, false // "مساعد وزير خارجية مصر" after "مساعد وزير الدولة X"
		}
		if j < len(a.toks) && a.sep[j] == 0 {
			if nm, named := a.x.names.at(&a.sent, j, nil); named && a.x.forms[nm.val].role == 0 || a.firstNameAt(j) || a.longestPhraseAt(cueRank, j) > 0 {
				return mention{}, false // the title introduces a name, not another title ("رئيس المجلس وزير الخارجية")
			}
		}
		_, _, prefix := a.rawCuePrefix(i)
		prefix = strings.TrimSuffix(prefix, "ال")
		return mention{form: a.x.titleForm, actor: act, i: i, j: j, prefix: prefix, next: -1, prev: -1}, true
	}
	return mention{}, false
}

// entityStart returns the article's start flags of token i and whether
// the entity layer may find a mention there (entityAt): a cheap test, so
// that most tokens are passed over without building a mention.
func (a *analyzer) entityStart(i int) (doc uint8, may bool) {
	if w := a.toks[i].Norm; len(a.doc.start) > 0 && (a.doc.startMarked != len(a.doc.start) || a.doc.startSig[startSigWord(w)]&startSigBit(w) != 0) {
		doc = a.doc.start[w]
	}
	if doc&startTitle != 0 {
		return doc, true
	}
	return doc, a.nameFlags(i)&(startFirstName|startRoleHead|startCounterpart) != 0 || doc&(startDiscovered|startSurname) != 0 || i > 0 && a.nameFlags(i-1)&startRankEnd != 0 ||
		i > 1 && a.menAt[i-1] >= 0 && a.rankBefore(i) // "السفير الروسي X"
}

// entityAt returns a mention the entity layer finds at token i, where no
// gazetteer form starts.
func (a *analyzer) entityAt(i int) (mention, bool) {
	w := a.toks[i].Norm
	doc, may := a.entityStart(i)
	if !may {
		return mention{}, false
	}
	if doc&startTitle != 0 {
		if m, ok := a.boundTitle(i); ok {
			return m, true
		}
	}
	if f := a.nameFlags(i); f&startRoleHead != 0 {
		if m, ok := a.roleByHead(i); ok {
			return m, true
		}
	} else if f&startCounterpart != 0 {
		return a.counterpart(i)
	}
	// Most words start no name: only a first name, a word after a rank
	// or the first word of a name discovered earlier can.
	if a.nameFlags(i)&startFirstName == 0 && doc&(startDiscovered|startSurname) == 0 && (i == 0 || a.nameFlags(i-1)&startRankEnd == 0) &&
		!(i > 1 && a.menAt[i-1] >= 0 && a.rankBefore(i)) {
		return mention{}, false
	}
	if !arabicWord(w) {
		return mention{}, false
	}
	if doc&startSurname != 0 {
		if m, ok := a.surnameMention(i); ok {
			return m, true
		}
	}
	return a.discover(i)
}

// surnameParticles are the words after which the last word of a name is
// not a surname ("بن سلمان", "عبد الله", "أبو مازن").
var surnameParticles = map[string]bool{"بن": true, "ابن": true, "بنت": true, "عبد": true, "ابو": true, "ال": true, "ام": true}

// learnSurname remembers the last word of a person's full name (form fi
// matched at tokens [i, end)) as the article's surname of that person, so
// that "المعلم" or "الرئيس بري" later names him: a word of three letters
// or more that is not a definite first name, an ordinal-like adjective of a
// dynasty name ("الثاني"), a particle's complement or a lexicon word.
func (a *analyzer) learnSurname(fi int32, i, end int) {
	f := a.x.forms[fi]
	if end-i < 2 || a.kindOf(f.actor) != graph.KindPerson || len(a.doc.surnames) >= maxDocEntities {
		return
	}
	w, before := a.toks[end-1].Norm, a.toks[end-2].Norm
	if utf8.RuneCountInString(w) < 3 || !arabicWord(w) || a.firstName(strings.TrimPrefix(w, "ال")) && strings.HasPrefix(w, "ال") ||
		a.lookupWord(cueNameStop, w) || strings.HasPrefix(w, "ال") && strings.HasSuffix(w, "ي") && !a.demonymAt(end-1) {
		return // a nisba only when it is a state's adjective ("محمد شياع السوداني"), read by surnameOverDemonym
	}
	if kind, _ := a.rawCue(end - 1); kind != cueNone {
		return
	}
	if surnameParticles[before] {
		// "مصطفى عبد الجليل", "أحمد أبو الغيط": the particle and the word
		// after it are the surname.
		if end-i < 3 || before != "عبد" && before != "ابو" {
			return
		}
		w = before + " " + w
	}
	if old, ok := a.doc.surnames[w]; ok && old == fi {
		return // learnt already
	}
	if old, ok := a.doc.surnames[w]; ok && old >= 0 && a.x.forms[old].actor != f.actor {
		a.doc.surnames[w] = -1 // two persons share it: it names neither
		return
	}
	a.doc.surnames[w] = fi
	first, _, _ := strings.Cut(w, " ")
	for _, c := range []string{"", "و", "ف"} {
		a.markStart(c+first, startSurname)
	}
}

// surnameMention returns the mention of a person by the surname the
// article learnt (learnSurname) at token i, possibly after و or ف: a
// definite surname ("المعلم") anywhere, another one after a title ("الرئيس
// بري") or right after a verb ("واتهم قرشي"), where a common word of the
// same spelling cannot stand.
func (a *analyzer) surnameMention(i int) (mention, bool) {
	w, prefix := a.toks[i].Norm, ""
	if r := trimConjunction(w); r != w {
		if _, ok := a.doc.surnames[w]; !ok {
			prefix, w = w[:len(w)-len(r)], r
		}
	}
	j := i + 1
	if (w == "عبد" || w == "ابو") && j < len(a.toks) && a.sep[j] == 0 {
		w, j = w+" "+a.toks[j].Norm, j+1 // "عبد الجليل"
	}
	fi, ok := a.doc.surnames[w]
	if !ok || fi < 0 {
		return mention{}, false
	}
	if !strings.HasPrefix(w, "ال") && j == i+1 {
		// "الرئيس بري", "واتهم قرشي الجيش", "وكان سعيد دعا": after a
		// title or as the subject right after a verb or a perfect
		// auxiliary, where a common word of the same spelling cannot
		// stand.
		if kind, _ := a.rawCue(i - 1); prefix != "" || kind != cueTitle && kind != cueVerb && kind != cueReported && (i == 0 || !a.x.words[cuePerfectAux][trimConjunction(a.toks[i-1].Norm)]) {
			return mention{}, false
		}
		if a.firstName(w) && j < len(a.toks) && a.sep[j] == 0 {
			// A surname that is also a first name ("قيس سعيد": "وكان
			// سعيد دعا") only when no name may go on after it: a
			// punctuation mark or a word of the lexicon follows.
			if kind, _ := a.rawCue(j); kind == cueNone {
				return mention{}, false
			}
		}
	}
	return mention{form: fi, actor: a.x.forms[fi].actor, i: i, j: j, prefix: prefix, next: -1, prev: -1}, true
}

// Flags of a word that may start an entity (Extractor.nameStart and
// docEntities.start).
const (
	startFirstName   uint8 = 1 << iota // a first name of the lexicon
	startRankEnd                       // the last word of a rank
	startTitle                         // the first word of a bound title run
	startDiscovered                    // the first word of a discovered name
	startSurname                       // a surname the article learnt (learnSurname)
	startRoleHead                      // the first word of a role's head (Extractor.roleHeads)
	startCounterpart                   // a counterpart word ("نظيره", counterpartWords)
)

// nameFlags returns the startFirstName, startRankEnd and startRoleHead
// flags of token k.
func (a *analyzer) nameFlags(k int) uint8 {
	if in := a.wordAt(k); in != nil {
		return in.nameStart
	}
	return 0
}

// markStart adds flag to the start flags of word w (docEntities.start) and
// w to the filter of its keys.
func (a *analyzer) markStart(w string, flag uint8) {
	if _, ok := a.doc.start[w]; !ok {
		a.doc.startMarked++
	}
	a.doc.start[w] |= flag
	a.doc.startSig[startSigWord(w)] |= startSigBit(w)
}

// startSigWord and startSigBit are the signature of a word in
// docEntities.startSig: its length and the byte before its last letter
// choose the word, its last byte the bit.
func startSigWord(w string) int {
	if len(w) < 3 {
		return len(w)
	}
	return (len(w) + int(w[len(w)-3])*5) & 63
}

func startSigBit(w string) uint64 {
	if w == "" {
		return 1
	}
	return 1 << (w[len(w)-1] & 63)
}

// definiteOwner reports whether a person mention m follows a definite
// possessor word right before it ("قائد الجيش الفريق أول X", "رئيس
// الحكومة X"): a definite noun possesses nothing after it, so the word
// ends the person's title and the person is no possession's owner
// ("قوات حفتر" stays a possession).
func (a *analyzer) definiteOwner(m mention, kind graph.Kind) bool {
	k := m.i - 1
	return kind == graph.KindPerson && k >= 0 && a.sep[m.i] == 0 && m.prefix == "" && definite(a.toks[k].Norm)
}

// rankRun returns how many tokens a rank starting at token k spans when a
// name follows it ("الفريق أول الركن عبد الفتاح البرهان"), else 0: the
// rank is part of the person's name and no distance between a verb and
// its argument.
func (a *analyzer) rankRun(k int) int {
	n := a.longestPhraseAt(cueRank, k)
	if n == 0 || k+n >= len(a.toks) || a.sep[k+n] != 0 {
		return 0
	}
	if a.menAt[k+n] < 0 && !a.firstNameAt(k+n) {
		return 0
	}
	return n
}

// nameRun returns how many tokens at k belong to a person's name or title
// without being its mention: the rest of a name after it (nameTail), a
// rank before it (rankRun) or the definite words that go on with a title
// (titleTail); 0 when none.
func (a *analyzer) nameRun(k int) int {
	if n := a.rankRun(k); n > 0 {
		return n
	}
	if a.titleTail(k) {
		return 1
	}
	return a.nameTail(k)
}

// maxTitleTail is how far back titleTail looks for the title word.
const maxTitleTail = 6

// titleTail reports whether token k is a definite word, with or without
// و, that goes on with a title word before it ("وزير الشؤون الخارجية
// والتعاون الأفريقي والمغاربة في الخارج"): every word since the title word
// is definite or a preposition of place, with no punctuation and no actor.
func (a *analyzer) titleTail(k int) bool {
	if k == 0 || a.sep[k] != 0 || a.cueAt[k] >= 0 || !definite(a.toks[k].Norm) {
		return false
	}
	for b := k - 1; b >= 0 && b >= k-maxTitleTail; b-- {
		switch {
		case a.kindAt[b] == cueTitle:
			return true
		case a.sep[b+1] != 0, a.menAt[b] >= 0:
			return false
		case a.kindAt[b] == cueLocation, definite(a.toks[b].Norm):
		default:
			return false
		}
	}
	return false
}

// maxHeadTitle is how many words of a title and rank may stand between a
// delegation's head word and the person it introduces.
const maxHeadTitle = 12

// headWordBefore returns the token of the delegation head word ("برئاسة",
// "ترأسه", "وضم") that introduces the person mentioned at token i, right
// before the person or before the person's title and rank ("الذي ترأسه
// منسق البيت الأبيض لشؤون الشرق الأوسط السيد بريت ماكغورك"), or -1. The
// title holds no punctuation, no person and no trigger.
func (a *analyzer) headWordBefore(i int) int {
	held := 0 // whether a title or rank holds the words before i: 0 not asked yet, 1 yes, 2 no
	for k := i - 1; k >= 0 && k >= i-maxHeadTitle; k-- {
		if a.isWord(cueDelegationHead, k) {
			return k
		}
		if a.sep[k+1] != 0 && !(a.sep[k+1] == '-' && a.longestPhraseAt(cueRank, k+1) > 0) {
			return -1 // "برئاسة نائب وزير الدفاع - العقيد X": a dash before a rank goes on
		}
		if mi := a.menAt[k]; mi >= 0 && a.kindOf(a.men[mi].actor) == graph.KindPerson {
			return -1
		}
		if kind, _ := a.rawCue(k); kind.isTrigger() || kind == cueClauseBreak || kind == cueComplementizer {
			return -1
		}
		if k == i-1 {
			continue
		}
		if kind, _ := a.rawCue(k); kind != cueTitle && k < i-1 {
			if held == 0 { // asked once: neither depends on k
				held = 1
				if a.titleStart(i) < 0 && !a.rankBefore(i) {
					held = 2
				}
			}
			if held == 2 {
				return -1 // a plain word with no title to hold it
			}
		}
	}
	return -1
}

// demonymNoun reports whether a demonym form fi matched at tokens [i, end)
// is an indefinite feminine nisba in construct with a definite noun
// ("مغربية الصحراء", "عروبة القدس"): a noun of quality, which names no
// state. A time word after it ("رفض مصري الثلاثاء") leaves it a demonym.
func (a *analyzer) demonymNoun(fi int32, i, end int) bool {
	if a.x.forms[fi].typ != gazetteer.FormDemonym || end != i+1 || end >= len(a.toks) || a.sep[end] != 0 {
		return false
	}
	w, next := a.toks[i].Norm, a.toks[end].Norm
	return !definite(w) && strings.HasSuffix(w, "يه") && strings.HasPrefix(next, "ال") && !a.lookupWord(cueNameStop, next)
}

// commonNounName reports whether the one-word name at token i (read with
// the clitics prefix) is a noun of entities.common_nouns that a definite
// feminine adjective follows ("القاعدة العسكرية", "بالقاعدة الجوية
// الأمريكية"): the common noun, which names no actor.
func (a *analyzer) commonNounName(prefix string, i, end int) bool {
	if end != i+1 || end >= len(a.toks) || a.sep[end] != 0 {
		return false
	}
	w := strings.TrimPrefix(a.toks[i].Norm, strings.TrimSuffix(prefix, "ال"))
	next := a.toks[end].Norm
	return a.lookupWord(cueCommonNounName, w) && definite(next) && strings.HasSuffix(next, "يه") && !a.lookupWord(cueNameStop, next)
}

// titleConjunct reports whether the word at token i is a definite noun
// joined by و to the title word right before it ("وزير الخارجية والتعاون
// الدولي", "وزيرة الخارجية والعلاقات الدولية"): part of the office's
// name, no trigger.
func (a *analyzer) titleConjunct(i int) bool {
	if i == 0 || a.sep[i] != 0 || a.kindAt[i-1] != cueTitle {
		return false
	}
	w, ok := strings.CutPrefix(a.toks[i].Norm, "و")
	return ok && strings.HasPrefix(w, "ال")
}

// placeNouns are the nouns of places named after persons ("مطار الملك
// عبد العزيز", "جامعة الملك سعود", "قاعدة الأمير سلطان"), normalised.
var placeNouns = map[string]bool{
	"مطار": true, "قاعده": true, "مدينه": true, "جامعه": true, "مستشفي": true, "شارع": true, "ميناء": true,
	"جسر": true, "معبر": true, "مسجد": true, "جامع": true, "ملعب": true, "مجمع": true, "ساحه": true,
	"حي": true, "مرفا": true, "قصر": true, "مدرسه": true, "كليه": true, "استاد": true, "سد": true,
	"عاصمه": true, "العاصمه": true, "المدينه": true,
}

// placeNounsLast is the last bytes of placeNouns, tested first.
var placeNounsLast = lastBytesOf(placeNouns)

// namedPlace reports whether the person named at token i, after at most
// a title or rank of two words, is the name of a place: a place noun,
// possibly with a preposition or و, stands right before ("بمطار الملك
// عبد العزيز الدولي", "في جامعة الملك سعود").
func (a *analyzer) namedPlace(i int) bool {
	return a.placeBefore(i, false)
}

// placeBefore is namedPlace; with oneWord, one word of the place's own
// name may stand between the place noun and a person named by one word
// ("قاعدة عين الأسد": not Bashar al-Assad).
func (a *analyzer) placeBefore(i int, oneWord bool) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if a.sep[k+1] != 0 {
			return false
		}
		if a.placeNounAt(k) {
			return true
		}
		if kind, _ := a.rawCue(k); kind != cueTitle && a.longestPhraseAt(cueRank, k) == 0 && !a.inRank(k) {
			if oneWord && k == i-1 && a.menAt[k] < 0 {
				continue // "قاعدة عين الأسد"
			}
			return false // "قصر اليمامة الرئيس": the place has its own name
		}
	}
	return false
}

// leadingFirstName reports whether a first name that starts no mention
// stands right before a person's name form of two words or more matched
// at tokens [i, end) without clitics ("محمد شهباز شريف" for "شهباز
// شريف"): the person's fuller name, so the mention starts there.
func (a *analyzer) leadingFirstName(fi int32, i, end int, prefix string) bool {
	f := a.x.forms[fi]
	if end-i < 2 || prefix != "" || i == 0 || a.sep[i] != 0 || a.menAt[i-1] >= 0 || f.actor < 0 || a.kindOf(f.actor) != graph.KindPerson {
		return false
	}
	return a.firstNameAt(i-1) && !strings.HasPrefix(a.toks[i-1].Norm, "و")
}

// placeMention reports whether mention mi names a place: a location after
// a preposition of place, a state or capital read as a place
// ("بالرياض", "من ليبيا"), or a state with ب inside an aside ("، اليوم
// السبت بعمان،"), which it marks excluded so that no verb takes it.
func (a *analyzer) placeMention(mi int) bool {
	m := a.men[mi]
	if m.prep == prepClitic && m.clitic == "ب" && a.kindOf(m.actor) == graph.KindState {
		a.men[mi].excluded = true // "، اليوم السبت بعمان،": where
		return true
	}
	if !m.excluded {
		return false
	}
	return m.prep == prepLocation || a.place(m, a.x.forms[m.form], a.kindOf(m.actor))
}

// affiliationStems are the participles that describe someone by whom
// they side with ("الموالية لإيران", "المتحالفة مع إيران", "المقربة من
// حزب الله"), normalised and without the article. "تابعة لـ" (belonging
// to) is not one: an attack on "مواقع تابعة لـ X" is an attack on X.
var affiliationStems = map[string]bool{
	"متحالفه": true, "متحالف": true, "متحالفين": true, "متحالفون": true,
	"مواليه": true, "موالي": true, "موالين": true, "موالون": true,
	"مقربه": true, "مقرب": true, "مقربين": true, "مقربون": true,
	"محسوبه": true, "محسوب": true, "محسوبين": true,
}

// affiliationBefore reports whether mention m is the complement of an
// affiliation participle ("فصائل موالية لإيران", "جماعات متحالفة مع
// إيران") that qualifies no named actor: the actor only describes
// whoever the participle qualifies and is no argument of the sentence's
// verbs and nouns.
func (a *analyzer) affiliationBefore(m mention) bool {
	k := m.i - 1
	if k < 0 || a.sep[m.i] != 0 {
		return false
	}
	if w := a.toks[k].Norm; (w == "مع" || w == "من") && m.prefix == "" {
		k--
	} else if p := arabic.CutConjunctions(m.prefix); p != "ل" && p != "لل" && p != "ب" {
		return false
	}
	if k < 0 || a.sep[k+1] != 0 {
		return false
	}
	w := a.toks[k].Norm
	if !affiliationStems[strings.TrimPrefix(w, "ال")] {
		return false
	}
	// "جماعة نصرة الإسلام والمسلمين، الموالية لتنظيم القاعدة،": the
	// participle describes a named actor, whose side the complement is
	// (the lexicon's supported participle); only an unnamed group
	// ("فصائل عراقية موالية لإيران") makes the complement a description.
	if k > 0 {
		if mi := a.menAt[k-1]; mi >= 0 && !a.men[mi].adjective {
			return false
		}
	}
	return true
}

// placeNounAt reports whether token k is a place noun (placeNouns),
// possibly after و or a preposition, right before the next word.
func (a *analyzer) placeNounAt(k int) bool {
	if k < 0 || k+1 >= len(a.toks) || a.sep[k+1] != 0 {
		return false
	}
	in := a.wordAt(k)
	return in != nil && in.placeNoun
}

// placeNounClitics are the clitics a place noun may be written after.
var placeNounClitics = []string{"", "و", "ب", "ل", "وب", "ول"}

// isPlaceNoun reports whether the normalised token w is a place noun,
// possibly after و or a preposition: placeNounAt's string form, read
// once per word into the token table (wordInfo.placeNoun).
func isPlaceNoun(w string) bool {
	if !placeNounsLast.may(w) {
		return false // no place noun ends as w does
	}
	for _, p := range placeNounClitics {
		if rest, ok := strings.CutPrefix(w, p); ok && placeNouns[rest] {
			return true
		}
	}
	return false
}

// salientState returns the state a state anaphor with head h ("المملكة")
// names when last is the last state of the article named with that head:
// last when this sentence named it, else the state with that head the
// article mentioned most, last on a tie. A passing mention of another
// kingdom ("الأردن" in an article about Saudi Arabia) does not take the
// article's home state's place.
func (a *analyzer) salientState(h string, last int32) int32 {
	for _, m := range a.men {
		if m.actor == last {
			return last // "وقال ملك الأردن إن المملكة ...": named just now
		}
	}
	best, n := last, int32(0)
	if int(last) < len(a.counts) {
		n = a.counts[last]
	}
	for _, c := range a.counted {
		if a.counts[c] <= n || a.kindOf(c) != graph.KindState || !slices.Contains(a.x.headsOf(c), h) {
			continue
		}
		best, n = c, a.counts[c]
	}
	return best
}

// countryHolder returns the person whose state a country pronoun at i
// ("بلاده") names, given the sentence's last person before it, last: the
// sentence's subject when last is only an object of the subject's verb
// ("أكد فيدان لنظيره عراقجي دعم بلاده", "قال أردوغان خلال لقائه بوتين إن
// بلاده", "أبلغ السيسي آبي أحمد رفض بلاده"), else last. Last keeps the
// pronoun when a verb right before it makes him a subject ("وأكد بوتين"),
// when a relative pronoun after him opens a clause about him ("بوتين الذي
// أكد دعم بلاده"), or when the subject stands after a preposition.
func (a *analyzer) countryHolder(i int, last int32) int32 {
	first, lm := -1, -1
	for mi, m := range a.men {
		if m.j > i || m.external || a.kindOf(m.actor) != graph.KindPerson {
			continue
		}
		if first < 0 {
			first = mi
		}
		if m.actor == last {
			lm = mi
		}
	}
	if first < 0 || lm < 0 || a.men[first].actor == last {
		return last
	}
	f, l := a.men[first], a.men[lm]
	if f.prefix != "" && f.prefix != "و" || f.i > 0 && isPreposition(a.toks[f.i-1].Norm) {
		return last
	}
	if k, _ := a.rawCue(l.i - 1); k == cueVerb || k == cueReported || k.isTrigger() {
		return last
	}
	for k := l.j; k < i; k++ {
		if kind, _ := a.rawCue(k); kind == cueRelative {
			return last
		}
	}
	return f.actor
}

// pronounAgent reports whether mention m is a state pronoun or anaphor
// ("بلاده", "المملكة") right after a trigger noun, as its genitive ("دعم
// بلاده", "دعم المملكة"), or a country pronoun right after any trigger
// ("رفض بلاده"): the agent of the act the word names, never the target of
// an actor before it.
func (a *analyzer) pronounAgent(m mention) bool {
	if a.x.forms[m.form].typ != formPronoun || m.i == 0 {
		return false
	}
	if _, ok := a.demonstrativeAt(m.i); ok {
		return false // "تسليح هذه الجماعة": read like a name
	}
	for _, c := range a.cues {
		if c.j != m.i {
			continue
		}
		if c.kind == cueNoun {
			return true
		}
		// "رفض بلاده": no verb takes "his country" for its object, but
		// "اتهم الجماعة" accuses the group.
		_, own := a.countryPronounAt(m.i)
		return own && (c.kind.isTrigger() || c.kind == cueRefusal)
	}
	return false
}

// genitiveGoesOn reports whether a title run ending before token j with an
// indefinite word ("مساعد وزير") goes on with its genitive at j ("مساعد
// وزير خارجية مصر"): a longer title, another office than the bound run.
func (a *analyzer) genitiveGoesOn(j int) bool {
	if j >= len(a.toks) || a.sep[j] != 0 || definite(a.toks[j-1].Norm) {
		return false
	}
	w := a.toks[j].Norm
	return arabicWord(w) && !definite(w) && !strings.HasPrefix(w, "و")
}

// partOfNamed returns the one gazetteer person the article mentioned
// before whose Arabic name holds the words of name ("عبد الله" of "الملك
// عبد الله الثاني"), or -1 (none, or two persons share them).
func (a *analyzer) partOfNamed(name string) int32 {
	found := int32(-1)
	for _, c := range a.counted {
		if int(c) >= len(a.x.actors) || a.x.actors[c].Kind != graph.KindPerson {
			continue
		}
		if !strings.Contains(" "+arabic.Normalize(a.x.actors[c].NameAr)+" ", " "+name+" ") {
			continue
		}
		if found >= 0 && found != c {
			return -1
		}
		found = c
	}
	return found
}

// surnameOverDemonym reports whether the one-word demonym form fi at
// token i ("السوداني") is the surname of a person the article named in
// full ("محمد شياع السوداني") rather than an adjective: no definite noun
// stands right before it for it to describe ("واستقبل السوداني", but
// "الجيش السوداني").
func (a *analyzer) surnameOverDemonym(fi int32, i, end int) bool {
	if end != i+1 || a.x.forms[fi].typ != gazetteer.FormDemonym || len(a.doc.surnames) == 0 {
		return false
	}
	if s, ok := a.doc.surnames[trimConjunction(a.toks[i].Norm)]; !ok || s < 0 {
		return false
	}
	if i == 0 || a.sep[i] != 0 {
		return true
	}
	if kind, _ := a.rawCue(i - 1); kind == cueVerb || kind == cueReported || kind.isTrigger() {
		return true
	}
	return !definite(a.toks[i-1].Norm)
}

// demonymAt reports whether token k alone is a state's demonym form of
// the gazetteer ("السوداني").
func (a *analyzer) demonymAt(k int) bool {
	m, ok := a.x.names.at(&a.sent, k, nil)
	return ok && m.end == k+1 && a.x.forms[m.val].typ == gazetteer.FormDemonym
}

// afterPlaceNoun reports whether a place noun stands right before token i,
// or before a state's adjective right before it ("مطار الخرطوم الدولي",
// "العاصمة الإثيوبية أديس أبابا"): the actor at i names a place.
func (a *analyzer) afterPlaceNoun(i int) bool {
	if a.placeNounAt(i - 1) {
		return true
	}
	if i < 2 || a.sep[i] != 0 {
		return false
	}
	mi := a.menAt[i-1]
	return mi >= 0 && a.men[mi].i == i-1 && a.men[mi].adjective && a.placeNounAt(i-2)
}

// struckCity reports whether mention m is a capital, the place a strike hit
// (grammar.strike_nouns): right after the strike noun ("قصف صنعاء"), or
// after على or ضد with the noun at most four words before, the strike's
// agent among them ("غارات أميركية جديدة على صنعاء", "غارات التحالف
// السعودي على صنعاء").
func (a *analyzer) struckCity(m mention) bool {
	if m.form < 0 || a.x.forms[m.form].typ != gazetteer.FormCapital {
		return false
	}
	if m.i == 0 || a.sep[m.i] != 0 {
		return false
	}
	if m.prefix == "" && a.lookupWord(cueGrStrikeNoun, a.toks[m.i-1].Norm) {
		return true
	}
	if m.prefix != "" || a.toks[m.i-1].Norm != "علي" && a.toks[m.i-1].Norm != "ضد" {
		return false
	}
	for k := m.i - 2; k >= 0 && k >= m.i-5; k-- {
		if a.sep[k+1] != 0 {
			return false
		}
		if a.lookupWord(cueGrStrikeNoun, a.toks[k].Norm) {
			return true
		}
	}
	return false
}

// titleBodyBeforeName reports whether body m, written with ل inside a
// title ("الممثل السامي للاتحاد الأوروبي للشؤون الخارجية والسياسة
// الأمنية، جوزيب بوريل"), is followed by the rest of that title and a
// comma before person n: the body only says whom the person serves.
func (a *analyzer) titleBodyBeforeName(m, n mention) bool {
	if a.kindOf(n.actor) != graph.KindPerson || n.prefix != "" || n.i <= m.j || n.i-m.j > 7 || a.sep[n.i] != ',' {
		return false
	}
	if !strings.HasSuffix(m.prefix, "ل") || a.cueKindAt(m.i-1) != cueTitle && a.cueKindAt(m.i-2) != cueTitle {
		return false
	}
	for k := m.j; k < n.i; k++ {
		if k > m.j && a.sep[k] != 0 || a.menAt[k] >= 0 || !definite(a.toks[k].Norm) && !strings.HasPrefix(a.toks[k].Norm, "لل") {
			return false
		}
	}
	return true
}

// Anaphors by kind: a definite noun that refers back to an actor of its
// kind rather than to one named with the same head word (anaphor, for
// "الحركة" after "حركة حماس"). "هذه الجماعة" after "الحوثيون", "هذه
// الدولة" after "إثيوبيا", "البلدان" after "مصر والسودان".

// anaphorClass is the kind of actor a kind anaphor refers back to.
type anaphorClass uint8

const (
	anaphorNone anaphorClass = iota
	// anaphorGroup: an organisation the gazetteer names with a group head
	// (kind_anaphors.group_heads): a movement, group, party or front.
	anaphorGroup
	// anaphorState: a state.
	anaphorState
	// anaphorPerson: a person.
	anaphorPerson
	// anaphorStates: two states (a dual).
	anaphorStates
)

// anaphorClasses maps the lexicon's kind_anaphors sections to the class
// of actor their nouns refer back to (data/triggers.yaml). The singular
// ones do so only after a demonstrative (kind_anaphors.demonstratives:
// "هذه الجماعة", "هذا التنظيم", "تلك الدولة"); the duals do so alone
// ("وأكد البلدان", "ودعا البلدين").
var anaphorClasses = []struct {
	kind  cueKind
	class anaphorClass
}{{cueKindGroup, anaphorGroup}, {cueKindState, anaphorState}, {cueKindPerson, anaphorPerson}, {cueKindStates, anaphorStates}}

// kindClassOf returns the class of actor the normalised token w refers
// back to as a kind anaphor, after one leading و or ف: anaphorNone for
// any word that does not start with ال, وال or فال (most words).
func (x *Extractor) kindClassOf(w string) anaphorClass {
	if len(w) < len("البلد") || !strings.HasPrefix(w, "ال") && !strings.HasPrefix(w, "وال") && !strings.HasPrefix(w, "فال") {
		return anaphorNone
	}
	return x.anaphorClassOf(trimConjunction(w))
}

// anaphorClassOf returns the class of actor the normalised noun w refers
// back to, anaphorNone for any other word.
func (x *Extractor) anaphorClassOf(w string) anaphorClass {
	for _, c := range anaphorClasses {
		if x.words[c.kind][w] {
			return c.class
		}
	}
	return anaphorNone
}

// maxAnaphorSentences is how many sentences before its own a kind
// anaphor looks back for the actor it names.
const maxAnaphorSentences = 2

// salientActor is an actor a sentence of the article named, for the kind
// anaphors of the sentences after it.
type salientActor struct {
	actor int32
	// sent is the number of the sentence that named it (docEntities.sent).
	sent int
}

// recordSalient remembers the actors the sentence named (not those it
// carried from an earlier sentence or event), forgetting those named more
// than maxAnaphorSentences sentences before the next one.
func (a *analyzer) recordSalient() {
	a.doc.sent++
	keep := a.doc.salient[:0]
	for _, s := range a.doc.salient {
		if a.doc.sent-s.sent < maxAnaphorSentences {
			keep = append(keep, s)
		}
	}
	a.doc.salient = keep
	for _, m := range a.men {
		if m.external || m.carried || len(a.doc.salient) >= maxDocEntities {
			continue
		}
		a.doc.salient = append(a.doc.salient, salientActor{actor: m.actor, sent: a.doc.sent})
	}
}

// compatible reports whether actor c is of the kind class names.
func (a *analyzer) compatible(c int32, class anaphorClass) bool {
	switch act := a.actor(c); class {
	case anaphorGroup:
		if act.Kind != graph.KindOrganisation {
			return false
		}
		for _, h := range a.x.orgHeads[c] {
			if a.x.words[cueGroupHead][h] {
				return true
			}
		}
		return false
	case anaphorState, anaphorStates:
		return act.Kind == graph.KindState
	case anaphorPerson:
		return act.Kind == graph.KindPerson
	}
	return false
}

// antecedents returns the distinct actors of kind class that the nearest
// stretch naming any names: the mentions of the sentence in the clauses
// before the one of token i (all of them, adjectives included: "القوات
// الإثيوبية …، وقالت هذه الدولة"; the clause's own subject is never its
// object: "وتتهم القاهرة هذه الدولة"), else those of the sentence before,
// and so on up to maxAnaphorSentences back. A person stands there for
// the state he serves when class is a state's. With a head h, only the
// organisations named with that head count. A stretch naming more than
// want such actors is ambiguous: it returns nil.
func (a *analyzer) antecedents(i int, class anaphorClass, h string, want int) []int32 {
	var found []int32
	add := func(c int32) {
		if (class == anaphorState || class == anaphorStates) && a.kindOf(c) == graph.KindPerson {
			if c = a.x.stateOf(a.actor(c).Affiliation); c < 0 {
				return // "وصل آبي أحمد إلى أسمرة": Ethiopia's too
			}
		}
		if a.compatible(c, class) && (h == "" || slices.Contains(a.x.orgHeads[c], h)) && !slices.Contains(found, c) {
			found = append(found, c)
		}
	}
	bound := a.clauseStartBefore(i)
	for _, m := range a.men {
		if m.j <= bound && !m.external && !m.carried {
			add(m.actor)
		}
	}
	for age := 0; len(found) == 0 && age < maxAnaphorSentences; age++ {
		for _, s := range a.doc.salient {
			if s.sent == a.doc.sent-age {
				add(s.actor)
			}
		}
	}
	if len(found) != want {
		if len(found) > 0 {
			a.doc.ambiguous = true
		}
		return nil // none, or two candidates equally close
	}
	return found
}

// kindAnaphor adds a mention of the actor a kind anaphor at token i names
// (kind_anaphors): after a demonstrative, the one actor of its kind the
// nearest stretch names ("أعلنت جماعة الحوثي … . وقالت هذه الجماعة"); a
// dual of states alone, the two states the nearest stretch names ("وقع
// مصر والسودان اتفاقا. وأكد البلدان"). The mention spans the
// demonstrative, whose clitics it takes ("لهذه الجماعة"), and is a
// pronoun form, so that its claims have the confidence of any non-name
// argument. Two candidates equally close name nobody, and anaphor, which
// reads a head word alone, leaves the token alone too (blocked); with no
// candidate near, anaphor may still name the last organisation named
// with the head word ("هذه الحركة" long after "حركة حماس").
func (a *analyzer) kindAnaphor(i int) {
	a.doc.blocked = 0
	in := a.wordAt(i)
	if in == nil || in.kindClass == anaphorNone {
		return // kindClassOf, read by word id
	}
	class := in.kindClass
	prefix, w := splitConjunction(a.toks[i].Norm)
	start := i
	if d := i - 1; d >= 0 && a.sep[i] == 0 && a.menAt[d] < 0 {
		if dp, dw := a.demonstrativeAt(d); dw {
			start, prefix = d, dp
		}
	}
	if class == anaphorGroup && start == i {
		if c, ok := a.nationalGroup(i, w); ok {
			// "أجرت محادثات مع المجموعة الروسية": the one organisation of
			// that head word and that state the article named.
			f, ok := a.x.pronounForm[c]
			if !ok {
				f = a.x.titleForm
			}
			a.men = append(a.men, mention{form: f, actor: c, i: i, j: i + 2, prefix: prefix, next: -1, prev: -1})
			a.menAt[i], a.menAt[i+1] = len(a.men)-1, len(a.men)-1
		}
		return
	}
	if class != anaphorStates && start == i {
		return // "الجماعة" alone: a generic noun, or anaphor's
	}
	if class == anaphorStates && start == i && !a.dualSubjectAt(i) {
		return // "العلاقات بين البلدين", "وزيرا خارجية البلدين"
	}
	if j := i + 1; j < len(a.toks) && a.sep[j] == 0 {
		if m, ok := a.x.names.at(&a.sent, j, nil); ok && class != anaphorStates && a.compatible(a.x.forms[m.val].actor, class) {
			return // "هذا التنظيم داعش": the name follows
		}
	}
	want := 1
	if class == anaphorStates {
		want = 2
	}
	a.doc.ambiguous = false
	var found []int32
	if h := strings.TrimPrefix(w, "ال"); class == anaphorGroup && a.x.words[cueGroupHead][h] {
		// "هذه الحركة": a movement before any other group.
		found = a.antecedents(start, class, h, want)
	}
	if found == nil {
		found = a.antecedents(start, class, "", want)
	}
	if found == nil {
		if a.doc.ambiguous {
			a.doc.blocked = i + 1 // anaphor's head-word reading is as ambiguous
		}
		return
	}
	for n, c := range found {
		f, ok := a.x.pronounForm[c]
		if !ok {
			f = a.x.titleForm
		}
		a.men = append(a.men, mention{form: f, actor: c, i: start, j: i + 1, prefix: prefix, next: -1, prev: -1, pair: n > 0})
	}
	for k := start; k <= i; k++ {
		a.menAt[k] = len(a.men) - len(found)
	}
}

// clauseStartBefore returns the first token of the clause of token i as
// the entity layer sees it, before cues and clauses are read: the token
// after the last punctuation, complementizer or clause word before i
// (0 when none).
func (a *analyzer) clauseStartBefore(i int) int {
	for k := i; k > 0; k-- {
		if a.sep[k] != 0 {
			return k
		}
		if kind, _ := a.rawCue(k - 1); kind == cueComplementizer || kind == cueClauseBreak || kind == cueRelative {
			return k - 1
		}
	}
	return 0
}

// demonstrativeAt returns the clitics of token k and whether it is a
// demonstrative (kind_anaphors.demonstratives) with them ("وهذه", "لهذه", "بهذا").
func (a *analyzer) demonstrativeAt(k int) (string, bool) {
	if k < 0 || k >= len(a.toks) {
		return "", false
	}
	if in := a.wordAt(k); in != nil && in.demonstrative > 0 {
		return demonstrativeClitics[in.demonstrative-1], true
	}
	return "", false
}

// demonstrativeClitics are the clitics a demonstrative may be written
// after, in the order demonstrativeOf tries them.
var demonstrativeClitics = []string{"", "و", "ف", "ل", "ب", "ول", "وب", "فل", "فب"}

// demonstrativeOf returns the index in demonstrativeClitics of the first
// clitics after which the normalised word w is a demonstrative, and
// whether there is one: the string form of demonstrativeAt, read once per
// word into the token table (wordInfo.demonstrative).
func (x *Extractor) demonstrativeOf(w string) (int, bool) {
	for n, p := range demonstrativeClitics {
		if rest, ok := strings.CutPrefix(w, p); ok && x.words[cueDemonstrative][rest] {
			return n, true
		}
	}
	return 0, false
}

// dualSubjectAt reports whether the dual at token i stands where a
// subject or object stands: first in the sentence, or right after a verb,
// a trigger or a complementizer ("وأكد البلدان", "ودعا البلدين", "أن
// البلدين"), not after a preposition or in a genitive.
func (a *analyzer) dualSubjectAt(i int) bool {
	if i == 0 {
		return true
	}
	if a.sep[i] != 0 {
		return false
	}
	if mi := a.menAt[i-1]; mi >= 0 && a.men[mi].j == i && a.men[mi].prefix == "" {
		// "وانتقدت إثيوبيا البلدين": the object after a verb's subject.
		if k := a.men[mi].i; k > 0 && a.sep[k] == 0 {
			kind, _ := a.rawCue(k - 1)
			return kind == cueVerb || kind == cueRefusal
		}
		return false
	}
	switch kind, _ := a.rawCue(i - 1); {
	case kind == cueVerb, kind == cueReported, kind == cueComplementizer, kind == cueRefusal:
		return true
	case kind == cueNoun:
		return false // "دعم البلدين": the genitive, read by the noun's readings as usual
	default:
		return kind.isTrigger()
	}
}

// accusativeAdjective reports whether mention m is a state's name that is
// also its adjective in the indefinite accusative, right after an
// indefinite relation noun in the accusative ("لقيت حكومة الوفاق دعما
// تركيا كبيرا", "قصفا روسيا"): Turkish support, not support for Turkey.
// The name must be the adjective with the alef of the accusative
// (تركي + ا), which the state's own demonyms say.
func (a *analyzer) accusativeAdjective(m mention) bool {
	if m.j != m.i+1 || m.prefix != "" || m.i == 0 || a.sep[m.i] != 0 || a.x.forms[m.form].typ != gazetteer.FormName {
		return false
	}
	w, noun := a.toks[m.i].Norm, a.toks[m.i-1].Norm
	if !strings.HasSuffix(w, "يا") || !strings.HasSuffix(noun, "ا") || definite(noun) || a.cueKindAt(m.i-1) != cueNoun {
		return false
	}
	adj := strings.TrimSuffix(w, "ا")
	for _, f := range a.x.forms {
		if f.actor == m.actor && f.typ == gazetteer.FormDemonym && arabic.Normalize(f.text) == adj {
			return true
		}
	}
	return false
}

// nationalGroup returns the organisation a group noun w at token i names
// with a state's adjective right after it ("المجموعة الروسية" after "مجموعة
// فاغنر"): the one organisation the article named by name whose names use
// the noun's head word and whose affiliation is that state.
func (a *analyzer) nationalGroup(i int, w string) (int32, bool) {
	j := i + 1
	if j >= len(a.toks) || a.sep[j] != 0 {
		return 0, false
	}
	m, ok := a.x.names.at(&a.sent, j, nil)
	if !ok || m.end != j+1 || a.x.forms[m.val].typ != gazetteer.FormDemonym || !definite(a.toks[j].Norm) {
		return 0, false
	}
	state := a.actor(a.x.forms[m.val].actor).ID
	head := strings.TrimPrefix(w, "ال")
	found, n := int32(-1), 0
	for c := range a.doc.named {
		act := a.actor(c)
		if act.Kind != graph.KindOrganisation || act.Affiliation != state || !slices.Contains(a.x.orgHeads[c], head) {
			continue
		}
		found, n = c, n+1
	}
	return found, n == 1
}

// honorificPronoun reads an honorific pronoun of entities.honorific_pronouns
// right after the verb opening a sentence ("وقال سيادته إن …") as the
// previous sentence's subject p, a person the sentence carries.
func (a *analyzer) honorificPronoun(i int, p int32) {
	if i == 0 || i > 2 || a.sep[i] != 0 || !a.x.words[cueHonorificPronoun][a.toks[i].Norm] {
		return
	}
	if kind, _ := a.rawCue(i - 1); kind != cueVerb && kind != cueReported {
		return
	}
	a.men = append(a.men, mention{form: a.x.titleForm, actor: p, i: i, j: i + 1, next: -1, prev: -1})
	a.menAt[i] = len(a.men) - 1
}
