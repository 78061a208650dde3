package memstore

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/storetest"
)

// dumpIndex writes the store's indexes as text, pairs named by their actors
// rather than their numbers (which the bulk path assigns in another order).
func dumpIndex(s *Store) string {
	var b strings.Builder
	fmt.Fprintf(&b, "claims %d metas %v extractors %q\n", s.nClaims, s.metas, s.extractors)
	for i, e := range s.byIndex {
		fmt.Fprintf(&b, "actor %d %s class %d articles %d names %q\n", i, e.actor.ID, e.class, e.articles, e.names())
		for _, n := range e.nbrs {
			fmt.Fprintf(&b, "  nbr %d class %d claims %v\n", n.other(), n.class(), s.claimsOfPair(n.pair))
		}
	}
	for slot, e := range s.bySlot {
		fmt.Fprintf(&b, "slot %d %+v %+v\n", slot, *e, s.hot[slot])
	}
	return b.String()
}

// TestBulkIndexesAsOneByOne compares the indexes (degree classes, neighbour
// order, claims of each pair in order) that the bulk path builds with those
// of LoadArticle, on a graph large enough for hubs of several degree
// classes, loaded in one batch, in batches, and in batches after some
// articles one by one.
func TestBulkIndexesAsOneByOne(t *testing.T) {
	ctx := context.Background()
	docs := storetest.Synthetic(400, 12000, 5)
	ref := New()
	for _, d := range docs {
		if err := ref.LoadArticle(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	want := dumpIndex(ref)
	if !strings.Contains(want, "class 3") {
		t.Fatalf("the test graph has no actor of degree class 3: it does not test promotions")
	}
	for _, tt := range []struct {
		name         string
		first, batch int
	}{
		{"one batch", 0, len(docs)},
		{"batches of 100", 0, 100},
		{"batches of 50 after 300 one by one", 300, 50},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := New()
			for _, d := range docs[:tt.first] {
				if err := s.LoadArticle(ctx, d); err != nil {
					t.Fatal(err)
				}
			}
			for i := tt.first; i < len(docs); i += tt.batch {
				batch := docs[i:min(len(docs), i+tt.batch)]
				checked := make([]graph.CheckedDocument, len(batch))
				for j, d := range batch {
					c, err := d.Check()
					if err != nil {
						t.Fatal(err)
					}
					checked[j] = c
				}
				if err := s.LoadChecked(ctx, checked); err != nil {
					t.Fatal(err)
				}
			}
			if got := dumpIndex(s); got != want {
				g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
				for i := range min(len(g), len(w)) {
					if g[i] != w[i] {
						t.Fatalf("line %d: got\n%s\nwant\n%s", i+1, g[i], w[i])
					}
				}
				t.Fatalf("got %d lines, want %d", len(g), len(w))
			}
		})
	}
}

// TestLoadCheckedRefusesUnchecked: a zero CheckedDocument is not stored.
func TestLoadCheckedRefusesUnchecked(t *testing.T) {
	s := New()
	err := s.LoadChecked(context.Background(), []graph.CheckedDocument{{}})
	if !errors.Is(err, graph.ErrInvalid) {
		t.Fatalf("got %v, want an error wrapping graph.ErrInvalid", err)
	}
	if c, _ := s.Counts(context.Background()); c != (graph.Counts{}) {
		t.Errorf("got counts %+v, want an empty store", c)
	}
}

// TestMentionCounts: a mention count too large for a mention record is
// kept aside, given back whole, and dropped with its article.
func TestMentionCounts(t *testing.T) {
	ctx := context.Background()
	for _, count := range []int{1, manyMentions - 1, manyMentions, 100000} {
		t.Run(fmt.Sprint(count), func(t *testing.T) {
			s := New()
			d := storetest.Fixture()[0]
			d.Mentions = slices.Clone(d.Mentions)
			d.Mentions[0].Count = count
			if err := s.LoadArticle(ctx, d); err != nil {
				t.Fatal(err)
			}
			got := s.document(s.articles[d.Article.ID])
			if !reflect.DeepEqual(got.Mentions, d.Mentions) {
				t.Errorf("got mentions %v, want %v", got.Mentions, d.Mentions)
			}
			if !reflect.DeepEqual(got.Article, d.Article) {
				t.Errorf("got article %+v, want %+v", got.Article, d.Article)
			}
			if err := s.DeleteArticle(ctx, d.Article.ID); err != nil {
				t.Fatal(err)
			}
			if len(s.bigMentions) != 0 {
				t.Errorf("got %d large counts kept after the delete, want none", len(s.bigMentions))
			}
		})
	}
}
