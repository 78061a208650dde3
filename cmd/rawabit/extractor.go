package main

import (
	"errors"
	"fmt"

	"github.com/rawabit/rawabit/loader/extract"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// errNoExtractorInput: the default gazetteer or lexicon is missing, so loads
// go on without the extractor.
var errNoExtractorInput = errors.New("no gazetteer or no trigger lexicon")

// Extractor builds the extractor of the configuration from data.gazetteer
// (merged in order) and data.triggers. Errors name the file and line of a
// malformed input. When a default input file is missing it returns nil and
// no error, and logs a warning: loads then use the gazetteer mentions and
// curated claims alone.
func (app *App) Extractor() (*extract.Extractor, error) {
	var gazetteers []string
	for _, g := range app.Config.Data.Gazetteer {
		if g = app.dataFile("data.gazetteer", g); g != "" {
			gazetteers = append(gazetteers, g)
		}
	}
	triggers := app.dataFile("data.triggers", app.Config.Data.Triggers)
	if len(gazetteers) == 0 || triggers == "" {
		app.Logger.Warn("extractor not used", "reason", errNoExtractorInput)
		return nil, nil
	}
	g, err := gazetteer.LoadFiles(gazetteers...)
	if err != nil {
		return nil, fmt.Errorf("extractor: %w", err)
	}
	lex, err := extract.LoadLexicon(triggers)
	if err != nil {
		return nil, fmt.Errorf("extractor: %w", err)
	}
	x, err := extract.New(extract.FromGazetteer(g), lex)
	if err != nil {
		return nil, fmt.Errorf("extractor: %w", err)
	}
	return x, nil
}
