package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
)

// cypherStatements splits an export script into its statements (each ends
// with ";" at the end of a line), leaving out the parts that hold only
// comments.
func cypherStatements(script string) []string {
	var out []string
	for part := range strings.SplitSeq(script, ";\n") {
		code := false
		for line := range strings.SplitSeq(part, "\n") {
			if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "//") {
				code = true
			}
		}
		if code {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(part), ";"))
		}
	}
	return out
}

// withoutUTF16 drops the start_utf16 and end_utf16 of the claims of a
// /api/claims answer: the API derives them from the article text, which the
// exports do not carry.
func withoutUTF16(t *testing.T, body []byte) []byte {
	t.Helper()
	var v struct {
		Claims    []map[string]any `json:"claims"`
		Truncated bool             `json:"truncated"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("claims answer %s: %v", body, err)
	}
	for _, c := range v.Claims {
		delete(c, "start_utf16")
		delete(c, "end_utf16")
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// unzip extracts a zip into dir.
func unzip(t *testing.T, data []byte, dir string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("unzip: %v", err)
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Name)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestNeo4jExportsImport exports the neighbourhood of the seed graph's
// best-connected actor from "serve" on the memory store as a Cypher script
// and as a neo4j-csv zip, runs the script into an empty Neo4j, then loads
// the CSV files with the LOAD CSV statements of graph/neo4jstore/loadcsv into
// an empty Neo4j, and checks each time that "serve" on that Neo4j gives back
// the same actors and claims, every property included.
func TestNeo4jExportsImport(t *testing.T) {
	neo4jtest.Require(t) // skip (or fail) before any work
	clearEnv(t)
	t.Chdir(repoRoot)
	t.Setenv("RAWABIT_DATA_SNAPSHOT", "") // extract afresh: no snapshot of an older extractor
	var memLogs, neoLogs bytes.Buffer
	mem := startServe(t, testApp(t, &memLogs))
	const selection = "center=khalifa-haftar&depth=3"
	code, body := fetch(t, mem, "/api/actors/khalifa-haftar/neighbourhood?depth=3")
	if code != http.StatusOK {
		t.Fatalf("neighbourhood: got %d %s", code, body)
	}
	var sg struct {
		Nodes []struct {
			ID string `json:"id"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal(body, &sg); err != nil || len(sg.Nodes) < 10 {
		t.Fatalf("neighbourhood: got %d nodes (%v), want at least 10", len(sg.Nodes), err)
	}
	var ids []string
	for _, n := range sg.Nodes {
		ids = append(ids, n.ID)
	}
	checks := []string{"/api/subgraph?ids=" + strings.Join(ids, ","), "/api/actors/khalifa-haftar/neighbourhood?depth=3"}
	for _, id := range ids[:5] {
		checks = append(checks, "/api/claims?source="+id, "/api/claims?target="+id)
	}
	_, script := fetch(t, mem, "/api/export?format=cypher&"+selection)
	_, csvZip := fetch(t, mem, "/api/export?format=neo4j-csv&"+selection)

	n := useNeo4j(t)
	s := openNeo4j(t, n)
	neo := startServe(t, testApp(t, &neoLogs))
	ctx := context.Background()
	compare := func(t *testing.T) {
		for _, p := range checks {
			memCode, memBody := fetch(t, mem, p)
			neoCode, neoBody := fetch(t, neo, p)
			if strings.HasPrefix(p, "/api/claims?") {
				memBody, neoBody = withoutUTF16(t, memBody), withoutUTF16(t, neoBody)
			}
			if neoCode != memCode || !bytes.Equal(neoBody, memBody) {
				t.Errorf("GET %s:\n got (Neo4j)  %d %.600s\n want (memory) %d %.600s", p, neoCode, neoBody, memCode, memBody)
			}
		}
	}
	t.Run("cypher", func(t *testing.T) {
		stmts := cypherStatements(string(script))
		if len(stmts) < len(ids) {
			t.Fatalf("export script: got %d statements, want at least one per actor (%d)", len(stmts), len(ids))
		}
		if err := s.Execute(ctx, stmts, nil); err != nil {
			t.Fatalf("run the export script: %v", err)
		}
		compare(t)
	})
	t.Run("neo4j-csv with LOAD CSV", func(t *testing.T) {
		if err := s.Clear(ctx); err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		unzip(t, csvZip, dir)
		steps := []struct{ statement, csv string }{
			{"1_actors.cypher", "actors.csv"}, {"2_articles.cypher", "articles.csv"},
			{"3_claims.cypher", "claims.csv"}, {"4_affiliations.cypher", "affiliations.csv"},
		}
		for _, st := range steps {
			text, err := os.ReadFile(filepath.Join("graph/neo4jstore/loadcsv", st.statement))
			if err != nil {
				t.Fatal(err)
			}
			url := "file://" + filepath.ToSlash(filepath.Join(dir, st.csv))
			if err := s.Execute(ctx, []string{string(text)}, map[string]any{"url": url}); err != nil {
				t.Fatalf("%s with %s: %v", st.statement, url, err)
			}
		}
		compare(t)
	})
	if t.Failed() {
		t.Logf("Neo4j serve logs:\n%s", neoLogs.String())
	}
}
