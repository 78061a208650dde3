package extract

import (
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/internal/input"
)

// cueKind is what a lexicon entry signals.
type cueKind uint8

const (
	cueNone cueKind = iota
	cueVerb
	cueReliance
	cueDemand
	cueDemandObject
	cueReceive
	cueCircumstantial
	cueNoun
	cuePassive    // X <marker> Y: Y -> X
	cueParticiple // X <marker> Y: X -> Y
	cueRefusal
	cueReported
	cueReportedAfter
	cueAlleged
	cueAllegedImperfect
	cueNegNext
	cueNegDenial
	cueNegBridge
	cueNegException
	cuePlanned
	cueAgent
	cueTitle
	cueCountryPronoun
	cueStateAgent
	cueMutual
	cuePossessor
	cueLocation
	cueStateLocation
	cueParty
	cueBetween
	cueClauseBreak
	cueComplementizer
	cueRelative
	// Looked up word by word, never matched as cues.
	cueStance                  // "للموقف المصري": a demonym after it is a party
	cueIndirect                // "مفاوضات غير مباشرة": the meeting is not met
	cueDelegation              // "وفد": a delegation noun
	cueDelegationHead          // "برئاسة": the person after it leads the delegation
	cueInstrument              // "ردت بضربات": the subject acts through the noun
	cueSince                   // "منذ قمة": a meeting as a time reference
	cuePerfectAux              // "كان ... قد التقى": قد is not a hedge
	cueBlameObject             // "حملت X Y مسؤولية": the object of a blame verb
	cueContinuation            // "حيث التقى": the verb after it keeps the subject
	cueAnaphor                 // "الحركة": the last organisation named "حركة ..."
	cuePlannedAfter            // "يلتقي ترامب بوتين الأسبوع المقبل": a planned meeting
	cueRank                    // "اللواء": a name follows
	cueFirstName               // "محمد": a discovered name may start with it
	cueNameStop                // "اليوم": a discovered name ends before it
	cueEventAttendance         // "بحضور": attendees of the last meeting follow
	cueEventReception          // "وكان في استقباله": the hosts of arrivals follow
	cueEventCompanion          // "مرفوقا بـ": companions of a participant follow
	cueEventDual               // "وتباحثا": a dual meeting verb, the two subjects meet
	cueExceptive               // "إلا": a negation before it states the relation
	cueAbsence                 // "في غياب": the actor after it took no part
	cuePlaceHead               // "قصر": a name starting with it is a place after ب
	cueAbout                   // "بشأن": the noun after it is a topic
	cueCause                   // "بسبب": the noun after it is a cause
	cueCircumstance            // "خلال القمة": the meeting is the time of another act
	cueCoAgent                 // "، إلى جانب إيران،": an actor sharing the role of the one before
	cueHonorific               // "معالي", "حضرة": opens a title run, never an office of its own
	cueBlock                   // "قطع تمويل", "حظر الأسلحة": the support noun after it is stopped
	cueSubordinate             // "مساعد البرهان": the person after it only describes another one
	cueUndergo                 // "تعرضت لـ": the subject suffers the act of the noun after it
	cueDeniedClaim             // "نفت الاتهامات": a denial of claims negates the rest of the sentence
	cueEnjoy                   // "يحظى X بدعم Y": Y supports X
	cueVictim                  // "اغتيال X": X suffered the act, no party of the verb before
	cueAttackNoun              // "الهجوم على X": after a verb that judges the attack, X was hit
	cueJudging                 // "أدان", "رفض": judges an act named after it, done by another
	cueKindGroup               // "هذه الجماعة": refers back to a group
	cueKindState               // "هذه الدولة": refers back to a state
	cueKindPerson              // "هذا الرجل": refers back to a person
	cueKindStates              // "البلدان": refers back to two states
	cueGroupHead               // "حركة حماس": a head word that makes an organisation a group
	cueDemonstrative           // "هذه": before a kind anaphor
	cueEmbFiller               // "بشدة": filler between a stance word and its object
	cueEmbHypothetical         // "أي هجوم": an event that may come
	cueEmbImposed              // "الحصار المفروض": a participle or adjective of an event
	cueEmbTransitive           // "الغزو الروسي لأوكرانيا": patient with ل
	cueEmbIntervention         // "التدخل في": an intervention noun
	cueEmbAffairs              // "في شؤون X": before the one intervened in
	cueEmbStand                // "الوقوف خلف": accuses of the event after it
	cueEmbBehind               // "خلف", "وراء" after stand
	cueEmbHitVerb              // "الذي استهدف X": X was hit by the event
	cueEmbReply                // "ردا على": the act after it is the other side's
	cueGrAttackPrep            // grammar.attack_prepositions
	cueGrSpeechNoun            // grammar.speech_nouns
	cueGrAttribution           // grammar.attributions
	cueGrArmsStore             // grammar.arms_stores
	cueGrWarnVerb              // grammar.warn_verbs
	cueGrGoverning             // grammar.governing
	cueGrTimeWord              // grammar.time_words
	cueGrSubjectOpener         // grammar.subject_openers
	cueGrCompoundHead          // grammar.compound_heads
	cueGrDirection             // grammar.directions
	cueGrPronounComplementizer // grammar.pronoun_complementizers
	cueGrIssued                // grammar.issued
	cueGrDependent             // grammar.dependents
	cueGrSiteNoun              // grammar.site_nouns
	cueGrGuestNoun             // grammar.guest_nouns
	cueCommonNounName          // entities.common_nouns
	cueGrStrikeNoun            // grammar.strike_nouns
	cueGrBetweenPronoun        // grammar.between_pronouns
	cueHonorificPronoun        // entities.honorific_pronouns
	cueEventMembers            // "وضم الوفد": members of the last meeting's guest delegation follow
)

