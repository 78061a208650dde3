package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rawabit/rawabit/internal/inputtest"
)

// FuzzParseLexicon checks that ParseLexicon never panics on any input and
// that its errors are input errors naming the file and a line.
func FuzzParseLexicon(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("..", "..", "data", "triggers.yaml")); err == nil {
		f.Add(data)
	}
	f.Add([]byte("version: 1\nrelations:\n  met:\n    verbs: [التقى]\n"))
	f.Add([]byte("version: 1\nrelations: &r {met: *r}\n"))
	f.Add([]byte("version: 1\nrelations:\n  met:\n    verbs: [\"\u202e\", \"\x00\", \"\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ParseLexicon("triggers.yaml", data); err != nil {
			inputtest.CheckPositioned(t, err, "triggers.yaml")
		}
	})
}
