package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"

	"github.com/spf13/cobra"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/web"
)

func init() { register(newServeCmd) }

func newServeCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve [PATH...]",
		Short: "Serve the API and the viewer",
		Long: `Serve the JSON API (/api/...), /healthz and the viewer on server.addr.

With the memory store (the default) the articles are loaded at start-up:
the PATHs given (.txt files, .jsonl files or folders of them), else the
configured corpus (data.articles), with data.gazetteer, data.claims and
data.corrections. Curated claims and corrections of articles that are not
in the corpus are reported in one warning. With Neo4j the store is served as
it is, unless PATHs are given or --load (server.load_corpus) asks for the
data files to be loaded first. SIGINT or SIGTERM stops the server
gracefully, waiting up to server.shutdown_timeout for requests in flight.`,
		Example: `  rawabit serve
  rawabit serve --addr :8080
  rawabit serve my-articles/ more/news.jsonl
  RAWABIT_STORE=neo4j RAWABIT_NEO4J_PASSWORD=secret rawabit serve --load`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ln, err := app.listen(app.Config.Server.Addr)
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			return app.serve(cmd.Context(), ln, args)
		},
	}
	f := cmd.Flags()
	f.String("addr", "", "HOST:PORT to listen on (key server.addr, default 127.0.0.1:8080)")
	bindFlag(f, "addr", "server.addr")
	f.Bool("load", false, "load the data files at start-up into any store (key server.load_corpus)")
	bindFlag(f, "load", "server.load_corpus")
	addDataFlags(cmd, app)
	return cmd
}

// serve opens the store, loads the corpus when configured to (paths, else
// data.articles), and serves on ln until ctx is cancelled, then shuts down gracefully. It closes ln and
// the store. A corpus with skipped articles is logged, not fatal; an input
// error that stops loading is.
func (app *App) serve(ctx context.Context, ln net.Listener, paths []string) error {
	defer ln.Close()
	cfg := app.Config
	store, err := app.OpenStore(ctx)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer func() {
		if err := store.Close(context.WithoutCancel(ctx)); err != nil {
			app.Logger.Warn("close store", "err", err)
		}
	}()

	// known are the actors of the gazetteer files, those of the load when
	// there is one: the search offers them.
	var known []graph.Actor
	loaded := false
	if cfg.Store == StoreMemory || cfg.Server.LoadCorpus || len(paths) > 0 {
		if len(paths) == 0 {
			paths = cfg.Data.Articles
		}
		var sum loader.Summary
		sum, known, err = app.loadCorpus(ctx, store, paths, true, cfg.Store == StoreMemory)
		loaded = true
		if err != nil {
			return fmt.Errorf("serve: load corpus: %w", err)
		}
		logSummary(app.Logger, sum)
		if err := app.reapplyReview(ctx, store); err != nil {
			return fmt.Errorf("serve: re-apply review: %w", err)
		}
	}
	review, err := app.reviewOptions(ctx, store) // replays the review log
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	counts, err := store.Counts(ctx)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if counts.Articles == 0 {
		app.Logger.Warn("the store holds no article: run \"rawabit load\" or \"rawabit serve --load\"")
	}

	if !loaded {
		// Nothing loaded (Neo4j served as it is): parse the gazetteer files.
		if g, err := app.Gazetteer(); err != nil {
			app.Logger.Warn("gazetteer actors not searchable", "err", err)
		} else if g != nil {
			known = g.Actors()
		}
	}
	handler := web.NewServer(store, web.Options{
		Logger:         app.Logger,
		RequestTimeout: cfg.Server.RequestTimeout,
		MaxBodyBytes:   cfg.Server.MaxBodyBytes,
		MaxNodes:       cfg.Server.MaxNodes,
		MaxHeavy:       cfg.Server.MaxHeavy,
		Hosts:          cfg.Server.Hosts,
		Review:         review,
		Known:          known,
	}).Handler()
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: cfg.Server.ReadHeaderTimeout,
		ReadTimeout:       cfg.Server.ReadTimeout,
		WriteTimeout:      cfg.Server.WriteTimeout,
		IdleTimeout:       cfg.Server.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(app.Logger.Handler(), slog.LevelWarn),
	}

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	app.Logger.Info("serving", "url", "http://"+displayAddr(ln.Addr()), "store", cfg.Store,
		"actors", counts.Actors, "articles", counts.Articles, "claims", counts.Claims)
	if !loopbackAddr(ln.Addr()) && slices.Equal(cfg.Server.Hosts, web.LoopbackHosts) {
		app.Logger.Warn("listening beyond loopback, but only the loopback host names are served: add the name clients use to server.hosts",
			"addr", ln.Addr().String(), "hosts", cfg.Server.Hosts)
	}

	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	app.Logger.Info("shutting down", "grace", cfg.Server.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.Server.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// displayAddr turns a listener address into one a browser can open:
// an unspecified host (":8080", "0.0.0.0", "::") becomes localhost.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// loopbackAddr reports whether a listener address is on a loopback
// interface only.
func loopbackAddr(a net.Addr) bool {
	host, _, err := net.SplitHostPort(a.String())
	ip := net.ParseIP(host)
	return err == nil && ip != nil && ip.IsLoopback()
}
