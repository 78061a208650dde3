package memstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/graph/nameindex"
)

// index returns the current search index, building it if a write dropped
// it. The caller holds the read lock, so no writer runs during the build.
func (s *Store) index(ctx context.Context) (*nameindex.Index, error) {
	if idx := s.search.Load(); idx != nil {
		return idx, nil
	}
	s.searchMu.Lock()
	defer s.searchMu.Unlock()
	if idx := s.search.Load(); idx != nil {
		return idx, nil
	}
	idx, err := s.buildIndex(ctx)
	if err != nil {
		return nil, err
	}
	s.search.Store(idx)
	return idx, nil
}

// buildIndex builds the search index of the current names (owner i is
// s.byIndex[i]). The caller holds the read lock.
func (s *Store) buildIndex(ctx context.Context) (*nameindex.Index, error) {
	return nameindex.Build(ctx, len(s.byIndex), func(i int) []string { return s.byIndex[i].names() })
}

// SearchActors returns the actors whose name, Arabic name or an alias
// matches q.Text after arabic.Normalize, ranked by arabic.MatchScore (the
// best of the actor's names), then by mentioned articles descending, then
// by id. ActorMatch.Matched is the first of Name, NameAr and Aliases with
// that best score. An empty text, or one with no letter or digit, wraps
// graph.ErrInvalid; no match is an empty slice.
func (s *Store) SearchActors(ctx context.Context, q graph.SearchQuery) ([]graph.ActorMatch, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("memstore: search %q: %w", q.Text, err)
	}
	query := arabic.Normalize(q.Text)
	if query == "" {
		return nil, fmt.Errorf("memstore: search %q: %w", q.Text, graph.Invalidf("text", "no letter or digit to search for"))
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, fmt.Sprintf("search %q", q.Text)); err != nil {
		return nil, err
	}
	idx, err := s.index(ctx)
	if err != nil {
		return nil, fmt.Errorf("memstore: search %q: %w", q.Text, err)
	}
	type hit struct {
		e     *actorEntry
		score float64
		field int
	}
	kinds := graph.Filter{Kinds: q.Kinds}
	matches, err := idx.Search(ctx, query, func(owner int) bool { return kinds.MatchKind(s.byIndex[owner].actor.Kind) })
	if err != nil {
		return nil, fmt.Errorf("memstore: search %q: %w", q.Text, err)
	}
	hits := make([]hit, 0, len(matches))
	for _, m := range matches {
		hits = append(hits, hit{e: s.byIndex[m.Owner], score: m.Score, field: m.Field})
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(b.e.articles, a.e.articles), cmp.Compare(a.e.actor.ID, b.e.actor.ID))
	})
	if len(hits) > q.Limit {
		hits = hits[:q.Limit]
	}
	out := make([]graph.ActorMatch, len(hits))
	for i, h := range hits {
		out[i] = graph.ActorMatch{Actor: h.e.copyActor(), Score: h.score, Matched: displayName(h.e.actor, h.field)}
	}
	return out, nil
}

// displayName returns the original form of the name at position field of
// actorEntry.names.
func displayName(a graph.Actor, field int) string {
	switch field {
	case 0:
		return a.Name
	case 1:
		return a.NameAr
	}
	return a.Aliases[field-2]
}
