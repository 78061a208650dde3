package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractCmd runs "extract" on a seed article, a non-UTF-8 file and an
// empty article: JSON Lines for the seed, the bad file named on stderr.
func TestExtractCmd(t *testing.T) {
	clearEnv(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "latin1.txt"), []byte("caf\xe9"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(repoRoot)
	code, out, errOut := runCLI(t, "extract", "data/articles/001_d522f629676ca2b6.txt", dir)
	if code != exitOK {
		t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("got %d lines, want at least 3:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var rec struct {
			Type    string
			Source  struct{ ID, Mention string }
			Article struct{ ID, Path string }
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("got a line that is not JSON: %v\n%s", err, l)
		}
		if rec.Type == "" || rec.Source.ID == "" || rec.Source.Mention == "" || rec.Article.ID != "001_d522f629676ca2b6" {
			t.Errorf("got incomplete record %s", l)
		}
	}
	for _, want := range []string{"latin1.txt", "empty.txt"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("got stderr %q, want it to name %s", errOut, want)
		}
	}
}

// TestEvalCmd runs "eval" on the seed gold file and checks the table.
func TestEvalCmd(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	code, out, errOut := runCLI(t, "eval", "--gold", "loader/extract/testdata/gold_seeds.json", "data/articles", "-v")
	if code != exitOK {
		t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
	}
	for _, want := range []string{"precision", "overall", "met", "supported", "opposed", "misses ("} {
		if !strings.Contains(out, want) {
			t.Errorf("got output %q, want it to contain %q", out, want)
		}
	}
	if code, _, _ := runCLI(t, "eval", "data/articles"); code != exitUsage {
		t.Errorf("got exit %d without --gold, want %d", code, exitUsage)
	}
}
