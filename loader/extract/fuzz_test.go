package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseLexicon checks that ParseLexicon never panics on any input and
// that its errors name the file.
func FuzzParseLexicon(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("..", "..", "data", "triggers.yaml")); err == nil {
		f.Add(data)
	}
	f.Add([]byte("version: 1\nrelations:\n  met:\n    verbs: [التقى]\n"))
	f.Add([]byte("version: 1\nrelations: &r {met: *r}\n"))
	f.Add([]byte("version: 1\nrelations:\n  met:\n    verbs: [\"\u202e\", \"\x00\", \"\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ParseLexicon("triggers.yaml", data); err != nil && !strings.Contains(err.Error(), "triggers.yaml") {
			t.Fatalf("error %q does not name the file", err)
		}
	})
}
