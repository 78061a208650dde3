package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
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
// the article text: the extractor's name and version and the bytes of the
// gazetteer files and the trigger lexicon. A snapshot made under another
// fingerprint is not used.
func (app *App) extractionFingerprint() (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", extract.Name)
	files := append(app.gazetteerFiles(), app.dataFile("data.triggers", app.Config.Data.Triggers))
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
	return hex.EncodeToString(h.Sum(nil)), nil
}

// withSnapshot wraps opts.Extractor in the snapshot of data.snapshot for
// the corpus paths. It returns the snapshot (nil when there is none or no
// extractor); an unreadable or stale snapshot is logged and replaced.
func (app *App) withSnapshot(opts *loader.Options, paths []string) *loader.Snapshot {
	if opts.Extractor == nil {
		return nil
	}
	path, err := app.snapshotPath(paths)
	if err != nil {
		app.Logger.Warn("no snapshot", "err", err)
		return nil
	}
	if path == "" {
		return nil
	}
	fp, err := app.extractionFingerprint()
	if err != nil {
		app.Logger.Warn("no snapshot", "err", err)
		return nil
	}
	snap, err := loader.OpenSnapshot(path, fp)
	switch {
	case errors.Is(err, loader.ErrSnapshotStale):
		app.Logger.Info("snapshot made with another extractor, gazetteer or lexicon: extracting every article", "path", path)
	case err != nil:
		app.Logger.Warn("snapshot not used: extracting every article", "err", err)
	}
	opts.Extractor = snap.Extractor(opts.Extractor)
	return snap
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