// isLookup reports whether entries of the kind are looked up in word sets
// rather than matched as cues.
func (k cueKind) isLookup() bool {
	return k == cueDemandObject || k == cueCountryPronoun || k >= cueStance
}

// isTrigger reports whether the cue introduces a relation.
func (k cueKind) isTrigger() bool {
	return k == cueVerb || k == cueDemand || k == cueReliance || k == cueReceive || k == cueCircumstantial || k == cueNoun || k == cuePassive || k == cueParticiple || k == cueRefusal || k == cueMutual
}

// cueSpec is the meaning of one lexicon entry.
type cueSpec struct {
	kind cueKind
	rel  graph.RelationType
	// clitic is a one-letter preposition (ب ل ك) the entry ends with, which
	// the text glues to the next word ("الموالية لحفتر").
	clitic string
	text   string
	line   int
	// splitPrep is the preposition of a split verb: the subject may stand
	// between the verb and it ("بحث عباس مع الملك عبد الله").
	splitPrep string
	// accusation is an opposed verb whose complement is alleged.
	accusation bool
	// blame is a demand verb whose object is a blame_objects word right
	// after the target ("حملت حماس إسرائيل مسؤولية ...").
	blame bool
	// own is a noun whose pronoun refers to the subject ("دعمها").
	own bool
	// lemma is an inflection generated from a lemma (lemmas.go).
	lemma bool
	// endsWithPrep is a verb phrase ending with its object's preposition
	// ("ضغط على", "تعاون مع"): the actor after it is the target.
	endsWithPrep bool
}

// Lexicon is the trigger lexicon (data/triggers.yaml): trigger words per
// relation type and the cue words for certainty, negation, planned meetings,
// agents, titles, prepositions and clause boundaries.
type Lexicon struct {
	entries []cueEntry
	// frames are the constructions of the frames: section (frames.go);
	// frameVerbs maps each normalised verb to the frames it starts.
	frames     []frame
	frameVerbs map[string][]int32
	// calibration maps a rule to its base confidence measured on the dev
	// gold (the calibration: section, written by rawabit eval --calibrate).
	calibration map[string]float64
}

type cueEntry struct {
	tokens []string
	spec   cueSpec
}

