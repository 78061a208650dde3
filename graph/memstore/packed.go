package memstore

// packedAdj is the neighbour lists packed for reading: every actor's list
// in one array, in actor order, with its bounds and the start of its
// entries ranking above it (actorEntry.up) in flat arrays, so that a
// traversal finds a list from the actor's number alone, without first
// loading the actor's entry: the two loads no longer wait for each other.
//
// Packing re-points every actorEntry.nbrs into the array (capped at its
// length, so that a write that grows a list moves it out, and no list
// reaches into its neighbour's), which the lists then share: the packed
// lists take no more memory than the separate ones did, and a list's
// entries are those the store keeps, not a copy. Any write drops the
// packing (lockForWrite: a write may move or change lists); the next neighbourhood query packs again under the
// write lock, and a read that finds no packing reads the entries.
type packedAdj struct {
	nbrs []nbr
	// off[a]:off[a+1] are actor a's neighbours in nbrs; up[a]:off[a+1] are
	// those that rank above it.
	off, up []int32
}

// list returns actor a's neighbours.
func (p *packedAdj) list(a int32) []nbr { return p.nbrs[p.off[a]:p.off[a+1]] }

// pack builds s.packed. The caller holds the write lock.
func (s *Store) pack() {
	n := 0
	for _, e := range s.byIndex {
		n += len(e.nbrs)
	}
	p := &packedAdj{nbrs: make([]nbr, n), off: make([]int32, len(s.byIndex)+1), up: make([]int32, len(s.byIndex))}
	at := int32(0)
	for i, e := range s.byIndex {
		k := int32(copy(p.nbrs[at:], e.nbrs))
		p.off[i], p.up[i] = at, at+e.up
		e.nbrs = p.nbrs[at : at+k : at+k]
		at += k
	}
	p.off[len(s.byIndex)] = at
	s.packed = p
}

// lockForWrite takes the write lock for a write and drops the packing (a
// write may move or change neighbour lists): every writer takes the lock
// through it, so that no packing outlives a write. The caller unlocks
// s.mu.
func (s *Store) lockForWrite() {
	s.mu.Lock()
	s.packed = nil
}

// packForRead packs the lists if a write
// dropped it. The caller holds neither lock; it takes the read lock after,
// and must check s.packed again under it (a write may come in between).
func (s *Store) packForRead() {
	s.mu.RLock()
	ok := s.packed != nil || s.closed
	s.mu.RUnlock()
	if ok {
		return
	}
	s.mu.Lock()
	if s.packed == nil && !s.closed {
		s.pack()
	}
	s.mu.Unlock()
}
