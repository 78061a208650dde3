package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph/export"
	"github.com/rawabit/rawabit/graph/neo4jstore"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
)

// useNeo4j points the RAWABIT_ configuration at the Neo4j of the
// environment (skipping t without one, failing it under NEO4J_REQUIRED=1),
// and empties it of every Actor and Article.
func useNeo4j(t *testing.T) neo4jtest.Target {
	t.Helper()
	n := neo4jtest.Require(t)
	clearNeo4j(t, n)
	setNeo4jEnv(t, n)
	return n
}

// setNeo4jEnv points the RAWABIT_ configuration at n.
func setNeo4jEnv(t *testing.T, n neo4jtest.Target) {
	t.Setenv("RAWABIT_STORE", "neo4j")
	t.Setenv("RAWABIT_NEO4J_URI", n.URI)
	t.Setenv("RAWABIT_NEO4J_USERNAME", n.Username)
	t.Setenv("RAWABIT_NEO4J_PASSWORD", n.Password)
	t.Setenv("RAWABIT_NEO4J_DATABASE", n.Database)
}

// clearNeo4j deletes every Actor and Article of n.
func clearNeo4j(t *testing.T, n neo4jtest.Target) {
	t.Helper()
	ctx := context.Background()
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: n.URI, Username: n.Username, Password: n.Password, Database: n.Database})
	if err != nil {
		t.Fatalf("open %s: %v", n.URI, err)
	}
	defer s.Close(ctx)
	if err := s.Clear(ctx); err != nil {
		t.Fatalf("clear %s: %v", n.URI, err)
	}
}

// startServe runs app.serve on a free port until t ends and returns its
// base URL.
func startServe(t *testing.T, app *App) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- app.serve(ctx, ln, nil) }()
	t.Cleanup(func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("serve: got %v after cancel, want nil", err)
		}
	})
	base := "http://" + ln.Addr().String()
	for range 600 {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			return base
		}
		select {
		case err := <-served:
			t.Fatalf("serve ended before answering: %v", err)
		default:
		}
	}
	t.Fatalf("serve did not answer /healthz")
	return ""
}

// fetch GETs base+path and returns the status and body.
func fetch(t *testing.T, base, path string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, body
}

// TestNeo4jServeSameAsMemory loads the seed corpus into Neo4j with
// "rawabit load", serves it with "rawabit serve", and checks that every API
// call (search, actor, neighbourhood at depth 1 to 3, paths, claims,
// article, subgraph, overview, export in every format) answers with the
// same status and the same bytes as "serve" on the memory store.
func TestNeo4jServeSameAsMemory(t *testing.T) {
	neo4jtest.Require(t) // skip (or fail) before any work
	clearEnv(t)
	t.Chdir(repoRoot)
	t.Setenv("RAWABIT_DATA_SNAPSHOT", "") // extract afresh: no snapshot of an older extractor
	// The comparison is of answers, not of speed (see TestNeo4jLoadSynthetic).
	t.Setenv("RAWABIT_SERVER_REQUEST_TIMEOUT", "5m")
	var memLogs, neoLogs bytes.Buffer
	mem := startServe(t, testApp(t, &memLogs))

	useNeo4j(t)
	if code, out, errOut := runCLI(t, "load", "--strict"); code != 0 {
		t.Fatalf("rawabit load into Neo4j: exit %d\n%s\n%s", code, out, errOut)
	}
	neo := startServe(t, testApp(t, &neoLogs))

	_, body := fetch(t, mem, "/api/overview")
	var ov struct {
		Top []struct {
			Actor struct {
				ID     string `json:"id"`
				NameAr string `json:"name_ar"`
				Name   string `json:"name"`
			} `json:"actor"`
		} `json:"top"`
	}
	if err := json.Unmarshal(body, &ov); err != nil || len(ov.Top) < 4 {
		t.Fatalf("GET /api/overview on the memory store: got %d actors (%v), want at least 4: %s", len(ov.Top), err, body)
	}
	top := ov.Top[:min(6, len(ov.Top))]
	var ids []string
	paths := []string{"/api/stats", "/api/meta", "/api/overview", "/api/overview?types=SUPPORTED&min_confidence=0.5",
		"/api/actors?q=" + url.QueryEscape("ال"), "/api/actors?q=" + url.QueryEscape(`a"b (x`), "/api/actors?q=%5C",
		"/api/actors/nobody", "/api/articles/nobody", "/api/paths?from=nobody&to=" + top[0].Actor.ID}
	for _, a := range top {
		id := a.Actor.ID
		ids = append(ids, id)
		for _, q := range []string{a.Actor.NameAr, a.Actor.Name, strings.Fields(a.Actor.NameAr + " x")[0]} {
			paths = append(paths, "/api/actors?q="+url.QueryEscape(q))
		}
		paths = append(paths, "/api/actors/"+id, "/api/actors/"+id+"/articles",
			"/api/claims?source="+id, "/api/claims?target="+id+"&certainties=asserted")
		for depth := 1; depth <= 3; depth++ {
			paths = append(paths, fmt.Sprintf("/api/actors/%s/neighbourhood?depth=%d", id, depth))
		}
		paths = append(paths, "/api/actors/"+id+"/neighbourhood?depth=2&types=SUPPORTED,OPPOSED&max_neighbours=3")
	}
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			paths = append(paths, "/api/paths?from="+a+"&to="+b, "/api/paths?from="+b+"&to="+a+"&max=2&types=MET")
		}
	}
	paths = append(paths, "/api/subgraph?ids="+strings.Join(ids, ","))
	for _, f := range export.Formats {
		paths = append(paths, "/api/export?format="+string(f)+"&center="+ids[0]+"&depth=2",
			"/api/export?format="+string(f)+"&ids="+strings.Join(ids, ","))
	}
	// Articles: those of the top actor.
	_, body = fetch(t, mem, "/api/actors/"+ids[0]+"/articles")
	var arts struct {
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(body, &arts); err != nil || len(arts.Articles) == 0 {
		t.Fatalf("GET articles of %s: got %s (%v), want at least one", ids[0], body, err)
	}
	for _, a := range arts.Articles {
		paths = append(paths, "/api/articles/"+a.ID)
	}

	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			memCode, memBody := fetch(t, mem, p)
			neoCode, neoBody := fetch(t, neo, p)
			if neoCode != memCode || !bytes.Equal(neoBody, memBody) {
				t.Errorf("GET %s:\n got (Neo4j)  %d %.600s\n want (memory) %d %.600s", p, neoCode, neoBody, memCode, memBody)
			}
			if memCode >= 500 {
				t.Errorf("GET %s: got status %d on both stores, want no server error", p, memCode)
			}
		})
	}
	if t.Failed() {
		t.Logf("Neo4j serve logs:\n%s", neoLogs.String())
	}
}
