package extract

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/internal/input"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// Frames are constructions written as data (the frames: section of the
// trigger lexicon): a verb, optionally an object noun after it in the same
// clause, and the slots where the source and the target stand.
//
//	frames:
//	  - name: ties/cut                 # the claim's rule is "frame/ties/cut"
//	    relation: opposed
//	    confidence: 0.75
//	    verbs: [قطع, قطعت, يقطع, تقطع]   # as written, clitics و ف stripped in the text
//	    objects: [علاقاتها, العلاقات]    # optional: must follow the verb within 8 words
//	    source: subject                  # subject | after | object-adjective
//	    target: after
//	    markers: [مع]                    # the words (or the clitics ب ل) before an "after" actor
//	    unless: [برصاص]                  # optional: words that may not follow the verb
//	    not_after: [مساندة]              # optional: words that may not stand just before it
//	    sites: true                      # optional: a site's owner fills an after slot
//	    tests:                           # sentences the frame must read (frames_test.go)
//	      - text: "قطعت البحرين علاقاتها مع إيران"
//	        want: ["opposed bahrain -> iran"]
//
// Slots: "antecedent" is the actor right before a noun whose pronoun
// refers to it ("انتقدت واشنطن إيران لدعمها ..."); "subject" is the verb's subject (after the verb, before the object;
// else before the verb in its clause; else the subject a clause-initial
// coordinated verb shares); "owner" is the subject, else the sentence's
// topic, else the previous sentence's subject (for a noun with a pronoun:
// "خلال استقباله"); "object" is the first actor after the verb (after its
// subject when that follows the verb) and before the object noun; "after"
// is the first actor after a marker that follows the object; "complement"
// is the actor right after the object noun ("السفير التركي",
// "تصريحات نصرالله"); "speaker" is the subject of the reporting verb
// whose complement clause (after أن or إن) holds the verb ("اعتبر أردوغان
// أن نتنياهو يتحمل المسؤولية"). With mutual: true each side also acts on the other
// ("تخوض صراعا مع").

// frameSlot is where one argument of a frame stands.
type frameSlot uint8

const (
	slotSubject frameSlot = iota + 1
	slotOwner
	slotObject
	slotAfter
	slotComplement
	slotAntecedent
	slotSpeaker
)

var frameSlots = map[string]frameSlot{"subject": slotSubject, "owner": slotOwner, "object": slotObject, "after": slotAfter, "complement": slotComplement, "antecedent": slotAntecedent, "speaker": slotSpeaker}

// frameWindow is how many words after the verb its object may stand, and
// after the object the marker of an "after" slot.
const frameWindow = 12

// frame is one parsed entry of the frames: section.
type frame struct {
	name           string
	rel            graph.RelationType
	conf           float64
	objects        map[string]bool
	source, target frameSlot
	markers        map[string]bool
	mutual         bool
	noun           bool
	// negated frames read only a negated verb ("لا تعترف ب" is opposition);
	// reciprocal ones make every actor of the subject list act on every
	// other ("تتقاتل X و Y").
	negated, reciprocal bool
	// after, when set, holds words one of which must stand at most
	// frameAfterReach words before the verb ("الدعم الذي تقدمه").
	after map[string]bool
	// notAfter, when set, holds words none of which may stand at most
	// frameAfterReach words before the verb ("مساندة بلاده في حربها": the
	// war is the supported party's, not the subject's).
	notAfter map[string]bool
	// sites lets the owner of a site fill an "after" slot: an unmarked
	// nationality adjective ("ضد مواقع إسرائيلية") or the actor after a
	// word with ل ("استهداف تجمع لجنود الجيش الإسرائيلي").
	sites bool
	// then, when set, holds words one of which must follow the object in
	// its clause ("طلبت من السفير الكندي مغادرة البلاد").
	then map[string]bool
	// unless, when set, holds words none of which may follow the verb
	// directly ("قتل برصاص": the verb is passive there).
	unless map[string]bool
	line   int
	tests  []FrameTest
}

// FrameTest is a sentence a frame must read, with the claims it must give
// ("opposed bahrain -> iran").
type FrameTest struct {
	Text string   `yaml:"text"`
	Want []string `yaml:"want"`
}

type frameYAML struct {
	Name       string      `yaml:"name"`
	Relation   string      `yaml:"relation"`
	Confidence float64     `yaml:"confidence"`
	Verbs      []string    `yaml:"verbs"`
	Objects    []string    `yaml:"objects"`
	Source     string      `yaml:"source"`
	Target     string      `yaml:"target"`
	Markers    []string    `yaml:"markers"`
	Mutual     bool        `yaml:"mutual"`
	Noun       bool        `yaml:"noun"`
	Negated    bool        `yaml:"negated"`
	Reciprocal bool        `yaml:"reciprocal"`
	After      []string    `yaml:"after"`
	NotAfter   []string    `yaml:"not_after"`
	Sites      bool        `yaml:"sites"`
	Then       []string    `yaml:"then"`
	Unless     []string    `yaml:"unless"`
	Tests      []FrameTest `yaml:"tests"`
}

// multiWordEntry returns the first entry of a frame's word lists that
// holds a space, with its field, or "" when there is none: such an entry
// would never match, since frames read one word at a time.
func multiWordEntry(fy frameYAML) (field, entry string) {
	lists := []struct {
		field string
		words []string
	}{
		{"verbs", fy.Verbs}, {"objects", fy.Objects}, {"markers", fy.Markers}, {"after", fy.After},
		{"not_after", fy.NotAfter}, {"then", fy.Then}, {"unless", fy.Unless},
	}
	for _, l := range lists {
		for _, w := range l.words {
			if strings.ContainsAny(strings.TrimSpace(w), " \t") {
				return l.field, w
			}
		}
	}
	return "", ""
}

