package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// The verbal nouns of the clause reader ("دعم", "لقاء", "هجوم"): an ordered
// table like clauseReadings, tried for a noun trigger by nounArguments.

// nounReading is one entry of the noun table.
type nounReading struct {
	name  string
	read  func(a *analyzer, ci, cl int) (candidate, verdict)
	tests []readingTest
}

// nounReadings is the ordered table of noun constructions.
var nounReadings = []nounReading{
	{name: "noun/enjoyed", read: (*analyzer).readNounEnjoyed, tests: []readingTest{{"ويحظى المجلس الانتقالي الجنوبي بدعم الإمارات", "supported uae -> stc", "noun/enjoyed"}}},
	{name: "noun/requested", read: func(a *analyzer, ci, _ int) (candidate, verdict) {
		// "سنحتاج إلى دعم الجميع وبخاصة مصر", "طلبت تركيا دعم الحلف":
		// support asked for or needed is not given.
		if c := a.cues[ci]; c.rel == graph.Supported && a.requested(c.i-3, c.i) {
			return candidate{}, veto
		}
		return candidate{}, pass
	}, tests: []readingTest{{"وقال الرئيس الصومالي إن بلاده ستحتاج إلى دعم مصر", "", ""}}},
	{name: "noun/compound", read: func(a *analyzer, ci, _ int) (candidate, verdict) {
		// "مجرم حرب", "جرائم حرب": a word of a compound names no war.
		if c := a.cues[ci]; c.i > 0 && c.prefix == "" && a.x.words[cueGrCompoundHead][trimConjunction(a.toks[c.i-1].Norm)] {
			return candidate{}, veto
		}
		return candidate{}, pass
	}, tests: []readingTest{{"وقال الوزير إن أردوغان مجرم حرب يحمي حزب الله", "", ""}}},
	{name: "noun/between-pronoun", read: (*analyzer).readNounBetweenPronoun, tests: []readingTest{
		{"وتلقى الرئيس عبد الفتاح السيسي دعوة من الرئيس إيمانويل ماكرون خلال اتصال هاتفي جرى بينهما مساء أمس", "met abdel-fattah-el-sisi -> emmanuel-macron", "noun/between-pronoun"},
		{"وأكد الرئيس عبد الفتاح السيسي والرئيس إيمانويل ماكرون والرئيس رجب طيب أردوغان خلال اجتماع جرى بينهما أهمية الحل", "", ""},
	}},
	{name: "noun/opening-with", read: (*analyzer).readNounOpeningWith, tests: []readingTest{
		{"وفي مباحثات هاتفية مع رئيس المجلس الأوروبي، شارل ميشيل، اعتبر أردوغان أن التصعيد لا يخدم أحدا", "met recep-tayyip-erdogan -> charles-michel", "noun/opening-with"},
		{"وخلال اتصال هاتفي مع الرئيس إيمانويل ماكرون، أكد أردوغان ضرورة الحوار", "met recep-tayyip-erdogan -> emmanuel-macron", "noun/opening-with"},
		{"وفي مباحثات مع الجانب الفرنسي، في باريس، قالت مصادر إن الحوار ضروري", "", ""},
	}},
	{name: "noun/blocked", read: (*analyzer).readNounBlocked, tests: []readingTest{{"وتسعى واشنطن إلى قطع تمويل الحرس الثوري الإيراني", "", ""}, {"وتتجاهل أنقرة حظر الأسلحة الذي يفرضه مجلس الأمن على ليبيا", "", ""}}},
	{name: "noun/demonym", read: (*analyzer).readNounDemonym, tests: []readingTest{
		{"وأشاد حفتر بالدعم الإماراتي للجيش الوطني الليبي", "supported uae -> lna", "noun/demonym"},
		{"وفي الرياض، صدر ترحيب سعودي واسع بقرار مجلس الأمن", "supported saudi-arabia -> un-security-council", "noun/demonym"},
		{"وقوبل المقترح بإشادة أمريكية بجهود مصر في الوساطة", "supported usa -> egypt", "noun/demonym"},
		{"وتواصلت الغارات الإسرائيلية، فجر الأحد، على مواقع حزب الله في الجنوب", "opposed israel -> hezbollah", "noun/demonym"},
		{"وشنت المقاتلات غارات إسرائيلية على مقرات حماس في رفح", "opposed israel -> hamas", "noun/demonym"},
		{"وتحدث البيان عن الهجوم الإسرائيلي الأخير الذي استهدف دولة قطر", "opposed israel -> qatar", "noun/demonym"},
		{"وتحدث البيان عن الهجمات الإيرانية التي استهدفت الرياض", "opposed iran -> saudi-arabia", "noun/demonym"},
		{"ولقيت حكومة الوفاق دعما تركيا كبيرا في معركة طرابلس", "supported turkey -> gna", "noun/demonym-subject"},
		{"وتتواصل التدخلات التركية في ليبيا منذ سنوات", "", ""},
		{"وسقطت قذائف الهاون على الأراضي السورية قرب الحدود", "", ""},
		{"وتحدث الوزير عن الدعم الأمريكي في المنطقة", "", ""},
	}},
	{name: "noun/relative-agent", read: (*analyzer).readNounRelativeAgent, tests: []readingTest{{"وتحدث عن الحرب التي شنتها السعودية ضد الحوثيين", "opposed saudi-arabia -> houthis", "noun/relative-agent"}}},
	{name: "noun/from", read: (*analyzer).readNounFrom, tests: []readingTest{{"وحصلت حكومة الوفاق على دعم من تركيا", "supported turkey -> gna", "noun/from"}, {"وطلبت حكومة الوفاق الدعم العسكري من تركيا", "", ""}, {"ولقيت الوساطة التركية ترحيبا واسعا من السوريين", "", ""}}},
	{name: "noun/agent", read: (*analyzer).readNounAgent, tests: []readingTest{{"وتصاعد انتقاد حفتر من قبل فرنسا", "opposed france -> khalifa-haftar", "noun/agent"}, {"وتناول البحث استمرار الدعم من قبل الولايات المتحدة للعراق", "supported usa -> iraq", "noun/agent"}}},
	{name: "noun/own-agent", read: (*analyzer).readNounOwnAgent, tests: []readingTest{{"وجدد العراق رفضه للتوغل التركي", "opposed iraq -> turkey", "noun/own-agent"}}},
	{name: "noun/event-object", read: (*analyzer).readNounEventObject, tests: []readingTest{{"وتتهم واشنطن إيران بدعم هجمات الحوثيين على السعودية", "supported iran -> houthis", "noun/event-object"}}},
	{name: "noun/examples", read: (*analyzer).readNounExamples, tests: []readingTest{{"وإيران تواصل دعم الجماعات المسلحة من أمثال: حزب الله وحماس", "supported iran -> hamas", "noun/examples"}}},
	{name: "noun/own-cause", read: (*analyzer).readNounOwnCause, tests: []readingTest{{"وقطع المغرب علاقاته مع إيران بسبب دعمها لجبهة البوليساريو", "supported iran -> polisario", "noun/own-cause"}}},
	{name: "noun/genitive-agent", read: (*analyzer).readNounGenitiveAgent, tests: []readingTest{{"لا تدعم فرنسا هجوم حفتر على حكومة الوفاق", "opposed khalifa-haftar -> gna", "noun/genitive-agent"}}},
	{name: "noun/host-guest", read: (*analyzer).readNounHostGuest, tests: []readingTest{
		{"جاء ذلك خلال استقبال الرئيس رجب طيب أردوغان، اليوم، وزير الخارجية المصري سامح شكري", "met recep-tayyip-erdogan -> sameh-shoukry", "noun/host-guest"},
		{"وتم ذلك خلال استقبال أردوغان في أنقرة بحضور الوزراء", "", ""},
	}},
	{name: "noun/genitive", read: (*analyzer).readNounGenitive, tests: []readingTest{{"وأثار دعم روسيا لحفتر قلق واشنطن", "supported russia -> khalifa-haftar", "noun/genitive"}, {"وتحدث وزير الخارجية الأردني أيمن الصفدي على هامش اجتماعات الجامعة العربية", "", ""}}},
	{name: "noun/unmarked", read: (*analyzer).readNounUnmarked, tests: []readingTest{{"وانتقد الرئيس رجب طيب أردوغان الدعم الغربي لإسرائيل", "opposed recep-tayyip-erdogan -> israel", "verb/verb-first"}, {"وعقد ماكرون لقاء مع خليفة حفتر", "met emmanuel-macron -> khalifa-haftar", "noun/subject"}, {"وأجرى بوتين وأردوغان محادثات مطولة", "met vladimir-putin -> recep-tayyip-erdogan", "noun/subject-list"}, {"وشارك الرئيس عبد الفتاح السيسي والرئيس رجب طيب أردوغان في القمة العربية الإسلامية", "", ""}, {"وتبدل الموقف الفرنسي من الأزمة، وذكر وزير الخارجية الفرنسي جان إيف لودريان، في تصريح عقب لقاء عقده مع وزير الخارجية المغربي ناصر بوريطة، أن المحادثات كانت مثمرة", "met jean-yves-le-drian -> nasser-bourita", "noun/topic"}}},
}

