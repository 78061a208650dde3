package main

import (
	"bufio"
	"errors"
	"fmt"

	"github.com/rawabit/rawabit/loader/corpus"

	"github.com/spf13/cobra"

	"github.com/rawabit/rawabit/loader/extract"
)

func init() { register(newExtractCmd) }

// newExtractCmd is "rawabit extract [--gazetteer FILE]...
// [--min-confidence X] PATH...": the claims the extractor finds, as JSON
// Lines on stdout.
func newExtractCmd(app *App) *cobra.Command {
	var minConfidence float64
	cmd := &cobra.Command{
		Use:   "extract [--gazetteer FILE]... [--min-confidence X] PATH...",
		Short: "Extract claims from articles and print them as JSON Lines",
		Long: `Extract reads .txt articles (optional YAML front matter), .jsonl corpora and
folders of them (PATH - is one .txt article on standard input, id "stdin"),
and prints one JSON object per claim found by the rule-based
extractor (never the curated claims), with a confidence of at least
--min-confidence. An unreadable, non-UTF-8 or binary file is reported on
stderr and skipped; an empty article gives a warning.`,
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			keep, err := confidenceFilter(minConfidence)
			if err != nil {
				return err
			}
			x, err := app.Extractor()
			if err != nil {
				return err
			}
			if x == nil {
				return errors.New("extract: no gazetteer or trigger lexicon (see data.gazetteer, data.triggers)")
			}
			out := bufio.NewWriter(app.Stdout)
			skipped, written := 0, 0
			st, err := x.ExtractCorpus(cmd.Context(), paths,
				func(p extract.Problem) error {
					if p.Warning {
						app.Logger.Warn("empty article", "where", p.Where)
						return nil
					}
					skipped++
					app.Logger.Error("skipped", "where", p.Where, "err", p.Err)
					return nil
				},
				func(it corpus.Item, r extract.Result) error {
					if !keep.MatchClaim(r.Claim) {
						return nil
					}
					written++
					return extract.WriteJSONL(out, it.Path, r)
				})
			if ferr := out.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return fmt.Errorf("extract: %w", err)
			}
			app.Logger.Info("extracted", "articles", st.Articles, "claims", written, "below_min_confidence", st.Claims-written, "skipped", skipped, "empty", st.Empty)
			return nil
		},
	}
	f := cmd.Flags()
	addGazetteerFlags(cmd, app)
	addMinConfidenceFlag(f, &minConfidence)
	return cmd
}
