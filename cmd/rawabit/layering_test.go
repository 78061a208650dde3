package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// importRule says which packages of the module may import the packages whose
// path starts with prefix. The rules are the house style's: one package per
// dependency, and dependencies that flow one way.
type importRule struct {
	prefix  string   // an import path prefix
	allowed []string // module-relative package directories that may import it
}

var importRules = []importRule{
	{"github.com/neo4j/neo4j-go-driver/", []string{"graph/neo4jstore"}},
	{"github.com/labstack/echo/", []string{"web"}},
	{"github.com/spf13/viper", []string{"cmd/rawabit"}},
	{"github.com/spf13/cobra", []string{"cmd/rawabit"}},
	{"gonum.org/v1/gonum/", []string{"graph/centrality"}},
	{"github.com/rawabit/rawabit/web", []string{"cmd/rawabit"}},
	{"github.com/rawabit/rawabit/cmd/", nil},
}

// moduleImports maps every package directory of the module (relative, with
// forward slashes) to the imports of its non-test Go files.
func moduleImports(t *testing.T) map[string][]string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root: %v", err)
	}
	imports := map[string][]string{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(rel)
		for _, spec := range f.Imports {
			p, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			imports[dir] = append(imports[dir], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return imports
}

// TestLayering checks the package layering: graph imports only the standard
// library, and each outside dependency is imported by its one package.
func TestLayering(t *testing.T) {
	imports := moduleImports(t)
	if len(imports["graph"]) == 0 || len(imports["web"]) == 0 {
		t.Fatalf("found no imports for graph or web: got %d packages", len(imports))
	}
	t.Run("graph imports only the standard library", func(t *testing.T) {
		for _, p := range imports["graph"] {
			if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ".") {
				t.Errorf("graph imports %s, want the standard library only", p)
			}
		}
	})
	for _, rule := range importRules {
		t.Run(rule.prefix, func(t *testing.T) {
			for dir, ps := range imports {
				for _, p := range ps {
					if strings.HasPrefix(p, rule.prefix) && !slices.Contains(rule.allowed, dir) {
						t.Errorf("%s imports %s; only %v may", dir, p, rule.allowed)
					}
				}
			}
		})
	}
}