// parseFrames parses the frames: section; verbs maps each normalised verb
// to the frames it starts.
func parseFrames(name string, n *yaml.Node) (frames []frame, verbs map[string][]int32, errs []error) {
	verbs = map[string][]int32{}
	if n.Kind != yaml.SequenceNode {
		return nil, nil, []error{input.Errorf(input.Line(name, n.Line), "frames: want a list, got a %s", kindName(n))}
	}
	seen := map[string]int{}
	for _, it := range n.Content {
		var fy frameYAML
		if err := it.Decode(&fy); err != nil {
			errs = append(errs, input.Errorf(input.Line(name, it.Line), "frames: %v", err))
			continue
		}
		bad := func(format string, args ...any) {
			errs = append(errs, input.Errorf(input.Line(name, it.Line), "frame %q: %s", fy.Name, fmt.Sprintf(format, args...)))
		}
		rel, err := graph.ParseRelationType(fy.Relation)
		switch {
		case fy.Name == "":
			bad("no name")
			continue
		case seen[fy.Name] > 0:
			bad("already defined at line %d", seen[fy.Name])
			continue
		case err != nil:
			bad("relation: %v", err)
			continue
		case fy.Confidence < 0.3 || fy.Confidence > 0.95:
			bad("confidence %v: want 0.30 to 0.95", fy.Confidence)
			continue
		case len(fy.Verbs) == 0:
			bad("no verbs")
			continue
		case len(fy.Tests) == 0:
			bad("no test sentences")
			continue
		}
		if field, entry := multiWordEntry(fy); field != "" {
			bad("%s: %q is more than one word; frame words are matched one word at a time", field, entry)
			continue
		}
		seen[fy.Name] = it.Line
		f := frame{name: fy.Name, rel: rel, conf: fy.Confidence, line: it.Line, tests: fy.Tests,
			source: frameSlots[fy.Source], target: frameSlots[fy.Target], objects: words(fy.Objects), markers: words(fy.Markers), mutual: fy.Mutual, noun: fy.Noun, negated: fy.Negated, reciprocal: fy.Reciprocal, after: words(fy.After), notAfter: words(fy.NotAfter), sites: fy.Sites, then: words(fy.Then), unless: words(fy.Unless)}
		if f.source == 0 || f.target == 0 || f.source == f.target {
			bad("source %q and target %q: want two of subject, owner, object, after, complement, antecedent", fy.Source, fy.Target)
			continue
		}
		if (f.source == slotAfter || f.target == slotAfter) && len(f.markers) == 0 {
			bad("an after slot needs markers")
			continue
		}
		if (f.source == slotComplement || f.target == slotComplement) && len(f.objects) == 0 {
			bad("a complement slot needs objects")
			continue
		}
		idx := int32(len(frames))
		frames = append(frames, f)
		for v := range words(fy.Verbs) {
			verbs[v] = append(verbs[v], idx)
		}
	}
	return frames, verbs, errs
}

// words returns the normalised forms of a list of words.
func words(list []string) map[string]bool {
	if len(list) == 0 {
		return nil
	}
	m := make(map[string]bool, len(list))
	for _, w := range list {
		m[arabic.Normalize(strings.TrimSpace(w))] = true
	}
	return m
}

// frameVerb returns the frames whose verb token k is (possibly with و or ف,
// and the future س).
func (a *analyzer) frameVerb(k int) []int32 {
	if in := a.wordAt(k); in != nil {
		return in.frames
	}
	return nil
}

// hasFrameVerb reports whether a frame's verb occurs in the sentence.
func (a *analyzer) hasFrameVerb() bool {
	if len(a.x.frameVerbs) == 0 {
		return false
	}
	for k := range a.toks {
		if a.frameVerb(k) != nil {
			return true
		}
	}
	return false
}

// matchFrames emits the claims of every frame whose verb occurs in the
// sentence and whose slots are filled.
func (a *analyzer) matchFrames(article string) {
	for v := range a.toks {
		for _, fi := range a.frameVerb(v) {
			f := &a.x.frames[fi]
			if a.frameBlockedAtVerb(f, v) {
				continue
			}
			o := v
			if f.objects != nil {
				if o = a.frameObject(f, v); o < 0 {
					continue
				}
			}
			if f.then != nil && !a.wordAfter(f.then, o) {
				continue
			}
			if o > v+1 && a.isWord(cueBlock, o-1) {
				continue // "دعت إلى تخفيف الضغط على Y": the act is eased or stopped
			}
			a.emitPairs(article, f.rel, v, o+1, a.framePairs(f, v, o), "frame/"+f.name, f.conf)
		}
	}
}

// frameGuard is a named reason for a frame not to read its verb at v.
type frameGuard struct {
	name    string
	blocked func(a *analyzer, f *frame, v int) bool
}

// frameGuards are checked in order before a frame looks for its object;
// the first that blocks stops the frame at that verb.
var frameGuards = []frameGuard{
	{"negation", func(a *analyzer, f *frame, v int) bool {
		// a negated frame reads only a negated verb, the others only an asserted one
		return (a.cueKindAt(v-1) == cueNegNext || a.cueKindAt(v) == cueNegNext) != f.negated
	}},
	{"after/not-after", func(a *analyzer, f *frame, v int) bool {
		return f.after != nil && !a.wordBefore(f.after, v) || f.notAfter != nil && a.wordBefore(f.notAfter, v)
	}},
	{"denied or refused", func(a *analyzer, f *frame, v int) bool {
		return !f.negated && a.deniedOrRefused(f, v) // "نفت تركيا أن تكون أرسلت أسلحة", "رفضت إرسال"
	}},
	{"unless", func(a *analyzer, f *frame, v int) bool {
		return f.unless != nil && v+1 < len(a.toks) && a.inSet(f.unless, v+1)
	}},
	{"place named like the verb", func(a *analyzer, _ *frame, v int) bool {
		return a.placeNamedLikeVerb(v) // "في عين التينة"
	}},
	{"object of another verb", func(a *analyzer, f *frame, v int) bool {
		return f.noun && a.verbObject(v) // "تحمل إيران داعمي الإرهاب ... المسؤولية"
	}},
	{"planned meeting", func(a *analyzer, f *frame, v int) bool {
		return f.rel == graph.Met && a.plannedInClause(v) // "وسيعقد X مؤتمرا صحفيا مشتركا مع Y"
	}},
}

// frameBlockedAtVerb reports whether one of frameGuards stops frame f at
// the verb at v.
func (a *analyzer) frameBlockedAtVerb(f *frame, v int) bool {
	for _, g := range frameGuards {
		if g.blocked(a, f, v) {
			return true
		}
	}
	return false
}

// framePairs returns the source and target mentions frame f relates, its
// verb at v and its object at o: every actor of a reciprocal subject list
// with every other ("تتبادل حماس وإسرائيل الاتهامات"), else each source
// with each target (both ways for a mutual frame), leaving out a person
// and the state or body he serves, and, for a meeting, an envoy no name
// follows ("أوراق اعتماد سفير قطر").
func (a *analyzer) framePairs(f *frame, v, o int) [][2]int {
	src := a.frameSlot(f, f.source, v, o)
	if f.reciprocal && len(src) == 1 {
		src = a.partyList(src[0])
	}
	var pairs [][2]int
	if f.reciprocal && len(src) > 1 {
		for _, x := range src {
			for _, y := range src {
				if x != y && !a.affiliated(a.men[x].actor, a.men[y].actor) {
					pairs = append(pairs, [2]int{x, y})
				}
			}
		}
		return pairs
	}
	tgt := a.frameSlot(f, f.target, v, o)
	for _, s := range src {
		for _, t := range tgt {
			if a.affiliated(a.men[s].actor, a.men[t].actor) {
				continue
			}
			if f.rel == graph.Met && (a.unnamedEnvoy(s) || a.unnamedEnvoy(t)) {
				continue
			}
			pairs = append(pairs, [2]int{s, t})
			if f.mutual {
				pairs = append(pairs, [2]int{t, s})
			}
		}
	}
	return pairs
}

// deniedOrRefused reports whether a denial stands at most 8 words (names
// not counted) before a frame's verb at v, or a refusal at most 4 for a
// frame that is no opposition or whose verb judges ("رفضت إدانة",
// "امتنعت عن إدانة"), as relations() reaches for trigger cues: the
// frame's act is then denied or refused.
func (a *analyzer) deniedOrRefused(f *frame, v int) bool {
	for k := v - 1; k >= 0 && v-k-a.namedTokens(k, v) <= 8; k-- {
		switch a.cueKindAt(k) {
		case cueNegDenial:
			return true
		case cueRefusal:
			if (f.rel != graph.Opposed || a.isWord(cueJudging, v)) && v-k-a.namedTokens(k, v) <= 4 {
				return true
			}
		}
	}
	return false
}

