package neo4jstore

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/model"
)

// schemaStatement matches the schema_*.cypher statements: a uniqueness
// constraint on a node property, a range index on a relationship property,
// or a full-text index on node properties.
var (
	constraintStmt = regexp.MustCompile(`(?s)CREATE CONSTRAINT (\w+) IF NOT EXISTS\s+FOR \(\w+:(\w+)\) REQUIRE \w+\.(\w+) IS UNIQUE`)
	relIndexStmt   = regexp.MustCompile(`(?s)CREATE INDEX (\w+) IF NOT EXISTS\s+FOR \(\)-\[\w+:(\w+)\]-\(\) ON \(\w+\.(\w+)\)`)
	nodeIndexStmt  = regexp.MustCompile(`(?s)CREATE INDEX (\w+) IF NOT EXISTS\s+FOR \(\w+:(\w+)\) ON \(\w+\.(\w+)\)`)
	fulltextStmt   = regexp.MustCompile("(?s)CREATE FULLTEXT INDEX (\\w+) IF NOT EXISTS\\s+FOR \\(\\w+:(\\w+)\\) ON EACH \\[([^\\]]*)\\]\\s+OPTIONS \\{indexConfig: \\{`fulltext.analyzer`: '(\\w+)'\\}\\}")
	setProperty    = regexp.MustCompile(`\ba\.(\w+) = `)
)

// TestModelAgreesWithCypher checks the .cypher files against the tables of
// package model: every schema_<name>.cypher file creates the index of
// model.Schema of that name with its kind, labels, properties and analyzer,
// and there is one file per index; merge_actors.cypher and the LOAD CSV of
// actors set exactly model.ActorProperties.
func TestModelAgreesWithCypher(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("cypher", "schema_*.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.Index{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		var ix model.Index
		switch {
		case constraintStmt.MatchString(text):
			m := constraintStmt.FindStringSubmatch(text)
			ix = model.Index{Name: m[1], Kind: "RANGE", Entity: "NODE", Labels: []string{m[2]}, Properties: []string{m[3]}, Constraint: true}
		case relIndexStmt.MatchString(text):
			m := relIndexStmt.FindStringSubmatch(text)
			ix = model.Index{Name: m[1], Kind: "RANGE", Entity: "RELATIONSHIP", Labels: []string{m[2]}, Properties: []string{m[3]}}
		case nodeIndexStmt.MatchString(text):
			m := nodeIndexStmt.FindStringSubmatch(text)
			ix = model.Index{Name: m[1], Kind: "RANGE", Entity: "NODE", Labels: []string{m[2]}, Properties: []string{m[3]}}
		case fulltextStmt.MatchString(text):
			m := fulltextStmt.FindStringSubmatch(text)
			var props []string
			for _, p := range strings.Split(m[3], ",") {
				_, name, _ := strings.Cut(strings.TrimSpace(p), ".")
				props = append(props, name)
			}
			ix = model.Index{Name: m[1], Kind: "FULLTEXT", Entity: "NODE", Labels: []string{m[2]}, Properties: props, Analyzer: m[4]}
		default:
			continue // schema_show.cypher, schema_await.cypher: no index
		}
		if want := "schema_" + ix.Name + ".cypher"; filepath.Base(f) != want {
			t.Errorf("%s creates index %s, want it in %s", f, ix.Name, want)
		}
		got[ix.Name] = ix
	}
	for _, want := range model.Schema {
		t.Run(want.Name, func(t *testing.T) {
			g, ok := got[want.Name]
			if !ok {
				t.Fatalf("got no schema_%s.cypher creating it, want one", want.Name)
			}
			if !equalIndex(g, want) {
				t.Errorf("got %+v from the .cypher file, want %+v (model.Schema)", g, want)
			}
		})
	}
	if len(got) != len(model.Schema) {
		t.Errorf("got %d indexes in the schema_*.cypher files, want the %d of model.Schema", len(got), len(model.Schema))
	}

	for _, f := range []string{filepath.Join("cypher", "merge_actors.cypher"), filepath.Join("loadcsv", "1_actors.cypher")} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var set []string
		for _, m := range setProperty.FindAllStringSubmatch(string(b), -1) {
			set = append(set, m[1])
		}
		if want := model.Names(model.ActorProperties)[1:]; !slices.Equal(set, want) {
			t.Errorf("%s sets %q, want model.ActorProperties %q", f, set, want)
		}
	}
}

func equalIndex(a, b model.Index) bool {
	return a.Name == b.Name && a.Kind == b.Kind && a.Entity == b.Entity && slices.Equal(a.Labels, b.Labels) &&
		slices.Equal(a.Properties, b.Properties) && a.Constraint == b.Constraint && a.Analyzer == b.Analyzer
}

// TestRowsAreTheModel checks that the parameters the store writes have the
// properties of model: an actor row, an article's properties (plus its
// text) and a claim's properties.
func TestRowsAreTheModel(t *testing.T) {
	act := graph.Actor{ID: "uae", Name: "UAE", NameAr: "الإمارات", Kind: graph.KindState, Affiliation: "x"}
	doc := graph.Document{
		Article: graph.Article{ID: "a", Title: "t", Published: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), Text: "نص"},
		Actors:  []graph.Actor{act},
	}
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"actor row", slices.Sorted(maps.Keys(actorRow(act))), slices.Sorted(slices.Values(model.Names(model.ActorProperties)))},
		{"article properties", slices.Sorted(maps.Keys(documentParams(doc).mergeArticle.Props)),
			slices.Sorted(slices.Values(append(model.Names(model.ArticleProperties)[1:], model.ArticleText)))},
		{"claim properties", slices.Sorted(maps.Keys(claimProps(graph.Claim{}))), slices.Sorted(slices.Values(model.Names(model.ClaimProperties)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !slices.Equal(tt.got, tt.want) {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
