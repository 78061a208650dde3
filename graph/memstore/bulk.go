package memstore

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/rawabit/rawabit/graph"
)

// The bulk writers: many documents stored under one write lock, their
// claims linked to their pairs in one pass and the neighbour lists they
// change rebuilt once, at their exact size, rather than grown one
// insertion at a time.

// LoadArticles validates every document first (on all cores) and, if all
// are valid, stores them in order under one write lock, as successive
// LoadArticle calls would. It is the fast path for large corpora and
// synthetic graphs. If any document is invalid it returns an error wrapping
// graph.ErrInvalid that names the first invalid document, and stores
// nothing.
func (s *Store) LoadArticles(ctx context.Context, docs []graph.Document) error {
	errs := make([]error, len(docs))
	parallel(len(docs), func(i int) { errs[i] = docs[i].Validate() })
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("memstore: load articles: document %d (%q): %w", i, docs[i].Article.ID, err)
		}
	}
	return s.loadMany(ctx, "load articles", slices.Clone(docs))
}

// LoadChecked stores documents already checked by graph.Document.Check, in
// order, under one write lock, as successive LoadArticle calls would, and
// without validating them again: the bulk path of a loader that checks its
// documents on its own workers. A document that was not checked (the zero
// graph.CheckedDocument) is an error wrapping graph.ErrInvalid, and then
// nothing is stored.
func (s *Store) LoadChecked(ctx context.Context, docs []graph.CheckedDocument) error {
	plain := make([]graph.Document, len(docs))
	for i, c := range docs {
		if !c.Checked() {
			return fmt.Errorf("memstore: load checked: document %d: %w", i, graph.Invalidf("", "document was not checked"))
		}
		plain[i] = c.Document()
	}
	return s.loadMany(ctx, "load checked", plain)
}

// parallel calls f(i) for every i in [0, n) on up to GOMAXPROCS goroutines.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), (n+63)/64)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	per := (n + workers - 1) / workers
	for w := range workers {
		wg.Go(func() {
			for i := w * per; i < min(n, (w+1)*per); i++ {
				f(i)
			}
		})
	}
	wg.Wait()
}

// loadMany stores valid documents in order under the write lock. docs is
// the store's to change: before the lock is taken, the articles' ids,
// titles, URLs and texts are copied into one string of the batch, of its
// exact size (the store keeps its own copy of every text; one string
// rather than four per article saves the rounding of each to an
// allocation size and leaves the collector one object to mark; the memory
// of a replaced or deleted article's strings returns with the last article
// of its batch), and the claims sorted, on all cores.
func (s *Store) loadMany(ctx context.Context, op string, docs []graph.Document) error {
	size := 0
	for _, d := range docs {
		a := &d.Article
		size += len(a.ID) + len(a.Title) + len(a.URL) + len(a.Text)
	}
	var b strings.Builder
	b.Grow(size)
	for _, d := range docs {
		a := &d.Article
		b.WriteString(a.ID)
		b.WriteString(a.Title)
		b.WriteString(a.URL)
		b.WriteString(a.Text)
	}
	texts, at := b.String(), 0
	take := func(f *string) {
		n := len(*f)
		*f, at = texts[at:at+n], at+n
	}
	for i := range docs {
		a := &docs[i].Article
		take(&a.ID)
		take(&a.Title)
		take(&a.URL)
		take(&a.Text)
	}
	parallel(len(docs), func(i int) {
		d := &docs[i]
		if !slices.IsSortedFunc(d.Claims, byStartThenID) {
			d.Claims = slices.Clone(d.Claims)
			slices.SortFunc(d.Claims, byStartThenID)
		}
	})
	s.lockForWrite()
	defer s.mu.Unlock()
	if err := s.check(ctx, op); err != nil {
		return err
	}
	if !s.bulkable(docs) {
		for _, d := range docs {
			// load copies the text; the other strings are copied here, so
			// that none keeps the batch's string alive.
			a := &d.Article
			a.ID, a.Title, a.URL = strings.Clone(a.ID), strings.Clone(a.Title), strings.Clone(a.URL)
			s.load(d)
		}
		return nil
	}
	s.loadBulk(docs)
	return nil
}

// bulkable reports whether docs can go through loadBulk: they are new
// articles, each once, so that storing them only adds (no claim, pair or
// neighbour is removed on the way). The caller holds the lock.
func (s *Store) bulkable(docs []graph.Document) bool {
	seen := make(map[string]bool, len(docs))
	for _, d := range docs {
		if _, ok := s.articles[d.Article.ID]; ok || seen[d.Article.ID] {
			return false
		}
		seen[d.Article.ID] = true
	}
	return true
}