// facingParty returns the actor a noun after في stands with ("الوقوف
// إلى جانب قوات الدعم السريع بقيادة X في مواجهة الجيش": the forces face
// the army), past the body or leader that describes it, or -1.
func (a *analyzer) facingParty(v int) int {
	k := v - 1
	if k < 1 || a.toks[k].Norm != "في" || a.sep[v] != 0 || a.sep[k] != 0 {
		return -1
	}
	for k--; k >= 0 && k >= v-8 && a.clause[k] == a.clause[v]; k-- {
		mi := a.menAt[k]
		if mi < 0 {
			if a.cueKindAt(k) == cuePossessor {
				continue // "بقيادة محمد حمدان دقلو"
			}
			return -1
		}
		m := a.men[mi]
		if !m.excluded && m.prep == prepNone {
			return a.head(mi)
		}
		k = m.i
		if a.sep[k] != 0 {
			return -1
		}
	}
	return -1
}

// placeNamedLikeVerb reports whether a short word at v, right after a place
// preposition (في, داخل …) and before a definite word that names no actor, is the
// first word of a place ("في عين التينة", "قاعدة عين الأسد") rather than
// a verb.
func (a *analyzer) placeNamedLikeVerb(v int) bool {
	if v == 0 || v+1 >= len(a.toks) || a.sep[v+1] != 0 || a.menAt[v+1] >= 0 || a.cueAt[v+1] >= 0 {
		return false
	}
	if a.cueKindAt(v-1) != cueLocation || utf8.RuneCountInString(a.toks[v].Norm) > 3 {
		return false
	}
	return strings.HasPrefix(a.toks[v+1].Norm, "ال") && !strings.ContainsAny(a.toks[v].Norm[:1], "وفبل")
}

// verbObject reports whether the word at v is the object of the trigger
// verb right before it, or before its subject ("تحمل داعمي الإرهاب
// المسؤولية", "تحمل طهران داعمي ..."), so that a noun
// frame starting there is not predicated of the sentence's subject.
func (a *analyzer) verbObject(v int) bool {
	k := v - 1
	if k >= 0 && a.menAt[k] >= 0 {
		k = a.men[a.menAt[k]].i - 1 // "تحمل طهران داعمي ...": past the subject
	}
	if k < 0 || a.cueAt[k] < 0 {
		return false
	}
	switch a.cueKindAt(k) {
	case cueVerb, cueDemand, cueRefusal, cueReceive:
		c := a.cues[a.cueAt[k]]
		return c.j == v || c.j < len(a.toks) && a.menAt[c.j] >= 0 && a.men[a.menAt[c.j]].j == v
	}
	return false
}

// frameObject returns the token of the frame's object after the verb at v
// in the same clause, or -1.
func (a *analyzer) frameObject(f *frame, v int) int {
	words := 0
	for k := v + 1; k < len(a.toks) && words < frameWindow && a.sameFrameClause(v, k); k++ {
		if mi := a.menAt[k]; mi >= 0 {
			if a.men[mi].i == k && a.men[mi].j > k+1 && a.inSet(f.objects, k) {
				return k // "السفير المغربي": a title standing for its holder
			}
			continue // names do not count towards the window
		}
		words++
		if a.inSet(f.objects, k) {
			return k
		}
	}
	return -1
}

// frameSlot returns the mentions that fill a slot of a frame whose verb is
// at v and object at o (o == v without an object).
func (a *analyzer) frameSlot(f *frame, s frameSlot, v, o int) []int {
	switch s {
	case slotSubject, slotOwner:
		if a.firstPerson(v) {
			// "ندين أنشطة إيران ونقف مع السعودية": "we", the speaker of
			// a quote opening right before the verb, or nobody.
			if sp := a.quoteSpeaker(v); sp >= 0 {
				return []int{sp}
			}
			return nil
		}
	}
	switch s {
	case slotSubject:
		return a.frameSubject(f, v, o)
	case slotOwner:
		if f.noun {
			if mi := a.facingParty(v); mi >= 0 {
				return a.list(mi)
			}
			if mi := a.requester(v); mi >= 0 {
				return a.list(mi)
			}
			if t := a.occasionOwner(v); t >= 0 {
				return a.list(t) // "وأكد X أن تركيا ...، وذلك خلال استقباله Y"
			}
		}
		if l := a.frameSubject(f, v, o); l != nil {
			if p := a.ownerSubject(l[0]); p >= 0 && f.noun {
				// "أطلع السيسي ماكرون على نتائج لقائه": the owner of the
				// noun is the verb's subject, not its object.
				return a.list(p)
			}
			return l
		}
		if sp := a.speakerBefore(v); sp >= 0 {
			return []int{sp}
		}
		if sp := a.pronounSpeaker(v); sp >= 0 {
			return []int{sp}
		}
		if sp := a.quoteSpeaker(v); sp >= 0 {
			return []int{sp}
		}
		if t := a.topic(v); t >= 0 && a.men[t].i <= 3 && (a.clause[a.men[t].i] >= a.clause[v]-1 || a.onlyActorBefore(t, v)) {
			// "وثمن السيسي، خلال استقباله ...": the subject that opens the
			// sentence, in the clause before.
			return []int{t}
		}
		if t := a.openingSpeaker(v); t >= 0 && f.noun {
			// "وقال X، خلال لقائه مع Y، إن ...": the speaker's meeting.
			return []int{t}
		}
		if a.unnamedSubjectAfter(v) && !(f.noun && a.ownPronounNoun(v)) {
			return nil // "وأعرب أمير قطر عن امتنانه": a subject the layers could not name
		}
		if mi := a.priorMention(cue{i: v, j: v + 1, prefix: "و"}); mi >= 0 {
			return []int{mi}
		}
		if mi := a.previousSubject(v); mi >= 0 {
			return []int{mi}
		}
	case slotObject:
		return a.frameObjectActor(v, o, !f.noun)
	case slotAfter:
		return a.frameAfter(f, o)
	case slotAntecedent:
		return a.pronounReferent(v)
	case slotSpeaker:
		if mi := a.clauseSpeaker(v); mi >= 0 {
			return []int{mi}
		}
	case slotComplement:
		return a.frameComplement(o)
	}
	return nil
}

