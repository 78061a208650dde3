package main

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
	"github.com/rawabit/rawabit/loader"
)

// TestNeo4jLoadStopsWhenTheStoreDies loads the seed corpus into a Neo4j this
// test starts, kills that Neo4j (SIGKILL, as a crash) once two articles are
// written, and checks that the load stops at once with a loader.StoreError
// wrapping graph.ErrUnavailable that counts 2 articles loaded and the other 3
// not, instead of skipping them.
func TestNeo4jLoadStopsWhenTheStoreDies(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	srv := neo4jtest.Launch(t, t.TempDir(), 0)
	ctx := context.Background()
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: srv.Target.URI, Username: srv.Target.Username,
		Password: srv.Target.Password, TransactionTimeout: 30 * time.Second}) // a cold first write under a busy machine took over 10 s
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(ctx)
	app := testApp(t, io.Discard)
	opts, err := app.LoaderOptions(app.Config.Data.Articles, false)
	if err != nil {
		t.Fatal(err)
	}
	opts.Progress = func(done, total int) {
		if done == 2 {
			srv.Kill()
		}
	}
	sum, err := loader.Load(ctx, store, opts)
	var se *loader.StoreError
	if !errors.As(err, &se) || !errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("got error %v, want a loader.StoreError wrapping graph.ErrUnavailable", err)
	}
	if se.Loaded != 2 || se.NotLoaded != 3 || sum.Articles != 2 || len(sum.Skipped) != 0 {
		t.Errorf("got %d loaded, %d not loaded, summary %d articles and %d skipped; want 2, 3, 2 and none",
			se.Loaded, se.NotLoaded, sum.Articles, len(sum.Skipped))
	}
	t.Logf("load stopped with: %v", err)
}
