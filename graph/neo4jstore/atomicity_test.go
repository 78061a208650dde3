package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/graph/storetest"
)

// errInjected is the failure the atomicity test injects into a transaction.
var errInjected = errors.New("injected failure")

// state is what a failed load must leave as it was.
type state struct {
	counts      graph.Counts
	cairoTitle  string
	cairoClaims []string
	haftar      graph.Actor
}

func stateOf(t *testing.T, s *Store) state {
	t.Helper()
	ctx := context.Background()
	var st state
	var err error
	if st.counts, err = s.Counts(ctx); err != nil {
		t.Fatalf("Counts: %v", err)
	}
	a, err := s.Article(ctx, "a1-cairo")
	if err != nil {
		t.Fatalf("Article: %v", err)
	}
	st.cairoTitle = a.Title
	cs, err := s.ArticleClaims(ctx, "a1-cairo")
	if err != nil {
		t.Fatalf("ArticleClaims: %v", err)
	}
	for _, c := range cs {
		st.cairoClaims = append(st.cairoClaims, c.ID)
	}
	slices.Sort(st.cairoClaims)
	if st.haftar, err = s.Actor(ctx, "khalifa-haftar"); err != nil {
		t.Fatalf("Actor: %v", err)
	}
	return st
}

// TestAtomicity injects a failure after each statement of an article's
// write transaction, on a real Neo4j, and checks that nothing of the
// article remains: neither of a new article nor of a new version of a
// stored one, alone or in a batch.
func TestAtomicity(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if err := s.LoadArticles(ctx, storetest.Fixture()); err != nil {
		t.Fatalf("LoadArticles: %v", err)
	}
	before := stateOf(t, s)

	edited := storetest.Fixture()[0]
	edited.Article.Title = "CHANGED"
	edited.Claims = edited.Claims[:1]
	for i := range edited.Actors {
		if edited.Actors[i].ID == "khalifa-haftar" {
			edited.Actors[i].Name = "Changed Name"
		}
	}
	fresh := storetest.Retarget(edited, "a9-fresh")
	docs := map[string][]graph.Document{
		"new version": {edited},
		"new article": {fresh},
		"batch":       {storetest.Fixture()[1], fresh, edited},
	}
	steps := []string{
		stmtClearArticle.file, stmtMergeArticle.file, stmtMergeActors.file, stmtDeleteAffiliations.file,
		stmtCreateAffiliations.file, stmtCreateClaims.file, stmtCreateMentions.file,
	}
	for _, name := range []string{"new version", "new article", "batch"} {
		for _, step := range steps {
			t.Run(fmt.Sprintf("%s/after %s", name, step), func(t *testing.T) {
				calls := 0
				s.faultAfter = func(file string) error {
					if file != step {
						return nil
					}
					// In a batch, fail in the second document.
					if calls++; name == "batch" && calls < 2 {
						return nil
					}
					return errInjected
				}
				defer func() { s.faultAfter = nil }()
				var err error
				if ds := docs[name]; len(ds) == 1 {
					err = s.LoadArticle(ctx, ds[0])
				} else {
					err = s.LoadArticles(ctx, ds)
				}
				if !errors.Is(err, errInjected) {
					t.Fatalf("load: got error %v, want the injected one", err)
				}
				after := stateOf(t, s)
				if after.counts != before.counts || after.cairoTitle != before.cairoTitle ||
					!slices.Equal(after.cairoClaims, before.cairoClaims) || after.haftar.Name != before.haftar.Name {
					t.Errorf("after a failed load: got %+v, want %+v", after, before)
				}
				if _, err := s.Article(ctx, fresh.Article.ID); !errors.Is(err, graph.ErrNotFound) {
					t.Errorf("Article(%s) after a failed load: got error %v, want %v", fresh.Article.ID, err, graph.ErrNotFound)
				}
				ms, err := s.SearchActors(ctx, graph.SearchQuery{Text: "Changed Name"})
				if err != nil || len(ms) != 0 {
					t.Errorf("search for a name of a failed load: got %d matches, %v; want none", len(ms), err)
				}
			})
		}
	}
	// The same loads succeed without the fault.
	if err := s.LoadArticles(ctx, docs["batch"]); err != nil {
		t.Fatalf("LoadArticles without a fault: %v", err)
	}
	if a, err := s.Article(ctx, fresh.Article.ID); err != nil || a.Title != "CHANGED" {
		t.Errorf("Article(%s) without a fault: got %q, %v; want title CHANGED", fresh.Article.ID, a.Title, err)
	}
}

// TestSearchFallback gives the full-text index queries it refuses (raw
// Lucene syntax, which SearchActors always escapes) and checks that the
// search falls back to the scan with the answer of the escaped query.
func TestSearchFallback(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if err := s.LoadArticles(ctx, storetest.Fixture()); err != nil {
		t.Fatalf("LoadArticles: %v", err)
	}
	kinds := []string{}
	for _, k := range (graph.Filter{}).KindsOrAll() {
		kinds = append(kinds, string(k))
	}
	for _, raw := range []string{`(حفتر`, `حفتر AND`, `"حفتر`, `[a TO`, `/حفتر`, `حفتر^`, `OR`} {
		t.Run(raw, func(t *testing.T) {
			query := arabic.Normalize(raw)
			p := searchParams{Lucene: raw, Needle: needle(query), Kinds: kinds}
			_, err := s.searchWith(ctx, query, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
				return run(ctx, tx, stmtSearchActors, p)
			})
			var nerr *neo4j.Neo4jError
			if !errors.As(err, &nerr) || !strings.HasPrefix(nerr.Code, "Neo.ClientError.") {
				t.Fatalf("the index with raw Lucene %q: got error %v, want a client error (else this test proves nothing)", raw, err)
			}
			got, err := s.search(ctx, query, p)
			if err != nil {
				t.Fatalf("search with raw Lucene %q: got error %v, want the scan's answer", raw, err)
			}
			p.Lucene = luceneQuery(query)
			want, err := s.search(ctx, query, p)
			if err != nil {
				t.Fatalf("search with escaped Lucene: %v", err)
			}
			if !slices.EqualFunc(got, want, func(a, b graph.ActorMatch) bool {
				return a.Actor.ID == b.Actor.ID && a.Score == b.Score && a.Matched == b.Matched
			}) {
				t.Errorf("search(%q): got %v, want %v", raw, got, want)
			}
		})
	}
}
