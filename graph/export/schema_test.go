package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// xmllint returns the path of xmllint. Without it the test fails under CI
// (CI=true) and is skipped with a message elsewhere.
func xmllint(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("xmllint not found (CI=true): install Debian's libxml2-utils: %v", err)
		}
		t.Skipf("xmllint not found; install libxml2-utils to validate GraphML and GEXF against their schemas: %v", err)
	}
	return path
}

// schemas are the vendored published schemas (see testdata/xsd/SOURCE.md):
// GraphML 1.0 as an XML Schema, GEXF 1.3 as its normative RELAX NG grammar.
var schemas = map[Format][]string{
	GraphML: {"--schema", filepath.Join("testdata", "xsd", "graphml", "graphml.xsd")},
	GEXF:    {"--relaxng", filepath.Join("testdata", "xsd", "gexf-1.3", "gexf.rng")},
}

// validate runs xmllint on doc against f's schema and returns its output and
// whether the document is valid.
func validate(t *testing.T, f Format, doc string) (string, bool) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "doc"+f.Extension())
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"--noout", "--nonet"}, schemas[f]...)
	out, err := exec.Command(xmllint(t), append(args, file)...).CombinedOutput()
	if err != nil {
		if _, exit := err.(*exec.ExitError); !exit {
			t.Fatalf("running xmllint: %v", err)
		}
	}
	return string(out), err == nil
}

func TestSchemaValid(t *testing.T) {
	inputs := map[string]Input{"fixture": fixtureInput(t), "synthetic": syntheticInput(100, 400)}
	for _, f := range []Format{GraphML, GEXF} {
		for name, in := range inputs {
			t.Run(string(f)+"/"+name, func(t *testing.T) {
				if out, ok := validate(t, f, render(t, f, in)); !ok {
					t.Errorf("%s export of the %s subgraph does not validate:\n%s", f, name, out)
				}
			})
		}
	}
}

// TestSchemaRejects shows that the validation can fail: documents broken in
// ways the schemas forbid are rejected.
func TestSchemaRejects(t *testing.T) {
	in := fixtureInput(t)
	tests := []struct {
		name     string
		format   Format
		old, new string
	}{
		{"graphml unknown attr.type", GraphML, `attr.type="int"`, `attr.type="integer"`},
		{"graphml edge without target", GraphML, ` target="khalifa-haftar"`, ""},
		{"gexf wrong version", GEXF, `version="1.3"`, `version="1.2"`},
		{"gexf unknown attribute type", GEXF, `type="integer"`, `type="int"`},
		{"gexf edge without source", GEXF, ` source="gna"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, tt.format, in)
			if !strings.Contains(doc, tt.old) {
				t.Fatalf("export lacks %q to break", tt.old)
			}
			if out, ok := validate(t, tt.format, strings.Replace(doc, tt.old, tt.new, 1)); ok {
				t.Errorf("broken %s document validates; want it rejected:\n%s", tt.format, out)
			}
		})
	}
}
