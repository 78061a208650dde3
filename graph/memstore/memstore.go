// Package memstore is Rawabit's embedded graph store: everything in memory,
// nothing to install. It is the default store and the reference
// implementation of graph.Store that graph/storetest checks.
//
// A Store is safe for concurrent use: readers share a read lock and a writer
// holds the write lock for the whole of one LoadArticle or DeleteArticle, so
// a reader sees an article either entirely or not at all.
//
// The indexes are built for neighbourhood queries on large graphs. Actors
// are numbered; every actor keeps its neighbours sorted by degree class
// and number, each with the pair's number of claims, and every pair of
// actors keeps references to the claims between them (in either
// direction) with their article's day and an interned meta (confidence,
// extractor, rule, type, certainty). Expanding an actor costs one pass
// over its neighbours and reads no claim unless a filter asks; the claims
// among a set of actors are found by scanning, for each actor, only the
// neighbours that rank above it in degree class. Claims are stored once,
// in their article, as fixed-size records; the claims a query returns are
// rebuilt from them without copying any text. Large indexes hold numbers
// rather than pointers, which keeps garbage collection cheap with millions
// of claims in memory.
//
// Neighbourhoods are expanded over actor numbers exactly as
// graph.ExpandNeighbourhood defines (a test compares the two); paths are
// computed by graph.FindShortestPaths, and search finds candidate names
// through a suffix array over the normalised names and ranks them with
// arabic.MatchScore, so the answers are those of every other store.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// Store is the in-memory graph.Store. The zero value is not usable; call New.
type Store struct {
	mu      sync.RWMutex
	closed  bool
	actors  map[string]*actorEntry
	byIndex []*actorEntry
	// actorIDs[i] is byIndex[i].actor.ID, kept flat for building claims.
	actorIDs []string
	articles map[string]int32
	// bySlot holds the stored articles; a deleted article's slot is nil
	// until a new article reuses it. hot holds, by slot, what rebuilding a
	// claim needs of its article, in one flat array, so that it costs one
	// memory load rather than a chain of them.
	bySlot    []*articleEntry
	hot       []articleHot
	freeSlots []int32
	pairList  []pair
	freePairs []int32
	// multis holds the claims of the pairs with more than one; freeMultis
	// the unused positions.
	multis     [][]edgeClaim
	freeMultis []int32
	// extractors interns Claim.Extractor and Claim.Rule values.
	extractors   []string
	extractorIDs map[string]uint32
	metas        []claimMeta
	metaIDs      map[claimMeta]uint32
	nClaims      int

	// search is the name index, rebuilt lazily by the first search after a
	// write changed a name; searchMu serialises the rebuild among readers.
	search   atomic.Pointer[searchIndex]
	searchMu sync.Mutex

	marks sync.Pool // *[]uint64 bitsets over actor indexes

	// rankIdx orders the actors by id (neighbourhood.go), rebuilt lazily by
	// the first traversal after a new actor; rankMu serialises the rebuild.
	rankIdx     atomic.Pointer[rankIndex]
	rankMu      sync.Mutex
	scratchPool sync.Pool // *scratch

	// review is the state of review mode (review.go).
	review reviewState
}

// The indexes below hold numbers rather than pointers wherever they are
// large (claims, pairs, neighbour lists), so that the garbage collector has
// little to scan in a store of millions of claims.

type actorEntry struct {
	actor graph.Actor
	index int32
	// names are the normalised Name, NameAr and Aliases, in that order.
	names []string
	// articles counts the articles that mention the actor.
	articles int
	// nbrs are sorted by order (see nbr.order); class is the actor's degree
	// class, bits.Len of the most neighbours it has had.
	nbrs  []nbr
	class uint8
}

// nbr is one neighbour of an actor: the pair (index into pairList), the
// other actor's index and its degree class, and the pair's number of claims
// (manyClaims when it does not fit), so that ranking neighbours by claims
// reads no pair.
type nbr struct {
	pair, other int32
	n           uint16
	class       uint8
}

// manyClaims in nbr.n means: read the number of claims from the pair.
const manyClaims = math.MaxUint16

// claims returns the number of claims of the pair.
func (s *Store) claimsOf(n nbr) int32 {
	if n.n == manyClaims {
		return s.pairList[n.pair].n
	}
	return int32(n.n)
}

