package gazetteer

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

func testdata(name string) string { return filepath.Join("testdata", name) }

func TestLoadFilesErrors(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		// want are substrings of the error, the first of them "file:line".
		want []string
	}{
		{"unknown kind", []string{"unknown_kind.yaml"}, []string{"unknown_kind.yaml:4:", `unknown kind "persn"`}},
		{"unknown key", []string{"unknown_key.yaml"}, []string{"unknown_key.yaml:5:", `unknown key "nmaes"`}},
		{"unknown top-level key", []string{"unknown_top_key.yaml"}, []string{"unknown_top_key.yaml:2:", `unknown key "people"`}},
		{"name claimed by two actors", []string{"name_clash.yaml"}, []string{"name_clash.yaml:9:", `name "خليفة حفتر" of actor "khalifa-al-ghwell" is already claimed by actor "khalifa-haftar" at testdata/name_clash.yaml:5`}},
		{"duplicate id with conflicting kind", []string{"kind_conflict.yaml"}, []string{"kind_conflict.yaml:7:", `kind state conflicts with kind organisation at testdata/kind_conflict.yaml:4`}},
		{"unknown affiliation", []string{"unknown_affiliation.yaml"}, []string{"unknown_affiliation.yaml:6:", `unknown affiliation "libyan-army"`}},
		{"YAML syntax", []string{"bad_syntax.yaml"}, []string{"bad_syntax.yaml:2:", "YAML: did not find expected"}},
		{"missing id", []string{"bad_id.yaml"}, []string{"bad_id.yaml:2:", "actor without id"}},
		{"malformed id", []string{"bad_id.yaml"}, []string{"bad_id.yaml:5:", `id "Khalifa Haftar"`}},
		{"missing kind", []string{"missing_kind.yaml"}, []string{"missing_kind.yaml:2:", "missing kind"}},
		{"empty form", []string{"empty_form.yaml"}, []string{"empty_form.yaml:4:", `empty form "،"`}},
		{"empty file", []string{"empty.yaml"}, []string{"empty.yaml:1:", "empty gazetteer"}},
		{"kind conflict across files", []string{"base.yaml", "extra_kind_conflict.yaml"}, []string{"extra_kind_conflict.yaml:3:", `actor "lna": kind person conflicts with kind organisation at testdata/base.yaml:9`}},
		{"name clash across files", []string{"base.yaml", "extra_name_clash.yaml"}, []string{"extra_name_clash.yaml:5:", `name "حَفْتَر" of actor "haftar-junior" is already claimed by actor "khalifa-haftar" at testdata/base.yaml:5`}},
		{"affiliation defined by no file", []string{"extra.yaml"}, []string{"extra.yaml:9:", `unknown affiliation "italy"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paths := make([]string, len(tt.files))
			for i, f := range tt.files {
				paths[i] = testdata(f)
			}
			g, err := LoadFiles(paths...)
			if err == nil {
				t.Fatalf("got gazetteer with %d actors and no error, want error containing %q", g.Len(), tt.want)
			}
			if !errors.Is(err, graph.ErrInvalid) {
				t.Errorf("got error %v, want it to wrap graph.ErrInvalid", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got error %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadFilesMerges(t *testing.T) {
	g, err := LoadFiles(testdata("base.yaml"), testdata("extra.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	wantActors := []graph.Actor{
		{ID: "giuseppe-conte", Name: "Giuseppe Conte", NameAr: "جوزيبي كونتي", Aliases: []string{"كونتي"}, Kind: graph.KindPerson, Affiliation: "italy"},
		{ID: "italy", Name: "Italy", NameAr: "إيطاليا", Aliases: []string{"روما"}, Kind: graph.KindState},
		{ID: "khalifa-haftar", Name: "Khalifa Haftar", NameAr: "خليفة حفتر", Aliases: []string{"حفتر", "المشير خليفة حفتر", "Haftar"}, Kind: graph.KindPerson, Affiliation: "lna"},
		{ID: "lna", Name: "Libyan National Army", NameAr: "الجيش الوطني الليبي", Kind: graph.KindOrganisation},
	}
	if got := g.Actors(); !reflect.DeepEqual(got, wantActors) {
		t.Errorf("got actors\n%+v\nwant\n%+v", got, wantActors)
	}
	a, ok := g.Actor("khalifa-haftar")
	if !ok || a.NameAr != "خليفة حفتر" {
		t.Errorf("got Actor(khalifa-haftar) = %+v, %v; want the merged actor", a, ok)
	}
	if _, ok := g.Actor("nobody"); ok {
		t.Errorf("got Actor(nobody) found, want not found")
	}

	var italy Entry
	for _, e := range g.Entries() {
		if e.ID == "italy" {
			italy = e
		}
	}
	wantItaly := Entry{ID: "italy", Kind: graph.KindState, Forms: []Form{
		{Text: "إيطاليا", Normalized: "ايطاليا", Type: FormName},
		{Text: "روما", Normalized: "روما", Type: FormCapital},
		{Text: "الإيطالية", Normalized: "الايطاليه", Type: FormDemonym},
		{Text: "الإيطالي", Normalized: "الايطالي", Type: FormDemonym},
	}}
	if !reflect.DeepEqual(italy, wantItaly) {
		t.Errorf("got entry\n%+v\nwant\n%+v", italy, wantItaly)
	}
}

func TestParseDoesNotCheckAffiliations(t *testing.T) {
	g, err := ParseFile(testdata("extra.yaml"))
	if err != nil {
		t.Fatalf("got %v, want extra.yaml to parse on its own (its affiliation is defined in another file)", err)
	}
	if got, want := g.Len(), 2; got != want {
		t.Errorf("got %d actors, want %d", got, want)
	}
}

func TestSeedGazetteerIsValid(t *testing.T) {
	g, err := LoadFiles(filepath.Join("..", "testdata", "seed_gazetteer.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range g.Actors() {
		if err := a.Validate(); err != nil {
			t.Errorf("got %v, want a valid actor", err)
		}
	}
}
