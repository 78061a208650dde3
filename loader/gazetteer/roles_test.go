package gazetteer

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
)

// rolesBase is a main file with offices, actors and roles; the tests below
// add a second file to it.
const rolesBase = `offices:
  - id: president
    titles: ["الرئيس {m}", "رئيس {name}"]
  - id: foreign-minister
    titles: ["وزير الخارجية {m}", "وزير خارجية {name}", "رئيس الدبلوماسية {f}"]
actors:
  - id: egypt
    name: Egypt
    kind: state
    names: [مصر, جمهورية مصر العربية, الحكومة المصرية]
    demonyms: [المصري]
    adjectives: {m: "المصري", f: "المصرية"}
  - id: arab-league
    name: Arab League
    kind: organisation
    names: [جامعة الدول العربية]
  - id: sisi
    name: Abdel Fattah el-Sisi
    kind: person
    names: [عبد الفتاح السيسي]
  - id: mansour
    name: Adly Mansour
    kind: person
    names: [عدلي منصور]
  - id: morsi
    name: Mohamed Morsi
    kind: person
    names: [محمد مرسي]
  - id: mubarak
    name: Hosni Mubarak
    kind: person
    names: [حسني مبارك]
roles:
  - of: egypt
    office: president
    titles: ["رئيس الجمهورية المصرية"]
    holders:
      - {actor: sisi, from: 2014-06-08}
      - {actor: mansour, from: 2013-07-04, to: 2014-06-08}
      - {actor: morsi, from: 2012-06-30, to: 2013-07-03}
      - {actor: mubarak, to: 2011-02-11}
`