// subjectOfObject returns the person right before mention mi, with no
// word but a title and no separator between, when both are persons after a verb ("أطلع
// السيسي ماكرون"): mi is the object and the one before the subject. -1
// otherwise.
func (a *analyzer) subjectOfObject(mi int) int {
	m := a.men[mi]
	if m.i == 0 || a.sep[m.i] != 0 || a.kindOf(m.actor) != graph.KindPerson {
		return -1
	}
	k := m.i - 1
	for k > 0 && a.menAt[k] < 0 && a.cueKindAt(k) == cueTitle && a.sep[k] == 0 {
		k-- // "السيسي الرئيس إيمانويل ماكرون": a title before the object
	}
	p := a.menAt[k]
	if p < 0 || p == mi || a.men[p].excluded || a.men[p].prep != prepNone || a.kindOf(a.men[p].actor) != graph.KindPerson {
		return -1
	}
	if k := a.men[p].i - 1; k < 0 || a.cueAt[k] < 0 && a.frameVerb(k) == nil && a.cueKindAt(k) == cueNone {
		return -1
	}
	return a.head(p)
}

// ownerSubject returns the person that opens the sentence as its subject
// ("والتقى X في جدة Y، بعد يوم من لقائه Z": X), when mention mi, a person
// later in the same clause chain, is the object: the owner of a noun
// with a possessive pronoun is the subject. It falls back to
// subjectOfObject; -1 when neither applies.
func (a *analyzer) ownerSubject(mi int) int {
	if p := a.subjectOfObject(mi); p >= 0 {
		return p
	}
	if a.kindOf(a.men[mi].actor) != graph.KindPerson {
		return -1
	}
	for p, m := range a.men {
		if m.i >= a.men[mi].i || m.i > 3 {
			return -1
		}
		if m.excluded || m.prep != prepNone || m.external || m.carried {
			continue
		}
		if a.kindOf(m.actor) != graph.KindPerson || m.i == 0 || !a.cueKindAt(m.i-1).isTrigger() && a.frameVerb(m.i-1) == nil {
			return -1 // the sentence does not open with a verb and its subject
		}
		for k := m.j; k < a.men[mi].i; k++ {
			if kind := a.cueKindAt(k); kind == cueRelative || kind == cueComplementizer {
				return -1
			}
		}
		return a.head(p)
	}
	return -1
}

// unnamedSubjectAfter reports whether a title or a state agent without a
// preposition follows the verb at v: the verb's own subject, which no
// layer named, so no earlier subject stands in for it.
func (a *analyzer) unnamedSubjectAfter(v int) bool {
	k := v + 1
	if k >= len(a.toks) || a.cueAt[k] < 0 || a.menAt[k] >= 0 {
		return false
	}
	if strings.HasPrefix(a.toks[k].Norm, "نظير") {
		return false // "أبلغ نظيره": the object
	}
	switch a.cueKindAt(k) {
	case cueTitle, cueStateAgent:
		p := strings.TrimLeft(a.cues[a.cueAt[k]].prefix, "وف")
		return !strings.HasPrefix(p, "ب") && !strings.HasPrefix(p, "ل")
	}
	return false
}

// frameObjectActor returns the object of a frame verb at v: the first
// actor after it, past its subject when that follows the verb, and before
// the object noun at o (within the window without one).
func (a *analyzer) frameObjectActor(v, o int, verbFirst bool) []int {
	end := o
	if o == v {
		end = v + frameWindow
	}
	skipSubject := verbFirst && a.subjectAfter(v, o) != nil && a.subjectBefore(v) < 0
	for k := v + 1; k < len(a.toks) && k < end && a.clause[k] == a.clause[v]; k++ {
		mi := a.menAt[k]
		if mi < 0 {
			if o == v && a.cueKindAt(k) == cueTitle {
				end++ // title words do not count towards the window
			}
			continue
		}
		m := a.men[mi]
		if a.guest(m) {
			end += m.j - m.i
			k = m.j - 1
			continue // "خلال استقباله، ومعه X، Y": X came with the host
		}
		if m.excluded && !m.carried {
			if o == v {
				if !m.adjective && !a.titleGoesOn(m.j) {
					return nil // "مواجهة أعداء أمريكا": the object is no actor
				}
				end += m.j - m.i
			}
			k = m.j - 1
			continue
		}
		if a.dependentOf(m) {
			return nil // "أدرج X إدارة الأمن التابعة لوزارة Y": the object is the unnamed body
		}
		if skipSubject {
			skipSubject = false
			l := a.conjList(mi)
			k = a.men[l[len(l)-1]].j - 1
			continue
		}
		return a.conjList(mi)
	}
	return nil
}

// dependentOf reports whether a mention with ل stands right after a
// participle of dependence (grammar.dependents: "التابعة لوزارة X"): it
// names the owner of the noun before, not a party of the verb.
func (a *analyzer) dependentOf(m mention) bool {
	k := m.i - 1
	if p := arabic.CutConjunctions(m.prefix); p != "ل" && p != "لل" {
		// "التابعة لوزارة المخابرات الإيرانية": the ل is on the head noun
		if k < 1 || a.sep[m.i] != 0 || a.menAt[k] >= 0 || !strings.HasPrefix(a.toks[k].Norm, "ل") {
			return false
		}
		k--
	}
	return k >= 0 && a.sep[k+1] == 0 && a.x.words[cueGrDependent][a.toks[k].Norm]
}

func (a *analyzer) menAtToken(k int) int {
	if k < 0 || k >= len(a.toks) {
		return -1
	}
	return a.menAt[k]
}

// frameSubject returns the subject of a frame verb at v: the actors right
// after it (before its object at o; never for a noun), else the subject
// before it in its clause, else the subject a clause-initial coordinated
// verb shares.
func (a *analyzer) frameSubject(f *frame, v, o int) []int {
	if l := a.eachOf(v); l != nil {
		return l
	}
	if v >= 2 {
		// "غارات إسرائيلية استهدفت مواقع لـ X": a verb after an indefinite
		// attack noun and its demonym opens a relative clause whose agent
		// is the demonym.
		if mi := a.menAt[v-1]; mi >= 0 && a.men[mi].adjective && a.sep[v] == 0 && a.isWord(cueAttackNoun, a.men[mi].i-1) {
			return []int{mi}
		}
	}
	// "وكان السودان قد أمهل X": a subject before the verb in its clause
	// makes the actor after it the object.
	if s := a.subjectBefore(v); s >= 0 {
		return a.conjList(s)
	}
	// "أعلنت الولايات المتحدة أنها قصفت X": the pronoun on أن is the
	// speaker.
	if v > 0 && a.x.words[cueGrPronounComplementizer][trimConjunction(a.toks[v-1].Norm)] {
		if sp := a.clauseSpeaker(v); sp >= 0 {
			return []int{sp}
		}
	}
	if !f.noun {
		if l := a.subjectAfter(v, o); l != nil {
			return l
		}
	}
	// "للجيش السوداني الذي يشن هجمات على ...": the relative pronoun's
	// antecedent, whatever its preposition.
	if v >= 2 && a.cueKindAt(v-1) == cueRelative && !strings.HasPrefix(a.toks[v-1].Norm, "و") {
		if mi := a.menAt[v-2]; mi >= 0 && !a.men[mi].adjective {
			return []int{a.head(mi)}
		}
	}
	if mi := a.commaRelative(v); mi >= 0 {
		return []int{mi}
	}
	c := cue{i: v, j: v + 1}
	if w := a.toks[v].Norm; strings.HasPrefix(w, "و") && a.x.frameVerbs[w] == nil {
		c.prefix = "و"
	}
	if s := a.carriedSubject(c); s >= 0 {
		return []int{s}
	}
	return nil
}

