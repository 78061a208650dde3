package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph/neo4jstore"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
)

// openNeo4j opens the store on n and closes it when t ends.
func openNeo4j(t *testing.T, n neo4jtest.Target) *neo4jstore.Store {
	t.Helper()
	ctx := context.Background()
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: n.URI, Username: n.Username, Password: n.Password, Database: n.Database})
	if err != nil {
		t.Fatalf("open %s: %v", n.URI, err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

var cookbookParamRE = regexp.MustCompile(`(?m)^//\s*:param\s+(\w+)\s*=>\s*(.+?)\s*$`)

// cookbookParamValue reads the value of a cookbook `:param` example: a
// quoted string or a number.
func cookbookParamValue(t *testing.T, lit string) any {
	t.Helper()
	if len(lit) >= 2 && (lit[0] == '\'' || lit[0] == '"') && lit[len(lit)-1] == lit[0] {
		return lit[1 : len(lit)-1]
	}
	if n, err := strconv.ParseInt(lit, 10, 64); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(lit, 64); err == nil {
		return f
	}
	t.Fatalf("cookbook :param value %q is neither a quoted string nor a number", lit)
	return nil
}

// TestNeo4jCookbook loads the seed corpus into Neo4j with "rawabit load" and
// runs every cookbook query with its `:param` examples as parameters: each
// must run, and return at least one row.
func TestNeo4jCookbook(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	n := useNeo4j(t)
	if code, out, errOut := runCLI(t, "load", "--strict"); code != 0 {
		t.Fatalf("rawabit load into Neo4j: exit %d\n%s\n%s", code, out, errOut)
	}
	s := openNeo4j(t, n)
	files, err := filepath.Glob("graph/neo4jstore/cookbook/*.cypher")
	if err != nil || len(files) == 0 {
		t.Fatalf("cookbook files: got %d (%v), want some", len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			params := map[string]any{}
			for _, m := range cookbookParamRE.FindAllStringSubmatch(string(b), -1) {
				params[m[1]] = cookbookParamValue(t, m[2])
			}
			text := strings.TrimSpace(string(b))
			rows, err := s.Query(context.Background(), text, params)
			if err != nil {
				t.Fatalf("run with %v: %v", params, err)
			}
			if len(rows) == 0 {
				t.Fatalf("run with %v: got no row, want at least one on the seed graph", params)
			}
			t.Logf("%d rows; first: %v", len(rows), rows[0])
		})
	}
}
