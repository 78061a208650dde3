// Package memstore is Rawabit's embedded graph store: everything in memory,
// nothing to install. It is the default store and the reference
// implementation of graph.Store that graph/storetest checks.
//
// A Store is safe for concurrent use: readers share a read lock and a writer
// holds the write lock for the whole of one LoadArticle or DeleteArticle, so
// a reader sees an article either entirely or not at all.
//
// The indexes are built for neighbourhood queries on large graphs: every
// actor keeps a slice of its neighbour pairs, and every pair keeps the slice
// of claims between its two actors (in either direction), so expanding an
// actor costs one pass over its neighbours.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// Store is the in-memory graph.Store. The zero value is not usable; call New.
type Store struct {
	mu       sync.RWMutex
	closed   bool
	actors   map[string]*actorEntry
	byIndex  []*actorEntry
	articles map[string]*articleEntry
	pairs    map[pairKey]*pair
	nClaims  int

	// search is the name index, rebuilt lazily by the first search after a
	// write changed a name; searchMu serialises the rebuild among readers.
	search   atomic.Pointer[searchIndex]
	searchMu sync.Mutex

	marks sync.Pool // *[]uint64 bitsets over actor indexes
}

type actorEntry struct {
	actor graph.Actor
	index int32
	// names are the normalised Name, NameAr and Aliases, in that order.
	names []string
	// articles counts the articles that mention the actor.
	articles int
	nbrs     []nbr
}

// nbr is one neighbour of an actor: the pair and the other actor's index,
// kept inline so that scans over neighbours touch no pair they skip.
type nbr struct {
	p     *pair
	other int32
}

type articleEntry struct {
	article graph.Article
	// claims are sorted by Start then ID; pairs point into this slice, which
	// is never modified once stored.
	claims   []graph.Claim
	mentions []graph.Mention
}

type pairKey uint64

func keyOf(a, b *actorEntry) pairKey {
	lo, hi := a.index, b.index
	if lo > hi {
		lo, hi = hi, lo
	}
	return pairKey(uint64(uint32(lo))<<32 | uint64(uint32(hi)))
}

// pair holds the claims between two actors; lo has the smaller index.
type pair struct {
	lo, hi       *actorEntry
	posLo, posHi int // positions in lo.nbrs and hi.nbrs
	claims       []edgeClaim
}

// edgeClaim is a claim with the fields that filters test kept inline.
type edgeClaim struct {
	c          *graph.Claim
	key        uint64 // idKey(c.ID)
	bits       uint8  // typeBit | certaintyBit
	confidence float64
}

// New returns an empty store.
func New() *Store {
	return &Store{
		actors:   map[string]*actorEntry{},
		articles: map[string]*articleEntry{},
		pairs:    map[pairKey]*pair{},
	}
}

// Close makes every later call fail with graph.ErrUnavailable and releases
// the data. It never fails.
func (s *Store) Close(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.actors, s.byIndex, s.articles, s.pairs = nil, nil, nil, nil
	s.search.Store(nil)
	return nil
}

func (s *Store) check(ctx context.Context, op string) error {
	if s.closed {
		return fmt.Errorf("memstore: %s: %w: store is closed", op, graph.ErrUnavailable)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("memstore: %s: %w", op, err)
	}
	return nil
}

