package neo4jstore

import (
	"regexp"
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// stored returns a property map as Neo4j gives it back: null properties are
// absent and lists come back as []any.
func stored(props map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range props {
		switch v := v.(type) {
		case nil:
		case []string:
			list := make([]any, len(v))
			for i, s := range v {
				list[i] = s
			}
			out[k] = list
		default:
			out[k] = v
		}
	}
	return out
}

var setFromRowRE = regexp.MustCompile(`\ba\.([a-z_]+) = row\.([a-z_]+)`)

// TestRoundTrip checks that what LoadArticle writes reads back as the
// document it came from: the property names the writes use are those the
// reads expect.
func TestRoundTrip(t *testing.T) {
	doc := testDocument(t)
	doc.Actors[1].Aliases = []string{}
	w := documentParams(doc)

	// merge_actors.cypher copies each row key into the property of that name.
	sets := setFromRowRE.FindAllStringSubmatch(stmtMergeActors.text, -1)
	if len(sets) == 0 {
		t.Fatal("merge_actors.cypher sets no a.key = row.key")
	}
	for _, m := range sets {
		if m[1] != m[2] {
			t.Errorf("merge_actors.cypher sets a.%s from row.%s; the names must match", m[1], m[2])
		}
	}
	for i, row := range w.actors.Actors {
		props := map[string]any{}
		for _, m := range sets {
			props[m[1]] = row[m[2]]
		}
		props["id"] = row["id"]
		got, want := actorOf(stored(props)), doc.Actors[i]
		if got.ID != want.ID || got.Name != want.Name || got.NameAr != want.NameAr || got.Kind != want.Kind ||
			got.Affiliation != want.Affiliation || !slices.Equal(got.Aliases, want.Aliases) || (got.Aliases == nil) != (want.Aliases == nil) {
			t.Errorf("actor %s:\n got  %#v\n want %#v", want.ID, got, want)
		}
	}

	props := stored(w.mergeArticle.Props)
	props["id"] = w.mergeArticle.Article
	if got := articleOf(props); got != doc.Article {
		t.Errorf("article:\n got  %#v\n want %#v", got, doc.Article)
	}

	var recs []*neo4j.Record
	for _, row := range w.claims.Claims {
		rel := neo4j.Relationship{Type: row["type"].(string), Props: stored(row["props"].(map[string]any))}
		recs = append(recs, &neo4j.Record{Keys: []string{"source", "target", "r"}, Values: []any{row["source"], row["target"], rel}})
	}
	claims, err := claimsOf(recs)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(claims, doc.Claims) {
		t.Errorf("claims:\n got  %#v\n want %#v", claims, doc.Claims)
	}
}
