package neo4jstore

import (
	"flag"
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

var updateREADME = flag.Bool("update", false, "rewrite the cookbook copies in README.md from the cookbook files")

// cookbookBody returns a cookbook file without its leading comment header:
// the query the README shows.
func cookbookBody(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	i := 0
	for i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "//") {
		i++
	}
	return strings.Join(lines[i:], "\n")
}

// cookbookParams returns the `:param` lines of a cookbook file's header,
// without the comment marker.
func cookbookParams(text string) []string {
	var out []string
	for _, m := range paramLineRE.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}

var paramLineRE = regexp.MustCompile(`(?m)^//\s*(:param .*)$`)

// TestCookbookREADME checks that the README's copy of every cookbook query
// (the ``` block of :param lines and the ```cypher block after the line
// naming the file) is the file's, byte for byte, so that $parameters stay
// parameters; -update rewrites the copies from the files.
func TestCookbookREADME(t *testing.T) {
	readme := filepath.Join("..", "..", "README.md")
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	files, err := filepath.Glob(filepath.Join("cookbook", "*.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := "`graph/neo4jstore/cookbook/" + filepath.Base(f) + "`"
		at := strings.Index(text, name)
		if at < 0 {
			t.Errorf("README.md does not show %s", name)
			continue
		}
		replace := func(fence, want string) {
			open := strings.Index(text[at:], "\n"+fence+"\n")
			if open < 0 {
				t.Errorf("README.md: no %s block after %s", fence, name)
				return
			}
			start := at + open + len(fence) + 2
			end := strings.Index(text[start:], "\n```\n")
			if end < 0 {
				t.Errorf("README.md: unterminated %s block after %s", fence, name)
				return
			}
			got := text[start : start+end]
			if got != want {
				if *updateREADME {
					text = text[:start] + want + text[start+end:]
				} else {
					t.Errorf("README.md's copy of %s (%s block):\n got  %q\n want %q (run go test ./graph/neo4jstore -run TestCookbookREADME -update)", name, fence, got, want)
				}
			}
			at = start + len(want)
		}
		if params := cookbookParams(string(src)); len(params) > 0 {
			replace("```", strings.Join(params, "\n"))
		}
		replace("```cypher", cookbookBody(string(src)))
	}
	if *updateREADME {
		if err := os.WriteFile(readme, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