// antecedentReach is how many words may stand between a noun with a
// pronoun and the actor the pronoun refers to.
const antecedentReach = 4

// pronounReferent returns the actor a pronoun on the noun at v refers to: the
// nearest actor before it in its clause, unmarked, at most antecedentReach
// words away ("انتقدت واشنطن إيران أيضا لدعمها ..."), or nil.
func (a *analyzer) pronounReferent(v int) []int {
	words := 0
	for k := v - 1; k >= 0 && words <= antecedentReach && a.clause[k] == a.clause[v]; k-- {
		if mi := a.menAt[k]; mi >= 0 {
			m := a.men[mi]
			if m.excluded || m.prep != prepNone && !(m.prep == prepClitic && m.clitic == "ل") {
				return nil // "اتهامات لإيران بالوقوف خلف ...": ل marks the referent
			}
			return []int{a.head(mi)}
		}
		if k < v-1 && a.sep[k+1] != 0 || a.cueKindAt(k) != cueNone && a.cueKindAt(k) != cueLocation {
			return nil
		}
		words++
	}
	return nil
}

// commaRelativeReach is how many words of description may stand between
// an antecedent and ", والتي" ("لحكومة السراج المعترف بها دوليا، والتي").
const commaRelativeReach = 5

// commaRelative returns the antecedent of a relative pronoun with و after a
// comma right before token v: the last actor before the comma, past a
// description of at most commaRelativeReach words, whatever its
// preposition; -1 when there is none.
func (a *analyzer) commaRelative(v int) int {
	r := v - 1
	if r < 1 || a.cueKindAt(r) != cueRelative || !strings.HasPrefix(a.toks[r].Norm, "و") || a.sep[r] != ',' {
		return -1
	}
	for k := r - 1; k >= 0 && k >= r-1-commaRelativeReach; k-- {
		if mi := a.menAt[k]; mi >= 0 {
			if m := a.men[mi]; m.adjective || m.excluded && m.prep != prepClitic {
				return -1
			}
			return a.head(mi)
		}
		if k < r-1 && a.sep[k+1] != 0 || a.cueKindAt(k).isTrigger() || a.cueKindAt(k) == cueClauseBreak {
			return -1
		}
	}
	return -1
}

// subjectAfter returns the actors right after a verb at v (titles and
// state agents may stand between), before its object at o: a verb-first
// subject.
func (a *analyzer) subjectAfter(v, o int) []int {
	inTitle := false
	for k := v + 1; k < len(a.toks) && (k < o || o == v && k <= v+4) && a.sameFrameClause(v, k); k++ {
		mi := a.menAt[k]
		if mi < 0 {
			switch w := a.toks[k].Norm; {
			case a.cueKindAt(k) == cueTitle, a.cueKindAt(k) == cueStateAgent:
				inTitle = true
				continue
			case w == "كل", w == "من" && a.toks[k-1].Norm == "كل":
				continue
			case inTitle && (a.cueKindAt(k) == cueNone || a.cueKindAt(k) == cueLocation) && a.sep[k] == 0:
				continue // "رئيس المكتب السياسي لحركة حماس إسماعيل هنية"
			}
			return nil
		}
		m := a.men[mi]
		if m.excluded || m.prep != prepNone {
			k = m.j - 1
			continue
		}
		return a.conjList(a.head(mi))
	}
	return nil
}

// frameAfter returns the actors after the first marker that follows the
// object at o, in its clause.
func (a *analyzer) frameAfter(f *frame, o int) []int {
	for k := o + 1; k < len(a.toks) && k <= o+frameWindow && a.sameFrameClause(o, k); k++ {
		if mi := a.menAt[k]; mi >= 0 {
			m := a.men[mi]
			p := strings.TrimSuffix(arabic.CutConjunctions(m.prefix), "ال")
			if strings.HasSuffix(p, "لل") {
				p = strings.TrimSuffix(p, "ل") // "للعراق": ل with the article
			}
			if f.markers[p] || m.prep == prepParty && f.markers[m.partyWord] || f.markers[trimConjunction(a.tokenBefore(m.i))] || f.sites && m.adjective && !a.anyBefore(m.i) && !a.inTitleRun(m.i) {
				if a.struckCity(m) {
					return nil // "شنت X غارات على صنعاء": the city struck
				}
				if l := a.conjList(mi); !a.alongWith(l) {
					return l
				}
				return nil
			}
			k = m.j - 1
			continue
		}
		if kind, _, pfx := a.rawCuePrefix(k); (kind == cueTitle || kind == cueStateAgent) && f.markers[strings.TrimSuffix(trimConjunction(pfx), "ال")] {
			// "بالرئيس فلاديمير بوتين": the marker is glued to the title.
			return a.actorAfterTitle(k + 1)
		}
		w := trimConjunction(a.toks[k].Norm)
		if f.sites && strings.HasPrefix(w, "ل") && a.cueAt[k] < 0 && k+1 < len(a.toks) && a.sep[k+1] == 0 && a.menAt[k+1] >= 0 && !a.men[a.menAt[k+1]].excluded {
			return a.conjList(a.menAt[k+1]) // "تجمع لجنود الجيش الإسرائيلي"
		}
		if f.markers[w] && (w != "جانب" || a.tokenBefore(k) == "الي") {
			if f.sites && k+1 < len(a.toks) && a.menAt[k+1] < 0 && a.cueKindAt(k+1) != cueTitle {
				return a.siteOwner(k+1, k+4) // "ضد مواقع إسرائيلية"
			}
			if k+1 < len(a.toks) && a.menAt[k+1] >= 0 && a.struckCity(a.men[a.menAt[k+1]]) {
				return nil // "شنت X غارات على صنعاء": the city struck
			}
			if l := a.actorAfterTitle(k + 1); !a.alongWith(l) && !a.agentBeforeL(l) {
				return l
			}
			return nil
		}
	}
	return nil
}

// alongWith reports whether the actors l after إلى جانب are one more
// member of a set the sentence goes on to name ("كانت روسيا إلى جانب الصين
// من أبرز الدول"): "along with", not standing by them.
func (a *analyzer) alongWith(l []int) bool {
	if len(l) == 0 || a.tokenBefore(a.men[l[0]].i) != "جانب" {
		return false
	}
	j := a.men[l[len(l)-1]].j
	if j >= len(a.toks) || a.sep[j] != 0 {
		return false
	}
	switch a.toks[j].Norm {
	case "من", "ضمن", "بين":
		return true
	}
	return false
}

// firstPerson reports whether the verb at v is a first-person plural
// imperfect ("نقف", "ندين"): its form with ي is a frame verb too.
func (a *analyzer) firstPerson(v int) bool {
	w := trimConjunction(a.toks[v].Norm)
	if !strings.HasPrefix(w, "ن") || len(w) <= len("ن") {
		return false
	}
	return a.x.frameVerbs["ي"+w[len("ن"):]] != nil
}

