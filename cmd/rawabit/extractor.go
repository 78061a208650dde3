package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

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
	g, err := app.Gazetteer()
	if err != nil {
		return nil, err
	}
	return app.extractorFrom(g)
}

// Gazetteer parses and merges the gazetteer files of gazetteerFiles; it
// returns nil and no error when there are none. Errors name the file and
// line.
func (app *App) Gazetteer() (*gazetteer.Gazetteer, error) {
	files := app.gazetteerFiles()
	if len(files) == 0 {
		return nil, nil
	}
	g, err := gazetteer.LoadFiles(files...)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return g, nil
}

// gazetteerFiles lists the gazetteer files and folders to merge, in order:
// those of data.gazetteer (without the shipped default when
// data.no_default_gazetteer is set; a default missing on disk is read from
// the binary's embedded copy), then the --gazetteer files.
func (app *App) gazetteerFiles() []string {
	var files []string
	for _, g := range app.Config.Data.Gazetteer {
		if app.Config.Data.NoDefaultGazetteer && isDefaultPath("data.gazetteer", g) {
			continue
		}
		if g = app.dataFile("data.gazetteer", g); g != "" {
			files = append(files, g)
		}
	}
	return append(files, app.extraGazetteers...)
}

// addGazetteerFlags adds --gazetteer (files added after data.gazetteer) and
// --no-default-gazetteer (key data.no_default_gazetteer) to cmd.
func addGazetteerFlags(cmd *cobra.Command, app *App) {
	f := cmd.Flags()
	f.StringArrayVar(&app.extraGazetteers, "gazetteer", nil, "gazetteer file or folder added to the shipped one (data.gazetteer); repeat for several, merged in order")
	f.Bool("no-default-gazetteer", false, "leave out the shipped gazetteer: start from the --gazetteer files alone (key data.no_default_gazetteer)")
	bindFlag(f, "no-default-gazetteer", "data.no_default_gazetteer")
}

// extractorFrom builds the extractor on an already parsed gazetteer g and
// the data.triggers lexicon; with no gazetteer or no lexicon it returns nil
// and logs a warning.
func (app *App) extractorFrom(g *gazetteer.Gazetteer) (*extract.Extractor, error) {
	lex, err := app.lexicon(g != nil)
	if lex == nil || err != nil {
		return nil, err
	}
	opts, err := app.extractOptions()
	if err != nil {
		return nil, err
	}
	return newExtractor(g, lex, opts...)
}

// extractOptions are the extractor's options from the configuration: the
// data.pair_model scorer when one is set.
func (app *App) extractOptions() ([]extract.Option, error) {
	path := app.Config.Data.PairModel
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("extractor: data.pair_model: %w", err)
	}
	defer f.Close()
	m, err := extract.LoadPairModel(f)
	if err != nil {
		return nil, fmt.Errorf("extractor: data.pair_model %s: %w", path, err)
	}
	return []extract.Option{extract.WithPairModel(m)}, nil
}

// lexicon parses the data.triggers lexicon. When there is no gazetteer
// (haveGazetteer false) or no lexicon file it returns nil and logs that the
// extractor is not used.
func (app *App) lexicon(haveGazetteer bool) (*extract.Lexicon, error) {
	triggers := app.dataFile("data.triggers", app.Config.Data.Triggers)
	if !haveGazetteer || triggers == "" {
		app.Logger.Warn("extractor not used", "reason", errNoExtractorInput)
		return nil, nil
	}
	lex, err := extract.LoadLexicon(triggers)
	if err != nil {
		return nil, fmt.Errorf("extractor: %w", err)
	}
	return lex, nil
}

// newExtractor builds the extractor on g (its actors, forms and roles) and
// lex, with the options opts.
func newExtractor(g *gazetteer.Gazetteer, lex *extract.Lexicon, opts ...extract.Option) (*extract.Extractor, error) {
	x, err := extract.New(extract.FromGazetteer(g), lex, append([]extract.Option{extract.WithRoles(g.Roles())}, opts...)...)
	if err != nil {
		return nil, fmt.Errorf("extractor: %w", err)
	}
	return x, nil
}
