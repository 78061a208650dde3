package memstore

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/rawabit/rawabit/graph"
)

// rankIndex orders the actors by id, so that traversals can sort actor
// indexes as graph.ExpandNeighbourhood sorts ids without comparing strings.
type rankIndex struct {
	rank   []int32 // rank[i] is the position of actor i in id order
	byRank []int32 // byRank[r] is the actor at position r
}

// ranks returns the current rank index, building it if a new actor dropped
// it. The caller holds the read lock, so no writer runs during the build.
func (s *Store) ranks() *rankIndex {
	if r := s.rankIdx.Load(); r != nil {
		return r
	}
	s.rankMu.Lock()
	defer s.rankMu.Unlock()
	if r := s.rankIdx.Load(); r != nil {
		return r
	}
	r := &rankIndex{rank: make([]int32, len(s.byIndex)), byRank: make([]int32, len(s.byIndex))}
	for i := range r.byRank {
		r.byRank[i] = int32(i)
	}
	slices.SortFunc(r.byRank, func(a, b int32) int { return cmp.Compare(s.byIndex[a].actor.ID, s.byIndex[b].actor.ID) })
	for pos, i := range r.byRank {
		r.rank[i] = int32(pos)
	}
	s.rankIdx.Store(r)
	return r
}

// scratch is the reusable working memory of one expansion.
type scratch struct {
	// reached[i] == stamp marks actor i as reached in this expansion.
	reached  []uint32
	stamp    uint32
	ids      []int32
	frontier []int32
	next     []int32
	cands    []cand
	spans    []span
	lefts    []int32
	keys     []uint64
	claims   claimBufs
}

// cand is a candidate neighbour: the actor, its pair with the actor being
// expanded and their matching claims (-1 until counted: with an empty
// filter they are counted only when candidates are ranked).
type cand struct {
	to, pair, claims int32
}

// span is the candidates of one expanded actor: cands[lo:hi].
type span struct {
	from, lo, hi int32
}

func (s *Store) getScratch() *scratch {
	sc, _ := s.scratchPool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	if len(sc.reached) < len(s.byIndex) {
		sc.reached, sc.stamp = make([]uint32, len(s.byIndex)+len(s.byIndex)/4), 0
	}
	sc.stamp++
	if sc.stamp == 0 {
		clear(sc.reached)
		sc.stamp = 1
	}
	return sc
}

// Neighbourhood returns the actors around q.Center as graph.ExpandNeighbourhood
// defines, with the claims among them matching q.Filter. A malformed query
// wraps graph.ErrInvalid; an unknown centre wraps graph.ErrNotFound.
func (s *Store) Neighbourhood(ctx context.Context, q graph.NeighbourhoodQuery) (graph.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("memstore: neighbourhood of %q: %w", q.Center, err)
	}
	s.packForRead()
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.failed(ctx) {
		return graph.Subgraph{}, s.check(ctx, fmt.Sprintf("neighbourhood of %q", q.Center))
	}
	c, ok := s.actors[q.Center]
	if !ok {
		return graph.Subgraph{}, fmt.Errorf("memstore: neighbourhood: %w", graph.NotFound("actor", q.Center))
	}
	sc := s.getScratch()
	defer s.scratchPool.Put(sc)
	omitted, truncated, err := s.expand(ctx, q, c.index, sc)
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("memstore: neighbourhood of %q: %w", q.Center, err)
	}
	sg := s.induced(sc.ids, q.Filter, &sc.claims)
	sg.Omitted, sg.Truncated = omitted, truncated
	return sg, nil
}

