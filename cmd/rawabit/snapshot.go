package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// snapshotPath is the file of data.snapshot for the corpus paths: "" when
// there is none, the path itself when set, and for SnapshotAuto a file
// under the user cache folder named after the corpus (its absolute paths),
// so that two corpora served in turn keep their own snapshots.
func (app *App) snapshotPath(paths []string) (string, error) {
	p := app.Config.Data.Snapshot
	if p != SnapshotAuto {
		return p, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("data.snapshot auto: %w", err)
	}
	h := sha256.New()
	for _, c := range paths {
		abs, err := filepath.Abs(c)
		if err != nil {
			abs = c
		}
		fmt.Fprintf(h, "%s\x00", abs)
	}
	return filepath.Join(dir, "rawabit", "snapshot-"+hex.EncodeToString(h.Sum(nil))[:16]+".bin"), nil
}

// extractionFingerprint identifies everything extraction depends on besides
// the article text: the extractor's name and version, the bytes of the
// gazetteer files, the trigger lexicon and the pair model, and the actors
// the claims file declares (the loader merges them into the gazetteer the
// extractor is built on). It hashes files, not the merged gazetteer, so it
// needs no parsed gazetteer and runs while the loader parses one; the
// curated claims themselves are left out, so that editing them does not
// make every article extracted again. A snapshot made under another
// fingerprint is not used.
func (app *App) extractionFingerprint(claims string) (string, error) {
	return extractionFingerprint(app.extractionFiles(), claims)
}

// extractionFiles are the files and folders extractionFingerprint hashes:
// the gazetteers, the lexicon and the pair model.
func (app *App) extractionFiles() []string {
	files := append(app.gazetteerFiles(), app.dataFile("data.triggers", app.Config.Data.Triggers))
	if app.Config.Data.PairModel != "" {
		files = append(files, app.Config.Data.PairModel)
	}
	return files
}

// extractionFingerprint is App.extractionFingerprint of the given files:
// it reads them and the claims file, and nothing of the App, so that it
// can run on its own goroutine.
func extractionFingerprint(files []string, claims string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", extract.Name)
	for _, root := range files {
		// A folder (of gazetteer files) counts with every file in it.
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			// The path within root, not root itself: an embedded copy
			// lives in a new temporary folder at every start.
			rel, err := filepath.Rel(root, path)
			if err != nil {
				rel = path
			}
			fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(data))
			h.Write(data)
			return nil
		})
		if err != nil {
			return "", fmt.Errorf("extraction fingerprint: %w", err)
		}
	}
	if claims == "" {
		return hex.EncodeToString(h.Sum(nil)), nil
	}
	// The claims file's actors, not its claims (a small file: parsed here
	// again rather than waiting for the loader's parse). Positions are left
	// out: an embedded copy lives in a new temporary folder at every start.
	cf, err := loader.ParseClaimsFile(claims)
	if err != nil {
		// The load reports it and stops; no snapshot is used.
		return "", fmt.Errorf("extraction fingerprint: %w", err)
	}
	g := cf.Actors
	roles := g.Roles()
	for i := range roles {
		roles[i].Pos = graph.Position{}
	}
	if err := json.NewEncoder(h).Encode(struct {
		Actors  []graph.Actor
		Entries []gazetteer.Entry
		Roles   []gazetteer.Role
	}{g.Actors(), g.Entries(), roles}); err != nil {
		return "", fmt.Errorf("extraction fingerprint: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// withSnapshot wraps the extractor that opts.Extractor builds in the
// snapshot of data.snapshot for the corpus paths. The snapshot is read,
// under the fingerprint of the extraction inputs, on its own goroutine
// while the loader parses the gazetteer; the loader's call of
// opts.Extractor waits for it. When the snapshot is current the extractor
// itself is built only if an article misses it (an unchanged corpus needs
// none). The returned function gives the snapshot after the load (nil when
// there is none or no extractor). An unreadable or stale snapshot is logged
// and replaced.
func (app *App) withSnapshot(opts *loader.Options, paths []string) func() *loader.Snapshot {
	build := opts.Extractor
	var snap *loader.Snapshot
	got := func() *loader.Snapshot { return snap }
	if build == nil {
		return got
	}
	path, err := app.snapshotPath(paths)
	if err != nil {
		app.Logger.Warn("no snapshot", "err", err)
		return got
	}
	if path == "" {
		return got
	}
	type opened struct {
		s   *loader.Snapshot
		err error
	}
	ready := make(chan opened, 1)
	files, claims := app.extractionFiles(), opts.Claims
	go func() {
		fp, err := extractionFingerprint(files, claims)
		if err != nil {
			ready <- opened{nil, err}
			return
		}
		s, err := loader.OpenSnapshot(path, fp)
		ready <- opened{s, err}
	}()
	opts.Extractor = func(g *gazetteer.Gazetteer) (loader.Extractor, error) {
		o := <-ready
		if o.s == nil {
			app.Logger.Warn("no snapshot", "err", o.err)
			return build(g)
		}
		switch {
		case errors.Is(o.err, loader.ErrSnapshotStale):
			app.Logger.Info("snapshot made with another extractor, gazetteer or lexicon: extracting every article", "path", path)
		case o.err != nil:
			app.Logger.Warn("snapshot not used: extracting every article", "err", o.err)
		}
		if o.err != nil || o.s.Len() == 0 {
			// Every article will be extracted: build the extractor now,
			// so that an error in its inputs stops the load.
			x, err := build(g)
			if err != nil || x == nil {
				return x, err
			}
			snap = o.s
			return o.s.Extractor(x), nil
		}
		// The snapshot was made under the same fingerprint, so by an
		// extractor built from the same inputs: that build succeeded, and
		// this one is only needed for the articles the snapshot misses.
		snap = o.s
		return o.s.Extractor(&lazyExtractor{build: func() (loader.Extractor, error) { return build(g) }}), nil
	}
	return got
}

// lazyExtractor builds its extractor at the first Extract call.
type lazyExtractor struct {
	build func() (loader.Extractor, error)
	once  sync.Once
	err   error
	// x is the extractor once built (nil before, and when the build
	// failed or gave none).
	x atomic.Pointer[loader.Extractor]
}

// Extract builds the extractor if it is not yet built, and extracts a with
// it. A build that fails is the error of every call.
func (l *lazyExtractor) Extract(ctx context.Context, a graph.Article) ([]graph.Mention, []graph.Claim, error) {
	l.once.Do(func() {
		x, err := l.build()
		switch {
		case err != nil:
			l.err = err
		case x == nil:
			l.err = errNoExtractorInput
		default:
			l.x.Store(&x)
		}
	})
	if l.err != nil {
		return nil, nil, l.err
	}
	return (*l.x.Load()).Extract(ctx, a)
}

// Discovered returns an actor the built extractor discovered; before the
// build there is none.
func (l *lazyExtractor) Discovered(id string) (graph.Actor, bool) {
	if x := l.x.Load(); x != nil {
		if d, ok := (*x).(loader.Discoverer); ok {
			return d.Discovered(id)
		}
	}
	return graph.Actor{}, false
}

// saveSnapshot writes snap, logging what it saved or why it could not.
func (app *App) saveSnapshot(snap *loader.Snapshot) {
	if snap == nil {
		return
	}
	reused, extracted := snap.Stats()
	if err := snap.Save(); err != nil {
		app.Logger.Warn("snapshot not saved", "err", err)
		return
	}
	app.Logger.Info("snapshot", "reused", reused, "extracted", extracted)
}
