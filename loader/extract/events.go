package extract

import (
	"slices"
	"strings"

	"github.com/rawabit/rawabit/graph"
)

// Meetings as events. A meeting the article reports (any met claim) is an
// event with its participants, kept for the sentences that follow; words
// that bring people into it ("بحضور", "وكان في استقباله", "مرفوقا بـ") make
// each person they introduce meet the participants of the other side. The
// constructions are the entries of eventConstructions; the words that
// open each are lexicon lists (events: in data/triggers.yaml).

// eventParty is a participant of a meeting event.
type eventParty struct {
	actor int32
	arg   Argument
	// side is the state or organisation the participant stands for: the
	// actor itself for a state or an organisation, a person's affiliation
	// (or, for a discovered person, the actor named in their title), or ""
	// when unknown.
	side string
}

// event is the last meeting of the article.
type event struct {
	parties []eventParty
	// age counts the sentences since the event was reported.
	age int
}

// maxEventAge is how many sentences after a meeting words may still bring
// people into it.
const maxEventAge = 3

// eventPairing says whom a person a construction introduces meets.
type eventPairing uint8

const (
	// pairOtherSide: every participant of the last event on another side.
	pairOtherSide eventPairing = iota + 1
	// pairCompanion: every participant of the last event but the one the
	// companion accompanies (the person named before the words) and those
	// of that person's side.
	pairCompanion
	// pairVisitors: the subjects of the previous sentence, who arrived
	// ("وصل الملك ... وكان في استقباله X"), or the guest named right after
	// the marker ("كان في استقبال ترامب X").
	pairVisitors
	// pairDual: the two persons coordinated before the words, else the
	// previous sentence's two subjects ("وتباحثا"), meet each other.
	pairDual
	// pairMembers: the members of the guests' delegation ("وضم الوفد X
	// وY") meet the host and the persons of the host's side, not each
	// other, whatever their own side.
	pairMembers
)

// eventConstruction is one named entry of the ordered event table.
type eventConstruction struct {
	name    string
	kind    cueKind // the lexicon list of the words that open it
	pairing eventPairing
	conf    float64
	// tests are sentences (a short article) the entry must read, with the
	// claims it must give, as in FrameTest.
	tests []FrameTest
}

// eventConstructions is the ordered table of event constructions.
var eventConstructions = []eventConstruction{
	{
		name: "event/attendance", kind: cueEventAttendance, pairing: pairOtherSide, conf: 0.65,
		tests: []FrameTest{{
			Text: "استقبل الرئيس عبد الفتاح السيسي المشير خليفة حفتر في القاهرة، وذلك بحضور رئيس الأركان العامة للجيش الوطني الليبي الفريق أول كمال طلعت.",
			Want: []string{"met abdel-fattah-el-sisi -> " + DiscoveredID(graph.KindPerson, "كمال طلعت")},
		}, {
			Text: "التقى الرئيس رجب طيب أردوغان في إسطنبول رئيس المكتب السياسي لحركة حماس إسماعيل هنية. واللقاء الذي حضره رئيس جهاز الاستخبارات هاكان فيدان تناول الأوضاع في غزة.",
			Want: []string{"met ismail-haniyeh -> hakan-fidan"},
		}, {
			Text: "استقبل الرئيس عبد الفتاح السيسي الرئيس الفلسطيني محمود عباس في القاهرة. كما حضر اللقاء وزير الخارجية سامح شكري.",
			Want: []string{"met mahmoud-abbas -> sameh-shoukry"},
		}},
	},
	{
		name: "event/reception", kind: cueEventReception, pairing: pairVisitors, conf: 0.65,
		tests: []FrameTest{{
			Text: "ووصل الرئيس رجب طيب أردوغان إلى الدوحة مساء اليوم. وكان في استقباله الأمير تميم بن حمد.",
			Want: []string{"met tamim-bin-hamad -> recep-tayyip-erdogan"},
		}},
	},
	{
		name: "event/dual", kind: cueEventDual, pairing: pairDual, conf: 0.6,
		tests: []FrameTest{{
			Text: "وكان الرئيس رجب طيب أردوغان والرئيس فلاديمير بوتين في سوتشي أمس. وتباحثا في الملف السوري.",
			Want: []string{"met recep-tayyip-erdogan -> vladimir-putin"},
		}, {
			Text: "أردوغان وبوتين يتباحثان في سوتشي حول سوريا",
			Want: []string{"met recep-tayyip-erdogan -> vladimir-putin"},
		}},
	},
	{
		name: "event/members", kind: cueEventMembers, pairing: pairMembers, conf: 0.6,
		tests: []FrameTest{{
			Text: "التقى وزير الخارجية سامح شكري وفدا من حركة حماس برئاسة إسماعيل هنية. وضم الوفد خالد مشعل وموسى أبو مرزوق.",
			Want: []string{"met sameh-shoukry -> khaled-meshaal", "met sameh-shoukry -> mousa-abu-marzouk"},
		}, {
			Text: "استقبل الرئيس عبد الفتاح السيسي وفدا من حركة حماس برئاسة إسماعيل هنية، وعضوية خالد مشعل وموسى أبو مرزوق.",
			Want: []string{"met abdel-fattah-el-sisi -> khaled-meshaal", "met abdel-fattah-el-sisi -> mousa-abu-marzouk"},
		}, {
			Text: "واستقبل الرئيس رجب طيب أردوغان وفد حركة حماس، الذي ضم كلا من خالد مشعل وموسى أبو مرزوق.",
			Want: []string{"met recep-tayyip-erdogan -> khaled-meshaal", "met recep-tayyip-erdogan -> mousa-abu-marzouk"},
		}, {
			// the guest opens the event (the carried subject of "استقبله"):
			// his delegation meets the other side, not him.
			Text: "ووصل الرئيس رجب طيب أردوغان إلى الدوحة صباح اليوم. وانتقل أردوغان إلى الديوان الأميري حيث استقبله الأمير تميم بن حمد. ويرافق أردوغان وفد يضم كلا من وزير الخارجية هاكان فيدان ورئيس الاستخبارات إبراهيم قالن.",
			Want: []string{"met tamim-bin-hamad -> hakan-fidan", "met tamim-bin-hamad -> ibrahim-kalin"},
		}},
	},
	{
		name: "event/companion", kind: cueEventCompanion, pairing: pairCompanion, conf: 0.6,
		tests: []FrameTest{{
			Text: "استقبل الرئيس قيس سعيد وزير الخارجية ناصر بوريطة. وكان بوريطة مرفوقا بالسفير كمال طلعت.",
			Want: []string{"met kais-saied -> " + DiscoveredID(graph.KindPerson, "كمال طلعت")},
		}},
	},
}

