package loader_test

import (
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// extractorOn returns a loader.Options.Extractor that builds the real
// extractor with lex on the gazetteer the loader merged.
func extractorOn(lex *extract.Lexicon) func(*gazetteer.Gazetteer) (loader.Extractor, error) {
	return func(g *gazetteer.Gazetteer) (loader.Extractor, error) {
		return extract.New(extract.FromGazetteer(g), lex, extract.WithRoles(g.Roles()))
	}
}

// ready returns a loader.Options.Extractor that gives x, built beforehand,
// whatever the gazetteer.
func ready(x loader.Extractor) func(*gazetteer.Gazetteer) (loader.Extractor, error) {
	return func(*gazetteer.Gazetteer) (loader.Extractor, error) { return x, nil }
}
