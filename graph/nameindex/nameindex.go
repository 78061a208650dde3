// Package nameindex finds, among many owners' normalised names, those that
// match a search query by the rules of arabic.MatchScore, in time
// proportional to the query and to the names that hold it rather than to
// all names. It is the one name search of the project: the memory store
// searches its actors with it, and the web server the gazetteer's known
// actors that no loaded article mentions.
package nameindex

import (
	"context"
	"index/suffixarray"
	"math"
	"slices"
	"strings"

	"github.com/rawabit/rawabit/graph/arabic"
)

// ctxEvery is how many names Build and Search handle between checks of
// their context.
const ctxEvery = 4096

// Index is every normalised name joined into one string with a suffix
// array over it, so that the names holding a query's word are found in
// time proportional to the word's length, the logarithm of the names'
// size and the number of names holding it, whatever part of a name the
// word is (a whole name, a word, a prefix or any substring: the matches
// arabic.MatchScore scores). An Index is read-only once built and safe for
// concurrent use.
type Index struct {
	// blob is "\x00name\x00name\x00...\x00"; name i starts at starts[i].
	blob   string
	sa     *suffixarray.Index
	starts []int32
	// owners[i] is the owner of name i and fields[i] its place in the
	// owner's list of names.
	owners []int32
	fields []uint8
}

// Build indexes the names of owners 0..n-1: names(i) returns owner i's
// names, already normalised by arabic.Normalize (empty names are skipped,
// and only the first 256 names of an owner are indexed). It returns ctx's
// error if ctx ends during the build.
func Build(ctx context.Context, n int, names func(owner int) []string) (*Index, error) {
	idx := &Index{}
	all := make([][]string, n)
	size := 1
	for i := range n {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		all[i] = names(i)
		for _, name := range all[i] {
			if name != "" {
				size += len(name) + 1
			}
		}
	}
	b := make([]byte, 1, size)
	for owner, list := range all {
		for field, name := range list {
			if name == "" || field > math.MaxUint8 {
				continue
			}
			idx.starts = append(idx.starts, int32(len(b)))
			idx.owners = append(idx.owners, int32(owner))
			idx.fields = append(idx.fields, uint8(field))
			b = append(b, name...)
			b = append(b, 0)
		}
	}
	idx.blob = string(b)
	idx.sa = suffixarray.New(b)
	return idx, nil
}

// Match is one owner's best name for a query.
type Match struct {
	// Owner is the owner's number, as given to Build.
	Owner int
	// Field is the place of the best name in the owner's list of names
	// (the first one when two score the same).
	Field int
	// Score is arabic.MatchScore of the query and that name, above 0.
	Score float64
}

// Search returns, for each owner that accept allows (nil allows all) and
// that has a name matching query (normalised by arabic.Normalize) with a
// score above 0, its best match, in no particular order. It returns ctx's
// error if ctx ends during the search.
func (idx *Index) Search(ctx context.Context, query string, accept func(owner int) bool) ([]Match, error) {
	keys := Keys(query)
	if len(keys) == 0 {
		return nil, nil
	}
	best := map[int]int{} // owner -> position in out
	var out []Match
	last := -1
	for i, pos := range idx.holding(keys) {
		if i%ctxEvery == ctxEvery-1 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		n, _ := slices.BinarySearch(idx.starts, int32(pos+1))
		n-- // the name whose start is at or before pos
		if n == last {
			continue // another occurrence in the same name
		}
		last = n
		owner := int(idx.owners[n])
		if accept != nil && !accept(owner) {
			continue
		}
		start := int(idx.starts[n])
		name := idx.blob[start : start+strings.IndexByte(idx.blob[start:], 0)]
		if !containsAll(name, keys) {
			continue
		}
		score := arabic.MatchScore(query, name)
		if score == 0 {
			continue
		}
		m := Match{Owner: owner, Field: int(idx.fields[n]), Score: score}
		j, seen := best[owner]
		switch {
		case !seen:
			best[owner] = len(out)
			out = append(out, m)
		case score > out[j].Score || score == out[j].Score && m.Field < out[j].Field:
			out[j] = m
		}
	}
	return out, nil
}

// holding returns the offsets in blob of the occurrences of the rarest of
// keys, sorted. Every name matching all keys holds it. The keys are looked
// up with a limit that grows fourfold until one of them has fewer
// occurrences, so that a common word costs no more than the rarest one.
func (idx *Index) holding(keys []string) []int {
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

// Keys returns the words of a normalised query, each without a leading ال
// unless that would leave nothing. By the rules of arabic.MatchScore,
// every name that matches the query contains all of them: a name holding
// the whole query (or the query without its leading ال) holds each word's
// tail, and a word-by-word match holds each word without its article.
func Keys(query string) []string {
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
