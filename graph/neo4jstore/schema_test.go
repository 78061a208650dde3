package neo4jstore

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
)

// execFile runs the statement of a testdata .cypher file.
func execFile(t *testing.T, s *Store, name string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Execute(context.Background(), []string{string(b)}, nil); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// TestSchemaMismatch replaces the actor_names index by one with another
// analyzer and checks that Open reports it as a *SchemaError (wrapping
// graph.ErrInvalid) instead of keeping it; once it is dropped, Open creates
// the right one again.
func TestSchemaMismatch(t *testing.T) {
	cfg := configOf(neo4jtest.Require(t))
	ctx := context.Background()
	s := openEmpty(t, cfg)
	if err := s.checkSchema(ctx); err != nil {
		t.Fatalf("checkSchema after Open: %v", err)
	}
	execFile(t, s, "drop_actor_names.cypher")
	execFile(t, s, "actor_names_standard.cypher")
	t.Cleanup(func() {
		execFile(t, s, "drop_actor_names.cypher")
		if s2, err := Open(ctx, cfg); err == nil {
			s2.Close(ctx)
		}
	})
	_, err := Open(ctx, cfg)
	var se *SchemaError
	if !errors.As(err, &se) || !errors.Is(err, graph.ErrInvalid) {
		t.Fatalf("Open with actor_names on another analyzer: got %v, want a *SchemaError wrapping %v", err, graph.ErrInvalid)
	}
	if se.Index != "actor_names" || se.Field != "fulltext.analyzer" || se.Got != `"standard"` {
		t.Errorf("SchemaError: got %+v, want actor_names, fulltext.analyzer, \"standard\"", se)
	}
	execFile(t, s, "drop_actor_names.cypher")
	s2, err := Open(ctx, cfg)
	if err != nil {
		t.Fatalf("Open once the index is dropped: got %v, want it created again", err)
	}
	s2.Close(ctx)
}