// nounArguments reads the arguments of noun trigger ci through the noun
// table.
func (a *analyzer) nounArguments(ci int) (candidate, bool) {
	cl := a.clause[a.cues[ci].i]
	for _, r := range nounReadings {
		switch cand, v := r.read(a, ci, cl); v {
		case found:
			return cand, true
		case veto:
			return candidate{}, false
		}
	}
	return candidate{}, false
}

// undergoes reports whether the noun trigger c follows, with ل, a verb of
// suffering (the lexicon's undergo: "تعرضت للعدوان", "يواجه هجوما"), at
// most one word (the subject) between.
func (a *analyzer) undergoes(c cue) bool {
	for k := c.i - 1; k >= 0 && k >= c.i-4; k-- {
		if a.isWord(cueUndergo, k) {
			return true
		}
		if a.sep[k+1] == ',' {
			if open := a.asideOpening(k); open > 0 {
				k = open // "تواجه الإمارات، منذ أشهر، اتهامات": past the aside
				continue
			}
		}
		if a.menAt[k] >= 0 {
			k = a.men[a.menAt[k]].i
			continue
		}
		if a.cueKindAt(k) != cueTitle {
			return false
		}
	}
	return false
}

// timeOfMeeting reports whether a noun is a definite meeting noun after a
// word of time ("خلال اللقاء", "عقب الاجتماع"): it refers to a meeting the article
// has already reported, and the actors around it act in it, they do not
// meet by it (the clause reader's noun/circumstance rules it out). A party
// after it ("خلال اللقاء مع X") is read as usual.
func (a *analyzer) timeOfMeeting(c cue) bool {
	if c.rel != graph.Met || !strings.HasPrefix(trimConjunction(a.toks[c.i].Norm), "ال") || !a.isWord(cueCircumstance, c.i-1) {
		return false
	}
	return !(c.j < len(a.toks) && (a.menAt[c.j] >= 0 && a.men[a.menAt[c.j]].prep != prepNone || a.cueKindAt(c.j) == cueParty || a.cueKindAt(c.j) == cueBetween))
}

// readNounEnjoyed reads a support noun with ب after a verb of enjoying
// (the lexicon's enjoy: "يحظى X بدعم Y", "حظيت X بتأييد Y"): the actor
// after the noun supports the verb's subject.
func (a *analyzer) readNounEnjoyed(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	if c.rel != graph.Supported || !strings.HasPrefix(strings.TrimLeft(c.prefix, "و"), "ب") {
		return candidate{}, pass
	}
	v := c.i - 1
	if v >= 0 && a.menAt[v] >= 0 {
		v = a.men[a.menAt[v]].i - 1 // "يحظى المجلس بدعم": past the subject
	}
	if v < 0 || !a.isWord(cueEnjoy, v) {
		return candidate{}, pass
	}
	s := -1
	if v+1 < c.i && a.menAt[v+1] >= 0 {
		s = a.head(a.menAt[v+1])
	} else {
		s = a.subjectBefore(v)
	}
	t, _ := a.after(c.j, cl, 4, false, 2)
	if s < 0 || t < 0 {
		return candidate{}, veto
	}
	return candidate{src: a.list(t), tgt: a.list(s), rule: "noun/enjoyed", conf: 0.7}, found
}