// LoadArticle stores doc after doc.Validate, replacing the claims and
// mentions of any earlier version of the article, as graph.Writer
// specifies. An invalid document is an error wrapping graph.ErrInvalid and
// leaves the store unchanged.
func (s *Store) LoadArticle(ctx context.Context, doc graph.Document) error {
	if err := doc.Validate(); err != nil {
		return fmt.Errorf("memstore: load article %q: %w", doc.Article.ID, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, fmt.Sprintf("load article %q", doc.Article.ID)); err != nil {
		return err
	}
	s.load(doc)
	return nil
}

// LoadArticles validates every document first and, if all are valid, stores
// them in order under one write lock, as successive LoadArticle calls would.
// It is the fast path for large corpora and synthetic graphs. If any
// document is invalid it returns an error wrapping graph.ErrInvalid that
// names the document, and stores nothing.
func (s *Store) LoadArticles(ctx context.Context, docs []graph.Document) error {
	for i, d := range docs {
		if err := d.Validate(); err != nil {
			return fmt.Errorf("memstore: load articles: document %d (%q): %w", i, d.Article.ID, err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, "load articles"); err != nil {
		return err
	}
	for _, d := range docs {
		s.load(d)
	}
	return nil
}

// load stores a valid document. The caller holds the write lock.
func (s *Store) load(doc graph.Document) {
	if old, ok := s.articles[doc.Article.ID]; ok {
		s.unlink(old)
	}
	namesChanged := false
	for _, a := range doc.Actors {
		if s.upsertActor(a) {
			namesChanged = true
		}
	}
	if namesChanged {
		s.search.Store(nil)
	}
	e := &articleEntry{
		article:  doc.Article,
		claims:   slices.Clone(doc.Claims),
		mentions: slices.Clone(doc.Mentions),
	}
	slices.SortFunc(e.claims, func(a, b graph.Claim) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.ID, b.ID))
	})
	for i := range e.claims {
		c := &e.claims[i]
		src, dst := s.actors[c.Source], s.actors[c.Target]
		k := keyOf(src, dst)
		p := s.pairs[k]
		if p == nil {
			lo, hi := src, dst
			if lo.index > hi.index {
				lo, hi = hi, lo
			}
			p = &pair{lo: lo, hi: hi, posLo: len(lo.nbrs), posHi: len(hi.nbrs)}
			lo.nbrs = append(lo.nbrs, nbr{p, hi.index})
			hi.nbrs = append(hi.nbrs, nbr{p, lo.index})
			s.pairs[k] = p
		}
		p.claims = append(p.claims, edgeClaim{c: c, key: idKey(c.ID), bits: typeBit(c.Type) | certaintyBit(c.Certainty), confidence: c.Confidence})
	}
	for _, m := range e.mentions {
		s.actors[m.Actor].articles++
	}
	s.nClaims += len(e.claims)
	s.articles[doc.Article.ID] = e
}

// upsertActor stores a and reports whether its searchable names changed.
func (s *Store) upsertActor(a graph.Actor) bool {
	if e, ok := s.actors[a.ID]; ok && sameActor(e.actor, a) {
		return false
	}
	a.Aliases = slices.Clone(a.Aliases)
	names := make([]string, 0, 2+len(a.Aliases))
	names = append(names, arabic.Normalize(a.Name), arabic.Normalize(a.NameAr))
	for _, al := range a.Aliases {
		names = append(names, arabic.Normalize(al))
	}
	if e, ok := s.actors[a.ID]; ok {
		changed := !slices.Equal(e.names, names) || e.actor.Kind != a.Kind
		e.actor, e.names = a, names
		return changed
	}
	e := &actorEntry{actor: a, index: int32(len(s.byIndex)), names: names}
	s.actors[a.ID] = e
	s.byIndex = append(s.byIndex, e)
	return true
}

func sameActor(a, b graph.Actor) bool {
	return a.ID == b.ID && a.Name == b.Name && a.NameAr == b.NameAr && a.Kind == b.Kind &&
		a.Affiliation == b.Affiliation && slices.Equal(a.Aliases, b.Aliases)
}

// unlink removes an article's claims and mentions from the indexes and the
// article itself. The caller holds the write lock.
func (s *Store) unlink(e *articleEntry) {
	for i := range e.claims {
		c := &e.claims[i]
		src, dst := s.actors[c.Source], s.actors[c.Target]
		k := keyOf(src, dst)
		p := s.pairs[k]
		j := slices.IndexFunc(p.claims, func(ec edgeClaim) bool { return ec.c == c })
		last := len(p.claims) - 1
		p.claims[j] = p.claims[last]
		p.claims[last] = edgeClaim{}
		p.claims = p.claims[:last]
		if len(p.claims) == 0 {
			removeNbr(p.lo, p.posLo)
			removeNbr(p.hi, p.posHi)
			delete(s.pairs, k)
		}
	}
	for _, m := range e.mentions {
		s.actors[m.Actor].articles--
	}
	s.nClaims -= len(e.claims)
	delete(s.articles, e.article.ID)
}

// removeNbr removes the pair at position i of a's neighbours by moving the
// last one into its place.
func removeNbr(a *actorEntry, i int) {
	last := len(a.nbrs) - 1
	moved := a.nbrs[last]
	a.nbrs[i] = moved
	if moved.p.lo == a {
		moved.p.posLo = i
	} else {
		moved.p.posHi = i
	}
	a.nbrs[last] = nbr{}
	a.nbrs = a.nbrs[:last]
}

