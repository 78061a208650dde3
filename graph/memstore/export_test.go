package memstore

// BuildSearchIndex builds s's search index from scratch, as the first
// search after a change of names does, for BenchmarkSearchIndex.
func BuildSearchIndex(s *Store) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.buildIndex()
}