// side returns the side an actor of this article stands for.
func (a *analyzer) side(i int32) string {
	act := a.actor(i)
	switch {
	case act.Kind != graph.KindPerson:
		return a.x.top(act.ID)
	case act.Affiliation != "":
		return a.x.top(act.Affiliation)
	}
	return a.x.top(a.doc.sides[i])
}

// top follows an actor's affiliations to the last one ("مخابرات مصر" →
// Egypt), so that two actors of one state share a side.
func (x *Extractor) top(id string) string {
	for n := 0; n < 8 && id != ""; n++ {
		i, ok := x.byID[id]
		if !ok || x.actors[i].Affiliation == "" {
			return id
		}
		id = x.actors[i].Affiliation
	}
	return id
}

// recordEvent makes the met claims found in the sentence the article's
// last event (it reports whether there were any). The event of an earlier
// sentence grows one sentence older (ageEvent) otherwise.
func (a *analyzer) recordEvent(results []Result, men []mention) bool {
	var parties []eventParty
	add := func(arg Argument) {
		for _, p := range parties {
			if p.arg.Actor.ID == arg.Actor.ID {
				return
			}
		}
		for _, m := range men {
			if a.actor(m.actor).ID == arg.Actor.ID {
				parties = append(parties, eventParty{actor: m.actor, arg: arg, side: a.side(m.actor)})
				return
			}
		}
	}
	for _, r := range results {
		if r.Claim.Type == graph.Met {
			add(r.Source)
			add(r.Target)
		}
	}
	if len(parties) == 0 {
		return false
	}
	parties = a.continueEvent(parties)
	shareGuestSide(parties)
	a.doc.event = event{parties: parties}
	return true
}

// continueEvent returns the parties of a sentence's meeting joined to
// those of the article's last meeting when the two share a participant
// and the last one is recent ("التقى لافروف هنية. وناقش لافروف مع قياديي
// حماس ..."): the same meeting, its first host kept first; else the
// sentence's parties alone.
func (a *analyzer) continueEvent(parties []eventParty) []eventParty {
	old := a.doc.event
	if len(old.parties) == 0 || old.age > maxEventAge {
		return parties
	}
	shared, bodies := false, true
	for _, p := range parties {
		if a.inEvent(p.actor) {
			shared = true
			break
		}
		bodies = bodies && a.sideInEvent(p)
	}
	if !shared && !bodies {
		return parties
	}
	merged := append([]eventParty(nil), old.parties...)
	for _, p := range parties {
		if !a.inEvent(p.actor) {
			merged = append(merged, p)
		}
	}
	return merged
}

// sideInEvent reports whether party p is a state or body whose side a
// person of the article's last meeting stands for ("استقبل فيصل بن فرحان
// سامح شكري ... اجتماع اللجنة بين المملكة ومصر": the two states' meeting
// is the ministers' one, continued), or, for a party of that meeting,
// a body a person of it represents ("لافروف ... هنية ... قياديي حماس": an
// attendee meets Haniyeh, not Hamas as well).
func (a *analyzer) sideInEvent(p eventParty) bool {
	if p.side == "" || a.kindOf(p.actor) == graph.KindPerson {
		return false
	}
	for _, q := range a.doc.event.parties {
		if q.side == p.side && a.kindOf(q.actor) == graph.KindPerson {
			return true
		}
	}
	return false
}

// shareGuestSide gives the guests of a meeting whose side is unknown (a
// discovered member of "الوفد الأميركي الذي ضم ...") the side of the other
// guests, when they all share one: they came together.
func shareGuestSide(parties []eventParty) {
	side := ""
	for _, p := range parties[1:] {
		switch {
		case p.side == "":
		case side == "":
			side = p.side
		case p.side != side:
			return
		}
	}
	for i := 1; i < len(parties); i++ {
		if parties[i].side == "" {
			parties[i].side = side
		}
	}
}

// matchEvents emits the claims of the event constructions of the sentence.
func (a *analyzer) matchEvents(article string) {
	for k := 0; k < len(a.toks); k++ {
		if !a.eventFirst(k) || a.menAt[k] >= 0 {
			continue
		}
		for i := range eventConstructions {
			ec := &eventConstructions[i]
			if n := a.longestPhraseAt(ec.kind, k); n > 0 {
				a.eventAt(article, ec, k, k+n)
				k += n - 1
				break
			}
		}
	}
}

