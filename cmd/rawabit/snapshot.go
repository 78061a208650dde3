package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

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
// gazetteer files and the trigger lexicon, and the merged gazetteer g the
// extractor is built on (which adds the actors of the claims file). A
// snapshot made under another fingerprint is not used.
func (app *App) extractionFingerprint(g *gazetteer.Gazetteer) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", extract.Name)
	files := append(app.gazetteerFiles(), app.dataFile("data.triggers", app.Config.Data.Triggers))
	if app.Config.Data.PairModel != "" {
		files = append(files, app.Config.Data.PairModel)
	}
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
	// The merged gazetteer the extractor is built on: the files above and
	// the actors declared in the claims file.
	// Positions are left out: an embedded copy lives in a new temporary
	// folder at every start.
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
// snapshot of data.snapshot for the corpus paths. The snapshot is opened
// when the loader builds the extractor, under the fingerprint of the merged
// gazetteer; the returned function gives it after the load (nil when there
// is none or no extractor). An unreadable or stale snapshot is logged and
// replaced.
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
	opts.Extractor = func(g *gazetteer.Gazetteer) (loader.Extractor, error) {
		x, err := build(g)
		if err != nil || x == nil {
			return x, err
		}
		fp, err := app.extractionFingerprint(g)
		if err != nil {
			app.Logger.Warn("no snapshot", "err", err)
			return x, nil
		}
		s, err := loader.OpenSnapshot(path, fp)
		switch {
		case errors.Is(err, loader.ErrSnapshotStale):
			app.Logger.Info("snapshot made with another extractor, gazetteer or lexicon: extracting every article", "path", path)
		case err != nil:
			app.Logger.Warn("snapshot not used: extracting every article", "err", err)
		}
		snap = s
		return s.Extractor(x), nil
	}
	return got
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
