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

// reviewOptions turns review mode on when review.tokens names reviewers: it
// replays the review log of data.corrections onto the loaded store and
// returns the web options that persist new decisions to data.claims and
// data.corrections. Without tokens it returns nil (read-only API). A store
// without review (Neo4j), a missing claims or corrections setting or a
// malformed review log is an error.
func (app *App) reviewOptions(ctx context.Context, store graph.Store) (*web.ReviewOptions, error) {
	tokens := app.Config.Review.Tokens
	if len(tokens) == 0 {
		return nil, nil
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
	var names []string
	for _, n := range tokens {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	app.Logger.Info("review mode on", "reviewers", names, "decisions_replayed", len(decisions)-len(warnings),
		"claims", d.Claims, "corrections", d.Corrections)
	files := &loader.ReviewFiles{Claims: d.Claims, Corrections: d.Corrections}
	return &web.ReviewOptions{Store: reviewer, Tokens: tokens, Persist: files.Record}, nil
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
