package extract

import (
	"strings"

	"github.com/rawabit/rawabit/graph/arabic"
)

// maxPhraseWords is the most words of a lookup entry phraseAt and
// longestPhrase find.
const maxPhraseWords = 4

// phraseTrie holds the entries of more than one word of the lookup
// sections that have a kind bit (kindBit), as paths of word ids from the
// root: phraseAt and longestPhrase follow the sentence's word ids
// (arabic.Sentence.Words) instead of building "w1 w2" and hashing it.
// The words of every entry are in the vocabulary (buildPhraseTrie adds
// them, without marking them as stems: no clitic reading changes).
type phraseTrie struct {
	// root is the child of the root by word id, or -1.
	root []int32
	// kids are the children of each node but the root.
	kids [][]phraseEdge
	// ends has the kind bits of the entries that end at each node.
	ends []uint64
	// odd has the kind bits of the sections with an entry the trie cannot
	// hold (an empty word): those are looked up by string.
	odd uint64
}

type phraseEdge struct{ word, node int32 }

// buildPhraseTrie returns the trie of the multi-word entries of words,
// adding their words to v.
func buildPhraseTrie(v *arabic.Vocabulary, words *kindSets) phraseTrie {
	t := phraseTrie{kids: [][]phraseEdge{nil}, ends: []uint64{0}}
	for kind := range words {
		bit, ok := kindBit(cueKind(kind))
		if !ok {
			continue
		}
		for p := range words[kind] {
			if !strings.Contains(p, " ") {
				continue
			}
			ws := strings.Split(p, " ")
			if len(ws) > maxPhraseWords {
				continue // never found (phraseAt reads at most four words)
			}
			if len(ws[0]) == 0 || strings.Contains(p, "  ") || strings.HasSuffix(p, " ") {
				t.odd |= bit
				continue
			}
			n := int32(0)
			for _, w := range ws {
				n = t.add(n, v.Add(w))
			}
			t.ends[n] |= bit
		}
	}
	return t
}

// add returns the child of node n by word id w, adding it.
func (t *phraseTrie) add(n, w int32) int32 {
	if c := t.child(n, w); c >= 0 {
		return c
	}
	c := int32(len(t.ends))
	t.kids = append(t.kids, nil)
	t.ends = append(t.ends, 0)
	if n == 0 {
		for int(w) >= len(t.root) {
			t.root = append(t.root, -1)
		}
		t.root[w] = c
	} else {
		t.kids[n] = append(t.kids[n], phraseEdge{word: w, node: c})
	}
	return c
}

// child returns the child of node n by word id w, or -1.
func (t *phraseTrie) child(n, w int32) int32 {
	if w < 0 {
		return -1
	}
	if n == 0 {
		if int(w) < len(t.root) {
			return t.root[w]
		}
		return -1
	}
	for _, e := range t.kids[n] {
		if e.word == w {
			return e.node
		}
	}
	return -1
}

// byID reports whether the entries of kind starting with a word are found
// in the trie (then first is that word's id, the token's or its Cut id).
func (t *phraseTrie) byID(kind cueKind) (bit uint64, ok bool) {
	bit, ok = kindBit(kind)
	return bit, ok && t.odd&bit == 0
}

// longest returns the length of the longest entry of kind's bit, of two
// words or more, that starts with the word id first and goes on with the
// tokens of s from k+1; 0 when none.
func (t *phraseTrie) longest(bit uint64, first int32, s *arabic.Sentence, k int) int {
	best := 0
	n := t.child(0, first)
	for m := 2; n >= 0 && m <= maxPhraseWords && k+m <= len(s.Words); m++ {
		if n = t.child(n, s.Words[k+m-1]); n >= 0 && t.ends[n]&bit != 0 {
			best = m
		}
	}
	return best
}

// shortest is longest for the shortest entry.
func (t *phraseTrie) shortest(bit uint64, first int32, s *arabic.Sentence, k int) int {
	n := t.child(0, first)
	for m := 2; n >= 0 && m <= maxPhraseWords && k+m <= len(s.Words); m++ {
		if n = t.child(n, s.Words[k+m-1]); n >= 0 && t.ends[n]&bit != 0 {
			return m
		}
	}
	return 0
}
