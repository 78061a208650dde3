package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/model"
)

// SchemaError reports an index or constraint of the database that has the
// name of one Rawabit creates but another shape: CREATE ... IF NOT EXISTS
// keeps it, so Open refuses to run on it. It wraps graph.ErrInvalid.
type SchemaError struct {
	// Index is the index or constraint name; Field what differs.
	Index, Field string
	Got, Want    string
}

func (e *SchemaError) Error() string {
	return fmt.Sprintf("%v: index %s: %s is %s, want %s (drop it, e.g. DROP INDEX %s or DROP CONSTRAINT %s, and Rawabit creates it again at the next start)",
		graph.ErrInvalid, e.Index, e.Field, e.Got, e.Want, e.Index, e.Index)
}

// Unwrap makes a SchemaError a graph.ErrInvalid.
func (e *SchemaError) Unwrap() error { return graph.ErrInvalid }

// checkSchema compares the database's indexes with model.Schema and
// returns a *SchemaError for the first difference.
func (s *Store) checkSchema(ctx context.Context) error {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, stmtSchemaShow.text, stmtSchemaShow.bind(noParams{}), neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.database),
		neo4j.ExecuteQueryWithReadersRouting(),
		neo4j.ExecuteQueryWithBookmarkManager(s.bookmarks))
	if err != nil {
		return fmt.Errorf("%s: %w", stmtSchemaShow.file, err)
	}
	found := map[string]*neo4j.Record{}
	for _, r := range res.Records {
		if name, err := get[string](r, "name"); err == nil {
			found[name] = r
		}
	}
	for _, want := range model.Schema {
		r, ok := found[want.Name]
		if !ok {
			return &SchemaError{Index: want.Name, Field: "presence", Got: "missing", Want: "present"}
		}
		str := func(key string) string {
			v, _ := r.Get(key)
			s, _ := v.(string)
			return s
		}
		list := func(key string) []string {
			v, _ := r.Get(key)
			var out []string
			for _, x := range asList(v) {
				s, _ := x.(string)
				out = append(out, s)
			}
			return out
		}
		if got := str("type"); got != want.Kind {
			return &SchemaError{Index: want.Name, Field: "type", Got: got, Want: want.Kind}
		}
		if got := str("entityType"); got != want.Entity {
			return &SchemaError{Index: want.Name, Field: "entity type", Got: got, Want: want.Entity}
		}
		if got := list("labelsOrTypes"); !slices.Equal(got, want.Labels) {
			return &SchemaError{Index: want.Name, Field: "labels or types", Got: strings.Join(got, ","), Want: strings.Join(want.Labels, ",")}
		}
		if got := list("properties"); !slices.Equal(got, want.Properties) {
			return &SchemaError{Index: want.Name, Field: "properties", Got: strings.Join(got, ","), Want: strings.Join(want.Properties, ",")}
		}
		if owner := str("owningConstraint"); want.Constraint && owner != want.Name {
			return &SchemaError{Index: want.Name, Field: "owning constraint", Got: fmt.Sprintf("%q", owner), Want: fmt.Sprintf("%q (a uniqueness constraint)", want.Name)}
		}
		if want.Analyzer != "" {
			v, _ := r.Get("config")
			cfg, _ := v.(map[string]any)
			got, _ := cfg["fulltext.analyzer"].(string)
			if got != want.Analyzer {
				return &SchemaError{Index: want.Name, Field: "fulltext.analyzer", Got: fmt.Sprintf("%q", got), Want: fmt.Sprintf("%q", want.Analyzer)}
			}
		}
	}
	return nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
