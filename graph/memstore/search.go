package memstore

import (
	"cmp"
	"context"
	"fmt"
	"index/suffixarray"
	"math"
	"slices"
	"strings"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// searchIndex is every normalised name joined into one string with a
// suffix array over it, so that the names holding a query's word are found
// in time proportional to the word's length, the logarithm of the names'
// size and the number of names holding it, whatever part of a name the
// word is (a whole name, a word, a prefix or any substring: the matches
// arabic.MatchScore scores).
type searchIndex struct {
	// blob is "\x00name\x00name\x00...\x00"; name i starts at starts[i].
	blob   string
	sa     *suffixarray.Index
	starts []int32
	// owners[i] is the actor index of name i and fields[i] its place in
	// actorEntry.names.
	owners []int32
	fields []uint8
}

// index returns the current search index, building it if a write dropped
// it. The caller holds the read lock, so no writer runs during the build.
func (s *Store) index(ctx context.Context) (*searchIndex, error) {
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

// buildIndex builds the search index of the current names. The caller
// holds the read lock.
func (s *Store) buildIndex(ctx context.Context) (*searchIndex, error) {
	idx := &searchIndex{}
	size := 1
	names := make([][]string, len(s.byIndex))
	for i, e := range s.byIndex {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		names[i] = e.names()
		for _, n := range names[i] {
			if n != "" {
				size += len(n) + 1
			}
		}
	}
	b := make([]byte, 1, size)
	for j, e := range s.byIndex {
		for i, n := range names[j] {
			if n == "" || i > math.MaxUint8 {
				continue
			}
			idx.starts = append(idx.starts, int32(len(b)))
			idx.owners = append(idx.owners, e.index)
			idx.fields = append(idx.fields, uint8(i))
			b = append(b, n...)
			b = append(b, 0)
		}
	}
	idx.blob = string(b)
	idx.sa = suffixarray.New(b)
	return idx, nil
}

// holding returns the offsets in blob of the occurrences of the rarest of
// keys, sorted. Every name matching all keys holds it. The keys are looked
// up with a limit that grows fourfold until one of them has fewer
// occurrences, so that a common word costs no more than the rarest one.
func (idx *searchIndex) holding(keys []string) []int {
	var offs []int
	if len(keys) == 1 {
		offs = idx.sa.Lookup([]byte(keys[0]), -1)
	} else {
		for limit := 64; offs == nil; limit *= 4 {
			if limit > len(idx.blob) {
				limit = -1
			}
			for _, k := range keys {
				if o := idx.sa.Lookup([]byte(k), limit); (limit < 0 || len(o) < limit) && (offs == nil || len(o) < len(offs)) {
					offs = o
					if offs == nil {
						return nil // a key that occurs nowhere
					}
				}
			}
		}
	}
	slices.Sort(offs)
	return offs
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
	keys := searchKeys(query)
	type hit struct {
		e     *actorEntry
		score float64
		field int
	}
	kinds := graph.Filter{Kinds: q.Kinds}
	best := map[*actorEntry]hit{}
	blob := idx.blob
	last := -1
	for i, pos := range idx.holding(keys) {
		if i%ctxEvery == ctxEvery-1 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("memstore: search %q: %w", q.Text, err)
			}
		}
		n, _ := slices.BinarySearch(idx.starts, int32(pos+1))
		n-- // the name whose start is at or before pos
		if n == last {
			continue // another occurrence in the same name
		}
		last = n
		start := int(idx.starts[n])
		end := start + strings.IndexByte(blob[start:], 0)
		e := s.byIndex[idx.owners[n]]
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
		field := int(idx.fields[n])
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