// DeleteArticle removes an article with its claims and mentions; its actors
// stay. An unknown id is an error wrapping graph.ErrNotFound.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, fmt.Sprintf("delete article %q", id)); err != nil {
		return err
	}
	e, ok := s.articles[id]
	if !ok {
		return fmt.Errorf("memstore: delete article %q: %w", id, graph.ErrNotFound)
	}
	s.unlink(e)
	return nil
}

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
		return graph.Actor{}, fmt.Errorf("memstore: actor %q: %w", id, graph.ErrNotFound)
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
		return graph.ActorStats{}, fmt.Errorf("memstore: actor stats %q: %w", id, graph.ErrNotFound)
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
		for _, ec := range n.p.claims {
			if ec.c.Source == id {
				st.Outgoing[ec.c.Type]++
			} else {
				st.Incoming[ec.c.Type]++
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
	e, ok := s.articles[id]
	if !ok {
		return graph.Article{}, fmt.Errorf("memstore: article %q: %w", id, graph.ErrNotFound)
	}
	return e.article, nil
}

// ArticleClaims returns the claims of an article sorted by Start then ID, or
// an error wrapping graph.ErrNotFound for an unknown article.
func (s *Store) ArticleClaims(ctx context.Context, id string) ([]graph.Claim, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, fmt.Sprintf("article claims %q", id)); err != nil {
		return nil, err
	}
	e, ok := s.articles[id]
	if !ok {
		return nil, fmt.Errorf("memstore: article claims %q: %w", id, graph.ErrNotFound)
	}
	return slices.Clone(e.claims), nil
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
	var src, dst *actorEntry
	for _, id := range []string{q.Source, q.Target} {
		if id == "" {
			continue
		}
		e, ok := s.actors[id]
		if !ok {
			return nil, fmt.Errorf("memstore: claims: actor %q: %w", id, graph.ErrNotFound)
		}
		if id == q.Source {
			src = e
		} else {
			dst = e
		}
	}
	var pairs []*pair
	switch {
	case src != nil && dst != nil:
		if p := s.pairs[keyOf(src, dst)]; p != nil && src != dst {
			pairs = []*pair{p}
		}
	default:
		e := src
		if e == nil {
			e = dst
		}
		for _, n := range e.nbrs {
			pairs = append(pairs, n.p)
		}
	}
	var found []edgeClaim
	for _, p := range pairs {
		for _, ec := range p.claims {
			if q.MatchClaim(*ec.c) {
				found = append(found, ec)
			}
		}
	}
	return sortedClaims(found, q.Limit), nil
}

// sortedClaims copies claims sorted by ID, at most limit of them.
func sortedClaims(cs []edgeClaim, limit int) []graph.Claim {
	slices.SortFunc(cs, func(a, b edgeClaim) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.c.ID, b.c.ID))
	})
	if len(cs) > limit {
		cs = cs[:limit]
	}
	out := make([]graph.Claim, len(cs))
	for i, ec := range cs {
		out[i] = *ec.c
	}
	return out
}

// idKey maps a claim id to a number in the same order as the ids.
// Document.Validate makes every id ClaimID's 16 lower-case hex digits,
// whose value orders like their text; equal keys fall back to the text.
func idKey(id string) uint64 {
	k, err := strconv.ParseUint(id, 16, 64)
	if err != nil {
		return 0
	}
	return k
}

// Subgraph returns the actors ids (deduplicated, sorted by ID) and the
// claims among them matching f, f.Kinds aside. Unknown ids wrap
// graph.ErrNotFound; more than graph.MaxSubgraphIDs ids or a malformed
// filter wrap graph.ErrInvalid.
func (s *Store) Subgraph(ctx context.Context, ids []string, f graph.Filter) (graph.Subgraph, error) {
	if len(ids) > graph.MaxSubgraphIDs {
		return graph.Subgraph{}, fmt.Errorf("memstore: subgraph: %w: %d ids, more than %d", graph.ErrInvalid, len(ids), graph.MaxSubgraphIDs)
	}
	if err := f.Validate(); err != nil {
		return graph.Subgraph{}, fmt.Errorf("memstore: subgraph: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "subgraph"); err != nil {
		return graph.Subgraph{}, err
	}
	entries := make([]*actorEntry, 0, len(ids))
	for _, id := range ids {
		e, ok := s.actors[id]
		if !ok {
			return graph.Subgraph{}, fmt.Errorf("memstore: subgraph: actor %q: %w", id, graph.ErrNotFound)
		}
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b *actorEntry) int { return cmp.Compare(a.actor.ID, b.actor.ID) })
	entries = slices.Compact(entries)
	return s.induced(entries, f), nil
}

