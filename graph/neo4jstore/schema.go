package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rawabit/rawabit/graph"
)

// An expectedIndex is one index of the schema the schema_*.cypher files
// create, as SHOW INDEXES describes it. Open checks the database against
// every entry; the contract suite, run on a fresh database, checks that the
// table and the files agree.
type expectedIndex struct {
	name       string
	kind       string // SHOW INDEXES type: RANGE, FULLTEXT
	entity     string // NODE or RELATIONSHIP
	labels     []string
	properties []string
	// constraint: the index backs a uniqueness constraint of the same name.
	constraint bool
	// analyzer is the fulltext.analyzer of a FULLTEXT index.
	analyzer string
}

var expectedSchema = []expectedIndex{
	{name: "actor_id", kind: "RANGE", entity: "NODE", labels: []string{"Actor"}, properties: []string{"id"}, constraint: true},
	{name: "article_id", kind: "RANGE", entity: "NODE", labels: []string{"Article"}, properties: []string{"id"}, constraint: true},
	{name: "actor_names", kind: "FULLTEXT", entity: "NODE", labels: []string{"Actor"}, properties: []string{"name", "name_ar", "aliases_text"}, analyzer: "arabic"},
	{name: "met_article", kind: "RANGE", entity: "RELATIONSHIP", labels: []string{"MET"}, properties: []string{"article"}},
	{name: "supported_article", kind: "RANGE", entity: "RELATIONSHIP", labels: []string{"SUPPORTED"}, properties: []string{"article"}},
	{name: "opposed_article", kind: "RANGE", entity: "RELATIONSHIP", labels: []string{"OPPOSED"}, properties: []string{"article"}},
	{name: "met_id", kind: "RANGE", entity: "RELATIONSHIP", labels: []string{"MET"}, properties: []string{"id"}},
	{name: "supported_id", kind: "RANGE", entity: "RELATIONSHIP", labels: []string{"SUPPORTED"}, properties: []string{"id"}},
	{name: "opposed_id", kind: "RANGE", entity: "RELATIONSHIP", labels: []string{"OPPOSED"}, properties: []string{"id"}},
	{name: "decision_key", kind: "RANGE", entity: "NODE", labels: []string{"Decision"}, properties: []string{"key"}, constraint: true},
	{name: "decision_claim", kind: "RANGE", entity: "NODE", labels: []string{"Decision"}, properties: []string{"claim"}},
	{name: "rejected_claim_id", kind: "RANGE", entity: "NODE", labels: []string{"RejectedClaim"}, properties: []string{"id"}, constraint: true},
	{name: "review_log_id", kind: "RANGE", entity: "NODE", labels: []string{"ReviewLog"}, properties: []string{"id"}, constraint: true},
}

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

// checkSchema compares the database's indexes with expectedSchema and
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
	for _, want := range expectedSchema {
		r, ok := found[want.name]
		if !ok {
			return &SchemaError{Index: want.name, Field: "presence", Got: "missing", Want: "present"}
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
		if got := str("type"); got != want.kind {
			return &SchemaError{Index: want.name, Field: "type", Got: got, Want: want.kind}
		}
		if got := str("entityType"); got != want.entity {
			return &SchemaError{Index: want.name, Field: "entity type", Got: got, Want: want.entity}
		}
		if got := list("labelsOrTypes"); !slices.Equal(got, want.labels) {
			return &SchemaError{Index: want.name, Field: "labels or types", Got: strings.Join(got, ","), Want: strings.Join(want.labels, ",")}
		}
		if got := list("properties"); !slices.Equal(got, want.properties) {
			return &SchemaError{Index: want.name, Field: "properties", Got: strings.Join(got, ","), Want: strings.Join(want.properties, ",")}
		}
		if owner := str("owningConstraint"); want.constraint && owner != want.name {
			return &SchemaError{Index: want.name, Field: "owning constraint", Got: fmt.Sprintf("%q", owner), Want: fmt.Sprintf("%q (a uniqueness constraint)", want.name)}
		}
		if want.analyzer != "" {
			v, _ := r.Get("config")
			cfg, _ := v.(map[string]any)
			got, _ := cfg["fulltext.analyzer"].(string)
			if got != want.analyzer {
				return &SchemaError{Index: want.name, Field: "fulltext.analyzer", Got: fmt.Sprintf("%q", got), Want: fmt.Sprintf("%q", want.analyzer)}
			}
		}
	}
	return nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
