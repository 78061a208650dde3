package extract

import (
	"context"
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// shippedPairModel loads data/pairmodel.json.
func shippedPairModel(t testing.TB) *PairModel {
	t.Helper()
	f, err := os.Open(pairModelFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := LoadPairModel(f)
	if err != nil {
		t.Fatalf("LoadPairModel(%s): %v", pairModelFile, err)
	}
	return m
}

// TestLogistic trains the logistic regression on a synthetic table: a
// feature that always marks a positive, one that always marks a negative,
// and noise; it must rank them and be deterministic.
func TestLogistic(t *testing.T) {
	var xs [][]int
	var ys []bool
	for i := 0; i < 200; i++ {
		noise := 3 + i%4
		switch i % 3 {
		case 0:
			xs, ys = append(xs, []int{0, 1, noise}), append(ys, true)
		default:
			xs, ys = append(xs, []int{0, 2, noise}), append(ys, false)
		}
	}
	tests := []struct {
		name string
		l2   float64
	}{{"weak regularisation", 0.1}, {"strong regularisation", 30}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := logistic(xs, ys, 7, tc.l2, 20)
			if w2 := logistic(xs, ys, 7, tc.l2, 20); !slices.Equal(w, w2) {
				t.Errorf("got weights %v then %v, want the same twice", w, w2)
			}
			p := func(f ...int) float64 {
				z := 0.0
				for _, j := range f {
					z += w[j]
				}
				return 1 / (1 + math.Exp(-z))
			}
			if got := p(0, 1, 3); got < 0.7 {
				t.Errorf("got p(positive) %.3f, want at least 0.7", got)
			}
			if got := p(0, 2, 3); got > 0.3 {
				t.Errorf("got p(negative) %.3f, want at most 0.3", got)
			}
			for j := 3; j < 7; j++ {
				if math.Abs(w[j]) > math.Abs(w[1]) {
					t.Errorf("got noise weight %d %.3f above the signal's %.3f", j, w[j], w[1])
				}
			}
		})
	}
}

