package memstore

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/storetest"
)

// checkIndex checks the invariants of the adjacency index that the
// traversals rely on: every neighbour list is sorted by order, names each
// neighbour with its current degree class and leads to a pair of the two
// actors that has claims; every actor's up is the first of its neighbours
// that ranks above it.
func checkIndex(s *Store) error {
	for _, e := range s.byIndex {
		for k, n := range e.nbrs {
			if k > 0 && e.nbrs[k-1].order() >= n.order() {
				return fmt.Errorf("actor %s: neighbours %d and %d out of order", e.actor.ID, k-1, k)
			}
			o := s.byIndex[n.other()]
			if n.class() != o.class {
				return fmt.Errorf("actor %s: neighbour %s has class %d in the list, %d in fact", e.actor.ID, o.actor.ID, n.class(), o.class)
			}
			cs := s.claimsOfPair(n.pair)
			if len(cs) == 0 {
				return fmt.Errorf("actor %s: neighbour %s by a pair without claims", e.actor.ID, o.actor.ID)
			}
			r := s.hot[cs[0].slot].claims[cs[0].idx]
			if min(r.src, r.dst) != min(e.index, o.index) || max(r.src, r.dst) != max(e.index, o.index) {
				return fmt.Errorf("actor %s: neighbour %s by a pair of other actors", e.actor.ID, o.actor.ID)
			}
		}
		if want := e.above(); int(e.up) != want {
			return fmt.Errorf("actor %s: up %d, want %d", e.actor.ID, e.up, want)
		}
	}
	return checkPacked(s)
}

// checkPacked checks that the packed lists, where the store has them, are
// each actor's list and its entries ranking above it.
func checkPacked(s *Store) error {
	p := s.packed
	if p == nil {
		return nil
	}
	if len(p.off) != len(s.byIndex)+1 {
		return fmt.Errorf("packed: %d bounds for %d actors", len(p.off), len(s.byIndex))
	}
	for a, e := range s.byIndex {
		if got, want := p.list(int32(a)), e.nbrs; !slices.Equal(got, want) {
			return fmt.Errorf("actor %s: packed list %v, want %v", e.actor.ID, got, want)
		}
		if got, want := p.nbrs[p.up[a]:p.off[a+1]], e.nbrs[e.up:]; !slices.Equal(got, want) {
			return fmt.Errorf("actor %s: packed list above it %v, want %v", e.actor.ID, got, want)
		}
	}
	return nil
}

// TestIndexInvariants checks the index after each kind of write: bulk
// loads, single loads, replacements, deletions and review decisions
// (reject, restore, merge), on a graph with hubs whose classes change. A
// neighbourhood query after each write packs the lists, so that every
// write but the first meets packed lists.
func TestIndexInvariants(t *testing.T) {
	ctx := context.Background()
	docs := storetest.Synthetic(300, 9000, 11)
	s := New()
	step := func(name string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := checkIndex(s); err != nil {
			t.Fatalf("after %s: %v", name, err)
		}
		if s.packed != nil {
			t.Fatalf("after %s: the packed lists outlived a write", name)
		}
		if _, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: storetest.SyntheticActorID(0), Depth: 2}); err != nil {
			t.Fatalf("neighbourhood after %s: %v", name, err)
		}
		if s.packed == nil {
			t.Fatalf("after %s: a neighbourhood query left the lists unpacked", name)
		}
		if err := checkPacked(s); err != nil {
			t.Fatalf("packed after %s: %v", name, err)
		}
	}
	step("bulk load", s.LoadArticles(ctx, docs[:300]))
	for _, d := range docs[300:400] {
		step("load "+d.Article.ID, s.LoadArticle(ctx, d))
	}
	step("bulk load", s.LoadArticles(ctx, docs[400:]))
	for i := 0; i < len(docs); i += 7 {
		step("delete "+docs[i].Article.ID, s.DeleteArticle(ctx, docs[i].Article.ID))
	}
	for i := 0; i < len(docs); i += 21 {
		step("reload "+docs[i].Article.ID, s.LoadArticle(ctx, docs[i]))
	}
	replaced := storetest.Retarget(storetest.Synthetic(300, 20, 12)[0], docs[1].Article.ID)
	step("replace "+docs[1].Article.ID, s.LoadArticle(ctx, replaced))
	c := docs[2].Claims[0]
	now := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	_, err := s.Review(ctx, graph.Decision{Kind: graph.DecisionReject, ClaimID: c.ID, Reviewer: "t", Time: now}, nil)
	step("reject", err)
	_, err = s.Review(ctx, graph.Decision{Kind: graph.DecisionRestore, ClaimID: c.ID, Reviewer: "t", Time: now}, nil)
	step("restore", err)
	_, err = s.Review(ctx, graph.Decision{Kind: graph.DecisionMerge, ActorID: storetest.SyntheticActorID(1), Into: storetest.SyntheticActorID(0), Reviewer: "t", Time: now}, nil)
	step("merge a hub", err)
	_, err = s.Review(ctx, graph.Decision{Kind: graph.DecisionMerge, ActorID: storetest.SyntheticActorID(250), Into: storetest.SyntheticActorID(3), Reviewer: "t", Time: now}, nil)
	step("merge", err)
}
