package gazetteer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rawabit/rawabit/internal/inputtest"
)

// FuzzParseMerge parses two gazetteers and merges them: neither step may
// panic, errors name a file and a line, merging leaves its inputs as they
// were, and every actor of the merged gazetteer can be looked up.
func FuzzParseMerge(f *testing.F) {
	var seeds [][]byte
	for _, g := range []string{filepath.Join("..", "..", "data", "gazetteer", "*.yaml"), filepath.Join("testdata", "*.yaml")} {
		matches, _ := filepath.Glob(g)
		for _, m := range matches {
			data, err := os.ReadFile(m)
			if err != nil {
				f.Fatal(err)
			}
			seeds = append(seeds, data)
		}
	}
	small := []byte("actors:\n  - {id: a, name: A, kind: person, names: [أ], affiliation: b}\n  - {id: b, name: B, kind: state}\n")
	f.Add(small, []byte("actors:\n  - {id: a, names: [ألف]}\n"))
	f.Add([]byte("actors: &x [*x]\n"), small)
	f.Add([]byte("actors:\n  - {id: \"a/b\", name: \"\u202eX\", kind: person}\n"), small)
	for i, s := range seeds {
		f.Add(s, seeds[(i+1)%len(seeds)])
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		ga, err := Parse("a.yaml", a)
		if err != nil {
			inputtest.CheckPositioned(t, err, "a.yaml")
			return
		}
		gb, err := Parse("b.yaml", b)
		if err != nil {
			inputtest.CheckPositioned(t, err, "b.yaml")
			return
		}
		na, nb := ga.Len(), gb.Len()
		g, err := Merge(ga, gb)
		if ga.Len() != na || gb.Len() != nb {
			t.Fatalf("Merge changed its inputs: %d and %d actors, then %d and %d", na, nb, ga.Len(), gb.Len())
		}
		if err != nil {
			inputtest.CheckPositioned(t, err, "a.yaml", "b.yaml")
			return
		}
		for _, act := range g.Actors() {
			if got, ok := g.Actor(act.ID); !ok || got.ID != act.ID {
				t.Fatalf("actor %q of Actors() not found by Actor()", act.ID)
			}
		}
	})
}
