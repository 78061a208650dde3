package arabic

import (
	"slices"
	"unicode/utf8"
)

// This file is the project's one mention matcher: a vocabulary that gives
// every normalised word of a set of patterns (names, cue phrases) a small
// integer id, a Sentence that reads each token once against it (its id and
// the ids of its clitic readings, see Proclitics), and a Trie over word ids
// that finds the longest pattern starting at a token. The extractor
// (loader/extract) and the loader's mention counter (loader/mentions.go)
// both match through it, so a name is found the same way with and without
// the extractor.

// NoWord is the id of a word a Vocabulary does not hold.
const NoWord int32 = -1

// Vocabulary interns normalised words: each word added gets the next id,
// from 0. It is not safe for concurrent Add; ID and Read may be called
// concurrently once it is built.
//
// Its table hashes a word from its last byte to its first (FNV-1a over the
// reversed bytes), so that one pass over a token gives the hash of every
// suffix, and the stems of its clitic readings, which are suffixes, are
// looked up without hashing again.
type Vocabulary struct {
	words []string
	arena []byte      // the words one after the other
	slots []vocabSlot // open addressing, linear probing; len a power of two
	// stem marks the words a clitic reading may have as its stem
	// (MarkStem); stemBits is a filter over their hashes, so that most
	// readings are dropped without a lookup.
	stem     []bool
	stemBits [stemFilterBits / 64]uint64
	// wordBits is a filter over the hashes of all words, so that most
	// words not in the vocabulary are passed over without a probe.
	wordBits [wordFilterBits / 64]uint64
	// version counts the changes (Add, MarkStem), so that a Sentence's
	// cache of an earlier state is dropped.
	version int
}

// wordFilterBits is the size of Vocabulary.wordBits: 16 KB.
const wordFilterBits = 1 << 17

// stemFilterBits is the size of Vocabulary.stemBits: 8 KB.
const stemFilterBits = 1 << 16

// MarkStem marks the word of id as one a clitic reading may have as its
// stem: Read lists a reading only when its stem is marked. Trie.Insert
// marks the first word of every pattern.
func (v *Vocabulary) MarkStem(id int32) {
	for int(id) >= len(v.stem) {
		v.stem = append(v.stem, false)
	}
	v.stem[id] = true
	v.version++
	b := mix(hashString(v.words[id])) % stemFilterBits
	v.stemBits[b/64] |= 1 << (b % 64)
}

// findStem is find for the stem of a reading: NoWord unless it is marked.
func (v *Vocabulary) findStem(h uint64, head, rest string) int32 {
	b := mix(h) % stemFilterBits
	if v.stemBits[b/64]&(1<<(b%64)) == 0 {
		return NoWord
	}
	if id := v.find(h, head, rest); id != NoWord && int(id) < len(v.stem) && v.stem[id] {
		return id
	}
	return NoWord
}

