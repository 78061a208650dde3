package extract

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// Gold is a hand-made gold file (format: ANNOTATION.md, "Gold file format";
// how to annotate one: docs/annotation.md).
type Gold struct {
	Entities  []GoldEntity   `json:"entities"`
	Relations []GoldRelation `json:"relations"`
}

// GoldEntity is an actor of a gold file; its id need not be the project's.
type GoldEntity struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Kind         string   `json:"kind"`
	SurfaceForms []string `json:"surface_forms"`
}

// GoldRelation is one relation of a gold file. Certainty "negated" marks a
// relation that must not be extracted, "optional" a borderline one that is
// neither credited nor penalised; any other certainty (or none) is a
// relation to find.
type GoldRelation struct {
	Type      string `json:"type"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	Article   string `json:"article"`
	Quote     string `json:"quote"`
	Certainty string `json:"certainty"`
}

// The certainties of a gold file beyond graph's own: a negated relation
// must not be extracted, an optional one is neither credited nor penalised.
const (
	GoldNegated  = "negated"
	GoldOptional = "optional"
)

// LoadGold reads a gold file; certainties are lower-cased. Errors name the
// file and, for malformed JSON, the line; a relation with an unknown type or
// certainty, or without article, source or target, is an error wrapping
// graph.ErrInvalid and naming its index.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("extract: read gold: %w", err)
	}
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		line := 0
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line = 1 + strings.Count(string(data[:min(int(se.Offset), len(data))]), "\n")
		case errors.As(err, &te):
			line = 1 + strings.Count(string(data[:min(int(te.Offset), len(data))]), "\n")
		}
		return nil, fmt.Errorf("extract: gold %s:%d: %w: %v", path, line, graph.ErrInvalid, err)
	}
	for i := range g.Relations {
		r := &g.Relations[i]
		if _, err := graph.ParseRelationType(r.Type); err != nil {
			return nil, fmt.Errorf("extract: gold %s: relation %d: %w", path, i, err)
		}
		r.Certainty = strings.ToLower(strings.TrimSpace(r.Certainty))
		if r.Certainty != GoldNegated && r.Certainty != GoldOptional && r.Certainty != "" {
			if _, err := graph.ParseCertainty(r.Certainty); err != nil {
				return nil, fmt.Errorf("extract: gold %s: relation %d: %w: unknown certainty %q (want asserted, reported, alleged, %s or %s)",
					path, i, graph.ErrInvalid, r.Certainty, GoldNegated, GoldOptional)
			}
		}
		if r.Article == "" || r.Source == "" || r.Target == "" {
			return nil, fmt.Errorf("extract: gold %s: relation %d: %w: article, source and target are required", path, i, graph.ErrInvalid)
		}
	}
	return &g, nil
}

// evalKey is what scoring counts: one relation per (type, source, target,
// article); met is symmetric, so its actors are sorted.
type evalKey struct {
	Type           graph.RelationType
	Source, Target string
	Article        string
}

func keyOf(t graph.RelationType, s, tg, article string) evalKey {
	if t == graph.Met && tg < s {
		s, tg = tg, s
	}
	return evalKey{t, s, tg, article}
}

// Score is precision, recall and F1 of one relation type or of all.
// Extracted counts the distinct relations found in scored articles, less
// those the gold file marks optional; Gold counts the relations to find;
// Negative counts the gold relations marked negated.
type Score struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Extracted int     `json:"found"`
	Negative  int     `json:"negative"`
}

func (s *Score) finish() {
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Finding is one false positive or miss, with the sentence behind it. Its
// JSON form has the relation type in lower case ("met").
type Finding struct {
	Type    graph.RelationType `json:"type"`
	Source  string             `json:"source"`
	Target  string             `json:"target"`
	Article string             `json:"article"`
	// Quote is the gold quote of a miss, or the quote the extractor cut
	// for a false positive.
	Quote string `json:"quote"`
	// Negated is a false positive the gold file marks as negated; GoldQuote
	// is then the gold file's quote of the negated relation.
	Negated   bool   `json:"negated,omitempty"`
	GoldQuote string `json:"gold_quote,omitempty"`
	// Rule, Confidence and the mentions of the two actors are those of the
	// extracted claim (false positives only).
	Rule          string  `json:"rule,omitempty"`
	Confidence    float64 `json:"confidence,omitempty"`
	SourceMention string  `json:"source_mention,omitempty"`
	TargetMention string  `json:"target_mention,omitempty"`
}

// MarshalJSON writes the finding with its tags, the type in lower case.
func (f Finding) MarshalJSON() ([]byte, error) {
	type plain Finding // without this method
	return json.Marshal(struct {
		Type string `json:"type"`
		plain
	}{typeName(f.Type), plain(f)})
}

// Report is the outcome of Evaluate.
type Report struct {
	Overall        Score
	ByType         map[graph.RelationType]*Score
	FalsePositives []Finding
	Misses         []Finding
	// Unaligned lists the gold entities, among those the relations of the
	// scored articles name, that match none of our actors; relations with
	// them can only be missed.
	Unaligned []string
	// Articles is the number of articles scored: the gold file's articles
	// that were read.
	Articles int
	// Absent lists, sorted, the gold file's articles that were not read
	// (always empty when Evaluate is given no article set).
	Absent []string
	// Curve is the precision/recall curve over confidence thresholds; only
	// Curve fills it.
	Curve []CurvePoint
	// ByRule counts, per rule of the extractor (Result.Rule), the claims
	// that are right and wrong: the precision each construction has on the
	// gold, the figure its base confidence is calibrated against.
	ByRule map[string]*RuleScore
}

// RuleScore is what one rule of the extractor found in the gold's articles
// (optional relations not counted).
type RuleScore struct {
	Rule   string `json:"rule"`
	TP, FP int
}

// Precision is TP / (TP + FP), 0 without claims.
func (s RuleScore) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Calibration shrinks a rule's precision on the gold towards a prior by a
// number of pseudo-claims, so that a rule seen a few times is not trusted
// as if it were seen often: (TP + CalibrationWeight·CalibrationPrior) /
// (TP + FP + CalibrationWeight).
const (
	CalibrationPrior  = 0.6
	CalibrationWeight = 5.0
)

// Calibrated is the rule's calibrated confidence (see CalibrationPrior),
// rounded to two decimals.
func (s RuleScore) Calibrated() float64 {
	c := (float64(s.TP) + CalibrationWeight*CalibrationPrior) / (float64(s.TP+s.FP) + CalibrationWeight)
	return math.Round(c*100) / 100
}

// WriteCalibration prints the calibration: section of the trigger lexicon
// for the rules' scores, sorted by rule.
func WriteCalibration(w io.Writer, rep Report, command string) error {
	rules := make([]string, 0, len(rep.ByRule))
	for r := range rep.ByRule {
		if r != "" {
			rules = append(rules, r)
		}
	}
	slices.Sort(rules)
	var b strings.Builder
	fmt.Fprintf(&b, "# Generated by: %s\n", command)
	fmt.Fprintf(&b, "# Each rule's precision on the gold, shrunk towards %.2f by %.0f pseudo-claims.\n", CalibrationPrior, CalibrationWeight)
	b.WriteString("calibration:\n")
	for _, r := range rules {
		s := rep.ByRule[r]
		fmt.Fprintf(&b, "  %s: %.2f   # tp %d, fp %d\n", r, s.Calibrated(), s.TP, s.FP)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteRules prints the rules' scores, most claims first.
func WriteRules(w io.Writer, rep Report) error {
	rules := make([]*RuleScore, 0, len(rep.ByRule))
	for _, r := range rep.ByRule {
		rules = append(rules, r)
	}
	slices.SortFunc(rules, func(a, b *RuleScore) int {
		return cmp.Or(cmp.Compare(b.TP+b.FP, a.TP+a.FP), strings.Compare(a.Rule, b.Rule))
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%-32s %5s %5s %9s %10s\n", "rule", "tp", "fp", "precision", "calibrated")
	for _, r := range rules {
		fmt.Fprintf(&b, "%-32s %5d %5d %9.3f %10.2f\n", r.Rule, r.TP, r.FP, r.Precision(), r.Calibrated())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Evaluate scores extracted results against a gold file. Only articles the
// gold file annotates are scored: of the given articles (the ones read; nil
// means every article of the gold file), the claims of an article the gold
// file does not name are ignored.
//
// Gold entities are aligned to our actor ids through their surface forms,
// each form voting for one id (the most voted id wins, ties to the smallest
// id): the id resolve gives it (a gazetteer actor, "" when it names none),
// else the id of an actor the extractor itself produced in a scored article
// whose mention text or Arabic name equals the form once normalised
// (arabic.Normalize) — so actors it discovered outside the gazetteer can be
// credited. A gold id that resolve knows is kept when no form aligns; other
// entities are unaligned and only counted as misses.
//
// A gold relation with certainty "negated" that is extracted counts as a
// false positive; one with certainty "optional" is neither a hit, nor a
// false positive, nor a miss.
func Evaluate(g *Gold, results []Result, resolve func(string) string, articles map[string]bool) Report {
	scored := map[string]bool{}
	absent := map[string]bool{}
	for _, r := range g.Relations {
		if articles == nil || articles[r.Article] {
			scored[r.Article] = true
		} else {
			absent[r.Article] = true
		}
	}
	var kept []Result
	for _, r := range results {
		if scored[r.Claim.Article] {
			kept = append(kept, r)
		}
	}
	idOf, unaligned := alignEntities(g, kept, resolve, scored)

	positive := map[evalKey]GoldRelation{}
	negative := map[evalKey]GoldRelation{}
	optional := map[evalKey]bool{}
	for _, r := range g.Relations {
		if !scored[r.Article] {
			continue
		}
		t, _ := graph.ParseRelationType(r.Type)
		k := keyOf(t, idOf(r.Source), idOf(r.Target), r.Article)
		switch r.Certainty {
		case GoldNegated:
			negative[k] = r
		case GoldOptional:
			optional[k] = true
		default:
			positive[k] = r
		}
	}
	// A relation stated both positively and as optional is to be found.
	for k := range positive {
		delete(optional, k)
	}
	extracted := map[evalKey]Result{}
	var order []evalKey
	for _, r := range kept {
		k := keyOf(r.Claim.Type, r.Claim.Source, r.Claim.Target, r.Claim.Article)
		if _, ok := extracted[k]; !ok {
			extracted[k] = r
			order = append(order, k)
		}
	}
	rep := Report{ByType: map[graph.RelationType]*Score{}, Unaligned: unaligned, Articles: len(scored)}
	for a := range absent {
		rep.Absent = append(rep.Absent, a)
	}
	slices.Sort(rep.Absent)
	for _, t := range graph.RelationTypes {
		rep.ByType[t] = &Score{}
	}
	rep.ByRule = map[string]*RuleScore{}
	for _, k := range order {
		r := extracted[k]
		s := rep.ByType[k.Type]
		rs := rep.ByRule[r.Rule]
		if rs == nil {
			rs = &RuleScore{Rule: r.Rule}
			rep.ByRule[r.Rule] = rs
		}
		switch _, hit := positive[k]; {
		case hit:
			s.Extracted++
			s.TP++
			rs.TP++
		case optional[k]:
		default:
			s.Extracted++
			s.FP++
			rs.FP++
			neg, isNeg := negative[k]
			rep.FalsePositives = append(rep.FalsePositives, Finding{
				Type: k.Type, Source: r.Claim.Source, Target: r.Claim.Target, Article: k.Article,
				Quote: r.Claim.Quote, Negated: isNeg, GoldQuote: neg.Quote,
				Rule: r.Rule, Confidence: r.Claim.Confidence,
				SourceMention: r.Source.Mention, TargetMention: r.Target.Mention,
			})
		}
	}
	pk := make([]evalKey, 0, len(positive))
	for k := range positive {
		pk = append(pk, k)
	}
	slices.SortFunc(pk, compareKeys)
	for _, k := range pk {
		s := rep.ByType[k.Type]
		s.Gold++
		if _, ok := extracted[k]; !ok {
			s.FN++
			r := positive[k]
			rep.Misses = append(rep.Misses, Finding{Type: k.Type, Source: k.Source, Target: k.Target, Article: k.Article, Quote: r.Quote})
		}
	}
	for k := range negative {
		rep.ByType[k.Type].Negative++
	}
	for _, t := range graph.RelationTypes {
		s := rep.ByType[t]
		s.finish()
		rep.Overall.TP += s.TP
		rep.Overall.FP += s.FP
		rep.Overall.FN += s.FN
		rep.Overall.Gold += s.Gold
		rep.Overall.Extracted += s.Extracted
		rep.Overall.Negative += s.Negative
	}
	rep.Overall.finish()
	return rep
}

func compareKeys(a, b evalKey) int {
	return cmp.Or(strings.Compare(a.Article, b.Article), strings.Compare(string(a.Type), string(b.Type)),
		strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target))
}

// alignEntities maps every gold entity id to one of our actor ids (see
// Evaluate) and lists, in file order, the unaligned entities that relations
// of the scored articles name. An unaligned entity maps to "gold:" + its id,
// which no actor of ours has.
func alignEntities(g *Gold, results []Result, resolve func(string) string, scored map[string]bool) (func(string) string, []string) {
	// produced[normalised mention or Arabic name][actor id] counts the
	// arguments of the extractor's results that carry it.
	produced := map[string]map[string]int{}
	note := func(text, id string) {
		n := arabic.Normalize(text)
		if n == "" || id == "" {
			return
		}
		if produced[n] == nil {
			produced[n] = map[string]int{}
		}
		produced[n][id]++
	}
	for _, r := range results {
		for _, a := range []Argument{r.Source, r.Target} {
			note(a.Mention, a.Actor.ID)
			note(a.Actor.NameAr, a.Actor.ID)
		}
	}
	used := map[string]bool{}
	for _, r := range g.Relations {
		if scored[r.Article] {
			used[r.Source], used[r.Target] = true, true
		}
	}
	align := map[string]string{}
	var unaligned []string
	for _, e := range g.Entities {
		votes := map[string]int{}
		for _, f := range e.SurfaceForms {
			if id := resolve(f); id != "" {
				votes[id]++
			} else if id := mostFrequent(produced[arabic.Normalize(f)]); id != "" {
				votes[id]++
			} else if id := discoveredOverlap(arabic.Normalize(f), produced); id != "" {
				votes[id]++
			}
		}
		best := mostFrequent(votes)
		if best == "" {
			if best = resolve(e.ID); best == "" {
				best = "gold:" + e.ID
				if used[e.ID] {
					unaligned = append(unaligned, e.ID)
				}
			}
		}
		align[e.ID] = best
	}
	return func(goldID string) string {
		if id, ok := align[goldID]; ok {
			return id
		}
		return goldID
	}, unaligned
}

// mostFrequent returns the key with the largest count, ties to the smallest
// key, or "" for an empty map.
func mostFrequent(counts map[string]int) string {
	best, n := "", 0
	for id, v := range counts {
		if v > n || v == n && id < best {
			best, n = id, v
		}
	}
	return best
}

// The confidence thresholds of Curve, in hundredths: from the lowest
// confidence the extractor gives to the highest, in steps of 0.05.
const (
	curveFrom = 30
	curveTo   = 95
	curveStep = 5
)

// CurvePoint is the overall score of the claims whose confidence is at
// least Threshold.
type CurvePoint struct {
	Threshold float64 `json:"threshold"`
	Score
}

// CurveThresholds returns the thresholds of Curve: 0.30, 0.35, ... 0.95.
func CurveThresholds() []float64 {
	var ts []float64
	for h := curveFrom; h <= curveTo; h += curveStep {
		ts = append(ts, float64(h)/100)
	}
	return ts
}

// Curve is the precision/recall curve over confidence thresholds: for each
// of CurveThresholds, the overall score Evaluate gives the results that pass
// graph.Filter{MinConfidence: threshold} — the filter "--min-confidence"
// applies — so a point equals an evaluation run at that minimum confidence.
func Curve(g *Gold, results []Result, resolve func(string) string, articles map[string]bool) []CurvePoint {
	var points []CurvePoint
	kept := make([]Result, 0, len(results))
	for _, t := range CurveThresholds() {
		f := graph.Filter{MinConfidence: t}
		kept = kept[:0]
		for _, r := range results {
			if f.MatchClaim(r.Claim) {
				kept = append(kept, r)
			}
		}
		points = append(points, CurvePoint{Threshold: t, Score: Evaluate(g, kept, resolve, articles).Overall})
	}
	return points
}

// WriteReport prints a report as a table, then the curve when the report
// has one; with verbose it lists the false positives (with the rule that
// found each, its confidence and quote) and the misses (with the gold
// quote). It returns w's error.
func WriteReport(w io.Writer, rep Report, verbose bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %5s %5s %5s %5s %9s %6s %6s\n", "type", "gold", "found", "tp", "fp", "precision", "recall", "f1")
	line := func(name string, s Score) {
		fmt.Fprintf(&b, "%-10s %5d %5d %5d %5d %9.3f %6.3f %6.3f\n", name, s.Gold, s.Extracted, s.TP, s.FP, s.Precision, s.Recall, s.F1)
	}
	for _, t := range graph.RelationTypes {
		line(typeName(t), *rep.ByType[t])
	}
	line("overall", rep.Overall)
	fmt.Fprintf(&b, "articles scored: %d\n", rep.Articles)
	if len(rep.Unaligned) > 0 {
		fmt.Fprintf(&b, "gold entities matching no actor: %s\n", strings.Join(rep.Unaligned, ", "))
	}
	if len(rep.Curve) > 0 {
		fmt.Fprintf(&b, "\nprecision/recall by minimum confidence:\n%9s %5s %5s %5s %9s %6s %6s\n", "threshold", "found", "tp", "fp", "precision", "recall", "f1")
		for _, p := range rep.Curve {
			fmt.Fprintf(&b, "%9.2f %5d %5d %5d %9.3f %6.3f %6.3f\n", p.Threshold, p.Extracted, p.TP, p.FP, p.Precision, p.Recall, p.F1)
		}
	}
	if verbose {
		fmt.Fprintf(&b, "\nfalse positives (%d):\n", len(rep.FalsePositives))
		for _, f := range rep.FalsePositives {
			neg := ""
			if f.Negated {
				neg = " [gold: negated]"
			}
			fmt.Fprintf(&b, "  %s %s %s -> %s%s\n      rule %s, confidence %.2f, mentions %q -> %q\n      quote: %s\n",
				f.Article, typeName(f.Type), f.Source, f.Target, neg, f.Rule, f.Confidence, f.SourceMention, f.TargetMention, oneLine(f.Quote))
			if f.Negated {
				fmt.Fprintf(&b, "      gold:  %s\n", oneLine(f.GoldQuote))
			}
		}
		fmt.Fprintf(&b, "\nmisses (%d):\n", len(rep.Misses))
		for _, f := range rep.Misses {
			fmt.Fprintf(&b, "  %s %s %s -> %s\n      gold:  %s\n", f.Article, typeName(f.Type), f.Source, f.Target, oneLine(f.Quote))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// reportJSON is the JSON shape of a report (WriteReportJSON).
type reportJSON struct {
	Articles       int              `json:"articles"`
	Overall        Score            `json:"overall"`
	ByType         map[string]Score `json:"by_type"`
	Unaligned      []string         `json:"unaligned"`
	Absent         []string         `json:"absent_articles"`
	Curve          []CurvePoint     `json:"curve,omitempty"`
	FalsePositives *[]Finding       `json:"false_positives,omitempty"`
	Misses         *[]Finding       `json:"misses,omitempty"`
}

// WriteReportJSON writes a report as one JSON object (no HTML escaping):
// articles, overall, by_type (keyed met, supported, opposed), unaligned,
// absent_articles, and curve when the report has one; with verbose also
// false_positives and misses, each finding with the fields WriteReport
// prints. Relation types are lower case, as "rawabit extract" writes them.
// It returns w's error.
func WriteReportJSON(w io.Writer, rep Report, verbose bool) error {
	out := reportJSON{Articles: rep.Articles, Overall: rep.Overall, ByType: map[string]Score{},
		Unaligned: nonNil(rep.Unaligned), Absent: nonNil(rep.Absent), Curve: rep.Curve}
	for t, s := range rep.ByType {
		out.ByType[typeName(t)] = *s
	}
	if verbose {
		out.FalsePositives, out.Misses = nonNilFindings(rep.FalsePositives), nonNilFindings(rep.Misses)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// nonNilFindings points to fs, or to an empty list, so that a verbose
// report always has the key.
func nonNilFindings(fs []Finding) *[]Finding {
	if fs == nil {
		fs = []Finding{}
	}
	return &fs
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// typeName is a relation type as the command line writes it: "met".
func typeName(t graph.RelationType) string { return strings.ToLower(string(t)) }

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// discoveredOverlap returns the discovered actor whose produced name shares
// with the gold form f a run of words that starts with the discovered
// name's first word and holds at least two words that are not name
// particles ("الأمير محمد بن نايف" and "محمد بن نايف بن عبدالعزيز"), or "":
// where a name ends is a matter of convention, not of recall.
func discoveredOverlap(f string, produced map[string]map[string]int) string {
	fw := strings.Fields(f)
	best, bestN := "", 0
	for name, ids := range produced {
		id := mostFrequent(ids)
		if !IsDiscovered(id) {
			continue
		}
		nw := strings.Fields(name)
		if len(nw) < 2 {
			continue
		}
		for i := range fw {
			if fw[i] != nw[0] {
				continue
			}
			content := 0
			for k := 0; i+k < len(fw) && k < len(nw) && fw[i+k] == nw[k]; k++ {
				if !nameParticle(nw[k]) {
					content++
				}
			}
			if content >= 2 && content > bestN {
				best, bestN = id, content
			}
		}
	}
	return best
}

// nameParticle reports whether a normalised word only links the parts of
// a name ("بن", "عبد", "ال").
func nameParticle(w string) bool {
	switch w {
	case "بن", "ابن", "بنت", "عبد", "ال", "ابو", "ام":
		return true
	}
	return false
}
