package extract

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/internal/input"
)

// Triggers as lemmas: relations.<type>.lemmas lists verbs and their verbal
// nouns as an analyst writes them (arabic.Lemma); the lexicon generates
// their inflections (arabic.Inflect):
//
//	relations:
//	  supported:
//	    lemmas:
//	      - {perfect: دعم, imperfect: يدعم, nouns: [دعم]}
//	      - {perfect: تعاون, nouns: [تعاون], prep: مع}   # a split verb: "تعاون X مع Y"
//
// The finite forms become verbs (split verbs with prep), the verbal nouns
// nouns, the nouns with a possessive pronoun own nouns ("دعمها": the
// speaker's support; a meeting noun with one, "استقباله", is left to the
// frame meeting/own-noun). Future forms (سيدعم) are left out: an intention is
// no relation, and a planned meeting is not met. A form the lexicon
// already lists, by hand or from another lemma, keeps its first meaning.

// lemmaYAML is one entry of a lemmas section.
type lemmaYAML struct {
	Perfect   string   `yaml:"perfect"`
	Imperfect string   `yaml:"imperfect"`
	Nouns     []string `yaml:"nouns"`
	Plurals   []string `yaml:"plurals"`
	Prep      string   `yaml:"prep"`
}

// lemmaNode is a lemmas section, read once the hand-written lists are.
type lemmaNode struct {
	rel  graph.RelationType
	node *yaml.Node
}

// lemmaSection reports whether a lexicon path is a lemmas section and
// returns its relation type.
func lemmaSection(path string) (graph.RelationType, bool) {
	rest, ok := strings.CutPrefix(path, "relations.")
	if !ok {
		return "", false
	}
	typ, ok := strings.CutSuffix(rest, ".lemmas")
	if !ok {
		return "", false
	}
	rel, err := graph.ParseRelationType(typ)
	return rel, err == nil
}

// addLemmas adds the inflections of the lemmas of section n to the
// lexicon; seen holds the entries already listed.
func (l *Lexicon) addLemmas(name string, rel graph.RelationType, n *yaml.Node, seen map[string]cueSpec) []error {
	if n.Kind != yaml.SequenceNode {
		return []error{input.Errorf(input.Line(name, n.Line), "lemmas: want a list, got a %s", kindName(n))}
	}
	var errs []error
	for _, it := range n.Content {
		var ly lemmaYAML
		if err := it.Decode(&ly); err != nil {
			errs = append(errs, input.Errorf(input.Line(name, it.Line), "lemma: %v", err))
			continue
		}
		infl, err := arabic.Inflect(arabic.Lemma{Perfect: ly.Perfect, Imperfect: ly.Imperfect, Nouns: ly.Nouns, Plurals: ly.Plurals})
		if err != nil {
			errs = append(errs, input.Errorf(input.Line(name, it.Line), "%v", err))
			continue
		}
		prep := arabic.Normalize(strings.TrimSpace(ly.Prep))
		// A form that is both a finite verb and a verbal noun of the lemma
		// ("دعم") is read as the noun, the more frequent in news.
		nouns := map[string]bool{}
		for _, f := range infl {
			if f.Aspect == arabic.VerbalNoun {
				nouns[f.Norm] = true
			}
		}
		for _, f := range infl {
			if f.Aspect != arabic.VerbalNoun && nouns[f.Norm] {
				continue
			}
			spec, ok := lemmaSpec(rel, f, prep)
			if !ok {
				continue
			}
			spec.text, spec.line, spec.lemma = f.Norm, it.Line, true
			key := f.Norm + "|"
			if _, dup := seen[key]; dup {
				continue
			}
			seen[key] = spec
			l.entries = append(l.entries, cueEntry{tokens: []string{f.Norm}, spec: spec})
		}
	}
	return errs
}

// lemmaSpec is the cue an inflection of a lemma of relation rel stands
// for, or ok false for the forms left out.
func lemmaSpec(rel graph.RelationType, f arabic.Inflection, prep string) (cueSpec, bool) {
	switch {
	case f.Future:
		return cueSpec{}, false
	case f.Aspect == arabic.Perfect || f.Aspect == arabic.Imperfect:
		s := cueSpec{kind: cueVerb, rel: rel, splitPrep: prep}
		return s, true
	case f.Aspect == arabic.VerbalNoun && f.Object != "" && rel == graph.Met:
		return cueSpec{}, false // "استقباله": the frame meeting/own-noun reads it
	case f.Aspect == arabic.VerbalNoun:
		return cueSpec{kind: cueNoun, rel: rel, own: f.Object != ""}, true
	}
	return cueSpec{}, false
}