// vocabSlot is one entry of the table: the word's id and the high bits of its
// hash (0 for an empty slot).
type vocabSlot struct {
	tag uint32
	id  int32
	// off and n locate the word in Vocabulary.arena, so that a hit is
	// checked with one more memory access.
	off, n uint32
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashStep extends the reversed hash h of a suffix by the byte c before it.
func hashStep(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

// hashString is the reversed hash of w.
func hashString(w string) uint64 {
	h := uint64(fnvOffset)
	for k := len(w) - 1; k >= 0; k-- {
		h = hashStep(h, w[k])
	}
	return h
}

// mix spreads the bits of a hash: its low bits choose the slot, its high
// bits are the tag.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// tagOf is the tag of a mixed hash: never 0.
func tagOf(m uint64) uint32 { return uint32(m>>32) | 1 }

// NewVocabulary returns an empty vocabulary.
func NewVocabulary() *Vocabulary { return &Vocabulary{slots: make([]vocabSlot, 64)} }

// Add returns the id of w, adding it when it is new.
func (v *Vocabulary) Add(w string) int32 {
	if id := v.ID(w); id != NoWord {
		return id
	}
	id := int32(len(v.words))
	v.version++
	v.words = append(v.words, w)
	v.arena = append(v.arena, w...)
	b := (mix(hashString(w)) >> 20) % wordFilterBits
	v.wordBits[b/64] |= 1 << (b % 64)
	if 2*len(v.words) > len(v.slots) {
		v.slots = make([]vocabSlot, 2*len(v.slots))
		off := uint32(0)
		for i, w := range v.words {
			v.put(w, int32(i), off)
			off += uint32(len(w))
		}
	} else {
		v.put(w, id, uint32(len(v.arena)-len(w)))
	}
	return id
}

func (v *Vocabulary) put(w string, id int32, off uint32) {
	m := mix(hashString(w))
	mask := uint64(len(v.slots) - 1)
	for i := m & mask; ; i = (i + 1) & mask {
		if v.slots[i].tag == 0 {
			v.slots[i] = vocabSlot{tag: tagOf(m), id: id, off: off, n: uint32(len(w))}
			return
		}
	}
}

// ID returns the id of w, or NoWord.
func (v *Vocabulary) ID(w string) int32 { return v.find(hashString(w), "", w) }

// find returns the id of the word head+rest whose reversed hash is h, or
// NoWord.
func (v *Vocabulary) find(h uint64, head, rest string) int32 {
	m := mix(h)
	tag := tagOf(m)
	mask := uint64(len(v.slots) - 1)
	for i := m & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s.tag == 0 {
			return NoWord
		}
		if s.tag == tag && int(s.n) == len(head)+len(rest) {
			if w := v.arena[s.off : s.off+s.n]; string(w[:len(head)]) == head && string(w[len(head):]) == rest {
				return s.id
			}
		}
	}
}

// Word returns the word of an id given by Add.
func (v *Vocabulary) Word(id int32) string { return v.words[id] }

// Len is the number of words in the vocabulary.
func (v *Vocabulary) Len() int { return len(v.words) }

// Reading is one reading of a token as clitic prefixes plus a stem the
// vocabulary holds and has marked as one (MarkStem): Proclitics gives the
// readings, in its order.
type Reading struct {
	// Prefix is the clitics removed, as written ("و", "بال", "لل").
	Prefix string
	// Word is the id of the stem.
	Word int32
	// Short: the stem (for a Bare reading, the stem with its article) has
	// at most two letters.
	Short bool
	// Bare: a reading after لل with the article of its stem dropped too
	// ("للاعتداءات" as لل + اعتداءات), listed right after the reading with
	// the article whether or not that one's stem is known. Trie.Longest
	// never uses it; a caller matching words listed without their article
	// may.
	Bare bool
}

// Sentence is a run of tokens read once against a Vocabulary (Read): the
// id of each token and its clitic readings whose stems are marked, so that
// every pattern lookup afterwards compares integers. A Sentence reused for
// the sentences of a text remembers the words it has read (a small cache),
// so a frequent word is read once.
type Sentence struct {
	// Tokens are the tokens read.
	Tokens []Token
	// Words holds the id of each token's normalised form, or NoWord.
	Words []int32
	// Cut holds the id of each token's normalised form without the run
	// of و and ف it starts with (CutConjunctions), or NoWord when the
	// token starts with none, is nothing else or is not in the
	// vocabulary.
	Cut      []int32
	readings []Reading
	from     []int32 // the readings of token k are readings[from[k]:from[k+1]]
	cache    *readCache
	reads    int // calls of Read: the cache is made on the second
}

// readCache remembers what Read found for recent words (16,384 entries:
// the words of a news corpus fit with few collisions): direct-mapped by
// hash, the words copied into its own arena (a cached word keeps no text
// alive), their readings in one pool. It is emptied when the pool or the
// arena is full, or when the vocabulary has changed.
type readCache struct {
	vocab    *Vocabulary
	version  int
	entries  [readCacheSize]readEntry
	arena    []byte
	readings []Reading
}

const (
	readCacheSize  = 1 << 14
	readCacheBytes = 1 << 18 // arena and pool limit
)

// readEntry is one cached word: arena[off:off+n], its id, and its readings
// pool[rd:rd+rn]; n == 0 for an empty entry (an empty word is not cached).
type readEntry struct {
	off, n  uint32
	id, cut int32
	rd, rn  uint32
}

// cacheFor returns s's cache, emptied if it was filled against another
// vocabulary or an earlier state of v; nil on the first Read of s (a
// Sentence read once needs none).
func (s *Sentence) cacheFor(v *Vocabulary) *readCache {
	if s.reads++; s.reads < 2 {
		return nil
	}
	c := s.cache
	if c == nil {
		c = &readCache{}
		s.cache = c
	}
	if c.vocab != v || c.version != v.version || len(c.arena) > readCacheBytes || len(c.readings) > readCacheBytes {
		c.vocab, c.version = v, v.version
		c.entries = [readCacheSize]readEntry{}
		c.arena, c.readings = c.arena[:0], c.readings[:0]
	}
	return c
}

// Read reads toks into s against v, reusing s's memory: no allocation once
// s has grown to the longest sentence and its cache is warm.
func (v *Vocabulary) Read(s *Sentence, toks []Token) {
	s.Tokens = toks
	s.Words = s.Words[:0]
	s.Cut = s.Cut[:0]
	s.readings = s.readings[:0]
	s.from = s.from[:0]
	c := s.cacheFor(v)
	var cl [maxClitics]clitic
	// suffix[k] is the reversed hash of w[k:] for the first bytes of w,
	// where every stem of a reading starts.
	var suffix [maxPrefixBytes + 1]uint64
	for _, t := range toks {
		w := t.Norm
		s.from = append(s.from, int32(len(s.readings)))
		var e *readEntry
		if c != nil {
			e = &c.entries[quickHash(w)&(readCacheSize-1)]
			if e.n != 0 && int(e.n) == len(w) && string(c.arena[e.off:e.off+e.n]) == w {
				s.Words = append(s.Words, e.id)
				s.Cut = append(s.Cut, e.cut)
				s.readings = append(s.readings, c.readings[e.rd:e.rd+e.rn]...)
				continue
			}
		}
		h := uint64(fnvOffset)
		if len(w) <= maxPrefixBytes {
			suffix[len(w)] = h
		}
		for k := len(w) - 1; k >= 0; k-- {
			h = hashStep(h, w[k])
			if k <= maxPrefixBytes {
				suffix[k] = h
			}
		}
		m := mix(h)
		id := NoWord
		if b := (m >> 20) % wordFilterBits; v.wordBits[b/64]&(1<<(b%64)) != 0 {
			id = v.find(h, "", w)
		}
		s.Words = append(s.Words, id)
		cut := v.cutID(w, &suffix)
		s.Cut = append(s.Cut, cut)
		from := len(s.readings)
		if procliticStart(w) {
			for _, c := range appendProclitics(cl[:0], w) {
				off := len(w) - len(c.rest) // c.rest is a suffix of w
				hs := suffix[off]
				for k := len(c.head) - 1; k >= 0; k-- {
					hs = hashStep(hs, c.head[k])
				}
				if id := v.findStem(hs, c.head, c.rest); id != NoWord {
					s.readings = append(s.readings, Reading{Prefix: c.prefix, Word: id, Short: c.short()})
				}
				if c.head != "" { // after لل: the stem without its article
					if id := v.findStem(suffix[off+len("ل")], "", c.rest[len("ل"):]); id != NoWord {
						s.readings = append(s.readings, Reading{Prefix: c.prefix, Word: id, Short: c.short(), Bare: true})
					}
				}
			}
		}
		if e != nil && len(w) > 0 && len(w) < readCacheBytes {
			*e = readEntry{off: uint32(len(c.arena)), n: uint32(len(w)), id: id, cut: cut, rd: uint32(len(c.readings)), rn: uint32(len(s.readings) - from)}
			c.arena = append(c.arena, w...)
			c.readings = append(c.readings, s.readings[from:]...)
		}
	}
	s.from = append(s.from, int32(len(s.readings)))
}

// quickHash is the hash of a word in a Sentence's read cache: its length
// and its first and last eight bytes, so that a word found in the cache is
// not hashed byte by byte.
func quickHash(w string) uint64 {
	n := len(w)
	var lo, hi uint64
	if n >= 8 {
		lo = le64(w[:8])
		hi = le64(w[n-8:])
	} else {
		for i := range n {
			lo = lo<<8 | uint64(w[i])
		}
	}
	return mix(lo*0x9E3779B97F4A7C15 ^ hi ^ uint64(n))
}

// le64 reads the first eight bytes of s as a little-endian number.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// cutID returns the id of w without its leading run of و and ف, or
// NoWord (Sentence.Cut); suffix holds the reversed hashes of the suffixes
// of w from its first bytes (Read).
func (v *Vocabulary) cutID(w string, suffix *[maxPrefixBytes + 1]uint64) int32 {
	r := CutConjunctions(w)
	if r == w || r == "" {
		return NoWord
	}
	h := uint64(0)
	if off := len(w) - len(r); off <= maxPrefixBytes {
		h = suffix[off]
	} else {
		h = hashString(r)
	}
	if b := (mix(h) >> 20) % wordFilterBits; v.wordBits[b/64]&(1<<(b%64)) == 0 {
		return NoWord
	}
	return v.find(h, "", r)
}

// Readings returns the clitic readings of token k whose stem is marked
// (MarkStem), most specific first.
func (s *Sentence) Readings(k int) []Reading { return s.readings[s.from[k]:s.from[k+1]] }

// Trie is a multi-pattern matcher over sequences of word ids: every
// pattern (a name, a cue phrase) is a path of words from the root, so one
// walk from each token finds every pattern starting there. Its nodes are
// numbered from 0 (the root); the caller keeps the payload of a pattern's
// node. The root's children are an array indexed by word id, the other
// nodes' a short sorted list.
type Trie struct {
	vocab *Vocabulary
	root  []int32 // word id -> child of the root, or -1
	// rootBits has bit w set when word w has a child of the root: a
	// small array read before root, which is much larger.
	rootBits []uint64
	kids     [][]edge // per node but the root: its children by word id
	end      []bool   // per node: a pattern ends here
	most     int      // the most words of a pattern
}

type edge struct{ word, node int32 }

// NewTrie returns an empty trie over the words of v; Insert adds to v.
func NewTrie(v *Vocabulary) *Trie {
	return &Trie{vocab: v, kids: [][]edge{nil}, end: []bool{false}}
}

// Vocabulary returns the vocabulary the trie's words are ids of.
func (t *Trie) Vocabulary() *Vocabulary { return t.vocab }

// Len is the number of nodes, the root included.
func (t *Trie) Len() int { return len(t.end) }

// Insert adds a pattern of normalised words and returns its node.
func (t *Trie) Insert(words []string) int32 {
	n := int32(0)
	for _, w := range words {
		id := t.vocab.Add(w)
		c := t.Child(n, id)
		if c < 0 {
			c = int32(len(t.end))
			t.kids = append(t.kids, nil)
			t.end = append(t.end, false)
			if n == 0 {
				for int(id) >= len(t.root) {
					t.root = append(t.root, -1)
				}
				t.root[id] = c
				for int(id)/64 >= len(t.rootBits) {
					t.rootBits = append(t.rootBits, 0)
				}
				t.rootBits[id/64] |= 1 << (id % 64)
			} else {
				k, _ := slices.BinarySearchFunc(t.kids[n], id, func(e edge, id int32) int { return int(e.word - id) })
				t.kids[n] = slices.Insert(t.kids[n], k, edge{word: id, node: c})
			}
		}
		n = c
	}
	if len(words) > 0 {
		t.vocab.MarkStem(t.vocab.ID(words[0]))
	}
	t.end[n] = true
	t.most = max(t.most, len(words))
	return n
}

// MaxWords is the number of words of the longest pattern.
func (t *Trie) MaxWords() int { return t.most }

// Child returns the child of node n by word id w, or -1.
func (t *Trie) Child(n, w int32) int32 {
	if w < 0 {
		return -1
	}
	if n == 0 {
		return t.rootChild(w)
	}
	kids := t.kids[n]
	if len(kids) <= 8 {
		for _, e := range kids {
			if e.word == w {
				return e.node
			}
		}
		return -1
	}
	lo, hi := 0, len(kids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if kids[m].word < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(kids) && kids[lo].word == w {
		return kids[lo].node
	}
	return -1
}

// End reports whether a pattern ends at node n.
func (t *Trie) End(n int32) bool { return t.end[n] }

// Match is the longest pattern found at a token.
type Match struct {
	// Node is the pattern's node, End the token after it.
	Node int32
	End  int
	// Prefix is the clitics read off the first token ("" for none).
	Prefix string
}

// Longest finds the longest pattern starting at token i of s. The first
// token may also be read without its clitic prefixes (s.Readings, Bare
// ones excepted) when keep accepts the reading (nil keeps all): a reading
// counts only when its stem starts a pattern, so names are never stemmed
// otherwise. On equal length the token as written wins, then the reading
// with the fewest letters removed.
func (t *Trie) Longest(s *Sentence, i int, keep func(Reading) bool) (Match, bool) {
	best := Match{Node: -1}
	if n := t.rootChild(s.Words[i]); n >= 0 {
		t.walk(s, i, n, "", &best)
	}
	for _, r := range s.Readings(i) {
		if n := t.rootChild(r.Word); n >= 0 && !r.Bare && (keep == nil || keep(r)) {
			t.walk(s, i, n, r.Prefix, &best)
		}
	}
	return best, best.Node >= 0
}

// rootChild is Child(0, w), small enough to be inlined.
func (t *Trie) rootChild(w int32) int32 {
	if w >= 0 && int(w)/64 < len(t.rootBits) && t.rootBits[w/64]&(1<<(w%64)) != 0 {
		return t.root[w]
	}
	return -1
}

// walk follows the words of s from token i, read as the root's child n,
// and keeps in best the longest pattern ending on the way.
func (t *Trie) walk(s *Sentence, i int, n int32, prefix string, best *Match) {
	j := i + 1
	for {
		if t.end[n] && (j > best.End || best.Node < 0) {
			*best = Match{Node: n, End: j, Prefix: prefix}
		}
		if j >= len(s.Words) {
			return
		}
		if n = t.Child(n, s.Words[j]); n < 0 {
			return
		}
		j++
	}
}

// procliticStart reports whether a normalised word starts with a letter a
// proclitic can be (و ف ب ل ك, or ا of the article): only such a word has
// readings without its clitics.
func procliticStart(w string) bool {
	if len(w) < 2 || w[0] != 0xD8 && w[0] != 0xD9 {
		return false
	}
	switch w[:2] {
	case "و", "ف", "ب", "ل", "ك", "ا":
		return true
	}
	return false
}

// hasPrefix is strings.HasPrefix, inlined.
func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// CutConjunctions returns w without the run of و and ف it starts with,
// as strings.TrimLeft(w, "وف") does, without decoding runes.
func CutConjunctions(w string) string {
	for len(w) >= 2 && w[0] == 0xD9 && (w[1] == 0x88 || w[1] == 0x81) {
		w = w[2:]
	}
	return w
}

// short reports whether the stem of c has at most two letters.
func (c clitic) short() bool {
	return utf8.RuneCountInString(c.head)+utf8.RuneCountInString(c.rest) <= 2
}
