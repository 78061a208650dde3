package extract

import (
	"github.com/rawabit/rawabit/loader/gazetteer"
	"strings"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// The clause reader: how a trigger word of the lexicon finds its two
// arguments in its clause. Each way is a named entry of the ordered table
// clauseReadings; arguments tries the entries that apply to the trigger in
// order. An entry reads the arguments (found), rules the trigger out
// (veto: no later entry is tried) or passes to the next one. The claims of
// an entry carry its rule name (or a finer one, "verb/carried"), and its
// base confidence (see emitPairs for what lowers it).

// verdict is what a clause reading decides about a trigger.
type verdict uint8

const (
	pass verdict = iota
	found
	veto
)

// clauseReading is one entry of the clause reader's table.
type clauseReading struct {
	// name is the rule family ("verb/subject-first"); conf the base
	// confidence of its claims.
	name string
	conf float64
	// applies reports whether the entry reads a trigger of this kind.
	applies func(a *analyzer, c cue) bool
	// read reads the arguments of trigger c in clause cl.
	read func(a *analyzer, c cue, cl int) (candidate, verdict)
	// tests are sentences the entry must read (TestReadings).
	tests []readingTest
}

// readingTest is a sentence a reading must read: the claim it gives
// ("opposed hamas -> israel") and the rule that names it.
type readingTest struct {
	text, want, rule string
}

// isKind returns an applies function for the trigger kinds given.
func isKind(kinds ...cueKind) func(*analyzer, cue) bool {
	return func(_ *analyzer, c cue) bool {
		for _, k := range kinds {
			if c.kind == k {
				return true
			}
		}
		return false
	}
}

// isVerb applies to verbs and refusals without a split preposition, the
// triggers the entries before it do not read.
func isVerb(a *analyzer, c cue) bool {
	return (c.kind == cueVerb || c.kind == cueRefusal) && a.x.specs[c.spec].splitPrep == ""
}

// clauseReadings is the ordered table of the clause reader. Its entries
// are tested one by one with sentences in TestConstructions.
var clauseReadings = []clauseReading{
	{name: "passive", conf: 0.75, applies: isKind(cuePassive, cueParticiple), read: (*analyzer).readPassive, tests: []readingTest{{"وقاتلت قوات الجيش الوطني الليبي المدعومة من الإمارات في طرابلس", "supported uae -> lna", "passive"}, {"وانتهت الهدنة مع الحوثيين والقوات الموالية للرئيس السابق علي عبدالله صالح", "", ""}}},
	{name: "reliance", conf: 0.6, applies: isKind(cueReliance), read: (*analyzer).readReliance, tests: []readingTest{{"واستنكر البيان اعتماد خليفة حفتر على روسيا", "supported russia -> khalifa-haftar", "reliance"}}},
	{name: "demand", conf: 0.6, applies: isKind(cueDemand), read: (*analyzer).readDemand, tests: []readingTest{{"ودعت الولايات المتحدة الجيش الوطني الليبي إلى وقف الهجوم على طرابلس", "opposed usa -> lna", "demand"}}},
	{name: "receive", conf: 0.65, applies: isKind(cueReceive), read: (*analyzer).readReceive, tests: []readingTest{{"واستوردت حكومة الوفاق معدات من تركيا", "supported turkey -> gna", "receive"}, {"وتسلم الرئيس قيس سعيد رسالة خطية من الملك سلمان بن عبد العزيز", "", ""}}},
	{name: "circumstantial", conf: 0.6, applies: isKind(cueCircumstantial), read: (*analyzer).readCircumstantial, tests: []readingTest{{"وصعد أردوغان لهجته، متهما الإمارات بتمويل المرتزقة", "opposed recep-tayyip-erdogan -> uae", "circumstantial"}, {"وتحدث وزير الخارجية السوداني علي الصادق عن الإمارات، متهماً إياها بتزويد قوات الدعم السريع بالأسلحة", "opposed ali-al-sadiq -> uae", "circumstantial"}, {"وواصل الجيش الإسرائيلي غاراته على الجنوب، مستهدفا مواقع لحزب الله", "opposed idf -> hezbollah", "circumstantial"}}},
	{name: "noun/circumstance", conf: 0, applies: isKind(cueNoun), read: func(a *analyzer, c cue, _ int) (candidate, verdict) {
		if a.timeOfMeeting(c) {
			return candidate{}, veto
		}
		return candidate{}, pass
	}, tests: []readingTest{{"وأشاد الرئيس خلال اللقاء بالتقدم الذي تشهده العلاقات بين السودان والولايات المتحدة", "", ""}}},
	{name: "noun/between", conf: 0.75, applies: isKind(cueNoun), read: (*analyzer).readNounBetween, tests: []readingTest{{"وجرت محادثات بين عبد الفتاح السيسي وماكرون في باريس", "met abdel-fattah-el-sisi -> emmanuel-macron", "noun/between"}, {"ومنذ عامين تدور الحرب بين الجيش السوداني وقوات الدعم السريع في دارفور", "opposed saf -> rsf", "mutual/between"}, {"وتأتي الزيارة في إطار حوار يهدف إلى تعزيز التعاون بين مصر وفرنسا", "", ""}}},
	{name: "noun", conf: 0.7, applies: isKind(cueNoun), read: (*analyzer).readNoun, tests: []readingTest{{"وأكد ماكرون دعم فرنسا لحكومة الوفاق", "supported france -> gna", "noun/genitive"}}},
	{name: "mutual/between", conf: 0.7, applies: isKind(cueMutual), read: (*analyzer).readMutual, tests: []readingTest{{"واندلعت اشتباكات بين قوات الدعم السريع والجيش السوداني", "opposed rsf -> saf", "mutual/between"}}},
	{name: "verb/split", conf: 0.75, applies: func(a *analyzer, c cue) bool {
		return (c.kind == cueVerb || c.kind == cueRefusal) && a.x.specs[c.spec].splitPrep != ""
	}, read: (*analyzer).readSplit, tests: []readingTest{{"وبحث عبد الفتاح السيسي مع ماكرون الأوضاع في ليبيا", "met abdel-fattah-el-sisi -> emmanuel-macron", "verb/split"}, {"وبحث رئيس الوزراء العراقي مصطفى الكاظمي، الأحد، مسألة انسحاب نحو ثلاثة آلاف جندي أميركي من البلاد مع منسق البيت الأبيض لشؤون الشرق الأوسط بريت ماكغورك", "met mustafa-al-kadhimi -> brett-mcgurk", "verb/split"}, {"وقال الرئيس التركي رجب طيب أردوغان إن الحل سياسي. وأشاد بجهود حكومة الوفاق في تثبيت الهدنة.", "supported recep-tayyip-erdogan -> gna", "verb/prior"}, {"وتحدث الرئيس التركي رجب طيب أردوغان عن الهدنة. ورأى أن الحل سياسي. كما أشاد بجهود حكومة الوفاق.", "supported recep-tayyip-erdogan -> gna", "verb/prior"}}},
	{name: "refusal/demonym", conf: 0.7, applies: isKind(cueRefusal), read: (*analyzer).readRefusalDemonym, tests: []readingTest{{"وقوبلت الخطة برفض مصري لتصريحات رئيس الوزراء الإثيوبي آبي أحمد", "opposed egypt -> abiy-ahmed", "noun/demonym"}, {"وأثار الاتفاق رفضا تركيا في أنقرة", "", ""}}},
	{name: "refusal/action", conf: 0, applies: isKind(cueRefusal), read: (*analyzer).readRefusedAction, tests: []readingTest{{"ورفض الرئيس عبد الفتاح السيسي تهجير الفلسطينيين إلى سيناء", "", ""}, {"وترفض تركيا تقسيم سوريا", "", ""}, {"ورفضت الجزائر التصريحات المغربية", "opposed algeria -> morocco", "frame/reject/statements"}, {"ورفضت مصر سياسات إسرائيل في غزة", "opposed egypt -> israel", "frame/reject/statements"}, {"ورفضت السعودية أي اعتداء على الأردن", "", ""}}},
	{name: "accusation/complement", conf: 0.8, applies: func(a *analyzer, c cue) bool { return c.kind == cueVerb && a.x.specs[c.spec].accusation }, read: (*analyzer).readAccusation, tests: []readingTest{{"واتهمت قوات فجر ليبيا، بعد ساعات من اشتباكات في محيط المطار، مصر والإمارات بالضلوع في القصف", "opposed libya-dawn -> uae", "accusation/complement"}, {"واتهم الناطق باسم الجيش الوطني الليبي، اللواء أحمد المسماري، قطر بالتدخل في الشأن الليبي", "opposed ahmed-al-mismari -> qatar", "accusation/complement"}, {"واتهمت الحكومة المجتمع الدولي بالتقاعس", "", ""}}},
	{name: "verb/launched-event", conf: 0, applies: func(a *analyzer, c cue) bool { return isVerb(a, c) && c.rel == graph.Opposed }, read: func(a *analyzer, c cue, _ int) (candidate, verdict) {
		// "الذي يشن حملة على الحوثيين، بمبادرة X": a frame verb whose
		// object is the event noun right after it is read by its frame
		// (attack/wage); the actor after على is the event's patient, never
		// the verb's subject.
		if a.frameVerb(c.i) != nil && a.eventNoun(c.j) {
			return candidate{}, veto
		}
		return candidate{}, pass
	}, tests: []readingTest{{"ورحب التحالف، الذي يشن حملة على الحوثيين، بمبادرة الرئيس اليمني السابق علي عبد الله صالح", "", ""}}},
	{name: "verb/relative-object", conf: 0.7, applies: isVerb, read: (*analyzer).readRelativeObject, tests: []readingTest{{"وهاجم البيان الإمارات، التي تتهمها الخرطوم بدعم المتمردين", "opposed sudan -> uae", "verb/relative-object"}}},
	{name: "verb/between", conf: 0.75, applies: isVerb, read: (*analyzer).readVerbBetween, tests: []readingTest{{"والتقى الوفدان بين عبد الفتاح السيسي وماكرون", "met abdel-fattah-el-sisi -> emmanuel-macron", "verb/between"}}},
	{name: "verb/speaker", conf: 0.6, applies: isVerb, read: (*analyzer).readSpeaker, tests: []readingTest{{"وقال الرئيس التركي رجب طيب أردوغان: «نحن ندعم حكومة الوحدة الوطنية»", "supported recep-tayyip-erdogan -> gnu", "verb/speaker"}}},
	{name: "verb/object-list", conf: 0.6, applies: func(a *analyzer, c cue) bool { return isVerb(a, c) && c.rel == graph.Met }, read: (*analyzer).readObjectList, tests: []readingTest{{"وكان الرئيس ميشال عون قد عرض الأوضاع المالية، فاستقبل حاكم مصرف لبنان رياض سلامة، رئيس الحكومة نجيب ميقاتي ووزير المالية يوسف خليل", "met michel-aoun -> najib-mikati", "verb/object-list"}}},
	{name: "verb/subject-first", conf: 0.8, applies: isVerb, read: (*analyzer).readSubjectFirst, tests: []readingTest{{"إيران تدعم جماعة الحوثي في اليمن", "supported iran -> houthis", "verb/subject-first"}}},
	{name: "verb/verb-first", conf: 0.8, applies: isVerb, read: (*analyzer).readVerbFirst, tests: []readingTest{{"وانتقد أردوغان إسرائيل بشدة", "opposed recep-tayyip-erdogan -> israel", "verb/verb-first"}, {"وهاجمت مجموعات مسلحة مجهولة مقار الجيش المالي قرب الحدود مع النيجر", "", ""}}},
	{name: "verb/object-only", conf: 0.55, applies: isVerb, read: (*analyzer).readObjectOnly, tests: []readingTest{{"وقالت روسيا إن الحل سياسي، وانتقدت الولايات المتحدة", "opposed russia -> usa", "verb/carried"}}},
}

// arguments reads the arguments of trigger ci through the clause reader's
// table.
func (a *analyzer) arguments(ci int) (candidate, bool) {
	c := a.cues[ci]
	a.rel = c.rel
	cl := a.clause[c.i]
	for i := range clauseReadings {
		r := &clauseReadings[i]
		if !r.applies(a, c) {
			continue
		}
		switch cand, v := r.read(a, c, cl); v {
		case found:
			return cand, true
		case veto:
			return candidate{}, false
		}
	}
	return candidate{}, false
}

// claimNouns are objects of a refusal that belong to the actor after them
// ("رفضت القرار الأمريكي", "رفض سياسات إسرائيل"): refusing them opposes it.
var claimNouns = map[string]bool{
	"قرار": true, "القرار": true, "اتهامات": true, "الاتهامات": true, "سياسات": true, "السياسات": true, "سياسه": true, "السياسه": true,
	"ممارسات": true, "الممارسات": true, "بيان": true, "البيان": true, "تصريح": true, "التصريح": true, "شروط": true, "الشروط": true,
	"مطالب": true, "المطالب": true, "وجود": true, "الوجود": true, "هيمنه": true, "الهيمنه": true, "احتلال": true, "الاحتلال": true,
}

// readRefusedAction rules out a refusal whose object is an action done to
// the actor after it ("ترفض تقسيم سوريا", "رفض تهجير الفلسطينيين", "ترفض
// المساس بسيادة ليبيا"): the refusal defends that actor, it does not
// oppose it. A stance noun, a claim noun or a demonym agent ("الوجود
// التركي") passes to the next readings.
func (a *analyzer) readRefusedAction(c cue, cl int) (candidate, verdict) {
	k := c.j
	if a.subjectBefore(c.i) < 0 {
		for k < len(a.toks) && a.menAt[k] < 0 && a.cueKindAt(k) == cueTitle {
			k++ // "ورفض الرئيس عبد الفتاح السيسي ...": the subject's title
		}
		if mi := a.menAtToken(k); mi >= 0 {
			k = a.men[mi].j // "ورفضت السعودية أي اعتداء": past the subject
		}
	}
	for k < len(a.toks) && (a.toks[k].Norm == "اي" || a.toks[k].Norm == "كل") {
		k++
	}
	if k+1 >= len(a.toks) || a.clause[k] != cl || a.menAt[k] >= 0 || a.sep[k+1] != 0 ||
		a.cueAt[k] >= 0 && !(a.cues[a.cueAt[k]].kind == cueNoun && a.cues[a.cueAt[k]].rel == graph.Opposed) {
		return candidate{}, pass
	}
	w := a.toks[k].Norm
	if _, ok := a.stance(w); ok || claimNouns[w] || adjectiveShaped(w) || !arabicWord(w) || strings.HasPrefix(w, "ل") && claimNouns["ال"+strings.TrimPrefix(w, "لل")] {
		return candidate{}, pass
	}
	n := k + 1
	if nw := a.toks[n].Norm; a.menAt[n] < 0 && (nw == "علي" || strings.HasPrefix(nw, "ب")) && n+1 < len(a.toks) && a.sep[n+1] == 0 {
		n++ // "المساس بسيادة ليبيا", "اعتداء على الأردن"
	}
	if mi := a.menAt[n]; mi >= 0 && a.clause[n] == cl && !a.men[mi].adjective && a.men[mi].prep != prepClitic {
		return candidate{}, veto // "تقسيم سوريا": the actor undergoes the action
	}
	return candidate{}, pass
}

// embeddedTopic returns the subject of the clause a complementiser opens
// between the topic s and token i ("صرح المتحدث بأن الوزير نقل ...،
// منوها بـ": the minister, not the spokesman), s itself when no
// complementiser stands between, when the embedded subject is the
// speaker's own country ("أن بلاده") or when the embedded clause names no
// actor as its subject.
func (a *analyzer) embeddedTopic(s, i int) int {
	if s < 0 {
		return s
	}
	k := -1
	for j := i - 1; j >= a.men[s].j; j-- {
		if a.cueKindAt(j) == cueComplementizer {
			k = j
			break
		}
	}
	if k < 0 {
		return s
	}
	for mi, m := range a.men {
		if m.i > k && m.i < i && !m.excluded && m.prep == prepNone {
			if a.x.forms[m.form].typ == formPronoun {
				return s // "أعلن X أن بلاده تدعو ...، متهما": X's own country
			}
			return a.head(mi)
		}
	}
	return s
}

// readPassive reads "X المدعومة من Y" (Y supported X) and "X الموالية لـ Y"
// (X supported Y).
func (a *analyzer) readPassive(c cue, cl int) (candidate, verdict) {
	before, nearest := -1, -1
	for k := c.i - 1; k >= 0 && k >= c.i-3 && a.clause[k] == cl; k-- {
		mi := a.menAt[k]
		if mi < 0 && k == c.i-1 && a.sep[c.i] == 0 && !a.cueKindAt(k).isTrigger() && strings.HasPrefix(a.toks[k].Norm, "وال") &&
			strings.HasPrefix(trimConjunction(a.toks[c.i].Norm), "ال") {
			// "مع الحوثيين والقوات الموالية لـ X": the participle describes
			// the conjoined noun, no actor, not the actor before it.
			return candidate{}, veto
		}
		if mi < 0 {
			continue
		}
		if m := a.men[mi]; m.excluded {
			if m.adjective && a.kindOf(m.actor) == graph.KindOrganisation {
				before, nearest = mi, mi // "الميليشيا الحوثية المدعومة من إيران"
			}
			if m.adjective {
				break // "فصائل سورية مدعومة": the noun described is no actor
			}
			continue
		}
		before, nearest = a.head(mi), mi
		break
	}
	if before < 0 {
		before = a.commaHost(c)
		nearest = before
	}
	aft, _ := a.after(c.j, cl, 3, false, 2)
	if aft >= 0 && before < 0 && c.kind == cuePassive && c.i > 0 && a.menAt[c.i-1] < 0 && !strings.HasPrefix(trimConjunction(a.toks[c.i].Norm), "ال") {
		// Not "الفصائل المدعومة من تركيا": a definite participle describes
		// the noun before it, here no actor.
		// "وتم إنقاذه بمساعدة الجيش الأمريكي": the pronoun is the topic;
		// not "متهما بمساعدة روسيا", the charge against someone else.
		if t := a.topic(c.i); t >= 0 && !a.charge(c.i) {
			return candidate{src: a.sameKind(a.list(aft)), tgt: a.list(t), rule: "passive/topic", conf: 0.5}, found
		}
	}
	if before < 0 || aft < 0 {
		return candidate{}, veto
	}
	if strings.HasPrefix(trimConjunction(a.toks[c.i].Norm), "ب") && a.verbObjectAt(a.men[before].i) {
		// "الهجمات التي تستهدف السعودية بدعم من إيران": the means of the
		// act, not support for its object.
		return candidate{}, veto
	}
	host := a.listBefore(before, c.i)
	if len(host) > 1 && singularParticiple(a.toks[c.i].Norm) {
		// "بين المغرب وجبهة البوليساريو المدعومة من الجزائر": a singular
		// participle describes the nearest actor only.
		host = []int{nearest}
	}
	if c.kind == cuePassive {
		return candidate{src: a.sameKind(a.list(aft)), tgt: host, rule: "passive", conf: 0.75}, found
	}
	return candidate{src: host, tgt: a.list(aft), rule: "participle", conf: 0.75}, found
}

// commaHost returns the actor a definite participle set off by a comma
// describes ("جماعة نصرة الإسلام والمسلمين، الموالية لتنظيم القاعدة،",
// "الحوثيون، المدعومون من إيران،"): the actor ending right before the
// comma, or -1.
func (a *analyzer) commaHost(c cue) int {
	if c.i == 0 || a.sep[c.i] != ',' || !strings.HasPrefix(trimConjunction(a.toks[c.i].Norm), "ال") {
		return -1
	}
	mi := a.menAt[c.i-1]
	if mi < 0 || a.men[mi].j != c.i || a.men[mi].excluded {
		return -1
	}
	return a.head(mi)
}

// charge reports whether the word before token i is an accusation
// ("متهما", "اتهمت", "بتهمة"): a noun with ب at i is then what someone is
// accused of, not the means of the topic's act.
func (a *analyzer) charge(i int) bool {
	if i == 0 || a.cueAt[i-1] < 0 {
		return false
	}
	c := a.cues[a.cueAt[i-1]]
	return c.kind == cueCircumstantial || a.x.specs[c.spec].accusation
}

// singularParticiple reports whether a participle is singular: no dual or
// plural ending ("المدعومة", not "المدعومين", "المدعومتين", "المدعومون").
func singularParticiple(w string) bool {
	for _, suf := range []string{"ين", "ون", "ان", "تين", "تان", "ات"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// readReliance reads "اعتماده على قوات فاغنر", "اعتماد قواته على موسكو".
func (a *analyzer) readReliance(c cue, cl int) (candidate, verdict) {
	for k := c.j; k < len(a.toks) && k <= c.j+3 && a.clause[k] == cl; k++ {
		if a.toks[k].Norm != "علي" || a.cueKindAt(k) != cueParty {
			continue
		}
		src, _ := a.after(k+1, cl, 3, false, 3)
		if src < 0 {
			return candidate{}, veto
		}
		tgt := -1
		if mi := a.menAt[c.j]; mi >= 0 && !a.men[mi].excluded && a.men[mi].i < k {
			tgt = mi
		} else {
			tgt = a.subjectBefore(c.i)
		}
		if tgt < 0 {
			return candidate{}, veto
		}
		return candidate{src: a.list(src), tgt: a.list(tgt), rule: "reliance", conf: 0.6}, found
	}
	return candidate{}, veto
}

// statementAside reports whether tokens [from, to) are "في بيان" without
// commas, with at most one word after the noun ("في بيان له", "في بيان
// رسمي"): an aside between a verb's subject and its object.
func (a *analyzer) statementAside(from, to int) bool {
	n := to - from
	if n < 2 || n > 3 || a.toks[from].Norm != "في" || !a.x.words[cueGrSpeechNoun][a.toks[from+1].Norm] {
		return false
	}
	for k := from + 1; k < to; k++ {
		if a.sep[k] != 0 || a.menAt[k] >= 0 {
			return false
		}
	}
	return true
}

// readDemand reads "دعت واشنطن ... حفتر إلى إنهاء هجومه" (pressure against
// Haftar) and blame ("حمّلت حماس إسرائيل مسؤولية ...").
func (a *analyzer) readDemand(c cue, cl int) (candidate, verdict) {
	s, from := a.subjectAround(c, cl, 8)
	if s < 0 {
		return candidate{}, veto
	}
	t, _ := a.after(from, cl, 16, true, 16)
	if t < 0 {
		return candidate{}, veto
	}
	end := a.listEnd(t)
	if a.x.specs[c.spec].blame {
		// "حملت إيران، في بيان، إسرائيل": an aside closed right before the
		// blamed; not "حمّل حفتر، سياسيي ليبيا": a genitive.
		if (a.adjacent(from, a.men[t].i) || a.men[t].i-from <= 4 && a.sep[a.men[t].i] == ',' || a.statementAside(from, a.men[t].i)) && a.blameObjectAfter(end) {
			return candidate{src: a.list(s), tgt: a.list(t), rule: "blame", conf: 0.6}, found
		}
		return candidate{}, veto
	}
	if end+1 < len(a.toks) && a.toks[end].Norm == "الي" && a.x.demandObjects[a.toks[end+1].Norm] {
		return candidate{src: a.list(s), tgt: a.list(t), rule: "demand", conf: 0.6}, found
	}
	// "طالبت X بالانسحاب", "طالب X رسميا بوقف", "بألا": the demand with ب,
	// after an adverb at most.
	k := end
	if k+1 < len(a.toks) && a.menAt[k] < 0 && a.cueAt[k] < 0 && strings.HasSuffix(a.toks[k].Norm, "يا") {
		k++
	}
	if k < len(a.toks) && a.sep[k] == 0 {
		if w, ok := strings.CutPrefix(a.toks[k].Norm, "ب"); ok && (a.x.demandObjects[w] || a.x.demandObjects["ال"+strings.TrimPrefix(w, "ال")]) {
			return candidate{src: a.list(s), tgt: a.list(t), rule: "demand", conf: 0.6}, found
		}
	}
	return candidate{}, veto
}

// readReceive reads "استوردتها حكومة الوفاق ... من تركيا": Turkey
// supported the GNA.
func (a *analyzer) readReceive(c cue, cl int) (candidate, verdict) {
	tgt, from := a.subjectAround(c, cl, 4)
	if tgt < 0 {
		return candidate{}, veto
	}
	for k := from; k+1 < len(a.toks) && k < from+verbWindow && a.clause[k] == cl; k++ {
		if a.toks[k].Norm == "من" && a.cueAt[k] >= 0 {
			if mi := a.menAt[k+1]; mi >= 0 && !a.men[mi].adjective {
				return candidate{src: a.sameKind(a.list(mi)), tgt: a.list(tgt), rule: "receive", conf: 0.65}, found
			}
			return candidate{}, veto
		}
		if a.cueKindAt(k).isTrigger() || messageWords[trimConjunction(a.toks[k].Norm)] {
			return candidate{}, veto // "تسلم رسالة خطية من X": a message is no support
		}
	}
	return candidate{}, veto
}

// messageWords are what a receiving verb may take that is no support: a
// message, a cable, an invitation, credentials.
var messageWords = map[string]bool{
	"رساله": true, "الرساله": true, "رسالتين": true, "برقيه": true, "البرقيه": true, "دعوه": true, "الدعوه": true,
	"اوراق": true, "نسخه": true, "مذكره": true, "المذكره": true, "تقريرا": true, "التقرير": true, "اتصالا": true,
}

// readCircumstantial reads "..., متهما X بـ": the sentence's subject acts
// on the actor after the participle.
func (a *analyzer) readCircumstantial(c cue, cl int) (candidate, verdict) {
	if p := trimConjunction(c.prefix); strings.HasPrefix(p, "ب") || strings.HasPrefix(p, "ل") || a.isWord(cueCircumstance, c.i-1) {
		return candidate{}, veto // "بعد مطالبة مجلس الأمن": a verbal noun, no participle
	}
	top := a.topic(c.i)
	if top < 0 {
		top = a.speakerOf(c.i) // "قال حفتر إن الحل سياسي، متهما أنقرة بـ"
	}
	s, t := a.embeddedTopic(top, c.i), -1
	if s >= 0 {
		if a.detachedPronoun(c.j) {
			// "قطعت X علاقاتها مع Y، متهمة إياها بـ": the subject is the
			// last verb's, the pronoun the actor named last before.
			if vs := a.lastVerbSubject(c.i); vs >= 0 {
				s = vs
			}
			t = a.antecedent(c.i, s)
		} else {
			t, _ = a.after(c.j, cl, verbWindow, false, verbNear)
		}
	}
	if t < 0 {
		return candidate{}, veto
	}
	if a.men[t].actor == a.men[s].actor {
		// "أكد X أن مصر تؤدي دورا محوريا، مشيدا بما تبذله القاهرة": one
		// does not praise oneself; the speaker does.
		if sp := a.speakerOf(c.i); sp >= 0 {
			s = sp
		}
	}
	return candidate{src: a.list(s), tgt: a.list(t), rule: "circumstantial", conf: 0.6}, found
}

// speakerOf returns the first actor of the sentence before token pos that
// is the subject of a reporting verb ("قال X إن ..."), not a cited source,
// or -1.
func (a *analyzer) speakerOf(pos int) int {
	for mi, m := range a.men {
		if m.i >= pos {
			break
		}
		if !m.excluded && m.prep == prepNone && a.reporter(mi) && !a.x.words[cueGrAttribution][trimConjunction(a.tokenBefore(m.i))] {
			return a.head(mi)
		}
	}
	return -1
}

// readNounBetween reads "لقاء بين X و Y": the actors met each other; an
// opposed noun before "بين" ("الحرب بين X و Y") makes each oppose the other.
func (a *analyzer) readNounBetween(c cue, cl int) (candidate, verdict) {
	if c.rel == graph.Opposed {
		if b := a.betweenList(c.j, cl); b >= 0 {
			return candidate{src: a.list(b), pairs: true, mutual: true, rule: "mutual/between", conf: 0.7}, found
		}
		return candidate{}, pass
	}
	if c.rel != graph.Met {
		return candidate{}, pass
	}
	if b := a.betweenList(c.j, cl); b >= 0 && !a.otherTriggerBetween(c, a.men[b].i) {
		return candidate{src: a.list(b), pairs: true, rule: "noun/between", conf: 0.75}, found
	}
	return candidate{}, pass
}

// otherTriggerBetween reports whether a trigger of another relation than
// cue c's stands between c and token end ("حوار يهدف إلى تعزيز التعاون
// بين X وY": the parties are the cooperation's, not the dialogue's).
func (a *analyzer) otherTriggerBetween(c cue, end int) bool {
	for k := c.j; k < end && k < len(a.toks); k++ {
		if ci := a.cueAt[k]; ci >= 0 && a.cues[ci].kind.isTrigger() && a.cues[ci].rel != c.rel {
			return true
		}
	}
	return false
}

// readNoun reads a verbal noun's arguments (nounArguments).
func (a *analyzer) readNoun(c cue, _ int) (candidate, verdict) {
	if a.coordinatedTrigger(c) {
		return candidate{}, veto
	}
	for ci := range a.cues {
		if a.cues[ci].i == c.i {
			if cand, ok := a.nounArguments(ci); ok {
				return cand, found
			}
			break
		}
	}
	return candidate{}, veto
}

// readMutual reads "صراع بين X و Y": each opposed the other.
func (a *analyzer) readMutual(c cue, cl int) (candidate, verdict) {
	if b := a.betweenList(c.j, cl); b >= 0 {
		return candidate{src: a.list(b), pairs: true, mutual: true, rule: "mutual/between", conf: 0.7}, found
	}
	if sides := a.possessedSides(c.j, cl); len(sides) == 2 {
		return candidate{src: sides, pairs: true, mutual: true, rule: "mutual/between", conf: 0.65}, found
	}
	return candidate{}, veto
}

// possessedSides returns the two sides after "بين" when they are named by
// what belongs to them ("بين قوات الدبيبة وباشاغا", "بين حكومة X وحكومة
// Y"): the persons or bodies behind the forces and governments, or nil.
func (a *analyzer) possessedSides(pos, cl int) []int {
	k := pos
	for k < len(a.toks) && k < pos+3 && a.cueKindAt(k) != cueBetween {
		k++
	}
	if k >= len(a.toks) || a.cueKindAt(k) != cueBetween {
		return nil
	}
	var sides []int
	for j := k + 1; j < len(a.toks) && j < k+10 && a.clause[j] == cl && len(sides) < 2; j++ {
		mi := a.menAt[j]
		if mi < 0 {
			continue
		}
		m := a.men[mi]
		j = m.j - 1
		if m.excluded && !(a.cueKindAt(m.i-1) == cuePossessor || len(sides) == 1 && m.conj && a.kindOf(m.actor) == graph.KindPerson) {
			continue
		}
		if len(sides) == 1 && (!m.conj || m.actor == a.men[sides[0]].actor) {
			continue
		}
		sides = append(sides, mi)
	}
	if len(sides) < 2 {
		return nil
	}
	return sides
}

// readSplit reads a verb whose subject stands between it and its
// preposition ("بحث عباس مع الملك عبد الله"), and joint subjects of a
// meeting verb ("وبحث السيسي وماكرون الأوضاع").
func (a *analyzer) readSplit(c cue, cl int) (candidate, verdict) {
	cand, ok := a.splitArguments(c, cl, a.x.specs[c.spec].splitPrep)
	if !ok && c.rel == graph.Met {
		if s, _ := a.subjectAround(c, cl, 6); s >= 0 && len(a.list(s)) > 1 && !a.eachOfBefore(a.men[s].i) {
			return candidate{src: a.list(s), pairs: true, rule: "verb/list", conf: 0.7}, found
		}
	}
	if ok {
		return cand, found
	}
	return candidate{}, veto
}

// readRelativeObject reads "الإمارات، التي تتهمها الخرطوم بـ": the
// relative pronoun's antecedent is the verb's object, the actor after it
// its subject.
func (a *analyzer) readRelativeObject(c cue, cl int) (candidate, verdict) {
	if !objectPronoun(a.toks[c.i].Norm) || a.x.specs[c.spec].kind != cueVerb {
		return candidate{}, pass
	}
	t := a.relativeAntecedent(c.i)
	if t < 0 {
		return candidate{}, pass
	}
	if s, _ := a.after(c.j, cl, 4, true, 4); s >= 0 {
		return candidate{src: a.list(s), tgt: a.list(t), rule: "verb/relative-object", conf: 0.7}, found
	}
	return candidate{}, veto
}

// readVerbBetween reads a meeting verb before "بين X و Y".
func (a *analyzer) readVerbBetween(c cue, cl int) (candidate, verdict) {
	if c.rel != graph.Met {
		return candidate{}, pass
	}
	if b := a.betweenList(c.j, cl); b >= 0 {
		return candidate{src: a.list(b), pairs: true, rule: "verb/between", conf: 0.75}, found
	}
	return candidate{}, pass
}

// commaSubject returns the person named with his titles right before a
// comma and a verb without clitics, when that title run opens the sentence
// or a reported clause ("أفادت وسائل إعلام بأن رئيس المجلس السيادي الفريق
// أول عبد الفتاح البرهان، استقبل الرئيس الإريتري"), or -1.
func (a *analyzer) commaSubject(c cue) int {
	if c.prefix != "" || c.i < 1 || a.sep[c.i] != ',' {
		return -1
	}
	mi := a.menAt[c.i-1]
	if mi < 0 {
		return -1
	}
	m := a.men[mi]
	if m.excluded || m.prep != prepNone || a.kindOf(m.actor) != graph.KindPerson {
		return -1
	}
	start := m.i
	if t := a.titleStart(m.i); t >= 0 {
		start = t
	}
	if start == 0 || a.cueKindAt(start-1) == cueComplementizer {
		return a.head(mi)
	}
	return -1
}

// readObjectList reads a meeting verb that continues the sentence's subject
// with a list of persons after it, separated by commas ("الرئيس بري ...،
// فاستقبل حاكم المصرف X، رئيس اللجنة Y وZ"): all are its objects, not a
// subject and its objects. It reads only a verb with ف, or a list of three
// or more, whose clause names no subject before it.
func (a *analyzer) readObjectList(c cue, cl int) (candidate, verdict) {
	p := strings.TrimLeft(c.prefix, "و")
	if c.prefix == "" || a.subjectBefore(c.i) >= 0 {
		return candidate{}, pass
	}
	s, _ := a.after(c.j, cl, 6, true, 6)
	if s < 0 || a.kindOf(a.men[s].actor) != graph.KindPerson || len(a.list(s)) > 1 {
		return candidate{}, pass
	}
	end := a.men[s].j
	if end >= len(a.toks) || a.sep[end] != ',' {
		return candidate{}, pass
	}
	k := end
	for k < len(a.toks) && k < end+6 && a.menAt[k] < 0 && (k == end || a.sep[k] == 0) {
		if kind := a.cueKindAt(k); kind != cueTitle && kind != cueStateAgent && kind != cuePossessor && kind != cueNone {
			break
		}
		k++
	}
	if k >= len(a.toks) || k == end || a.menAt[k] < 0 || a.clause[k] != cl {
		return candidate{}, pass
	}
	t := a.menAt[k]
	if a.men[t].i != k || a.kindOf(a.men[t].actor) != graph.KindPerson || p != "ف" && len(a.list(t)) < 2 {
		return candidate{}, pass
	}
	subj := -1
	for mi, m := range a.men {
		if m.i >= c.i {
			break
		}
		if !m.excluded && m.prep == prepNone && a.clause[m.i] < cl {
			subj = a.head(mi)
			break
		}
	}
	if subj < 0 || a.men[subj].actor == a.men[s].actor {
		return candidate{}, pass
	}
	return candidate{src: []int{subj}, tgt: append([]int{s}, a.list(t)...), rule: "verb/object-list", conf: 0.6}, found
}

// verbWindowOf is how far after a verb its target may stand.
func verbWindowOf(c cue) int {
	if c.rel == graph.Met {
		return targetWindow
	}
	return verbWindow
}

// triggerBetween reports whether a trigger word stands in tokens [from,
// to): "إدانة الأردن للهجوم على سوريا" marks with على the target of the
// attack, not of the condemnation whose genitive is Jordan.
func (a *analyzer) triggerBetween(from, to int) bool {
	for k := from; k < to && k < len(a.toks); k++ {
		if a.cueKindAt(k).isTrigger() {
			return true
		}
	}
	return false
}

// storedOrRelative reports whether a noun at c cannot take the actor t
// after it as its target under a subject: a support noun naming what a site
// holds ("الضربات التي قادتها واشنطن على مواقع أسلحة الحوثيين"), or t the
// subject of a relative clause on an opposed noun ("الهجمات التي شنها
// الحوثيون": the attackers, not the attacked).
func (a *analyzer) storedOrRelative(c cue, t int) bool {
	if c.rel == graph.Supported && c.i > 0 && a.x.words[cueGrArmsStore][trimConjunction(a.toks[c.i-1].Norm)] {
		return true
	}
	if c.rel != graph.Opposed {
		return false // "تقديره للدور الذي تلعبه مصر": the one whose role is praised
	}
	ti := a.men[t].i
	for k := c.j; k < ti-1 && k <= c.j+3; k++ {
		if a.cueKindAt(k) == cueRelative && ti-k <= 2 && a.menAt[k+1] < 0 {
			return true
		}
	}
	return false
}

// skipLaunched returns the token after what is launched ("إطلاق صواريخ
// باليستية على"): at most two indefinite words that name no actor and no
// cue, starting at on.
func (a *analyzer) skipLaunched(on int) int {
	for n := 0; n < 2 && on < len(a.toks) && a.sep[on] == 0 && a.menAt[on] < 0 && a.cueAt[on] < 0 && !strings.HasPrefix(a.toks[on].Norm, "ال"); n++ {
		on++
	}
	return on
}

// verbObjectAt reports whether the actor starting at token i is the
// object of a trigger verb right before it (past its subject).
func (a *analyzer) verbObjectAt(i int) bool {
	k := i - 1
	if k >= 0 && a.menAt[k] >= 0 {
		k = a.men[a.menAt[k]].i - 1
	}
	return k >= 0 && a.cueKindAt(k) == cueVerb
}

// warnedThat reports whether the actor t warned by the verb of c is told
// something (بأن, من أن after it), not threatened.
func (a *analyzer) warnedThat(c cue, t int) bool {
	if !a.x.words[cueGrWarnVerb][trimConjunction(a.toks[c.i].Norm)] {
		return false
	}
	e := a.listEnd(t)
	if e >= len(a.toks) {
		return false
	}
	switch a.toks[e].Norm {
	case "بان", "بانه", "بانها", "بانهم":
		return true
	case "من":
		return e+1 < len(a.toks) && strings.HasPrefix(a.toks[e+1].Norm, "ان")
	}
	return false
}

// accusedAfter returns the actor right after the genitive g of an
// accusation noun, before the complement with ب ("اتهام الخرطوم أبو ظبي
// بتزويد …": Khartoum accuses Abu Dhabi), or -1.
func (a *analyzer) accusedAfter(c cue, g int) int {
	if w := trimConjunction(a.toks[c.i].Norm); !a.x.specs[c.spec].accusation && w != "اتهام" && w != "الاتهام" {
		return -1
	}
	e := a.listEnd(g)
	if e >= len(a.toks) || a.sep[e] != 0 || a.menAt[e] < 0 {
		return -1
	}
	t := a.menAt[e]
	if m := a.men[t]; m.excluded || m.prep != prepNone {
		return -1
	}
	if end := a.listEnd(t); end >= len(a.toks) || !strings.HasPrefix(trimConjunction(a.toks[end].Norm), "ب") {
		return -1
	}
	return t
}

// descriptionReach is how many words a description set off by commas after
// a subject may hold ("، المرتبطة بتنظيم القاعدة،").
const descriptionReach = 8

// pastDescription returns the token after a description of the subject
// ending at k: a definite word opening an aside after a comma, with a
// preposition right after it ("حركة الشباب، المرتبطة بتنظيم القاعدة،",
// "، المقربة من إيران،"), closed by a comma; the actor inside describes
// the subject and is not the verb's object. Else k.
func (a *analyzer) pastDescription(k int) int {
	if k+1 >= len(a.toks) || a.sep[k] != ',' || a.menAt[k] >= 0 || !strings.HasPrefix(a.toks[k].Norm, "ال") || a.cueKindAt(k).isTrigger() {
		return k
	}
	switch w := a.toks[k+1].Norm; {
	case w == "من", w == "مع":
	case (strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل")) && (a.menAt[k+1] >= 0 || a.cueKindAt(k+1) == cueTitle):
	default:
		return k
	}
	for e := k + 2; e < len(a.toks) && e <= k+descriptionReach; e++ {
		if a.sep[e] == ',' {
			return e
		}
		if a.sep[e] != 0 {
			return k
		}
	}
	return k
}

// readSubjectFirst reads a verb with its subject before it ("ترامب يدعم
// حفتر").
func (a *analyzer) readSubjectFirst(c cue, cl int) (candidate, verdict) {
	if a.indefiniteAntecedent(c) {
		return candidate{}, veto
	}
	s := a.subjectBefore(c.i)
	if s < 0 {
		s = a.commaSubject(c)
	}
	if s < 0 {
		return candidate{}, pass
	}
	if t := a.nounAgentAfter(c.j, cl); t >= 0 {
		return candidate{src: a.list(s), tgt: []int{t}, rule: "verb/noun-agent", conf: 0.7}, found
	}
	t, via := a.after(c.j, cl, verbWindowOf(c), false, verbNear)
	if t < 0 || via == cueBetween && c.rel != graph.Met || a.locativeState(c, t) {
		return candidate{}, veto // "تدعم جهود الوساطة بين X و Y", "تدعم الإرهاب بليبيا"
	}
	if c.rel == graph.Met && via == cueBetween && len(a.list(t)) > 1 {
		return candidate{src: a.list(t), pairs: true, rule: "verb/between", conf: 0.75}, found
	}
	return candidate{src: a.list(s), tgt: a.list(t), rule: "verb/subject-first", conf: 0.8}, found
}

// readVerbFirst reads a verb with its subject after it ("وانتقد ماك
// ممارسات حفتر").
func (a *analyzer) readVerbFirst(c cue, cl int) (candidate, verdict) {
	if a.x.specs[c.spec].endsWithPrep {
		return candidate{}, pass
	}
	s, via := a.after(c.j, cl, 6, true, 6)
	if s < 0 {
		return candidate{}, pass
	}
	if c.rel != graph.Met && a.unnamedSubject(c.j, a.men[s].i) {
		return candidate{}, veto
	}
	if c.rel == graph.Met && len(a.list(s)) > 1 && via == cueBetween {
		return candidate{src: a.list(s), pairs: true, rule: "verb/between", conf: 0.75}, found
	}
	// "وقالت قسد ...، واتهمت موسكو بـ": a coordinated verb whose object is
	// followed by the accusation's complement.
	if end := a.listEnd(s); a.x.specs[c.spec].accusation && end < len(a.toks) && a.menAt[end] < 0 &&
		strings.HasPrefix(strings.TrimLeft(a.toks[end].Norm, "و"), "ب") {
		if cs := a.carriedSubject(c); cs >= 0 && a.men[cs].actor != a.men[s].actor {
			return candidate{src: a.list(cs), tgt: a.list(s), rule: "verb/carried", conf: 0.55}, found
		}
		// "التحالف يتهم حزب الله بدعم ...": the actor is the accused; the
		// accuser is not among the actors.
		return candidate{}, veto
	}
	from := a.pastDescription(a.listEnd(s))
	t := a.nounAgentAfter(from, cl)
	if t < 0 {
		t, _ = a.after(from, cl, verbWindowOf(c), false, verbNear)
		if t >= 0 && a.men[t].actor == a.men[s].actor {
			// "التقى الأمير محمد بن سلمان، ولي العهد السعودي ...، الرئيس
			// التركي": the subject's own title, then the object.
			t, _ = a.after(a.men[t].j, cl, verbWindowOf(c), false, verbNear)
		}
	}
	if t >= 0 && !a.locativeState(c, t) && !a.subjectPlace(c, s, t) && !a.warnedThat(c, t) {
		return candidate{src: a.list(s), tgt: a.list(t), rule: "verb/verb-first", conf: 0.8}, found
	}
	if c.rel == graph.Met && len(a.list(s)) > 1 && !a.punctuated(c.j, a.men[s].i) && !a.eachOfBefore(a.men[s].i) && !a.unnamedTitleBetween(c.j, a.men[s].i) {
		// "والتقى السيسي وماكرون": joint subjects right after the verb; a
		// list after a comma is the objects of an unnamed subject.
		return candidate{src: a.list(s), pairs: true, rule: "verb/list", conf: 0.7}, found
	}
	// "انتقد الصفدي ...، وحذّر نتنياهو من ...": the only actor after a
	// coordinated verb is its object.
	if !a.men[s].stateAgent && a.adjacent(c.j, a.men[s].i) && !a.definiteObjectAt(a.listEnd(s)) {
		if cs := a.carriedSubject(c); cs >= 0 && a.men[cs].actor != a.men[s].actor {
			return candidate{src: a.list(cs), tgt: a.list(s), rule: "verb/carried", conf: 0.55}, found
		}
	}
	return candidate{}, veto
}

// unnamedSubject reports whether the word right after a verb (at k),
// before its first actor (at i), is an indefinite plain noun, no actor,
// cue, time word or adverb: the verb's subject is unnamed ("هددت فصائل
// عراقية مصالح الولايات المتحدة", "مثلما هددت فعلت، روسيا"), and the
// actor after it is its object or another clause's, never its subject.
// A name right after the noun is its genitive and says who acts ("هدد
// قادة المجموعة الاقتصادية لدول غرب أفريقيا"); a demonym there only
// describes it.
func (a *analyzer) unnamedSubject(k, i int) bool {
	if k >= i || k >= len(a.toks) || a.sep[k] != 0 || a.menAt[k] >= 0 || a.cueAt[k] >= 0 {
		return false
	}
	if i == k+1 && a.sep[i] == 0 && a.menAt[i] >= 0 && a.x.forms[a.men[a.menAt[i]].form].typ != gazetteer.FormDemonym {
		return false // "هدد قادة إيكواس": the noun's genitive names who acts
	}
	w := trimConjunction(a.toks[k].Norm)
	if a.x.words[cueGrSubjectOpener][w] {
		return false // "اتهمت كل من روسيا وسوريا إسرائيل"
	}
	if definite(w) || a.x.words[cueGrTimeWord][w] || strings.HasSuffix(w, "ا") || strings.HasSuffix(w, "اً") ||
		strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "في") {
		return false
	}
	return a.kindAt[k] == 0
}

// readSpeaker reads a verb in the first person plural whose speaker is
// quoted before it: the speaker is the subject, the actor after the verb
// the target.
func (a *analyzer) readSpeaker(c cue, cl int) (candidate, verdict) {
	s := a.firstPersonSpeaker(c)
	if s < 0 {
		return candidate{}, pass
	}
	t, _ := a.after(c.j, cl, verbWindowOf(c), false, verbNear)
	if t < 0 || a.men[t].actor == a.men[s].actor {
		return candidate{}, pass
	}
	return candidate{src: []int{s}, tgt: a.list(t), rule: "verb/speaker", conf: 0.6}, found
}

// firstPersonSpeaker returns the speaker of a verb in the first person
// plural after "نحن" or "إننا", or opening a quotation ("قال أردوغان: «نحن
// ندعم حكومة الوحدة»", "قال إننا نرفض"): the person quoted before it, or -1.
func (a *analyzer) firstPersonSpeaker(c cue) int {
	if c.i == 0 || c.prefix != "" && c.prefix != "و" && c.prefix != "ف" || !strings.HasPrefix(strings.TrimPrefix(a.toks[c.i].Norm, c.prefix), "ن") {
		return -1
	}
	k := c.i - 1
	switch trimConjunction(a.toks[k].Norm) {
	case "نحن", "اننا", "فاننا", "لاننا":
		if s := a.quoteSpeaker(k); s >= 0 {
			return s
		}
		for mi := len(a.men) - 1; mi >= 0; mi-- {
			if m := a.men[mi]; m.j <= k && !m.external && !m.carried && a.reporter(mi) {
				return a.head(mi)
			}
		}
		return -1
	}
	return a.quoteSpeaker(c.i)
}

// indefiniteAntecedent reports whether verb c opens a relative clause
// without a relative pronoun, as Arabic writes one after an indefinite noun
// ("على شركات ساعدت موسكو", "جماعة تدعم الحوثيين"): the noun is the
// verb's subject, so neither the actor before it nor a carried subject is.
// The noun is a plain word right before the verb: no و or ف, no article,
// no possessive pronoun, no accusative adverb ("هاتفيا"), no cue or name;
// the verb has a verb's shape (يدعم, ساعدت, دعموا), not a verbal noun's.
func (a *analyzer) indefiniteAntecedent(c cue) bool {
	k := c.i - 1
	if k < 0 || c.kind != cueVerb || c.prefix != "" || a.sep[c.i] != 0 || a.menAt[k] >= 0 || a.cueAt[k] >= 0 {
		return false
	}
	if v := a.toks[c.i].Norm; !strings.HasPrefix(v, "ي") && !(strings.HasSuffix(v, "ت") && !strings.HasSuffix(v, "ات")) && !strings.HasSuffix(v, "وا") {
		return false // "نتيجة رفض باريس": a verbal noun, not a verb
	}
	w := a.toks[k].Norm
	if !arabicWord(w) || utf8.RuneCountInString(w) < 3 || a.lookupWord(cueNameStop, w) {
		return false
	}
	switch w[:len("و")] {
	case "و", "ف":
		return false
	}
	return !strings.HasPrefix(w, "ال") && !strings.HasSuffix(w, "ا") && !strings.HasSuffix(w, "ها") && !strings.HasSuffix(w, "هم") && !strings.HasSuffix(w, "هما")
}

// definiteObjectAt reports whether a definite noun that is no actor and no
// cue stands at token k, right after an actor that follows a verb: the
// actor is then the verb's subject and the noun its object ("تتهم واشنطن
// البلدين بـ"), not the object of a carried subject.
func (a *analyzer) definiteObjectAt(k int) bool {
	if k >= len(a.toks) || a.sep[k] != 0 || a.menAt[k] >= 0 || a.cueAt[k] >= 0 {
		return false
	}
	return strings.HasPrefix(a.toks[k].Norm, "ال")
}

// readObjectOnly reads a verb whose clause names only its object: the
// subject is the sentence's (a coordinated verb), the previous sentence's,
// or the topic's.
func (a *analyzer) readObjectOnly(c cue, cl int) (candidate, verdict) {
	if a.indefiniteAntecedent(c) {
		return candidate{}, veto
	}
	near := 0
	if a.x.specs[c.spec].endsWithPrep {
		near = verbNear
	}
	t, _ := a.after(c.j, cl, verbWindowOf(c), false, near)
	if t < 0 {
		return candidate{}, veto
	}
	// A clause without a subject continues the sentence's ("تدعمان حلا،
	// وتضغطان على X"); a relative clause's is its antecedent.
	if s := a.carriedSubject(c); s >= 0 {
		return candidate{src: a.list(s), tgt: a.list(t), rule: "verb/carried", conf: 0.55}, found
	}
	if s := a.priorMention(c); s >= 0 {
		return candidate{src: []int{s}, tgt: a.list(t), rule: "verb/prior", conf: 0.5}, found
	}
	if s := a.topic(c.i); s >= 0 && a.cueKindAt(c.i-1) != cueRelative {
		return candidate{src: a.list(s), tgt: a.list(t), rule: "verb/topic", conf: 0.55}, found
	}
	return candidate{}, veto
}

// detachedPronoun reports whether token k is a detached object pronoun
// ("إياها", "إياهم").
func (a *analyzer) detachedPronoun(k int) bool {
	if k < 0 || k >= len(a.toks) {
		return false
	}
	switch a.toks[k].Norm {
	case "اياه", "اياها", "اياهم", "اياهما", "اياهن":
		return true
	}
	return false
}

// antecedent returns the last eligible actor named before token i other
// than the mention s, the referent of a pronoun there, or -1.
func (a *analyzer) antecedent(i, s int) int {
	for mi := len(a.men) - 1; mi >= 0; mi-- {
		m := a.men[mi]
		if m.j <= i && !m.external && !m.carried && !m.adjective && mi != s && a.men[mi].actor != a.men[s].actor {
			return a.head(mi)
		}
	}
	return -1
}

// lastVerbSubject returns the subject of the last verb before token i (a
// trigger or a frame verb) named after or before it in its clause, or -1.
func (a *analyzer) lastVerbSubject(i int) int {
	for v := i - 1; v >= 0; v-- {
		if a.cueKindAt(v) == cueVerb {
			if c := a.cues[a.cueAt[v]]; c.i != v || strings.Trim(c.prefix, "وف") != "" {
				continue // "بالضغط على": a noun read like the verb
			}
		} else if a.frameVerb(v) == nil {
			continue
		}
		if l := a.subjectAfter(v, min(i, v+8)); l != nil {
			return l[0]
		}
		return a.subjectBefore(v)
	}
	return -1
}

// accusationReach is how many words after an accusation verb its
// complement with ب may stand, asides and relative clauses included.
const accusationReach = 24

// readAccusation reads an accusation by its complement ("اتهم X Y بدعم
// ...", "اتهمت قوات X التي ...، بعد ...، مصر والإمارات بالضلوع"): the
// actors right before the word with ب are the accused, whatever asides
// or relative clauses stand between them and the verb; the accuser is the
// person among the actors between (the spokesman named after his title),
// else the first of them, else the verb's subject before it.
func (a *analyzer) readAccusation(c cue, _ int) (candidate, verdict) {
	if v := a.toks[c.j-1].Norm; strings.Contains(v, "تهم") && strings.Contains(v[strings.LastIndex(v, "تهم")+len("تهم"):], "ه") {
		return candidate{}, pass // "التي تتهمها الخرطوم بدعم ...": the accused is the pronoun
	}
	k, accused := a.accusedBefore(c)
	if accused < 0 {
		if k >= 0 {
			return candidate{}, veto // "اتهمت روسيا الغرب بدعم أوكرانيا": the accused is no actor
		}
		return candidate{}, pass
	}
	src, governedEnd := -1, -1
	for j := c.j; j < a.men[accused].i; j++ {
		mi := a.menAt[j]
		if mi < 0 {
			continue
		}
		m := a.men[mi]
		j = m.j - 1
		if m.excluded || m.prep != prepNone || m.i > 0 && a.x.words[cueGrGoverning][trimConjunction(a.toks[m.i-1].Norm)] || m.i == governedEnd {
			// "الحليف الرئيسي للولايات المتحدة في حربها ضد تنظيم الدولة
			// داعش": no accuser, nor the name repeated after one.
			governedEnd = m.j
			continue
		}
		if src < 0 || a.kindOf(m.actor) == graph.KindPerson {
			src = mi
		}
	}
	if src < 0 {
		src = a.subjectBefore(c.i)
	}
	if src < 0 || a.men[src].actor == a.men[accused].actor || a.affiliated(a.men[src].actor, a.men[accused].actor) {
		return candidate{}, pass
	}
	srcs := []int{src}
	if a.kindOf(a.men[src].actor) != graph.KindPerson {
		srcs = a.sameKind(a.listBefore(src, a.men[accused].i)) // "اتهمت كل من روسيا وسوريا وإيران إسرائيل"
	}
	return candidate{src: srcs, tgt: a.list(accused), rule: "accusation/complement", conf: 0.8}, found
}

// accusedBefore finds the complement of an accusation verb: the first word
// with ب that follows an actor, within accusationReach words and before
// a clause word, complementizer or other verb. It returns the word and the
// first actor of the list right before it, or -1.
func (a *analyzer) accusedBefore(c cue) (int, int) {
	for k := c.j; k < len(a.toks) && k <= c.j+accusationReach; k++ {
		if mi := a.menAt[k]; mi >= 0 {
			k = a.men[mi].j - 1
			continue
		}
		switch a.cueKindAt(k) {
		case cueClauseBreak, cueComplementizer, cueVerb, cueRefusal, cueDemand:
			if a.cueAt[k] >= 0 && a.cues[a.cueAt[k]].i == k {
				return -1, -1
			}
		}
		if a.sep[k] != 0 || !strings.HasPrefix(a.toks[k].Norm, "ب") {
			continue
		}
		if a.nonActorAccused(c, k) {
			return k, -1
		}
		j := k - 1
		for j > c.j && k-j <= 2 && a.menAt[j] < 0 && a.x.words[cueGrTimeWord][a.toks[j].Norm] {
			j-- // "تركيا اليوم السبت باستغلال"
		}
		mi := a.menAt[j]
		if mi < 0 || a.men[mi].excluded || a.men[mi].prep != prepNone {
			continue // "الناطق باسم": a word of a title
		}
		if h := a.describedHost(mi); h >= 0 {
			mi = h // "قوات الدعم السريع المدعومة من الإمارات بارتكاب": the forces
		}
		return k, a.firstOf(mi)
	}
	return -1, -1
}

// firstOf returns the first mention of the list mention mi ends.
func (a *analyzer) firstOf(mi int) int {
	for a.men[mi].prev >= 0 {
		mi = a.men[mi].prev
	}
	return mi
}

// blameObjectAfter reports whether the blame object (blame_objects) stands
// at token k or after an apposition of at most three words that names no
// actor ("حملت الخارجية الإيرانية إسرائيل عدوها اللدود المسؤولية").
func (a *analyzer) blameObjectAfter(k int) bool {
	for j := k; j < len(a.toks) && j <= k+3; j++ {
		if a.isWord(cueBlameObject, j) {
			return true
		}
		if a.menAt[j] >= 0 || a.cueAt[j] >= 0 || a.sep[j] != 0 && j > k {
			return false
		}
	}
	return false
}

// locativeState reports whether target mention t of a verb without a
// preposition of its own is a state with ب after a word that is no actor
// ("تدعم الإرهاب بليبيا"): a place, not the verb's party.
func (a *analyzer) locativeState(c cue, t int) bool {
	sp := a.x.specs[c.spec]
	m := a.men[t]
	if sp.splitPrep != "" || sp.endsWithPrep || a.kindOf(m.actor) != graph.KindState || m.i == 0 || a.menAt[m.i-1] >= 0 {
		return false
	}
	p := trimConjunction(m.prefix)
	return strings.HasPrefix(p, "ب") && !strings.HasPrefix(p, "بال") || p == "بال"
}

// subjectPlace reports whether target t of a verb-first verb that is no
// meeting is a state with ب right after its subject s, before the verb's
// object, a definite word past an optional aside ("استنكر مجلس السيادة
// بالسودان، اليوم الأحد، الصمت الدولي"): the place of the subject.
func (a *analyzer) subjectPlace(c cue, s, t int) bool {
	m := a.men[t]
	if c.rel == graph.Met || a.x.specs[c.spec].splitPrep != "" || a.kindOf(m.actor) != graph.KindState ||
		a.listEnd(s) != m.i || !strings.HasPrefix(trimConjunction(m.prefix), "ب") {
		return false
	}
	next := m.j
	if next < len(a.toks) && a.sep[next] == ',' {
		if e := a.aside(next); e > 0 {
			next = e
		}
	}
	return next < len(a.toks) && a.menAt[next] < 0 && strings.HasPrefix(a.toks[next].Norm, "ال") && !a.cueKindAt(next).isTrigger()
}

// asideOpening returns the first token of the aside between commas that
// ends at token k (at most maxAside words), or 0.
func (a *analyzer) asideOpening(k int) int {
	for j := k; j > 0 && j > k-maxAside; j-- {
		if a.sep[j] == ',' {
			if a.aside(j) == k+1 {
				return j
			}
			return 0
		}
	}
	return 0
}

// judgesWith reports whether mention s is the one who judges with a
// judging word in the ten words before pos: the actor before it or the
// first one after it ("ووصف أوغلو تعاون واشنطن مع X"), not an actor inside
// the judged object ("انتقدت روسيا اعتزام الولايات المتحدة تسليح أوكرانيا").
func (a *analyzer) judgesWith(s, pos int) bool {
	for v := pos - 1; v >= 0 && v >= pos-10; v-- {
		if !a.isWord(cueJudging, v) {
			continue
		}
		if a.men[s].i < v {
			return true
		}
		for k := v + 1; k < pos; k++ {
			if mi := a.menAt[k]; mi >= 0 && !a.men[mi].excluded {
				return a.head(mi) == s
			}
		}
		return false
	}
	return false
}

// judgedAct reports whether an opposed noun at c is the object of an
// opposed verb that judges it ("أدانت X الهجوم على Y", "رفضت X استهداف
// Y"), not of one that makes it its subject's own ("شنت X هجوما على Y"):
// the verb's subject is not the noun's agent.
func (a *analyzer) judgedAct(c cue) bool {
	if c.rel != graph.Opposed || !a.objectOfTrigger(c.i) {
		return false
	}
	return a.judged(c.i)
}

// describedHost returns the actor a passive or participle phrase ending
// with mention mi describes ("قوات الدعم السريع المدعومة من الإمارات",
// "جماعة الحوثي الموالية لإيران"): the actor right before the phrase, or -1.
func (a *analyzer) describedHost(mi int) int {
	i := a.men[mi].i
	if i == 0 {
		return -1
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if a.menAt[k] >= 0 {
			return -1
		}
		if kind := a.cueKindAt(k); kind == cuePassive || kind == cueParticiple {
			ci := a.cueAt[k]
			if h := a.menAt[max(a.cues[ci].i-1, 0)]; h >= 0 && !a.men[h].excluded && a.men[h].prep == prepNone {
				return a.head(h)
			}
			return -1
		}
	}
	return -1
}

// nonActorAccused reports whether the word with ب at k completes an
// accusation whose accused, right after its subject, is no actor
// ("اتهمت روسيا الغرب بدعم أوكرانيا"): one or two words, no actor, between
// the subject after the verb and k.
func (a *analyzer) nonActorAccused(c cue, k int) bool {
	s := a.menAt[c.j]
	if c.j >= len(a.toks) || s < 0 || a.men[s].excluded {
		return false
	}
	end := a.listEnd(s)
	if k-end < 1 || k-end > 2 || a.sep[end] != 0 {
		return false
	}
	for j := end; j < k; j++ {
		if a.menAt[j] >= 0 || a.cueKindAt(j).isTrigger() || a.cueKindAt(j) == cueTitle || a.sep[j] != 0 && j > end {
			return false
		}
	}
	return true
}

// meetingPartner reports whether mention m is the partner of a meeting
// noun it follows with مع ("خلال المكالمة مع X", "في اتصال هاتفي مع X"):
// it is met by the clause's subject, never the target of the support or
// opposition the clause's verb states ("أدان X خلال المكالمة مع Y
// التدخل الأمريكي").
func (a *analyzer) meetingPartner(m mention) bool {
	if m.partyWord != "مع" || m.i < 2 {
		return false
	}
	for k := m.i - 2; k >= 0 && k >= m.i-3; k-- {
		if ci := a.cueAt[k]; ci >= 0 {
			return a.cues[ci].kind == cueNoun && a.cues[ci].rel == graph.Met
		}
	}
	return false
}

// viaChannel reports whether mention m follows عبر past its title ("أدان
// المجلس، عبر أمينه العام X، الغارة"): the one through whom the subject
// speaks, never the target of its support or opposition.
func (a *analyzer) viaChannel(m mention) bool {
	for k := m.i - 1; k >= 0 && k >= m.i-4; k-- {
		switch w := arabic.CutConjunctions(a.toks[k].Norm); {
		case w == "عبر":
			return true
		case a.cueKindAt(k) == cueTitle, a.cueAt[k] < 0 && a.menAt[k] < 0 && (strings.HasSuffix(w, "ه") || strings.HasSuffix(w, "ها") || definite(w)):
			continue // "أمينه العام", "وزير خارجيتها"
		}
		return false
	}
	return false
}