func loadStrings(t *testing.T, files ...string) (*Gazetteer, error) {
	t.Helper()
	var gs []*Gazetteer
	var errs []error
	for i, f := range files {
		g, err := Parse([]string{"main.yaml", "extra.yaml"}[i], []byte(f))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		gs = append(gs, g)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return Merge(gs...)
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestRolesResolve(t *testing.T) {
	extra := `actors:
  - id: shoukry
    name: Sameh Shoukry
    kind: person
    names: [سامح شكري]
  - id: abdelatty
    name: Badr Abdelatty
    kind: person
    names: [بدر عبد العاطي]
roles:
  - of: egypt
    office: foreign-minister
    holders:
      - {actor: abdelatty, from: 2024-07}
      - {actor: shoukry, from: 2014-06, to: 2024-07}
  - of: egypt
    office: president
    titles: ["رئيس الجمهورية المصري"]
`
	g, err := loadStrings(t, rolesBase, extra)
	if err != nil {
		t.Fatal(err)
	}
	roles := g.Roles()
	var ids []string
	for _, r := range roles {
		ids = append(ids, r.ID)
	}
	if want := []string{"egypt/foreign-minister", "egypt/president"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("got roles %v, want %v", ids, want)
	}
	fm, pres := roles[0], roles[1]
	var titles []string
	for _, f := range pres.Titles {
		if f.Type != FormTitle {
			t.Errorf("got title %q of type %s, want %s", f.Text, f.Type, FormTitle)
		}
		titles = append(titles, f.Text)
	}
	// Templates first ({name} with the first two names only), then the role's
	// own titles, then those added by the later file.
	wantTitles := []string{"الرئيس المصري", "رئيس مصر", "رئيس جمهورية مصر العربية", "رئيس الجمهورية المصرية", "رئيس الجمهورية المصري"}
	if !reflect.DeepEqual(titles, wantTitles) {
		t.Errorf("got president titles %q, want %q", titles, wantTitles)
	}
	if got, want := pres.Titles[0].Normalized, "الرييس المصري"; got != want {
		t.Errorf("got normalised %q, want %q", got, want)
	}
	if got, want := pres.Pos.String(), "main.yaml:34:5"; got != want {
		t.Errorf("got role position %s, want %s", got, want)
	}
	var holders []string
	for _, h := range pres.Holders {
		holders = append(holders, h.Actor)
	}
	if want := []string{"mubarak", "morsi", "mansour", "sisi"}; !reflect.DeepEqual(holders, want) {
		t.Errorf("got holders sorted %v, want %v", holders, want)
	}
	var fmTitles []string
	for _, f := range fm.Titles {
		fmTitles = append(fmTitles, f.Text)
	}
	if want := []string{"وزير الخارجية المصري", "وزير خارجية مصر", "وزير خارجية جمهورية مصر العربية", "رئيس الدبلوماسية المصرية"}; !reflect.DeepEqual(fmTitles, want) {
		t.Errorf("got foreign-minister titles %q, want %q", fmTitles, want)
	}

	tests := []struct {
		name   string
		role   Role
		day    time.Time
		want   string
		wantOK bool
	}{
		{"before 2011, open from", pres, date("2010-05-01"), "mubarak", true},
		{"last day of a tenure", pres, date("2011-02-11"), "mubarak", true},
		{"gap between tenures", pres, date("2012-01-01"), "", false},
		{"inside a closed tenure", pres, date("2013-01-15"), "morsi", true},
		{"handover day goes to the incoming holder", pres, date("2014-06-08"), "sisi", true},
		{"open to", pres, date("2025-03-01"), "sisi", true},
		{"time of day ignored", pres, time.Date(2013, 7, 3, 23, 30, 0, 0, time.UTC), "morsi", true},
		{"zero time", pres, time.Time{}, "", false},
		{"month date is its first day", fm, date("2014-06-01"), "shoukry", true},
		{"before the month", fm, date("2014-05-31"), "", false},
		{"added by a later file", fm, date("2024-08-01"), "abdelatty", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.role.HolderAt(tt.day)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("got HolderAt(%s) = %q, %v; want %q, %v", tt.day.Format(time.DateOnly), got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestRolesAreNotActorForms(t *testing.T) {
	g, err := loadStrings(t, rolesBase)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Entries() {
		for _, f := range e.Forms {
			if f.Type == FormTitle {
				t.Errorf("got title form %q in the entry of %s, want titles only in Roles", f.Text, e.ID)
			}
		}
	}
}

func TestRolesErrors(t *testing.T) {
	tests := []struct {
		name  string
		extra string
		// want are substrings of the error, the first of them "file:line".
		want []string
	}{
		{"unknown office", "roles:\n  - of: egypt\n    office: king\n", []string{"extra.yaml:3:", `unknown office "king"`}},
		{"unknown of", "roles:\n  - of: egipt\n    office: president\n", []string{"extra.yaml:2:", `unknown actor "egipt"`}},
		{"of is a person", "roles:\n  - of: sisi\n    office: president\n", []string{"extra.yaml:2:", `of "sisi" is a person`}},
		{"unknown holder", "roles:\n  - of: egypt\n    office: foreign-minister\n    holders:\n      - {actor: shoukri, from: 2014}\n", []string{"extra.yaml:5:", `unknown holder actor "shoukri"`}},
		{"holder not a person", "roles:\n  - of: egypt\n    office: foreign-minister\n    holders:\n      - {actor: arab-league}\n", []string{"extra.yaml:5:", `holder "arab-league" has kind organisation (want a person)`}},
		{"overlap in one file", "roles:\n  - of: egypt\n    office: foreign-minister\n    holders:\n      - {actor: sisi, from: 2014, to: 2016}\n      - {actor: morsi, from: 2015}\n", []string{"extra.yaml:6:", `tenure of "morsi" (2015-01-01 to …) overlaps tenure of "sisi" (2014-01-01 to 2016-01-01) at extra.yaml:5`}},
		{"overlap with an earlier file", "roles:\n  - of: egypt\n    office: president\n    holders:\n      - {actor: morsi, from: 2020}\n", []string{"extra.yaml:5:", `overlaps tenure of "sisi"`}},
		{"two open starts", "roles:\n  - of: egypt\n    office: foreign-minister\n    holders:\n      - {actor: sisi, to: 2012}\n      - {actor: morsi, to: 2013}\n", []string{"extra.yaml:6:", "overlaps"}},
		{"bad date", "roles:\n  - of: egypt\n    office: foreign-minister\n    holders:\n      - {actor: sisi, from: 2014-13}\n", []string{"extra.yaml:5:", `bad date "2014-13"`}},
		{"date with a day of the wrong shape", "roles:\n  - of: egypt\n    office: foreign-minister\n    holders:\n      - {actor: sisi, from: 2014-6-8}\n", []string{"extra.yaml:5:", `bad date "2014-6-8"`}},
		{"to before from", "roles:\n  - of: egypt\n    office: foreign-minister\n    holders:\n      - {actor: sisi, from: 2014-06, to: 2014-05-31}\n", []string{"extra.yaml:5:", "to 2014-05-31 is before from 2014-06-01"}},
		{"title equals an actor form", "roles:\n  - of: egypt\n    office: foreign-minister\n    titles: [\"المصري\"]\n", []string{"extra.yaml:4:", `title "المصري" equals a name of actor "egypt"`}},
		{"title of another role", "roles:\n  - of: egypt\n    office: foreign-minister\n    titles: [\"الرئيس المصري\"]\n", []string{"extra.yaml:4:", `title "الرئيس المصري" is already a title of role "egypt/president" at main.yaml:34`}},
		{"expanded title equals an actor form", "actors:\n  - id: sisi\n    names: [\"رئيس مصر\"]\n", []string{"main.yaml:34:", `title "رئيس مصر" equals a name of actor "sisi"`}},
		{"office defined twice", "offices:\n  - id: president\n    titles: [\"رئيس\"]\n", []string{"extra.yaml:2:", `office "president" is already defined at main.yaml:2`}},
		{"unknown placeholder", "offices:\n  - id: king\n    titles: [\"ملك {country}\"]\n", []string{"extra.yaml:3:", "unknown placeholder {country}"}},
		{"adjectives on a person", "actors:\n  - id: sisi\n    adjectives: {m: a, f: b}\n", []string{"extra.yaml:3:", `actor "sisi": adjectives are for states only`}},
		{"unknown adjective key", "actors:\n  - id: egypt\n    adjectives: {n: a}\n", []string{"extra.yaml:3:", `adjectives: unknown key "n"`}},
		{"unknown role key", "roles:\n  - of: egypt\n    ofice: president\n", []string{"extra.yaml:3:", `role: unknown key "ofice"`}},
		{"unknown holder key", "roles:\n  - of: egypt\n    office: president\n    holders:\n      - {actor: sisi, since: 2014}\n", []string{"extra.yaml:5:", `holder: unknown key "since"`}},
		{"role without office", "roles:\n  - of: egypt\n", []string{"extra.yaml:2:", "role: missing office"}},
		{"holders not a list", "roles:\n  - of: egypt\n    office: president\n    holders: sisi\n", []string{"extra.yaml:4:", "holders: want a list"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := loadStrings(t, rolesBase, tt.extra)
			if err == nil {
				t.Fatalf("got gazetteer with %d roles and no error, want error containing %q", len(g.Roles()), tt.want)
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

func TestFilesOfAFolder(t *testing.T) {
	got, err := Files(osFS{}, "testdata/folder")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"testdata/folder/offices.yaml", "testdata/folder/a.yaml", "testdata/folder/b.yaml"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got files %v, want %v", got, want)
	}
	g, err := LoadFiles("testdata/folder")
	if err != nil {
		t.Fatal(err)
	}
	rs := g.Roles()
	if len(rs) != 1 || len(rs[0].Holders) != 2 {
		t.Fatalf("got roles %+v, want one role with two holders (one from each file)", rs)
	}
	if h, ok := rs[0].HolderAt(date("2020-01-01")); !ok || h != "b-person" {
		t.Errorf("got HolderAt(2020-01-01) = %q, %v; want b-person, true", h, ok)
	}
}
