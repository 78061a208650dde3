package extract

import (
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph/arabic"
)

// trie is a multi-pattern matcher over token sequences: every pattern (a
// name or a cue phrase) is a path of normalised tokens from the root, so one
// walk from each position finds every pattern starting there, and the
// longest wins.
type trie struct {
	next []map[string]int32 // per node: token -> child node
	val  []int32            // per node: payload index, or -1
}

func newTrie() *trie {
	t := &trie{}
	t.node()
	return t
}

func (t *trie) node() int32 {
	t.next = append(t.next, nil)
	t.val = append(t.val, -1)
	return int32(len(t.val) - 1)
}

// insert adds a pattern and returns its node; the caller sets the payload.
func (t *trie) insert(tokens []string) int32 {
	n := int32(0)
	for _, w := range tokens {
		m := t.next[n]
		if m == nil {
			m = map[string]int32{}
			t.next[n] = m
		}
		c, ok := m[w]
		if !ok {
			c = t.node()
			t.next[n][w] = c
		}
		n = c
	}
	return n
}

func (t *trie) child(n int32, w string) (int32, bool) {
	m := t.next[n]
	if m == nil {
		return 0, false
	}
	c, ok := m[w]
	return c, ok
}

// match is the longest pattern found at a position.
type match struct {
	val    int32 // payload
	end    int   // token index after the match
	prefix string
}

// longest finds the longest pattern starting at toks[i]. The first token may
// also be read without its clitic prefixes (arabic.Proclitics): a reading is
// kept only when its stem starts a pattern, so names are never stemmed
// otherwise. On equal length the reading with the fewest letters removed
// wins. splits is scratch space.
func (t *trie) longest(toks []arabic.Token, i int, splits []arabic.Split, allowClitic func(prefix, stem string) bool) (match, []arabic.Split, bool) {
	best := match{val: -1}
	try := func(first, prefix string) {
		n, ok := t.child(0, first)
		if !ok {
			return
		}
		j := i + 1
		for {
			if v := t.val[n]; v >= 0 && (j > best.end || best.val < 0) {
				best = match{val: v, end: j, prefix: prefix}
			}
			if j >= len(toks) {
				return
			}
			c, ok := t.child(n, toks[j].Norm)
			if !ok {
				return
			}
			n = c
			j++
		}
	}
	try(toks[i].Norm, "")
	if !procliticStart(toks[i].Norm) {
		return best, splits[:0], best.val >= 0
	}
	splits = arabic.Proclitics(splits[:0], toks[i].Norm)
	for _, s := range splits {
		if allowClitic != nil && !allowClitic(s.Prefix, s.Stem) {
			continue
		}
		try(s.Stem, s.Prefix)
	}
	return best, splits, best.val >= 0
}

// procliticStart reports whether a normalised word starts with a letter a
// proclitic can be (و ف ب ل ك, or ا of the article): only such a word has
// readings without its clitics.
func procliticStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	switch r {
	case 'و', 'ف', 'ب', 'ل', 'ك', 'ا':
		return true
	}
	return false
}
