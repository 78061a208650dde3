package doccheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// maxComplexity is the house limit on a function's cyclomatic complexity
// (issue 13: a construction is a table entry, not a branch in a long
// function). Test files and the test-support packages (storetest,
// inputtest, neo4jtest: contract suites written as long scripts of steps)
// are not held to it.
const maxComplexity = 40

// cyclomatic is a function's cyclomatic complexity as gocyclo counts it:
// one, plus one for each if, for, range, non-default case of a switch or
// select, && and ||. Function literals count toward the function that
// holds them.
func cyclomatic(body ast.Node) int {
	n := 1
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			n++
		case *ast.CaseClause:
			if x.List != nil {
				n++
			}
		case *ast.CommClause:
			if x.Comm != nil {
				n++
			}
		case *ast.BinaryExpr:
			if x.Op == token.LAND || x.Op == token.LOR {
				n++
			}
		}
		return true
	})
	return n
}

// funcComplexities parses every non-test Go file below root (skipping
// testdata, hidden folders and test-support packages, whose names end in
// "test") and calls visit with each function's
// position, name and complexity.
func funcComplexities(t *testing.T, root string, visit func(pos token.Position, name string, c int)) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasSuffix(name, "test") || strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			name := fn.Name.Name
			if fn.Recv != nil && len(fn.Recv.List) == 1 {
				name = "(" + types(fn.Recv.List[0].Type) + ")." + name
			}
			visit(fset.Position(fn.Pos()), name, cyclomatic(fn.Body))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// types renders a receiver type expression (T, *T, T[K]) for messages.
func types(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return "*" + types(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.IndexExpr:
		return types(e.X)
	case *ast.IndexListExpr:
		return types(e.X)
	}
	return "?"
}

// TestCyclomaticComplexity fails for every non-test function of the module
// above maxComplexity, naming its file, line and complexity.
func TestCyclomaticComplexity(t *testing.T) {
	root := filepath.Join("..", "..")
	funcs, highest := 0, 0
	funcComplexities(t, root, func(pos token.Position, name string, c int) {
		funcs++
		highest = max(highest, c)
		if c > maxComplexity {
			rel, _ := filepath.Rel(root, pos.Filename)
			t.Errorf("%s:%d: %s has cyclomatic complexity %d, want at most %d: split it, or make its cases table entries", rel, pos.Line, name, c, maxComplexity)
		}
	})
	if funcs < 500 {
		t.Fatalf("got %d functions in the module, want the whole module (at least 500)", funcs)
	}
	t.Logf("%d functions, highest complexity %d", funcs, highest)
}

// TestCyclomaticCounts checks the counter on functions of known complexity.
func TestCyclomaticCounts(t *testing.T) {
	tests := []struct {
		name, src string
		want      int
	}{
		{"straight", `func f() { g() }`, 1},
		{"if and else", `func f(a bool) { if a { g() } else { h() } }`, 2},
		{"loops", `func f(xs []int) { for range xs {}; for i := 0; i < 3; i++ {} }`, 3},
		{"switch with default", `func f(a int) { switch a { case 1, 2: g(); case 3: h(); default: } }`, 3},
		{"select", `func f(c chan int) { select { case <-c: ; default: } }`, 2},
		{"boolean operators", `func f(a, b, c bool) bool { return a && b || c }`, 3},
		{"closure counts", `func f(a bool) { g(func() { if a { h() } }) }`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package p\n"+tt.src, 0)
			if err != nil {
				t.Fatal(err)
			}
			fn := f.Decls[0].(*ast.FuncDecl)
			if got := cyclomatic(fn.Body); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}
