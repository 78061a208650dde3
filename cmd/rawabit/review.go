package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/web"
)

// reviewOptions turns review mode on when review.tokens names reviewers.
// On the memory store it replays the review log of data.corrections onto
// the loaded store and returns the web options that persist new decisions
// to data.claims and data.corrections. On Neo4j the database is the record
// (Decision nodes, see graph/neo4jstore): no file is read or written and
// Persist is nil. Without tokens it returns nil (read-only API), after
// replaying the memory store's review log all the same, so that decisions
// made in review mode hold when the graph is served read-only. A store
// without review, a missing claims or corrections setting (memory store) or
// a malformed review log is an error.
func (app *App) reviewOptions(ctx context.Context, store graph.Store) (*web.ReviewOptions, error) {
	tokens := app.Config.Review.Tokens
	if len(tokens) == 0 {
		return nil, app.replayReadOnly(ctx, store)
	}
	var names []string
	for _, n := range tokens {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	if own, ok := store.(ownReviewLog); ok {
		decisions, err := own.Decisions(ctx)
		if err != nil {
			return nil, fmt.Errorf("review mode: %w", err)
		}
		app.Logger.Info("review mode on", "reviewers", names, "store", app.Config.Store, "decisions_recorded", len(decisions))
		return &web.ReviewOptions{Store: own, Tokens: tokens}, nil
	}
	d := app.Config.Data
	if d.Claims == "" || d.Corrections == "" {
		return nil, fmt.Errorf("review mode: decisions are kept in data.claims and data.corrections: set both")
	}
	for _, f := range []struct{ key, path string }{{"data.claims", d.Claims}, {"data.corrections", d.Corrections}} {
		if err := app.seedReviewFile(f.key, f.path); err != nil {
			return nil, fmt.Errorf("review mode: %w", err)
		}
	}
	reviewer, ok := store.(graph.Reviewer)
	if !ok {
		return nil, fmt.Errorf("review mode: %w", graph.ErrNotSupported)
	}
	decisions, err := loader.ParseReviewsFile(d.Corrections)
	if err != nil {
		return nil, fmt.Errorf("review mode: %w", err)
	}
	warnings, err := reviewer.Replay(ctx, decisions)
	if err != nil {
		return nil, fmt.Errorf("review mode: %w", err)
	}
	for _, w := range warnings {
		app.Logger.Warn("review log", "file", d.Corrections, "warning", w)
	}
	app.Logger.Info("review mode on", "reviewers", names, "decisions_replayed", len(decisions)-len(warnings),
		"claims", d.Claims, "corrections", d.Corrections)
	files := &loader.ReviewFiles{Claims: d.Claims, Corrections: d.Corrections}
	return &web.ReviewOptions{Store: reviewer, Tokens: tokens, Persist: files.Record}, nil
}

// replayReadOnly replays the review log of data.corrections onto a memory
// store served without review mode: rejected claims stay out, merges and
// added actors and names stay in. A store that keeps its own log (Neo4j)
// has applied it already; a missing corrections setting or file has
// nothing to replay.
func (app *App) replayReadOnly(ctx context.Context, store graph.Store) error {
	if _, own := store.(ownReviewLog); own {
		return nil
	}
	path := app.Config.Data.Corrections
	reviewer, ok := store.(graph.Reviewer)
	if path == "" || !ok {
		return nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	decisions, err := loader.ParseReviewsFile(path)
	if err != nil {
		return fmt.Errorf("review log: %w", err)
	}
	if len(decisions) == 0 {
		return nil
	}
	warnings, err := reviewer.Replay(ctx, decisions)
	if err != nil {
		return fmt.Errorf("review log: %w", err)
	}
	for _, w := range warnings {
		app.Logger.Warn("review log", "file", path, "warning", w)
	}
	app.Logger.Info("review decisions replayed (read-only API)", "decisions", len(decisions)-len(warnings), "corrections", path)
	return nil
}

// ownReviewLog is a store that records review decisions itself and reads
// its log back (Neo4j).
type ownReviewLog interface {
	graph.Reviewer
	Decisions(ctx context.Context) ([]graph.Decision, error)
}

// reapplyReview replays the review log a store keeps itself (Neo4j) after
// articles were loaded into it: loading an article writes its claims and
// actors again, which keeps rejected claims out and confirmed ones
// confirmed but undoes added names, added claims and merges. Decisions
// still in effect are skipped silently; the others are logged as warnings.
// It then imports the review log of data.corrections (see
// importReviewLog). A store without its own log (the memory store, whose
// log is the corrections file) is left alone.
func (app *App) reapplyReview(ctx context.Context, store graph.Store) error {
	own, ok := store.(ownReviewLog)
	if !ok {
		return nil
	}
	decisions, err := own.Decisions(ctx)
	if err != nil {
		return err
	}
	if len(decisions) > 0 {
		warnings, err := own.Replay(ctx, decisions)
		if err != nil {
			return err
		}
		for _, w := range warnings {
			app.Logger.Warn("review log", "store", app.Config.Store, "warning", w)
		}
		app.Logger.Info("review decisions re-applied after loading", "decisions", len(decisions), "not_replayed", len(warnings))
	}
	return app.importReviewLog(ctx, store)
}

// reviewImporter is a store that takes in the review log of another store
// (Neo4j: neo4jstore.Store.ImportDecisions).
type reviewImporter interface {
	ImportDecisions(ctx context.Context, ds []graph.Decision) (imported int, warnings []string, err error)
}

// importReviewLog brings the review log the memory store kept in
// data.corrections (its "reviews" list) into a store that keeps its own
// (Neo4j), so that an analyst moving from one to the other keeps their
// decisions. Decisions the store has already recorded are skipped, so that
// loading again imports nothing twice. A store that cannot import, or no
// corrections file, or one without reviews, is left alone.
func (app *App) importReviewLog(ctx context.Context, store graph.Store) error {
	im, ok := store.(reviewImporter)
	if !ok {
		return nil
	}
	path := app.dataFile("data.corrections", app.Config.Data.Corrections)
	if path == "" {
		return nil
	}
	decisions, err := loader.ParseReviewsFile(path)
	if err != nil || len(decisions) == 0 {
		return err
	}
	imported, warnings, err := im.ImportDecisions(ctx, decisions)
	if err != nil {
		return fmt.Errorf("import the review log of %s: %w", path, err)
	}
	for _, w := range warnings {
		app.Logger.Warn("review log", "file", path, "warning", w)
	}
	app.Logger.Info("review log of data.corrections imported", "file", path, "decisions", len(decisions),
		"imported", imported, "already_recorded", len(decisions)-imported-len(warnings), "not_imported", len(warnings))
	return nil
}

// seedReviewFile makes sure the file decisions are written to starts from
// what was loaded: a default data file missing on disk, whose embedded copy
// was used, is first written to its path from that copy, so that the first
// decision does not hide the shipped entries.
func (app *App) seedReviewFile(key, path string) error {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	src := app.dataFile(key, path)
	if src == "" || src == path {
		return nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := loader.WriteFileAtomic(path, data, 0o644); err != nil {
		return err
	}
	app.Logger.Info("review mode: the shipped file was written to disk to record decisions in", "key", key, "path", path)
	return nil
}
