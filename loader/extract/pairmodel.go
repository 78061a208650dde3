package extract

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/rawabit/rawabit/graph"
)

// The pair model is a learned scorer over candidate actor pairs: for every
// relation type with a trigger in a sentence, every ordered pair of the
// sentence's mentions near that trigger (one unordered pair for met) is a
// candidate, described by sparse named features (the trigger's entry, the
// order of source, trigger and target, distances, what stands between them,
// the mentions' kinds, the preposition before each, whether a rule already
// claimed the pair). A logistic regression trained on the real-news dev
// gold (pairmodel_train_test.go) gives each candidate a probability; the
// model claims a pair no rule claimed when that probability reaches its
// threshold, under the construction name PairModelRule. See
// docs/extraction.md, "The pair model".

// PairModelRule is the construction name of the pair model's claims.
const PairModelRule = "model/pair"

// pairMaxReach is how far, in tokens, a candidate's mentions may stand from
// its trigger.
const pairMaxReach = 20

// PairModel is a trained pair scorer: a weight per feature name,
// and the probability from which it claims a pair.
type PairModel struct {
	// Threshold is the probability from which a candidate is claimed.
	Threshold float64 `json:"threshold"`
	// L2 is the regularisation the weights were trained with (a record).
	L2 float64 `json:"l2"`
	// Note says how the model was trained and evaluated.
	Note string `json:"note,omitempty"`
	// Weights maps feature names to weights; "bias" is the intercept.
	Weights map[string]float64 `json:"weights"`
	hashed  map[uint64]float64
}

// LoadPairModel reads a pair model written as JSON (data/pairmodel.json).
// A threshold outside (0, 1] or a non-finite weight is an error wrapping
// graph.ErrInvalid.
func LoadPairModel(r io.Reader) (*PairModel, error) {
	var m PairModel
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("extract: pair model: %w: %v", graph.ErrInvalid, err)
	}
	if !(m.Threshold > 0 && m.Threshold <= 1) {
		return nil, fmt.Errorf("extract: pair model: %w: threshold %v, want one in (0, 1]", graph.ErrInvalid, m.Threshold)
	}
	m.hashed = make(map[uint64]float64, len(m.Weights))
	for name, w := range m.Weights {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("extract: pair model: %w: weight of %q is %v", graph.ErrInvalid, name, w)
		}
		m.hashed[hashString(fnvOffset, name)] += w
	}
	return &m, nil
}

// WithPairModel adds the pair model's claims to the rules' (nil: none).
func WithPairModel(m *PairModel) Option {
	return func(x *Extractor) error {
		x.pairModel = m
		return nil
	}
}

// withPairRecorder makes the extractor hand every candidate pair, with its
// feature names, to f (training, pairmodel_train_test.go).
func withPairRecorder(f func(pairExample)) Option {
	return func(x *Extractor) error {
		x.pairRecord = f
		return nil
	}
}

// pairExample is one candidate as the trainer sees it.
type pairExample struct {
	Type             graph.RelationType
	Source, Target   Argument
	Article          string
	Features         []string
	RuleClaimed      bool
	Quote            string
	QStart, QEnd     int
	Certainty        graph.Certainty
	SourceI, TargetI int
	// Sentence is the text of the candidate's sentence.
	Sentence string
}

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// pairScratch is the analyzer's scratch space for the pair model.
type pairScratch struct {
	score   float64
	names   []string
	recordF bool
	model   *PairModel
	// trig holds the indices of the sentence's usable triggers of the
	// relation type being scored.
	trig []int
}

// feat adds the feature named by the concatenation of parts: its weight to
// the score, and its name when recording.
func (p *pairScratch) feat(parts ...string) {
	h := fnvOffset
	for _, s := range parts {
		h = hashString(h, s)
	}
	if p.model != nil {
		p.score += p.model.hashed[h]
	}
	if p.recordF {
		n := 0
		for _, s := range parts {
			n += len(s)
		}
		b := make([]byte, 0, n)
		for _, s := range parts {
			b = append(b, s...)
		}
		p.names = append(p.names, string(b))
	}
}

var distBuckets = [...]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}

