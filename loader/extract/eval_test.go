package extract

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// TestEvaluate checks the scoring rules of ANNOTATION.md on a small gold
// file: alignment through surface forms, met in either direction, a
// negated gold relation counted as a false positive when extracted.
func TestEvaluate(t *testing.T) {
	g := &Gold{
		Entities: []GoldEntity{
			{ID: "G-haftar", SurfaceForms: []string{"حفتر", "خليفة حفتر"}},
			{ID: "G-trump", SurfaceForms: []string{"ترامب"}},
			{ID: "G-usa", SurfaceForms: []string{"واشنطن"}},
			{ID: "G-nobody", SurfaceForms: []string{"فلان"}},
		},
		Relations: []GoldRelation{
			{Type: "met", Source: "G-haftar", Target: "G-trump", Article: "a", Certainty: "reported"},
			{Type: "supported", Source: "G-trump", Target: "G-haftar", Article: "a", Certainty: "asserted"},
			{Type: "supported", Source: "G-usa", Target: "G-haftar", Article: "a", Certainty: "negated"},
			{Type: "opposed", Source: "G-nobody", Target: "G-haftar", Article: "a", Certainty: "asserted"},
			{Type: "opposed", Source: "G-usa", Target: "G-haftar", Article: "other", Certainty: "asserted"},
		},
	}
	resolve := map[string]string{"حفتر": "khalifa-haftar", "خليفة حفتر": "khalifa-haftar", "ترامب": "donald-trump", "واشنطن": "usa"}
	claim := func(tp graph.RelationType, s, tg string) Result {
		return Result{Claim: graph.Claim{Type: tp, Source: s, Target: tg, Article: "a"}}
	}
	results := []Result{
		claim(graph.Met, "donald-trump", "khalifa-haftar"), // met, other direction: TP
		claim(graph.Supported, "usa", "khalifa-haftar"),    // gold negated: FP
		claim(graph.Supported, "usa", "khalifa-haftar"),    // counted once
		claim(graph.Opposed, "donald-trump", "usa"),        // not in gold: FP
	}
	rep := Evaluate(g, results, func(s string) string { return resolve[s] }, map[string]bool{"a": true})
	o := rep.Overall
	if o.TP != 1 || o.FP != 2 || o.FN != 2 || o.Gold != 3 {
		t.Errorf("got tp=%d fp=%d fn=%d gold=%d, want 1, 2, 2, 3", o.TP, o.FP, o.FN, o.Gold)
	}
	if got := rep.ByType[graph.Met]; got.Precision != 1 || got.Recall != 1 {
		t.Errorf("got met %+v, want precision and recall 1", *got)
	}
	negated := 0
	for _, f := range rep.FalsePositives {
		if f.Negated {
			negated++
		}
	}
	if negated != 1 {
		t.Errorf("got %d negated false positives, want 1", negated)
	}
	if len(rep.Unaligned) != 1 || rep.Unaligned[0] != "G-nobody" {
		t.Errorf("got unaligned %v, want [G-nobody]", rep.Unaligned)
	}
	var b strings.Builder
	if err := WriteReport(&b, rep, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"overall", "false positives (2)", "misses (2)", "[gold: negated]"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("got report\n%s\nwant it to contain %q", b.String(), want)
		}
	}
}

