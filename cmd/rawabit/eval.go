package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rawabit/rawabit/loader/corpus"

	"github.com/spf13/cobra"

	"github.com/rawabit/rawabit/loader/extract"
)

func init() { register(newEvalCmd) }

// evalFlags are the flags of "rawabit eval".
type evalFlags struct {
	gold          string
	verbose       bool
	curve         bool
	byRule        bool
	calibrate     bool
	json          bool
	minConfidence float64
}

// newEvalCmd is "rawabit eval --gold FILE PATH... [-v] [--curve] [--json]
// [--min-confidence X]": precision, recall and F1 of the extractor against
// a gold file.
func newEvalCmd(app *App) *cobra.Command {
	var fl evalFlags
	ts := extract.CurveThresholds()
	curveRange := fmt.Sprintf("%.2f to %.2f", ts[0], ts[len(ts)-1])
	cmd := &cobra.Command{
		Use:   "eval --gold FILE PATH... [-v] [--curve] [--json] [--min-confidence X]",
		Short: "Score the extractor against a gold file",
		Long: `Eval runs the extractor over the articles under PATH and scores it against a
gold file: precision, recall and F1 overall and per relation type, counting
one relation per (type, source, target, article), met in either direction.

How to annotate a gold file, and what each certainty means for the score:
docs/annotation.md. In short: a gold relation marked "negated" that is
extracted is a false positive; one marked "optional" is neither credited nor
penalised. Gold entities are aligned to our actors through their surface
forms: the gazetteer's names, or the mention of an actor the extractor itself
produced in a scored article (so discovered actors count).

Only the articles the gold file annotates are scored. Gold articles missing
from PATH are listed on stderr; when none is there, eval warns and exits
with status 1.

With -v the false positives (with the rule that fired, its confidence and
the quote) and the misses (with the gold quote) are listed. --curve adds the
precision/recall curve over minimum confidences ` + curveRange + `, for
calibrating confidence; --min-confidence scores only claims of at least that
confidence, as "rawabit extract --min-confidence" prints them. --json writes
the report as one JSON object instead of tables.`,
		Example: `  rawabit eval --gold loader/extract/testdata/gold_seeds.json data/articles -v
  rawabit eval --gold ../shared/realnews/gold_dev.json ../shared/realnews/texts --curve`,
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			return app.runEval(cmd, fl, paths)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.gold, "gold", "", "gold file (JSON; see docs/annotation.md)")
	f.BoolVarP(&fl.verbose, "verbose", "v", false, "list false positives and misses with their sentences")
	f.BoolVar(&fl.curve, "curve", false, "add the precision/recall curve over minimum confidences "+curveRange)
	f.BoolVar(&fl.byRule, "by-rule", false, "add each rule's true and false positives and calibrated confidence")
	f.BoolVar(&fl.calibrate, "calibrate", false, "print only the calibration: section of the trigger lexicon (each rule's confidence from its precision on the gold)")
	f.BoolVar(&fl.json, "json", false, "write the report as JSON")
	addMinConfidenceFlag(f, &fl.minConfidence)
	addGazetteerFlags(cmd, app)
	return cmd
}

// runEval is the body of "rawabit eval".
func (app *App) runEval(cmd *cobra.Command, fl evalFlags, paths []string) error {
	if fl.gold == "" {
		return usageError{errors.New("eval: --gold FILE is required")}
	}
	keep, err := confidenceFilter(fl.minConfidence)
	if err != nil {
		return err
	}
	g, err := extract.LoadGold(fl.gold)
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
		func(it corpus.Item, r extract.Result) error {
			if keep.MatchClaim(r.Claim) {
				results = append(results, r)
			}
			return nil
		})
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	err = corpus.Walk(cmd.Context(), paths, func(it corpus.Item) error {
		if it.Err == nil {
			articles[it.Article.ID] = true
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	rep := extract.Evaluate(g, results, x.Resolve, articles)
	if rep.Articles == 0 {
		return fmt.Errorf("eval: warning: no article of the gold file %s is among the %d articles read from %s: nothing to score",
			fl.gold, len(articles), strings.Join(paths, " "))
	}
	if len(rep.Absent) > 0 {
		fmt.Fprintf(app.Stderr, "eval: note: %d of the %d articles of %s were not read and are not scored: %s\n",
			len(rep.Absent), len(rep.Absent)+rep.Articles, fl.gold, strings.Join(rep.Absent, ", "))
	}
	if fl.curve {
		rep.Curve = extract.Curve(g, results, x.Resolve, articles)
	}
	if fl.calibrate {
		return extract.WriteCalibration(app.Stdout, rep, "rawabit eval --calibrate --gold "+fl.gold+" "+strings.Join(paths, " "))
	}
	if fl.json {
		return extract.WriteReportJSON(app.Stdout, rep, fl.verbose)
	}
	if err := extract.WriteReport(app.Stdout, rep, fl.verbose); err != nil || !fl.byRule {
		return err
	}
	fmt.Fprintln(app.Stdout)
	return extract.WriteRules(app.Stdout, rep)
}
