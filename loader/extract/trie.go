package extract

import (
	"github.com/rawabit/rawabit/graph/arabic"
)

// trie is a multi-pattern matcher over token sequences (arabic.Trie, the
// project's one mention matcher) with a payload per pattern: a form index
// for the names trie, a cue spec for the cues trie. Both tries of an
// Extractor share one vocabulary, so a sentence is read once
// (analyzer.sentence) and both are walked by word id.
type trie struct {
	*arabic.Trie
	val []int32 // per node: payload index, or -1
}

func newTrie(v *arabic.Vocabulary) *trie {
	return &trie{Trie: arabic.NewTrie(v), val: []int32{-1}}
}

// insert adds a pattern and returns its node; the caller sets the payload.
func (t *trie) insert(tokens []string) int32 {
	n := t.Insert(tokens)
	for int(n) >= len(t.val) {
		t.val = append(t.val, -1)
	}
	return n
}

// match is the longest pattern found at a position.
type match struct {
	val    int32 // payload
	end    int   // token index after the match
	prefix string
}

// at finds the longest pattern starting at token i of the sentence s
// (arabic.Trie.Longest): the first token may also be read without its
// clitic prefixes, when keep accepts the reading (nil keeps all).
func (t *trie) at(s *arabic.Sentence, i int, keep func(arabic.Reading) bool) (match, bool) {
	m, ok := t.Longest(s, i, keep)
	if !ok {
		return match{val: -1}, false
	}
	return match{val: t.val[m.Node], end: m.End, prefix: m.Prefix}, true
}

// longest is at for tokens that are not the analyzer's sentence (a
// surface form to resolve): it reads the tokens from i first. splits is returned
// as given (kept for callers written against the former signature); a
// reading is kept when allowClitic (nil keeps all) accepts its prefix and
// stem.
func (t *trie) longest(toks []arabic.Token, i int, splits []arabic.Split, allowClitic func(prefix, stem string) bool) (match, []arabic.Split, bool) {
	var s arabic.Sentence
	t.Vocabulary().Read(&s, toks[i:min(len(toks), i+max(1, t.MaxWords()))])
	var keep func(arabic.Reading) bool
	if allowClitic != nil {
		v := t.Vocabulary()
		keep = func(r arabic.Reading) bool { return allowClitic(r.Prefix, v.Word(r.Word)) }
	}
	m, ok := t.at(&s, 0, keep)
	m.end += i
	return m, splits, ok
}