// syncCount copies the number of claims of pair p into its two nbr entries.
func (s *Store) syncCount(p *pair) {
	n := uint16(min(p.n, manyClaims))
	lo, hi := s.byIndex[p.lo], s.byIndex[p.hi]
	lo.nbrs[lo.nbrAt(hi.index, hi.class)].n = n
	hi.nbrs[hi.nbrAt(lo.index, lo.class)].n = n
}

// order ranks actors by degree class, then index: a total order in which
// the neighbours of an actor that rank above it are few (at most a few
// times the square root of the number of pairs), so that the pairs among a
// set of actors are found by scanning, for each actor, only the neighbours
// that rank above it (see induced).
func order(class uint8, index int32) uint64 {
	return uint64(class)<<32 | uint64(uint32(index))
}

func (n nbr) order() uint64 { return order(n.class, n.other) }

// degreeClass is the class of an actor with n neighbours: 0 below 16, then
// one more each time the neighbours quadruple, so that an actor changes
// class rarely and most never do.
func degreeClass(n int) uint8 {
	return uint8(max(0, bits.Len(uint(n))-3) / 2)
}

// searchNbrs returns the position of the first of ns ranking at or above k.
func searchNbrs(ns []nbr, k uint64) int {
	lo, hi := 0, len(ns)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ns[m].order() < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// above returns the position of the first neighbour of e that ranks above e.
func (e *actorEntry) above() int {
	return searchNbrs(e.nbrs, order(e.class, e.index)+1)
}

// nbrAt returns the position of the neighbour other of class class in e.nbrs.
func (e *actorEntry) nbrAt(other int32, class uint8) int {
	i := searchNbrs(e.nbrs, order(class, other))
	if i == len(e.nbrs) || e.nbrs[i].other != other {
		panic(fmt.Sprintf("memstore: actor %d is not a neighbour of actor %d", other, e.index))
	}
	return i
}

// addNbr inserts n into e.nbrs in order.
func (e *actorEntry) addNbr(n nbr) {
	e.nbrs = slices.Insert(e.nbrs, searchNbrs(e.nbrs, n.order()), n)
}

// articleHot is an article's id, text and claims (articleEntry.claims).
type articleHot struct {
	id, text string
	claims   []claimRec
}

type articleEntry struct {
	article graph.Article
	// claims are sorted by Start then ID.
	claims   []claimRec
	mentions []mentionRec
}

// idLen is the length of a claim id: graph.ClaimID's 16 hex digits, which
// Document.Validate enforces.
const idLen = 16

type claimRec struct {
	key        uint64 // idKey of the id
	src, dst   int32  // actor indexes
	start, end int32
	meta       uint32 // index in Store.metas
}

// claimMeta is what many claims share: their confidence, extractor, rule,
// type and certainty, kept once in Store.metas. The bits of an edgeClaim's
// meta also say whether the claim's source is the pair's lo actor.
type claimMeta struct {
	confidence float64
	extractor  uint32 // index in Store.extractors
	rule       uint32 // index in Store.extractors of Claim.Rule
	bits       uint8  // typeBit | certaintyBit (| fromLo)
}

// internMeta returns the index of m in s.metas, adding it if needed.
func (s *Store) internMeta(m claimMeta) uint32 {
	if id, ok := s.metaIDs[m]; ok {
		return id
	}
	id := uint32(len(s.metas))
	s.metas = append(s.metas, m)
	s.metaIDs[m] = id
	return id
}

type mentionRec struct {
	actor int32
	count int32
}

// pairOfActors returns the index in pairList of the pair of actors a and b,
// found in the neighbours of the one with fewer.
func (s *Store) pairOfActors(a, b int32) (int32, bool) {
	ea, eb := s.byIndex[a], s.byIndex[b]
	if len(ea.nbrs) > len(eb.nbrs) {
		ea, eb = eb, ea
	}
	i, ok := slices.BinarySearchFunc(ea.nbrs, order(eb.class, eb.index), func(n nbr, k uint64) int { return cmp.Compare(n.order(), k) })
	if !ok {
		return 0, false
	}
	return ea.nbrs[i].pair, true
}

// pair holds the claims between two actors; lo has the smaller index. Most
// pairs have one claim, kept inline; the claims of a pair with more are in
// Store.multis.
type pair struct {
	lo, hi int32
	n      int32 // number of claims
	multi  int32 // index in Store.multis when n > 1
	one    [1]edgeClaim
}

// claimsOfPair returns the claims of pair pi. The slice may point into the
// pair, so it is valid only while the store's lock is held and pairList
// unchanged.
func (s *Store) claimsOfPair(pi int32) []edgeClaim {
	p := &s.pairList[pi]
	if p.n == 1 {
		return p.one[:]
	}
	if p.n == 0 {
		return nil
	}
	return s.multis[p.multi]
}

func (s *Store) addToPair(p *pair, ec edgeClaim) {
	switch p.n {
	case 0:
		p.one[0] = ec
	case 1:
		if n := len(s.freeMultis); n > 0 {
			p.multi = s.freeMultis[n-1]
			s.freeMultis = s.freeMultis[:n-1]
		} else {
			p.multi = int32(len(s.multis))
			s.multis = append(s.multis, nil)
		}
		s.multis[p.multi] = []edgeClaim{p.one[0], ec}
		p.one[0] = edgeClaim{}
	default:
		s.multis[p.multi] = append(s.multis[p.multi], ec)
	}
	p.n++
}

// removeFromPair removes the claim at position j of the pair's claims.
func (s *Store) removeFromPair(p *pair, j int) {
	switch p.n {
	case 1:
		p.one[0] = edgeClaim{}
	case 2:
		p.one[0] = s.multis[p.multi][1-j]
		s.multis[p.multi] = nil
		s.freeMultis = append(s.freeMultis, p.multi)
		p.multi = 0
	default:
		many := s.multis[p.multi]
		last := len(many) - 1
		many[j] = many[last]
		s.multis[p.multi] = many[:last]
	}
	p.n--
}

// edgeClaim is a claim of a pair with the fields that filters test kept
// inline.
type edgeClaim struct {
	slot, idx int32  // article slot and position in its claims
	day       int32  // the article's day (dayNumber), for date ranges
	meta      uint32 // index in Store.metas, with fromLo in its bits
}

// noDay is the day of an undated article's claims.
const noDay = math.MinInt32

// dayNumber numbers a day (days since 1970-01-01); the zero time is noDay.
func dayNumber(t time.Time) int32 {
	if t.IsZero() {
		return noDay
	}
	return int32(graph.Day(t).Unix() / 86400)
}

// fromLo marks a claim whose source is the pair's lo actor.
const fromLo = 64

// New returns an empty store.
func New() *Store {
	return &Store{
		actors:       map[string]*actorEntry{},
		articles:     map[string]int32{},
		extractorIDs: map[string]uint32{},
		metaIDs:      map[claimMeta]uint32{},
	}
}

// Close makes every later call fail with graph.ErrUnavailable and releases
// the data. It never fails.
func (s *Store) Close(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.actors, s.byIndex, s.actorIDs, s.articles, s.bySlot, s.hot = nil, nil, nil, nil, nil, nil
	s.pairList, s.multis, s.metas = nil, nil, nil
	s.search.Store(nil)
	s.rankIdx.Store(nil)
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
	// The store keeps its own copy of the text, of its exact size, rather
	// than the caller's, which may be part of a larger buffer; a reload of
	// the same text (review) keeps the copy it has.
	art := doc.Article
	if slot, ok := s.articles[art.ID]; ok {
		if old := s.bySlot[slot].article.Text; old == art.Text {
			art.Text = old
		} else {
			art.Text = strings.Clone(art.Text)
		}
		s.unlink(slot)
	} else {
		art.Text = strings.Clone(art.Text)
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
	claims := slices.Clone(doc.Claims)
	slices.SortFunc(claims, func(a, b graph.Claim) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.ID, b.ID))
	})
	e := &articleEntry{
		article:  art,
		claims:   make([]claimRec, len(claims)),
		mentions: make([]mentionRec, len(doc.Mentions)),
	}
	for i, c := range claims {
		if len(c.ID) != idLen {
			panic(fmt.Sprintf("memstore: claim id %q passed validation but is not %d bytes", c.ID, idLen))
		}
		e.claims[i] = claimRec{
			key:   idKey(c.ID),
			src:   s.actors[c.Source].index,
			dst:   s.actors[c.Target].index,
			start: int32(c.Start),
			end:   int32(c.End),
			meta: s.internMeta(claimMeta{
				confidence: c.Confidence,
				extractor:  s.internExtractor(c.Extractor),
				rule:       s.internExtractor(c.Rule),
				bits:       typeBit(c.Type) | certaintyBit(c.Certainty),
			}),
		}
	}
	for i, m := range doc.Mentions {
		a := s.actors[m.Actor]
		e.mentions[i] = mentionRec{actor: a.index, count: int32(m.Count)}
		a.articles++
	}
	var slot int32
	if n := len(s.freeSlots); n > 0 {
		slot = s.freeSlots[n-1]
		s.freeSlots = s.freeSlots[:n-1]
		s.bySlot[slot] = e
		s.hot[slot] = articleHot{id: art.ID, text: art.Text, claims: e.claims}
	} else {
		slot = int32(len(s.bySlot))
		s.bySlot = append(s.bySlot, e)
		s.hot = append(s.hot, articleHot{id: art.ID, text: art.Text, claims: e.claims})
	}
	s.articles[doc.Article.ID] = slot
	day := dayNumber(doc.Article.Published)
	for i := range e.claims {
		r := &e.claims[i]
		pi := s.pairOf(r.src, r.dst)
		p := &s.pairList[pi]
		meta := r.meta
		if p.lo == r.src {
			m := s.metas[meta]
			m.bits |= fromLo
			meta = s.internMeta(m)
		}
		s.addToPair(p, edgeClaim{slot: slot, idx: int32(i), day: day, meta: meta})
		if p.n > 1 {
			s.syncCount(p)
		}
	}
	s.nClaims += len(e.claims)
}