// lexiconSections maps a YAML path to the kind of its entries.
var lexiconSections = map[string]cueSpec{
	"refusals":                           {kind: cueRefusal, rel: graph.Opposed},
	"certainty.reported":                 {kind: cueReported},
	"certainty.reported_after":           {kind: cueReportedAfter},
	"certainty.alleged":                  {kind: cueAlleged},
	"certainty.alleged_before_imperfect": {kind: cueAllegedImperfect},
	"negation.next":                      {kind: cueNegNext},
	"negation.denials":                   {kind: cueNegDenial},
	"negation.bridges":                   {kind: cueNegBridge},
	"negation.exceptions":                {kind: cueNegException},
	"planned_met":                        {kind: cuePlanned},
	"agent_markers":                      {kind: cueAgent},
	"titles":                             {kind: cueTitle},
	"country_pronouns":                   {kind: cueCountryPronoun},
	"state_agents":                       {kind: cueStateAgent},
	"possessors":                         {kind: cuePossessor},
	"prepositions.location":              {kind: cueLocation},
	"prepositions.state_location":        {kind: cueStateLocation},
	"prepositions.party":                 {kind: cueParty},
	"prepositions.between":               {kind: cueBetween},
	"clause_breaks":                      {kind: cueClauseBreak},
	"complementizers":                    {kind: cueComplementizer},
	"relatives":                          {kind: cueRelative},
	"stance_nouns":                       {kind: cueStance},
	"indirect_met":                       {kind: cueIndirect},
	"delegations.nouns":                  {kind: cueDelegation},
	"delegations.heads":                  {kind: cueDelegationHead},
	"instrument_verbs":                   {kind: cueInstrument},
	"since":                              {kind: cueSince},
	"perfect_auxiliaries":                {kind: cuePerfectAux},
	"blame_objects":                      {kind: cueBlameObject},
	"continuations":                      {kind: cueContinuation},
	"anaphors":                           {kind: cueAnaphor},
	"planned_after":                      {kind: cuePlannedAfter},
	"entities.ranks":                     {kind: cueRank},
	"entities.first_names":               {kind: cueFirstName},
	"entities.name_stops":                {kind: cueNameStop},
	"events.attendance":                  {kind: cueEventAttendance},
	"events.reception":                   {kind: cueEventReception},
	"events.companion":                   {kind: cueEventCompanion},
	"events.dual":                        {kind: cueEventDual},
	"events.members":                     {kind: cueEventMembers},
	"negation.exceptives":                {kind: cueExceptive},
	"absence":                            {kind: cueAbsence},
	"place_heads":                        {kind: cuePlaceHead},
	"about":                              {kind: cueAbout},
	"causes":                             {kind: cueCause},
	"circumstances":                      {kind: cueCircumstance},
	"co_agents":                          {kind: cueCoAgent},
	"entities.honorifics":                {kind: cueHonorific},
	"blocks":                             {kind: cueBlock},
	"entities.subordinates":              {kind: cueSubordinate},
	"entities.common_nouns":              {kind: cueCommonNounName},
	"entities.honorific_pronouns":        {kind: cueHonorificPronoun},
	"undergo":                            {kind: cueUndergo},
	"negation.denied_claims":             {kind: cueDeniedClaim},
	"enjoy":                              {kind: cueEnjoy},
	"victim_nouns":                       {kind: cueVictim},
	"attack_nouns":                       {kind: cueAttackNoun},
	"judging":                            {kind: cueJudging},
	"kind_anaphors.group":                {kind: cueKindGroup},
	"kind_anaphors.state":                {kind: cueKindState},
	"kind_anaphors.person":               {kind: cueKindPerson},
	"kind_anaphors.states":               {kind: cueKindStates},
	"kind_anaphors.group_heads":          {kind: cueGroupHead},
	"kind_anaphors.demonstratives":       {kind: cueDemonstrative},
	"embedded_events.fillers":            {kind: cueEmbFiller},
	"embedded_events.hypothetical":       {kind: cueEmbHypothetical},
	"embedded_events.imposed":            {kind: cueEmbImposed},
	"embedded_events.transitive":         {kind: cueEmbTransitive},
	"embedded_events.interventions":      {kind: cueEmbIntervention},
	"embedded_events.affairs":            {kind: cueEmbAffairs},
	"embedded_events.stand":              {kind: cueEmbStand},
	"embedded_events.behind":             {kind: cueEmbBehind},
	"embedded_events.hit_verbs":          {kind: cueEmbHitVerb},
	"embedded_events.replies":            {kind: cueEmbReply},
	"grammar.attack_prepositions":        {kind: cueGrAttackPrep},
	"grammar.speech_nouns":               {kind: cueGrSpeechNoun},
	"grammar.attributions":               {kind: cueGrAttribution},
	"grammar.arms_stores":                {kind: cueGrArmsStore},
	"grammar.warn_verbs":                 {kind: cueGrWarnVerb},
	"grammar.governing":                  {kind: cueGrGoverning},
	"grammar.time_words":                 {kind: cueGrTimeWord},
	"grammar.subject_openers":            {kind: cueGrSubjectOpener},
	"grammar.compound_heads":             {kind: cueGrCompoundHead},
	"grammar.directions":                 {kind: cueGrDirection},
	"grammar.pronoun_complementizers":    {kind: cueGrPronounComplementizer},
	"grammar.issued":                     {kind: cueGrIssued},
	"grammar.dependents":                 {kind: cueGrDependent},
	"grammar.site_nouns":                 {kind: cueGrSiteNoun},
	"grammar.guest_nouns":                {kind: cueGrGuestNoun},
	"grammar.strike_nouns":               {kind: cueGrStrikeNoun},
	"grammar.between_pronouns":           {kind: cueGrBetweenPronoun},
}