// readNounBlocked rules out a support noun governed by a word that stops
// it (the lexicon's blocks: "قطع تمويل الحرس الثوري", "حظر الأسلحة الذي
// تفرضه الأمم المتحدة"): nobody supports anyone by it.
func (a *analyzer) readNounBlocked(ci, _ int) (candidate, verdict) {
	c := a.cues[ci]
	if c.rel != graph.Opposed && c.prefix == "" && a.isWord(cueBlock, c.i-1) {
		return candidate{}, veto
	}
	return candidate{}, pass
}

// stoppedAct reports whether an opposition noun is governed by a word of
// blocks ("دعت مصر إلى وقف العدوان على لبنان", "رفع العقوبات على سوريا"):
// the act is stopped or lifted, so the subject s is not its agent. An
// actor addressed right after the subject ("دعت مصر إسرائيل إلى وقف
// العدوان على لبنان") is still the one whose act is to stop.
func (a *analyzer) stoppedAct(c cue, s int) bool {
	if c.rel != graph.Opposed || c.prefix != "" && c.prefix != "ال" || !a.isWord(cueBlock, c.i-1) {
		return false
	}
	h := a.head(s)
	return a.men[h].i == 0 || a.menAt[a.men[h].i-1] < 0
}

// readNounDemonym reads "الدعم الإماراتي لحفتر", "الدعم المصري والإماراتي",
// "الدعم العسكري الروسي": the demonym is the agent.
func (a *analyzer) readNounDemonym(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	for k := c.j; k < len(a.toks) && k <= c.j+1 && a.clause[k] == cl; k++ {
		mi := a.menAt[k]
		if mi < 0 {
			if a.cueAt[k] >= 0 || !adjectiveShaped(a.toks[k].Norm) {
				break
			}
			continue
		}
		if !a.men[mi].adjective {
			break
		}
		src := []int{mi}
		end := a.men[mi].j
		// "الدعم المصري والإماراتي", "دعم تركي قطري": each demonym.
		for n := mi + 1; n < len(a.men) && a.men[n].i == end && (a.men[n].conj || a.sep[a.men[n].i] == '-' || a.sep[a.men[n].i] == 0) && a.men[n].adjective; n++ {
			src = append(src, n)
			end = a.men[n].j
		}
		if c.rel == graph.Met && len(src) > 1 {
			return candidate{src: src, pairs: true, rule: "noun/demonyms", conf: 0.65}, found
		}
		if t, _ := a.after(end, cl, 3, false, 0); t >= 0 {
			return candidate{src: src, tgt: a.list(t), rule: "noun/demonym", conf: 0.7}, found
		}
		if t := a.genitiveSite(end, cl); t >= 0 {
			return candidate{src: src, tgt: a.list(t), rule: "noun/demonym", conf: 0.65}, found
		}
		if t := a.relativeObject(end, c.rel); t >= 0 {
			return candidate{src: src, tgt: a.list(t), rule: "noun/demonym", conf: 0.65}, found
		}
		if t := a.subjectBefore(c.i); t >= 0 && (c.rel == graph.Supported && !a.isWord(cueAbout, c.i-1) || c.rel == graph.Opposed && a.undergoes(c)) {
			// "يخاطر حفتر بخسارة الدعم المصري": support goes to the
			// subject, unless the noun is only a topic ("بشأن"); "تعرضت
			// غزة للعدوان الإسرائيلي", not "أدانت X العدوان الإسرائيلي":
			// an act against the subject only with a verb of suffering.
			return candidate{src: src, tgt: a.list(t), rule: "noun/demonym-subject", conf: 0.6}, found
		}
		return candidate{}, veto
	}
	return candidate{}, pass
}

// readRefusalDemonym reads a refusal used as a noun with a state's
// adjective after it ("رفض مصري لتصريحات X", "وسط رفض تركي لـ X"): the
// adjective names the state that refuses, as with any relation noun
// (readNounDemonym). A refusal with no adjective right after it is left
// to the readings after this one.
func (a *analyzer) readRefusalDemonym(c cue, cl int) (candidate, verdict) {
	if c.j >= len(a.toks) || a.sep[c.j] != 0 {
		return candidate{}, pass
	}
	mi := a.menAt[c.j]
	if mi < 0 || !a.men[mi].adjective || a.kindOf(a.men[mi].actor) != graph.KindState {
		return candidate{}, pass
	}
	for ci := range a.cues {
		if a.cues[ci].i == c.i {
			return a.readNounDemonym(ci, cl)
		}
	}
	return candidate{}, pass
}

// maxRelativeAdjectives is how many adjectives (الأخير, المتكررة) may
// stand between a relation noun's demonym and the relative pronoun after
// it.
const maxRelativeAdjectives = 2

// relativeObject returns the object of a relative clause on a relation
// noun, whose demonym is the noun's agent, when the clause's verb states
// the same relation: "الهجوم الإسرائيلي الأخير الذي استهدف دولة قطر",
// "الهجمات الإيرانية التي استهدفت الرياض". pos is the token after the
// demonym; -1 when there is none.
func (a *analyzer) relativeObject(pos int, rel graph.RelationType) int {
	k := pos
	for n := 0; n < maxRelativeAdjectives && k < len(a.toks) && a.sep[k] == 0 && a.cueAt[k] < 0 && a.menAt[k] < 0 && definite(a.toks[k].Norm); n++ {
		k++ // "الأخير", "المتكررة"
	}
	if k+2 >= len(a.toks) || a.sep[k] != 0 || a.sep[k+1] != 0 || a.cueKindAt(k) != cueRelative {
		return -1
	}
	ci := a.cueAt[k+1]
	if ci < 0 || a.cues[ci].i != k+1 || a.cues[ci].kind != cueVerb || a.cues[ci].rel != rel || a.cues[ci].neg {
		return -1
	}
	o := a.cues[ci].j
	if o >= len(a.toks) || a.sep[o] != 0 {
		return -1
	}
	mi := a.menAt[o]
	if mi < 0 || a.men[mi].i != o || a.men[mi].adjective || a.men[mi].excluded || a.men[mi].prefix != "" {
		return -1
	}
	return mi
}

