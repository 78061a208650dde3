package extract

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/rawabit/rawabit/graph"
)

// Gold is a hand-made gold file (see ANNOTATION.md, "Gold file format").
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
// relation that must not be extracted.
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

// LoadGold reads a gold file. Errors name the file and, for malformed JSON,
// the line; a relation with an unknown type or certainty, or without
// article, source or target, is an error naming its index.
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
	for i, r := range g.Relations {
		if _, err := graph.ParseRelationType(r.Type); err != nil {
			return nil, fmt.Errorf("extract: gold %s: relation %d: %w", path, i, err)
		}
		if r.Certainty != GoldNegated && r.Certainty != GoldOptional && r.Certainty != "" {
			if _, err := graph.ParseCertainty(r.Certainty); err != nil {
				return nil, fmt.Errorf("extract: gold %s: relation %d: %w", path, i, err)
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
type Score struct {
	TP, FP, FN                int
	Precision, Recall, F1     float64
	Gold, Extracted, Negative int
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

// Finding is one false positive or miss, with the sentence behind it.
type Finding struct {
	Type           graph.RelationType
	Source, Target string
	Article        string
	Quote          string
	// Negated is a false positive the gold file marks as negated.
	Negated bool
}

// Report is the outcome of Evaluate.
type Report struct {
	Overall        Score
	ByType         map[graph.RelationType]*Score
	FalsePositives []Finding
	Misses         []Finding
	// Unaligned lists gold entities no surface form of which names one of
	// our actors; relations with them can only be missed.
	Unaligned []string
	// Articles is the number of articles scored.
	Articles int
}

// Evaluate scores extracted results against a gold file. Gold entities are
// aligned to our actor ids through their surface forms with resolve (an id
// of ours, or "" when a form names none; the most frequent answer wins, and
// a gold id equal to one of ours is kept when no form resolves). Only gold
// relations of the given articles are counted (nil means every article of
// the gold file). A gold relation with certainty "negated" that is
// extracted counts as a false positive.
func Evaluate(g *Gold, results []Result, resolve func(string) string, articles map[string]bool) Report {
	align := map[string]string{}
	var unaligned []string
	for _, e := range g.Entities {
		votes := map[string]int{}
		for _, f := range e.SurfaceForms {
			if id := resolve(f); id != "" {
				votes[id]++
			}
		}
		best, n := "", 0
		for id, v := range votes {
			if v > n || v == n && id < best {
				best, n = id, v
			}
		}
		if best == "" {
			if resolve(e.ID) != "" || e.ID == "" {
				best = resolve(e.ID)
			} else {
				best = "gold:" + e.ID
				unaligned = append(unaligned, e.ID)
			}
		}
		align[e.ID] = best
	}
	idOf := func(goldID string) string {
		if id, ok := align[goldID]; ok {
			return id
		}
		return goldID
	}
	// Only articles the gold file annotates are scored: an article it does
	// not name has no gold, so its claims could be neither right nor wrong.
	scored := map[string]bool{}
	for _, r := range g.Relations {
		if articles == nil || articles[r.Article] {
			scored[r.Article] = true
		}
	}
	positive := map[evalKey]GoldRelation{}
	negative := map[evalKey]GoldRelation{}
	optional := map[evalKey]bool{}
	for _, r := range g.Relations {
		if articles != nil && !articles[r.Article] {
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
	extracted := map[evalKey]Result{}
	var order []evalKey
	for _, r := range results {
		if !scored[r.Claim.Article] {
			continue
		}
		k := keyOf(r.Claim.Type, r.Claim.Source, r.Claim.Target, r.Claim.Article)
		if _, ok := extracted[k]; !ok {
			extracted[k] = r
			order = append(order, k)
		}
	}
	rep := Report{ByType: map[graph.RelationType]*Score{}, Unaligned: unaligned}
	for _, t := range graph.RelationTypes {
		rep.ByType[t] = &Score{}
	}
	arts := map[string]bool{}
	for _, k := range order {
		r := extracted[k]
		arts[k.Article] = true
		s := rep.ByType[k.Type]
		s.Extracted++
		if _, ok := positive[k]; ok {
			s.TP++
			continue
		}
		if optional[k] {
			s.Extracted--
			continue
		}
		s.FP++
		_, neg := negative[k]
		rep.FalsePositives = append(rep.FalsePositives, Finding{Type: k.Type, Source: r.Claim.Source, Target: r.Claim.Target, Article: k.Article, Quote: r.Claim.Quote, Negated: neg})
	}
	pk := make([]evalKey, 0, len(positive))
	for k := range positive {
		pk = append(pk, k)
	}
	slices.SortFunc(pk, func(a, b evalKey) int {
		return strings.Compare(a.Article+string(a.Type)+a.Source+a.Target, b.Article+string(b.Type)+b.Source+b.Target)
	})
	for _, k := range pk {
		arts[k.Article] = true
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
	rep.Articles = len(arts)
	return rep
}

// WriteReport prints a report as a table; with verbose it lists the false
// positives and misses with their sentences. It returns w's error.
func WriteReport(w io.Writer, rep Report, verbose bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %5s %5s %5s %5s %9s %6s %6s\n", "type", "gold", "found", "tp", "fp", "precision", "recall", "f1")
	line := func(name string, s Score) {
		fmt.Fprintf(&b, "%-10s %5d %5d %5d %5d %9.3f %6.3f %6.3f\n", name, s.Gold, s.Extracted, s.TP, s.FP, s.Precision, s.Recall, s.F1)
	}
	for _, t := range graph.RelationTypes {
		line(strings.ToLower(string(t)), *rep.ByType[t])
	}
	line("overall", rep.Overall)
	if len(rep.Unaligned) > 0 {
		fmt.Fprintf(&b, "gold entities matching no actor: %s\n", strings.Join(rep.Unaligned, ", "))
	}
	if verbose {
		fmt.Fprintf(&b, "\nfalse positives (%d):\n", len(rep.FalsePositives))
		for _, f := range rep.FalsePositives {
			neg := ""
			if f.Negated {
				neg = " [gold: negated]"
			}
			fmt.Fprintf(&b, "  %s %s %s -> %s%s\n      %s\n", f.Article, strings.ToLower(string(f.Type)), f.Source, f.Target, neg, oneLine(f.Quote))
		}
		fmt.Fprintf(&b, "\nmisses (%d):\n", len(rep.Misses))
		for _, f := range rep.Misses {
			fmt.Fprintf(&b, "  %s %s %s -> %s\n      %s\n", f.Article, strings.ToLower(string(f.Type)), f.Source, f.Target, oneLine(f.Quote))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
