package neo4jstore

import (
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rawabit/rawabit/graph"
)

// get returns the value of key in rec as a T.
func get[T any](rec *neo4j.Record, key string) (T, error) {
	var zero T
	v, ok := rec.Get(key)
	if !ok {
		return zero, fmt.Errorf("record has no %q", key)
	}
	t, ok := v.(T)
	if !ok {
		return zero, fmt.Errorf("record %q is %T, want %T", key, v, zero)
	}
	return t, nil
}

// single returns key of the only record.
func single[T any](recs []*neo4j.Record, key string) (T, error) {
	if len(recs) != 1 {
		var zero T
		return zero, fmt.Errorf("%d records, want 1", len(recs))
	}
	return get[T](recs[0], key)
}

func str(props map[string]any, key string) string {
	s, _ := props[key].(string)
	return s
}

// strs returns a list property as strings: nil when the property is absent,
// an empty slice when it is an empty list.
func strs(props map[string]any, key string) []string {
	list, ok := props[key].([]any)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// number reads a FLOAT property, or an INTEGER one written by hand in the
// console (confidence: 1).
func number(v any) float64 {
	switch n := v.(type) {
	case float64:
		return n
	case int64:
		return float64(n)
	}
	return 0
}

// articleOf reads an Article node's properties.
func articleOf(p map[string]any) graph.Article {
	a := graph.Article{
		ID:       str(p, "id"),
		Title:    str(p, "title"),
		Source:   str(p, "source"),
		URL:      str(p, "url"),
		Language: str(p, "language"),
		Text:     str(p, "text"),
		SHA256:   str(p, "sha256"),
		// DateSource is "" for an undated article or one loaded before
		// dates had a source.
		DateSource: graph.DateSource(str(p, "date_source")),
	}
	if d, ok := p["published"].(neo4j.Date); ok {
		t := d.Time()
		a.Published = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return a
}

// actorOf reads an Actor node's properties.
func actorOf(p map[string]any) graph.Actor {
	return graph.Actor{
		ID:          str(p, "id"),
		Name:        str(p, "name"),
		NameAr:      str(p, "name_ar"),
		Aliases:     strs(p, "aliases"),
		Kind:        graph.Kind(str(p, "kind")),
		Affiliation: str(p, "affiliation"),
	}
}

// actorNames lists the names an actor is searched by, in the order search
// reports the first best match: English name, Arabic name, aliases.
func actorNames(a graph.Actor) []string {
	return append([]string{a.Name, a.NameAr}, a.Aliases...)
}

// claimsOf reads records of (source, target, r) into claims.
func claimsOf(recs []*neo4j.Record) ([]graph.Claim, error) {
	claims := make([]graph.Claim, 0, len(recs))
	for _, rec := range recs {
		source, err1 := get[string](rec, "source")
		target, err2 := get[string](rec, "target")
		r, err3 := get[neo4j.Relationship](rec, "r")
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, err
		}
		claims = append(claims, claimOf(r.Type, source, target, r.Props))
	}
	return claims, nil
}

// claimOf reads a claim from the properties of its relationship (or of a
// RejectedClaim node) with its type, source and target.
func claimOf(typ, source, target string, p map[string]any) graph.Claim {
	start, _ := p["start"].(int64)
	end, _ := p["end"].(int64)
	return graph.Claim{
		ID:         str(p, "id"),
		Type:       graph.RelationType(typ),
		Source:     source,
		Target:     target,
		Article:    str(p, "article"),
		Quote:      str(p, "quote"),
		Start:      int(start),
		End:        int(end),
		Certainty:  graph.Certainty(str(p, "certainty")),
		Confidence: number(p["confidence"]),
		Extractor:  str(p, "extractor"),
		Rule:       str(p, "rule"),
	}
}