// pairOf returns the index of the pair of actors a and b, creating it if
// needed. The caller holds the write lock.
func (s *Store) pairOf(a, b int32) int32 {
	if pi, ok := s.pairOfActors(a, b); ok {
		return pi
	}
	lo, hi := s.byIndex[min(a, b)], s.byIndex[max(a, b)]
	p := pair{lo: lo.index, hi: hi.index}
	var pi int32
	if n := len(s.freePairs); n > 0 {
		pi = s.freePairs[n-1]
		s.freePairs = s.freePairs[:n-1]
		s.pairList[pi] = p
	} else {
		pi = int32(len(s.pairList))
		s.pairList = append(s.pairList, p)
	}
	// The pair gets its first claim next: its count is 1 from the start.
	lo.addNbr(nbr{pair: pi, other: hi.index, class: hi.class, n: 1})
	hi.addNbr(nbr{pair: pi, other: lo.index, class: lo.class, n: 1})
	s.promote(lo)
	s.promote(hi)
	return pi
}

// promote raises e's degree class when its neighbours outgrow it, and moves
// e to its new place among the neighbours of each of its neighbours.
// Classes never go down, so each actor moves at most once per doubling of
// its neighbours.
func (s *Store) promote(e *actorEntry) {
	c := degreeClass(len(e.nbrs))
	if c <= e.class {
		return
	}
	for _, n := range e.nbrs {
		o := s.byIndex[n.other]
		i := o.nbrAt(e.index, e.class)
		moved := o.nbrs[i]
		moved.class = c
		// The entry moves up to just below the first that ranks above its
		// new place.
		j := searchNbrs(o.nbrs, moved.order()) - 1
		copy(o.nbrs[i:j], o.nbrs[i+1:j+1])
		o.nbrs[j] = moved
	}
	e.class = c
}

