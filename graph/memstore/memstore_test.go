package memstore_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
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

// TestDeletesKeepIndexesExact deletes and reloads articles of a small, dense
// synthetic graph (pairs with many claims) and compares every answer with a
// store that loaded only the surviving articles.
func TestDeletesKeepIndexesExact(t *testing.T) {
	tests := []struct{ actors, claims int }{
		{6, 300},  // every pair has many claims
		{30, 150}, // most pairs have one or two claims
		{100, 400},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d actors, %d claims", tt.actors, tt.claims), func(t *testing.T) {
			checkDeletes(t, tt.actors, tt.claims)
		})
	}
}

func checkDeletes(t *testing.T, actors, claims int) {
	ctx := context.Background()
	docs := storetest.Synthetic(actors, claims, 5)
	// Actors stay when their articles go, so both stores first get them all.
	everyone := graph.Document{
		Article: graph.Article{ID: "everyone", Title: "everyone", Language: "ar", SHA256: graph.TextSHA256("")},
		Actors:  storetest.SyntheticActors(actors),
	}
	edited, fresh := memstore.New(), memstore.New()
	if err := edited.LoadArticles(ctx, append([]graph.Document{everyone}, docs...)); err != nil {
		t.Fatal(err)
	}
	if err := fresh.LoadArticle(ctx, everyone); err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		// A query before each write packs the edited store's lists, so
		// that each write meets them packed.
		if _, err := edited.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: storetest.SyntheticActorID(i % actors), Depth: 2}); err != nil {
			t.Fatal(err)
		}
		if i%2 == 1 && i != 7 {
			if err := edited.DeleteArticle(ctx, d.Article.ID); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := fresh.LoadArticle(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := edited.LoadArticle(ctx, docs[7]); err != nil {
		t.Fatal(err)
	}
	same := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got  %+v\n want %+v", what, got, want)
		}
	}
	gotCounts, _ := edited.Counts(ctx)
	wantCounts, _ := fresh.Counts(ctx)
	same("Counts", gotCounts, wantCounts)
	for i := 0; i < actors; i++ {
		id := storetest.SyntheticActorID(i)
		got, err1 := edited.ActorStats(ctx, id)
		want, err2 := fresh.ActorStats(ctx, id)
		same("ActorStats("+id+")", []any{got, err1}, []any{want, err2})
		gotC, err1 := edited.Claims(ctx, graph.ClaimQuery{Source: id, Either: true})
		wantC, err2 := fresh.Claims(ctx, graph.ClaimQuery{Source: id, Either: true})
		same("Claims("+id+")", []any{gotC, err1}, []any{wantC, err2})
		for _, f := range []graph.Filter{{}, {Types: []graph.RelationType{graph.Supported}, MinConfidence: 0.5}} {
			q := graph.NeighbourhoodQuery{Center: id, Depth: 2, Filter: f}
			gotN, err1 := edited.Neighbourhood(ctx, q)
			wantN, err2 := fresh.Neighbourhood(ctx, q)
			same("Neighbourhood("+id+")", []any{gotN, err1}, []any{wantN, err2})
		}
	}
}
