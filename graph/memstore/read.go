package memstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/rawabit/rawabit/graph"
)

// The readers: counts, actors, articles, claims, subgraphs and paths.

// Counts returns the number of actors, articles and claims.
func (s *Store) Counts(ctx context.Context) (graph.Counts, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "counts"); err != nil {
		return graph.Counts{}, err
	}
	return graph.Counts{Actors: len(s.actors), Articles: len(s.articles), Claims: s.nClaims}, nil
}

// Actor returns the actor with the given id, or an error wrapping
// graph.ErrNotFound.
func (s *Store) Actor(ctx context.Context, id string) (graph.Actor, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, fmt.Sprintf("actor %q", id)); err != nil {
		return graph.Actor{}, err
	}
	e, ok := s.actors[id]
	if !ok {
		return graph.Actor{}, fmt.Errorf("memstore: %w", graph.NotFound("actor", id))
	}
	return e.copyActor(), nil
}

func (e *actorEntry) copyActor() graph.Actor {
	a := e.actor
	a.Aliases = slices.Clone(a.Aliases)
	return a
}

// ActorStats counts an actor's claims by type and direction (every relation
// type is present in both maps) and the articles that mention it. An
// unknown id is an error wrapping graph.ErrNotFound.
func (s *Store) ActorStats(ctx context.Context, id string) (graph.ActorStats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, fmt.Sprintf("actor stats %q", id)); err != nil {
		return graph.ActorStats{}, err
	}
	e, ok := s.actors[id]
	if !ok {
		return graph.ActorStats{}, fmt.Errorf("memstore: actor stats: %w", graph.NotFound("actor", id))
	}
	st := graph.ActorStats{
		Outgoing: map[graph.RelationType]int{},
		Incoming: map[graph.RelationType]int{},
		Articles: e.articles,
	}
	for _, t := range graph.RelationTypes {
		st.Outgoing[t], st.Incoming[t] = 0, 0
	}
	for _, n := range e.nbrs {
		for _, ec := range s.claimsOfPair(n.pair) {
			r := &s.hot[ec.slot].claims[ec.idx]
			bits := s.metas[r.meta].bits
			if r.src == e.index {
				st.Outgoing[typeOf(bits)]++
			} else {
				st.Incoming[typeOf(bits)]++
			}
		}
	}
	return st, nil
}

// Article returns the article with the given id, or an error wrapping
// graph.ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (graph.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, fmt.Sprintf("article %q", id)); err != nil {
		return graph.Article{}, err
	}
	slot, ok := s.articles[id]
	if !ok {
		return graph.Article{}, fmt.Errorf("memstore: %w", graph.NotFound("article", id))
	}
	return s.article(slot), nil
}

// ArticleClaims returns the claims of an article sorted by Start then ID, or
// an error wrapping graph.ErrNotFound for an unknown article.
func (s *Store) ArticleClaims(ctx context.Context, id string) ([]graph.Claim, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, fmt.Sprintf("article claims %q", id)); err != nil {
		return nil, err
	}
	slot, ok := s.articles[id]
	if !ok {
		return nil, fmt.Errorf("memstore: article claims: %w", graph.NotFound("article", id))
	}
	out := make([]graph.Claim, len(s.hot[slot].claims))
	for i := range out {
		out[i] = s.claim(slot, int32(i))
	}
	return out, nil
}

