package gazetteer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// bodiesBase has three states (one without adjectives), a hand-written
// army of Egypt and a ministry whose id the template would also generate.
const bodiesBase = `actors:
  - id: egypt
    name: Egypt
    kind: state
    names: [مصر, جمهورية مصر العربية]
    adjectives: {m: "المصري", f: "المصرية"}
  - id: kenya
    name: Kenya
    kind: state
    names: [كينيا]
    adjectives: {m: "الكيني", f: "الكينية"}
  - id: chad
    name: Chad
    kind: state
    names: [تشاد]
  - id: egyptian-army
    name: Egyptian Army
    kind: organisation
    names: [الجيش المصري]
    affiliation: egypt
  - id: kenya-foreign-ministry
    name: Kenyan Foreign Office
    kind: organisation
    names: [الخارجية في نيروبي]
    affiliation: kenya
`

// bodiesTemplates are two templates in a second file.
const bodiesTemplates = `bodies:
  - id: "{state}-armed-forces"
    name: "{state} Armed Forces"
    names: ["القوات المسلحة {f}", "الجيش {m}", "جيش {name}"]
  - id: "{state}-foreign-ministry"
    name: "{state} Ministry of Foreign Affairs"
    names: ["وزارة الخارجية {f}", "وزارة خارجية {name}"]
`

func TestBodiesGenerated(t *testing.T) {
	g, err := loadStrings(t, bodiesBase, bodiesTemplates)
	if err != nil {
		t.Fatalf("got %v, want no error", err)
	}
	tests := []struct {
		id   string
		want *graph.Actor // nil: no such actor
	}{
		{"kenya-armed-forces", &graph.Actor{ID: "kenya-armed-forces", Name: "Kenya Armed Forces", Kind: graph.KindOrganisation,
			NameAr: "القوات المسلحة الكينية", Aliases: []string{"الجيش الكيني", "جيش كينيا"}, Affiliation: "kenya"}},
		{"egypt-foreign-ministry", &graph.Actor{ID: "egypt-foreign-ministry", Name: "Egypt Ministry of Foreign Affairs", Kind: graph.KindOrganisation,
			NameAr: "وزارة الخارجية المصرية", Aliases: []string{"وزارة خارجية مصر", "وزارة خارجية جمهورية مصر العربية"}, Affiliation: "egypt"}},
		// yields to egyptian-army, which claims الجيش المصري
		{"egypt-armed-forces", nil},
		{"egyptian-army", &graph.Actor{ID: "egyptian-army", Name: "Egyptian Army", Kind: graph.KindOrganisation, NameAr: "الجيش المصري", Affiliation: "egypt"}},
		// yields to the hand-written actor of the same id, which keeps its names
		{"kenya-foreign-ministry", &graph.Actor{ID: "kenya-foreign-ministry", Name: "Kenyan Foreign Office", Kind: graph.KindOrganisation, NameAr: "الخارجية في نيروبي", Affiliation: "kenya"}},
		// chad has no adjectives
		{"chad-armed-forces", nil},
		{"chad-foreign-ministry", nil},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, ok := g.Actor(tt.id)
			switch {
			case tt.want == nil && ok:
				t.Errorf("got actor %+v, want none", got)
			case tt.want != nil && !ok:
				t.Errorf("got no actor %s, want %+v", tt.id, *tt.want)
			case tt.want != nil && !reflect.DeepEqual(got, *tt.want):
				t.Errorf("got %+v, want %+v", got, *tt.want)
			}
		})
	}
	if gen, y := g.Bodies(); gen != 2 || y != 2 {
		t.Errorf("got Bodies() = %d, %d, want 2 generated, 2 yielded", gen, y)
	}
	if pos, _ := g.Position("kenya-armed-forces"); pos.String() != "extra.yaml:2:5" {
		t.Errorf("got position %s, want extra.yaml:2:5 (the template)", pos)
	}
}

func TestBodiesSharedName(t *testing.T) {
	// Two templates that fill to one name: the first body keeps it, the
	// second is generated without it, and one with no other name is not
	// generated at all.
	const templates = `bodies:
  - id: "{state}-army"
    name: "{state} Army"
    names: ["الجيش {m}"]
  - id: "{state}-land-forces"
    name: "{state} Land Forces"
    names: ["الجيش {m}", "القوات البرية {f}"]
  - id: "{state}-troops"
    name: "{state} Troops"
    names: ["الجيش {m}"]
`
	g, err := loadStrings(t, `actors:
  - {id: kenya, name: Kenya, kind: state, names: [كينيا], adjectives: {m: "الكيني", f: "الكينية"}}
`, templates)
	if err != nil {
		t.Fatalf("got %v, want no error", err)
	}
	tests := []struct {
		id   string
		want []string // NameAr then Aliases; nil: no actor
	}{
		{"kenya-army", []string{"الجيش الكيني"}},
		{"kenya-land-forces", []string{"القوات البرية الكينية"}},
		{"kenya-troops", nil},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			a, ok := g.Actor(tt.id)
			var got []string
			if ok {
				got = append([]string{a.NameAr}, a.Aliases...)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBodiesErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       string
	}{
		{"id without placeholder", `bodies:
  - id: army
    name: "{state} Army"
    names: ["الجيش {m}"]
`, "main.yaml:2:5: invalid: body: id \"army\""},
		{"id not a slug", `bodies:
  - id: "{state}_Army"
    name: "{state} Army"
    names: ["الجيش {m}"]
`, "main.yaml:2:5: invalid: body: id \"{state}_Army\""},
		{"name without placeholder", `bodies:
  - id: "{state}-army"
    name: "Army"
    names: ["الجيش {m}"]
`, "main.yaml:3:5: invalid: body: name \"Army\""},
		{"unknown placeholder", `bodies:
  - id: "{state}-army"
    name: "{state} Army"
    names: ["الجيش {adj}"]
`, "main.yaml:4:13: invalid: body: name \"الجيش {adj}\": unknown placeholder {adj}"},
		{"missing names", `bodies:
  - id: "{state}-army"
    name: "{state} Army"
`, "main.yaml:2:5: invalid: body: want id, name and names"},
		{"unknown key", `bodies:
  - id: "{state}-army"
    name: "{state} Army"
    names: ["الجيش {m}"]
    kind: state
`, "main.yaml:5:5:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("main.yaml", []byte(tt.body))
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
