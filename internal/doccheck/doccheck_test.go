package doccheck

import (
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestDocLinks checks every relative link of the README and of docs/: the
// file it names exists, and so does the heading its anchor names.
func TestDocLinks(t *testing.T) {
	root := filepath.Join("..", "..")
	files := []string{"README.md", "BENCHMARKS.md"}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Fatal("no docs/*.md")
	}
	for _, d := range docs {
		files = append(files, filepath.ToSlash(filepath.Join("docs", filepath.Base(d))))
	}
	for _, err := range CheckLinks(root, files) {
		t.Error(err)
	}
}

func TestCheckLinks(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("README.md", "# Top\n\n## Quick start\n\nSee [api](docs/api.md#get-apistats), [me](#quick-start), [pic](img.png), [site](https://example.com/x).\n"+
		"[bad file](docs/nothing.md) [bad anchor](docs/api.md#nope) [self](#nowhere)\n"+
		"```\n[in code](docs/nothing.md)\n```\n`[in a span](docs/nothing.md)` [up](../x.md)\n")
	write("docs/api.md", "# API\n\n### `GET /api/stats`\n\nBack to the [README](../README.md#top).\n")
	write("img.png", "")
	var got []string
	for _, err := range CheckLinks(dir, []string{"README.md", "docs/api.md"}) {
		got = append(got, err.Error())
	}
	want := []string{
		`README.md:6: link "docs/nothing.md": no file docs/nothing.md`,
		`README.md:6: link "docs/api.md#nope": docs/api.md has no heading with anchor #nope`,
		`README.md:6: link "#nowhere": README.md has no heading with anchor #nowhere`,
		`README.md:10: link "../x.md" leaves the repository`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"Quick start", "quick-start"},
		{"Neo4j data model + Cypher cookbook", "neo4j-data-model--cypher-cookbook"},
		{"`GET /api/actors?q=&kind=&limit=`", "get-apiactorsqkindlimit"},
		{"Review mode: the analyst corrects the machine", "review-mode-the-analyst-corrects-the-machine"},
		{"The snapshot: restarting without re-extracting", "the-snapshot-restarting-without-re-extracting"},
		{"Curated claims: `data/claims.yaml`", "curated-claims-dataclaimsyaml"},
		{"1. What is an actor", "1-what-is-an-actor"},
		{"روابط والبيانات", "روابط-والبيانات"},
	}
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			if got := Slug(tt.heading); got != tt.want {
				t.Errorf("Slug(%q): got %q, want %q", tt.heading, got, tt.want)
			}
		})
	}
}

func TestAnchors(t *testing.T) {
	doc := "# A\n## Notes\n```\n# not a heading\n```\n### Notes\n#### Notes ##\n"
	got := Anchors(doc)
	for _, a := range []string{"a", "notes", "notes-1", "notes-2"} {
		if !got[a] {
			t.Errorf("got anchors %v, want %q among them", got, a)
		}
	}
	if got["not-a-heading"] {
		t.Errorf("got anchor not-a-heading from a code block, want none")
	}
}

func TestReplace(t *testing.T) {
	doc := "intro\n" + Begin("TestX") + "\nold\n" + End + "\nafter\n"
	tests := []struct {
		name, doc, body, want string
		same                  bool
		err                   error
	}{
		{"same", doc, "old", doc, true, nil},
		{"same, body without newline", doc, "old\n\n", doc, true, nil},
		{"differs", doc, "new\nlines", "intro\n" + Begin("TestX") + "\nnew\nlines\n" + End + "\nafter\n", false, nil},
		{"no section", "intro\n", "x", "intro\n", false, ErrNoSection},
		{"unterminated", "intro\n" + Begin("TestX") + "\nold\n", "x", "intro\n" + Begin("TestX") + "\nold\n", false, ErrNoSection},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, same, err := Replace(tt.doc, "TestX", tt.body)
			if !errors.Is(err, tt.err) {
				t.Fatalf("got error %v, want %v", err, tt.err)
			}
			if got != tt.want || same != tt.same {
				t.Errorf("got %q (same %v), want %q (same %v)", got, same, tt.want, tt.same)
			}
		})
	}
}

func TestFirstDiff(t *testing.T) {
	tests := []struct {
		a, b       string
		line       int
		aLine, bLn string
	}{
		{"x\ny\n", "x\nz\n", 2, "y", "z"},
		{"x\n", "x\ny\n", 2, "", "y"},
	}
	for _, tt := range tests {
		line, a, b := firstDiff(tt.a, tt.b)
		if line != tt.line || a != tt.aLine || b != tt.bLn {
			t.Errorf("firstDiff(%q, %q): got %d %q %q, want %d %q %q", tt.a, tt.b, line, a, b, tt.line, tt.aLine, tt.bLn)
		}
	}
}

var updateDocs = flag.Bool("update", false, "rewrite the generated sections this package checks")

