package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
)

// TestExtractorSeesCuratedActors checks that the extractor is built on the
// one gazetteer the loader merges: an actor declared only under actors: in
// the claims file is found by the extractor in an article that no curated
// claim covers.
func TestExtractorSeesCuratedActors(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		// The curated claim's article.
		"a1.txt": "قال سليم الوردي إنه يدعم حفتر في كل ما يفعله.",
		// An article no curated claim covers: only the extractor reads it.
		"a2.txt": "استقبل الرئيس عبد الفتاح السيسي اليوم سليم الوردي، وبحث معه التطورات في المنطقة.",
		"claims.yaml": "actors:\n  - id: salim-wardi\n    name: Salim al-Wardi\n    kind: person\n    names: [سليم الوردي]\n" +
			"claims:\n  - article: a1\n    type: supported\n    source: salim-wardi\n    target: khalifa-haftar\n    quote: 'سليم الوردي إنه يدعم حفتر'\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lex, err := extract.LoadLexicon("../data/triggers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	opts := loader.Options{
		Corpus:     []string{filepath.Join(dir, "a1.txt"), filepath.Join(dir, "a2.txt")},
		Gazetteers: []string{"../data/gazetteer"},
		Claims:     filepath.Join(dir, "claims.yaml"),
		Extractor:  extractorOn(lex),
	}
	s := memstore.New()
	if _, err := loader.Load(context.Background(), s, opts); err != nil {
		t.Fatalf("Load: %v", err)
	}
	claims, err := s.Claims(context.Background(), graph.ClaimQuery{Source: "salim-wardi"})
	if err != nil {
		t.Fatal(err)
	}
	claims2, err := s.Claims(context.Background(), graph.ClaimQuery{Target: "salim-wardi"})
	if err != nil {
		t.Fatal(err)
	}
	var extracted []graph.Claim
	for _, c := range append(claims, claims2...) {
		if c.Article == "a2" && c.Extractor != graph.ExtractorManual {
			extracted = append(extracted, c)
		}
	}
	if len(extracted) == 0 {
		t.Fatalf("got no extracted claim naming salim-wardi in a2 among %+v, want the extractor to find the actor declared in claims.yaml", append(claims, claims2...))
	}
	if c := extracted[0]; c.Type != graph.Met || c.Source != "abdel-fattah-el-sisi" {
		t.Errorf("got %s %s -> %s, want met abdel-fattah-el-sisi -> salim-wardi", c.Type, c.Source, c.Target)
	}
}