// eventAt emits the claims of construction ec whose words span [i, j).
func (a *analyzer) eventAt(article string, ec *eventConstruction, i, j int) {
	if ec.pairing == pairDual {
		if p, q, ok := a.dualSubjects(i); ok {
			a.emitPairs(article, graph.Met, i, j, [][2]int{{p, q}}, ec.name, ec.conf)
		}
		return
	}
	persons := a.personsAfter(j)
	if len(persons) == 0 {
		return
	}
	var parties, hosts []int
	var sides []string // the event's side of each party (pairOtherSide, pairCompanion, pairMembers)
	own := ""          // the side of the persons brought in, when the words tell it
	ok := true
	switch ec.pairing {
	case pairOtherSide, pairCompanion:
		parties, hosts, sides, ok = a.otherSideParties(ec, i)
	case pairMembers:
		parties, sides, own, ok = a.memberParties(i, persons)
	case pairVisitors:
		parties, persons, ok = a.visitorParties(i, j, persons)
	}
	if !ok {
		return
	}
	if own == "" {
		own = a.namedSide(j)
	}
	pairs := a.eventPairs(ec, persons, parties, hosts, sides, own)
	a.emitPairs(article, graph.Met, i, j, pairs, ec.name, ec.conf)
}

// otherSideParties returns the parties of the article's last event that
// the persons of a pairOtherSide or pairCompanion construction at i meet,
// which of them host, and their sides: not the one a companion
// accompanies nor his side. ok is false when the event is too old or the
// sentence names an occasion of its own or an earlier one.
func (a *analyzer) otherSideParties(ec *eventConstruction, i int) (parties, hosts []int, sides []string, ok bool) {
	if a.doc.event.age > maxEventAge || a.ownEventBefore(i) || a.pastBefore(i) {
		return nil, nil, nil, false
	}
	accompanied, side := int32(-1), ""
	if ec.pairing == pairCompanion {
		for mi := len(a.men) - 1; mi >= 0; mi-- {
			if m := a.men[mi]; m.j <= i && !m.external && a.actor(m.actor).Kind == graph.KindPerson {
				accompanied, side = m.actor, a.side(m.actor)
				break
			}
		}
	}
	for pi, p := range a.doc.event.parties {
		if p.actor == accompanied || side != "" && p.side == side || a.sideInEvent(p) {
			continue
		}
		parties = append(parties, a.externalMention(p, i))
		sides = append(sides, p.side)
		if pi == 0 && ec.pairing == pairOtherSide {
			hosts = append(hosts, len(parties)-1)
		}
	}
	return parties, hosts, sides, true
}

// memberParties returns the parties of the article's last event that a
// delegation's listed members (persons) meet, their sides, and the
// members' own side when one of them has a known side: the other side,
// whoever hosted; with no known side, the host and the persons of the
// host's side. ok is false when there is no recent event to join.
func (a *analyzer) memberParties(i int, persons []int) (parties []int, sides []string, own string, ok bool) {
	if len(a.doc.event.parties) == 0 || a.doc.event.age > maxEventAge || a.ownEventBefore(i) || a.pastBefore(i) {
		return nil, nil, "", false
	}
	own = a.membersSide(persons)
	host := a.doc.event.parties[0]
	for _, p := range a.doc.event.parties {
		switch {
		case own != "" && p.side != own && (p.actor == host.actor || a.actor(p.actor).Kind == graph.KindPerson):
			// "ويرافق الرئيس الإيراني وفد يضم كلا من X": the members
			// meet the other side, whoever hosted.
		case own == "" && (p.actor == host.actor || host.side != "" && p.side == host.side && a.actor(p.actor).Kind == graph.KindPerson):
		default:
			continue
		}
		parties = append(parties, a.externalMention(p, i))
		sides = append(sides, p.side)
	}
	return parties, sides, own, true
}

// visitorParties returns whom the receivers of a pairVisitors
// construction at [i, j) meet, and the receivers left: the guest named
// right after "في استقبال" (a title before his name is his), else the
// article's visitors. ok is false when the construction is not the
// sentence's start (the verb reading pairs "ووصل X، واستقبله Y").
func (a *analyzer) visitorParties(i, j int, persons []int) (parties, receivers []int, ok bool) {
	if i > 0 && trimConjunction(a.toks[i].Norm) != "كان" {
		return nil, nil, false
	}
	if i > 0 && a.personNamedBefore(i) {
		// "ووصل X إلى الدوحة، حيث كان في مقدمة مستقبليه Y": the
		// arrival is this sentence's subject.
		a.recordVisitors()
	}
	// "كان في استقبال ترامب X": the guest is named right after.
	if mi := persons[0]; strings.HasSuffix(a.toks[j-1].Norm, "استقبال") && a.adjacent(j, a.men[mi].i) {
		return persons[:1], persons[1:], true
	}
	for _, p := range a.doc.visitors {
		parties = append(parties, a.externalMention(p, i))
	}
	return parties, persons, true
}

// guestSide reports whether side is the known side of a participant of
// the article's last event other than its host (its first party): an
// attendee meets the host only when the attendee came with a guest
// ("استقبل السيسي حفتر بحضور رئيس أركان الجيش الليبي"); one of no known
// side, or of a third side, attends on the host's behalf and meets the
// guests only.
func (a *analyzer) guestSide(side string) bool {
	if side == "" {
		return false
	}
	for _, p := range a.doc.event.parties[1:] {
		if p.side == side {
			return true
		}
	}
	return false
}

// pastWords date an earlier occasion ("زار دمشق في آذار الماضي برفقة
// X"), normalised.
var pastWords = map[string]bool{"الماضي": true, "الماضيه": true, "سابقا": true, "السابقه": true}

// pastBefore reports whether the sentence dates an earlier occasion
// before token i: the people the words bring in took part in that one,
// not in the article's last meeting.
func (a *analyzer) pastBefore(i int) bool {
	for k := 0; k < i; k++ {
		if pastWords[a.toks[k].Norm] {
			return true
		}
	}
	return false
}

