package neo4jstore

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var paramExampleRE = regexp.MustCompile(`(?m)^//\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*\S`)

// TestCookbookHeaders checks that every cookbook query carries the header
// the README and Neo4j Browser users rely on: a title, a purpose, its
// parameters, a `:param` example for each, and that it uses exactly those.
func TestCookbookHeaders(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("cookbook", "*.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 12 {
		t.Errorf("cookbook has %d queries, want at least 12", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			for _, field := range []string{"// Title: ", "// Purpose: "} {
				if !strings.Contains(text, field) {
					t.Errorf("%s has no %q line", f, strings.TrimSpace(field))
				}
			}
			declared, ok := headerParams(text)
			if !ok {
				t.Fatalf("%s has no '// params:' header", f)
			}
			if used := usedParams(text); !slices.Equal(used, declared) {
				t.Errorf("%s uses parameters %q but declares %q", f, used, declared)
			}
			var examples []string
			for _, m := range paramExampleRE.FindAllStringSubmatch(text, -1) {
				examples = append(examples, m[1])
			}
			slices.Sort(examples)
			if !slices.Equal(examples, declared) {
				t.Errorf("%s has :param examples for %q, want one for each of %q", f, examples, declared)
			}
			if strings.TrimSpace(stripCypher(text)) == "" {
				t.Errorf("%s has no query", f)
			}
		})
	}
}
