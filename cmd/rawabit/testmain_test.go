package main

import (
	"fmt"
	"os"
	"testing"
)

// TestMain points the user cache folder (where data.snapshot "auto" puts
// the snapshot) at a temporary folder, so that tests leave nothing behind.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rawabit-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
