package loader

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// addFileSeeds adds every file of paths (globs) as a seed.
func addFileSeeds(f *testing.F, globs ...string) {
	f.Helper()
	for _, g := range globs {
		matches, err := filepath.Glob(g)
		if err != nil {
			f.Fatal(err)
		}
		for _, m := range matches {
			data, err := os.ReadFile(m)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// checkPositioned fails t unless err is, or joins, input errors (*graph.Error)
// naming file with a line of at least 1.
func checkPositioned(t *testing.T, err error, file string) {
	t.Helper()
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	for _, e := range errs {
		if strings.HasPrefix(e.Error(), "... and ") {
			continue // the line that stands for the errors left out of a long list
		}
		var ge *graph.Error
		if !errors.As(e, &ge) || !errors.Is(e, graph.ErrInvalid) {
			t.Fatalf("error %v (%T) is not an input error (*graph.Error of kind ErrInvalid) naming file and line", e, e)
		}
		if ge.Pos.File != file || ge.Pos.Line < 1 {
			t.Fatalf("error %v: got position %s, want %s and a line >= 1", e, ge.Pos, file)
		}
	}
}

// FuzzClaims checks that ParseClaims never panics and that its errors name
// the file and a line.
func FuzzClaims(f *testing.F) {
	addFileSeeds(f, filepath.Join("..", "data", "claims.yaml"))
	f.Add([]byte(goodClaims))
	f.Add([]byte("claims:\n  - &a {article: x, type: met, source: a, target: b, quote: q}\n  - *a\n"))
	f.Add([]byte("actors: [{id: a, name: \"\u202e\", kind: person}]\nclaims: []\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ParseClaims("claims.yaml", data); err != nil {
			checkPositioned(t, err, "claims.yaml")
		}
	})
}

// FuzzCorrections checks that ParseCorrections never panics and that its
// errors name the file and a line.
func FuzzCorrections(f *testing.F) {
	addFileSeeds(f, filepath.Join("..", "data", "corrections.yaml"))
	f.Add([]byte("reject:\n  - type: met\n    source: usa\n    target: uae\n    article: a1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ParseCorrections("corrections.yaml", data); err != nil {
			checkPositioned(t, err, "corrections.yaml")
		}
	})
}