// genitiveSite returns the actor whose site an attack names after a
// preposition of attack at pos: "على مواقع حزب الله", "ضد مقرات
// الحوثيين" — the preposition, one indefinite noun and the actor as its
// genitive, or -1, past a short aside of time before the preposition.
// The form with ل ("على مواقع لحزب الله") is after's.
func (a *analyzer) genitiveSite(pos, cl int) int {
	if pos >= len(a.toks) {
		return -1
	}
	if n := a.timeAside(pos, len(a.toks)); n > 0 {
		pos += n // "الغارات الإسرائيلية، فجر الأحد، على مواقع X"
	}
	if a.rel != graph.Opposed || pos+2 >= len(a.toks) || a.clause[pos+2] != cl || a.sep[pos+1] != 0 || a.sep[pos+2] != 0 {
		return -1
	}
	if !a.x.words[cueGrAttackPrep][arabic.CutConjunctions(a.toks[pos].Norm)] {
		return -1
	}
	site := a.toks[pos+1].Norm
	if a.menAt[pos+1] >= 0 || a.cueAt[pos+1] >= 0 || definite(site) || !arabicWord(site) || a.placeNounAt(pos+1) {
		return -1
	}
	mi := a.menAt[pos+2]
	if mi < 0 || a.men[mi].i != pos+2 || a.men[mi].prefix != "" || a.men[mi].adjective || a.men[mi].excluded {
		return -1
	}
	return mi
}

// readNounRelativeAgent reads "الحرب التي شنها القذافي ضد تشاد": the
// author of the noun in a relative clause is its agent.
func (a *analyzer) readNounRelativeAgent(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	au := a.author(c.j)
	if au < 0 || a.cueKindAt(c.j) != cueRelative {
		return candidate{}, pass
	}
	if t, _ := a.after(a.listEnd(au), cl, genitiveWindow, false, 0); t >= 0 {
		return candidate{src: a.list(au), tgt: a.list(t), rule: "noun/relative-agent", conf: 0.7}, found
	}
	return candidate{}, veto
}

// peopleDemonym reports whether mention mi is a plural demonym standing
// alone ("إشادة واسعة من اللبنانيين"): a people, not its state.
func (a *analyzer) peopleDemonym(mi int) bool {
	m := a.men[mi]
	if m.form < 0 || a.x.forms[m.form].typ != gazetteer.FormDemonym {
		return false
	}
	w := a.toks[m.j-1].Norm
	return strings.HasSuffix(w, "يين") || strings.HasSuffix(w, "يون")
}

// readNounFrom reads "تلقى دعما من تركيا": the actor after من is the
// source, the subject the target.
func (a *analyzer) readNounFrom(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	for k := c.j; k < len(a.toks) && k <= c.j+1 && a.clause[k] == cl; k++ {
		if a.menAt[k] >= 0 || a.cueAt[k] >= 0 && a.toks[k].Norm != "من" {
			break
		}
		if a.toks[k].Norm == "من" && k+1 < len(a.toks) {
			if mi := a.menAt[k+1]; mi >= 0 && !a.men[mi].adjective && a.cueKindAt(k-1) != cueStateAgent && !a.peopleDemonym(mi) {
				if t := a.subjectBefore(c.i); t >= 0 && c.rel == graph.Supported {
					if a.requested(a.men[t].i-2, c.i) {
						return candidate{}, veto // "طلبت X الدعم من Y": support asked for
					}
					return candidate{src: a.list(mi), tgt: a.list(t), rule: "noun/from", conf: 0.7}, found
				}
			}
			break
		}
	}
	return candidate{}, pass
}

// nounGenitive returns the actor right after noun trigger ci (at most two
// words between), or -1; none when the noun ends with its party's
// preposition ("أنشطة ضد").
func (a *analyzer) nounGenitive(ci, cl int) int {
	c := a.cues[ci]
	if c.j == c.i+1 && definite(a.toks[c.i].Norm) && a.personAt(c.j) {
		return -1 // "رافق أردوغان في اللقاء هاكان فيدان": a definite noun owns no person after it
	}
	for k := c.j; !a.x.specs[c.spec].endsWithPrep && k < len(a.toks) && k <= c.j+2 && a.clause[k] == cl; k++ {
		if mi := a.menAt[k]; mi >= 0 {
			if m := a.men[mi]; !m.excluded && m.prep == prepNone {
				return mi
			}
			return -1
		}
		if a.cueAt[k] >= 0 && a.cueKindAt(k) != cueTitle {
			return -1
		}
	}
	return -1
}

// readNounAgent reads "معارضة واسعة من قبل Y": Y is the agent.
func (a *analyzer) readNounAgent(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	for k := c.j; k < len(a.toks) && k <= c.j+3 && a.clause[k] == cl; k++ {
		if a.cueKindAt(k) == cueAgent {
			g := a.nounGenitive(ci, cl)
			ag, _ := a.after(a.cues[a.cueAt[k]].j, cl, 3, false, 3)
			if ag >= 0 && g >= 0 && g != ag {
				return candidate{src: a.list(ag), tgt: a.list(g), rule: "noun/agent", conf: 0.7}, found
			}
			// "الدعم من قبل الولايات المتحدة للعراق": the target follows the
			// agent, marked.
			if ag >= 0 && g < 0 {
				if t, via := a.after(a.listEnd(ag), cl, genitiveWindow, false, 0); t >= 0 && via != cueBetween && t != ag {
					return candidate{src: a.list(ag), tgt: a.list(t), rule: "noun/agent", conf: 0.7}, found
				}
			}
			return candidate{}, veto
		}
	}
	return candidate{}, pass
}

// readNounOwnAgent reads "جدد العراق رفضه للتوغل التركي": the speaker
// of a noun with his pronoun acts on the agent of the noun after it.
func (a *analyzer) readNounOwnAgent(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	if !a.x.specs[c.spec].own || a.objectAgent(c) {
		return candidate{}, pass
	}
	s := a.speakerBefore(c.i)
	if t := a.nounAgentAfter(c.j, cl); s >= 0 && t >= 0 {
		return candidate{src: a.list(s), tgt: []int{t}, rule: "noun/own-agent", conf: 0.65}, found
	}
	return candidate{}, pass
}

