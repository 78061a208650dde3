package memstore_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
)

func open(t *testing.T) graph.Store {
	s := memstore.New()
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, open)
}

// TestConcurrentReadersSeeWholeArticles reloads two versions of an article
// while readers check that they only ever see one whole version.
func TestConcurrentReadersSeeWholeArticles(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	docs := storetest.Fixture()
	if err := s.LoadArticles(ctx, docs); err != nil {
		t.Fatal(err)
	}
	versions := []graph.Document{docs[0], editedCairo(t)}
	want := map[string]bool{}
	for _, v := range versions {
		cs := slices.Clone(v.Claims)
		slices.SortFunc(cs, func(a, b graph.Claim) int { return strings.Compare(a.ID, b.ID) })
		want[claimIDs(cs)] = true
	}
	const rounds = 200
	var wg sync.WaitGroup
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				cs, err := s.ArticleClaims(ctx, "a1-cairo")
				if err != nil {
					t.Errorf("ArticleClaims: %v", err)
					return
				}
				ids := slices.Clone(cs)
				slices.SortFunc(ids, func(a, b graph.Claim) int { return strings.Compare(a.ID, b.ID) })
				if !want[claimIDs(ids)] {
					t.Errorf("ArticleClaims: got a mix of versions: %v", claimIDs(ids))
					return
				}
				if c, err := s.Counts(ctx); err != nil || c.Claims != 18 && c.Claims != 17 {
					t.Errorf("Counts: got %+v, %v; want 18 or 17 claims", c, err)
					return
				}
				if _, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 3}); err != nil {
					t.Errorf("Neighbourhood: %v", err)
					return
				}
				if _, err := s.SearchActors(ctx, graph.SearchQuery{Text: "حفتر"}); err != nil {
					t.Errorf("SearchActors: %v", err)
					return
				}
			}
		}()
	}
	for i := 0; i < rounds; i++ {
		if err := s.LoadArticle(ctx, versions[i%2]); err != nil {
			t.Fatalf("LoadArticle: %v", err)
		}
	}
	wg.Wait()
}

// editedCairo is a shorter version of the first fixture article with two
// claims, so the whole store has 17 claims when it is loaded.
func editedCairo(t *testing.T) graph.Document {
	t.Helper()
	d := storetest.Fixture()[0]
	return storetest.NewDocument(d.Article, d.Actors, d.Mentions,
		storetest.ClaimSpec{Type: graph.Supported, Source: "egypt", Target: "lna", Quote: "وأعلنت مصر دعمها", Certainty: graph.Asserted, Confidence: 0.9},
		storetest.ClaimSpec{Type: graph.Met, Source: "khalifa-haftar", Target: "egypt", Quote: "التقى الرئيس المصري", Certainty: graph.Asserted, Confidence: 0.9},
	)
}

func claimIDs(cs []graph.Claim) string {
	s := ""
	for _, c := range cs {
		s += c.ID + " "
	}
	return s
}

func TestLoadArticlesIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	docs := storetest.Fixture()
	docs[2].Claims[0].Quote = "ليس في النص"
	err := s.LoadArticles(ctx, docs)
	if err == nil {
		t.Fatal("LoadArticles with an invalid document: got no error")
	}
	c, err := s.Counts(ctx)
	if err != nil || c != (graph.Counts{}) {
		t.Errorf("Counts after a failed LoadArticles: got %+v, %v; want all zero", c, err)
	}
}

func TestClosed(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	s.Close(ctx)
	if _, err := s.Counts(ctx); !errors.Is(err, graph.ErrUnavailable) {
		t.Errorf("Counts after Close: got %v, want ErrUnavailable", err)
	}
}