// ownEventBefore reports whether the sentence names a meeting of its own
// before token i that gave no met claim ("وعقدت القمة العربية في الرياض
// بمشاركة X و Y"): the words after it bring people into that meeting, not
// into the article's last one.
func (a *analyzer) ownEventBefore(i int) bool {
	for _, r := range a.results {
		if r.Claim.Type == graph.Met {
			return false
		}
	}
	for _, c := range a.cues {
		if c.i < i && c.rel == graph.Met && c.kind.isTrigger() && !a.backReference(c) {
			return true
		}
	}
	return false
}

// backReference reports whether a meeting cue is a bare definite noun
// ("رافق أردوغان في اللقاء X، بينما حضر اللقاء Y"): the meeting the
// article reported, not one of the sentence's own ("القمة العربية").
func (a *analyzer) backReference(c cue) bool {
	if c.j != c.i+1 || !definite(a.toks[c.i].Norm) {
		return false
	}
	return c.j >= len(a.toks) || a.sep[c.j] != 0 || !definite(a.toks[c.j].Norm)
}

// inEvent reports whether an actor already takes part in the last event.
func (a *analyzer) inEvent(act int32) bool {
	for _, p := range a.doc.event.parties {
		if p.actor == act {
			return true
		}
	}
	return false
}

// externalMention adds a mention standing for a participant named in an
// earlier sentence, placed at token i, and returns its index.
func (a *analyzer) externalMention(p eventParty, i int) int {
	a.men = append(a.men, mention{form: a.x.titleForm, actor: p.actor, i: i, j: i, next: -1, prev: -1, excluded: true, external: true, arg: p.arg})
	return len(a.men) - 1
}

// personsAfter returns the persons named after token j in the sentence,
// through a list of titled names separated by commas ("بحضور رئيس
// الأركان الفريق أول X، ونائب القائد العام Y"), until a trigger, a
// reporting verb or a complementiser.
func (a *analyzer) personsAfter(j int) []int {
	var out []int
	for k := j; k < len(a.toks); k++ {
		if mi := a.menAt[k]; mi >= 0 {
			m := a.men[mi]
			if a.kindOf(m.actor) == graph.KindPerson && !slicesContainsInt(out, mi) {
				out = append(out, mi)
			}
			k = m.j - 1
			continue
		}
		if e := a.relativeAside(k); e > k && len(out) == 0 {
			k = e - 1 // "وشارك في اللقاء، الذي عقد في القصر، X": past the aside
			continue
		}
		switch a.cueKindAt(k) {
		case cueVerb, cueReported, cueComplementizer, cueClauseBreak, cueRelative:
			return out
		}
		if a.frameVerb(k) != nil {
			return out
		}
	}
	return out
}

// relativeAside returns the token after a relative clause set off by
// commas that opens at token k ("، الذي عقد في القصر الرئاسي،") and
// names no actor, or -1.
func (a *analyzer) relativeAside(k int) int {
	if a.sep[k] != ',' || a.cueKindAt(k) != cueRelative {
		return -1
	}
	for e := k + 1; e < len(a.toks) && e <= k+10; e++ {
		if a.menAt[e] >= 0 {
			return -1
		}
		if a.sep[e] == ',' {
			return e
		}
		if a.sep[e] != 0 {
			return -1
		}
	}
	return -1
}

func slicesContainsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// recordVisitors remembers the sentence's subjects (the first eligible
// persons, with those joined to them by و) as the visitors a reception in
// the next sentence meets.
func (a *analyzer) recordVisitors() {
	a.doc.visitors = a.doc.visitors[:0]
	defer a.recordCompanions()
	for mi := 0; mi < len(a.men); mi++ {
		m := a.men[mi]
		if m.external || m.carried || a.kindOf(m.actor) != graph.KindPerson {
			continue
		}
		if m.prefix != "" && m.prefix != "و" || m.i > 0 && a.sep[m.i] == 0 && a.x.words[cueFirstName] != nil && isPreposition(a.toks[m.i-1].Norm) {
			return // the first person is not a subject
		}
		for {
			a.doc.visitors = append(a.doc.visitors, eventParty{actor: m.actor, arg: a.argument(m), side: a.side(m.actor)})
			// "الملك عبدالله الثاني وولي العهد الأمير الحسين": the persons
			// joined by و, a title between.
			next := mi + 1
			if next >= len(a.men) || a.kindOf(a.men[next].actor) != graph.KindPerson || a.men[next].i-m.j > 3 || a.punctuated(m.j, a.men[next].i) ||
				!(a.men[next].prefix == "و" || a.men[next].i > m.j && strings.HasPrefix(a.toks[m.j].Norm, "و")) {
				return
			}
			mi, m = next, a.men[next]
		}
	}
}

// membersSide returns the one known side of the persons a delegation's
// members words bring in (a discovered member has none), else "".
func (a *analyzer) membersSide(persons []int) string {
	side := ""
	for _, p := range persons {
		switch sp := a.side(a.men[p].actor); {
		case sp == "":
		case side == "":
			side = sp
		case sp != side:
			return ""
		}
	}
	return side
}

// personNamedBefore reports whether the sentence's first person, its subject
// when it has one, is named before token i.
func (a *analyzer) personNamedBefore(i int) bool {
	for _, m := range a.men {
		if !m.external && !m.carried && a.actor(m.actor).Kind == graph.KindPerson {
			return m.j <= i
		}
	}
	return false
}

// isPreposition reports whether a normalised word is a preposition that
// makes the actor after it an object ("مع", "إلى", "على" ...).
func isPreposition(w string) bool {
	switch w {
	case "مع", "الي", "علي", "من", "عن", "في", "ب", "ل", "لدي", "ضد":
		return true
	}
	return false
}

