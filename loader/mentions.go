package loader

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// mentionCounter counts gazetteer forms in a text when no Extractor is set.
// It is deliberately minimal: the text is normalised with arabic.FoldRune and
// split into words; at each word the longest gazetteer form (names, capitals,
// demonyms) matching the following whole words is counted, trying the word
// as is and then without a clitic prefix (و ف ب ل ك ال لل وال بال فال كال).
// It finds no claims; the extractor (loader/extract) is the real matcher.
type mentionCounter struct {
	// byFirst maps a form's first normalised word to the forms starting
	// with it, longest first.
	byFirst map[string][]pattern
}

type pattern struct {
	words []string
	actor string
}

var cliticPrefixes = []string{"وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"}

func newMentionCounter(g *gazetteer.Gazetteer) *mentionCounter {
	mc := &mentionCounter{byFirst: map[string][]pattern{}}
	for _, e := range g.Entries() {
		for _, f := range e.Forms {
			words := strings.Fields(f.Normalized)
			mc.byFirst[words[0]] = append(mc.byFirst[words[0]], pattern{words: words, actor: e.ID})
		}
	}
	for k, ps := range mc.byFirst {
		slices.SortStableFunc(ps, func(a, b pattern) int { return len(b.words) - len(a.words) })
		mc.byFirst[k] = ps
	}
	return mc
}

// Count returns the actors whose forms occur in text, with their counts,
// sorted by actor id.
func (mc *mentionCounter) Count(text string) []graph.Mention {
	words := normalizedWords(text)
	counts := map[string]int{}
	for i := 0; i < len(words); {
		n, actor := mc.matchAt(words, i)
		if n == 0 {
			i++
			continue
		}
		counts[actor]++
		i += n
	}
	out := make([]graph.Mention, 0, len(counts))
	for id, c := range counts {
		out = append(out, graph.Mention{Actor: id, Count: c})
	}
	slices.SortFunc(out, func(a, b graph.Mention) int { return strings.Compare(a.Actor, b.Actor) })
	return out
}

// matchAt returns the number of words and the actor of the longest form
// starting at words[i], trying words[i] as is and without a clitic prefix;
// 0 when none matches.
func (mc *mentionCounter) matchAt(words []string, i int) (int, string) {
	best, actor := 0, ""
	try := func(first string) {
		for _, p := range mc.byFirst[first] {
			if len(p.words) <= best || i+len(p.words) > len(words) {
				continue
			}
			if slices.Equal(p.words[1:], words[i+1:i+len(p.words)]) {
				best, actor = len(p.words), p.actor
				return
			}
		}
	}
	w := words[i]
	try(w)
	for _, prefix := range cliticPrefixes {
		rest, ok := strings.CutPrefix(w, prefix)
		if !ok || utf8.RuneCountInString(rest) < 2 {
			continue
		}
		try(rest)
		if prefix == "لل" {
			try("ال" + rest)
		}
	}
	return best, actor
}

// foldTable caches arabic.FoldRune for the runes below 0x700 (ASCII, Latin,
// Arabic), which make up nearly all of the corpus.
var foldTable = func() (t [0x700]string) {
	for r := range rune(len(t)) {
		t[r] = arabic.FoldRune(r)
	}
	return t
}()

// normalizedWords returns the words of text after arabic.FoldRune, as
// substrings of one normalised copy of the text.
func normalizedWords(text string) []string {
	norm := make([]byte, 0, len(text))
	var ends []int
	inWord := false
	for _, r := range text {
		var f string
		if r < rune(len(foldTable)) {
			f = foldTable[r]
		} else {
			f = arabic.FoldRune(r)
		}
		if f == " " {
			if inWord {
				ends = append(ends, len(norm))
				inWord = false
			}
			continue
		}
		if f != "" {
			norm = append(norm, f...)
			inWord = true
		}
	}
	if inWord {
		ends = append(ends, len(norm))
	}
	all := string(norm)
	words := make([]string, len(ends))
	start := 0
	for i, end := range ends {
		words[i] = all[start:end]
		start = end
	}
	return words
}