// batchArena hands out the fixed-size records of a batch of new articles
// (loadBulk: their entries, claim records and mentions) from three arrays
// allocated once for the batch, so that a million claims are a few
// objects for the garbage collector to mark rather than three per
// article. Records are never grown in place (an article's are replaced
// whole), and each slice handed out is capped at its length, so no append
// can reach a neighbour's. The memory of a replaced or deleted article's
// records returns with the last article of its batch. A nil arena
// allocates each record on its own (single loads).
type batchArena struct {
	entries  []articleEntry
	recs     []claimRec
	mentions []mentionRec
}

// newBatchArena returns the arena of docs.
func newBatchArena(docs []graph.Document) *batchArena {
	claims, mentions := 0, 0
	for _, d := range docs {
		claims += len(d.Claims)
		mentions += len(d.Mentions)
	}
	return &batchArena{
		entries:  make([]articleEntry, len(docs)),
		recs:     make([]claimRec, claims),
		mentions: make([]mentionRec, mentions),
	}
}

// entry returns a zero article entry.
func (a *batchArena) entry() *articleEntry {
	if a == nil || len(a.entries) == 0 {
		return new(articleEntry)
	}
	e := &a.entries[0]
	a.entries = a.entries[1:]
	return e
}

// claimRecs returns n zero claim records.
func (a *batchArena) claimRecs(n int) []claimRec {
	if a == nil {
		return make([]claimRec, n)
	}
	return takeZeroed(&a.recs, n)
}

// mentionRecs returns n zero mentions.
func (a *batchArena) mentionRecs(n int) []mentionRec {
	if a == nil {
		return make([]mentionRec, n)
	}
	return takeZeroed(&a.mentions, n)
}

// takeZeroed takes the first n of the zeroed values in *pool, capped at n
// so that no append reaches the next taker's, or allocates n when fewer
// are left.
func takeZeroed[T any](pool *[]T, n int) []T {
	if len(*pool) < n {
		return make([]T, n)
	}
	r := (*pool)[:n:n]
	*pool = (*pool)[n:]
	return r
}

// pending is a claim waiting to be linked to its pair: the pair's actors
// (lo<<32 | hi) and the claim as its pair keeps it.
type pending struct {
	key uint64
	ec  edgeClaim
}