func distBucket(d int) string {
	switch {
	case d < 0:
		d = -d
	}
	switch {
	case d <= 2:
		return distBuckets[d]
	case d <= 5:
		return "3-5"
	case d <= 10:
		return "6-10"
	default:
		return "11+"
	}
}

var relNames = map[graph.RelationType]string{graph.Met: "met", graph.Supported: "sup", graph.Opposed: "opp"}

// scorePairs builds the sentence's candidate pairs, records them when
// training, and claims those the model scores at its threshold that no
// rule claimed. It runs after the rules, on a.results.
func (a *analyzer) scorePairs(article string) {
	x := a.x
	if x.pairModel == nil && x.pairRecord == nil {
		return
	}
	p := &a.pair
	p.model, p.recordF = x.pairModel, x.pairRecord != nil
	reported, negation := false, false
	for _, c := range a.cues {
		switch c.kind {
		case cueReported, cueReportedAfter:
			reported = true
		case cueNegNext, cueNegDenial:
			negation = true
		}
	}
	for _, rel := range graph.RelationTypes {
		p.trig = p.trig[:0]
		for ci, c := range a.cues {
			if c.rel == rel && c.kind.isTrigger() && !c.consumed && !c.neg && !a.negated(ci) {
				p.trig = append(p.trig, ci)
			}
		}
		if len(p.trig) == 0 {
			continue
		}
		for si := range a.men {
			for ti := range a.men {
				if si == ti || rel == graph.Met && ti < si || abs(a.men[si].i-a.men[ti].i) > 2*pairMaxReach {
					continue
				}
				a.scorePair(article, rel, si, ti, reported, negation)
			}
		}
	}
}

