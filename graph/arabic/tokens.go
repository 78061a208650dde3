package arabic

import (
	"strings"
	"unicode/utf8"
)

// Token is one word of a text: its normalised form and the byte range
// [Start, End) it occupies in the original text, so that
// text[Start:End] is the word exactly as written.
type Token struct {
	Norm       string
	Start, End int
}

// foldTable caches FoldRune for the Latin and Arabic blocks, the runes of
// almost every article, so that tokenizing does not allocate per rune.
var foldTable = func() (t [0x700]string) {
	for r := range t {
		t[r] = FoldRune(rune(r))
	}
	return t
}()

func fold(r rune) string {
	if r >= 0 && int(r) < len(foldTable) {
		return foldTable[r]
	}
	return FoldRune(r)
}

type script uint8

const (
	scriptNone script = iota
	scriptArabic
	scriptOther
)

func scriptOf(r rune) script {
	switch {
	case r >= '0' && r <= '9':
		return scriptNone
	case r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return scriptArabic
	}
	return scriptOther
}

// Tokens splits s into normalised words (see Normalize) with their byte
// offsets in s. A word ends at any rune FoldRune turns into a separator and
// where Arabic script meets another script ("الـCIA" gives "ال" and "cia").
// Runes that fold to nothing (diacritics, tatweel) stay inside their word.
func Tokens(s string) []Token {
	return AppendTokens(nil, s, 0)
}