func init() {
	forms := map[string]cueKind{"verbs": cueVerb, "nouns": cueNoun, "passive": cuePassive, "participles": cueParticiple, "mutual": cueMutual, "circumstantial": cueCircumstantial, "reliance": cueReliance, "demands": cueDemand, "demand_objects": cueDemandObject, "receive": cueReceive, "own_nouns": cueNoun, "accusations": cueVerb, "split_verbs": cueVerb, "blames": cueDemand}
	for _, t := range graph.RelationTypes {
		for f, k := range forms {
			lexiconSections["relations."+strings.ToLower(string(t))+"."+f] = cueSpec{kind: k, rel: t}
		}
	}
}

// LoadLexicon reads a trigger lexicon file. Errors are input errors
// (*graph.Error of kind graph.ErrInvalid, joined, at most input.MaxErrors)
// naming the file and line: YAML syntax, an unknown section, an entry that
// is not a string or is empty, an entry listed twice (both lines named).
func LoadLexicon(path string) (*Lexicon, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("extract: read lexicon: %w", err)
	}
	return ParseLexicon(path, data)
}

// ParseLexicon parses a trigger lexicon; name is used in error messages.
// Errors are as for LoadLexicon.
func ParseLexicon(name string, data []byte) (*Lexicon, error) {
	root, err := input.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, input.Errorf(input.Line(name, 1), "empty lexicon")
	}
	lex := &Lexicon{}
	seen := map[string]cueSpec{}
	var errs []error
	var lemmas []lemmaNode
	var walk func(path string, n *yaml.Node)
	walk = func(path string, n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				p := k.Value
				if path != "" {
					p = path + "." + k.Value
				}
				if rel, ok := lemmaSection(p); ok {
					// Generated after the hand-written lists, which win.
					lemmas = append(lemmas, lemmaNode{rel, n.Content[i+1]})
					continue
				}
				if p == "calibration" {
					cal, cerrs := parseCalibration(name, n.Content[i+1])
					lex.calibration = cal
					errs = append(errs, cerrs...)
					continue
				}
				if p == "frames" {
					fs, verbs, ferrs := parseFrames(name, n.Content[i+1])
					lex.frames, lex.frameVerbs = fs, verbs
					errs = append(errs, ferrs...)
					continue
				}
				if p == "version" {
					if n.Content[i+1].Value != "1" {
						errs = append(errs, input.Errorf(input.Line(name, n.Content[i+1].Line), "unsupported version %q (want 1)", n.Content[i+1].Value))
					}
					continue
				}
				if _, ok := lexiconSections[p]; !ok && n.Content[i+1].Kind != yaml.MappingNode {
					errs = append(errs, input.Errorf(input.Line(name, k.Line), "unknown section %q", p))
					continue
				}
				walk(p, n.Content[i+1])
			}
		case yaml.SequenceNode:
			spec, ok := lexiconSections[path]
			if !ok {
				errs = append(errs, input.Errorf(input.Line(name, n.Line), "unknown section %q", path))
				return
			}
			for _, it := range n.Content {
				if it.Kind != yaml.ScalarNode || it.Tag != "!!str" && it.Tag != "!!int" {
					errs = append(errs, input.Errorf(input.Line(name, it.Line), "%s: want a word, got a %s", path, kindName(it)))
					continue
				}
				toks := arabic.Tokens(it.Value)
				if len(toks) == 0 {
					errs = append(errs, input.Errorf(input.Line(name, it.Line), "%s: empty entry %q", path, it.Value))
					continue
				}
				words := make([]string, len(toks))
				for i, t := range toks {
					words[i] = t.Norm
				}
				s := spec
				s.text, s.line = it.Value, it.Line
				s.own = strings.HasSuffix(path, ".own_nouns")
				s.accusation = strings.HasSuffix(path, ".accusations")
				s.blame = strings.HasSuffix(path, ".blames")
				if last := words[len(words)-1]; len(words) > 1 && (last == "ب" || last == "ل" || last == "ك") {
					s.clitic = last
					words = words[:len(words)-1]
				}
				if strings.HasSuffix(path, ".split_verbs") {
					switch {
					case s.clitic != "":
						s.splitPrep, s.clitic = s.clitic, ""
					case len(words) >= 2:
						s.splitPrep = words[len(words)-1]
						words = words[:len(words)-1]
					default:
						errs = append(errs, input.Errorf(input.Line(name, it.Line), "%s: %q: want a verb and its preposition", path, it.Value))
						continue
					}
				}
				switch words[len(words)-1] {
				case "علي", "مع", "عن", "ضد", "الي", "من", "جانب", "ب", "ل":
					s.endsWithPrep = len(words) > 1
				}
				if s.clitic != "" {
					s.endsWithPrep = true
				}
				key := strings.Join(words, " ") + "|" + s.clitic
				if s.kind.isLookup() {
					key = path + ":" + key // looked up on their own, not matched as cues
				}
				if prev, dup := seen[key]; dup {
					errs = append(errs, input.Errorf(input.Line(name, it.Line), "%q is already listed at line %d", it.Value, prev.line))
					continue
				}
				seen[key] = s
				lex.entries = append(lex.entries, cueEntry{tokens: words, spec: s})
			}
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(path, c)
			}
		default:
			errs = append(errs, input.Errorf(input.Line(name, n.Line), "%s: want a list or a mapping, got a %s", path, kindName(n)))
		}
	}
	walk("", root)
	for _, ln := range lemmas {
		errs = append(errs, lex.addLemmas(name, ln.rel, ln.node, seen)...)
	}
	if len(errs) > 0 {
		return nil, input.JoinCapped(errs)
	}
	return lex, nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	if n.Tag == "!!null" {
		return "null"
	}
	return "scalar " + n.Tag
}

// Len is the number of entries in the lexicon.
func (l *Lexicon) Len() int { return len(l.entries) }

// parseCalibration parses the calibration: section: rule names mapped to
// confidences in [0.30, 0.95].
func parseCalibration(name string, n *yaml.Node) (map[string]float64, []error) {
	if n.Kind != yaml.MappingNode {
		return nil, []error{input.Errorf(input.Line(name, n.Line), "calibration: want a mapping of rules to confidences, got a %s", kindName(n))}
	}
	cal := map[string]float64{}
	var errs []error
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var c float64
		if err := v.Decode(&c); err != nil || c < 0.3 || c > 0.95 {
			errs = append(errs, input.Errorf(input.Line(name, v.Line), "calibration: %s: want a confidence from 0.30 to 0.95, got %q", k.Value, v.Value))
			continue
		}
		cal[k.Value] = c
	}
	return cal, errs
}
