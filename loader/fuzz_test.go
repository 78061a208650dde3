package loader

import (
	"path/filepath"
	"testing"

	"github.com/rawabit/rawabit/internal/inputtest"
)

// FuzzClaims checks that ParseClaims never panics and that its errors name
// the file and a line.
func FuzzClaims(f *testing.F) {
	inputtest.AddFileSeeds(f, filepath.Join("..", "data", "claims.yaml"))
	f.Add([]byte(goodClaims))
	f.Add([]byte("claims:\n  - &a {article: x, type: met, source: a, target: b, quote: q}\n  - *a\n"))
	f.Add([]byte("actors: [{id: a, name: \"\u202e\", kind: person}]\nclaims: []\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ParseClaims("claims.yaml", data); err != nil {
			inputtest.CheckPositioned(t, err, "claims.yaml")
		}
	})
}

// FuzzCorrections checks that ParseCorrections never panics and that its
// errors name the file and a line.
func FuzzCorrections(f *testing.F) {
	inputtest.AddFileSeeds(f, filepath.Join("..", "data", "corrections.yaml"))
	f.Add([]byte("reject:\n  - type: met\n    source: usa\n    target: uae\n    article: a1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ParseCorrections("corrections.yaml", data); err != nil {
			inputtest.CheckPositioned(t, err, "corrections.yaml")
		}
	})
}
