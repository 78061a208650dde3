package main

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractionFingerprint checks that the snapshot's fingerprint changes
// with what extraction depends on (the gazetteer and lexicon files, the
// actors of the claims file) and with nothing else (the curated claims, the
// folder the same files are in).
func TestExtractionFingerprint(t *testing.T) {
	const (
		gaz = `actors:
  - {id: a-one, name: One, kind: person, names: ["أحمد الأول"]}
  - {id: a-two, name: Two, kind: state, names: ["الدولة الثانية"]}
`
		triggers = "# lexicon\n"
		claims   = `actors:
  - {id: c-three, name: Three, kind: person, names: ["سالم الثالث"]}
claims:
  - {article: x, type: met, source: a-one, target: c-three, quote: "q"}
`
	)
	// write puts the three files in a new folder, with edit applied to
	// their contents, and returns the fingerprint of the App reading them.
	write := func(t *testing.T, edit func(name, data string) string) string {
		t.Helper()
		dir := t.TempDir()
		files := map[string]string{"gazetteer.yaml": gaz, "triggers.yaml": triggers, "claims.yaml": claims}
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(edit(name, data)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		app := &App{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
		app.Config.Data = DataConfig{Gazetteer: []string{filepath.Join(dir, "gazetteer.yaml")}, Triggers: filepath.Join(dir, "triggers.yaml")}
		fp, err := app.extractionFingerprint(filepath.Join(dir, "claims.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		return fp
	}
	same := func(_, data string) string { return data }
	base := write(t, same)
	// only changes the file named name by replacing old with new.
	only := func(name, old, new string) func(string, string) string {
		return func(n, data string) string {
			if n != name {
				return data
			}
			if !strings.Contains(data, old) {
				t.Fatalf("%s: %q not found", name, old)
			}
			return strings.Replace(data, old, new, 1)
		}
	}
	tests := []struct {
		name     string
		edit     func(name, data string) string
		wantSame bool
	}{
		{"same files in another folder", same, true},
		{"a curated claim changed", only("claims.yaml", `quote: "q"`, `quote: "another"`), true},
		{"a gazetteer form changed", only("gazetteer.yaml", "الأول", "الاول"), false},
		{"a gazetteer actor's kind changed", only("gazetteer.yaml", "kind: state", "kind: organisation"), false},
		{"the lexicon changed", only("triggers.yaml", "lexicon", "lexicon v2"), false},
		{"a claims file actor changed", only("claims.yaml", "الثالث", "الثالثة"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := write(t, tt.edit)
			if (got == base) != tt.wantSame {
				t.Errorf("got fingerprint %s, base %s: want same %v", got, base, tt.wantSame)
			}
		})
	}
}