// nearestTrigger returns the index of the usable trigger (a.pair.trig)
// nearest to both mentions, or -1 when none is within pairMaxReach.
func (a *analyzer) nearestTrigger(ms, mt mention) int {
	best, bd := -1, pairMaxReach+1
	for _, ci := range a.pair.trig {
		c := a.cues[ci]
		d := max(abs(c.i-ms.i), abs(c.i-mt.i))
		if d < bd {
			best, bd = ci, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func (a *analyzer) ruleClaimed(rel graph.RelationType, src, tgt string) (rule string, reverse bool) {
	for _, r := range a.results {
		c := r.Claim
		if c.Type != rel {
			continue
		}
		if c.Source == src && c.Target == tgt || rel == graph.Met && c.Source == tgt && c.Target == src {
			return r.Rule, false
		}
		if c.Source == tgt && c.Target == src {
			rule, reverse = r.Rule, true
		}
	}
	return rule, reverse
}

func ruleFamily(rule string) string {
	for i := 0; i < len(rule); i++ {
		if rule[i] == '/' || rule[i] == '-' {
			return rule[:i]
		}
	}
	return rule
}

var relativePronouns = map[string]bool{"الذي": true, "التي": true, "الذين": true, "اللذين": true, "اللتين": true, "اللذان": true, "اللتان": true}

// prepBefore names the preposition that governs mention m: its clitic or
// party word, or the word right before it when that is one.
func (a *analyzer) prepBefore(m mention) string {
	switch {
	case m.partyWord != "":
		return m.partyWord
	case m.prep == prepClitic:
		return m.clitic
	}
	if m.i > 0 {
		switch w := a.toks[m.i-1].Norm; w {
		case "مع", "على", "ضد", "من", "قبل", "الي", "الى", "عن", "بين", "في", "لدي", "لدى":
			return w
		}
	}
	return "-"
}

func (a *analyzer) mentionKind(m mention) (kind, typ string) {
	return string(a.kindOf(m.actor)), string(a.x.forms[m.form].typ)
}

func (a *analyzer) scorePair(article string, rel graph.RelationType, si, ti int, reported, negation bool) {
	ms, mt := a.men[si], a.men[ti]
	if ms.actor == mt.actor || rel != graph.Opposed && a.affiliated(ms.actor, mt.actor) {
		return
	}
	ci := a.nearestTrigger(ms, mt)
	if ci < 0 {
		return
	}
	c := a.cues[ci]
	src, tgt := a.actor(ms.actor), a.actor(mt.actor)
	rule, reverse := a.ruleClaimed(rel, src.ID, tgt.ID)
	if rule != "" && !reverse && a.x.pairRecord == nil {
		return // the rule's claim stands
	}
	p := &a.pair
	p.score, p.names = 0, p.names[:0]
	rn := relNames[rel]
	p.feat("bias")
	p.feat("rel=", rn)
	p.feat("kind=", rn, ":", strconv.Itoa(int(c.kind)))
	p.feat("trig=", rn, ":", a.x.specs[c.spec].text)
	order := pairOrder(ms.i, mt.i, c.i)
	p.feat("ord=", rn, ":", order)
	trig := a.x.specs[c.spec].text
	p.feat("trigord=", rn, ":", trig, ":", order)
	p.feat("trigpt=", rn, ":", trig, ":", a.prepBefore(mt))
	p.feat("ordpt=", rn, ":", order, ":", a.prepBefore(mt))
	p.feat("ordps=", rn, ":", order, ":", a.prepBefore(ms))
	nb, ns, nt, rs, rt := a.pairNeighbours(si, ti, c.i)
	p.feat("rs=", rn, ":", order, ":", distBucket(min(rs, 2)))
	p.feat("rt=", rn, ":", order, ":", distBucket(min(rt, 2)))
	p.feat("nb=", rn, ":", distBucket(min(nb, 3)))
	p.feat("ns=", rn, ":", distBucket(min(ns, 3)))
	p.feat("nt=", rn, ":", distBucket(min(nt, 3)))
	first := a.firstPlainMention()
	if first == si {
		p.feat("sfirst=", rn)
	}
	if first == ti {
		p.feat("tfirst=", rn)
	}
	if mt.i == c.j || ms.j == c.i {
		p.feat("adjacent=", rn, ":", order)
	}
	p.feat("ds=", distBucket(c.i-ms.i))
	p.feat("dt=", distBucket(c.i-mt.i))
	p.feat("dst=", distBucket(mt.i-ms.i))
	lo, hi := min(ms.i, mt.i, c.i), max(ms.j, mt.j, c.j)
	a.spanFeatures(p, lo, hi)
	if a.clause[ms.i] == a.clause[c.i] && a.clause[mt.i] == a.clause[c.i] {
		p.feat("sameclause")
	}
	sk, sy := a.mentionKind(ms)
	tk, ty := a.mentionKind(mt)
	p.feat("ks=", rn, ":", sk)
	p.feat("kt=", rn, ":", tk)
	p.feat("ys=", sy)
	p.feat("yt=", ty)
	p.feat("kk=", rn, ":", sk, ">", tk)
	for _, f := range [...]struct {
		on   bool
		name string
	}{
		{ms.excluded, "exs"}, {mt.excluded, "ext"}, {ms.adjective, "adjs"}, {mt.adjective, "adjt"},
		{ms.conj, "conjs"}, {mt.conj, "conjt"}, {ms.carried || ms.external, "fars"}, {mt.carried || mt.external, "fart"},
		{ms.delegation > 0, "dels"}, {mt.delegation > 0, "delt"}, {ms.stateAgent, "agents"}, {mt.stateAgent, "agentt"},
		{reported, "reported"}, {negation, "negation"}, {a.off == 0, "headline"},
	} {
		if f.on {
			p.feat(f.name)
		}
	}
	switch {
	case rule != "" && !reverse:
		p.feat("rule=", ruleFamily(rule))
	case reverse:
		p.feat("rulerev=", ruleFamily(rule))
	default:
		p.feat("rule=none")
	}
	p.feat("ps=", rn, ":", a.prepBefore(ms))
	p.feat("pt=", rn, ":", a.prepBefore(mt))
	if ms.i > 0 {
		p.feat("wbs=", a.toks[ms.i-1].Norm)
	} else {
		p.feat("wbs=^")
	}
	qs, qe := a.quoteSpan(lo, hi)
	if a.x.pairRecord != nil {
		a.x.pairRecord(pairExample{
			Type: rel, Source: a.argument(ms), Target: a.argument(mt), Article: article,
			Features: append([]string(nil), p.names...), RuleClaimed: rule != "" && !reverse,
			Quote: a.text[qs:qe], QStart: a.off + qs, QEnd: a.off + qe, Certainty: a.certainty(c.i, ms.actor),
			SourceI: ms.i, TargetI: mt.i, Sentence: a.text,
		})
	}
	m := a.x.pairModel
	if m == nil || rule != "" && !reverse {
		return
	}
	prob := 1 / (1 + math.Exp(-p.score))
	if prob < m.Threshold {
		return
	}
	// One claim per pair and type in a sentence.
	for _, r := range a.results {
		if r.Rule == PairModelRule && r.Claim.Type == rel && r.Claim.Source == src.ID && r.Claim.Target == tgt.ID {
			return
		}
	}
	cl := graph.Claim{
		Type: rel, Source: src.ID, Target: tgt.ID, Article: article,
		Quote: a.text[qs:qe], Start: a.off + qs, End: a.off + qe,
		Certainty: a.certainty(c.i, ms.actor), Confidence: math.Round(prob*100) / 100, Extractor: Name, Rule: PairModelRule,
	}
	cl.ID = graph.ClaimID(cl.Article, cl.Type, cl.Source, cl.Target, cl.Start, cl.End)
	a.results = append(a.results, Result{Claim: cl, Source: a.argument(ms), Target: a.argument(mt), Rule: PairModelRule})
}

// pairOrder names the order of source (S), trigger (V) and target (T) by
// their token positions.
func pairOrder(si, ti, ci int) string {
	switch sv, tv, st := si < ci, ti < ci, si < ti; {
	case sv && tv && st:
		return "STV"
	case sv && tv:
		return "TSV"
	case sv:
		return "SVT"
	case tv:
		return "TVS"
	case st:
		return "VST"
	}
	return "VTS"
}

// pairNeighbours counts the other mentions between the two of a pair (nb),
// between the trigger at token ci and each (ns, nt), and ranks each among
// the mentions on its side of the trigger by distance (rs, rt: the nearest
// one is usually the argument).
func (a *analyzer) pairNeighbours(si, ti, ci int) (nb, ns, nt, rs, rt int) {
	ms, mt := a.men[si], a.men[ti]
	for k, o := range a.men {
		if k == si || k == ti {
			continue
		}
		if o.i > min(ms.i, mt.i) && o.i < max(ms.i, mt.i) {
			nb++
		}
		if o.i > min(ms.i, ci) && o.i < max(ms.i, ci) {
			ns++
		}
		if o.i > min(mt.i, ci) && o.i < max(mt.i, ci) {
			nt++
		}
	}
	for k, o := range a.men {
		if k != si && (o.i < ci) == (ms.i < ci) && abs(o.i-ci) < abs(ms.i-ci) {
			rs++
		}
		if k != ti && (o.i < ci) == (mt.i < ci) && abs(o.i-ci) < abs(mt.i-ci) {
			rt++
		}
	}
	return nb, ns, nt, rs, rt
}

// firstPlainMention returns the index of the sentence's first mention that
// is neither excluded nor after a preposition, or -1.
func (a *analyzer) firstPlainMention() int {
	for k, o := range a.men {
		if !o.excluded && o.prep == prepNone {
			return k
		}
	}
	return -1
}

// spanFeatures adds the features of the tokens strictly inside (lo, hi): a
// separator, a change of clause, a و-word that is no mention, a relative
// pronoun.
func (a *analyzer) spanFeatures(p *pairScratch, lo, hi int) {
	comma, clause, wa, relp := false, false, false, false
	for k := lo + 1; k < hi && k < len(a.toks); k++ {
		if a.sep[k] != 0 {
			comma = true
		}
		if a.clause[k] != a.clause[lo] {
			clause = true
		}
		if w := a.toks[k].Norm; len(w) > 2 && w[0] == "و"[0] && w[1] == "و"[1] && a.menAt[k] < 0 {
			wa = true
		} else if relativePronouns[w] {
			relp = true
		}
	}
	for _, f := range [...]struct {
		on   bool
		name string
	}{{comma, "comma"}, {clause, "clause"}, {wa, "wa"}, {relp, "relpron"}} {
		if f.on {
			p.feat(f.name)
		}
	}
}