// expand is graph.ExpandNeighbourhood over actor indexes: the same
// expansion, level by level, with the same ranking of candidates (claims
// descending, then id) and the same caps, so that it reaches the same
// actors and reports the same omissions (TestExpandAsGraph checks it). It
// leaves the reached actors in sc.ids, sorted by id. The caller holds the
// read lock.
func (s *Store) expand(ctx context.Context, q graph.NeighbourhoodQuery, center int32, sc *scratch) (omitted []graph.Omission, truncated bool, err error) {
	rk := s.ranks()
	m := s.newMatcher(q.Filter)
	all := m.all()
	kinds := len(q.Filter.Kinds) > 0
	reached, stamp := sc.reached, sc.stamp
	reached[center] = stamp
	sc.ids = append(sc.ids[:0], center)
	sc.frontier = append(sc.frontier[:0], center)
	sc.cands, sc.spans = sc.cands[:0], sc.spans[:0]
	for level := 1; level <= q.Depth && len(sc.frontier) > 0 && !truncated; level++ {
		sc.next = sc.next[:0]
		// The frontier's entries first, in a loop of independent loads
		// whose cache misses overlap; what they give sizes the candidates.
		total, first := 0, uint32(0)
		for _, from := range sc.frontier {
			l := s.nbrsOf(from)
			total += len(l)
			if len(l) > 0 {
				first ^= l[0].ord
			}
		}
		sc.claims.touched ^= first
		sc.cands = slices.Grow(sc.cands, total)
		for _, from := range sc.frontier {
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
			lo := len(sc.cands)
			unreached := 0
			for _, nb := range s.nbrsOf(from) {
				if nb.other() == from || kinds && !q.Filter.MatchKind(s.byIndex[nb.other()].actor.Kind) {
					continue
				}
				n := int32(-1)
				if !all {
					n = 0
					for _, ec := range s.claimsOfPair(nb.pair) {
						if m.match(ec) {
							n++
						}
					}
					if n == 0 {
						continue
					}
				}
				sc.cands = append(sc.cands, cand{to: nb.other(), pair: nb.pair, claims: n})
				if reached[nb.other()] != stamp {
					unreached++
				}
			}
			cs := sc.cands[lo:]
			sc.spans = append(sc.spans, span{from: from, lo: int32(lo), hi: int32(len(sc.cands))})
			room := q.MaxNodes - len(sc.ids)
			take := min(unreached, q.MaxNeighbours, room)
			if room < min(unreached, q.MaxNeighbours) {
				truncated = true
			}
			if take == unreached {
				// Every unreached candidate joins: their order does not matter.
				for _, c := range cs {
					if reached[c.to] != stamp {
						reached[c.to] = stamp
						sc.ids = append(sc.ids, c.to)
						sc.next = append(sc.next, c.to)
					}
				}
				continue
			}
			// Rank the unreached candidates by claims descending, then id,
			// and take the first ones.
			sc.keys = sc.keys[:0]
			for _, c := range cs {
				if reached[c.to] != stamp {
					if c.claims < 0 {
						c.claims = s.pairList[c.pair].n
					}
					sc.keys = append(sc.keys, uint64(math.MaxInt32-c.claims)<<32|uint64(rk.rank[c.to]))
				}
			}
			// Which candidates are taken matters, not their order: the
			// level and the answer are sorted by id afterwards.
			selectSmallest(sc.keys, take)
			for _, k := range sc.keys[:take] {
				to := rk.byRank[uint32(k)]
				reached[to] = stamp
				sc.ids = append(sc.ids, to)
				sc.next = append(sc.next, to)
			}
		}
		sortByRank(sc.next, rk)
		sc.frontier, sc.next = sc.next, sc.frontier
	}
	// The omissions are counted first, so that their slice is allocated
	// once, at its size.
	lefts, n := sc.lefts[:0], 0
	for _, sp := range sc.spans {
		left := int32(0)
		for _, c := range sc.cands[sp.lo:sp.hi] {
			if reached[c.to] != stamp {
				left++
			}
		}
		lefts = append(lefts, left)
		if left > 0 {
			n++
		}
	}
	sc.lefts = lefts
	if n > 0 {
		omitted = make([]graph.Omission, 0, n)
	}
	for i, sp := range sc.spans {
		if lefts[i] > 0 {
			omitted = append(omitted, graph.Omission{Actor: s.byIndex[sp.from].actor.ID, Count: int(lefts[i])})
		}
	}
	slices.SortFunc(omitted, func(a, b graph.Omission) int { return cmp.Compare(a.Actor, b.Actor) })
	sortByRank(sc.ids, rk)
	return omitted, truncated, nil
}

// nbrsOf returns actor a's neighbours, from the packed lists if the store
// has them (the same entries), so that the actor's entry is not loaded.
// The caller holds the read lock.
func (s *Store) nbrsOf(a int32) []nbr {
	if p := s.packed; p != nil {
		return p.list(a)
	}
	return s.byIndex[a].nbrs
}

// selectSmallest moves the k smallest of keys, which are distinct, to
// keys[:k], in no particular order: a quickselect, linear on average
// where sorting them all is not.
func selectSmallest(keys []uint64, k int) {
	lo, hi := 0, len(keys)
	for k > lo && k < hi {
		if hi-lo <= 16 {
			slices.Sort(keys[lo:hi])
			return
		}
		// The median of three as pivot, then a partition of keys[lo:hi]
		// into those below it, the pivot, and those above.
		m := lo + (hi-lo)/2
		a, b, c := keys[lo], keys[m], keys[hi-1]
		pivot := max(min(a, b), min(max(a, b), c))
		i := lo
		for j := lo; j < hi; j++ {
			if keys[j] < pivot {
				keys[i], keys[j] = keys[j], keys[i]
				i++
			}
		}
		// keys[i:] are at or above the pivot; bring the pivot to i.
		for j := i; j < hi; j++ {
			if keys[j] == pivot {
				keys[i], keys[j] = keys[j], keys[i]
				break
			}
		}
		switch {
		case k <= i:
			hi = i
		default:
			lo = i + 1
		}
	}
}

// sortByRank sorts actor indexes in id order.
func sortByRank(xs []int32, rk *rankIndex) {
	for i, x := range xs {
		xs[i] = rk.rank[x]
	}
	slices.Sort(xs)
	for i, r := range xs {
		xs[i] = rk.byRank[r]
	}
}
