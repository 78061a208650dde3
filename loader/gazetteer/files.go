package gazetteer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// OfficesFile is the name of the file of a gazetteer folder read before the
// others: the one that defines the offices.
const OfficesFile = "offices.yaml"

// FolderExt is the extension of the gazetteer files of a folder.
const FolderExt = ".yaml"

// Files expands paths of fsys into the gazetteer files to merge, in order: a
// file stands for itself, a folder for its OfficesFile (when present) and then
// every other file ending in FolderExt directly in it, in name order.
func Files(fsys fs.FS, paths ...string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := fs.Stat(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		des, err := fs.ReadDir(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		var names []string
		for _, de := range des {
			if !de.IsDir() && strings.HasSuffix(de.Name(), FolderExt) {
				names = append(names, de.Name())
			}
		}
		slices.SortStableFunc(names, func(a, b string) int {
			switch {
			case a == b:
				return 0
			case a == OfficesFile:
				return -1
			case b == OfficesFile:
				return 1
			}
			return strings.Compare(a, b)
		})
		if len(names) == 0 {
			return nil, fmt.Errorf("gazetteer: folder %s holds no %s file", p, FolderExt)
		}
		for _, n := range names {
			out = append(out, join(fsys, p, n))
		}
	}
	return out, nil
}

// LoadFS parses the gazetteer files and folders of fsys (see Files) and
// merges them in order (see Merge). Errors name each file as label followed
// by its path.
func LoadFS(fsys fs.FS, label string, paths ...string) (*Gazetteer, error) {
	files, err := Files(fsys, paths...)
	if err != nil {
		return nil, err
	}
	// The files are parsed at once (a folder of small files beside a
	// large one), a large file of actors in pieces (parsePieces), then
	// merged in order.
	data := make([][]byte, len(files))
	parsed := make([][]*Gazetteer, len(files))
	fileErrs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, p := range files {
		wg.Go(func() {
			if data[i], fileErrs[i] = fs.ReadFile(fsys, p); fileErrs[i] != nil {
				fileErrs[i] = fmt.Errorf("gazetteer: %w", fileErrs[i])
				return
			}
			if gs, err := parsePieces(label+p, data[i]); err == nil && gs != nil {
				parsed[i] = gs
				return
			}
			var g *Gazetteer
			g, fileErrs[i] = Parse(label+p, data[i])
			parsed[i] = []*Gazetteer{g}
		})
	}
	wg.Wait()
	if err := errors.Join(fileErrs...); err != nil {
		return nil, err
	}
	g, err := Merge(slices.Concat(parsed...)...)
	if err == nil {
		return g, nil
	}
	// The errors are those of the files parsed whole: Parse reports a
	// file's own conflicts, before Merge.
	whole := false
	for i, p := range files {
		if len(parsed[i]) > 1 {
			whole = true
			g, err := Parse(label+p, data[i])
			if err != nil {
				fileErrs[i] = err
			}
			parsed[i] = []*Gazetteer{g}
		}
	}
	if !whole {
		return nil, err
	}
	if err := errors.Join(fileErrs...); err != nil {
		return nil, err
	}
	return Merge(slices.Concat(parsed...)...)
}

// osFS reads operating-system paths as they are (relative to the working
// directory, or absolute); Files and LoadFS join its paths with filepath.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error)          { return os.Open(name) }
func (osFS) Stat(name string) (fs.FileInfo, error)      { return os.Stat(name) }
func (osFS) ReadFile(name string) ([]byte, error)       { return os.ReadFile(name) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }

func join(fsys fs.FS, dir, name string) string {
	if _, ok := fsys.(osFS); ok {
		return filepath.Join(dir, name)
	}
	return path.Join(dir, name)
}
