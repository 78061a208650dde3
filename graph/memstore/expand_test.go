package memstore

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/storetest"
)

// TestExpandAsGraph checks that the store's own expansion reaches the same
// actors, with the same omissions and truncation, as
// graph.ExpandNeighbourhood over the store's links, on synthetic graphs with
// small caps (so that ranking, MaxNeighbours and MaxNodes all bite) and
// after deletions.
func TestExpandAsGraph(t *testing.T) {
	ctx := context.Background()
	filters := []graph.Filter{
		{},
		{Types: []graph.RelationType{graph.Supported, graph.Opposed}},
		{MinConfidence: 0.7, Certainties: []graph.Certainty{graph.Asserted}},
		{Kinds: []graph.Kind{graph.KindPerson, graph.KindState}},
	}
	for _, tt := range []struct{ actors, claims int }{{30, 300}, {200, 1500}, {1000, 4000}} {
		s := New()
		docs := storetest.Synthetic(tt.actors, tt.claims, 3)
		if err := s.LoadArticles(ctx, docs); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(docs); i += 3 {
			if err := s.DeleteArticle(ctx, docs[i].Article.ID); err != nil {
				t.Fatal(err)
			}
		}
		for i := 0; i < tt.actors; i += max(1, tt.actors/40) {
			for fi, f := range filters {
				for _, caps := range [][3]int{{1, 50, 500}, {2, 3, 40}, {3, 5, 60}, {3, 1000, 5000}, {2, 50, 7}} {
					q := graph.NeighbourhoodQuery{Center: storetest.SyntheticActorID(i), Depth: caps[0], MaxNeighbours: caps[1], MaxNodes: caps[2], Filter: f}
					q, err := q.Normalize()
					if err != nil {
						t.Fatal(err)
					}
					name := fmt.Sprintf("%d actors: %s filter %d caps %v", tt.actors, q.Center, fi, caps)
					wantIDs, wantOmitted, wantTruncated, err := graph.ExpandNeighbourhood(ctx, q, s.links)
					if err != nil {
						t.Fatal(err)
					}
					sc := s.getScratch()
					gotOmitted, gotTruncated, err := s.expand(ctx, q, s.actors[q.Center].index, sc)
					if err != nil {
						t.Fatal(err)
					}
					var gotIDs []string
					for _, a := range sc.ids {
						gotIDs = append(gotIDs, s.byIndex[a].actor.ID)
					}
					s.scratchPool.Put(sc)
					if !reflect.DeepEqual(gotIDs, wantIDs) {
						t.Fatalf("%s: ids:\n got  %v\n want %v", name, gotIDs, wantIDs)
					}
					if !reflect.DeepEqual(gotOmitted, wantOmitted) || gotTruncated != wantTruncated {
						t.Fatalf("%s: got omitted %v truncated %v, want %v %v", name, gotOmitted, gotTruncated, wantOmitted, wantTruncated)
					}
				}
			}
		}
	}
}

func TestSortByKey(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 63, 64, 65, 771, 5000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			cs := make([]claimRef, n)
			for i := range cs {
				cs[i] = claimRef{key: rng.Uint64(), ec: edgeClaim{slot: int32(i)}}
				if i%10 == 3 {
					cs[i].key = cs[i-1].key >> 1 // near and equal top bits
				}
			}
			want := slices.Clone(cs)
			slices.SortStableFunc(want, func(a, b claimRef) int { return cmp.Compare(a.key, b.key) })
			got := sortByKey(cs)
			for i := range got {
				if got[i].key != want[i].key {
					t.Fatalf("position %d: got key %x, want %x", i, got[i].key, want[i].key)
				}
			}
		})
	}
}

// TestInducedFindsEveryPair checks the claims of neighbourhoods against the
// claims of every loaded document whose two actors are in the answer, on a
// graph with hubs (so that actors of several degree classes meet).
func TestInducedFindsEveryPair(t *testing.T) {
	ctx := context.Background()
	s := New()
	docs := storetest.Synthetic(400, 6000, 9)
	if err := s.LoadArticles(ctx, docs); err != nil {
		t.Fatal(err)
	}
	f := graph.Filter{Types: []graph.RelationType{graph.Met, graph.Opposed}}
	for i := 0; i < 400; i += 13 {
		q := graph.NeighbourhoodQuery{Center: storetest.SyntheticActorID(i), Depth: 2, Filter: f, MaxNodes: 120}
		sg, err := s.Neighbourhood(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		in := map[string]bool{}
		for _, n := range sg.Nodes {
			in[n.ID] = true
		}
		var want []string
		for _, d := range docs {
			for _, c := range d.Claims {
				if in[c.Source] && in[c.Target] && f.MatchClaim(c) {
					want = append(want, c.ID)
				}
			}
		}
		slices.Sort(want)
		var got []string
		for _, c := range sg.Claims {
			got = append(got, c.ID)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("neighbourhood of %s: got %d claims, want %d", q.Center, len(got), len(want))
		}
	}
}
