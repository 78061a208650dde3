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
	case 'ة', 'ۀ', 'ە':
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
// space and no leading or trailing space.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range s {
		f := FoldRune(r)
		if f == " " {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		if f != "" {
			b.WriteString(f)
			space = false
		}
	}
	return strings.TrimSuffix(b.String(), " ")
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
