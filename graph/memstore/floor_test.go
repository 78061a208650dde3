package memstore_test

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
)

// The floor of BenchmarkNeighbourhoodDepth2: the same neighbourhood over
// plain arrays built independently of the store. Synthetic actor ids are
// zero-padded numbers, so an actor's number orders like its id and the
// floor ranks and sorts by number where the API ranks and sorts by id.

// edge is a neighbour with the number of claims between the two actors.
type edge struct{ to, claims int32 }

// csr is a synthetic graph's actor adjacency as plain arrays: the
// neighbours of actor i are adj[off[i]:off[i+1]], one entry per pair of
// actors with at least one claim between them, in both directions; the
// pair is also in up[upOff[i]:upOff[i+1]] of the one of its two actors that
// has fewer neighbours (the lower number when equal), so that the pairs
// among a set of actors are found by scanning few entries.
type csr struct {
	off, upOff []int32
	adj, up    []edge
}

// buildCSR builds the adjacency of SyntheticEach(actors, claims, seed)
// from its documents.
func buildCSR(tb testing.TB, actors, claims int, seed int64) csr {
	var pairs []uint64
	err := storetest.SyntheticEach(actors, claims, seed, func(d graph.Document) error {
		for _, c := range d.Claims {
			src, dst := syntheticIndex(tb, c.Source), syntheticIndex(tb, c.Target)
			pairs = append(pairs, uint64(min(src, dst))<<32|uint64(max(src, dst)))
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	slices.Sort(pairs)
	type counted struct {
		lo, hi, claims int32
	}
	var cs []counted
	for i, p := range pairs {
		if i > 0 && p == pairs[i-1] {
			cs[len(cs)-1].claims++
			continue
		}
		cs = append(cs, counted{int32(p >> 32), int32(uint32(p)), 1})
	}
	g := csr{off: make([]int32, actors+1), upOff: make([]int32, actors+1), adj: make([]edge, 2*len(cs)), up: make([]edge, len(cs))}
	for _, c := range cs {
		g.off[c.lo+1]++
		g.off[c.hi+1]++
	}
	for i := 1; i <= actors; i++ {
		g.off[i] += g.off[i-1]
	}
	fill := slices.Clone(g.off[:actors])
	for _, c := range cs {
		g.adj[fill[c.lo]], fill[c.lo] = edge{c.hi, c.claims}, fill[c.lo]+1
		g.adj[fill[c.hi]], fill[c.hi] = edge{c.lo, c.claims}, fill[c.hi]+1
	}
	degree := func(i int32) int32 { return g.off[i+1] - g.off[i] }
	lower := func(c counted) (int32, int32) {
		if degree(c.hi) < degree(c.lo) {
			return c.hi, c.lo
		}
		return c.lo, c.hi
	}
	for _, c := range cs {
		from, _ := lower(c)
		g.upOff[from+1]++
	}
	for i := 1; i <= actors; i++ {
		g.upOff[i] += g.upOff[i-1]
	}
	fill = slices.Clone(g.upOff[:actors])
	for _, c := range cs {
		from, to := lower(c)
		g.up[fill[from]], fill[from] = edge{to, c.claims}, fill[from]+1
	}
	return g
}

func syntheticIndex(tb testing.TB, id string) int32 {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "actor-"))
	if err != nil {
		tb.Fatalf("synthetic actor id %q: %v", id, err)
	}
	return int32(n)
}

// floor is the reusable working memory of floorNeighbourhood and its
// answer: nodes (sorted), the pairs among them with their claims, the
// omissions (actor, count; sorted) and whether MaxNodes stopped it.
type floor struct {
	seen      []uint32
	stamp     uint32
	nodes     []int32
	frontier  []int32
	next      []int32
	expanded  []int32
	keys      []uint64
	pairs     [][3]int32 // lo, hi, claims
	omitted   [][2]int32
	truncated bool
}

func newFloor(actors int) *floor { return &floor{seen: make([]uint32, actors)} }

// neighbourhood does the work of a neighbourhood query without filter over
// g, as graph.ExpandNeighbourhood defines it: breadth first from start,
// depth levels, each level's actors expanded in id order, each taking at
// most maxNeighbours of its unreached neighbours ranked by claims
// descending then id, until maxNodes actors are reached; then the
// omissions, and the pairs among the actors reached with their claims.
func (f *floor) neighbourhood(g csr, start int32, depth, maxNeighbours, maxNodes int) {
	f.stamp++
	seen, stamp := f.seen, f.stamp
	seen[start] = stamp
	f.nodes = append(f.nodes[:0], start)
	f.frontier = append(f.frontier[:0], start)
	f.expanded, f.pairs, f.omitted, f.truncated = f.expanded[:0], f.pairs[:0], f.omitted[:0], false
	for level := 1; level <= depth && len(f.frontier) > 0 && !f.truncated; level++ {
		f.next = f.next[:0]
		for _, u := range f.frontier {
			f.expanded = append(f.expanded, u)
			nbrs := g.adj[g.off[u]:g.off[u+1]]
			unreached := 0
			for _, e := range nbrs {
				if seen[e.to] != stamp {
					unreached++
				}
			}
			room := maxNodes - len(f.nodes)
			take := min(unreached, maxNeighbours, room)
			if room < min(unreached, maxNeighbours) {
				f.truncated = true
			}
			if take == unreached {
				for _, e := range nbrs {
					if seen[e.to] != stamp {
						seen[e.to] = stamp
						f.nodes = append(f.nodes, e.to)
						f.next = append(f.next, e.to)
					}
				}
				continue
			}
			f.keys = f.keys[:0]
			for _, e := range nbrs {
				if seen[e.to] != stamp {
					f.keys = append(f.keys, uint64(math.MaxInt32-e.claims)<<32|uint64(e.to))
				}
			}
			slices.Sort(f.keys)
			for _, k := range f.keys[:take] {
				v := int32(uint32(k))
				seen[v] = stamp
				f.nodes = append(f.nodes, v)
				f.next = append(f.next, v)
			}
		}
		slices.Sort(f.next)
		f.frontier, f.next = f.next, f.frontier
	}
	for _, u := range f.expanded {
		left := int32(0)
		for _, e := range g.adj[g.off[u]:g.off[u+1]] {
			if seen[e.to] != stamp {
				left++
			}
		}
		if left > 0 {
			f.omitted = append(f.omitted, [2]int32{u, left})
		}
	}
	slices.SortFunc(f.omitted, func(a, b [2]int32) int { return cmp.Compare(a[0], b[0]) })
	slices.Sort(f.nodes)
	for _, u := range f.nodes {
		for _, e := range g.up[g.upOff[u]:g.upOff[u+1]] {
			if seen[e.to] == stamp {
				f.pairs = append(f.pairs, [3]int32{u, e.to, e.claims})
			}
		}
	}
}

// TestFloorAsStore checks that the floor of BenchmarkNeighbourhoodDepth2
// gives the store's answer (the same actors, omissions and truncation, the
// same pairs with the same number of claims), so that the two benchmarks
// compare the same work, with the caps that bite in the benchmark and
// smaller ones.
func TestFloorAsStore(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct{ actors, claims int }{{300, 3000}, {3000, 30000}} {
		s := memstore.New()
		if err := storetest.LoadSynthetic(ctx, s, tt.actors, tt.claims, benchSeed); err != nil {
			t.Fatal(err)
		}
		g := buildCSR(t, tt.actors, tt.claims, benchSeed)
		f := newFloor(tt.actors)
		for i := 0; i < tt.actors; i += max(1, tt.actors/30) {
			for _, caps := range [][3]int{{2, 50, 500}, {2, 5, 40}, {1, 50, 500}, {3, 10, 200}} {
				name := fmt.Sprintf("%d actors, centre %d, caps %v", tt.actors, i, caps)
				sg, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: storetest.SyntheticActorID(i), Depth: caps[0], MaxNeighbours: caps[1], MaxNodes: caps[2]})
				if err != nil {
					t.Fatal(err)
				}
				f.neighbourhood(g, int32(i), caps[0], caps[1], caps[2])
				var got, want []string
				for _, n := range f.nodes {
					got = append(got, storetest.SyntheticActorID(int(n)))
				}
				for _, a := range sg.Nodes {
					want = append(want, a.ID)
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%s: floor nodes %v, want the store's %v", name, got, want)
				}
				gotPairs := map[[2]string]int{}
				for _, p := range f.pairs {
					gotPairs[[2]string{storetest.SyntheticActorID(int(min(p[0], p[1]))), storetest.SyntheticActorID(int(max(p[0], p[1])))}] += int(p[2])
				}
				wantPairs := map[[2]string]int{}
				for _, c := range sg.Claims {
					wantPairs[[2]string{min(c.Source, c.Target), max(c.Source, c.Target)}]++
				}
				if !maps.Equal(gotPairs, wantPairs) {
					t.Fatalf("%s: floor pairs %v, want the store's %v", name, gotPairs, wantPairs)
				}
				var gotOmitted []graph.Omission
				for _, o := range f.omitted {
					gotOmitted = append(gotOmitted, graph.Omission{Actor: storetest.SyntheticActorID(int(o[0])), Count: int(o[1])})
				}
				if !slices.Equal(gotOmitted, sg.Omitted) || f.truncated != sg.Truncated {
					t.Fatalf("%s: floor omitted %v truncated %v, want the store's %v %v", name, gotOmitted, f.truncated, sg.Omitted, sg.Truncated)
				}
			}
		}
	}
}