// nounSubject returns the actor whose act a noun trigger is: the object of
// the verb before "بتسليح", the speaker of a noun with his pronoun, or the
// clause's subject when the noun is not governed by a preposition.
func (a *analyzer) nounSubject(ci int) int {
	c := a.cues[ci]
	switch {
	case a.objectAgent(c):
		// "تتهم واشنطن إيران بتسليح الحوثيين": the object of the verb is
		// the agent of the noun.
		m := a.men[a.menAt[c.i-1]]
		if m.excluded || m.prep != prepNone && !a.accusedWithL(m) {
			return -1
		}
		s := a.head(a.menAt[c.i-1])
		// "الإمارات، التي تتهمها الخرطوم بتسليح ...": the verb's pronoun is
		// the accused, the actor after it the accuser.
		if v := m.i - 1; a.cueKindAt(v) == cueVerb && a.x.specs[a.cues[a.cueAt[v]].spec].accusation && objectPronoun(a.toks[v].Norm) {
			s = a.relativeAntecedent(a.cues[a.cueAt[v]].i)
		}
		return s
	case strings.TrimLeft(c.prefix, "و") == "ب" && a.detachedPronoun(c.i-1):
		// "متهما إياها بتزويد X": the pronoun's referent is the agent.
		if t := a.topic(c.i); t >= 0 {
			return a.antecedent(c.i-1, t)
		}
		return -1
	case a.x.specs[c.spec].own:
		// "أكدت السعودية دعمها لـ": only a speaker is sure to be the owner;
		// "دعم حفتر ومساعدته" is help for him.
		return a.speakerBefore(c.i)
	case a.demandedAct(c):
		return -1 // "دعا مجلس الأمن إلى الضغط على X": the addressee is only asked
	case !a.inPrepPhrase(ci):
		return a.subjectBefore(c.i)
	}
	return -1
}

// demandedActReach is how many words before the act a demand verb may stand.
const demandedActReach = 14

// demandedAct reports whether a noun follows إلى after a demand verb of
// its sentence ("دعا X إلى الضغط على Y"): the act is demanded of the
// actors between, who are not its subject.
func (a *analyzer) demandedAct(c cue) bool {
	if c.i == 0 || trimConjunction(a.toks[c.i-1].Norm) != "الي" {
		return false
	}
	for k := c.i - 2; k >= 0 && k >= c.i-demandedActReach; k-- {
		if a.cueKindAt(k) == cueDemand {
			return true
		}
	}
	return false
}

// readNounEventObject reads "بدعم هجمات الحوثيين على السعودية": a noun
// whose object is an opposed event noun acts on that event's agent (the
// Houthis), not on its target.
func (a *analyzer) readNounEventObject(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	if c.rel == graph.Met || c.j >= len(a.toks) || a.cueAt[c.j] < 0 {
		return candidate{}, pass
	}
	ev := a.cues[a.cueAt[c.j]]
	if ev.i != c.j || ev.kind != cueNoun || ev.rel != graph.Opposed || ev.j >= len(a.toks) {
		return candidate{}, pass
	}
	g := a.menAt[ev.j]
	if g < 0 || a.men[g].excluded || a.men[g].prep != prepNone {
		return candidate{}, pass
	}
	s := a.nounSubject(ci)
	if s < 0 {
		return candidate{}, veto
	}
	return candidate{src: a.list(s), tgt: []int{g}, rule: "noun/event-object", conf: 0.65}, found
}

// readNounExamples reads "دعم الجماعات من أمثال: حزب الله وحماس": a noun
// whose object is a class of actors given by examples acts on each
// example.
func (a *analyzer) readNounExamples(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	if a.nounGenitive(ci, cl) >= 0 {
		return candidate{}, pass
	}
	for k := c.j; k < len(a.toks) && k <= c.j+6; k++ {
		if a.menAt[k] >= 0 {
			return candidate{}, pass
		}
		switch trimConjunction(a.toks[k].Norm) {
		case "امثال", "مثل":
		case "ذلك": // "بما في ذلك"
			if k < 2 || a.toks[k-1].Norm != "في" || trimConjunction(a.toks[k-2].Norm) != "بما" {
				continue
			}
		case "فيها", "فيهم": // "بما فيها"
			if k < 1 || trimConjunction(a.toks[k-1].Norm) != "بما" {
				continue
			}
		default:
			continue
		}
		mi := a.menAt[min(k+1, len(a.toks)-1)]
		if mi < 0 || a.clause[k+1] != cl {
			return candidate{}, pass
		}
		s := a.nounSubject(ci)
		if s < 0 {
			return candidate{}, pass
		}
		return candidate{src: a.list(s), tgt: a.conjList(mi), rule: "noun/examples", conf: 0.65}, found
	}
	return candidate{}, pass
}

// readNounOwnCause reads "... مع إيران، بسبب دعمها للبوليساريو" and
// "انتقد إيران لدعمها الحكومة السورية": a noun with a pronoun given as a
// cause belongs to the last actor named before it, when no speaker owns
// it.
func (a *analyzer) readNounOwnCause(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	if !a.x.specs[c.spec].own || a.speakerBefore(c.i) >= 0 || !a.causal(c) {
		return candidate{}, pass
	}
	owner := -1
	for mi := len(a.men) - 1; mi >= 0; mi-- {
		m := a.men[mi]
		if m.j <= c.i && c.i-m.j <= 8 && !m.external && !m.carried && !m.adjective {
			owner = a.head(mi)
			break
		}
	}
	if owner < 0 {
		return candidate{}, pass
	}
	t := a.nounGenitive(ci, cl)
	if t < 0 {
		t, _ = a.after(c.j, cl, targetWindow, false, 0)
	}
	if t < 0 || a.men[t].actor == a.men[owner].actor {
		return candidate{}, pass
	}
	return candidate{src: []int{owner}, tgt: a.list(t), rule: "noun/own-cause", conf: 0.6}, found
}