// titleSide returns the state or organisation named inside the title run
// before a person's name at token i ("رئيس الأركان العامة للجيش الوطني
// الليبي"), or "".
func (a *analyzer) titleSide(i int) string {
	t := a.titleStart(i)
	if t < 0 {
		return ""
	}
	for k := i - 1; k >= t; k-- {
		if mi := a.menAt[k]; mi >= 0 {
			if act := a.actor(a.men[mi].actor); act.Kind != graph.KindPerson {
				return act.ID
			}
		}
	}
	return ""
}

// recordDelegation remembers the leader of a delegation the sentence names
// ("وصل وفد من حركة حماس برئاسة إسماعيل هنية إلى القاهرة"), so that "الوفد"
// in the sentences that follow names him (delegationAnaphor); a delegation
// named earlier grows one sentence older.
func (a *analyzer) recordDelegation() {
	a.doc.delegationAge++
	for _, m := range a.men {
		if !m.external && !m.carried && a.kindOf(m.actor) == graph.KindPerson && (a.delegationHead(m.i) > 0 || a.headsDelegation(m.j)) {
			a.doc.delegation, a.doc.delegationAge = int(m.actor)+1, 0
			return
		}
	}
}

// headsDelegation reports whether "على رأس وفد" follows a person whose
// name ends at token j, at most three words between ("وصل هنية إلى
// القاهرة على رأس وفد من الحركة").
func (a *analyzer) headsDelegation(j int) bool {
	for k := j; k+2 < len(a.toks) && k <= j+4; k++ {
		if a.sep[k] == '.' || a.menAt[k] >= 0 && a.kindOf(a.men[a.menAt[k]].actor) == graph.KindPerson {
			return false
		}
		if w := a.toks[k].Norm; (w == "علي" || w == "وعلي") && a.toks[k+1].Norm == "راس" && a.x.words[cueDelegation][a.toks[k+2].Norm] {
			return true
		}
	}
	return false
}

// delegationAnaphor adds a mention of the leader of the article's last
// delegation when token i is the delegation noun with the article
// ("والتقى الوفد الرئيس ...": each named member of a delegation meets its
// host), unless a word after it makes it another delegation ("الوفد
// المصري", "الوفد برئاسة ...") or the delegation was named more than
// maxEventAge sentences before.
func (a *analyzer) delegationAnaphor(i int) {
	if a.doc.delegation == 0 || a.doc.delegationAge > maxEventAge {
		return
	}
	w := a.toks[i].Norm
	prefix, w := splitConjunction(w)
	if w != "الوفد" {
		return
	}
	if j := i + 1; j < len(a.toks) && a.sep[j] == 0 {
		if n := a.toks[j].Norm; definite(n) && adjectiveShaped(n) || a.isWord(cueDelegationHead, j) || n == "من" {
			return
		}
		if _, ok := a.x.names.at(&a.sent, j, nil); ok {
			return // "الوفد السوداني", "وفد حماس"
		}
	}
	a.men = append(a.men, mention{form: a.x.titleForm, actor: int32(a.doc.delegation - 1), i: i, j: i + 1, prefix: prefix, next: -1, prev: -1})
	a.menAt[i] = len(a.men) - 1
}

// statementWords are the words of a statement whose author the sentence
// names ("أصدرت الخارجية القطرية بيانا", "في بيان لوزارة الخارجية").
var statementWords = map[string]bool{"بيان": true, "بيانا": true, "بيانه": true, "بيانها": true, "بيانهم": true}

// isStatementWord reports whether the normalised token w is a statement
// word, after one leading و or ف and one ب ("وبيان", "ببيان").
func isStatementWord(w string) bool {
	w = trimConjunction(w)
	return statementWords[w] || statementWords[strings.TrimPrefix(w, "ب")]
}

// recordStatement remembers the author of a statement the sentence names:
// the actor right after the statement word ("بيان لوزارة الخارجية",
// "بيان صادر عن الرئاسة"), else the sentence's subject ("قالت الخارجية
// التركية في بيان"), so that "البيان" in the sentences that follow acts
// for it (statementAnaphor); a statement named earlier grows one sentence
// older.
func (a *analyzer) recordStatement() {
	a.doc.statementAge++
	for k := range a.toks {
		if in := a.wordAt(k); in == nil || !in.statement {
			continue // isStatementWord, read by word id
		}
		n := k + 1
		if n+1 < len(a.toks) && strings.HasPrefix(a.toks[n].Norm, "صادر") && a.toks[n+1].Norm == "عن" {
			n += 2 // "بيان صادر عن الرئاسة"
		}
		switch {
		case a.menAtToken(n) >= 0 && a.sep[n] == 0 && !a.men[a.menAt[n]].adjective:
			a.doc.statement = int(a.men[a.menAt[n]].actor) + 1
		case a.prior.ok:
			a.doc.statement = int(a.prior.actor) + 1
		default:
			return
		}
		a.doc.statementAge = 0
		return
	}
}

// statementAnaphor adds a mention of the author of the article's last
// statement when token i is "البيان" ("وانتقد البيان إسرائيل": the
// ministry that issued it acts through it), unless a word after it makes it
// another statement ("البيان الختامي", "البيان المشترك", "البيان الصادر
// عن ...") or the statement was named more than maxEventAge
// sentences before.
func (a *analyzer) statementAnaphor(i int) {
	if a.doc.statement == 0 || a.doc.statementAge > maxEventAge {
		return
	}
	w := a.toks[i].Norm
	prefix, w := splitConjunction(w)
	if w != "البيان" {
		return
	}
	if j := i + 1; j < len(a.toks) && a.sep[j] == 0 {
		if n := a.toks[j].Norm; definite(n) && adjectiveShaped(n) || strings.HasPrefix(n, "صادر") {
			return
		}
	}
	act := int32(a.doc.statement - 1)
	f, ok := a.x.pronounForm[act]
	if !ok {
		f = a.x.titleForm
	}
	a.men = append(a.men, mention{form: f, actor: act, i: i, j: i + 1, prefix: prefix, next: -1, prev: -1})
	a.menAt[i] = len(a.men) - 1
}