// TestPairModelTrainsOnSentences records the candidates of sentences
// written for the test, labels them by a hand-made gold, trains, and checks
// that the related pairs score above the unrelated ones.
func TestPairModelTrainsOnSentences(t *testing.T) {
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
	// Each sentence: the met pair it states first, and a bystander it names
	// after a place preposition ("في حضور" is not a meeting of the host).
	sentences := []string{
		"استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة رئيس الوزراء الإثيوبي آبي أحمد، وذلك بعد يوم من زيارة قطر.",
		"استقبل الرئيس التركي رجب طيب أردوغان اليوم في أنقرة الرئيس الفرنسي إيمانويل ماكرون، وذلك بعد يوم من زيارة مصر.",
		"استقبل الرئيس الفرنسي إيمانويل ماكرون اليوم في باريس الرئيس المصري عبد الفتاح السيسي، وذلك بعد يوم من زيارة تركيا.",
		"استقبل رئيس الوزراء الإثيوبي آبي أحمد اليوم في أديس أبابا الرئيس التركي رجب طيب أردوغان، وذلك بعد يوم من زيارة فرنسا.",
	}
	var train []labelled
	for i, s := range sentences {
		record = record[:0]
		if _, _, err := x.ExtractText(context.Background(), "t", s); err != nil {
			t.Fatal(err)
		}
		for _, e := range record {
			// The first two persons met; nothing else is related.
			label := e.Type == graph.Met && e.Source.Actor.Kind == graph.KindPerson && e.Target.Actor.Kind == graph.KindPerson
			train = append(train, labelled{ex: e, label: label})
		}
		if len(record) == 0 {
			t.Fatalf("sentence %d: got no candidates, want some", i)
		}
	}
	fit := fitPairs(train, 1)
	var pos, neg []float64
	for _, c := range train {
		if c.label {
			pos = append(pos, fit.prob(c.ex))
		} else {
			neg = append(neg, fit.prob(c.ex))
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		t.Fatalf("got %d positive and %d negative candidates, want both", len(pos), len(neg))
	}
	if lo, hi := slices.Min(pos), slices.Max(neg); lo <= hi {
		t.Errorf("got lowest positive %.3f, highest negative %.3f, want every positive above every negative", lo, hi)
	}
}

// TestLoadPairModel loads the shipped model and refuses broken ones.
func TestLoadPairModel(t *testing.T) {
	m := shippedPairModel(t)
	if len(m.Weights) == 0 || m.Weights["bias"] == 0 {
		t.Errorf("got %d weights, bias %v, want a trained model", len(m.Weights), m.Weights["bias"])
	}
	tests := []struct {
		name, json string
	}{
		{"not JSON", "{"},
		{"no threshold", `{"weights": {"bias": 1}}`},
		{"threshold above one", `{"threshold": 1.5, "weights": {"bias": 1}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadPairModel(strings.NewReader(tc.json))
			if !errors.Is(err, graph.ErrInvalid) {
				t.Errorf("got %v, want an error wrapping graph.ErrInvalid", err)
			}
		})
	}
}

// TestPairModelDeterministic extracts the same text twice with the model
// on and compares; the rules' claims stay, and every model claim is named
// model/pair with its probability as confidence.
func TestPairModelDeterministic(t *testing.T) {
	gz, err := gazetteer.LoadFiles(gazetteerDir)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := LoadLexicon(triggersFile)
	if err != nil {
		t.Fatal(err)
	}
	m := shippedPairModel(t)
	m.Threshold = 0.01 // so that the model claims something here
	x, err := New(FromGazetteer(gz), lex, WithRoles(gz.Roles()), WithPairModel(m))
	if err != nil {
		t.Fatal(err)
	}
	text := "استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة رئيس الوزراء الإثيوبي آبي أحمد، بحضور وزير الخارجية التركي. وأكدت تركيا دعمها لمصر."
	first, _, err := x.ExtractText(context.Background(), "t", text)
	if err != nil {
		t.Fatal(err)
	}
	second, _, err := x.ExtractText(context.Background(), "t", text)
	if err != nil {
		t.Fatal(err)
	}
	render := func(rs []Result) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Rule+" "+string(r.Claim.Type)+" "+r.Claim.Source+"->"+r.Claim.Target)
		}
		return out
	}
	if a, b := render(first), render(second); !slices.Equal(a, b) {
		t.Errorf("got %v then %v, want the same claims twice", a, b)
	}
	rules, _, err := testExtractor(t).ExtractText(context.Background(), "t", text)
	if err != nil {
		t.Fatal(err)
	}
	models := 0
	for _, r := range first {
		if r.Rule != PairModelRule {
			continue
		}
		models++
		if c := r.Claim.Confidence; c < m.Threshold-0.005 || c > 1 { // rounded to 0.01
			t.Errorf("got confidence %v for %s, want its probability, at least %v", c, r.Claim.ID, m.Threshold)
		}
		if text[r.Claim.Start:r.Claim.End] != r.Claim.Quote {
			t.Errorf("got quote %q, want the text at [%d:%d]", r.Claim.Quote, r.Claim.Start, r.Claim.End)
		}
	}
	if got, want := len(first)-models, len(rules); got != want {
		t.Errorf("got %d rule claims with the model on, want the %d without it", got, want)
	}
	if models == 0 {
		t.Errorf("got no model claims at threshold %v, want some (claims: %v)", m.Threshold, render(first))
	}
}

// BenchmarkExtractPairModel is BenchmarkExtract with the shipped pair model
// on; run it beside BenchmarkExtract for the model's cost as a ratio
// (go test -run x -bench 'BenchmarkExtract(PairModel)?$' -cpu 1).
func BenchmarkExtractPairModel(b *testing.B) {
	gz, err := gazetteer.LoadFiles(gazetteerDir)
	if err != nil {
		b.Fatal(err)
	}
	lex, err := LoadLexicon(triggersFile)
	if err != nil {
		b.Fatal(err)
	}
	x, err := New(FromGazetteer(gz), lex, WithRoles(gz.Roles()), WithPairModel(shippedPairModel(b)))
	if err != nil {
		b.Fatal(err)
	}
	text := recombined(seedSentences(b), 10<<20)
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	claims := 0
	for b.Loop() {
		claims = 0
		_, err := x.ExtractReader(ctx, "bench", strings.NewReader(text), func(Result) error {
			claims++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(claims), "claims/op")
}
