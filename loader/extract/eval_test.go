package extract

import (
	"os"
	"path/filepath"
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