// induced builds the subgraph of entries (sorted by ID, distinct) with the
// claims among them matching f. The caller holds the read lock.
func (s *Store) induced(entries []*actorEntry, f graph.Filter) graph.Subgraph {
	m := newMatcher(f)
	marks := s.getMarks()
	defer s.putMarks(marks, entries)
	for _, e := range entries {
		(*marks)[e.index/64] |= 1 << (e.index % 64)
	}
	var found []edgeClaim
	for _, e := range entries {
		for _, n := range e.nbrs {
			if n.other < e.index || (*marks)[n.other/64]&(1<<(n.other%64)) == 0 {
				continue
			}
			for _, ec := range n.p.claims {
				if m.match(ec) {
					found = append(found, ec)
				}
			}
		}
	}
	sg := graph.Subgraph{Nodes: make([]graph.Actor, len(entries))}
	for i, e := range entries {
		sg.Nodes[i] = e.copyActor()
	}
	sg.Claims = sortedClaims(found, len(found))
	return sg
}

func (s *Store) getMarks() *[]uint64 {
	words := (len(s.byIndex) + 63) / 64
	if v, ok := s.marks.Get().(*[]uint64); ok && len(*v) >= words {
		return v
	}
	b := make([]uint64, words)
	return &b
}

func (s *Store) putMarks(marks *[]uint64, entries []*actorEntry) {
	for _, e := range entries {
		(*marks)[e.index/64] = 0
	}
	s.marks.Put(marks)
}

// Neighbourhood returns the actors around q.Center as graph.ExpandNeighbourhood
// defines, with the claims among them matching q.Filter. A malformed query
// wraps graph.ErrInvalid; an unknown centre wraps graph.ErrNotFound.
func (s *Store) Neighbourhood(ctx context.Context, q graph.NeighbourhoodQuery) (graph.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("memstore: neighbourhood of %q: %w", q.Center, err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, fmt.Sprintf("neighbourhood of %q", q.Center)); err != nil {
		return graph.Subgraph{}, err
	}
	if _, ok := s.actors[q.Center]; !ok {
		return graph.Subgraph{}, fmt.Errorf("memstore: neighbourhood: actor %q: %w", q.Center, graph.ErrNotFound)
	}
	ids, omitted, truncated, err := graph.ExpandNeighbourhood(ctx, q, s.links)
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("memstore: neighbourhood of %q: %w", q.Center, err)
	}
	entries := make([]*actorEntry, len(ids))
	for i, id := range ids {
		entries[i] = s.actors[id]
	}
	sg := s.induced(entries, q.Filter)
	sg.Omitted, sg.Truncated = omitted, truncated
	return sg, nil
}

// links is the graph.LinkFunc over the adjacency index. The caller holds the
// read lock.
func (s *Store) links(ctx context.Context, frontier []string, f graph.Filter) ([]graph.Link, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m := newMatcher(f)
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
		id := e.actor.ID
		for _, nb := range e.nbrs {
			n := 0
			for _, ec := range nb.p.claims {
				if m.match(ec) {
					n++
				}
			}
			if n > 0 {
				o := s.byIndex[nb.other]
				out = append(out, graph.Link{From: id, To: o.actor.ID, ToKind: o.actor.Kind, Claims: n})
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
			return nil, fmt.Errorf("memstore: paths: actor %q: %w", id, graph.ErrNotFound)
		}
	}
	idPaths, err := graph.FindShortestPaths(ctx, q, s.links)
	if err != nil {
		return nil, fmt.Errorf("memstore: paths from %q to %q: %w", q.From, q.To, err)
	}
	m := newMatcher(q.Filter)
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
			if pr := s.pairs[keyOf(prev, e)]; pr != nil {
				for _, ec := range pr.claims {
					if m.match(ec) {
						found = append(found, ec)
					}
				}
			}
			p.Steps = append(p.Steps, graph.Step{From: prev.actor.ID, To: id, Claims: sortedClaims(found, len(found))})
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// matcher is graph.Filter.MatchClaim over edgeClaim bits.
type matcher struct {
	mask          uint8
	minConfidence float64
}

func newMatcher(f graph.Filter) matcher {
	var m matcher
	for _, t := range f.TypesOrAll() {
		m.mask |= typeBit(t)
	}
	for _, c := range f.CertaintiesOrAll() {
		m.mask |= certaintyBit(c)
	}
	m.minConfidence = f.MinConfidence
	return m
}

func (m matcher) match(ec edgeClaim) bool {
	return ec.bits&m.mask == ec.bits && ec.confidence >= m.minConfidence
}

func typeBit(t graph.RelationType) uint8 {
	switch t {
	case graph.Met:
		return 1
	case graph.Supported:
		return 2
	case graph.Opposed:
		return 4
	}
	return 0
}

func certaintyBit(c graph.Certainty) uint8 {
	switch c {
	case graph.Asserted:
		return 8
	case graph.Reported:
		return 16
	case graph.Alleged:
		return 32
	}
	return 0
}