// Claims returns the claims selected by q (see graph.ClaimQuery.MatchClaim),
// sorted by ID, at most q.Limit. A malformed query wraps graph.ErrInvalid;
// an unknown source or target wraps graph.ErrNotFound.
func (s *Store) Claims(ctx context.Context, q graph.ClaimQuery) ([]graph.Claim, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("memstore: claims: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "claims"); err != nil {
		return nil, err
	}
	var ends []*actorEntry
	for _, id := range []string{q.Source, q.Target} {
		if id == "" {
			continue
		}
		e, ok := s.actors[id]
		if !ok {
			return nil, fmt.Errorf("memstore: claims: %w", graph.NotFound("actor", id))
		}
		ends = append(ends, e)
	}
	var pairs []int32
	if len(ends) == 2 {
		if pi, ok := s.pairOfActors(ends[0].index, ends[1].index); ok && ends[0] != ends[1] {
			pairs = append(pairs, pi)
		}
	} else {
		for _, n := range ends[0].nbrs {
			pairs = append(pairs, n.pair)
		}
	}
	var found []edgeClaim
	m := s.newMatcher(q.Filter)
	for _, pi := range pairs {
		for _, ec := range s.claimsOfPair(pi) {
			if m.match(ec) && q.MatchClaim(s.claim(ec.slot, ec.idx)) {
				found = append(found, ec)
			}
		}
	}
	return s.sortedClaims(found, q.Limit), nil
}

