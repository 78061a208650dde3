package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph/export"
)

// TestExportCommand exports from the seed corpus (memory store, shipped
// config) to stdout, to a file and into a directory.
func TestExportCommand(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	t.Run("jsonl to stdout", func(t *testing.T) {
		code, out, errOut := runCLI(t, "export", "--center", "khalifa-haftar", "--types", "supported", "--format", "jsonl")
		if code != exitOK {
			t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
		}
		in, err := export.ReadJSONL(strings.NewReader(out))
		if err != nil {
			t.Fatalf("output is not export JSON Lines: %v", err)
		}
		if len(in.Subgraph.Claims) == 0 {
			t.Fatal("no claims exported")
		}
		for _, c := range in.Subgraph.Claims {
			if c.Type != "SUPPORTED" {
				t.Errorf("claim %s has type %s, want only SUPPORTED (--types supported)", c.ID, c.Type)
			}
		}
	})
	t.Run("gexf into a directory", func(t *testing.T) {
		dir := t.TempDir()
		code, _, errOut := runCLI(t, "export", "--center", "khalifa-haftar", "--depth", "2", "--format", "gexf", "-o", dir)
		if code != exitOK {
			t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
		}
		data, err := os.ReadFile(filepath.Join(dir, "rawabit-khalifa-haftar.gexf"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), `<gexf xmlns="http://gexf.net/1.3" version="1.3">`) || !strings.Contains(string(data), "خليفة حفتر") {
			t.Errorf("file is not a GEXF 1.3 export with Arabic names:\n%.400s", data)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("got %d files in the directory, want only the export (no temporary file left)", len(entries))
		}
	})
	t.Run("ids to a zip file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "gephi.zip")
		code, _, errOut := runCLI(t, "export", "--ids", "usa,khalifa-haftar", "--format", "csv", "-o", file)
		if code != exitOK {
			t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
		}
		if data, err := os.ReadFile(file); err != nil || !strings.HasPrefix(string(data), "PK") {
			t.Errorf("got %d bytes (err %v), want a zip", len(data), err)
		}
	})
	usage := []struct {
		name string
		args []string
		want string
	}{
		{"no selection", []string{"export", "--format", "gexf"}, "exactly one of center, ids, or from and to"},
		{"unknown format", []string{"export", "--center", "usa", "--format", "pdf"}, "--format"},
		{"unknown type", []string{"export", "--center", "usa", "--types", "hugged"}, "--types"},
		{"bad confidence", []string{"export", "--center", "usa", "--min-confidence", "2"}, "min_confidence"},
	}
	for _, tt := range usage {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, tt.args...)
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("got exit %d, stderr %q; want %d mentioning %q", code, errOut, exitUsage, tt.want)
			}
		})
	}
	t.Run("unknown actor", func(t *testing.T) {
		code, _, errOut := runCLI(t, "export", "--center", "nobody", "--format", "gexf")
		if code != exitError || !strings.Contains(errOut, "nobody") {
			t.Errorf("got exit %d, stderr %q; want %d naming the actor", code, errOut, exitError)
		}
	})
}

// TestExportTempFiles checks that writeFileAtomic leaves only the output
// (its temporary file renamed), and that removeStaleTemps removes the
// temporary files of the same output that a killed export left and that
// have not changed for staleTempAge, but not a fresh one (an export under
// way) nor other files.
func TestExportTempFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "graph[1].graphml")
	now := time.Now()
	_, prefix := tempPrefix(out)
	stale := filepath.Join(dir, prefix+"111")
	fresh := filepath.Join(dir, prefix+"222")
	other := filepath.Join(dir, ".other.graphml.tmp-333")
	for _, f := range []string{stale, fresh, other} {
		if err := os.WriteFile(f, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := now.Add(-staleTempAge - time.Minute)
	for _, f := range []string{stale, other} {
		if err := os.Chtimes(f, old, old); err != nil {
			t.Fatal(err)
		}
	}
	removed, err := removeStaleTemps(out, now)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(removed, []string{stale}) {
		t.Errorf("got removed %q, want only %q", removed, stale)
	}
	if err := writeFileAtomic(out, func(w io.Writer) error { _, err := io.WriteString(w, "<graphml/>"); return err }); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{filepath.Base(other), filepath.Base(fresh), "graph[1].graphml"}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("got files %q, want %q", names, want)
	}
	if data, err := os.ReadFile(out); err != nil || string(data) != "<graphml/>" {
		t.Errorf("got %q, %v, want the written output", data, err)
	}
}
