package neo4jstore

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/internal/doccheck"
)

var paramExampleRE = regexp.MustCompile(`(?m)^//\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*\S`)

// TestCookbookHeaders checks that every cookbook query carries the header
// docs/neo4j.md and Neo4j Browser users rely on: a title, a purpose, its
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

var update = flag.Bool("update", false, "rewrite the cookbook section of docs/neo4j.md from the cookbook files")

// cookbookBody returns a cookbook file without its leading comment header:
// the query the documentation shows.
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

// cookbookField returns a header field of a cookbook file ("Title",
// "Purpose"), its continuation lines (indented comment lines) joined to it.
func cookbookField(text, field string) string {
	var parts []string
	in := false
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "//") {
			break
		}
		rest := strings.TrimPrefix(line, "//")
		switch {
		case strings.HasPrefix(rest, " "+field+": "):
			in = true
			parts = append(parts, strings.TrimSpace(strings.TrimPrefix(rest, " "+field+": ")))
		case in && strings.HasPrefix(rest, "  "):
			parts = append(parts, strings.TrimSpace(rest))
		default:
			in = false
		}
	}
	return strings.Join(parts, " ")
}

var dollarParamRE = regexp.MustCompile(`\$[A-Za-z_][A-Za-z0-9_]*`)

// cookbookDoc renders the cookbook files (paths relative to the package)
// as the Markdown of docs/neo4j.md: for each, in file order, a heading
// numbered by the file's prefix with its title, its purpose (a $parameter
// in it set as code, so that Markdown does not read it as mathematics), a
// link to the file, and the file's own :param lines and query, verbatim.
func cookbookDoc(files map[string]string) string {
	var b strings.Builder
	for i, f := range slices.Sorted(maps.Keys(files)) {
		text := files[f]
		if i > 0 {
			b.WriteString("\n")
		}
		num, _, _ := strings.Cut(filepath.Base(f), "_")
		num = strings.TrimLeft(num, "0")
		purpose := dollarParamRE.ReplaceAllString(cookbookField(text, "Purpose"), "`$0`")
		if purpose != "" {
			purpose = strings.ToUpper(purpose[:1]) + purpose[1:]
		}
		path := "graph/neo4jstore/" + filepath.ToSlash(f)
		fmt.Fprintf(&b, "### %s. %s\n\n%s\n\n[`%s`](../%s)\n\n", num, cookbookField(text, "Title"), purpose, path, path)
		if params := cookbookParams(text); len(params) > 0 {
			fmt.Fprintf(&b, "```\n%s\n```\n\n", strings.Join(params, "\n"))
		}
		fmt.Fprintf(&b, "```cypher\n%s\n```\n", cookbookBody(text))
	}
	return b.String()
}

// TestCookbookDoc keeps the cookbook section of docs/neo4j.md, between its
// generated markers, in step with the cookbook files: every query verbatim
// (so that $parameters stay parameters when pasted), with the title,
// purpose and :param examples of its header. Refresh it with
// go test ./graph/neo4jstore -run TestCookbookDoc -update.
func TestCookbookDoc(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("cookbook", "*.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = string(b)
	}
	doccheck.Section(t, filepath.Join("..", "..", "docs", "neo4j.md"), cookbookDoc(files), *update)
}

func TestCookbookDocRender(t *testing.T) {
	files := map[string]string{
		"cookbook/02_b.cypher": "// Title: Second\n// Purpose: the pairs of $actor and\n//   $other, counted.\n// params: actor, other\n// :param actor => 'a'\n// :param other => 'b'\nMATCH (a:Actor {id: $actor})\nRETURN a\n",
		"cookbook/01_a.cypher": "// Title: First\n// Purpose: everything.\n// params: none\nMATCH (a:Actor) RETURN count(a)\n",
	}
	want := "### 1. First\n\nEverything.\n\n[`graph/neo4jstore/cookbook/01_a.cypher`](../graph/neo4jstore/cookbook/01_a.cypher)\n\n" +
		"```cypher\nMATCH (a:Actor) RETURN count(a)\n```\n\n" +
		"### 2. Second\n\nThe pairs of `$actor` and `$other`, counted.\n\n[`graph/neo4jstore/cookbook/02_b.cypher`](../graph/neo4jstore/cookbook/02_b.cypher)\n\n" +
		"```\n:param actor => 'a'\n:param other => 'b'\n```\n\n" +
		"```cypher\nMATCH (a:Actor {id: $actor})\nRETURN a\n```\n"
	if got := cookbookDoc(files); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
