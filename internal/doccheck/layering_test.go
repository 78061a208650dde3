package doccheck

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// importRule says which packages of the module may import the imports named
// by prefix (as moduleImports names them). The rules are the house style's:
// one package per dependency, and dependencies that flow one way.
type importRule struct {
	prefix  string   // an import prefix: an outside module or an own package
	allowed []string // module-relative package directories that may import it
}

var importRules = []importRule{
	{"neo4j/neo4j-go-driver/", []string{"graph/neo4jstore"}},
	{"labstack/echo/", []string{"web"}},
	{"spf13/viper", []string{"cmd/rawabit"}},
	{"spf13/cobra", []string{"cmd/rawabit"}},
	{"gonum.org/v1/gonum", []string{"graph/centrality"}},
	{"web", []string{"cmd/rawabit"}},
	{"cmd/", nil},
}

// forbiddenImports lists imports between the module's own packages that
// would make dependencies flow the wrong way: the extractor sits below the
// loader and beside the exports (the corpus reader and the claim line record
// live below both).
var forbiddenImports = []struct {
	pkg, imports string // module-relative package directories
}{
	{"loader/extract", "loader"},
	{"loader/extract", "graph/export"},
	{"loader/corpus", "loader"},
	{"loader/corpus", "loader/extract"},
	{"loader/gazetteer", "loader"},
	{"graph/export", "loader"},
	// The exports write the store's data model from graph/neo4jstore/model,
	// which has no driver; the store itself is not theirs to import.
	{"graph/export", "graph/neo4jstore"},
}

// TestLayering checks the package layering: graph imports only the standard
// library, and each outside dependency is imported by its one package.
func TestLayering(t *testing.T) {
	imports, err := moduleImports(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if len(imports["web"]) == 0 {
		t.Fatalf("found no imports for web among %d packages", len(imports))
	}
	t.Run("graph imports only the standard library", func(t *testing.T) {
		for p := range imports["graph"] {
			t.Errorf("graph imports %s, want the standard library only", p)
		}
	})
	for _, f := range forbiddenImports {
		t.Run(f.pkg+" does not import "+f.imports, func(t *testing.T) {
			if len(imports[f.pkg]) == 0 {
				t.Fatalf("found no imports for %s", f.pkg)
			}
			if imports[f.pkg][f.imports] {
				t.Errorf("%s imports %s; want the dependency the other way or through a package below both", f.pkg, f.imports)
			}
		})
	}
	for _, rule := range importRules {
		t.Run(rule.prefix, func(t *testing.T) {
			for dir, ps := range imports {
				for p := range ps {
					if (p == rule.prefix || strings.HasPrefix(p, rule.prefix)) && !slices.Contains(rule.allowed, dir) {
						t.Errorf("%s imports %s; only %v may", dir, p, rule.allowed)
					}
				}
			}
		})
	}
}
