package loader

import (
	"reflect"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// TestSnapshotKeepsEveryField fills every field of a claim, a mention and a
// discovered actor with a value other than its zero, and checks that an
// entry gives them all back: a field added to graph.Claim, graph.Mention or
// graph.Actor without a place in the snapshot fails here. (A claim's Quote
// is the text's to give back; its ID and Article are kept for the entry's
// article, and left to the loader in an entry without one.)
func TestSnapshotKeepsEveryField(t *testing.T) {
	claim := graph.Claim{Type: graph.Opposed, Certainty: graph.Alleged, Confidence: 0.42, ID: "0123456789abcdef", Article: "art-1"}
	fill(t, &claim, "ID", "Article", "Quote", "Type", "Certainty", "Confidence")
	mention := graph.Mention{}
	fill(t, &mention)
	actor := graph.Actor{Kind: graph.KindOrganisation}
	fill(t, &actor, "Kind")
	for _, article := range []string{"art-1", ""} {
		c := claim
		if article == "" {
			c.ID, c.Article = "", ""
		}
		ent := snapEntry{article: article, mentions: []graph.Mention{mention}, claims: []graph.Claim{c}, discovered: []graph.Actor{actor}}
		s := &Snapshot{nameIdx: map[string]uint64{}}
		got, err := decodeEntry(encodeEntry(s.intern, ent), s.names)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, ent) {
			t.Errorf("article %q: got  %+v\nwant %+v", article, got, ent)
		}
	}
}

// fill sets every exported string, int and []string field of *v not in
// skip to a value of its own.
func fill(t *testing.T, v any, skip ...string) {
	t.Helper()
	rv := reflect.ValueOf(v).Elem()
	for i := range rv.NumField() {
		f, name := rv.Field(i), rv.Type().Field(i).Name
		if skipped(name, skip) {
			continue
		}
		switch f.Kind() {
		case reflect.String:
			f.SetString("value-of-" + name)
		case reflect.Int:
			f.SetInt(int64(7 + i))
		case reflect.Float64:
			f.SetFloat(0.25)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{"first " + name, "second " + name}))
		default:
			t.Fatalf("%T.%s: a %s field the test does not know how to fill", v, name, f.Kind())
		}
	}
}

func skipped(name string, skip []string) bool {
	for _, s := range skip {
		if s == name {
			return true
		}
	}
	return false
}
