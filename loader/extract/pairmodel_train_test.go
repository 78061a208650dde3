package extract

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader/corpus"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// trainPairModelFlag runs TestTrainPairModel: 5-fold cross-validation by
// article over the real-news dev sets, then training on all of them and
// writing data/pairmodel.json.
//
//	go test -run TestTrainPairModel -train-pair-model -v ./loader/extract/
var trainPairModelFlag = flag.Bool("train-pair-model", false, "cross-validate the pair model on the real-news dev sets and write data/pairmodel.json")

// pairQuoteLabels labels a candidate positive only when its sentence
// overlaps the gold relation's quote.
var pairUnclaimedOnly = flag.Bool("pair-unclaimed-only", false, "train only on the candidates no rule claimed")

var pairQuoteLabels = flag.Bool("pair-quote-labels", true, "label a candidate positive only when its sentence overlaps the gold quote")

// overlaps reports whether a sentence and a gold quote (both normalised)
// share their opening: one holds the first 20 letters of the other.
func overlaps(sentence, quote string) bool {
	head := func(s string) string {
		r := []rune(s)
		return string(r[:min(len(r), 20)])
	}
	return strings.Contains(sentence, head(quote)) || strings.Contains(quote, head(sentence))
}

// pairModelFile is the shipped model, relative to this package.
const pairModelFile = "../../data/pairmodel.json"

// logistic trains an L2-regularised logistic regression by stochastic
// gradient descent: xs are the feature indices of each example (index 0 is
// the unregularised bias), ys its label. Deterministic.
func logistic(xs [][]int, ys []bool, n int, l2 float64, epochs int) []float64 {
	w := make([]float64, n)
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	m := float64(len(xs))
	step := 0
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			step++
			lr := 0.5 / (1 + float64(step)/m)
			z := 0.0
			for _, f := range xs[i] {
				z += w[f]
			}
			g := 1 / (1 + math.Exp(-z))
			if ys[i] {
				g--
			}
			for _, f := range xs[i] {
				reg := 0.0
				if f != 0 {
					reg = l2 * w[f] / m
				}
				w[f] -= lr * (g + reg)
			}
		}
	}
	return w
}

// labelled is a candidate with its label and gold key.
type labelled struct {
	ex    pairExample
	key   evalKey
	label bool
}

// pairData is what the trainer reads: the merged gold, the rules' results
// per article, and the labelled candidates per article.
type pairData struct {
	gold       *Gold
	resolve    func(string) string
	articles   []string
	rules      map[string][]Result
	candidates map[string][]labelled
}

// mergeGold merges gold files: entities by id (the union of their surface
// forms), relations appended.
func mergeGold(paths ...string) (*Gold, error) {
	out := &Gold{}
	at := map[string]int{}
	for _, p := range paths {
		g, err := LoadGold(p)
		if err != nil {
			return nil, err
		}
		for _, e := range g.Entities {
			i, ok := at[e.ID]
			if !ok {
				at[e.ID] = len(out.Entities)
				out.Entities = append(out.Entities, e)
				continue
			}
			for _, f := range e.SurfaceForms {
				if !slices.Contains(out.Entities[i].SurfaceForms, f) {
					out.Entities[i].SurfaceForms = append(out.Entities[i].SurfaceForms, f)
				}
			}
		}
		out.Relations = append(out.Relations, g.Relations...)
	}
	return out, nil
}

