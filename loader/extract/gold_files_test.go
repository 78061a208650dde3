package extract

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/loader/corpus"
)

// goldSets are the gold files shipped for evaluation with the corpus each one
// annotates. gold_blind.json and gold_blind2.json were written by annotators
// who had not seen the extractor's rules; gold_blind2.json is held out (no
// rule was written from it), so only its well-formedness is tested here.
var goldSets = []struct{ gold, corpus string }{
	{"testdata/gold_seeds.json", "../../data/articles"},
	{"testdata/gold_other.json", "testdata/other"},
	{"testdata/gold_dev.json", "testdata/dev"},
	{"testdata/gold_blind.json", "testdata/blind"},
	{"testdata/gold_blind2.json", "testdata/blind2"},
}

// TestGoldFilesAreWellFormed checks every shipped gold file against its
// texts: each relation's article is in the corpus, its quote is verbatim in
// that article, and its actors are entities of the file.
func TestGoldFilesAreWellFormed(t *testing.T) {
	for _, set := range goldSets {
		t.Run(filepath.Base(set.gold), func(t *testing.T) {
			g, err := LoadGold(set.gold)
			if err != nil {
				t.Fatal(err)
			}
			texts := map[string]string{}
			err = corpus.Walk(context.Background(), []string{set.corpus}, func(it corpus.Item) error {
				if it.Err != nil {
					t.Errorf("reading %s: %v", it.Where(), it.Err)
					return nil
				}
				texts[it.Article.ID] = it.Article.Text
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			entities := map[string]bool{}
			for _, e := range g.Entities {
				entities[e.ID] = true
			}
			for i, r := range g.Relations {
				text, ok := texts[r.Article]
				switch {
				case !ok:
					t.Errorf("relation %d: article %q is not in %s", i, r.Article, set.corpus)
				case !strings.Contains(text, r.Quote):
					t.Errorf("relation %d (%s %s->%s): quote %q is not verbatim in %s", i, r.Type, r.Source, r.Target, r.Quote, r.Article)
				}
				for _, id := range []string{r.Source, r.Target} {
					if !entities[id] {
						t.Errorf("relation %d: actor %q is not an entity of the file", i, id)
					}
				}
			}
		})
	}
}
