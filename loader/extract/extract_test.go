package extract

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/rawabit/rawabit/loader/corpus"

	"github.com/rawabit/rawabit/loader/gazetteer"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	gazetteerDir = "../../data/gazetteer"
	triggersFile = "../../data/triggers.yaml"
	seedsDir     = "../../data/articles"
	otherDir     = "testdata/other"
)

var (
	testOnce sync.Once
	testX    *Extractor
	testErr  error
)

// testExtractor builds the extractor from the project's own gazetteer and
// lexicon, once.
func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	testOnce.Do(func() {
		g, err := gazetteer.LoadFiles(gazetteerDir)
		if err != nil {
			testErr = err
			return
		}
		lex, err := LoadLexicon(triggersFile)
		if err != nil {
			testErr = err
			return
		}
		testX, testErr = New(FromGazetteer(g), lex, WithRoles(g.Roles()))
	})
	if testErr != nil {
		t.Fatalf("build extractor: %v", testErr)
	}
	return testX
}

// claimsOf extracts a text and renders its claims as "type source->target
// certainty", sorted.
func claimsOf(t *testing.T, x *Extractor, text string) []string {
	t.Helper()
	res, _, err := x.ExtractText(context.Background(), "t", text)
	if err != nil {
		t.Fatalf("ExtractText: %v", err)
	}
	var out []string
	for _, r := range res {
		out = append(out, strings.ToLower(string(r.Claim.Type))+" "+r.Claim.Source+"->"+r.Claim.Target+" "+string(r.Claim.Certainty))
	}
	sort.Strings(out)
	return out
}

func readCorpus(t testing.TB, dir string) []corpus.Item {
	t.Helper()
	var items []corpus.Item
	err := corpus.Walk(context.Background(), []string{dir}, func(it corpus.Item) error {
		if it.Err != nil {
			t.Fatalf("read %s: %v", it.Where(), it.Err)
		}
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", dir, err)
	}
	if len(items) == 0 {
		t.Fatalf("no articles in %s", dir)
	}
	return items
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