// Subgraph returns the actors ids (deduplicated, sorted by ID) and the
// claims among them matching f, f.Kinds aside. Unknown ids wrap
// graph.ErrNotFound; more than graph.MaxSubgraphIDs ids or a malformed
// filter wrap graph.ErrInvalid.
func (s *Store) Subgraph(ctx context.Context, ids []string, f graph.Filter) (graph.Subgraph, error) {
	if len(ids) > graph.MaxSubgraphIDs {
		return graph.Subgraph{}, fmt.Errorf("memstore: subgraph: %w", graph.Invalidf("ids", "%d ids, more than %d", len(ids), graph.MaxSubgraphIDs))
	}
	if err := f.Validate(); err != nil {
		return graph.Subgraph{}, fmt.Errorf("memstore: subgraph: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "subgraph"); err != nil {
		return graph.Subgraph{}, err
	}
	idx := make([]int32, 0, len(ids))
	for _, id := range ids {
		e, ok := s.actors[id]
		if !ok {
			return graph.Subgraph{}, fmt.Errorf("memstore: subgraph: %w", graph.NotFound("actor", id))
		}
		idx = append(idx, e.index)
	}
	sortByRank(idx, s.ranks())
	idx = slices.Compact(idx)
	var b claimBufs
	return s.induced(idx, f, &b), nil
}

// induced builds the subgraph of the actors ids (indexes, in id order,
// distinct) with the claims among them matching f, with working memory b.
// The caller holds the read lock.
//
// Its data is scattered over the whole store, so it works in passes, each
// a tight loop of loads that do not depend on one another (the actors'
// entries, then their neighbour lists, then the pairs, then the claims'
// records), so that the processor overlaps their cache misses rather than
// waiting for each in turn. Its working memory holds numbers only.
func (s *Store) induced(ids []int32, f graph.Filter, b *claimBufs) graph.Subgraph {
	m := s.newMatcher(f)
	marks := s.getMarks()
	defer s.putMarks(marks, ids)
	// One pass over the entries reads all they give: the node, the mark,
	// the number of neighbours ranking above, and the first of them, so
	// that the next pass finds every entry and the start of every list in
	// the cache (here the loads of one actor do not wait for another's).
	sg := graph.Subgraph{Nodes: make([]graph.Actor, len(ids))}
	ups, first := 0, uint32(0)
	if p := s.packed; p != nil {
		// The lists' bounds come from flat arrays, without the entries;
		// the entries are loaded alongside, for the nodes.
		for _, a := range ids {
			first ^= uint32(s.byIndex[a].index)
			(*marks)[a/64] |= 1 << (a % 64)
			if up, end := p.up[a], p.off[a+1]; up < end {
				ups += int(end - up)
				first ^= p.nbrs[up].ord
			}
		}
		for i, a := range ids {
			sg.Nodes[i] = s.byIndex[a].copyActor()
		}
	} else {
		for i, a := range ids {
			e := s.byIndex[a]
			sg.Nodes[i] = e.copyActor()
			(*marks)[a/64] |= 1 << (a % 64)
			if up := int(e.up); up < len(e.nbrs) {
				ups += len(e.nbrs) - up
				first ^= e.nbrs[up].ord
			}
		}
	}
	b.touched = first
	// Each pair is found once, from the actor that ranks lower.
	pairs := slices.Grow(b.pairs[:0], min(ups, 4*len(ids)))
	for _, a := range ids {
		for _, n := range s.upNbrs(a) {
			if o := n.other(); (*marks)[o/64]&(1<<(o%64)) != 0 {
				pairs = append(pairs, n.pair)
			}
		}
	}
	b.pairs = pairs
	found := slices.Grow(b.found[:0], len(pairs))
	for _, pi := range pairs {
		if p := &s.pairList[pi]; p.n == 1 {
			found = append(found, p.one[0])
		} else {
			found = append(found, s.multis[p.multi()]...)
		}
	}
	if !m.all() {
		kept := found[:0]
		for _, ec := range found {
			if m.match(ec) {
				kept = append(kept, ec)
			}
		}
		found = kept
	}
	b.found = found
	sg.Claims = s.sortedClaimsWith(b, found, len(found))
	return sg
}

// upNbrs returns the neighbours of actor a that rank above it, from the
// packed lists if the store has them. The caller holds the read lock.
func (s *Store) upNbrs(a int32) []nbr {
	if p := s.packed; p != nil {
		return p.nbrs[p.up[a]:p.off[a+1]]
	}
	e := s.byIndex[a]
	return e.nbrs[e.up:]
}

// links is the graph.LinkFunc over the adjacency index. The caller holds the
// read lock.
func (s *Store) links(ctx context.Context, frontier []string, f graph.Filter) ([]graph.Link, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m := s.newMatcher(f)
	entries := make([]*actorEntry, 0, len(frontier))
	size := 0
	for _, id := range frontier {
		if e := s.actors[id]; e != nil {
			entries = append(entries, e)
			size += len(e.nbrs)
		}
	}
	out := make([]graph.Link, 0, size)
	for _, e := range entries {
		for _, nb := range e.nbrs {
			n := 0
			for _, ec := range s.claimsOfPair(nb.pair) {
				if m.match(ec) {
					n++
				}
			}
			if n > 0 {
				o := s.byIndex[nb.other()]
				out = append(out, graph.Link{From: e.actor.ID, To: o.actor.ID, ToKind: o.actor.Kind, Claims: n})
			}
		}
	}
	return out, nil
}

// ShortestPaths returns the shortest paths between q.From and q.To as
// graph.FindShortestPaths defines, each step with its matching claims in
// either direction sorted by ID. A malformed query (From == To included)
// wraps graph.ErrInvalid; an unknown end wraps graph.ErrNotFound; no path is
// an empty slice.
func (s *Store) ShortestPaths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("memstore: paths from %q to %q: %w", q.From, q.To, err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, fmt.Sprintf("paths from %q to %q", q.From, q.To)); err != nil {
		return nil, err
	}
	for _, id := range []string{q.From, q.To} {
		if _, ok := s.actors[id]; !ok {
			return nil, fmt.Errorf("memstore: paths: %w", graph.NotFound("actor", id))
		}
	}
	idPaths, err := graph.FindShortestPaths(ctx, q, s.links)
	if err != nil {
		return nil, fmt.Errorf("memstore: paths from %q to %q: %w", q.From, q.To, err)
	}
	m := s.newMatcher(q.Filter)
	paths := make([]graph.Path, 0, len(idPaths))
	for _, ids := range idPaths {
		var p graph.Path
		for i, id := range ids {
			e := s.actors[id]
			p.Nodes = append(p.Nodes, e.copyActor())
			if i == 0 {
				continue
			}
			prev := s.actors[ids[i-1]]
			var found []edgeClaim
			if pi, ok := s.pairOfActors(prev.index, e.index); ok {
				for _, ec := range s.claimsOfPair(pi) {
					if m.match(ec) {
						found = append(found, ec)
					}
				}
			}
			p.Steps = append(p.Steps, graph.Step{From: prev.actor.ID, To: id, Claims: s.sortedClaims(found, len(found))})
		}
		paths = append(paths, p)
	}
	return paths, nil
}
