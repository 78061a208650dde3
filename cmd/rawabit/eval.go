package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
)

func init() { register(newEvalCmd) }

// newEvalCmd is "rawabit eval --gold FILE PATH... [-v]": precision, recall
// and F1 of the extractor against a gold file.
func newEvalCmd(app *App) *cobra.Command {
	var gold string
	var verbose bool
	cmd := &cobra.Command{
		Use:   "eval --gold FILE PATH... [-v]",
		Short: "Score the extractor against a gold file",
		Long: `Eval runs the extractor over the articles under PATH and scores it against a
gold file (format: ANNOTATION.md): precision, recall and F1 overall and per
relation type, counting one relation per (type, source, target, article), met
in either direction. Gold entities are aligned to the gazetteer through their
surface forms. A gold relation marked "negated" that is extracted is a false
positive. Only gold relations of the articles read are counted. With -v the
false positives and misses are listed with their sentences.`,
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			if gold == "" {
				return usageError{errors.New("eval: --gold FILE is required")}
			}
			g, err := extract.LoadGold(gold)
			if err != nil {
				return err
			}
			x, err := app.Extractor()
			if err != nil {
				return err
			}
			if x == nil {
				return errors.New("eval: no gazetteer or trigger lexicon (see data.gazetteer, data.triggers)")
			}
			var results []extract.Result
			articles := map[string]bool{}
			_, err = x.ExtractCorpus(cmd.Context(), paths,
				func(p extract.Problem) error {
					if !p.Warning {
						app.Logger.Error("skipped", "where", p.Where, "err", p.Err)
					}
					return nil
				},
				func(it loader.Item, r extract.Result) error {
					results = append(results, r)
					return nil
				})
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			err = loader.WalkCorpus(cmd.Context(), paths, func(it loader.Item) error {
				if it.Err == nil {
					articles[it.Article.ID] = true
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			rep := extract.Evaluate(g, results, x.Resolve, articles)
			return extract.WriteReport(app.Stdout, rep, verbose)
		},
	}
	f := cmd.Flags()
	f.StringVar(&gold, "gold", "", "gold file (JSON, see ANNOTATION.md)")
	f.BoolVarP(&verbose, "verbose", "v", false, "list false positives and misses with their sentences")
	f.StringArray("gazetteer", nil, "gazetteer file; repeat for several, merged in order (key data.gazetteer)")
	bindFlag(f, "gazetteer", "data.gazetteer")
	return cmd
}
