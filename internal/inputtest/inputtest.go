// Package inputtest holds the checks that the tests and fuzz targets of the
// input parsers (corpus, gazetteer, claims, corrections, lexicon) share:
// seeds from files, and that an error is an input error naming its file and
// line.
package inputtest

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// AddFileSeeds adds every file matching globs as a seed of f.
func AddFileSeeds(f *testing.F, globs ...string) {
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

// CheckPositioned fails t unless err is, or joins, input errors
// (*graph.Error of kind graph.ErrInvalid) each naming one of files with a
// line of at least 1. The line that stands for the errors left out of a
// long list (input.JoinCapped) is let through.
func CheckPositioned(t testing.TB, err error, files ...string) {
	t.Helper()
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	for _, e := range errs {
		if strings.HasPrefix(e.Error(), "... and ") {
			continue
		}
		var ge *graph.Error
		if !errors.As(e, &ge) || !errors.Is(e, graph.ErrInvalid) {
			t.Fatalf("error %v (%T) is not an input error (*graph.Error of kind ErrInvalid) naming file and line", e, e)
		}
		if !slices.Contains(files, ge.Pos.File) || ge.Pos.Line < 1 {
			t.Fatalf("error %v: got position %s, want one of %q and a line >= 1", e, ge.Pos, files)
		}
	}
}