// loadBulk stores new, distinct, valid documents (bulkable) with the same
// result as loading them one by one: the same actor numbers, article slots,
// pairs with their claims in loading order, degree classes and neighbour
// lists; only the numbering of new pairs differs, which no answer shows.
// The caller holds the write lock.
func (s *Store) loadBulk(docs []graph.Document) {
	// The flat arrays grow once, by what the batch needs at most.
	claims := 0
	for _, d := range docs {
		claims += len(d.Claims)
	}
	if grow := len(docs) - len(s.freeSlots); grow > 0 {
		s.bySlot = slices.Grow(s.bySlot, grow)
		s.hot = slices.Grow(s.hot, grow)
	}
	pend := make([]pending, 0, claims)
	ar := newBatchArena(docs)
	for _, d := range docs {
		slot, recs := s.addArticle(d, ar)
		for i := range recs {
			r := &recs[i]
			lo, hi := min(r.src, r.dst), max(r.src, r.dst)
			pend = append(pend, pending{
				key: uint64(lo)<<32 | uint64(hi),
				ec:  edgeClaim{slot: slot, idx: int32(i)},
			})
		}
		s.nClaims += len(recs)
	}
	pend = groupByPair(pend, len(s.byIndex))
	pairs := 0
	for i := range pend {
		if i == 0 || pend[i].key != pend[i-1].key {
			pairs++
		}
	}
	if grow := pairs - len(s.freePairs); grow > 0 {
		s.pairList = slices.Grow(s.pairList, grow)
	}

	// Link each run of claims of one pair: to the pair if it exists, to a
	// new pair otherwise, whose two neighbour entries are added below.
	var adds []nbrAdd
	touched := make([]bool, len(s.byIndex))
	var rebuild []int32 // the actors touched, each once
	touch := func(a int32) {
		if !touched[a] {
			touched[a] = true
			rebuild = append(rebuild, a)
		}
	}
	for i := 0; i < len(pend); {
		j := i + 1
		for j < len(pend) && pend[j].key == pend[i].key {
			j++
		}
		lo, hi := int32(pend[i].key>>32), int32(uint32(pend[i].key))
		pi, ok := s.pairOfActors(lo, hi)
		if !ok {
			pi = s.newPair()
			adds = append(adds, nbrAdd{lo, mkNbr(pi, hi, 0)}, nbrAdd{hi, mkNbr(pi, lo, 0)})
		}
		p := &s.pairList[pi]
		if p.n == 0 && j-i > 1 {
			// A new pair of several claims gets them at their exact size.
			m := s.newMulti()
			cs := make([]edgeClaim, j-i)
			for k := range cs {
				cs[k] = pend[i+k].ec
			}
			s.multis[m] = cs
			p.one[0] = edgeClaim{slot: m}
			p.n = int32(len(cs))
		} else {
			for _, pc := range pend[i:j] {
				s.addToPair(p, pc.ec)
			}
		}
		touch(lo)
		touch(hi)
		i = j
	}

	// New degree classes, as promote would have raised them one neighbour
	// at a time (classes only grow, and here neighbours are only added).
	// Every actor with a new neighbour is among those touched so far.
	newNbrs, at := byActor(adds, len(s.byIndex))
	for _, a := range rebuild[:len(rebuild):len(rebuild)] {
		e := s.byIndex[a]
		if c := degreeClass(len(e.nbrs) + int(at[a+1]-at[a])); c > e.class {
			e.class = c
			// Every neighbour keeps e among its entries: they move.
			for _, n := range e.nbrs {
				touch(n.other())
			}
		}
	}

	// Rebuild every touched list once: its old entries and the new ones,
	// with their classes refreshed, in order, at exact size.
	for _, a := range rebuild {
		e := s.byIndex[a]
		added := newNbrs[at[a]:at[a+1]]
		ns := make([]nbr, 0, len(e.nbrs)+len(added))
		ns = append(ns, e.nbrs...)
		ns = append(ns, added...)
		for k := range ns {
			ns[k].setClass(s.byIndex[ns[k].other()].class)
		}
		slices.SortFunc(ns, func(x, y nbr) int { return cmp.Compare(x.order(), y.order()) })
		e.nbrs = ns
		e.reup()
	}
}

// groupByPair returns pend ordered by pair (key), the claims of each pair
// in their order in pend: a counting sort on the lo actor (actors numbers
// are below n), then a stable sort of each actor's few claims on hi.
func groupByPair(pend []pending, n int) []pending {
	at := make([]int32, n+1)
	for _, p := range pend {
		at[p.key>>32+1]++
	}
	for i := 1; i <= n; i++ {
		at[i] += at[i-1]
	}
	out := make([]pending, len(pend))
	fill := slices.Clone(at[:n])
	for _, p := range pend {
		lo := p.key >> 32
		out[fill[lo]] = p
		fill[lo]++
	}
	for i := range n {
		if b := out[at[i]:at[i+1]]; len(b) > 1 {
			slices.SortStableFunc(b, func(x, y pending) int { return cmp.Compare(x.key, y.key) })
		}
	}
	return out
}

// nbrAdd is a neighbour entry to add to an actor's list.
type nbrAdd struct {
	actor int32
	n     nbr
}

// byActor groups adds by actor (numbers below n): the entries of actor a
// are ns[at[a]:at[a+1]].
func byActor(adds []nbrAdd, n int) (ns []nbr, at []int32) {
	at = make([]int32, n+1)
	for _, ad := range adds {
		at[ad.actor+1]++
	}
	for i := 1; i <= n; i++ {
		at[i] += at[i-1]
	}
	ns = make([]nbr, len(adds))
	fill := slices.Clone(at[:n])
	for _, ad := range adds {
		ns[fill[ad.actor]] = ad.n
		fill[ad.actor]++
	}
	return ns, at
}

// newPair adds an empty pair to pairList, without neighbour entries, and
// returns its index.
func (s *Store) newPair() int32 {
	var p pair
	if n := len(s.freePairs); n > 0 {
		pi := s.freePairs[n-1]
		s.freePairs = s.freePairs[:n-1]
		s.pairList[pi] = p
		return pi
	}
	s.pairList = append(s.pairList, p)
	return int32(len(s.pairList) - 1)
}

// newMulti returns an unused index in multis.
func (s *Store) newMulti() int32 {
	if n := len(s.freeMultis); n > 0 {
		m := s.freeMultis[n-1]
		s.freeMultis = s.freeMultis[:n-1]
		return m
	}
	s.multis = append(s.multis, nil)
	return int32(len(s.multis) - 1)
}
