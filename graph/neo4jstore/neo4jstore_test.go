package neo4jstore

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
	"github.com/rawabit/rawabit/graph/storetest"
)

// openTestStore opens the Neo4j of the environment, emptied of every Actor
// and Article, and closes it when t ends; without NEO4J_URI it skips t (fails
// it under NEO4J_REQUIRED=1).
func openTestStore(t *testing.T) *Store {
	t.Helper()
	return openEmpty(t, configOf(neo4jtest.Require(t)))
}

// configOf is the store configuration reaching a test's Neo4j.
func configOf(n neo4jtest.Target) Config {
	return Config{URI: n.URI, Username: n.Username, Password: n.Password, Database: n.Database}
}

// openEmpty opens cfg, deletes every Actor and Article in it, and closes the
// store when t ends.
func openEmpty(t *testing.T, cfg Config) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatalf("open %s: %v", cfg.URI, err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := s.Clear(ctx); err != nil {
		t.Fatalf("clear %s: %v", cfg.URI, err)
	}
	return s
}

// TestContract runs the contract suite every store passes against Neo4j.
func TestContract(t *testing.T) {
	neo4jtest.Require(t)
	storetest.Run(t, func(t *testing.T) graph.Store { return openTestStore(t) })
}

// TestLoadArticles checks that a batch load stores what one LoadArticle per
// document stores, and that an invalid document in a batch stores nothing.
func TestLoadArticles(t *testing.T) {
	ctx := context.Background()
	batch := openTestStore(t)
	docs := storetest.Fixture()
	bad := storetest.Fixture()[1]
	bad.Claims[0].Quote = "ليس في النص"
	err := batch.LoadArticles(ctx, append(slices.Clone(docs[:1]), bad))
	if !errors.Is(err, graph.ErrInvalid) {
		t.Fatalf("LoadArticles with an invalid document: got %v, want an error wrapping %v", err, graph.ErrInvalid)
	}
	if c, err := batch.Counts(ctx); err != nil || c != (graph.Counts{}) {
		t.Fatalf("Counts after a failed batch: got %+v, %v; want zero counts", c, err)
	}
	if err := batch.LoadArticles(ctx, docs); err != nil {
		t.Fatalf("LoadArticles: %v", err)
	}
	want := graph.Counts{Actors: 12, Articles: 4, Claims: 18}
	if c, err := batch.Counts(ctx); err != nil || c != want {
		t.Fatalf("Counts after LoadArticles: got %+v, %v; want %+v", c, err, want)
	}
	for _, d := range docs {
		got, err := batch.ArticleClaims(ctx, d.Article.ID)
		if err != nil {
			t.Fatalf("ArticleClaims(%q): %v", d.Article.ID, err)
		}
		if len(got) != len(d.Claims) {
			t.Errorf("ArticleClaims(%q): got %d claims, want %d", d.Article.ID, len(got), len(d.Claims))
		}
		for _, c := range got {
			if !slices.Contains(d.Claims, c) {
				t.Errorf("ArticleClaims(%q): claim %+v is not one of the document's", d.Article.ID, c)
			}
		}
	}
}
