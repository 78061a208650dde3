package doccheck

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
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
