package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzConfig loads any text as config.yaml: it must never panic, an error
// must name the file, and a configuration it accepts must hold values its
// checks allow (a known store, positive time-outs, at least one heavy request).
func FuzzConfig(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join(repoRoot, "config.yaml")); err == nil {
		f.Add(data)
	}
	f.Add([]byte("store: neo4j\nneo4j:\n  uri: bolt://x:1\n  open_timeout: 1ms\nserver:\n  hosts: [a, \"::1\"]\n"))
	f.Add([]byte("a: &a [*a, *a, *a]\nb: &b [*a, *a]\n"))
	f.Add([]byte("server:\n  addr: \"\x00\"\n  max_heavy: -1\n  request_timeout: 1e9h\n"))
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, envPrefix+"_") {
			f.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := loadConfig(configSource{File: path})
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if c.Store != StoreMemory && c.Store != StoreNeo4j || c.Server.RequestTimeout <= 0 || c.Neo4j.OpenTimeout <= 0 ||
			c.Server.MaxHeavy < 1 {
			t.Fatalf("accepted %+v", c)
		}
	})
}
