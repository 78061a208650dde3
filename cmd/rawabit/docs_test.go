package main

import (
	"path/filepath"
	"testing"

	"github.com/rawabit/rawabit/internal/doccheck"
)

// TestConfigurationDoc keeps the key table of docs/configuration.md, the
// section between its generated markers, in step with configKeys (each key's
// default, environment variable and meaning). Refresh it with
// go test ./cmd/rawabit -run TestConfigurationDoc -update.
func TestConfigurationDoc(t *testing.T) {
	doccheck.Section(t, filepath.Join(repoRoot, "docs", "configuration.md"), configTable(), *update)
}
