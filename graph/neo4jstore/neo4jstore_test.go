package neo4jstore

import (
	"context"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/storetest"
)

// configFromEnv reads the Neo4j to test against from NEO4J_URI,
// NEO4J_USERNAME (default neo4j), NEO4J_PASSWORD and NEO4J_DATABASE; ok is
// false when NEO4J_URI is not set.
func configFromEnv() (cfg Config, ok bool) {
	cfg = Config{
		URI:      os.Getenv("NEO4J_URI"),
		Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	if cfg.Username == "" {
		cfg.Username = "neo4j"
	}
	return cfg, cfg.URI != ""
}

// requireNeo4j returns the Neo4j of the environment, or skips t when
// NEO4J_URI is not set.
func requireNeo4j(t *testing.T) Config {
	t.Helper()
	cfg, ok := configFromEnv()
	if !ok {
		t.Skip("NEO4J_URI is not set, so this test does not run against Neo4j. " +
			"Set NEO4J_URI (e.g. neo4j://localhost:7687), NEO4J_USERNAME, NEO4J_PASSWORD and optionally " +
			"NEO4J_DATABASE (a throw-away database: every Actor and Article in it is deleted) to run it.")
	}
	return cfg
}

// openTestStore opens the Neo4j of the environment, emptied of every Actor
// and Article, and closes it when t ends; without NEO4J_URI it skips t.
func openTestStore(t *testing.T) *Store {
	t.Helper()
	cfg := requireNeo4j(t)
	ctx := context.Background()
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatalf("open %s: %v", cfg.URI, err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := s.clear(ctx); err != nil {
		t.Fatalf("clear database: %v", err)
	}
	return s
}

// TestContract runs the contract suite every store passes against Neo4j.
func TestContract(t *testing.T) {
	requireNeo4j(t)
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
