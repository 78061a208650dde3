package memstore

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// The adjacency index: actors are numbered; every actor keeps its neighbours
// sorted by degree class and number, and every pair of actors keeps
// references to the claims between them. The indexes hold numbers rather
// than pointers wherever they are large (claims, pairs, neighbour lists), so
// that the garbage collector has little to scan in a store of millions of
// claims.

type actorEntry struct {
	actor graph.Actor
	index int32
	// articles counts the articles that mention the actor.
	articles int
	// nbrs are sorted by order (see nbr.order); class is the actor's degree
	// class, bits.Len of the most neighbours it has had.
	nbrs  []nbr
	class uint8
	// merged is true once the actor is merged into another (review): it
	// is no longer searchable.
	merged bool
	// up is the position in nbrs of the first neighbour that ranks above
	// the actor (see above): reup keeps it after every change of nbrs or
	// of a class.
	up int32
}

// nbr is one neighbour of an actor, in 8 bytes: the pair (index into
// pairList), and the other actor's degree class and index packed as their
// order (see order), so that a neighbour list is sorted by ord.
type nbr struct {
	pair int32
	ord  uint32 // class<<classShift | other
}

// classShift places an actor's degree class above its index in an order:
// indexes stay below maxActors.
const (
	classShift = 27
	maxActors  = 1 << classShift
)

// mkNbr returns the entry of neighbour other, of degree class class, by
// pair pi.
func mkNbr(pi, other int32, class uint8) nbr {
	return nbr{pair: pi, ord: uint32(order(class, other))}
}

// other is the neighbour's actor index.
func (n nbr) other() int32 { return int32(n.ord & (maxActors - 1)) }

// class is the neighbour's degree class.
func (n nbr) class() uint8 { return uint8(n.ord >> classShift) }

// setClass changes the neighbour's degree class.
func (n *nbr) setClass(c uint8) { n.ord = uint32(order(c, n.other())) }

// claimsOf returns the number of claims of the neighbour's pair.
func (s *Store) claimsOf(n nbr) int32 { return s.pairList[n.pair].n }

// order ranks actors by degree class, then index: a total order in which
// the neighbours of an actor that rank above it are few (at most a few
// times the square root of the number of pairs), so that the pairs among a
// set of actors are found by scanning, for each actor, only the neighbours
// that rank above it (see induced).
func order(class uint8, index int32) uint64 {
	return uint64(class)<<classShift | uint64(uint32(index))
}

func (n nbr) order() uint64 { return uint64(n.ord) }

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

// above returns the position of the first neighbour of e that ranks above
// e, which e.up caches.
func (e *actorEntry) above() int {
	return searchNbrs(e.nbrs, order(e.class, e.index)+1)
}

// reup refreshes e.up after a change of e.nbrs, of e's class or of a
// neighbour's.
func (e *actorEntry) reup() { e.up = int32(e.above()) }

// nbrAt returns the position of the neighbour other of class class in e.nbrs.
func (e *actorEntry) nbrAt(other int32, class uint8) int {
	i := searchNbrs(e.nbrs, order(class, other))
	if i == len(e.nbrs) || e.nbrs[i].other() != other {
		panic(fmt.Sprintf("memstore: actor %d is not a neighbour of actor %d", other, e.index))
	}
	return i
}

// addNbr inserts n into e.nbrs in order.
func (e *actorEntry) addNbr(n nbr) {
	e.nbrs = slices.Insert(e.nbrs, searchNbrs(e.nbrs, n.order()), n)
	e.reup()
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

// pair holds the claims between two actors (which its claims' records
// name, and the neighbour entries that lead to it). Most pairs have one
// claim, kept inline in one; the claims of a pair with more are in
// Store.multis, at the index kept in one[0].slot (multi).
type pair struct {
	n   int32 // number of claims
	one [1]edgeClaim
}

// multi is the index in Store.multis of the claims of a pair with more
// than one.
func (p *pair) multi() int32 { return p.one[0].slot }

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
	return s.multis[p.multi()]
}

func (s *Store) addToPair(p *pair, ec edgeClaim) {
	switch p.n {
	case 0:
		p.one[0] = ec
	case 1:
		m := s.newMulti()
		s.multis[m] = []edgeClaim{p.one[0], ec}
		p.one[0] = edgeClaim{slot: m}
	default:
		s.multis[p.multi()] = append(s.multis[p.multi()], ec)
	}
	p.n++
}

// removeFromPair removes the claim at position j of the pair's claims.
func (s *Store) removeFromPair(p *pair, j int) {
	switch p.n {
	case 1:
		p.one[0] = edgeClaim{}
	case 2:
		m := p.multi()
		p.one[0] = s.multis[m][1-j]
		s.multis[m] = nil
		s.freeMultis = append(s.freeMultis, m)
	default:
		m := p.multi()
		many := s.multis[m]
		last := len(many) - 1
		many[j] = many[last]
		s.multis[m] = many[:last]
	}
	p.n--
}

// edgeClaim is a claim of a pair: where its record is (Store.hot), which
// holds what filters test (its meta, its article's day).
type edgeClaim struct {
	slot, idx int32 // article slot and position in its claims
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

// pairOf returns the index of the pair of actors a and b, creating it if
// needed. The caller holds the write lock.
func (s *Store) pairOf(a, b int32) int32 {
	if pi, ok := s.pairOfActors(a, b); ok {
		return pi
	}
	lo, hi := s.byIndex[min(a, b)], s.byIndex[max(a, b)]
	var p pair
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
	lo.addNbr(mkNbr(pi, hi.index, hi.class))
	hi.addNbr(mkNbr(pi, lo.index, lo.class))
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
		o := s.byIndex[n.other()]
		i := o.nbrAt(e.index, e.class)
		moved := o.nbrs[i]
		moved.setClass(c)
		// The entry moves up to just below the first that ranks above its
		// new place.
		j := searchNbrs(o.nbrs, moved.order()) - 1
		copy(o.nbrs[i:j], o.nbrs[i+1:j+1])
		o.nbrs[j] = moved
		o.reup()
	}
	e.class = c
	e.reup()
}

func (s *Store) getMarks() *[]uint64 {
	words := (len(s.byIndex) + 63) / 64
	if v, ok := s.marks.Get().(*[]uint64); ok && len(*v) >= words {
		return v
	}
	b := make([]uint64, words)
	return &b
}

func (s *Store) putMarks(marks *[]uint64, ids []int32) {
	for _, a := range ids {
		(*marks)[a/64] = 0
	}
	s.marks.Put(marks)
}

// names returns the actor's normalised Name, NameAr and Aliases, in that
// order: what search matches. They are made when asked for (by the search
// index, built once per change of names) rather than kept.
// An actor merged into another has none.
func (e *actorEntry) names() []string {
	if e.merged {
		return nil
	}
	return normalNames(e.actor)
}

// normalNames returns a's normalised Name, NameAr and Aliases, in that
// order.
func normalNames(a graph.Actor) []string {
	names := make([]string, 0, 2+len(a.Aliases))
	names = append(names, arabic.Normalize(a.Name), arabic.Normalize(a.NameAr))
	for _, al := range a.Aliases {
		names = append(names, arabic.Normalize(al))
	}
	return names
}