// dualWords name the two participants of a meeting ("وأكد الجانبان",
// "وأعرب الرئيسان عن ...").
var dualWords = map[string]bool{
	"الجانبان": true, "الجانبين": true, "الطرفان": true, "الطرفين": true, "الرييسان": true, "الرييسين": true,
	"الوزيران": true, "الوزيرين": true, "الزعيمان": true, "الزعيمين": true, "المسوولان": true, "المسوولين": true,
}

// isDualWord reports whether the normalised token w is a dual of
// dualWords, after one leading و or ف ("والجانبان").
func isDualWord(w string) bool {
	if !strings.HasSuffix(w, "ان") && !strings.HasSuffix(w, "ين") {
		return false
	}
	return dualWords[trimConjunction(w)]
}

// dualAnaphor adds mentions of the two participants of the article's last
// meeting when token i is a dual that names them ("استقبل X Y ... وأكد
// الجانبان دعمهما لـ Z": each supports Z), joined into one list by links.
// The meeting must have exactly two participants on two sides, at most
// maxEventAge sentences before; a dual after a preposition ("بين
// الجانبين", "للجانبين") is left alone: what lies between the two is
// no act of theirs.
func (a *analyzer) dualAnaphor(i int) {
	if len(a.doc.event.parties) != 2 || a.doc.event.age > maxEventAge {
		return
	}
	ev := a.doc.event
	if in := a.wordAt(i); in == nil || !in.dual {
		return // isDualWord, read by word id
	}
	prefix, _ := splitConjunction(a.toks[i].Norm)
	if i > 0 && isPreposition(a.toks[i-1].Norm) || i > 0 && a.toks[i-1].Norm == "بين" {
		return
	}
	p, q := ev.parties[0], ev.parties[1]
	if p.side != "" && p.side == q.side {
		return
	}
	a.men = append(a.men, mention{form: a.x.titleForm, actor: p.actor, i: i, j: i + 1, prefix: prefix, next: -1, prev: -1},
		mention{form: a.x.titleForm, actor: q.actor, i: i, j: i + 1, prefix: prefix, next: -1, prev: -1, pair: true})
	a.menAt[i] = len(a.men) - 2
}

// partnerWords are the pronouns of a meeting's partner with مع
// ("وأجرى X محادثات معه"), normalised.
var partnerWords = map[string]bool{"معه": true, "معها": true}

// partnerAnaphor adds a mention of the previous sentence's one visitor
// (its subject) when token i is "معه" or "معها" at most four words after
// a meeting trigger and the sentence names one person before it, of
// another side ("وصل لافروف إلى دمشق. وأجرى الأسد محادثات معه": Assad
// met Lavrov). With no person before it the pronoun is not the subject's
// own partner to find, and with two it may be either's.
func (a *analyzer) partnerAnaphor(i int) {
	if len(a.doc.visitors) != 1 || !a.partnerAt(i) || !a.metTriggerBefore(i) {
		return
	}
	v := a.doc.visitors[0]
	host := int32(-1)
	for _, m := range a.men {
		if m.i >= i || a.actor(m.actor).Kind != graph.KindPerson {
			continue
		}
		if host >= 0 || m.actor == v.actor {
			return
		}
		host = m.actor
	}
	if host < 0 || v.side != "" && a.side(host) == v.side {
		return
	}
	f, ok := a.x.pronounForm[v.actor]
	if !ok {
		f = a.x.titleForm
	}
	a.men = append(a.men, mention{form: f, actor: v.actor, i: i, j: i + 1, next: -1, prev: -1, partner: true})
	a.menAt[i] = len(a.men) - 1
}

// metTriggerBefore reports whether a meeting trigger (a verb or a noun of
// met) ends at most four words before token i, with no punctuation
// between.
func (a *analyzer) metTriggerBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5 && a.sep[k+1] == 0; k-- {
		m, ok := a.x.cues.at(&a.sent, k, keepCueReading)
		if !ok {
			continue
		}
		if sp := a.x.specs[m.val]; sp.rel == graph.Met && sp.kind.isTrigger() && m.end <= i && i-m.end <= 4 {
			return true
		}
	}
	return false
}