// AppendTokens appends the tokens of s to dst, adding base to every offset
// (for a piece of s taken at offset base of a larger text), and returns the
// extended slice. The normalised strings of the tokens share one buffer:
// one allocation per call, not one per token.
func AppendTokens(dst []Token, s string, base int) []Token {
	// b is never reset: each token's Norm is a slice of what b holds when
	// the token ends, and a strings.Builder never changes bytes it has
	// given out, even when it grows.
	var b strings.Builder
	b.Grow(len(s))
	start, from := -1, 0
	cur := scriptNone
	flush := func(end int) {
		if start >= 0 && b.Len() > from {
			dst = append(dst, Token{Norm: b.String()[from:], Start: base + start, End: base + end})
		}
		from = b.Len()
		start = -1
		cur = scriptNone
	}
	lastEnd := 0
	for i := 0; i < len(s); {
		// The common case first: a letter of the Arabic block (two bytes)
		// that folds to itself, written as it is.
		if c := s[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 && sameFold[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)] {
			if start >= 0 && cur != scriptNone && cur != scriptArabic {
				flush(lastEnd)
			}
			if start < 0 {
				start = i
			}
			cur = scriptArabic
			// The letters after it that fold to themselves too go with it,
			// in one write: nothing but lastEnd changes between them.
			j := i + 2
			for j+1 < len(s) {
				c := s[j]
				if c < 0xD8 || c > 0xDB || s[j+1]&0xC0 != 0x80 || !sameFold[rune(c&0x1F)<<6|rune(s[j+1]&0x3F)] {
					break
				}
				j += 2
			}
			b.WriteString(s[i:j])
			lastEnd = j
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		f := fold(r)
		switch {
		case f == " ":
			flush(lastEnd)
		case f == "":
			if start >= 0 {
				lastEnd = i + utf8.RuneLen(r)
				if r == utf8.RuneError {
					lastEnd = i + 1
				}
			}
		default:
			sc := scriptOf(r)
			if start >= 0 && sc != scriptNone && cur != scriptNone && sc != cur {
				flush(lastEnd)
			}
			if start < 0 {
				start = i
			}
			if sc != scriptNone {
				cur = sc
			}
			b.WriteString(f)
			n := utf8.RuneLen(r)
			if n < 0 {
				n = 1
			}
			lastEnd = i + n
		}
		i += size
	}
	flush(lastEnd)
	return dst
}

// Clitic prefixes that may be glued to a word: a conjunction (و ف), then a
// preposition (ب ل ك), then the article ال, which ل absorbs as لل. The
// combinations are spelled out once so that reading a word allocates
// nothing but the stem of لل.
var (
	conjunctions = []string{"", "و", "ف"}
	prepositions = []string{"ب", "ل", "ك"}
	// withPrep[c][p] is conjunction c followed by preposition p.
	withPrep = func() (t [3][3]string) {
		for i, c := range conjunctions {
			for j, p := range prepositions {
				t[i][j] = c + p
			}
		}
		return t
	}()
	// withArticle maps a prefix to the prefix followed by ال.
	withArticle = func() map[string]string {
		m := map[string]string{}
		for i, c := range conjunctions {
			m[c] = c + "ال"
			for j := range prepositions {
				m[withPrep[i][j]] = withPrep[i][j] + "ال"
			}
		}
		return m
	}()
	// withLamLam[c] is conjunction c followed by لل.
	withLamLam = [3]string{"لل", "ولل", "فلل"}
)

// Split is one reading of a normalised word as clitic prefixes plus a stem.
type Split struct {
	// Prefix is the clitics removed, as written ("و", "بال", "لل").
	Prefix string
	// Stem is what remains; after لل it has its article restored
	// ("للجيش" gives "الجيش").
	Stem string
}

// Proclitics appends to dst every reading of the normalised word w as
// proclitics (و ف, then ب ل ك, then ال, written together as in
// وال بال فال كال لل) plus a stem of at least two letters, most specific
// first: the fewer letters removed, the earlier. w itself is not included.
// Callers keep a reading only when its stem is a known name: names are
// never stemmed otherwise. Vocabulary.Read gives the same readings as word
// ids.
func Proclitics(dst []Split, w string) []Split {
	var cl [maxClitics]clitic
	for _, c := range appendProclitics(cl[:0], w) {
		stem := c.rest
		if c.head != "" {
			stem = c.head + c.rest
		}
		dst = append(dst, Split{Prefix: c.prefix, Stem: stem})
	}
	return dst
}

// ProcliticForms returns words w whose Proclitics may hold a reading with
// stem as its stem: stem after every run of clitics a reading removes
// (و ف, then ب ل ك, then ال), and after لل without the alef the reading
// restores. It holds every such word, and others (a superset, with
// repeats): for tables built ahead of the words they answer for.
func ProcliticForms(stem string) []string {
	var out []string
	rests := []string{stem}
	if r, ok := cutPrefix(stem, "ا"); ok {
		rests = append(rests, r) // "الجيش" of "للجيش": ل + لجيش
	}
	for _, c := range conjunctions {
		for _, p := range append([]string{""}, prepositions...) {
			for _, art := range []string{"", "ال"} {
				for _, r := range rests {
					out = append(out, c+p+art+r)
				}
			}
		}
	}
	return out
}

// maxClitics bounds the readings of one word: at most one conjunction and
// one preposition match, each with or without the article.
const maxClitics = 24

// maxPrefixBytes is the most bytes the clitics of a reading take, with the
// ل of a Bare reading: و or ف, then ب ل or ك, then ال (or لل, then ل).
const maxPrefixBytes = 8

// clitic is one reading of a word: its stem is head+rest, where head is ""
// or, after لل, the alef of the restored article ("للجيش": لل + ا + لجيش).
type clitic struct{ prefix, head, rest string }

// appendProclitics is Proclitics without building the stems of لل: the one
// list of clitic readings, for Proclitics and Vocabulary.Read.
func appendProclitics(dst []clitic, w string) []clitic {
	if hasPrefix(w, "ا") { // no conjunction or preposition: the article alone
		if stem, ok := cutPrefix(w, "ال"); ok && atLeastTwoRunes(stem) {
			dst = append(dst, clitic{prefix: "ال", rest: stem})
		}
		return dst
	}
	n0 := len(dst)
	for i, c := range conjunctions {
		rest, ok := cutPrefix(w, c)
		if !ok {
			continue
		}
		if c != "" && atLeastTwoRunes(rest) {
			dst = append(dst, clitic{prefix: c, rest: rest})
		}
		for j, p := range prepositions {
			stem, ok := cutPrefix(rest, p)
			if !ok {
				continue
			}
			if atLeastTwoRunes(stem) {
				dst = append(dst, clitic{prefix: withPrep[i][j], rest: stem})
			}
			if j == 1 && hasPrefix(stem, "ل") { // ل then ل: لل, the article's alef absorbed
				dst = append(dst, clitic{prefix: withLamLam[i], head: "ا", rest: stem}) // "ا" + "ل…" has two letters
			}
		}
	}
	n := len(dst)
	for k := n0; k < n; k++ {
		if d := dst[k]; d.head == "" {
			if stem, ok := cutPrefix(d.rest, "ال"); ok && atLeastTwoRunes(stem) {
				dst = append(dst, clitic{prefix: withArticle[d.prefix], rest: stem})
			}
		}
	}
	if stem, ok := cutPrefix(w, "ال"); ok && atLeastTwoRunes(stem) {
		dst = append(dst, clitic{prefix: "ال", rest: stem})
	}
	return dst
}

// cutPrefix is strings.CutPrefix, inlined.
func cutPrefix(s, p string) (string, bool) {
	if hasPrefix(s, p) {
		return s[len(p):], true
	}
	return s, false
}

// atLeastTwoRunes reports whether s holds two runes or more.
func atLeastTwoRunes(s string) bool {
	if len(s) == 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(s)
	return len(s) > n
}