// agentBeforeL reports whether the actors l after a marker noun are its
// agent, with an actor marked by ل right after them as its target
// ("استمرار دعم إيران للحوثيين": Iran supports).
func (a *analyzer) agentBeforeL(l []int) bool {
	if len(l) == 0 {
		return false
	}
	j := a.men[l[len(l)-1]].j
	if j >= len(a.toks) || a.sep[j] != 0 {
		return false
	}
	mi := a.menAt[j]
	return mi >= 0 && strings.HasPrefix(trimConjunction(a.men[mi].prefix), "ل")
}

// siteOwner returns the owner of a site named in tokens [from, to): a
// nationality adjective or the actor after a word with ل ("مواقع
// إسرائيلية", "تجمع لجنود الجيش الإسرائيلي"), or nil; none after أي (any).
func (a *analyzer) siteOwner(from, to int) []int {
	if from < len(a.toks) && a.toks[from].Norm == "اي" {
		return nil // "بالرد على أي هجوم أمريكي": a hypothetical act
	}
	for k := from; k < len(a.toks) && k < to; k++ {
		if k > from && a.sep[k] != 0 {
			return nil
		}
		if mi := a.menAt[k]; mi >= 0 {
			if m := a.men[mi]; m.adjective || strings.HasPrefix(trimConjunction(m.prefix), "ل") || k > from && a.x.forms[m.form].typ == gazetteer.FormDemonym {
				return a.conjList(mi) // "من التدخل التركي": the agent of the act
			}
			if m := a.men[mi]; k == from+1 && m.prefix == "" && !m.excluded && a.x.words[cueGrSiteNoun][trimConjunction(a.toks[from].Norm)] {
				return a.conjList(mi) // "على معاقل الحوثيين": the site's owner
			}
			return nil
		}
		if k == from && a.x.words[cueGrDirection][trimConjunction(a.toks[k].Norm)] && k+1 < len(a.toks) && a.sep[k+1] == 0 {
			if mi := a.menAt[k+1]; mi >= 0 && a.kindOf(a.men[mi].actor) == graph.KindState {
				return []int{mi} // "على شمال إسرائيل": a region of the state
			}
		}
		if w := trimConjunction(a.toks[k].Norm); strings.HasPrefix(w, "ل") && a.cueAt[k] < 0 && k+1 < len(a.toks) && a.sep[k+1] == 0 && a.menAt[k+1] >= 0 && !a.men[a.menAt[k+1]].excluded {
			return a.conjList(a.menAt[k+1])
		}
	}
	return nil
}

// inTitleRun reports whether the word before token i is a title word
// ("وزير الخارجية الإيراني عباس عراقجي"): a demonym there describes an
// office, not a site.
func (a *analyzer) inTitleRun(i int) bool {
	return i > 0 && (a.cueKindAt(i-1) == cueTitle || a.cueKindAt(i-1) == cueStateAgent)
}

// unnamedEnvoy reports whether mention mi is a state named inside a
// title right after the title word ("سفير قطر"), with no person after
// it: the office holder the sentence does not name, not the state.
func (a *analyzer) unnamedEnvoy(mi int) bool {
	m := a.men[mi]
	if m.external || a.actor(m.actor).Kind != graph.KindState || !a.inTitleRun(m.i) {
		return false
	}
	n := mi + 1
	return n >= len(a.men) || a.men[n].i > m.j+2 || a.actor(a.men[n].actor).Kind != graph.KindPerson
}

// anyBefore reports whether the noun before token i follows أي ("أي هجوم
// أمريكي"): a hypothetical act names no site's owner.
func (a *analyzer) anyBefore(i int) bool {
	return i >= 2 && a.toks[i-2].Norm == "اي"
}

// tokenBefore returns the normalised word before token i, or "".
func (a *analyzer) tokenBefore(i int) string {
	if i <= 0 {
		return ""
	}
	return a.toks[i-1].Norm
}

// conjList returns a mention and the mentions joined to it by و after it
// ("السعودية ومصر"), of the same kind.
func (a *analyzer) conjList(mi int) []int {
	out := []int{mi}
	for n := a.men[mi].next; n >= 0 && a.men[n].conj; n = a.men[n].next {
		out = append(out, n)
	}
	return a.sameKind(out)
}

// partyList returns the actors joined by و to mention mi whatever their
// kind: the parties of a reciprocal verb may be a movement and a state
// ("تتبادل حماس وإسرائيل الاتهامات"), where conjList keeps one kind.
func (a *analyzer) partyList(mi int) []int {
	out := []int{mi}
	for n := a.men[mi].next; n >= 0 && a.men[n].conj; n = a.men[n].next {
		out = append(out, n)
	}
	return out
}

// splitConjunction is trimConjunction that also returns the conjunction it
// cut ("" when none): the prefix a mention keeps.
func splitConjunction(w string) (prefix, rest string) {
	rest = trimConjunction(w)
	return w[:len(w)-len(rest)], rest
}

// trimConjunction removes a leading و or ف from a normalised word of at
// least three letters after it.
func trimConjunction(w string) string {
	if len(w) > 2 && w[0] == 0xD9 && (w[1] == 0x88 || w[1] == 0x81) && utf8.RuneCountInString(w[2:]) >= 3 {
		return w[2:] // و (U+0648) or ف (U+0641)
	}
	return w
}

// actorAfterTitle returns the actor at token k, or after the title words
// that start there ("من وزير الخارجية الإيراني محمد جواد ظريف"), with the
// actors joined to it by و.
func (a *analyzer) actorAfterTitle(k int) []int {
	for n := k; n < len(a.toks) && n <= k+maxTitleRun && (n == k || a.sep[n] == 0); n++ {
		if mi := a.menAt[n]; mi >= 0 {
			if m := a.men[mi]; m.excluded && m.j < len(a.toks) && a.menAt[m.j] != mi &&
				!(n == k && a.kindOf(m.actor) == graph.KindState) { // "سفيرها لدى إيران X": the state
				n = m.j - 1
				continue // "الإيراني" inside the title
			}
			return a.conjList(mi)
		}
		if a.longestPhraseAt(cueRank, n) > 0 {
			continue // "مع حكومة اللواء خليفة حفتر"
		}
		if a.cueKindAt(n) == cueRelative {
			return a.relativeSubject(n) // "للجهود الكبيرة التي تبذلها قطر"
		}
		if kind := a.cueKindAt(n); kind != cueTitle && kind != cueStateAgent && kind != cueNone && kind != cueLocation && kind != cuePossessor {
			return nil // "على الأراضي السعودية" names the state
		}
	}
	return nil
}

// relativeSubject returns the actor right after a relative pronoun at r
// and the one plain verb after it ("الدور الذي تلعبه مصر"), or nil; a
// trigger verb there states a relation of its own.
func (a *analyzer) relativeSubject(r int) []int {
	v, s := r+1, r+2
	if s >= len(a.toks) || a.sep[v] != 0 || a.sep[s] != 0 || a.menAt[v] >= 0 || a.cueKindAt(v) != cueNone {
		return nil
	}
	if mi := a.menAt[s]; mi >= 0 && !a.men[mi].excluded {
		return a.conjList(mi)
	}
	return nil
}