// plannedNoun reports whether the meeting noun at i is one a participle
// of planning right after it describes ("لقاء مرتقب بين X وY", "القمة
// المقبلة"), or one a word of backing or need governs ("دعم الحوار بين X
// وY", wishedWords): a meeting to come or wished for is not met.
func (a *analyzer) plannedNoun(i int) bool {
	if a.cueAt[i] < 0 || a.cues[a.cueAt[i]].kind != cueNoun {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4 && a.sep[k+1] == 0; k-- {
		if wishedWords[trimConjunction(a.toks[k].Norm)] {
			return true // "دعم بلاده لنهج الحوار بين X وY": a dialogue wished for
		}
	}
	j := a.cues[a.cueAt[i]].j
	return j < len(a.toks) && a.sep[j] == 0 && a.cueKindAt(j) == cuePlanned
}

// wishedWords govern a meeting noun that is backed, needed or urged, not
// held ("دعم الحوار بين", "ضرورة الحوار", "لنهج الدبلوماسية والحوار").
var wishedWords = map[string]bool{
	"دعم": true, "لدعم": true, "بدعم": true, "تاييد": true, "نهج": true, "لنهج": true, "ضروره": true, "بضروره": true,
	"اهميه": true, "باهميه": true,
}

// travelWords open a visit whose meetings are still to come when an
// imperfect meeting verb follows them in the sentence ("ويتوجه X إلى
// موسكو حيث يلتقي Y", "ويصل X إلى موسكو، ويلتقي Y"). After a past
// arrival without حيث ("وصل X إلى الدوحة، ويجتمع بـ Y") the imperfect
// reports the visit's talks.
var travelWords = map[string]bool{
	"حيث": true, "يتوجه": true, "تتوجه": true, "يصل": true, "تصل": true,
	"يزور": true, "تزور": true, "يبدا": true, "تبدا": true, "يحل": true, "تحل": true, "يقوم": true, "تقوم": true,
}

// visitAhead reports whether the met verb at i is an imperfect after a
// travel word of its sentence (travelWords): the meeting the visit is
// for lies ahead. A headline's imperfect ("أردوغان يستقبل بوتين") has no
// travel word before it and stays a report.
func (a *analyzer) visitAhead(i int) bool {
	if a.cueAt[i] < 0 || a.cues[a.cueAt[i]].kind == cueNoun {
		return false
	}
	if v := trimConjunction(a.toks[i].Norm); !strings.HasPrefix(v, "ي") && !imperfectT(v) {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if travelWords[trimConjunction(a.toks[k].Norm)] {
			return true
		}
	}
	return false
}

// imperfectT reports whether a normalised verb starting with ت is an
// imperfect ("تستقبل", "تلتقي"), not a perfect of the forms that start
// with ت ("تباحث", "تباحثا", "تلقى", "التقت" has none).
func imperfectT(v string) bool {
	r := []rune(v)
	if len(r) < 4 || r[0] != 'ت' || r[2] == 'ا' {
		return false
	}
	last := r[len(r)-1]
	return last != 'ت' && last != 'ا' && last != 'ى'
}

// attendedWords are the verbs of attendance right after an indefinite
// meeting noun ("محادثات حضرها X"), normalised.
var attendedWords = map[string]bool{"حضره": true, "حضرها": true, "حضرهما": true, "حضرهم": true}

// attendedNoun reports whether the meeting noun of cue c is one the words
// of attendance hold ("حضر اللقاء X وY") or an indefinite one an
// attendance verb follows ("وأجرى الجانبان محادثات حضرها X وY"): the
// meeting reported already, which the persons after it attend
// (event/attendance), not a new meeting of theirs.
func (a *analyzer) attendedNoun(c cue) bool {
	if c.kind != cueNoun {
		return false
	}
	for k := max(0, c.i-3); k <= c.i; k++ {
		if n := a.longestPhraseAt(cueEventAttendance, k); n > 0 && k+n > c.i {
			return true // "حضر اللقاء X وY": attendees, not a meeting of theirs
		}
	}
	if c.j >= len(a.toks) || a.sep[c.j] != 0 || definite(a.toks[c.i].Norm) {
		return false
	}
	return attendedWords[a.toks[c.j].Norm]
}

// dualSubjects returns the two mentions a dual meeting verb at i has for
// subjects: two persons joined by و right before it in the sentence
// ("أردوغان وبوتين يتباحثان"), else, when the sentence names no actor
// before it, the previous sentence's two subjects (a.doc.visitors), added
// as mentions. A negated or planned verb ("لم يلتقيا", "سيلتقيان") has none.
func (a *analyzer) dualSubjects(i int) (int, int, bool) {
	if a.cueKindAt(i-1) == cueNegNext || a.planned(i) {
		return 0, 0, false
	}
	var before []int
	for mi, m := range a.men {
		if m.j <= i && !m.external {
			before = append(before, mi)
		}
	}
	switch n := len(before); {
	case n >= 2:
		p, q := a.men[before[n-2]], a.men[before[n-1]]
		if a.kindOf(p.actor) != graph.KindPerson || a.kindOf(q.actor) != graph.KindPerson || q.prefix != "و" ||
			q.i-p.j > 3 || a.punctuated(p.j, q.i) || i != q.j || p.actor == q.actor {
			return 0, 0, false
		}
		return before[n-2], before[n-1], true
	case n == 0 && len(a.doc.visitors) == 2 && a.doc.visitors[0].actor != a.doc.visitors[1].actor:
		return a.externalMention(a.doc.visitors[0], i), a.externalMention(a.doc.visitors[1], i), true
	}
	return 0, 0, false
}

// eventPairs pairs the persons a construction brings in with the parties
// they meet: the host only with a person of a guest's side, no two of one
// side. own is the side the words name for the persons ("ومن الجانب
// المصري X"), else each person's own.
func (a *analyzer) eventPairs(ec *eventConstruction, persons, parties, hosts []int, sides []string, own string) [][2]int {
	var pairs [][2]int
	for _, p := range persons {
		sp := own
		if sp == "" {
			sp = a.side(a.men[p].actor)
		}
		for qi, q := range parties {
			if a.men[p].actor == a.men[q].actor {
				continue
			}
			if slicesContainsInt(hosts, qi) && !a.guestSide(sp) {
				continue // "بحضور عيدروس الزبيدي، عضو المجلس": the host's company
			}
			if ec.pairing != pairVisitors {
				if sp != "" && sp == sides[qi] || a.inEvent(a.men[p].actor) {
					continue
				}
			}
			if ec.pairing == pairVisitors {
				pairs = append(pairs, [2]int{p, q}) // the host is the source
			} else {
				pairs = append(pairs, [2]int{q, p})
			}
		}
	}
	return pairs
}

// namedSide returns the side a construction's words name for the persons
// after them when they end with الجانب and a state's adjective follows
// ("ومن الجانب المصري"), else "".
func (a *analyzer) namedSide(j int) string {
	if j < 1 || j >= len(a.toks) || a.toks[j-1].Norm != "الجانب" {
		return ""
	}
	mi := a.menAtToken(j)
	if mi < 0 || a.kindOf(a.men[mi].actor) != graph.KindState {
		return ""
	}
	return a.side(a.men[mi].actor)
}

// eachOfBefore reports whether "كلا من" / "كل من" stands right before
// token i: the list after it is the objects of a verb whose subject is
// elsewhere ("وكان رئيس المجلس، التقى اليوم كلا من X وY"), not joint
// subjects meeting each other.
func (a *analyzer) eachOfBefore(i int) bool {
	for k := i - 1; k >= 1 && k >= i-7; k-- {
		if a.toks[k].Norm == "من" {
			w := trimConjunction(a.toks[k-1].Norm)
			return w == "كل" || w == "كلا"
		}
		if a.sep[k+1] != 0 || a.menAt[k] >= 0 && a.kindOf(a.men[a.menAt[k]].actor) == graph.KindPerson {
			return false // "كلا من سفير روسيا لدى ليبيا X": a title between
		}
	}
	return false
}

// recordCompanions adds to the sentence's visitors the persons companion
// words bring in ("وصل X، يرافقه مدير المخابرات Y"): a reception in the
// next sentence meets them too.
func (a *analyzer) recordCompanions() {
	if len(a.doc.visitors) == 0 {
		return
	}
	for k := 0; k < len(a.toks); k++ {
		n := a.longestPhraseAt(cueEventCompanion, k)
		if n == 0 {
			continue
		}
		for _, mi := range a.personsAfter(k + n) {
			m := a.men[mi]
			if !slices.ContainsFunc(a.doc.visitors, func(p eventParty) bool { return p.actor == m.actor }) {
				a.doc.visitors = append(a.doc.visitors, eventParty{actor: m.actor, arg: a.argument(m), side: a.side(m.actor)})
			}
		}
		k += n - 1
	}
}

// eachOfColon reports whether "كلا من" / "كل من" ends right before token
// k, so that a colon there introduces the list ("استقبل X كلا من: Y، وZ")
// and does not end the clause.
func (a *analyzer) eachOfColon(k int) bool {
	if k < 2 || a.toks[k-1].Norm != "من" {
		return false
	}
	w := trimConjunction(a.toks[k-2].Norm)
	return w == "كل" || w == "كلا"
}

// occasionOwner returns the sentence's topic when the meeting noun with a
// pronoun at v dates what the sentence said ("وأكد X أن تركيا تسعى
// للسلام، وذلك خلال استقباله Y"): the pronoun is the topic's, not that of
// the actor of the embedded clause. -1 otherwise.
func (a *analyzer) occasionOwner(v int) int {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		if w := a.toks[k].Norm; w == "وذلك" || w == "ذلك" {
			for mi, m := range a.men {
				if m.i < k && !m.excluded && m.prep == prepNone {
					return a.head(mi) // the speaker too ("وأكد X أن ...")
				}
			}
			return -1
		}
	}
	return -1
}

