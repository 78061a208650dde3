package memstore

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
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
	return s.loadMany(ctx, "load articles", docs)
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

// loadMany stores valid documents in order under the write lock.
func (s *Store) loadMany(ctx context.Context, op string, docs []graph.Document) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx, op); err != nil {
		return err
	}
	if !s.bulkable(docs) {
		for _, d := range docs {
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

// pending is a claim waiting to be linked to its pair: the pair's actors
// (lo<<32 | hi), the order of the claim among those being linked, and the
// claim as its pair keeps it.
type pending struct {
	key uint64
	seq int32
	ec  edgeClaim
}

// loadBulk stores new, distinct, valid documents (bulkable) with the same
// result as loading them one by one: the same actor numbers, article slots,
// pairs with their claims in loading order, degree classes and neighbour
// lists; only the numbering of new pairs differs, which no answer shows.
// The caller holds the write lock.
func (s *Store) loadBulk(docs []graph.Document) {
	var pend []pending
	for _, d := range docs {
		slot, e, day := s.addArticle(d)
		for i := range e.claims {
			r := &e.claims[i]
			lo, hi := min(r.src, r.dst), max(r.src, r.dst)
			pend = append(pend, pending{
				key: uint64(lo)<<32 | uint64(hi),
				seq: int32(len(pend)),
				ec:  edgeClaim{slot: slot, idx: int32(i), day: day, meta: s.pairMeta(r, lo)},
			})
		}
		s.nClaims += len(e.claims)
	}
	slices.SortFunc(pend, func(a, b pending) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.seq, b.seq)) })

	// Link each run of claims of one pair: to the pair if it exists, to a
	// new pair otherwise, whose two neighbour entries are added below.
	type added struct {
		actor int32
		n     nbr
	}
	var adds []added
	touched := make([]bool, len(s.byIndex))
	for i := 0; i < len(pend); {
		j := i + 1
		for j < len(pend) && pend[j].key == pend[i].key {
			j++
		}
		lo, hi := int32(pend[i].key>>32), int32(uint32(pend[i].key))
		pi, ok := s.pairOfActors(lo, hi)
		if !ok {
			pi = s.newPair(lo, hi)
			adds = append(adds, added{lo, nbr{pair: pi, other: hi}}, added{hi, nbr{pair: pi, other: lo}})
		}
		p := &s.pairList[pi]
		if p.n == 0 && j-i > 1 {
			// A new pair of several claims gets them at their exact size.
			p.multi = s.newMulti()
			cs := make([]edgeClaim, j-i)
			for k := range cs {
				cs[k] = pend[i+k].ec
			}
			s.multis[p.multi] = cs
			p.n = int32(len(cs))
		} else {
			for _, pc := range pend[i:j] {
				s.addToPair(p, pc.ec)
			}
		}
		touched[lo], touched[hi] = true, true
		i = j
	}

	// New degree classes, as promote would have raised them one neighbour
	// at a time (classes only grow, and here neighbours are only added).
	slices.SortFunc(adds, func(a, b added) int { return cmp.Compare(a.actor, b.actor) })
	newNbrs := make(map[int32][]nbr)
	for i := 0; i < len(adds); {
		j := i + 1
		for j < len(adds) && adds[j].actor == adds[i].actor {
			j++
		}
		a := adds[i].actor
		ns := make([]nbr, j-i)
		for k := range ns {
			ns[k] = adds[i+k].n
		}
		newNbrs[a] = ns
		i = j
	}
	for a, ns := range newNbrs {
		e := s.byIndex[a]
		if c := degreeClass(len(e.nbrs) + len(ns)); c > e.class {
			e.class = c
			// Every neighbour keeps e among its entries: they move.
			for _, n := range e.nbrs {
				touched[n.other] = true
			}
		}
	}

	// Rebuild every touched list once: its old entries and the new ones,
	// with their classes and counts refreshed, in order, at exact size.
	for a, t := range touched {
		if !t {
			continue
		}
		e := s.byIndex[a]
		ns := make([]nbr, 0, len(e.nbrs)+len(newNbrs[int32(a)]))
		ns = append(ns, e.nbrs...)
		ns = append(ns, newNbrs[int32(a)]...)
		for k := range ns {
			ns[k].class = s.byIndex[ns[k].other].class
			ns[k].n = uint16(min(s.pairList[ns[k].pair].n, manyClaims))
		}
		slices.SortFunc(ns, func(x, y nbr) int { return cmp.Compare(x.order(), y.order()) })
		e.nbrs = ns
	}
}

// newPair adds an empty pair of actors lo < hi to pairList, without
// neighbour entries, and returns its index.
func (s *Store) newPair(lo, hi int32) int32 {
	p := pair{lo: lo, hi: hi}
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