// inSet reports whether token k is a word of set, as written or read
// without its clitics ("للعملية" for "العملية", "بالهجوم" for "هجوم").
func (a *analyzer) inSet(set map[string]bool, k int) bool {
	if !a.mayBeFrameWord(k) {
		return false
	}
	w := a.toks[k].Norm
	if set[w] {
		return true
	}
	for _, sp := range a.procliticsAt(k) {
		if set[sp.Stem] {
			return true
		}
	}
	return false
}

// frameWordsOf returns the union of the word sets of frames that inSet
// is asked: objects, after, not_after, then and unless.
func frameWordsOf(frames []frame) map[string]bool {
	u := map[string]bool{}
	for _, f := range frames {
		for _, set := range []map[string]bool{f.objects, f.after, f.notAfter, f.then, f.unless} {
			for w := range set {
				u[w] = true
			}
		}
	}
	return u
}

// isFrameWord reports whether the normalised token w, as written or read
// without its clitics, is a word of some frame's word set: inSet of any
// frame's set is false where it is not. Read per token from the token
// table (wordInfo.frameWord, mayBeFrameWord).
func (x *Extractor) isFrameWord(w string) bool {
	if x.frameWords[w] {
		return true
	}
	for _, sp := range arabic.Proclitics(nil, w) {
		if x.frameWords[sp.Stem] {
			return true
		}
	}
	return false
}

// mayBeFrameWord is isFrameWord of token k, one index by word id.
func (a *analyzer) mayBeFrameWord(k int) bool {
	in := a.wordAt(k)
	return in != nil && in.frameWord
}

// sameFrameClause reports whether token k stands in the clause of token i
// for a frame, or in one that only commas part from it: a frame's verb
// and object hold together across an apposition ("تلقى الصفدي، نائب رئيس
// الوزراء، اليوم، مكالمة من ...") but not across a clause word.
func (a *analyzer) sameFrameClause(i, k int) bool {
	if a.clause[k] == a.clause[i] {
		return true
	}
	for n := i + 1; n <= k; n++ {
		if a.clause[n] == a.clause[n-1] {
			continue
		}
		if a.sep[n] != ',' || a.cueKindAt(n) == cueClauseBreak || a.cueKindAt(n) == cueComplementizer || a.cueKindAt(n) == cueRelative {
			return false
		}
	}
	return true
}

// pronounSpeaker returns the speaker of a reporting verb whose complement
// starts with a pronoun before token v ("وقالت مصر إنها لا تعترف ..."):
// the pronoun is the speaker. -1 when there is none.
func (a *analyzer) pronounSpeaker(v int) int {
	for k := v - 1; k >= 0 && k >= v-4; k-- {
		if a.cueKindAt(k) != cueComplementizer {
			continue
		}
		switch trimConjunction(a.toks[k].Norm) {
		case "انه", "انها", "انهم", "بانه", "بانها", "بانهم", "انهما":
		default:
			return -1
		}
		for mi := len(a.men) - 1; mi >= 0; mi-- {
			if m := a.men[mi]; m.j <= k && !m.external && !m.carried && a.reporter(mi) {
				return a.head(mi)
			}
		}
		return -1
	}
	return -1
}

// roleOwner returns, for a mention of a role title ("السفير المغربي"), a
// mention of the role's owner (Morocco) over the same words, or nil; for
// a title the article bound to a person, the state or body he serves.
func (a *analyzer) roleOwner(mi int) []int {
	m := a.men[mi]
	var of string
	if r := a.x.forms[m.form].role; r > 0 {
		of = a.x.roles[r-1].Of
	} else if act := a.actor(m.actor); act.Kind == graph.KindPerson {
		of = act.Affiliation // a title the article bound to its holder
	}
	owner, ok := a.x.byID[of]
	if !ok {
		return nil
	}
	f, ok := a.x.pronounForm[owner]
	if !ok {
		return nil
	}
	a.men = append(a.men, mention{form: f, actor: owner, i: m.i, j: m.j, prefix: m.prefix, next: -1, prev: -1, excluded: true})
	return []int{len(a.men) - 1}
}

// wordAfter reports whether a word of set follows token o within the
// frame window, in its clause or one only commas part from it.
func (a *analyzer) wordAfter(set map[string]bool, o int) bool {
	for k := o + 1; k < len(a.toks) && k <= o+frameWindow && a.sameFrameClause(o, k); k++ {
		if a.inSet(set, k) {
			return true
		}
	}
	return false
}

// onlyActorBefore reports whether mention t is the only actor named
// before token v, places aside ("وطالبت الخارجية الكويتية، في بيان لها،
// المجتمع الدولي بالتحرك لوقف ..."): the sentence's topic acts through v.
func (a *analyzer) onlyActorBefore(t, v int) bool {
	for mi, m := range a.men {
		if mi != t && m.i < v && !m.external && !m.carried && !(m.excluded && m.prep != prepNone) {
			return false
		}
	}
	return true
}

// openingSpeaker returns the speaker of a reporting verb that opens the
// sentence ("وقال X، خلال اتصال هاتفي مع Y، إن ..."), in the clause
// before v or v's own, when no other actor and no complementizer stand
// between: a meeting noun set off after him is his occasion. topic leaves speakers out, for
// a clause after them is theirs only through such a noun. -1 otherwise.
func (a *analyzer) openingSpeaker(v int) int {
	for mi, m := range a.men {
		if m.i >= v || m.i > 3 {
			return -1
		}
		if m.excluded || m.prep != prepNone {
			continue
		}
		if !a.reporter(mi) || a.clause[m.i] < a.clause[v]-1 || !a.onlyActorBefore(a.head(mi), v) && !a.onlyActorBefore(mi, v) {
			return -1
		}
		for k := m.j; k < v; k++ {
			if a.cueKindAt(k) == cueComplementizer {
				return -1 // "وقال X، المتحدث ...، إن الرئيس أكد خلال لقائه Y": the reported subject's
			}
		}
		return a.head(mi)
	}
	return -1
}

// quoteSpeaker returns, for a frame verb at v at the start of a quotation
// ("كتب أنور قرقاش في تغريدة: «نقف مع المغرب»"), the actor named last
// before the quotation opens: its first person speaks. -1 when v does not
// open a quotation, or an actor stands between.
func (a *analyzer) quoteSpeaker(v int) int {
	if v == 0 || !strings.ContainsAny(a.text[a.toks[v-1].End:a.toks[v].Start], "«\"“") {
		return -1
	}
	for mi := len(a.men) - 1; mi >= 0; mi-- {
		m := a.men[mi]
		if m.external || m.carried || m.i >= v {
			continue
		}
		if m.excluded || m.prep != prepNone {
			continue // "في تغريدة على «تويتر»", a place
		}
		return a.head(mi)
	}
	return -1
}

// frameAfterReach is how many words before its verb a frame's after word
// may stand.
const frameAfterReach = 3

// wordBefore reports whether a word of set stands at most frameAfterReach
// words before token v (read without its clitics).
func (a *analyzer) wordBefore(set map[string]bool, v int) bool {
	for k := v - 1; k >= 0 && k >= v-frameAfterReach; k-- {
		if a.inSet(set, k) {
			return true
		}
	}
	return false
}