// loadPairData extracts the dev and dev2 texts named by the merged gold
// with the recorder on, and labels every candidate by the gold.
func loadPairData(t *testing.T, x *Extractor, record *[]pairExample, g *Gold, dirs []string) *pairData {
	t.Helper()
	want := map[string]bool{}
	for _, r := range g.Relations {
		want[r.Article] = true
	}
	d := &pairData{gold: g, resolve: x.Resolve, rules: map[string][]Result{}, candidates: map[string][]labelled{}}
	var all []Result
	var exs []pairExample
	err := corpus.Walk(context.Background(), dirs, func(it corpus.Item) error {
		if it.Err != nil {
			return it.Err
		}
		if !want[it.Article.ID] {
			return nil // check texts are never read
		}
		*record = (*record)[:0]
		res, _, err := x.ExtractText(context.Background(), it.Article.ID, it.Article.Text)
		if err != nil {
			return err
		}
		d.articles = append(d.articles, it.Article.ID)
		d.rules[it.Article.ID] = res
		all = append(all, res...)
		for _, e := range *record {
			exs = append(exs, e)
			all = append(all, Result{Claim: graph.Claim{Type: e.Type, Article: e.Article}, Source: e.Source, Target: e.Target})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(d.articles)
	scored := map[string]bool{}
	for _, a := range d.articles {
		scored[a] = true
	}
	idOf, _ := alignEntities(g, all, x.Resolve, scored)
	positive, skip := map[evalKey]bool{}, map[evalKey]bool{}
	quotes := map[evalKey][]string{}
	for _, r := range g.Relations {
		ty, _ := graph.ParseRelationType(r.Type)
		k := keyOf(ty, idOf(r.Source), idOf(r.Target), r.Article)
		switch r.Certainty {
		case GoldOptional:
			skip[k] = true
		case GoldNegated:
		default:
			positive[k] = true
			if q := arabic.Normalize(r.Quote); q != "" {
				quotes[k] = append(quotes[k], q)
			}
		}
	}
	for k := range positive {
		delete(skip, k)
	}
	for _, e := range exs {
		k := keyOf(e.Type, e.Source.Actor.ID, e.Target.Actor.ID, e.Article)
		if skip[k] {
			continue
		}
		label := positive[k]
		if label && *pairQuoteLabels && len(quotes[k]) > 0 {
			label = false
			sn := arabic.Normalize(e.Sentence)
			for _, q := range quotes[k] {
				if overlaps(sn, q) {
					label = true
				}
			}
		}
		d.candidates[e.Article] = append(d.candidates[e.Article], labelled{ex: e, key: k, label: label})
	}
	return d
}

// pairFit is a trained model over a feature index.
type pairFit struct {
	index map[string]int
	w     []float64
}

func fitPairs(train []labelled, l2 float64) pairFit {
	index := map[string]int{"bias": 0}
	xs := make([][]int, len(train))
	ys := make([]bool, len(train))
	for i, c := range train {
		for _, f := range c.ex.Features {
			j, ok := index[f]
			if !ok {
				j = len(index)
				index[f] = j
			}
			xs[i] = append(xs[i], j)
		}
		ys[i] = c.label
	}
	return pairFit{index: index, w: logistic(xs, ys, len(index), l2, 30)}
}

func (f pairFit) prob(e pairExample) float64 {
	z := 0.0
	for _, n := range e.Features {
		if j, ok := f.index[n]; ok {
			z += f.w[j]
		}
	}
	return 1 / (1 + math.Exp(-z))
}

// modelResult is the claim the model makes of a candidate.
func modelResult(e pairExample, p float64) Result {
	return Result{Claim: graph.Claim{Type: e.Type, Source: e.Source.Actor.ID, Target: e.Target.Actor.ID, Article: e.Article,
		Quote: e.Quote, Confidence: p, Rule: PairModelRule}, Source: e.Source, Target: e.Target, Rule: PairModelRule}
}

// cvScores are the cross-validated totals of one setting.
type cvScores struct{ rules, add, replace Score }

// foldOf puts an article in one of five folds by the hash of its id.
func foldOf(article string) int {
	h := fnv.New32a()
	h.Write([]byte(article))
	return int(h.Sum32() % 5)
}

func addScore(s *Score, r Score) {
	s.TP += r.TP
	s.FP += r.FP
	s.FN += r.FN
}

// crossValidate scores, per fold, the rules alone, the rules plus the
// model's claims of unclaimed pairs ("add"), and the model alone over every
// candidate with the rules' claims kept only where the model agrees
// ("replace"), at each threshold.
func crossValidate(d *pairData, l2 float64, thresholds []float64) []cvScores {
	out := make([]cvScores, len(thresholds))
	for fold := 0; fold < 5; fold++ {
		var train []labelled
		held := map[string]bool{}
		for _, a := range d.articles {
			if foldOf(a) == fold {
				held[a] = true
			} else {
				train = append(train, d.candidates[a]...)
			}
		}
		if *pairUnclaimedOnly {
			train = slices.DeleteFunc(train, func(c labelled) bool { return c.ex.RuleClaimed })
		}
		fit := fitPairs(train, l2)
		for ti, th := range thresholds {
			var rules, add, repl []Result
			for _, a := range d.articles {
				if !held[a] {
					continue
				}
				rules = append(rules, d.rules[a]...)
				add = append(add, d.rules[a]...)
				agree := map[evalKey]bool{}
				for _, c := range d.candidates[a] {
					p := fit.prob(c.ex)
					if p < th {
						continue
					}
					if c.ex.RuleClaimed {
						agree[c.key] = true
					} else {
						add = append(add, modelResult(c.ex, p))
						repl = append(repl, modelResult(c.ex, p))
					}
				}
				for _, r := range d.rules[a] {
					if agree[keyOf(r.Claim.Type, r.Claim.Source, r.Claim.Target, r.Claim.Article)] {
						repl = append(repl, r)
					}
				}
			}
			addScore(&out[ti].rules, Evaluate(d.gold, rules, d.resolve, held).Overall)
			addScore(&out[ti].add, Evaluate(d.gold, add, d.resolve, held).Overall)
			addScore(&out[ti].replace, Evaluate(d.gold, repl, d.resolve, held).Overall)
		}
	}
	for i := range out {
		out[i].rules.finish()
		out[i].add.finish()
		out[i].replace.finish()
	}
	return out
}

// TestTrainPairModel is the pair model's trainer (run with
// -train-pair-model): it cross-validates regularisation and threshold by
// article over ../shared/realnews gold_dev.json and dev2, logs the table,
// then trains on all of it with the best setting of "add" by F1 and writes
// data/pairmodel.json.
func TestTrainPairModel(t *testing.T) {
	if !*trainPairModelFlag {
		t.Skip("skipped: run with -train-pair-model to train data/pairmodel.json")
	}
	dir := realNewsDir(t)
	if dir == "" {
		t.Skip("skipped: ../shared/realnews is absent")
	}
	paths := []string{filepath.Join(dir, "gold_dev.json")}
	for _, n := range []string{"e1", "e2", "e3", "e4", "f1", "f2", "f3", "f4", "f5"} {
		paths = append(paths, filepath.Join(dir, "dev2", "gold_"+n+".json"))
	}
	g, err := mergeGold(paths...)
	if err != nil {
		t.Fatal(err)
	}
	gz, err := gazetteer.LoadFiles(gazetteerDir)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := LoadLexicon(triggersFile)
	if err != nil {
		t.Fatal(err)
	}
	var record []pairExample
	x, err := New(FromGazetteer(gz), lex, WithRoles(gz.Roles()), withPairRecorder(func(e pairExample) { record = append(record, e) }))
	if err != nil {
		t.Fatal(err)
	}
	d := loadPairData(t, x, &record, g, []string{filepath.Join(dir, "texts"), filepath.Join(dir, "dev2", "texts")})
	n, pos := 0, 0
	for _, cs := range d.candidates {
		for _, c := range cs {
			n++
			if c.label {
				pos++
			}
		}
	}
	covered := map[evalKey]bool{}
	for _, cs := range d.candidates {
		for _, c := range cs {
			if c.label {
				covered[c.key] = true
			}
		}
	}
	t.Logf("%d articles, %d candidates, %d positive, %d distinct gold relations among them", len(d.articles), n, pos, len(covered))
	thresholds := []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}
	var b strings.Builder
	fmt.Fprintf(&b, "%6s %5s | %-17s | %-17s | %-17s | %s\n", "l2", "thr", "rules P/R/F1", "rules+model P/R/F1", "model-replace P/R/F1", "added tp/fp")
	bestF, bestL2, bestTh := -1.0, 0.0, 0.0
	var best cvScores
	for _, l2 := range []float64{1, 10, 30, 100, 300, 1000} {
		for i, s := range crossValidate(d, l2, thresholds) {
			fmt.Fprintf(&b, "%6.1f %5.2f | %.3f %.3f %.3f | %.3f %.3f %.3f | %.3f %.3f %.3f | %d/%d\n", l2, thresholds[i],
				s.rules.Precision, s.rules.Recall, s.rules.F1, s.add.Precision, s.add.Recall, s.add.F1, s.replace.Precision, s.replace.Recall, s.replace.F1,
				s.add.TP-s.rules.TP, s.add.FP-s.rules.FP)
			if s.add.F1 > bestF {
				bestF, bestL2, bestTh, best = s.add.F1, l2, thresholds[i], s
			}
		}
	}
	t.Logf("5-fold cross-validation by article (dev + dev2):\n%s", b.String())
	var all []labelled
	for _, a := range d.articles {
		all = append(all, d.candidates[a]...)
	}
	fit := fitPairs(all, bestL2)
	m := PairModel{Threshold: bestTh, L2: bestL2, Weights: map[string]float64{},
		Note: fmt.Sprintf("trained on gold_dev + dev2 (%d articles, %d candidates, %d positive); 5-fold CV by article at this l2 and threshold: rules P %.3f R %.3f F1 %.3f, rules+model P %.3f R %.3f F1 %.3f",
			len(d.articles), n, pos, best.rules.Precision, best.rules.Recall, best.rules.F1, best.add.Precision, best.add.Recall, best.add.F1)}
	for name, j := range fit.index {
		if w := math.Round(fit.w[j]*1e4) / 1e4; w != 0 {
			m.Weights[name] = w
		}
	}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pairModelFile, append(out, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: l2 %.1f threshold %.2f, %d weights", pairModelFile, bestL2, bestTh, len(m.Weights))
}

// pairModelCheckFlag runs TestPairModelCheck: the held-out check set's
// totals (never its findings) with the rules alone and with the shipped
// pair model added.
//
//	go test -run TestPairModelCheck -pair-model-check -v ./loader/extract/
var pairModelCheckFlag = flag.Bool("pair-model-check", false, "log the check set's totals without and with data/pairmodel.json")

// TestPairModelCheck logs the check set's overall totals without and with
// the pair model (run with -pair-model-check).
func TestPairModelCheck(t *testing.T) {
	if !*pairModelCheckFlag {
		t.Skip("skipped: run with -pair-model-check")
	}
	dir := realNewsDir(t)
	if dir == "" {
		t.Skip("skipped: ../shared/realnews is absent")
	}
	g, err := LoadGold(filepath.Join(dir, "gold_check.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := shippedPairModel(t)
	gz, err := gazetteer.LoadFiles(gazetteerDir)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := LoadLexicon(triggersFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, model := range []*PairModel{nil, m} {
		x, err := New(FromGazetteer(gz), lex, WithRoles(gz.Roles()), WithPairModel(model))
		if err != nil {
			t.Fatal(err)
		}
		articles := map[string]bool{}
		var results []Result
		err = corpus.Walk(context.Background(), []string{filepath.Join(dir, "texts")}, func(it corpus.Item) error {
			if it.Err != nil {
				return it.Err
			}
			articles[it.Article.ID] = true
			res, _, err := x.ExtractText(context.Background(), it.Article.ID, it.Article.Text)
			results = append(results, res...)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		o := Evaluate(g, results, x.Resolve, articles).Overall
		t.Logf("check, model %v: found %d tp %d fp %d fn %d P %.3f R %.3f F1 %.3f", model != nil, o.Extracted, o.TP, o.FP, o.FN, o.Precision, o.Recall, o.F1)
	}
}
