package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/internal/input"
)

// TestLexiconErrors checks that a malformed lexicon is rejected with the
// file and line of the mistake.
func TestLexiconErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"duplicate entry", "relations:\n  met:\n    verbs: [التقى]\n    nouns: [لقاء, التقى]\n", `lex.yaml:4: "التقى" is already listed at line 3`},
		{"duplicate after normalisation", "titles: [رئيس]\nclause_breaks: [رَئِيس]\n", "lex.yaml:2:"},
		{"unknown section", "relations:\n  met:\n    adverbs: [x]\n", `lex.yaml:3: unknown section "relations.met.adverbs"`},
		{"unknown top key", "triggers: [x]\n", `lex.yaml:1: unknown section "triggers"`},
		{"not a word", "titles: [[a, b]]\n", "lex.yaml:1: titles: want a word, got a list"},
		{"empty entry", "titles: [\"،\"]\n", `lex.yaml:1: titles: empty entry`},
		{"bad version", "version: 2\n", `lex.yaml:1: unsupported version "2"`},
		{"syntax", "titles: [a\n", "lex.yaml:1: YAML:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseLexicon("lex.yaml", []byte(tc.yaml))
			if err == nil {
				t.Fatalf("got no error, want %q", tc.want)
			}
			if !errors.Is(err, graph.ErrInvalid) {
				t.Errorf("got error %v, want an input error (graph.ErrInvalid)", err)
			}
			if got := strings.Join(input.Messages(err), "\n"); !strings.Contains(got, tc.want) {
				t.Errorf("got messages %q, want one containing %q", got, tc.want)
			}
		})
	}
}

// TestLexiconFile checks the project's lexicon loads and covers every
// relation type.
func TestLexiconFile(t *testing.T) {
	lex, err := LoadLexicon(triggersFile)
	if err != nil {
		t.Fatal(err)
	}
	have := map[graph.RelationType]map[cueKind]bool{}
	for _, e := range lex.entries {
		if e.spec.rel != "" {
			if have[e.spec.rel] == nil {
				have[e.spec.rel] = map[cueKind]bool{}
			}
			have[e.spec.rel][e.spec.kind] = true
		}
	}
	for _, rt := range graph.RelationTypes {
		if !have[rt][cueVerb] || !have[rt][cueNoun] {
			t.Errorf("got %s kinds %v, want verbs and nouns", rt, have[rt])
		}
	}
}
