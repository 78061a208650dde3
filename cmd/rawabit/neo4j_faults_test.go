package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
	"github.com/rawabit/rawabit/graph/storetest"
)

// TestNeo4jDownAtStart checks that "serve" and "load" with nothing listening
// at the Neo4j address stop with a clear "store unavailable" error and exit
// status 1 (within neo4j.open_timeout: the test would hang otherwise).
func TestNeo4jDownAtStart(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	t.Setenv("RAWABIT_STORE", "neo4j")
	t.Setenv("RAWABIT_NEO4J_URI", fmt.Sprintf("bolt://127.0.0.1:%d", neo4jtest.FreePort(t)))
	t.Setenv("RAWABIT_NEO4J_OPEN_TIMEOUT", "5s")
	for _, args := range [][]string{{"serve", "--addr", "127.0.0.1:0"}, {"load"}} {
		code, _, errOut := runCLI(t, args...)
		if code != exitError || !strings.Contains(errOut, "store unavailable") {
			t.Errorf("%s: got exit %d, stderr %q, want 1 and store unavailable", args[0], code, errOut)
		}
	}
}

// TestNeo4jStoppedWhileServing starts a Neo4j of its own, serves the seed
// corpus from it, stops Neo4j (API calls then get 503 with a short
// message), starts it again on the same data and port, and checks that
// "serve" answers again without a restart.
func TestNeo4jStoppedWhileServing(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	dir := t.TempDir()
	n := neo4jtest.Launch(t, dir, 0)
	setNeo4jEnv(t, n.Target)
	if code, out, errOut := runCLI(t, "load", "--strict"); code != 0 {
		t.Fatalf("rawabit load: exit %d\n%s\n%s", code, out, errOut)
	}
	t.Setenv("RAWABIT_NEO4J_TRANSACTION_TIMEOUT", "3s")
	var logs bytes.Buffer
	base := startServe(t, testApp(t, &logs))
	if code, body := fetch(t, base, "/api/stats"); code != http.StatusOK {
		t.Fatalf("GET /api/stats with Neo4j up: got %d %s, want 200", code, body)
	}
	n.Stop()
	for _, p := range []string{"/api/stats", "/api/actors?q=" + "%D8%AD%D9%81%D8%AA%D8%B1", "/api/actors/khalifa-haftar/neighbourhood?depth=2"} {
		code, body := fetch(t, base, p)
		if code != http.StatusServiceUnavailable || !strings.Contains(string(body), `"the graph store is unavailable"`) {
			t.Errorf("GET %s with Neo4j stopped: got %d %s, want 503 and the graph store is unavailable", p, code, body)
		}
	}
	neo4jtest.Launch(t, dir, n.Port)
	var code int
	var body []byte
	for range 30 {
		if code, body = fetch(t, base, "/api/stats"); code == http.StatusOK {
			break
		}
		time.Sleep(time.Second)
	}
	if code != http.StatusOK || !strings.Contains(string(body), `"articles":5`) {
		t.Errorf("GET /api/stats after Neo4j is back: got %d %s, want 200 with 5 articles", code, body)
	}
}

// TestNeo4jKilledDuringLoad kills Neo4j (SIGKILL) while "rawabit load"
// writes a synthetic corpus into it, restarts it on the same data folder,
// and checks that every article it holds is whole: all ten of its claims,
// none missing.
func TestNeo4jKilledDuringLoad(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	dir := t.TempDir()
	const articles = 1000
	writeCuratedSynthetic(t, t.TempDir(), articles/5, articles)
	n := neo4jtest.Launch(t, filepath.Join(dir, "neo4j"), 0)
	setNeo4jEnv(t, n.Target)

	loaded := make(chan int, 1)
	go func() {
		code, _, _ := runCLI(t, "load")
		loaded <- code
	}()
	// Kill Neo4j once some articles are in.
	s := openNeo4j(t, n.Target)
	for range 600 {
		c, err := s.Counts(context.Background())
		if err == nil && c.Articles >= 20 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	n.Kill()
	s.Close(context.Background())
	if code := <-loaded; code == 0 {
		t.Fatalf("rawabit load: got exit 0 with Neo4j killed, want a failure")
	}

	n = neo4jtest.Launch(t, filepath.Join(dir, "neo4j"), n.Port)
	s = openNeo4j(t, n.Target)
	ctx := context.Background()
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatalf("Counts after the restart: %v", err)
	}
	if c.Articles == 0 || c.Articles == articles {
		t.Errorf("articles after the kill: got %d, want some but not all %d (else the kill came too early or late)", c.Articles, articles)
	}
	whole := 0
	err = storetest.SyntheticEach(articles/5, articles*storetest.SyntheticClaimsPerArticle, 1, func(d graph.Document) error {
		if _, err := s.Article(ctx, d.Article.ID); errors.Is(err, graph.ErrNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		claims, err := s.ArticleClaims(ctx, d.Article.ID)
		if err != nil {
			return err
		}
		if len(claims) != len(d.Claims) {
			t.Errorf("article %s after the kill: got %d claims, want all %d or no article", d.Article.ID, len(claims), len(d.Claims))
		}
		whole++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if whole != c.Articles || c.Claims != whole*storetest.SyntheticClaimsPerArticle {
		t.Errorf("after the kill: got %d whole articles of %d and %d claims, want every article whole", whole, c.Articles, c.Claims)
	}
}