func (s *Store) internExtractor(name string) uint32 {
	if id, ok := s.extractorIDs[name]; ok {
		return id
	}
	id := uint32(len(s.extractors))
	s.extractors = append(s.extractors, name)
	s.extractorIDs[name] = id
	return id
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
	s.actorIDs = append(s.actorIDs, a.ID)
	s.rankIdx.Store(nil)
	return true
}

func sameActor(a, b graph.Actor) bool {
	return a.ID == b.ID && a.Name == b.Name && a.NameAr == b.NameAr && a.Kind == b.Kind &&
		a.Affiliation == b.Affiliation && slices.Equal(a.Aliases, b.Aliases)
}

// unlink removes the article in slot with its claims and mentions from the
// indexes. The caller holds the write lock.
func (s *Store) unlink(slot int32) {
	e := s.bySlot[slot]
	for i := range e.claims {
		r := &e.claims[i]
		pi, _ := s.pairOfActors(r.src, r.dst)
		p := &s.pairList[pi]
		s.removeFromPair(p, slices.IndexFunc(s.claimsOfPair(pi), func(ec edgeClaim) bool { return ec.slot == slot && ec.idx == int32(i) }))
		if p.n == 0 {
			lo, hi := s.byIndex[p.lo], s.byIndex[p.hi]
			i := lo.nbrAt(hi.index, hi.class)
			lo.nbrs = slices.Delete(lo.nbrs, i, i+1)
			i = hi.nbrAt(lo.index, lo.class)
			hi.nbrs = slices.Delete(hi.nbrs, i, i+1)
			*p = pair{}
			s.freePairs = append(s.freePairs, pi)
		} else {
			s.syncCount(p)
		}
	}
	for _, m := range e.mentions {
		s.byIndex[m.actor].articles--
	}
	s.nClaims -= len(e.claims)
	delete(s.articles, e.article.ID)
	s.bySlot[slot] = nil
	s.hot[slot] = articleHot{}
	s.freeSlots = append(s.freeSlots, slot)
}

