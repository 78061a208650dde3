// Package memstore is Rawabit's embedded graph store: everything in memory,
// nothing to install. It is the default store and the reference
// implementation of graph.Store that graph/storetest checks.
//
// A Store is safe for concurrent use: readers share a read lock and a writer
// holds the write lock for the whole of one LoadArticle or DeleteArticle (or
// one batch of LoadArticles or LoadChecked), so a reader sees an article
// either entirely or not at all.
//
// The indexes are built for neighbourhood queries on large graphs. Actors
// are numbered (at most maxActors); every actor keeps its neighbours in
// 8-byte entries sorted by degree class and number, each naming the pair,
// and every pair keeps its number of claims and where they are (article
// slot and position), the first inline. Expanding an actor costs one pass
// over its neighbours and reads no claim unless a filter asks; the claims
// among a set of actors are found by scanning, for each actor, only the
// neighbours that rank above it in degree class. Claims are stored once,
// in their article, as 28-byte records with an interned meta (confidence,
// extractor, rule, type, certainty); the claims a query returns are rebuilt
// from them without copying any text. Large indexes hold numbers rather
// than pointers, which keeps garbage collection cheap with millions of
// claims in memory. The bulk writers (bulk.go) link a batch's claims in
// one pass and rebuild the neighbour lists it changes once, at exact size.
//
// Neighbourhoods are expanded over actor numbers exactly as
// graph.ExpandNeighbourhood defines (a test compares the two); paths are
// computed by graph.FindShortestPaths, and search finds candidate names
// through a suffix array over the normalised names and ranks them with
// arabic.MatchScore, so the answers are those of every other store.
package memstore

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/nameindex"
)

// The store's files follow its seams: index.go (actor numbers, neighbour
// lists, pairs), claims.go (claim and article records, filters), write.go
// (loading and deleting), read.go (the queries), neighbourhood.go,
// search.go, overview.go and review.go.

var (
	_ graph.Store         = (*Store)(nil)
	_ graph.Reviewer      = (*Store)(nil)
	_ graph.CheckedWriter = (*Store)(nil)
)

// Store is the in-memory graph.Store. The zero value is not usable; call New.
type Store struct {
	mu       sync.RWMutex
	closed   bool
	actors   map[string]*actorEntry
	byIndex  []*actorEntry
	articles map[string]int32
	// bySlot holds the stored articles; a deleted article's slot is nil
	// until a new article reuses it. hot holds, by slot, what rebuilding a
	// claim needs of its article, in one flat array, so that it costs one
	// memory load rather than a chain of them.
	bySlot []*articleEntry
	hot    []articleHot
	// bigMentions holds the counts that a mentionRec cannot, by
	// bigMention.
	bigMentions map[uint64]int32
	freeSlots   []int32
	pairList    []pair
	freePairs   []int32
	// multis holds the claims of the pairs with more than one; freeMultis
	// the unused positions.
	multis     [][]edgeClaim
	freeMultis []int32
	// extractors interns Claim.Extractor and Claim.Rule values, and the
	// articles' sources, languages and date sources.
	extractors   []string
	extractorIDs map[string]uint32
	metas        []claimMeta
	metaIDs      map[claimMeta]uint32
	nClaims      int

	// search is the name index, rebuilt lazily by the first search after a
	// write changed a name; searchMu serialises the rebuild among readers.
	search   atomic.Pointer[nameindex.Index]
	searchMu sync.Mutex

	marks sync.Pool // *[]uint64 bitsets over actor indexes

	// rankIdx orders the actors by id (neighbourhood.go), rebuilt lazily by
	// the first traversal after a new actor; rankMu serialises the rebuild.
	rankIdx     atomic.Pointer[rankIndex]
	rankMu      sync.Mutex
	scratchPool sync.Pool // *scratch

	// packed is the neighbour lists packed for reading (packed.go); every
	// write drops it, the next neighbourhood query packs them again.
	packed *packedAdj

	// review is the state of review mode (review.go).
	review reviewState
}

// New returns an empty store.
func New() *Store {
	return &Store{
		actors:       map[string]*actorEntry{},
		articles:     map[string]int32{},
		extractorIDs: map[string]uint32{},
		bigMentions:  map[uint64]int32{},
		metaIDs:      map[claimMeta]uint32{},
	}
}

// Close makes every later call fail with graph.ErrUnavailable and releases
// the data. It never fails.
func (s *Store) Close(ctx context.Context) error {
	s.lockForWrite()
	defer s.mu.Unlock()
	s.closed = true
	s.actors, s.byIndex, s.articles, s.bySlot, s.hot, s.bigMentions = nil, nil, nil, nil, nil, nil
	s.pairList, s.multis, s.metas = nil, nil, nil
	s.search.Store(nil)
	s.rankIdx.Store(nil)
	return nil
}

// failed reports whether check would fail, without building the name of
// an operation: a query that formats its name only on failure allocates
// nothing for it. The caller holds the lock.
func (s *Store) failed(ctx context.Context) bool {
	return s.closed || ctx.Err() != nil
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
