package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"slices"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

func init() { register(newLoadCmd) }

// maxListed is how many skipped articles and warnings the summary lists
// without --verbose.
const maxListed = 20

func newLoadCmd(app *App) *cobra.Command {
	var asJSON, strict, verbose bool
	cmd := &cobra.Command{
		Use:   "load [PATH...]",
		Short: "Load articles into the configured store",
		Long: `Load articles into the configured store and print a summary: articles, actors
and claims loaded, the articles skipped with the reason, and warnings.

PATH may be .txt files, .jsonl files or folders of them; without PATH the
configured corpus (data.articles) is loaded. Each article is extracted (unless
data.extract is false), joined with its curated claims (data.claims) minus the
rejected ones (data.corrections), and written in one transaction: an article
either loads whole or is skipped.

With the memory store nothing outlives the command, so "load" checks a corpus.

Exit status: 0 when the load ran (skipped articles are listed); 1 when an
input file is invalid (nothing is written then), the store fails, nothing at
all could be loaded, or --strict is given and something was skipped.`,
		Example: `  rawabit load                                  # the configured corpus
  rawabit load --strict data/articles           # fail if any article is skipped
  RAWABIT_STORE=neo4j rawabit load news.jsonl   # add articles to Neo4j`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			paths, partial := args, len(args) > 0
			if !partial {
				paths = app.Config.Data.Articles
			}
			store, err := app.OpenStore(ctx)
			if err != nil {
				return fmt.Errorf("load: %w", err)
			}
			defer store.Close(context.WithoutCancel(ctx))

			sum, _, err := app.loadCorpus(ctx, store, paths, partial, false)
			if err != nil {
				if sum.Articles > 0 { // interrupted: say what was loaded
					printSummary(app.Stdout, sum, app.Config.Store, maxListed)
				}
				return fmt.Errorf("load: %w", err)
			}
			if err := app.reapplyReview(ctx, store); err != nil {
				return fmt.Errorf("load: re-apply review: %w", err)
			}
			if app.Config.Store == StoreMemory {
				app.Logger.Info("the memory store keeps nothing after exit: this load only checked the corpus")
			}
			if asJSON {
				enc := json.NewEncoder(app.Stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(sum); err != nil {
					return err
				}
			} else {
				limit := maxListed
				if verbose {
					limit = -1
				}
				printSummary(app.Stdout, sum, app.Config.Store, limit)
			}
			switch {
			case sum.Articles == 0 && len(sum.Skipped) > 0:
				return fmt.Errorf("load: nothing loaded: all %d inputs skipped", len(sum.Skipped))
			case strict && len(sum.Skipped) > 0:
				return fmt.Errorf("load: %d skipped (--strict)", len(sum.Skipped))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print the summary as JSON")
	f.BoolVar(&strict, "strict", false, "exit with status 1 when any article is skipped")
	f.BoolVarP(&verbose, "verbose", "v", false, fmt.Sprintf("list every skipped article and warning (default: the first %d)", maxListed))
	addDataFlags(cmd, app)
	return cmd
}

// addDataFlags adds the flags overriding the data.* keys used by loading.
func addDataFlags(cmd *cobra.Command, app *App) {
	f := cmd.Flags()
	addGazetteerFlags(cmd, app)
	f.String("claims", "", `curated claims file, "" for none (key data.claims)`)
	bindFlag(f, "claims", "data.claims")
	f.String("corrections", "", `corrections file, "" for none (key data.corrections)`)
	bindFlag(f, "corrections", "data.corrections")
	f.Bool("extract", true, "run the extractor; --extract=false loads curated claims only (key data.extract)")
	bindFlag(f, "extract", "data.extract")
}

// LoaderOptions returns the loader options of the configuration for the
// given corpus paths: gazetteers, claims and corrections files, and, when
// data.extract is set, the extractor the loader builds on its one merged
// gazetteer (the gazetteer files and the actors of the claims file). A data file left at its default that
// (its path is the built-in default) and does not exist is left out with a
// warning; any other must exist, or the loader reports it. partial is loader.Options.PartialCorpus.
func (app *App) LoaderOptions(paths []string, partial bool) (loader.Options, error) {
	d := app.Config.Data
	corpus := make([]string, len(paths))
	for i, p := range paths {
		corpus[i] = p
		if q := app.dataFile("data.articles", p); q != "" {
			corpus[i] = q
		}
	}
	opts := loader.Options{
		Corpus:        corpus,
		Claims:        app.annotationFile("data.claims", d.Claims, corpus),
		Corrections:   app.annotationFile("data.corrections", d.Corrections, corpus),
		PartialCorpus: partial,
	}
	opts.Gazetteers = app.gazetteerFiles()
	if d.Extract {
		lex, err := app.lexicon(len(opts.Gazetteers) > 0)
		if err != nil {
			return opts, err
		}
		xopts, err := app.extractOptions()
		if err != nil {
			return opts, err
		}
		if lex != nil {
			opts.Extractor = func(g *gazetteer.Gazetteer) (loader.Extractor, error) {
				x, err := newExtractor(g, lex, xopts...)
				if err != nil {
					return nil, err
				}
				return x, nil // x is never nil here, so the interface is not a typed nil
			}
		}
	}
	return opts, nil
}

// dataFile returns path when it is not a default of the key or exists on
// disk; else the embedded copy of the default path (see embeddedCopy); else
// "" (logged once).
func (app *App) dataFile(key, path string) string {
	if path == "" || !isDefaultPath(key, path) {
		return path
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if p, err := app.embeddedCopy(path); err != nil {
			app.Logger.Warn("embedded data not usable", "key", key, "path", path, "err", err)
		} else if p != "" {
			app.Logger.Debug("default data file not on disk: using the embedded copy", "key", key, "path", path)
			return p
		}
		if !app.warnedMissing[path] {
			level := slog.LevelInfo
			if key == "data.gazetteer" || key == "data.triggers" {
				level = slog.LevelWarn // the extractor is off without them
			}
			app.Logger.Log(context.Background(), level, "default data file not found: not used", "key", key, "path", path)
			if app.warnedMissing == nil {
				app.warnedMissing = map[string]bool{}
			}
			app.warnedMissing[path] = true
		}
		return ""
	}
	return path
}

func isDefaultPath(key, path string) bool {
	k, _ := lookupKey(key)
	switch d := k.Default.(type) {
	case string:
		return d == path
	case []string:
		return slices.Contains(d, path)
	}
	return false
}

// loadCorpus loads paths into w with the configured options, showing a
// progress bar when stderr is a terminal. With snapshot, extraction goes
// through the data.snapshot file (see withSnapshot), saved after a load
// that completed. It also returns the actors of the gazetteer files (not
// those only the claims file declares) from the gazetteer the loader
// parsed, so that the caller need not parse the files again; nil when the
// inputs did not check.
func (app *App) loadCorpus(ctx context.Context, w graph.Writer, paths []string, partial, snapshot bool) (loader.Summary, []graph.Actor, error) {
	opts, err := app.LoaderOptions(paths, partial)
	if err != nil {
		return loader.Summary{}, nil, err
	}
	snap := func() *loader.Snapshot { return nil }
	if snapshot {
		snap = app.withSnapshot(&opts, paths)
	}
	// The loader hands its one merged gazetteer to Options.Extractor: keep
	// it (even when there is no extractor to build).
	var gaz *gazetteer.Gazetteer
	build := opts.Extractor
	opts.Extractor = func(g *gazetteer.Gazetteer) (loader.Extractor, error) {
		gaz = g
		if build == nil {
			return nil, nil
		}
		return build(g)
	}
	var bar *progressbar.ProgressBar
	if isTerminal(app.Stderr) {
		opts.Progress = func(done, total int) {
			if bar == nil {
				bar = progressbar.NewOptions(total,
					progressbar.OptionSetWriter(app.Stderr),
					progressbar.OptionSetDescription("loading"),
					progressbar.OptionShowCount(),
					progressbar.OptionSetItsString("articles"),
					progressbar.OptionShowIts(),
					progressbar.OptionSetPredictTime(true),
					progressbar.OptionClearOnFinish(),
				)
			}
			_ = bar.Set(done)
		}
	}
	app.Logger.Debug("loading", "paths", paths, "gazetteers", opts.Gazetteers, "claims", opts.Claims,
		"corrections", opts.Corrections, "extractor", opts.Extractor != nil)
	sum, err := loader.Load(ctx, w, opts)
	if bar != nil {
		_ = bar.Finish()
	}
	if err == nil {
		app.saveSnapshot(snap())
	}
	return sum, gazetteerActors(gaz, opts.Claims), err
}

// gazetteerActors returns the actors of g but those first defined in the
// claims file: the actors of the gazetteer files, from the gazetteer the
// loader merged with the claims file's actors. Nil for a nil g.
func gazetteerActors(g *gazetteer.Gazetteer, claims string) []graph.Actor {
	if g == nil {
		return nil
	}
	all := g.Actors()
	if claims == "" {
		return all
	}
	out := all[:0]
	for _, a := range all {
		if pos, _ := g.Position(a.ID); pos.File != claims {
			out = append(out, a)
		}
	}
	return out
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// printSummary writes a load summary for people: totals, then the skipped
// articles and warnings, at most limit of each (all when limit < 0).
func printSummary(w io.Writer, s loader.Summary, store string, limit int) {
	fmt.Fprintf(w, "Loaded %d %s into the %s store: %d %s, %d %s (%d curated, %d extracted",
		s.Articles, plural(s.Articles, "article", "articles"), store,
		s.Actors, plural(s.Actors, "actor", "actors"),
		s.Claims, plural(s.Claims, "claim", "claims"), s.Curated, s.Extracted)
	if s.Rejected > 0 {
		fmt.Fprintf(w, "; %d rejected by corrections", s.Rejected)
	}
	if s.Duplicates > 0 {
		fmt.Fprintf(w, "; %d extracted already curated", s.Duplicates)
	}
	fmt.Fprintln(w, ").")
	skipped := make([]string, len(s.Skipped))
	for i, sk := range s.Skipped {
		skipped[i] = sk.String()
	}
	printList(w, "Skipped", skipped, limit)
	printList(w, "Warnings", s.Warnings, limit)
}

func printList(w io.Writer, title string, items []string, limit int) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "%s (%d):\n", title, len(items))
	for i, it := range items {
		if limit >= 0 && i == limit {
			fmt.Fprintf(w, "  ... and %d more (use -v to list all)\n", len(items)-limit)
			break
		}
		fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(it, "\n", "\n    "))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// logSummary logs a load summary, one record per skipped article.
func logSummary(l *slog.Logger, s loader.Summary) {
	l.Info("corpus loaded", "articles", s.Articles, "actors", s.Actors, "claims", s.Claims,
		"curated", s.Curated, "extracted", s.Extracted, "rejected", s.Rejected,
		"skipped", len(s.Skipped), "warnings", len(s.Warnings))
	for _, sk := range s.Skipped {
		l.Warn("article skipped", "path", sk.Path, "line", sk.Line, "id", sk.ID, "reason", sk.Reason)
	}
	for _, w := range s.Warnings {
		l.Warn("load warning", "warning", w)
	}
}
