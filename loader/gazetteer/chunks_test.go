package gazetteer

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// bigActors writes a gazetteer of n actors, in flow and block entries with
// comments between them, to a file of dir and returns its path and text;
// extra is inserted before the entry of actor at (at the end when at is n,
// nowhere when at < 0).
func bigActors(t *testing.T, n, at int, extra string) (string, string) {
	t.Helper()
	name := synthName
	var b strings.Builder
	b.WriteString("# generated\nactors:\n")
	for i := range n {
		if i == at {
			b.WriteString(extra)
		}
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "  - {id: actor-%06d, name: \"Actor %d\", kind: person, names: [\"%s\"]}\n", i, i, name(i))
		case 1:
			fmt.Fprintf(&b, "  # actor %d\n  - id: actor-%06d\n    name: Actor %d\n    kind: organisation\n    names:\n      - %s\n    aliases: [A%d]\n", i, i, i, name(i), i)
		default:
			fmt.Fprintf(&b, "\n  - id: actor-%06d\n    kind: person\n    affiliation: actor-%06d\n    names: [\"%s\"]\n", i, i-1, name(i))
		}
	}
	if at == n {
		b.WriteString(extra)
	}
	p := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, b.String()
}

// synthName is the Arabic name of actor i of bigActors, one of its own.
func synthName(i int) string {
	letters := []rune("بتثجحخدذرزسشصضطظعغفقكلمنهوي")
	var b strings.Builder
	for _, k := range []int{i % 27, i / 27 % 27, i / 729 % 27} {
		b.WriteRune(letters[k])
		b.WriteRune(letters[(k+5)%27])
	}
	return "سيد " + b.String()
}

// wholeLoad is LoadFiles without pieces: each file parsed whole, then
// merged.
func wholeLoad(paths ...string) (*Gazetteer, error) {
	files, err := Files(osFS{}, paths...)
	if err != nil {
		return nil, err
	}
	var gs []*Gazetteer
	for _, p := range files {
		g, err := ParseFile(p)
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	return Merge(gs...)
}

// TestLoadFilesInPieces checks that a large file of actors parsed in
// pieces on several cores gives what parsing it whole gives: the same
// actors in the same order, entries, positions and roles, or the same
// error.
func TestLoadFilesInPieces(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	seed := filepath.Join("..", "..", "data", "gazetteer")
	tests := []struct {
		name  string
		at    int
		extra string
		// pieces is whether the file is split (splitActors cuts it),
		// wantErr whether it is an error.
		pieces, wantErr bool
	}{
		{"actors only", -1, "", true, false},
		{"an actor repeated in another piece", 4500, "  - {id: actor-000010, names: [\"سيد آخر\"], aliases: [Again]}\n", true, false},
		{"a form claimed by two actors in two pieces", 4500, "  - {id: actor-900000, name: X, kind: person, names: [\"" + synthName(10) + "\"]}\n", true, true},
		{"a kind conflict in two pieces", 4500, "  - {id: actor-000003, kind: state}\n", true, true},
		{"an alias of an anchor in another piece", 4500, "  - {id: actor-900002, kind: person, name: *anchor}\n", true, true},
		{"a syntax error", 4500, "  - {id: [\n", true, true},
		{"another top-level key", 6000, "offices: []\n", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, text := bigActors(t, 6000, tc.at, tc.extra)
			if cuts := splitActors([]byte(text), 4); (cuts != nil) != tc.pieces {
				t.Fatalf("got cuts %v, want pieces %v", cuts, tc.pieces)
			}
			for _, files := range [][]string{{p}, {seed, p}} {
				want, wantErr := wholeLoad(files...)
				got, err := LoadFiles(files...)
				if fmt.Sprint(err) != fmt.Sprint(wantErr) || (err != nil) != tc.wantErr {
					t.Fatalf("%v: got error %v, want %v", files, err, wantErr)
				}
				if err != nil {
					continue
				}
				if !reflect.DeepEqual(got.Actors(), want.Actors()) {
					t.Errorf("%v: got %d actors, want %d as parsed whole (or not the same)", files, got.Len(), want.Len())
				}
				if !reflect.DeepEqual(got.Entries(), want.Entries()) {
					t.Errorf("%v: entries differ from those of the file parsed whole", files)
				}
				if !reflect.DeepEqual(got.Roles(), want.Roles()) {
					t.Errorf("%v: roles differ from those of the files parsed whole", files)
				}
				for _, id := range []string{"actor-000000", "actor-003001", "actor-005999"} {
					gp, _ := got.Position(id)
					wp, _ := want.Position(id)
					if gp != wp {
						t.Errorf("%v: position of %s: got %v, want %v", files, id, gp, wp)
					}
				}
			}
		})
	}
}