// causal reports whether a noun trigger is given as a cause: with ل
// ("لدعمها") or after a causal word ("بسبب دعمها").
func (a *analyzer) causal(c cue) bool {
	if p := arabic.CutConjunctions(c.prefix); p == "ل" {
		return true
	}
	return a.isWord(cueCause, c.i-1)
}

// readNounGenitiveAgent reads "هجوم حفتر على طرابلس": the genitive of an
// opposed event noun with a target marked by على or ضد is the event's
// agent, whoever mentions the event ("لا تدعم فرنسا هجوم حفتر على ...").
func (a *analyzer) readNounGenitiveAgent(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	g := a.nounGenitive(ci, cl)
	if g < 0 || c.rel != graph.Opposed {
		return candidate{}, pass
	}
	if t, via := a.after(a.listEnd(g), cl, genitiveWindow, false, 0); t >= 0 && via == cueParty && a.markedAgainst(t) {
		if a.triggerBetween(a.listEnd(g), a.men[t].i) {
			return candidate{}, veto
		}
		return candidate{src: a.list(g), tgt: a.list(t), rule: "noun/genitive-agent", conf: 0.75}, found
	}
	return candidate{}, pass
}

// readNounGenitive reads a noun with an actor right after it: "قرر دعم
// حفتر" (the subject supports the genitive) or "دعم ايطاليا لحكومة
// الوفاق" (genitive source, marked target).
func (a *analyzer) readNounGenitive(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	g := a.nounGenitive(ci, cl)
	if g < 0 {
		return candidate{}, pass
	}
	if c.rel == graph.Met && a.isWord(cueCircumstance, c.i-1) && a.kindOf(a.men[g].actor) == graph.KindOrganisation {
		// "على هامش اجتماعات الجامعة العربية": the session of a body,
		// at which others meet; nobody meets the body by it.
		return candidate{}, veto
	}
	if s := a.nounSubject(ci); s >= 0 && !a.x.specs[c.spec].own && !a.affiliated(a.men[s].actor, a.men[g].actor) {
		if a.judgedAct(c) || a.isWord(cueAbout, c.i-1) || a.judgesWith(s, c.i) || a.storedOrRelative(c, g) {
			// "أدانت السعودية استهداف قافلة X": X was hit; "تصريحات Y
			// بشأن تمويل X": the subject does not fund X; "وصف X تعاون
			// واشنطن مع Y بأنه خطوة خاطئة": the one who judges does not
			// cooperate with Washington.
			return candidate{}, veto
		}
		return candidate{src: a.list(s), tgt: a.list(g), rule: "noun/subject-object", conf: 0.7}, found
	}
	if t := a.accusedAfter(c, g); t >= 0 {
		return candidate{src: a.list(g), tgt: a.list(t), rule: "noun/accusation", conf: 0.7}, found
	}
	if t, via := a.after(a.listEnd(g), cl, genitiveWindow, false, 0); t >= 0 && via != cueBetween {
		return candidate{src: a.list(g), tgt: a.list(t), rule: "noun/genitive", conf: 0.75}, found
	}
	if c.rel == graph.Met && len(a.list(g)) > 1 {
		return candidate{src: a.list(g), pairs: true, rule: "noun/list", conf: 0.7}, found
	}
	return candidate{}, veto
}

// objectOfTrigger reports whether the noun at i is the object of a verb
// trigger before it, past the verb's subject and its title ("انتقد الرئيس
// رجب طيب أردوغان الدعم ..."): the verb's subject acts on the noun, it is
// not the noun's agent.
func (a *analyzer) objectOfTrigger(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if mi := a.menAt[k]; mi >= 0 {
			k = a.men[mi].i
			continue
		}
		switch a.cueKindAt(k) {
		case cueTitle:
			continue
		case cueVerb, cueRefusal, cueDemand:
			return a.cues[a.cueAt[k]].rel != graph.Met
		}
		return false
	}
	return false
}

// takesPart reports whether a meeting noun is the event its subjects take
// part in ("شارك X وY في القمة", "بالاجتماع"): attending one event is no
// contact between them.
func (a *analyzer) takesPart(c cue) bool {
	return c.i > 0 && a.toks[c.i-1].Norm == "في" || strings.HasPrefix(strings.TrimLeft(c.prefix, "وف"), "ب")
}

// requestWords ask for, need or seek what follows them: support after
// them is not given.
var requestWords = map[string]bool{
	"طلب": true, "طلبت": true, "يطلب": true, "تطلب": true, "طالب": true, "طالبت": true, "يطالب": true, "تطالب": true,
	"ناشد": true, "ناشدت": true, "يناشد": true, "تناشد": true, "التمس": true, "التمست": true, "يلتمس": true, "تلتمس": true,
	"يحتاج": true, "تحتاج": true, "نحتاج": true, "سنحتاج": true, "سيحتاج": true, "ستحتاج": true, "احتاج": true, "احتاجت": true,
	"يسعي": true, "تسعي": true, "سعي": true, "سعت": true, "بحاجه": true, "حاجه": true, "يريد": true, "تريد": true, "نريد": true,
	"بناء": true,
}

// requested reports whether a word of requestWords stands among tokens
// [from, to) ("طلبت حكومة الوفاق الدعم", "بناء على تنسيق من X").
func (a *analyzer) requested(from, to int) bool {
	for k := max(from, 0); k < to && k < len(a.toks); k++ {
		if requestWords[trimConjunction(a.toks[k].Norm)] {
			return true
		}
	}
	return false
}

