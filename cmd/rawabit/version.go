package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version and commit are set at build time by
//
//	go build -ldflags "-X main.version=v1.2.3 -X main.commit=abc1234" ./cmd/rawabit
//
// When empty they come from the module's build information.
var (
	version string
	commit  string
)

func init() { register(newVersionCmd) }

func newVersionCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:         "version",
		Short:       "Print the version, commit and Go version",
		Args:        exactArgs(0),
		Annotations: map[string]string{noConfigAnnotation: "true"},
		RunE: func(cmd *cobra.Command, _ []string) error {
			info := buildInfo()
			_, err := fmt.Fprintf(app.Stdout, "rawabit %s\ncommit   %s\ngo       %s %s/%s\n",
				info.version, info.commit, info.goVersion, runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}

type versionInfo struct {
	version, commit, goVersion string
}

// buildInfo combines the -ldflags values with debug.ReadBuildInfo: the main
// module's version and the VCS revision (with "-dirty" for a modified tree)
// when the build recorded them.
func buildInfo() versionInfo {
	v := versionInfo{version: version, commit: commit, goVersion: runtime.Version()}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v.version == "" && bi.Main.Version != "" {
			v.version = bi.Main.Version
		}
		var revision, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if v.commit == "" && revision != "" {
			v.commit = revision
			if modified == "true" {
				v.commit += "-dirty"
			}
		}
	}
	if v.version == "" {
		v.version = "(devel)"
	}
	if v.commit == "" {
		v.commit = "unknown"
	}
	return v
}