// TestLoadGoldErrors checks that a malformed gold file is rejected with
// its name, and the line of a JSON syntax error.
func TestLoadGoldErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, body, want string }{
		{"syntax", "{\"entities\": [\n  {\"id\": }\n]}", "bad.json:2"},
		{"bad type", `{"relations": [{"type": "hugged", "source": "a", "target": "b", "article": "x"}]}`, "relation 0"},
		{"bad certainty", `{"relations": [{"type": "met", "source": "a", "target": "b", "article": "x", "certainty": "sure"}]}`, "relation 0"},
		{"missing article", `{"relations": [{"type": "met", "source": "a", "target": "b"}]}`, "article, source and target"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, "bad.json")
			if err := os.WriteFile(p, []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadGold(p)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// evalResolve is the gazetteer of the hand-written gold files under
// testdata/eval: the movement (حركة الفجر الجديد) and the council (مجلس
// الساحل) are not in it.
func evalResolve(s string) string {
	return map[string]string{
		"سالم الورداني": "salem-wardani", "الورداني": "salem-wardani",
		"نادر القاسمي": "nader-qasimi", "القاسمي": "nader-qasimi",
		"جمهورية الواحات": "oases", "الواحات": "oases",
	}[s]
}

// evalResult is one extracted claim with its two arguments' ids and
// mentions.
func evalResult(article string, t graph.RelationType, src, srcMention, tgt, tgtMention string) Result {
	return Result{
		Claim:  graph.Claim{Type: t, Source: src, Target: tgt, Article: article, Quote: "جملة " + srcMention, Confidence: 0.8},
		Source: Argument{Actor: graph.Actor{ID: src}, Mention: srcMention},
		Target: Argument{Actor: graph.Actor{ID: tgt}, Mention: tgtMention},
		Rule:   "test/" + strings.ToLower(string(t)),
	}
}

// TestEvaluateTable scores hand-made claims against
// testdata/eval/certainties.json: asserted and reported relations are to be
// found, an optional one is neither credited nor penalised, a negated one
// extracted is a false positive; met matches in either direction; an actor
// the extractor produced aligns through its mention; only the gold file's
// articles that were read are scored.
func TestEvaluateTable(t *testing.T) {
	g, err := LoadGold("testdata/eval/certainties.json")
	if err != nil {
		t.Fatal(err)
	}
	art1 := map[string]bool{"art-1": true, "unannotated": true}
	type want struct {
		tp, fp, fn, gold, found, negatedFP int
		rules, unaligned, absent           []string
	}
	tests := []struct {
		name     string
		results  []Result
		articles map[string]bool
		want     want
	}{
		{"nothing extracted", nil, art1,
			want{fn: 3, gold: 3, unaligned: []string{"G-fajr"}, absent: []string{"art-2"}}},
		{"met matched in either direction",
			[]Result{evalResult("art-1", graph.Met, "nader-qasimi", "القاسمي", "salem-wardani", "الورداني")}, art1,
			want{tp: 1, fn: 2, gold: 3, found: 1, unaligned: []string{"G-fajr"}, absent: []string{"art-2"}}},
		{"optional extracted is neither credited nor penalised",
			[]Result{evalResult("art-1", graph.Supported, "salem-wardani", "الورداني", "oases", "الواحات")}, art1,
			want{fn: 3, gold: 3, unaligned: []string{"G-fajr"}, absent: []string{"art-2"}}},
		{"negated extracted is a false positive",
			[]Result{evalResult("art-1", graph.Opposed, "nader-qasimi", "القاسمي", "oases", "الواحات")}, art1,
			want{fp: 1, fn: 3, gold: 3, found: 1, negatedFP: 1, rules: []string{"test/opposed"}, unaligned: []string{"G-fajr"}, absent: []string{"art-2"}}},
		{"opposed in the wrong direction is a false positive",
			[]Result{evalResult("art-1", graph.Opposed, "salem-wardani", "الورداني", "oases", "الواحات")}, art1,
			want{fp: 1, fn: 3, gold: 3, found: 1, rules: []string{"test/opposed"}, unaligned: []string{"G-fajr"}, absent: []string{"art-2"}}},
		{"reported relation found, counted once",
			[]Result{
				evalResult("art-1", graph.Opposed, "oases", "الواحات", "salem-wardani", "الورداني"),
				evalResult("art-1", graph.Opposed, "oases", "جمهورية الواحات", "salem-wardani", "سالم الورداني"),
			}, art1,
			want{tp: 1, fn: 2, gold: 3, found: 1, unaligned: []string{"G-fajr"}, absent: []string{"art-2"}}},
		{"claims of an article the gold file does not annotate are not scored",
			[]Result{evalResult("unannotated", graph.Opposed, "nader-qasimi", "القاسمي", "oases", "الواحات")}, art1,
			want{fn: 3, gold: 3, unaligned: []string{"G-fajr"}, absent: []string{"art-2"}}},
		{"a discovered actor aligns through its mention (diacritics aside)",
			[]Result{evalResult("art-1", graph.Supported, "discovered-harakat-al-fajr", "حركةُ الفجرِ الجديد", "nader-qasimi", "للقاسمي")}, art1,
			want{tp: 1, fn: 2, gold: 3, found: 1, absent: []string{"art-2"}}},
		{"a mention that is not a surface form does not align",
			[]Result{evalResult("art-1", graph.Supported, "discovered-al-fajr", "الفجر", "nader-qasimi", "للقاسمي")}, art1,
			want{fp: 1, fn: 3, gold: 3, found: 1, rules: []string{"test/supported"}, unaligned: []string{"G-fajr"}, absent: []string{"art-2"}}},
		{"mentions in an article not scored do not align",
			[]Result{evalResult("unannotated", graph.Supported, "discovered-harakat-al-fajr", "حركة الفجر الجديد", "nader-qasimi", "القاسمي")}, art1,
			want{fn: 3, gold: 3, unaligned: []string{"G-fajr"}, absent: []string{"art-2"}}},
		{"every gold article read", nil, map[string]bool{"art-1": true, "art-2": true},
			want{fn: 4, gold: 4, unaligned: []string{"G-fajr", "G-sahil"}}},
		{"no article set means every gold article", nil, nil,
			want{fn: 4, gold: 4, unaligned: []string{"G-fajr", "G-sahil"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := Evaluate(g, tc.results, evalResolve, tc.articles)
			o := rep.Overall
			got := want{tp: o.TP, fp: o.FP, fn: o.FN, gold: o.Gold, found: o.Extracted, unaligned: rep.Unaligned, absent: rep.Absent}
			for _, f := range rep.FalsePositives {
				got.rules = append(got.rules, f.Rule)
				if f.Negated {
					got.negatedFP++
					if f.GoldQuote == "" {
						t.Errorf("got a negated false positive without its gold quote: %+v", f)
					}
				}
			}
			if got.tp != tc.want.tp || got.fp != tc.want.fp || got.fn != tc.want.fn || got.gold != tc.want.gold ||
				got.found != tc.want.found || got.negatedFP != tc.want.negatedFP {
				t.Errorf("got tp=%d fp=%d fn=%d gold=%d found=%d negatedFP=%d, want tp=%d fp=%d fn=%d gold=%d found=%d negatedFP=%d",
					got.tp, got.fp, got.fn, got.gold, got.found, got.negatedFP,
					tc.want.tp, tc.want.fp, tc.want.fn, tc.want.gold, tc.want.found, tc.want.negatedFP)
			}
			for _, l := range []struct {
				what      string
				got, want []string
			}{{"rules", got.rules, tc.want.rules}, {"unaligned", got.unaligned, tc.want.unaligned}, {"absent", got.absent, tc.want.absent}} {
				if !slices.Equal(l.got, l.want) {
					t.Errorf("got %s %q, want %q", l.what, l.got, l.want)
				}
			}
			var sum Score
			for _, s := range rep.ByType {
				sum.TP, sum.FP, sum.FN, sum.Gold = sum.TP+s.TP, sum.FP+s.FP, sum.FN+s.FN, sum.Gold+s.Gold
			}
			if sum.TP != o.TP || sum.FP != o.FP || sum.FN != o.FN || sum.Gold != o.Gold {
				t.Errorf("got per-type sums %+v, want the overall %+v", sum, o)
			}
			if o.Negative != 1 {
				t.Errorf("got %d negated gold relations, want 1", o.Negative)
			}
		})
	}
}

// TestLoadGoldCertainty checks that an unknown certainty is an error naming
// the file and the relation's index, and that known ones are read in any
// case.
func TestLoadGoldCertainty(t *testing.T) {
	tests := []struct {
		name, file string
		wantErr    []string
	}{
		{"unknown certainty", "testdata/eval/bad_certainty.json", []string{"testdata/eval/bad_certainty.json", "relation 1", `"probable"`, "optional"}},
		{"known certainties in any case", "testdata/eval/certainties.json", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := LoadGold(tc.file)
			if tc.wantErr == nil {
				if err != nil {
					t.Fatalf("got error %v, want none", err)
				}
				if c := g.Relations[3].Certainty; c != "reported" {
					t.Errorf("got certainty %q, want %q", c, "reported")
				}
				return
			}
			if !errors.Is(err, graph.ErrInvalid) {
				t.Fatalf("got error %v, want one wrapping graph.ErrInvalid", err)
			}
			for _, w := range tc.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got error %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

// TestCurve checks that every point of the curve is the evaluation of the
// claims at or above its threshold, from 0.30 to 0.95.
func TestCurve(t *testing.T) {
	g, err := LoadGold("testdata/eval/certainties.json")
	if err != nil {
		t.Fatal(err)
	}
	at := func(r Result, c float64) Result { r.Claim.Confidence = c; return r }
	results := []Result{
		at(evalResult("art-1", graph.Met, "salem-wardani", "الورداني", "nader-qasimi", "القاسمي"), 0.8),
		at(evalResult("art-1", graph.Opposed, "oases", "الواحات", "salem-wardani", "الورداني"), 0.55),
		at(evalResult("art-1", graph.Opposed, "nader-qasimi", "القاسمي", "oases", "الواحات"), 0.35),
	}
	curve := Curve(g, results, evalResolve, nil)
	if len(curve) != 14 || curve[0].Threshold != 0.30 || curve[13].Threshold != 0.95 {
		t.Fatalf("got %d points from %v, want 14 from 0.30 to 0.95", len(curve), curve)
	}
	tests := []struct {
		threshold     float64
		found, tp, fp int
	}{{0.30, 3, 2, 1}, {0.35, 3, 2, 1}, {0.40, 2, 2, 0}, {0.55, 2, 2, 0}, {0.60, 1, 1, 0}, {0.80, 1, 1, 0}, {0.85, 0, 0, 0}}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%.2f", tc.threshold), func(t *testing.T) {
			for _, p := range curve {
				if p.Threshold != tc.threshold {
					continue
				}
				if p.Extracted != tc.found || p.TP != tc.tp || p.FP != tc.fp {
					t.Errorf("got found=%d tp=%d fp=%d, want %d, %d, %d", p.Extracted, p.TP, p.FP, tc.found, tc.tp, tc.fp)
				}
				return
			}
			t.Errorf("got no point at %.2f", tc.threshold)
		})
	}
}

// TestWriteReportFormats checks what the table, the verbose listing and the
// JSON report carry: the rule, confidence and quote of a false positive,
// the gold quote of a miss, the curve, the lists of entities and articles.
func TestWriteReportFormats(t *testing.T) {
	g, err := LoadGold("testdata/eval/certainties.json")
	if err != nil {
		t.Fatal(err)
	}
	results := []Result{evalResult("art-1", graph.Opposed, "nader-qasimi", "القاسمي", "oases", "الواحات")}
	rep := Evaluate(g, results, evalResolve, map[string]bool{"art-1": true})
	rep.Curve = Curve(g, results, evalResolve, map[string]bool{"art-1": true})
	var text strings.Builder
	if err := WriteReport(&text, rep, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"overall", "articles scored: 1", "G-fajr", "threshold", "0.95",
		"false positives (1)", "[gold: negated]", "rule test/opposed, confidence 0.80", "quote: جملة القاسمي",
		"gold:  نفى القاسمي", "misses (3)", "استقبل سالم الورداني"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("got report\n%s\nwant it to contain %q", text.String(), want)
		}
	}
	for _, verbose := range []bool{false, true} {
		var b strings.Builder
		if err := WriteReportJSON(&b, rep, verbose); err != nil {
			t.Fatal(err)
		}
		var got struct {
			Articles int                       `json:"articles"`
			ByType   map[string]map[string]any `json:"by_type"`
			Absent   []string                  `json:"absent_articles"`
			Curve    []map[string]any          `json:"curve"`
			FP       *[]map[string]any         `json:"false_positives"`
			Misses   *[]map[string]any         `json:"misses"`
		}
		if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
			t.Fatalf("verbose=%v: got invalid JSON %v:\n%s", verbose, err, b.String())
		}
		if got.Articles != 1 || got.ByType["opposed"]["fp"] != 1.0 || !slices.Equal(got.Absent, []string{"art-2"}) || len(got.Curve) != 14 {
			t.Errorf("verbose=%v: got %+v, want 1 article, one opposed false positive, art-2 absent, 14 curve points", verbose, got)
		}
		if (got.FP != nil) != verbose || verbose && ((*got.FP)[0]["rule"] != "test/opposed" || (*got.FP)[0]["type"] != "opposed" || len(*got.Misses) != 3) {
			t.Errorf("verbose=%v: got false positives %v and misses %v, want them (1 opposed with its rule, 3) only when verbose", verbose, got.FP, got.Misses)
		}
	}
}
