package loader

import (
	"slices"
	"strings"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// mentionCounter counts gazetteer forms in a text when no Extractor is set.
// It matches with the project's one mention matcher, as the extractor does
// (arabic.Trie over the tokens of arabic.AppendTokens): at each token the
// longest form (names, capitals, demonyms) is counted, the first token read
// as written or without its clitic prefixes (arabic.Proclitics), and the
// count goes on after it. It finds no claims, and none of what the
// extractor's entity layer adds (titles for their holder, discovered
// names, anaphors).
type mentionCounter struct {
	vocab *arabic.Vocabulary
	trie  *arabic.Trie
	// actor is, per trie node, the actor whose form ends there ("" none).
	actor []string
}

func newMentionCounter(g *gazetteer.Gazetteer) *mentionCounter {
	v := arabic.NewVocabulary()
	mc := &mentionCounter{vocab: v, trie: arabic.NewTrie(v)}
	var toks []arabic.Token
	words := []string(nil)
	for _, e := range g.Entries() {
		for _, f := range e.Forms {
			toks = arabic.AppendTokens(toks[:0], f.Text, 0)
			if len(toks) == 0 {
				continue
			}
			words = words[:0]
			for _, t := range toks {
				words = append(words, t.Norm)
			}
			n := mc.trie.Insert(words)
			for int(n) >= len(mc.actor) {
				mc.actor = append(mc.actor, "")
			}
			if mc.actor[n] == "" {
				mc.actor[n] = e.ID
			}
		}
	}
	return mc
}

// Count returns the actors whose forms occur in text, with their counts,
// sorted by actor id.
func (mc *mentionCounter) Count(text string) []graph.Mention {
	var s arabic.Sentence
	mc.vocab.Read(&s, arabic.Tokens(text))
	counts := map[string]int{}
	for i := 0; i < len(s.Tokens); {
		m, ok := mc.trie.Longest(&s, i, nil)
		if !ok {
			i++
			continue
		}
		counts[mc.actor[m.Node]]++
		i = m.End
	}
	out := make([]graph.Mention, 0, len(counts))
	for id, c := range counts {
		out = append(out, graph.Mention{Actor: id, Count: c})
	}
	slices.SortFunc(out, func(a, b graph.Mention) int { return strings.Compare(a.Actor, b.Actor) })
	return out
}