// previousSubject adds, for a noun with a pronoun whose sentence names no
// actor before it ("جاء ذلك خلال استقباله الأمير ..."), the previous
// sentence's subject as a mention and returns it, or -1.
func (a *analyzer) previousSubject(v int) int {
	if !a.lastPrior.ok {
		return -1
	}
	for _, m := range a.men {
		if m.i < v && !m.external && !m.carried && !(m.excluded && m.prep != prepNone) {
			return -1 // a place ("بالرباط"، "من طهران") is no subject
		}
	}
	for k := 0; k < v; k++ {
		switch a.cueKindAt(k) {
		case cueTitle, cueStateAgent, cuePossessor:
			return -1 // "وأكد رئيس وزراء الإقليم في اتصال ...": a subject the layers could not name
		}
	}
	p := a.lastPrior
	a.men = append(a.men, mention{form: p.form, actor: p.actor, i: v, j: v, next: -1, prev: -1, excluded: true, external: true,
		arg: Argument{Actor: a.actor(p.actor), Mention: p.mention, Start: p.start, End: p.end}})
	return len(a.men) - 1
}

// eachOf returns the actors of a "كل من X، Y وZ" list that ends right
// before token v or after a verb right before it ("وأعربت كل من X، Y، Z
// إدانتها"): each is a subject. nil when there is none.
func (a *analyzer) eachOf(v int) []int {
	start := -1
	for k := v - 1; k >= 1 && k >= v-30; k-- {
		if a.toks[k].Norm == "من" && (a.toks[k-1].Norm == "كل" || a.toks[k-1].Norm == "كلا" || trimConjunction(a.toks[k-1].Norm) == "كل") {
			start = k + 1
			break
		}
	}
	if start < 0 {
		return nil
	}
	var out []int
	for k := start; k < v; k++ {
		mi := a.menAt[k]
		if mi < 0 {
			switch w := a.toks[k].Norm; {
			case w == "و", a.cueKindAt(k) == cueTitle, a.cueKindAt(k) == cueStateAgent:
				continue
			}
			return nil // not a plain list of actors
		}
		m := a.men[mi]
		if m.adjective {
			k = m.j - 1
			continue
		}
		out = append(out, mi)
		k = m.j - 1
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// frameComplement returns the actor a frame's object noun at o belongs to:
// the actor right after it, or after one more word ("الهجوم الإرهابي
// الحوثي", "طائرة مسيرة أمريكية"); the author of a relative clause on it
// ("الهجوم الذي نفذته قوات الدعم السريع"); the body it was issued by
// ("البيانات الصادرة عن الخارجية الأمريكية").
func (a *analyzer) frameComplement(o int) []int {
	if mi := a.complementAuthor(o); mi >= 0 {
		return a.list(mi)
	}
	// The actor right after the object noun, or after one more word
	// ("الهجوم الإرهابي الحوثي", "طائرة مسيرة أمريكية").
	if o+3 < len(a.toks) && a.toks[o+1].Norm == "باعمال" && a.sep[o+2] == 0 && a.sep[o+3] == 0 {
		if mi := a.menAt[o+3]; mi >= 0 && a.men[mi].i == o+3 {
			return []int{mi} // "القائم بأعمال السفارة التركية"
		}
	}
	for k := o + 1; k < len(a.toks) && k <= o+2 && a.sep[k] == 0; k++ {
		if mi := a.menAt[k]; mi >= 0 {
			if a.men[mi].prep == prepClitic && !strings.HasPrefix(arabic.CutConjunctions(a.men[mi].prefix), "ل") || a.men[mi].prep == prepLocation {
				break // "السفير المالي بنواكشوط": a place; not "التصريحات الأخيرة للرئيس X"
			}
			if a.men[mi].i <= o {
				// "استدعت السفير المغربي": the object noun opens a
				// title; its complement is the state it serves.
				return a.roleOwner(mi)
			}
			// "نظيره الإيراني محمد جواد ظريف": the person the
			// adjective describes.
			if n := mi + 1; a.men[mi].adjective && n < len(a.men) && a.men[n].i == a.men[mi].j && a.kindOf(a.men[n].actor) == graph.KindPerson {
				return []int{n}
			}
			return []int{mi}
		}
		if kind := a.cueKindAt(k); kind != cueNone && kind != cueStateAgent || a.frameVerb(k) != nil {
			break
		}
	}
	return nil
}

// clauseSpeaker returns the speaker of the reporting verb whose
// complement clause holds the word at v: the complementizer (أن, إن) at
// most 8 words before v, and the actor a reporting verb introduces at most
// 10 words before it ("اعتبر الرئيس التركي رجب طيب أردوغان، أن ..."), or -1.
func (a *analyzer) clauseSpeaker(v int) int {
	q := -1
	for k := v - 1; k >= 0 && k >= v-8; k-- {
		if a.cueKindAt(k) == cueComplementizer {
			q = k
			break
		}
		if a.cueKindAt(k) == cueClauseBreak || a.sep[k+1] == ';' {
			return -1
		}
	}
	for k := q - 1; q > 0 && k >= 0 && k >= q-10; k-- {
		if mi := a.menAt[k]; mi >= 0 && !a.men[mi].excluded && a.reporter(a.head(mi)) {
			return a.head(mi)
		}
	}
	return -1
}

// complementAuthor returns the author of the thing named at o given by a
// relative clause right after it (or after one adjective) or by "الصادر
// عن", or -1.
func (a *analyzer) complementAuthor(o int) int {
	for k := o + 1; k < len(a.toks) && k <= o+2 && a.sep[k] == 0 && a.menAt[k] < 0; k++ {
		switch {
		case a.cueKindAt(k) == cueRelative:
			return a.author(k)
		case k+1 < len(a.toks) && a.x.words[cueGrIssued][a.toks[k].Norm] && (a.toks[k+1].Norm == "عن" || a.toks[k+1].Norm == "من") && a.sep[k+1] == 0:
			if mi := a.menAtToken(k + 2); mi >= 0 && a.men[mi].i == k+2 {
				return mi
			}
			return -1
		}
	}
	return -1
}

// requester returns the subject of an appeal before the noun at v
// ("ناشدت قسد التحالف الدولي التدخل لوقف الانتهاكات التركية": قسد, not
// the body appealed to), or -1: the first actor after an appeal word
// (requestWords, the lexicon's demands) at most 12 words before v in its
// frame clause.
func (a *analyzer) requester(v int) int {
	for k := v - 1; k >= 0 && k >= v-12 && a.sameFrameClause(v, k); k-- {
		if a.menAt[k] >= 0 {
			k = a.men[a.menAt[k]].i
			continue
		}
		if !requestWords[trimConjunction(a.toks[k].Norm)] && a.cueKindAt(k) != cueDemand {
			continue
		}
		for j := k + 1; j < v; j++ {
			if mi := a.menAt[j]; mi >= 0 {
				if m := a.men[mi]; !m.excluded && m.prep == prepNone && j < v {
					return a.head(mi)
				}
				j = a.men[mi].j - 1
			}
		}
		return -1
	}
	return -1
}
