package main

import (
	"fmt"
	"os"
	"testing"
)

// runMainEnv, set to 1, makes the test binary run rawabit's main instead of
// the tests, so that a test can run a copy of it as the rawabit binary
// without building one.
const runMainEnv = "RAWABIT_TEST_RUN_MAIN"

// TestMain points the user cache folder (where data.snapshot "auto" puts
// the snapshot) at a temporary folder, so that tests leave nothing behind.
// With runMainEnv set it runs main instead.
func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		return
	}
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
