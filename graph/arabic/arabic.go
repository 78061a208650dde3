// Package arabic normalises Arabic (and Latin) text so that a name is matched
// the same way everywhere: by the loader's gazetteer, by the extractor and by
// actor search in every store.
//
// Normalisation applies NFKC (Arabic presentation forms become letters),
// removes diacritics and tatweel, unifies the alef forms (أ إ آ ٱ → ا) and the
// hamza carriers (ؤ → و, ئ → ي), folds ة → ه and ى → ي, maps Arabic-Indic
// digits to ASCII, lower-cases Latin letters, and turns punctuation and
// quotation marks into spaces. Names are never stemmed.
package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// FoldRune returns the normalised form of one rune: a string of zero or more
// letters or digits, or " " for a separator. It is the single source of the
// folding rules; Normalize and the tokenizer are built on it.
func FoldRune(r rune) string {
	switch {
	case r >= 'A' && r <= 'Z':
		return string(r + 'a' - 'A')
	case r < utf8.RuneSelf:
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return string(r)
		}
		return " "
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return "ا"
	case 'ؤ':
		return "و"
	case 'ئ', 'ى', 'ی', 'ې':
		return "ي"
	case 'ة', 'ۀ', 'ە', 'ھ', 'ہ': // Persian and Urdu heh forms, met in Gulf and Iranian outlets
		return "ه"
	case 'ک':
		return "ك"
	case 'ـ': // tatweel
		return ""
	case '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\ufeff':
		return ""
	}
	if r >= '٠' && r <= '٩' {
		return string('0' + r - '٠')
	}
	if r >= '۰' && r <= '۹' {
		return string('0' + r - '۰')
	}
	if isDiacritic(r) {
		return ""
	}
	if (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF) || (r >= 0xFF00 && r <= 0xFFEF) {
		var b strings.Builder
		for _, d := range norm.NFKC.String(string(r)) {
			if d == r {
				return string(r)
			}
			b.WriteString(FoldRune(d))
		}
		return b.String()
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return string(unicode.ToLower(r))
	}
	return " "
}

func isDiacritic(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x06D6 && r <= 0x06ED ||
		r >= 0x0610 && r <= 0x061A || unicode.Is(unicode.Mn, r)
}

// Normalize returns s normalised, with runs of separators collapsed into one
// space and no leading or trailing space. It allocates nothing when s is
// already normalised (s itself is returned), and otherwise only the
// returned string.
func Normalize(s string) string {
	i := normalizedPrefix(s)
	if i == len(s) {
		return s
	}
	// s[:i] is normalised and ends a word (or is empty): copy it, then
	// fold the rest. buf is never changed once given out as the result.
	buf := make([]byte, i, len(s))
	copy(buf, s[:i])
	buf = appendFolded(buf, s[i:], i == 0)
	if len(buf) == 0 {
		return ""
	}
	return unsafe.String(&buf[0], len(buf))
}

// AppendNormalize appends Normalize(s) to dst and returns the extended
// slice; it allocates nothing when dst has room.
func AppendNormalize(dst []byte, s string) []byte {
	return appendFolded(dst, s, true)
}

// appendFolded appends the folded runes of s to dst, runs of separators as
// one space, none at the end; space tells whether a separator would be
// leading (at the start of the result) and so dropped.
func appendFolded(dst []byte, s string, space bool) []byte {
	n0 := len(dst)
	run := 0 // s[run:j] is to be copied as it is
	for j := 0; j < len(s); {
		c := s[j]
		var r rune
		size := 1
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			j++
			space = false
			continue
		case c == ' ' && !space:
			j++
			space = true
			continue
		case c < utf8.RuneSelf:
			r = rune(c)
		case c >= 0xC2 && c <= 0xDF && j+1 < len(s) && s[j+1]&0xC0 == 0x80:
			// Two bytes, the Arabic block among them.
			r, size = rune(c&0x1F)<<6|rune(s[j+1]&0x3F), 2
			if r < rune(len(sameFold)) && sameFold[r] {
				j += 2
				space = false
				continue
			}
		default:
			r, size = utf8.DecodeRuneInString(s[j:])
			if r < rune(len(sameFold)) && sameFold[r] {
				j += size
				space = false
				continue
			}
		}
		dst = append(dst, s[run:j]...)
		j += size
		run = j
		f := fold(r)
		if f == " " {
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		if f != "" {
			dst = append(dst, f...)
			space = false
		}
	}
	dst = append(dst, s[run:]...)
	if len(dst) > n0 && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// sameFold[r] is true when FoldRune(r) is r itself, a letter or digit,
// for the runes of foldTable.
var sameFold = func() (t [len(foldTable)]bool) {
	for r := range t {
		t[r] = r != ' ' && foldTable[r] == string(rune(r))
	}
	return t
}()

// normalizedPrefix returns the length of the longest prefix of s that
// Normalize leaves as it is and after which it goes on in the same way: all
// of s when Normalize(s) == s, else a prefix ending after a word (before
// its space) or 0.
func normalizedPrefix(s string) int {
	wordEnd := 0 // the end of the last word read
	space := true
	for i, r := range s {
		switch {
		case r >= 0 && int(r) < len(sameFold) && sameFold[r]:
			space = false
			wordEnd = i + utf8.RuneLen(r)
			continue
		case r == ' ' && !space:
			space = true
			continue
		case r >= int32(len(sameFold)):
			if f := FoldRune(r); f != "" && f != " " && len(f) == utf8.RuneLen(r) && s[i:i+len(f)] == f {
				space = false
				wordEnd = i + len(f)
				continue
			}
		}
		return wordEnd
	}
	if space && s != "" {
		return wordEnd
	}
	return len(s)
}

// Scores returned by MatchScore, best first.
const (
	ScoreExact       = 1.0  // the whole name
	ScoreNoArticle   = 0.95 // the whole name once a leading ال is dropped from either side
	ScoreTokens      = 0.9  // every query word is a word of the name
	ScorePrefix      = 0.8  // the name starts with the query
	ScoreTokenPrefix = 0.6  // a word of the name starts with the query
	ScoreSubstring   = 0.4  // the query occurs inside the name
)

// MatchScore scores how well a name matches a search query, both already
// normalised: 0 when it does not match, otherwise one of the Score
// constants. Stores rank search results with it.
func MatchScore(query, name string) float64 {
	if query == "" || name == "" {
		return 0
	}
	if query == name {
		return ScoreExact
	}
	if stripArticle(query) == stripArticle(name) {
		return ScoreNoArticle
	}
	nameWords := strings.Fields(name)
	all := true
	for _, q := range strings.Fields(query) {
		found := false
		for _, w := range nameWords {
			if w == q || stripArticle(w) == stripArticle(q) {
				found = true
				break
			}
		}
		if !found {
			all = false
			break
		}
	}
	if all {
		return ScoreTokens
	}
	if strings.HasPrefix(name, query) {
		return ScorePrefix
	}
	for _, w := range nameWords {
		if strings.HasPrefix(w, query) || strings.HasPrefix(stripArticle(w), query) {
			return ScoreTokenPrefix
		}
	}
	if strings.Contains(name, query) {
		return ScoreSubstring
	}
	return 0
}

func stripArticle(s string) string {
	if strings.HasPrefix(s, "ال") && utf8.RuneCountInString(s) > 3 {
		return s[len("ال"):]
	}
	return s
}