// TestPackageGraph keeps the package list of the README, between its
// generated markers, in step with the import declarations of the module's
// Go files (tests left out). Refresh it with
// go test ./internal/doccheck -run TestPackageGraph -update.
func TestPackageGraph(t *testing.T) {
	root := filepath.Join("..", "..")
	graph, err := packageGraph(root)
	if err != nil {
		t.Fatal(err)
	}
	Section(t, filepath.Join(root, "README.md"), graph, *updateDocs)
}

// packageGraph renders what each package of the module under root imports:
// the module's own packages, then the outside modules (named by their
// module path in go.mod, without github.com/), as a text block, the
// packages that import most first.
func packageGraph(root string) (string, error) {
	imports, err := moduleImports(root)
	if err != nil {
		return "", err
	}
	return renderPackageGraph(imports), nil
}

// moduleImports maps each package of the module under root (its directory,
// relative) to what its non-test Go files import: the module's own packages
// by that relative path, outside modules by their go.mod path without
// github.com/; the standard library is left out.
func moduleImports(root string) (map[string]map[string]bool, error) {
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, err
	}
	var module string
	var requires []string
	for _, line := range strings.Split(string(gomod), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "module":
			module = f[1]
		case len(f) >= 2 && strings.Contains(f[0], ".") && strings.HasPrefix(f[1], "v"):
			requires = append(requires, f[0])
		case len(f) >= 3 && f[0] == "require":
			requires = append(requires, f[1])
		}
	}
	if module == "" {
		return nil, fmt.Errorf("go.mod: no module line")
	}
	imports := map[string]map[string]bool{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(rel)
		if imports[pkg] == nil {
			imports[pkg] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return err
			}
			if own, ok := strings.CutPrefix(p, module+"/"); ok {
				imports[pkg][own] = true
				continue
			}
			var mod string
			for _, r := range requires {
				if (p == r || strings.HasPrefix(p, r+"/")) && len(r) > len(mod) {
					mod = r
				}
			}
			if mod != "" {
				imports[pkg][strings.TrimPrefix(mod, "github.com/")] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return imports, nil
}

// renderPackageGraph is packageGraph's text block for imports.
func renderPackageGraph(imports map[string]map[string]bool) string {
	// Count what each package reaches, to put those that import most first.
	var reach func(string, map[string]bool)
	reach = func(p string, seen map[string]bool) {
		for q := range imports[p] {
			if _, own := imports[q]; own && !seen[q] {
				seen[q] = true
				reach(q, seen)
			}
		}
	}
	pkgs := slices.Collect(maps.Keys(imports))
	size := map[string]int{}
	for _, p := range pkgs {
		seen := map[string]bool{}
		reach(p, seen)
		size[p] = len(seen)
	}
	slices.SortFunc(pkgs, func(a, b string) int {
		if size[a] != size[b] {
			return size[b] - size[a]
		}
		return strings.Compare(a, b)
	})
	width := 0
	for _, p := range pkgs {
		width = max(width, len(p))
	}
	var b strings.Builder
	b.WriteString("```text\n")
	for _, p := range pkgs {
		var own, outside []string
		for q := range imports[p] {
			if _, ok := imports[q]; ok {
				own = append(own, q)
			} else {
				outside = append(outside, q)
			}
		}
		slices.Sort(own)
		slices.Sort(outside)
		lines := []string{strings.Join(own, ", ")}
		if len(outside) > 0 {
			lines = append(lines, "outside: "+strings.Join(outside, ", "))
		}
		if lines[0] == "" {
			lines = lines[1:]
		}
		if len(lines) == 0 {
			lines = []string{"standard library only"}
		}
		fmt.Fprintf(&b, "%-*s → %s\n", width, p, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(&b, "%-*s   %s\n", width, "", l)
		}
	}
	b.WriteString("```\n")
	return b.String()
}

// TestPackageRoles checks that every package of the module (the same list
// TestPackageGraph renders) has a row in the README's package role table
// (the table under the header "| Package | Role |"), and that the table
// names no package that does not exist. A row may name several packages,
// each in its own backticks.
func TestPackageRoles(t *testing.T) {
	root := filepath.Join("..", "..")
	imports, err := moduleImports(root)
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	inTable := map[string]bool{}
	name := regexp.MustCompile("`([^`]+)`")
	inRoles := false
	for _, line := range strings.Split(string(readme), "\n") {
		switch {
		case strings.HasPrefix(line, "| Package | Role |"):
			inRoles = true
		case inRoles && !strings.HasPrefix(line, "|"):
			inRoles = false
		case inRoles && !strings.HasPrefix(line, "|---"):
			first, _, _ := strings.Cut(strings.TrimPrefix(line, "| "), " |")
			for _, n := range name.FindAllStringSubmatch(first, -1) {
				inTable[n[1]] = true
			}
		}
	}
	if len(inTable) == 0 {
		t.Fatal(`README.md: no package role table (a header "| Package | Role |")`)
	}
	for pkg := range imports {
		if !inTable[pkg] {
			t.Errorf("README.md: package %s has no row in the package role table", pkg)
		}
	}
	for pkg := range inTable {
		if _, ok := imports[pkg]; !ok {
			t.Errorf("README.md: the package role table names %s, which is not a package of the module", pkg)
		}
	}
}