// readNounUnmarked reads a noun whose target follows it marked, or, for a
// meeting after its subject, unmarked ("عقد بومبيو لقاءات شملت عبد الله
// بن زايد").
func (a *analyzer) readNounUnmarked(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	s := a.nounSubject(ci)
	near := 0
	if c.rel == graph.Met && s >= 0 || a.x.specs[c.spec].endsWithPrep {
		near = verbNear
	}
	t, via := a.after(c.j, cl, targetWindow, false, near)
	if t < 0 {
		if c.rel == graph.Met && s >= 0 && len(a.list(s)) > 1 && !a.isWord(cueCircumstance, c.i-1) && c.i-a.listEnd(s) <= 3 && !a.takesPart(c) {
			// "وأجرى بوتين وأردوغان محادثات"; not "وقعت X وY البيان خلال
			// القمة", nor a meeting noun far after the list ("بذلتها كل من
			// X وY في تشجيع الأطراف على المشاركة في جولة المحادثات")
			return candidate{src: a.list(s), pairs: true, rule: "noun/subject-list", conf: 0.7}, found
		}
		return candidate{}, veto
	}
	if c.rel == graph.Met && via == cueBetween && len(a.list(t)) > 1 {
		if a.otherTriggerBetween(c, a.men[t].i) {
			return candidate{}, veto // "حوار يهدف إلى تعزيز التعاون بين X وY"
		}
		return candidate{src: a.list(t), pairs: true, rule: "noun/between", conf: 0.75}, found
	}
	if c.rel == graph.Met && a.circumstantial(c.i) && !a.withBetween(c.j, a.men[t].i) {
		// "وفي اجتماع في ستوكهولم أكد وزراء ... من بينها فرنسا", "رافق
		// أردوغان في اللقاء وزير الخارجية": a meeting as the time of
		// another clause; its unmarked actors are that clause's, not the
		// meeting's partners.
		return candidate{}, veto
	}
	if s >= 0 {
		if c.rel == graph.Supported && a.objectOfTrigger(c.i) || a.judgedAct(c) || c.rel == graph.Opposed && a.undergoes(c) || a.storedOrRelative(c, t) || a.triggerBetween(c.j, a.men[t].i) || a.stoppedAct(c, s) {
			// "وانتقد أردوغان الدعم الغربي لإسرائيل": the critic is not
			// the supporter; "أدانت السعودية الهجوم على السفارة": the
			// one who condemns is not the attacker; "تواجه الإمارات
			// اتهامات بتزويد X": the one accused does not accuse; "دعت
			// مصر إلى وقف العدوان على لبنان": the one who calls for an
			// end to an act is not its agent.
			return candidate{}, veto
		}
		return candidate{src: a.list(s), tgt: a.list(t), rule: "noun/subject", conf: 0.7}, found
	}
	// A meeting, or a noun whose party is marked ("أنشطة ضد X"), in a
	// clause without a subject continues the sentence's.
	if c.rel == graph.Met || a.x.specs[c.spec].endsWithPrep {
		if s := a.meetingTopic(c); s >= 0 && !a.pronounOwned(c) {
			return candidate{src: a.list(s), tgt: a.list(t), rule: "noun/topic", conf: 0.55}, found
		}
	}
	return candidate{}, veto
}

// pronounOwned reports whether the trigger noun carries a third-person
// pronoun ("في حربها ضد أوكرانيا"): its agent is the pronoun's referent,
// not the sentence's topic.
func (a *analyzer) pronounOwned(c cue) bool {
	w := a.toks[c.i].Norm
	return utf8.RuneCountInString(w) > 4 && (strings.HasSuffix(w, "ها") || strings.HasSuffix(w, "هم") || strings.HasSuffix(w, "هما"))
}

// accusedWithL reports whether a mention with ل follows an accusation noun
// ("اتهامات لأسمرا بدعم حركة الشباب"): the accused, the agent of the noun
// after it.
func (a *analyzer) accusedWithL(m mention) bool {
	if m.prep != prepClitic || m.clitic != "ل" || m.i == 0 {
		return false
	}
	switch trimConjunction(a.toks[m.i-1].Norm) {
	case "اتهام", "اتهامات", "الاتهام", "الاتهامات", "الاتهامات الموجهة":
		return true
	}
	return false
}

// objectAgent reports whether a noun with ب follows an actor: the object
// of the verb before is the noun's agent ("تتهم واشنطن إيران بتسليح").
func (a *analyzer) objectAgent(c cue) bool {
	p := strings.TrimLeft(c.prefix, "و")
	return (p == "ب" || p == "بال") && c.i > 0 && a.menAt[c.i-1] >= 0
}

// markedAgainst reports whether mention t follows على or ضد (the target of
// an attack).
func (a *analyzer) markedAgainst(t int) bool {
	m := a.men[t]
	switch m.partyWord {
	case "علي", "ضد":
		return true
	}
	return false
}

// circumstantial reports whether the noun at token i is governed by a
// preposition of time or place ("في اجتماع", "وخلال لقاء"): the noun
// dates another clause.
func (a *analyzer) circumstantial(i int) bool {
	if i == 0 || a.sep[i] != 0 {
		return false
	}
	switch a.toks[i-1].Norm {
	case "في", "وفي", "ففي":
		return true
	}
	return a.isWord(cueCircumstance, i-1)
}

// withBetween reports whether "مع" stands between tokens from and to ("في
// اتصال هاتفي مع وزير خارجية مصر X"): the meeting's partner is marked.
func (a *analyzer) withBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if a.toks[k].Norm == "مع" {
			return true
		}
	}
	return false
}

// personAt reports whether a person's mention starts at token k.
func (a *analyzer) personAt(k int) bool {
	if k >= len(a.toks) || a.menAt[k] < 0 {
		return false
	}
	m := a.men[a.menAt[k]]
	return m.i == k && a.kindOf(m.actor) == graph.KindPerson
}

// readNounHostGuest reads "خلال استقبال X، اليوم، Y": a meeting noun of
// grammar.guest_nouns whose genitive X is the host and whose unmarked
// object Y the guest, where no party marked by a preposition follows the
// host (that is noun/genitive).
func (a *analyzer) readNounHostGuest(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	g := a.nounGenitive(ci, cl)
	if g < 0 {
		return candidate{}, pass
	}
	if t, _ := a.after(a.listEnd(g), cl, genitiveWindow, false, 0); t >= 0 {
		return candidate{}, pass
	}
	if t := a.guestAfter(c, g, cl); t >= 0 {
		return candidate{src: a.list(g), tgt: a.list(t), rule: "noun/host-guest", conf: 0.7}, found
	}
	return candidate{}, pass
}