// TestSplitActors checks where splitActors cuts: at item lines only, in
// order, and not at all in a small file or one that is not a list of
// actors alone.
func TestSplitActors(t *testing.T) {
	_, text := bigActors(t, 6000, -1, "")
	cuts := splitActors([]byte(text), 4)
	if len(cuts) != 3 || len(text) < 4*minChunkBytes {
		t.Fatalf("got %d cuts, want 3", len(cuts))
	}
	for i, c := range cuts {
		if !strings.HasPrefix(text[c:], "  - ") || text[c-1] != '\n' || (i > 0 && c <= cuts[i-1]) {
			t.Errorf("cut %d at %d: %q, want the start of an item line after the cut before", i, c, text[c:min(len(text), c+20)])
		}
	}
	for _, tc := range []struct{ name, text string }{
		{"small", "actors:\n  - {id: a, kind: person, name: A}\n"},
		{"roles first", "roles: []\nactors:\n" + text[strings.Index(text, "  - "):]},
		{"flow list", "actors: [" + strings.Repeat("{id: a}, ", 20000) + "]\n"},
	} {
		if cuts := splitActors([]byte(tc.text), 4); cuts != nil {
			t.Errorf("%s: got cuts %v, want none", tc.name, cuts)
		}
	}
}

// TestParseCutWrong checks that a cut inside a value (an item line in a
// quoted name) makes a piece an error, so that LoadFS
// parses the file whole.
func TestParseCutWrong(t *testing.T) {
	for _, text := range []string{
		"actors:\n  - id: a\n    kind: person\n    name: \"Two\n  - {id: b, kind: person, name: B}\"\n",
		"actors:\n  - id: a\n    kind: person\n    name: 'Two\n  - {id: b, kind: person, name: B}'\n",
	} {
		cut := strings.LastIndex(text, "\n  - ") + 1
		if _, err := parseCut("g.yaml", []byte(text), []int{cut}); err == nil {
			t.Errorf("%q cut at %d: got no error, want one", text, cut)
		}
		if _, err := Parse("g.yaml", []byte(text)); err != nil {
			t.Errorf("%q: got %v parsed whole, want no error", text, err)
		}
	}
}

// TestConflictReportedOnce checks that a form of one actor that another
// lists twice (and in its demonyms) is one error, and that a form an actor
// repeats is kept once.
func TestConflictReportedOnce(t *testing.T) {
	text := "actors:\n" +
		"  - {id: a, kind: state, name: A, names: [\"مصر\", \"مصر\"]}\n" +
		"  - {id: b, kind: state, name: B, names: [\"مصر\", \"ليبيا\", \"مصر\"], demonyms: [\"مصر\"]}\n"
	_, err := Parse("g.yaml", []byte(text))
	if got := strings.Count(fmt.Sprint(err), "already claimed"); got != 1 {
		t.Errorf("got %d conflicts in %v, want 1", got, err)
	}
	g, err := Parse("g.yaml", []byte("actors:\n  - {id: a, kind: state, name: A, names: [\"مصر\", \"مِصر\", \"ليبيا\"]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if e := g.entries["a"]; len(e.names) != 2 {
		t.Errorf("got names %v, want the repeated form once", e.names)
	}
}

// TestMergeLeavesInputs checks that Merge, which shares its inputs' lists
// of forms until it changes them, changes no input: an actor given forms by
// a later file, a form repeated across files, a form dropped as repeated.
func TestMergeLeavesInputs(t *testing.T) {
	texts := []string{
		"actors:\n  - {id: a, kind: state, name: A, names: [\"مصر\", \"القاهرة الكبرى\"], aliases: [Egypt]}\n  - {id: b, kind: state, name: B, names: [\"ليبيا\"]}\n",
		"actors:\n  - {id: a, names: [\"مِصر\", \"أرض الكنانة\"], aliases: [Misr, Egypt]}\n  - {id: c, kind: person, name: C, names: [\"سيد\"], affiliation: b}\n",
	}
	parse := func() []*Gazetteer {
		var gs []*Gazetteer
		for i, text := range texts {
			g, err := Parse(fmt.Sprintf("g%d.yaml", i), []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			gs = append(gs, g)
		}
		return gs
	}
	gs, fresh := parse(), parse()
	m, err := Merge(gs...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Merge(m, gs[1]); err != nil {
		t.Fatal(err)
	}
	for i := range gs {
		if !reflect.DeepEqual(gs[i].entries, fresh[i].entries) || !reflect.DeepEqual(gs[i].order, fresh[i].order) {
			t.Errorf("gazetteer %d changed by Merge", i)
		}
	}
	a, _ := m.Actor("a")
	if want := []string{"القاهرة الكبرى", "أرض الكنانة", "Egypt", "Misr"}; !reflect.DeepEqual(a.Aliases, want) {
		t.Errorf("got aliases %q, want %q", a.Aliases, want)
	}
}