// ownPronounNoun reports whether the noun at v carries a possessive
// pronoun as written ("استقباله", "لقائها"): its owner is that pronoun's
// referent, and a title after it is its object ("خلال استقباله الرئيس
// X"), not an unnamed owner.
func (a *analyzer) ownPronounNoun(v int) bool {
	w := a.text[a.toks[v].Start:a.toks[v].End]
	return strings.HasSuffix(w, "ه") || strings.HasSuffix(w, "ها") || strings.HasSuffix(w, "هما") || strings.HasSuffix(w, "هم")
}

// unnamedTitleBetween reports whether a title no name follows stands in
// [from, to), cut from the actors at to by a word that ends names ("ويلتقي
// وزير الخارجية اليوم الرئيس X، ورئيس الوزراء Y"): the verb's subject the
// layers could not name, so the actors after it are its objects, not
// joint subjects meeting each other.
func (a *analyzer) unnamedTitleBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if a.cueKindAt(k) != cueTitle {
			continue
		}
		for k2 := k + 1; k2 < to; k2++ {
			if a.lookupWord(cueNameStop, a.toks[k2].Norm) {
				return true
			}
		}
		return false
	}
	return false
}

// scheduledWords follow من in a sentence that announces what is to come
// ("من المقرر أن يجري الوفد الذي يضم X مباحثات مع Y، ويلتقي Z").
var scheduledWords = map[string]bool{"المقرر": true, "المنتظر": true, "المتوقع": true, "المزمع": true}

// scheduledBefore reports whether "من المقرر" or the like stands anywhere
// before token i in the sentence: every meeting after it, however long
// the subject between or however many verbs are joined to the first, is
// planned.
func (a *analyzer) scheduledBefore(i int) bool {
	for k := 1; k < i; k++ {
		if p := a.toks[k-1].Norm; (p == "من" || p == "ومن") && scheduledWords[a.toks[k].Norm] {
			return true
		}
	}
	return false
}

// eventWordBetween reports whether words of attendance or companionship
// stand in [from, to) ("X، بحضور وزير الخارجية والمغتربين Y"): the actor
// after them is a guest, not the next of a list with the one before.
func (a *analyzer) eventWordBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if a.eventFirst(k) && (a.longestPhraseAt(cueEventAttendance, k) > 0 || a.longestPhraseAt(cueEventCompanion, k) > 0) {
			return true
		}
	}
	return false
}