// claim rebuilds the claim at position i of the article in slot. Its
// strings share the store's memory but for its id, rebuilt from its key.
func (s *Store) claim(slot, i int32) graph.Claim {
	var b [idLen]byte
	return s.claimAs(slot, i, string(appendID(b[:0], s.bySlot[slot].claims[i].key)))
}

// claimAs is claim with the id already built.
func (s *Store) claimAs(slot, i int32, id string) graph.Claim {
	h := &s.hot[slot]
	return s.claimOf(h, &h.claims[i], id)
}

// claimOf builds the claim of record r of article e.
func (s *Store) claimOf(h *articleHot, r *claimRec, id string) graph.Claim {
	mt := &s.metas[r.meta]
	return graph.Claim{
		ID:         id,
		Type:       typeOf(mt.bits),
		Source:     s.actorIDs[r.src],
		Target:     s.actorIDs[r.dst],
		Article:    h.id,
		Quote:      h.text[r.start:r.end],
		Start:      int(r.start),
		End:        int(r.end),
		Certainty:  certaintyOf(mt.bits),
		Confidence: mt.confidence,
		Extractor:  s.extractors[mt.extractor],
		Rule:       s.extractors[mt.rule],
	}
}

// DeleteArticle removes an article with its claims and mentions; its actors
// stay. An unknown id is an error wrapping graph.ErrNotFound.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, fmt.Sprintf("delete article %q", id)); err != nil {
		return err
	}
	slot, ok := s.articles[id]
	if !ok {
		return fmt.Errorf("memstore: delete: %w", graph.NotFound("article", id))
	}
	s.unlink(slot)
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
		isLo := n.other > e.index
		for _, ec := range s.claimsOfPair(n.pair) {
			bits := s.metas[ec.meta].bits
			if (bits&fromLo != 0) == isLo {
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
	return s.bySlot[slot].article, nil
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
	out := make([]graph.Claim, len(s.bySlot[slot].claims))
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

// sortedClaims rebuilds claims sorted by ID, at most limit of them.
func (s *Store) sortedClaims(cs []edgeClaim, limit int) []graph.Claim {
	// Claims live in their articles, scattered in memory: first gather
	// their records, whose loads are independent and overlap, then sort
	// and build.
	refs := make([]claimRef, len(cs))
	for i, ec := range cs {
		r := &s.hot[ec.slot].claims[ec.idx]
		refs[i] = claimRef{key: r.key, rec: r, slot: ec.slot}
	}
	refs = sortByKey(refs)
	if len(refs) > limit {
		refs = refs[:limit]
	}
	buf := make([]byte, 0, idLen*len(refs))
	for _, r := range refs {
		buf = appendID(buf, r.key)
	}
	ids := string(buf)
	out := make([]graph.Claim, len(refs))
	for i, r := range refs {
		out[i] = s.claimOf(&s.hot[r.slot], r.rec, ids[i*idLen:(i+1)*idLen])
	}
	return out
}

// claimRef is a claim being sorted by its key.
type claimRef struct {
	key  uint64
	rec  *claimRec
	slot int32
}

// sortByKey returns cs sorted by key, that is by claim id, in a new slice
// or in cs. Keys are the leading bits of a SHA-256, evenly spread, so a
// distribution on their top bits leaves buckets of one or two claims that an
// insertion sort finishes.
func sortByKey(cs []claimRef) []claimRef {
	if len(cs) < 64 {
		slices.SortFunc(cs, func(a, b claimRef) int { return cmp.Compare(a.key, b.key) })
		return cs
	}
	shift := 64 - bits.Len(uint(len(cs)))
	starts := make([]int32, 1<<(64-shift)+1)
	for _, c := range cs {
		starts[c.key>>shift+1]++
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	out := make([]claimRef, len(cs))
	for _, c := range cs {
		b := c.key >> shift
		out[starts[b]] = c
		starts[b]++
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].key < out[j-1].key; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// appendID appends the claim id whose key is k: its 16 lower-case hex
// digits.
func appendID(b []byte, k uint64) []byte {
	const digits = "0123456789abcdef"
	for shift := 60; shift >= 0; shift -= 4 {
		b = append(b, digits[k>>shift&15])
	}
	return b
}

// idKey maps a claim id to a number in the same order as the ids:
// Document.Validate makes every id ClaimID's 16 lower-case hex digits,
// whose value orders like their text, so equal keys are equal ids.
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
	entries := make([]*actorEntry, 0, len(ids))
	for _, id := range ids {
		e, ok := s.actors[id]
		if !ok {
			return graph.Subgraph{}, fmt.Errorf("memstore: subgraph: %w", graph.NotFound("actor", id))
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
	m := s.newMatcher(f)
	marks := s.getMarks()
	defer s.putMarks(marks, entries)
	for _, e := range entries {
		(*marks)[e.index/64] |= 1 << (e.index % 64)
	}
	var found []edgeClaim
	for _, e := range entries {
		// Each pair is found once, from the actor that ranks lower.
		for _, n := range e.nbrs[e.above():] {
			if (*marks)[n.other/64]&(1<<(n.other%64)) == 0 {
				continue
			}
			for _, ec := range s.claimsOfPair(n.pair) {
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
	sg.Claims = s.sortedClaims(found, len(found))
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
				o := s.byIndex[nb.other]
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

// matcher is graph.Filter.MatchClaim and MatchDate over claim metas and
// days.
type matcher struct {
	metas         []claimMeta
	mask          uint8
	minConfidence float64
	dated         bool
	since, until  int32
}

// newMatcher returns the matcher of f. The caller holds the lock.
func (s *Store) newMatcher(f graph.Filter) matcher {
	m := matcher{metas: s.metas, mask: fromLo, minConfidence: f.MinConfidence, dated: f.Dated(), since: math.MinInt32 + 1, until: math.MaxInt32}
	if !f.Since.IsZero() {
		m.since = dayNumber(f.Since)
	}
	if !f.Until.IsZero() {
		m.until = dayNumber(f.Until)
	}
	for _, t := range f.TypesOrAll() {
		m.mask |= typeBit(t)
	}
	for _, c := range f.CertaintiesOrAll() {
		m.mask |= certaintyBit(c)
	}
	return m
}

// all reports whether the matcher keeps every claim (an empty filter).
func (m matcher) all() bool {
	return m.mask == fromLo|1|2|4|8|16|32 && m.minConfidence <= 0 && !m.dated
}

func (m matcher) match(ec edgeClaim) bool {
	return m.matchMeta(ec.meta, ec.day)
}

// matchMeta matches a claim by its meta and its article's day.
func (m matcher) matchMeta(meta uint32, day int32) bool {
	mt := &m.metas[meta]
	return mt.bits&m.mask == mt.bits && mt.confidence >= m.minConfidence &&
		(!m.dated || (day != noDay && day >= m.since && day <= m.until))
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

func typeOf(bits uint8) graph.RelationType {
	switch {
	case bits&1 != 0:
		return graph.Met
	case bits&2 != 0:
		return graph.Supported
	}
	return graph.Opposed
}

func certaintyOf(bits uint8) graph.Certainty {
	switch {
	case bits&8 != 0:
		return graph.Asserted
	case bits&16 != 0:
		return graph.Reported
	}
	return graph.Alleged
}
