package extract

import (
	"strings"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// Embedded events: a stance word (a verb or noun of support, a word that
// judges: أدان, رفض, ندد …) whose object is an event noun with arguments
// of its own ("أدانت X هجوم الحوثيين على الإمارات", "لا تدعم X العملية
// العسكرية التي تشنها Y ضد Z"). The event states its own relation (its
// agent opposed its patient), whatever the stance over it: the event is
// presupposed, so a negated stance ("لا تدعم", "لم تدن") does not negate
// it. The stance relates its speaker to the event's agent only: condemning
// an attack by Y opposes Y, supporting it supports Y (and opposes the
// patient it is waged against), a negated support states nothing. The
// event's patient, the one hit, is never the target of the stance.
//
// Two ordered tables of named entries: eventAgents finds the event's agent
// (the first entry that names one wins), eventStances says what the stance
// over it claims.

// eventFrame is an event noun read with its own arguments.
type eventFrame struct {
	stance int // the cue of the stance word over the event
	noun   int // the event noun's token
	// cue is the event noun's own trigger cue, or -1.
	cue int
	// agent and patient are mention lists; rule names the eventAgents
	// entry that found the agent.
	agent, patient []int
	rule           string
	// hypothetical is an event that may come: it states no relation.
	hypothetical bool
	// interference is an intervention in the patient's affairs
	// ("التدخل التركي في شؤون X"): it states no relation of its own.
	interference bool
	// stated is set when the clause reader already related the stance's
	// speaker to the agent.
	stated bool
}

// toAgent pairs the speaker with the event's agent, unless the clause
// reader stated that already.
func (ev *eventFrame) toAgent(speaker []int) [][2]int {
	if ev.stated {
		return nil
	}
	return crossPairs(speaker, ev.agent)
}

// eventAgentReading is one entry of the eventAgents table: read reports
// the agent of the event noun at k whose modifiers end before token end
// (the patient's preposition, when marked, follows the agent).
type eventAgentReading struct {
	name  string
	read  func(a *analyzer, k, end int) []int
	tests []readingTest
}

// eventAgents is the ordered table of the ways an event noun names its
// agent. Tested in TestEmbeddedEvents.
var eventAgents = []eventAgentReading{
	{name: "event/genitive-agent", read: (*analyzer).genitiveEventAgent, tests: []readingTest{
		{"ودعمت فرنسا عملية الجيش العراقي ضد داعش في الموصل", "opposed iraqi-army -> isis", "event/genitive-agent"},
	}},
	{name: "event/demonym-agent", read: (*analyzer).demonymEventAgent, tests: []readingTest{
		{"وأكد الاتحاد الأوروبي، في بيان، دعمه للعملية العسكرية التركية ضد حزب العمال الكردستاني", "opposed turkey -> pkk", "event/demonym-agent"},
	}},
	{name: "event/relative-agent", read: (*analyzer).relativeEventAgent, tests: []readingTest{
		{"وأكدت قطر أنها لا تدعم العملية العسكرية التي تشنها إسرائيل ضد حماس في القطاع", "opposed israel -> hamas", "event/relative-agent"},
	}},
	{name: "event/stands-behind", read: (*analyzer).behindEventAgent, tests: []readingTest{
		{"واتهمت طهران الولايات المتحدة بالوقوف خلف الهجوم الذي استهدف القنصلية الإيرانية في أربيل", "opposed usa -> iran", "event/stands-behind"},
	}},
	{name: "event/agent-marker", read: (*analyzer).markedEventAgent, tests: []readingTest{
		{"وأدانت قطر الحملة العسكرية من قبل إسرائيل على حماس", "opposed israel -> hamas", "event/agent-marker"},
	}},
}

// eventStanceReading is one entry of the eventStances table: applies
// reports whether the stance cue over ev is read by the entry, claims
// returns the pairs (source, target) it states and their relation.
type eventStanceReading struct {
	name    string
	conf    float64
	applies func(a *analyzer, c cue, ev *eventFrame) bool
	claims  func(a *analyzer, speaker []int, ev *eventFrame) (graph.RelationType, [][2]int)
	tests   []readingTest
}

// eventStances is the ordered table of what a stance over an event
// claims. All entries apply; a negated stance claims nothing.
var eventStances = []eventStanceReading{
	{name: "event/condemned", conf: 0.75, applies: func(a *analyzer, c cue, _ *eventFrame) bool { return a.opposingStance(c) },
		claims: func(_ *analyzer, s []int, ev *eventFrame) (graph.RelationType, [][2]int) {
			return graph.Opposed, ev.toAgent(s)
		}, tests: []readingTest{
			{"وانتقدت روسيا العملية العسكرية التركية ضد قوات سوريا الديمقراطية", "opposed russia -> turkey", "event/condemned"},
			{"وأدانت تركيا بشدة الحصار المفروض على قطر", "", ""},
		}},
	{name: "event/backed", conf: 0.7, applies: func(_ *analyzer, c cue, _ *eventFrame) bool { return c.rel == graph.Supported },
		claims: func(_ *analyzer, s []int, ev *eventFrame) (graph.RelationType, [][2]int) {
			return graph.Supported, ev.toAgent(s)
		}, tests: []readingTest{
			{"وأيدت مصر العملية العسكرية التركية ضد حزب العمال الكردستاني", "supported egypt -> turkey", "event/backed"},
		}},
	{name: "event/backed-against", conf: 0.6, applies: func(_ *analyzer, c cue, ev *eventFrame) bool {
		return c.rel == graph.Supported && len(ev.agent) == 0 && !ev.interference && !ev.hypothetical
	},
		claims: func(_ *analyzer, s []int, ev *eventFrame) (graph.RelationType, [][2]int) {
			return graph.Opposed, crossPairs(s, ev.patient)
		}, tests: []readingTest{
			{"وأيدت مصر الحرب على حركة الشباب في الصومال", "opposed egypt -> al-shabaab", "event/backed-against"},
		}},
}

// crossPairs pairs every mention of src with every mention of tgt.
func crossPairs(src, tgt []int) [][2]int {
	var pairs [][2]int
	for _, s := range src {
		for _, t := range tgt {
			pairs = append(pairs, [2]int{s, t})
		}
	}
	return pairs
}

// opposingStance reports whether the stance cue c judges what follows it
// (lookup section judging: أدان, رفض, ندد, استنكر, انتقد …): it opposes
// the agent of the event it names. An opposed verb of action (شن, قصف,
// استهدف) is no stance: its subject is the event's agent.
func (a *analyzer) opposingStance(c cue) bool {
	return c.rel == graph.Opposed && (c.kind == cueRefusal || a.isWord(cueJudging, c.i))
}

// stanceCue reports whether trigger cue c may stand over an embedded event:
// a support word or a judging word.
func (a *analyzer) stanceCue(c cue) bool {
	if !c.kind.isTrigger() || c.kind == cueMutual || c.kind == cuePassive || c.kind == cueParticiple {
		return false
	}
	if a.lookupWord(cueBlock, strings.TrimPrefix(a.toks[c.i].Norm, c.prefix)) {
		return false // "لوقف العدوان على X": a stop, no stance
	}
	return c.rel == graph.Supported || a.opposingStance(c)
}

// eventNoun reports whether token k is an event noun (lookup section
// attack_nouns), possibly with ب or ل glued to it ("بالهجوم", "للعملية").
func (a *analyzer) eventNoun(k int) bool {
	if k < 0 || k >= len(a.toks) || a.menAt[k] >= 0 {
		return false
	}
	if a.inWords(cueAttackNoun, k, false) {
		return true
	}
	in := a.wordAt(k) // the token after its run of و and ف: itself, or its Cut
	if conjunctionAt(a.toks[k].Norm, 0) {
		in = a.cutInfo(k)
	}
	return in != nil && in.attackNoun
}

// attackNounAfterConjunctions reports whether w, a token without its run
// of و and ف (arabic.CutConjunctions), is an event noun as written or
// after ب, ل or لل: eventNoun's string form, read once per word into the
// token table (wordInfo.attackNoun).
func (x *Extractor) attackNounAfterConjunctions(w string) bool {
	set := x.words[cueAttackNoun]
	switch {
	case set[w]:
		return true
	case strings.HasPrefix(w, "لل"):
		return set["ال"+w[len("لل"):]]
	case strings.HasPrefix(w, "ب"), strings.HasPrefix(w, "ل"):
		return set[w[len("ب"):]]
	}
	return false
}

// stanceObjectReach is how many words may stand between a stance word and
// the event noun it governs (its subject, a title, an adverb).
const stanceObjectReach = 8

// eventObject returns the token of the event noun that stance cue c
// governs, or -1: the noun right after the word, past the verb's subject,
// titles, an adverb (بشدة, بأشد العبارات) and عن ("أعربت عن إدانتها").
func (a *analyzer) eventObject(c cue) int {
	cl := a.clause[c.i]
	subject := false
	for k := c.j; k < len(a.toks) && k <= c.j+stanceObjectReach && a.clause[k] == cl; k++ {
		if e := a.aside(k); k > c.j && e > k {
			k = e - 1 // "أدانت X، في بيان، الهجوم"
			continue
		}
		if mi := a.menAt[k]; mi >= 0 {
			if a.men[mi].adjective && c.kind == cueNoun && !subject {
				k = a.men[mi].j - 1 // "دعم سعودي للعملية": the support's agent
				continue
			}
			if subject || a.men[mi].prep != prepNone || a.men[mi].adjective {
				return -1
			}
			subject = true
			k = a.listEnd(mi) - 1
			continue
		}
		if a.eventNoun(k) || a.interventionNoun(k) {
			return k
		}
		if a.cueKindAt(k) != cueTitle && !a.x.words[cueEmbFiller][trimConjunction(a.toks[k].Norm)] {
			return -1
		}
	}
	return -1
}

// eventFrameAt reads the event noun at k governed by stance cue si: its
// agent by the eventAgents table and the patient after على or ضد. It
// reports false when the noun names no event here: no agent and no
// patient's preposition, or a bare عملية that is neither military nor
// waged against anyone ("دعم العملية السياسية").
func (a *analyzer) eventFrameAt(si, k int) (eventFrame, bool) {
	ev := eventFrame{stance: si, noun: k, cue: -1}
	if ci := a.cueAt[k]; ci >= 0 && a.cues[ci].i == k {
		ev.cue = ci
	}
	end := a.eventModifiersEnd(k)
	ev.hypothetical = a.hypotheticalEvent(k, end)
	for _, r := range eventAgents {
		if ag := r.read(a, k, end); len(ag) > 0 {
			ev.agent, ev.rule = ag, r.name
			break
		}
	}
	if a.interventionNoun(k) {
		return a.interferenceFrame(ev, end)
	}
	p := a.patientPreposition(k, end, ev.agent)
	if p >= 0 {
		if mi := a.menAtToken(p + 1); mi >= 0 && a.men[mi].i == p+1 && !a.men[mi].adjective && !a.struckCity(a.men[mi]) {
			ev.patient = a.conjList(mi)
		}
	} else if mi := a.patientWithL(k, end, ev.agent); mi >= 0 {
		ev.patient, p = a.conjList(mi), a.men[mi].i
	} else if t := a.relativePatient(end); len(t) > 0 {
		ev.patient, p = t, end
	}
	bare := a.bareOperation(k)
	if len(ev.agent) == 0 && p < 0 && (si < 0 || bare && !a.military(k+1) || !definite(strings.TrimPrefix(arabic.CutConjunctions(a.toks[k].Norm), "ل"))) {
		// "ساندت أنقرة العملية العسكرية، داعية X": a definite event
		// noun a stance governs is its object even with no argument;
		// "دعم العملية السياسية" names no event.
		return ev, false
	}
	if bare && p < 0 && !a.military(k+1) {
		return ev, false
	}
	return ev, true
}

// bareOperation reports whether the event noun at k is عملية, which
// names an event only when military or waged against someone.
func (a *analyzer) bareOperation(k int) bool {
	switch strings.TrimPrefix(trimConjunction(a.toks[k].Norm), "ب") {
	case "عمليه", "العمليه", "للعمليه", "لعمليه":
		return true
	}
	return false
}

// military reports whether token k is the adjective عسكرية.
func (a *analyzer) military(k int) bool {
	return k < len(a.toks) && (a.toks[k].Norm == "العسكريه" || a.toks[k].Norm == "عسكريه")
}

// eventModifiersEnd returns the token after the event noun at k and its
// adjectives that name no actor ("العسكرية", "الإرهابية", "الجبان"), at
// most three.
func (a *analyzer) eventModifiersEnd(k int) int {
	e := k + 1
	def := definite(strings.TrimPrefix(arabic.CutConjunctions(a.toks[k].Norm), "ب"))
	for e < len(a.toks) && e <= k+3 && a.sep[e] == 0 && a.menAt[e] < 0 && a.cueAt[e] < 0 && !a.x.words[cueEmbImposed][a.toks[e].Norm] {
		w := a.toks[e].Norm
		if !definite(w) && (def || !adjectiveShaped(w)) {
			break // "عملية عسكرية تركية": an indefinite noun's adjective
		}
		e++
	}
	return e
}

// hypotheticalEvent reports whether the event noun at k, with its
// modifiers up to end, names an event that may come: after أي, or with a
// word of hypothetical time among the words after it.
func (a *analyzer) hypotheticalEvent(k, end int) bool {
	if k > 0 && a.x.words[cueEmbHypothetical][arabic.CutConjunctions(a.toks[k-1].Norm)] {
		return true
	}
	for e := k + 1; e < len(a.toks) && e <= end+2 && a.sep[e] == 0; e++ {
		if a.x.words[cueEmbHypothetical][a.toks[e].Norm] {
			return true
		}
	}
	return false
}

// patientPreposition returns the token of على or ضد that marks the
// event's patient: right after the noun's modifiers, after its agent, or
// after a participle of imposing ("الحصار المفروض على"), or -1.
func (a *analyzer) patientPreposition(k, end int, agent []int) int {
	at := end
	if len(agent) > 0 && a.men[agent[0]].i >= end {
		at = a.men[agent[len(agent)-1]].j
	}
	for n := 0; n < 6 && at < len(a.toks) && a.clause[at] == a.clause[k]; n++ {
		w := arabic.CutConjunctions(a.toks[at].Norm)
		switch {
		case a.x.words[cueGrAttackPrep][w]:
			return at
		case a.x.words[cueEmbImposed][a.toks[at].Norm], a.cueKindAt(at) == cueAgent:
		case a.sep[at] == 0 && a.menAt[at] < 0 && a.cueAt[at] < 0 && definite(a.toks[at].Norm):
			// "الهجمات الحوثية الإرهابية ضد": an adjective after the agent
		case a.menAt[at] >= 0 && len(agent) > 0 && a.men[a.menAt[at]].actor == a.men[agent[0]].actor:
		default:
			return -1
		}
		at++
		if a.cueKindAt(at-1) == cueAgent {
			at = a.cues[a.cueAt[at-1]].j
		}
	}
	return -1
}

// genitiveEventAgent reads "هجوم حفتر على": the actor right after an
// indefinite event noun is its agent when the patient's preposition
// follows it; "استهداف السفارة" names what was hit.
func (a *analyzer) genitiveEventAgent(k, end int) []int {
	if end != k+1 || definite(strings.TrimPrefix(arabic.CutConjunctions(a.toks[k].Norm), "ب")) {
		return nil
	}
	mi := a.menAtToken(k + 1)
	if mi < 0 || a.men[mi].i != k+1 || a.men[mi].prep != prepNone || a.men[mi].adjective || a.men[mi].excluded {
		return nil
	}
	e := a.listEnd(mi)
	if e < len(a.toks) && a.sep[e] == 0 && a.x.words[cueGrAttackPrep][arabic.CutConjunctions(a.toks[e].Norm)] {
		return a.list(mi)
	}
	if t := a.menAtToken(e); t >= 0 && a.men[t].i == e && a.transitiveEvent(k) && a.men[t].prep == prepClitic && a.men[t].clitic == "ل" {
		return a.list(mi) // "غزو روسيا لأوكرانيا"
	}
	return nil
}

// transitiveEvent reports whether the event noun at k takes its patient
// with ل.
func (a *analyzer) transitiveEvent(k int) bool {
	w := arabic.CutConjunctions(a.toks[k].Norm)
	switch {
	case strings.HasPrefix(w, "لل"):
		w = "ال" + strings.TrimPrefix(w, "لل")
	case strings.HasPrefix(w, "ب"), strings.HasPrefix(w, "ل"):
		if !a.x.words[cueEmbTransitive][w] {
			w = w[len("ب"):]
		}
	}
	return a.x.words[cueEmbTransitive][w]
}

// patientWithL returns the patient with ل of a transitive event noun at k
// right after its modifiers and its agent ("الغزو الروسي لأوكرانيا"), or
// -1.
func (a *analyzer) patientWithL(k, end int, agent []int) int {
	if !a.transitiveEvent(k) {
		return -1
	}
	at := end
	if len(agent) > 0 && a.men[agent[0]].i >= end {
		at = a.men[agent[len(agent)-1]].j
	}
	if mi := a.menAtToken(at); mi >= 0 && a.men[mi].i == at && a.sep[at] == 0 && a.men[mi].prep == prepClitic && a.men[mi].clitic == "ل" && !a.men[mi].adjective {
		return mi
	}
	return -1
}

// demonymEventAgent reads "الهجوم الإسرائيلي", "العملية العسكرية
// التركية": a demonym among the noun's adjectives is the agent.
func (a *analyzer) demonymEventAgent(k, end int) []int {
	for e := end; e < len(a.toks) && e <= end+1 && a.sep[e] == 0; e++ {
		mi := a.menAt[e]
		if mi < 0 {
			if !definite(a.toks[e].Norm) || a.cueAt[e] >= 0 {
				return nil
			}
			continue
		}
		m := a.men[mi]
		def := definite(strings.TrimPrefix(arabic.CutConjunctions(a.toks[k].Norm), "ب"))
		if !m.adjective && !(m.j == m.i+1 && m.prep == prepNone && definite(a.toks[m.i].Norm) == def && adjectiveShaped(a.toks[m.i].Norm)) {
			return nil // "الهجمات الحوثية", "عملية عسكرية تركية": a one-word name shaped like an adjective
		}
		out := []int{mi}
		for n := mi + 1; n < len(a.men) && a.men[n].i == a.men[n-1].j && a.men[n].adjective; n++ {
			out = append(out, n) // "العملية التركية القطرية"
		}
		return out
	}
	return nil
}

// relativeEventAgent reads "العملية العسكرية التي تشنها إسرائيل",
// "الحصار الذي تفرضه X": the subject of a relative clause whose verb
// carries the noun's pronoun.
func (a *analyzer) relativeEventAgent(k, end int) []int {
	if end >= len(a.toks) || a.cueKindAt(end) != cueRelative {
		return nil
	}
	if au := a.author(end); au >= 0 {
		return a.list(au)
	}
	return nil
}

// markedEventAgent reads "الحصار المفروض من قبل X": the actor after an
// agent marker (من قبل, من جانب) past a participle.
func (a *analyzer) markedEventAgent(k, end int) []int {
	at := end
	if at < len(a.toks) && a.x.words[cueEmbImposed][a.toks[at].Norm] {
		at++
	}
	if at >= len(a.toks) || a.cueKindAt(at) != cueAgent {
		return nil
	}
	j := a.cues[a.cueAt[at]].j
	if mi := a.menAtToken(j); mi >= 0 && a.men[mi].i == j && !a.men[mi].adjective {
		return a.list(mi)
	}
	return nil
}

// readEmbeddedEvents finds the stance cues of the sentence that govern an
// event noun, and reads each event's frame (a.events).
func (a *analyzer) readEmbeddedEvents() {
	a.events = a.events[:0]
	for ci, c := range a.cues {
		if !a.stanceCue(c) {
			continue
		}
		k := a.eventObject(c)
		if k < 0 {
			continue
		}
		if ev, ok := a.eventFrameAt(ci, k); ok {
			a.events = append(a.events, ev)
		}
	}
	a.readFreeEvents()
}

// emitFreeEvents states the relations of the events no stance governs.
func (a *analyzer) emitFreeEvents(article string) {
	for n := range a.events {
		if a.events[n].stance < 0 {
			a.emitEvent(article, &a.events[n])
		}
	}
}

// readFreeEvents reads the event nouns that no stance governs and that
// are no trigger of their own ("لمناقشة الحملة العسكرية التركية على
// داعش"): one that names both its agent and its patient states that the
// agent opposed the patient (a.events, stance -1).
func (a *analyzer) readFreeEvents() {
	for k := 0; k < a.lastEventToken(); k++ {
		if a.cueAt[k] >= 0 || !a.eventNoun(k) || a.eventNounRead(k) {
			continue
		}
		if ev, ok := a.eventFrameAt(-1, k); ok && len(ev.agent) > 0 && len(ev.patient) > 0 {
			a.events = append(a.events, ev)
		}
	}
}

// eventNounRead reports whether an event of a.events has its noun at token k.
func (a *analyzer) eventNounRead(k int) bool {
	for _, ev := range a.events {
		if ev.noun == k {
			return true
		}
	}
	return false
}

// embeddedAt returns the index in a.events of the event whose stance
// (stance true) or own noun is cue ci, or -1.
func (a *analyzer) embeddedAt(ci int, stance bool) int {
	for n, ev := range a.events {
		if stance && ev.stance == ci || !stance && ev.cue == ci {
			return n
		}
	}
	return -1
}

// stanceNegated reports whether the stance cue ci is negated: by a
// refusal or a denial before it, a negation right before it, or لم / لن
// earlier in its clause.
func (a *analyzer) stanceNegated(ci int) bool {
	c := a.cues[ci]
	return c.neg || a.negated(ci) || a.verbNegated(c.i)
}

// emitEvent states the relation of an event (its agent opposed its
// patient) once, whatever the stance over it: as the noun table reads the
// event's own cue when it finds these very arguments, else by the frame.
func (a *analyzer) emitEvent(article string, ev *eventFrame) {
	if len(ev.agent) == 0 || len(ev.patient) == 0 || ev.interference || ev.hypothetical {
		return
	}
	if ev.cue >= 0 {
		if cand, ok := a.arguments(ev.cue); ok && a.sameActors(cand.src, ev.agent) && a.sameActors(cand.tgt, ev.patient) {
			a.emit(article, ev.cue, cand)
			return
		}
	}
	pairs := a.newPairs(graph.Opposed, crossPairs(ev.agent, ev.patient))
	a.emitPairs(article, graph.Opposed, ev.noun, ev.noun+1, pairs, ev.rule, 0.75)
}

// sameActors reports whether the mentions of l name only actors of ref,
// and l is not empty.
func (a *analyzer) sameActors(l, ref []int) bool {
	for _, m := range l {
		in := false
		for _, r := range ref {
			in = in || a.men[m].actor == a.men[r].actor
		}
		if !in {
			return false
		}
	}
	return len(l) > 0
}

// emitStance states what a stance over an event claims, by eventStances:
// nothing when it is negated, and never anything of the patient but the
// opposition of one who backs a war no agent is named for. A reading of
// the clause reader that already relates the speaker to the event's agent
// is kept with its rule.
func (a *analyzer) emitStance(article string, ci int, ev *eventFrame) {
	if a.stanceNegated(ci) {
		return
	}
	c := a.cues[ci]
	cand, ok := a.arguments(ci)
	var speaker []int
	for _, s := range cand.src {
		if a.men[s].i < ev.noun {
			speaker = append(speaker, s)
		}
	}
	if len(speaker) == 0 {
		// "دعم سعودي للعملية التركية": the demonyms of a stance noun.
		speaker, ok = a.stanceDemonyms(c, ev.noun), false
	}
	if len(speaker) == 0 {
		return
	}
	if ok && len(speaker) == len(cand.src) && !cand.pairs && a.sameActors(cand.tgt, ev.agent) {
		a.emit(article, ci, cand)
		ev.stated = true
	}
	for _, r := range eventStances {
		if !r.applies(a, c, ev) {
			continue
		}
		rel, pairs := r.claims(a, speaker, ev)
		a.emitPairs(article, rel, c.i, ev.noun+1, a.newPairs(rel, pairs), r.name, r.conf)
	}
}

// newPairs drops the pairs of the sentence's claims already made with the
// same relation, source and target actors (a frame may have read the
// stance before).
func (a *analyzer) newPairs(rel graph.RelationType, pairs [][2]int) [][2]int {
	out := pairs[:0]
	for _, p := range pairs {
		src, tgt := a.actor(a.men[p[0]].actor).ID, a.actor(a.men[p[1]].actor).ID
		dup := false
		for _, r := range a.results {
			if r.Claim.Type == rel && r.Claim.Source == src && r.Claim.Target == tgt {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}

// stoppedEvent reports whether opposed noun trigger ci is an event noun
// after a word that stops or lifts it (lookup section blocks: "برفع
// الحصار المفروض على قطر", "فك الحصار عن X") that names no agent of its
// own: the clause's subject asks for the end of the event, it does not
// wage it, and the patient is no one it opposes.
func (a *analyzer) stoppedEvent(ci int) bool {
	c := a.cues[ci]
	if c.kind != cueNoun || c.rel != graph.Opposed || c.i == 0 || !a.eventNoun(c.i) {
		return false
	}
	w := arabic.CutConjunctions(a.toks[c.i-1].Norm)
	if !a.lookupWord(cueBlock, w) && !a.lookupWord(cueBlock, strings.TrimPrefix(w, "ب")) {
		return false
	}
	ev, _ := a.eventFrameAt(-1, c.i)
	return len(ev.agent) == 0
}

// stanceDemonyms returns the demonyms right after a stance noun, before
// the event noun at k ("دعم سعودي للعملية"): the stance's agents.
func (a *analyzer) stanceDemonyms(c cue, k int) []int {
	var out []int
	if c.kind != cueNoun {
		return nil
	}
	for t := c.j; t < k; t++ {
		if mi := a.menAt[t]; mi >= 0 && a.men[mi].adjective {
			out = append(out, mi)
			t = a.men[mi].j - 1
		}
	}
	return out
}

// hasEventNoun reports whether the sentence holds an event noun that may
// name its agent and its patient (readFreeEvents), with two actors.
func (a *analyzer) hasEventNoun() bool {
	for k := 0; k < a.lastEventToken(); k++ {
		if a.eventNoun(k) {
			return true
		}
	}
	return false
}

// lastEventToken bounds where an event noun naming both its agent and its
// patient may stand: before the second-to-last actor mention, as both
// follow the noun.
func (a *analyzer) lastEventToken() int {
	if len(a.men) < 2 {
		return 0
	}
	return a.men[len(a.men)-2].i
}

// interventionNoun reports whether token k is an intervention noun.
func (a *analyzer) interventionNoun(k int) bool {
	return k >= 0 && k < len(a.toks) && a.menAt[k] < 0 && a.x.words[cueEmbIntervention][arabic.CutConjunctions(a.toks[k].Norm)]
}

// interferenceFrame reads an intervention noun a stance governs: its
// agent by the eventAgents table (already in ev), the one intervened in
// after في, past شؤون ("رفض العراق التدخل في شؤون سوريا"). It states no
// relation of its own; the stance relates its speaker to the agent only.
func (a *analyzer) interferenceFrame(ev eventFrame, end int) (eventFrame, bool) {
	ev.interference = true
	at := end
	if len(ev.agent) > 0 && a.men[ev.agent[0]].i >= end {
		at = a.men[ev.agent[len(ev.agent)-1]].j
	}
	if at >= len(a.toks) || a.toks[at].Norm != "في" {
		return ev, len(ev.agent) > 0
	}
	for k := at + 1; k < len(a.toks) && k <= at+4 && a.clause[k] == a.clause[at]; k++ {
		if mi := a.menAt[k]; mi >= 0 && a.men[mi].i == k {
			ev.patient = a.conjList(mi)
			break
		}
		if !a.x.words[cueEmbAffairs][a.toks[k].Norm] {
			break
		}
	}
	return ev, true
}

// behindEventAgent reads "اتهم X Y بالوقوف خلف التفجير": the actor right
// before the words of standing behind an event is its agent (an
// accusation makes it alleged).
func (a *analyzer) behindEventAgent(k, _ int) []int {
	if k < 3 || !a.x.words[cueEmbBehind][a.toks[k-1].Norm] || !a.x.words[cueEmbStand][arabic.CutConjunctions(a.toks[k-2].Norm)] {
		return nil
	}
	mi := a.menAt[k-3]
	if mi < 0 || a.men[mi].j != k-2 || a.men[mi].prep != prepNone || a.men[mi].adjective || a.men[mi].excluded {
		return nil
	}
	return a.list(a.head(mi))
}

// relativePatient returns the patient an event noun's relative clause
// names at token r ("الذي استهدف السفارة الإيرانية": the embassy's state),
// or nil.
func (a *analyzer) relativePatient(r int) []int {
	if r+2 >= len(a.toks) || a.cueKindAt(r) != cueRelative || !a.x.words[cueEmbHitVerb][a.toks[r+1].Norm] {
		return nil
	}
	if mi := a.menAt[r+2]; mi >= 0 && a.men[mi].i == r+2 && !a.men[mi].adjective {
		return a.conjList(mi)
	}
	return a.siteOwner(r+2, r+5)
}

// eventFallback reads an event noun trigger the clause reader found no
// arguments for by its own frame ("اتهمت X Y بالوقوف خلف الهجوم الذي
// استهدف Z"): its agent opposed its patient when it names both.
func (a *analyzer) eventFallback(article string, ci int) {
	c := a.cues[ci]
	if c.kind != cueNoun || c.rel != graph.Opposed || !a.eventNoun(c.i) {
		return
	}
	if ev, ok := a.eventFrameAt(-1, c.i); ok {
		ev.cue = -1
		a.emitEvent(article, &ev)
	}
}

// answeredEvent reports whether opposed noun trigger ci is an event noun
// after "ردا على" ("ينفذ X هجمات ... ردا على عدوان النظام على لبنان"):
// the clause's subject replies to the event, it is not its agent. The
// event is read by its own frame instead (emitted here when it names
// both its agent and its patient).
func (a *analyzer) answeredEvent(article string, ci int) bool {
	c := a.cues[ci]
	if c.kind != cueNoun || c.rel != graph.Opposed || c.i < 2 || !a.eventNoun(c.i) {
		return false
	}
	if a.toks[c.i-1].Norm != "علي" || !a.x.words[cueEmbReply][arabic.CutConjunctions(a.toks[c.i-2].Norm)] {
		return false
	}
	if ev, ok := a.eventFrameAt(-1, c.i); ok {
		ev.cue = -1
		a.emitEvent(article, &ev)
	}
	return true
}
