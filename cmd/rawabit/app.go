package main

import (
	"io"
	"log/slog"
	"net"
)

// App is what every command gets: the resolved configuration, a logger, the
// output streams, and the constructors built from the configuration:
// OpenStore (store.go), LoaderOptions (load.go) and Extractor (extractor.go).
// Config and Logger are set once flags are parsed, before any RunE runs.
// Commands write their results to Stdout and diagnostics to Stderr (or
// Logger), never to os.Stdout directly, so that tests can capture them.
type App struct {
	Config Config
	// Logger writes to Stderr at the configured level and format.
	Logger *slog.Logger
	Stdout io.Writer
	Stderr io.Writer
	// Listen opens the listener "serve" serves on; nil means net.Listen on
	// TCP. Tests set it to learn the address of a server on port 0.
	Listen func(addr string) (net.Listener, error)

	resolved resolvedConfig
	// warnedMissing holds the missing default data files already logged.
	warnedMissing map[string]bool
	// embeddedDir is the temporary folder holding the embedded data, once
	// a default data path missing on disk needed it (see embeddedCopy).
	embeddedDir string
	// extraGazetteers are the --gazetteer files, read after data.gazetteer.
	extraGazetteers []string
}

// newLogger returns a logger writing to w at the configured level, as text
// or JSON.
func newLogger(w io.Writer, c LogConfig) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.Level}
	if c.Format == LogJSON {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// listen opens the server's listener with app.Listen, or on TCP.
func (app *App) listen(addr string) (net.Listener, error) {
	if app.Listen != nil {
		return app.Listen(addr)
	}
	return net.Listen("tcp", addr)
}