// guestAfter returns the guest of a meeting noun whose genitive g is the
// host ("خلال استقبال أوقطاي، ...، وزير الإعلام X"): the first unmarked
// mention after the host in the noun's clause that is no state (a state
// there is a place), or -1. Only the nouns of
// grammar.guest_nouns take such an object.
func (a *analyzer) guestAfter(c cue, g, cl int) int {
	if c.rel != graph.Met || !a.x.words[cueGrGuestNoun][strings.TrimPrefix(a.toks[c.i].Norm, c.prefix)] {
		return -1
	}
	t, _ := a.after(a.listEnd(g), cl, genitiveWindow, true, genitiveWindow)
	if t < 0 || a.men[t].prep != prepNone || a.actor(a.men[t].actor).Kind == graph.KindState {
		return -1
	}
	return t
}

// meetingTopic is the topic (analyzer.topic) a noun trigger's clause
// continues, where for a meeting a state's adjective after a definite noun
// ("شهد الموقف الإسباني تحولا، وذكر الوزير X … عقب لقاء عقده مع Y")
// describes that noun and is passed over: a stance does not meet.
func (a *analyzer) meetingTopic(c cue) int {
	if c.rel != graph.Met {
		return a.topic(c.i)
	}
	for mi, m := range a.men {
		if m.i >= c.i {
			break
		}
		if m.excluded || m.prep != prepNone || a.reporter(mi) {
			continue
		}
		if a.x.forms[m.form].typ == gazetteer.FormDemonym && m.prefix == "" && m.i > 0 && a.sep[m.i] == 0 && definite(a.toks[m.i-1].Norm) && a.cueKindAt(m.i-1) == cueNone && a.menAt[m.i-1] < 0 {
			continue
		}
		return a.head(mi)
	}
	return -1
}

// readNounBetweenPronoun reads "خلال مكالمة هاتفية جرت بينهما": a meeting
// noun with a pronoun of grammar.between_pronouns at most three words
// after it (no actor between) is a meeting of the two persons its
// sentence named before it; with another number of persons it names none.
func (a *analyzer) readNounBetweenPronoun(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	if c.rel != graph.Met {
		return candidate{}, pass
	}
	at := -1
	for k := c.j; k < len(a.toks) && k < c.j+3 && a.clause[k] == cl; k++ {
		if a.menAt[k] >= 0 {
			return candidate{}, pass
		}
		if a.x.words[cueGrBetweenPronoun][trimConjunction(a.toks[k].Norm)] {
			at = k
			break
		}
	}
	if at < 0 {
		return candidate{}, pass
	}
	var persons []int
	for mi, m := range a.men {
		if m.i >= c.i {
			break
		}
		if m.excluded || a.actor(m.actor).Kind != graph.KindPerson || len(persons) > 0 && a.men[persons[0]].actor == m.actor {
			continue
		}
		if len(persons) == 2 {
			if a.men[persons[1]].actor != m.actor {
				return candidate{}, veto
			}
			continue
		}
		persons = append(persons, mi)
	}
	if len(persons) != 2 {
		return candidate{}, pass
	}
	return candidate{src: persons, pairs: true, rule: "noun/between-pronoun", conf: 0.7}, found
}

// readNounOpeningWith reads "وفي مباحثات هاتفية مع X، اعتبر Y أن …": a
// meeting noun opening the sentence (after at most two words such as و،
// في، خلال) with its partner after مع, set off by a comma before a word
// and its subject: the subject met the partner. Appositions between
// commas after the partner ("، شارل ميشيل،") are passed over.
func (a *analyzer) readNounOpeningWith(ci, cl int) (candidate, verdict) {
	c := a.cues[ci]
	if c.rel != graph.Met || c.i > 2 || len(a.men) == 0 || a.men[0].i < c.j {
		return candidate{}, pass
	}
	t := a.openingPartner(c, cl)
	if t < 0 || a.men[t].excluded {
		return candidate{}, pass
	}
	k := a.men[t].j
	for k < len(a.toks) && k < a.men[t].j+12 {
		if a.sep[k] != ',' {
			return candidate{}, pass
		}
		if mi := a.menAt[k]; mi >= 0 {
			k = a.men[mi].j // an apposition naming the partner
			continue
		}
		if a.cueKindAt(k) != cueNone && a.cueKindAt(k) != cueReported && a.cueKindAt(k) != cueVerb {
			return candidate{}, pass
		}
		j := a.pastTitleWords(k + 1)
		if j >= len(a.toks) || a.menAt[j] < 0 || a.sep[j] != 0 {
			return candidate{}, pass
		}
		s := a.menAt[j]
		if m := a.men[s]; m.excluded || m.prep != prepNone || m.actor == a.men[t].actor {
			return candidate{}, pass
		}
		return candidate{src: a.list(s), tgt: a.list(t), rule: "noun/opening-with", conf: 0.65}, found
	}
	return candidate{}, pass
}

// pastTitleWords returns the first token from j on that is not a title
// word standing alone (no mention, no separator before it).
func (a *analyzer) pastTitleWords(j int) int {
	for j < len(a.toks) && a.menAt[j] < 0 && a.cueKindAt(j) == cueTitle && a.sep[j] == 0 {
		j++
	}
	return j
}

// openingPartner returns the mention of the partner after مع within five
// words of an opening meeting noun c in clause cl ("وفي مباحثات هاتفية مع
// X"), past title words; a body that only opens the partner's title gives
// the person set off after it ("مع رئيس المجلس الأوروبي، شارل ميشيل،").
// It returns -1 when there is none.
func (a *analyzer) openingPartner(c cue, cl int) int {
	t := -1
	for k := c.j; k < len(a.toks) && k < c.j+5 && a.clause[k] == cl; k++ {
		if trimConjunction(a.toks[k].Norm) != "مع" {
			continue
		}
		if j := a.pastTitleWords(k + 1); j < len(a.toks) && a.menAt[j] >= 0 && (a.sep[j] == 0 || j == k+1) {
			t = a.menAt[j]
		}
		break
	}
	if t >= 0 && a.men[t].excluded {
		if j := a.men[t].j; j < len(a.toks) && a.sep[j] == ',' && a.menAt[j] >= 0 && a.actor(a.men[a.menAt[j]].actor).Kind == graph.KindPerson {
			t = a.menAt[j]
		}
	}
	return t
}
