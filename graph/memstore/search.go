package memstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// searchIndex is every normalised name joined into one string, so that a
// query's candidates are found with strings.Index over it instead of one
// comparison per name.
type searchIndex struct {
	// blob is "\x00name\x00name\x00...\x00"; name i starts at starts[i].
	blob   string
	starts []int
	// owners[i] is the actor of name i and fields[i] its place in
	// actorEntry.names.
	owners []*actorEntry
	fields []int
}

// index returns the current search index, building it if a write dropped
// it. The caller holds the read lock, so no writer runs during the build.
func (s *Store) index() *searchIndex {
	if idx := s.search.Load(); idx != nil {
		return idx
	}
	s.searchMu.Lock()
	defer s.searchMu.Unlock()
	if idx := s.search.Load(); idx != nil {
		return idx
	}
	idx := &searchIndex{}
	var b strings.Builder
	b.WriteByte(0)
	for _, e := range s.byIndex {
		for i, n := range e.names {
			if n == "" {
				continue
			}
			idx.starts = append(idx.starts, b.Len())
			idx.owners = append(idx.owners, e)
			idx.fields = append(idx.fields, i)
			b.WriteString(n)
			b.WriteByte(0)
		}
	}
	idx.blob = b.String()
	s.search.Store(idx)
	return idx
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
	idx := s.index()
	keys := searchKeys(query)
	// Scan for the rarest key; the names holding it must hold the others.
	first := keys[0]
	if len(keys) > 1 {
		rarest := -1
		for _, k := range keys {
			if n := strings.Count(idx.blob, k); rarest < 0 || n < rarest {
				first, rarest = k, n
			}
		}
	}
	type hit struct {
		e     *actorEntry
		score float64
		field int
	}
	kinds := graph.Filter{Kinds: q.Kinds}
	best := map[*actorEntry]hit{}
	blob := idx.blob
	for off := 0; ; {
		i := strings.Index(blob[off:], first)
		if i < 0 {
			break
		}
		pos := off + i
		n, _ := slices.BinarySearch(idx.starts, pos+1)
		n-- // the name whose start is at or before pos
		start := idx.starts[n]
		end := start + strings.IndexByte(blob[start:], 0)
		off = end
		e := idx.owners[n]
		if !kinds.MatchKind(e.actor.Kind) {
			continue
		}
		name := blob[start:end]
		if !containsAll(name, keys) {
			continue
		}
		score := arabic.MatchScore(query, name)
		if score == 0 {
			continue
		}
		field := idx.fields[n]
		h, ok := best[e]
		if !ok || score > h.score || score == h.score && field < h.field {
			best[e] = hit{e: e, score: score, field: field}
		}
	}
	hits := make([]hit, 0, len(best))
	for _, h := range best {
		hits = append(hits, h)
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

// searchKeys returns the words of a normalised query, each without a
// leading ال unless that would leave nothing. By the rules of
// arabic.MatchScore, every name that matches the query contains all of
// them: a name holding the whole query (or the query without its leading
// ال) holds each word's tail, and a word-by-word match holds each word
// without its article.
func searchKeys(query string) []string {
	words := strings.Fields(query)
	for i, w := range words {
		if k := strings.TrimPrefix(w, "ال"); k != "" {
			words[i] = k
		}
	}
	return words
}

func containsAll(name string, keys []string) bool {
	for _, k := range keys {
		if !strings.Contains(name, k) {
			return false
		}
	}
	return true
}
