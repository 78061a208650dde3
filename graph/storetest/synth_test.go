package storetest_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
)

func TestSynthetic(t *testing.T) {
	const actors, claims = 50, 203
	docs := storetest.Synthetic(actors, claims, 1)
	if got, want := len(docs), (claims+storetest.SyntheticClaimsPerArticle-1)/storetest.SyntheticClaimsPerArticle; got != want {
		t.Errorf("documents: got %d, want %d", got, want)
	}
	seen := map[string]bool{}
	total := 0
	for _, d := range docs {
		if err := d.Validate(); err != nil {
			t.Fatalf("document %s: %v", d.Article.ID, err)
		}
		for _, c := range d.Claims {
			seen[c.Source], seen[c.Target] = true, true
		}
		total += len(d.Claims)
	}
	if total != claims {
		t.Errorf("claims: got %d, want %d", total, claims)
	}
	if len(seen) != actors {
		t.Errorf("actors in claims: got %d, want %d", len(seen), actors)
	}
	if again := storetest.Synthetic(actors, claims, 1); !reflect.DeepEqual(again, docs) {
		t.Error("Synthetic with the same arguments gave other documents")
	}
	if other := storetest.Synthetic(actors, claims, 2); reflect.DeepEqual(other, docs) {
		t.Error("Synthetic with another seed gave the same documents")
	}
}

func TestLoadSynthetic(t *testing.T) {
	ctx := context.Background()
	want := graph.Counts{Actors: 40, Articles: 12, Claims: 120}
	tests := []struct {
		name string
		wrap func(*memstore.Store) graph.Writer
	}{
		{"batched", func(s *memstore.Store) graph.Writer { return s }},
		{"one by one", func(s *memstore.Store) graph.Writer { return writerOnly{s} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := memstore.New()
			if err := storetest.LoadSynthetic(ctx, tt.wrap(s), want.Actors, want.Claims, 3); err != nil {
				t.Fatal(err)
			}
			got, err := s.Counts(ctx)
			if err != nil || got != want {
				t.Errorf("Counts: got %+v, %v; want %+v", got, err, want)
			}
		})
	}
}

// writerOnly is a graph.Writer without memstore's bulk path.
type writerOnly struct{ s *memstore.Store }

func (w writerOnly) LoadArticle(ctx context.Context, d graph.Document) error {
	return w.s.LoadArticle(ctx, d)
}

func (w writerOnly) DeleteArticle(ctx context.Context, id string) error {
	return w.s.DeleteArticle(ctx, id)
}
