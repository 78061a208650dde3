package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
)

// TestLoadDiscoveredActor loads an article whose claim names a person the
// gazetteer does not know (after a rank) and checks that the person is
// stored under its discovered id, with its Arabic name.
func TestLoadDiscoveredActor(t *testing.T) {
	dir := t.TempDir()
	text := "استقبل الرئيس عبد الفتاح السيسي اليوم اللواء كمال طلعت، وبحث معه التطورات في المنطقة."
	if err := os.WriteFile(filepath.Join(dir, "a1.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	lex, err := extract.LoadLexicon("../data/triggers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := memstore.New()
	if _, err := loader.Load(context.Background(), s, loader.Options{Corpus: []string{dir}, Gazetteers: []string{"../data/gazetteer"}, Extractor: extractorOn(lex)}); err != nil {
		t.Fatalf("Load: %v", err)
	}
	id := extract.DiscoveredID(graph.KindPerson, arabic.Normalize("كمال طلعت"))
	got, err := s.Actor(context.Background(), id)
	if err != nil {
		t.Fatalf("Actor(%q): %v", id, err)
	}
	if got.NameAr != "كمال طلعت" || got.Kind != graph.KindPerson || !strings.HasPrefix(got.ID, extract.DiscoveredPrefix) {
		t.Errorf("got actor %+v, want the person كمال طلعت with a discovered id", got)
	}
}
