package memstore

import "context"

// BuildSearchIndex builds s's search index from scratch, as the first
// search after a change of names does, for BenchmarkSearchIndex.
func BuildSearchIndex(s *Store) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.buildIndex(context.Background()); err != nil {
		panic(err)
	}
}
