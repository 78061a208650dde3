package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/rawabit/rawabit/data"
)

// embeddedCopy returns where the embedded copy of the default data path p
// (data/...) can be read, or "" when the binary embeds no such file or
// folder. The embedded data is written once per process to a temporary
// folder, removed by removeEmbedded, so that every reader (loader,
// gazetteer, extractor) reads it like any file.
func (app *App) embeddedCopy(p string) (string, error) {
	rel, ok := strings.CutPrefix(filepath.ToSlash(filepath.Clean(p)), data.Dir+"/")
	if !ok {
		return "", nil
	}
	if _, err := fs.Stat(data.FS, rel); err != nil {
		return "", nil
	}
	if app.embeddedDir == "" {
		dir, err := os.MkdirTemp("", "rawabit-data-")
		if err != nil {
			return "", fmt.Errorf("embedded data: %w", err)
		}
		app.embeddedDir = dir
		if err := writeFS(data.FS, filepath.Join(dir, data.Dir)); err != nil {
			return "", fmt.Errorf("embedded data: %w", err)
		}
		app.Logger.Debug("embedded data written", "dir", dir)
	}
	return filepath.Join(app.embeddedDir, data.Dir, filepath.FromSlash(rel)), nil
}

// annotationFile is dataFile for a file about the seed articles (curated
// claims, corrections): its embedded copy is used only when corpus holds the
// embedded seed articles, so that a corpus of one's own, loaded away from
// the project folder, does not get claims about articles it lacks.
func (app *App) annotationFile(key, path string, corpus []string) string {
	p := app.dataFile(key, path)
	if app.embeddedDir == "" || !strings.HasPrefix(p, app.embeddedDir+string(filepath.Separator)) {
		return p
	}
	for _, c := range corpus {
		if strings.HasPrefix(c, app.embeddedDir+string(filepath.Separator)) {
			return p
		}
	}
	app.Logger.Debug("embedded annotation file not used: the corpus holds no embedded article", "key", key)
	return ""
}

// removeEmbedded removes the temporary copy of the embedded data, if any.
func (app *App) removeEmbedded() {
	if app.embeddedDir == "" {
		return
	}
	if err := os.RemoveAll(app.embeddedDir); err != nil {
		app.Logger.Warn("remove the temporary copy of the embedded data", "dir", app.embeddedDir, "err", err)
	}
	app.embeddedDir = ""
}

// writeFS copies every file of fsys under dir.
func writeFS(fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
