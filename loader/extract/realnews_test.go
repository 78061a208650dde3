package extract

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/loader/corpus"
)

// Floors on the real-news gold sets (../shared/realnews, outside the
// repository): 0.05 below the precision and recall measured when the floors
// were set (rawabit-rules/3 with the shipped gazetteer: dev P 0.934 R 0.507,
// check P 0.645 R 0.333; the dev floors raised with rawabit-rules/4: dev
// P 0.961 R 0.700, check unchanged), so that a change that makes the extractor claim
// wrong things, or lose what it found, fails. Raise them as the rules
// improve; never lower one to make a rule change pass. The check floor was
// last set when the gazetteer gained two real actors that the check texts
// name: keeping real actors out of the gazetteer to hold a check figure
// would be tuning on the check set.
const (
	realNewsDevPrecisionFloor   = 0.91
	realNewsCheckPrecisionFloor = 0.59
	realNewsDevRecallFloor      = 0.65
	realNewsCheckRecallFloor    = 0.28
)

// realNewsDir returns ../shared/realnews beside the repository root of the
// package directory, or "" when there is none.
func realNewsDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return findRealNews(dir)
}

// findRealNews walks up from dir to the directory holding go.mod (the
// repository root) and returns ../shared/realnews beside it when it has a
// texts folder, else "".
func findRealNews(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	rn := filepath.Join(filepath.Dir(dir), "shared", "realnews")
	if _, err := os.Stat(filepath.Join(rn, "texts")); err != nil {
		return ""
	}
	return rn
}

// TestFindRealNews checks where the real-news test looks for its corpus:
// beside the repository root found from a package directory, and nowhere
// when it is absent.
func TestFindRealNews(t *testing.T) {
	tests := []struct {
		name   string
		layout []string
		want   string
	}{
		{"beside the repository", []string{"repo/go.mod", "repo/loader/extract/", "shared/realnews/texts/"}, "shared/realnews"},
		{"absent", []string{"repo/go.mod", "repo/loader/extract/"}, ""},
		{"no texts folder", []string{"repo/go.mod", "repo/loader/extract/", "shared/realnews/"}, ""},
		{"no go.mod", []string{"repo/loader/extract/", "shared/realnews/texts/"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for _, p := range tc.layout {
				full := filepath.Join(root, p)
				if strings.HasSuffix(p, "/") {
					if err := os.MkdirAll(full, 0o755); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, []byte("module x\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want := ""
			if tc.want != "" {
				want = filepath.Join(root, tc.want)
			}
			if got := findRealNews(filepath.Join(root, "repo", "loader", "extract")); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestRealNews runs the extractor over the real Arabic news of
// ../shared/realnews and scores it against the dev and check gold files.
// It fails when a claim's quote is not verbatim in its article, when a
// relation the gold marks negated is extracted, or when precision on either
// set drops below its floor. Scores are only logged (go test -v -run
// TestRealNews ./loader/extract): recall is what the rules are improving,
// and the check set's misses are never looked at one by one — for check
// only the aggregate table is logged. It skips where ../shared/realnews is
// absent.
func TestRealNews(t *testing.T) {
	dir := realNewsDir(t)
	if dir == "" {
		t.Skip("skipped: ../shared/realnews (real news with gold annotations, kept outside the repository) is not beside the repository root")
	}
	x := testExtractor(t)
	texts, results := extractRealNews(t, x, filepath.Join(dir, "texts"))
	sets := []struct {
		name, gold    string
		floor, recall float64
		// blind sets log only their aggregate scores.
		blind bool
	}{
		{"dev", "gold_dev.json", realNewsDevPrecisionFloor, realNewsDevRecallFloor, false},
		{"check", "gold_check.json", realNewsCheckPrecisionFloor, realNewsCheckRecallFloor, true},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			g, err := LoadGold(filepath.Join(dir, set.gold))
			if errors.Is(err, fs.ErrNotExist) {
				t.Skipf("skipped: %s is absent", set.gold)
			}
			if err != nil {
				t.Fatal(err)
			}
			scoreRealNews(t, x, set.name+" set ("+set.gold+")", g, texts, results, set.floor, set.recall, set.blind)
		})
	}
}

// Floors on the second real-news dev set (../shared/realnews/dev2, its
// gold batches gold_*.json merged): about 0.05 below the figures when they
// were last set (dev2 P 0.873 R 0.275 on 9 batches, 96 articles, 400 scored
// relations, commit 399ebf6). Batches added later may move them; raise them
// as the rules improve.
const (
	realNewsDev2PrecisionFloor = 0.82
	realNewsDev2RecallFloor    = 0.22
)

// TestRealNewsDev2 scores the batches of the second dev set that exist
// (they are written in frozen batches, listed in dev2/BATCHES), merged, and
// skips, saying so, where there are none.
func TestRealNewsDev2(t *testing.T) {
	dir := realNewsDir(t)
	if dir == "" {
		t.Skip("skipped: ../shared/realnews is not beside the repository root")
	}
	golds, err := filepath.Glob(filepath.Join(dir, "dev2", "gold_*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) == 0 {
		t.Skip("skipped: ../shared/realnews/dev2 holds no gold batch (gold_*.json)")
	}
	merged := &Gold{}
	entity := map[string]int{}
	for _, path := range golds {
		g, err := LoadGold(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range g.Entities {
			if i, ok := entity[e.ID]; ok {
				merged.Entities[i].SurfaceForms = append(merged.Entities[i].SurfaceForms, e.SurfaceForms...)
				continue
			}
			entity[e.ID] = len(merged.Entities)
			merged.Entities = append(merged.Entities, e)
		}
		merged.Relations = append(merged.Relations, g.Relations...)
	}
	x := testExtractor(t)
	texts, results := extractRealNews(t, x, filepath.Join(dir, "dev2", "texts"))
	scoreRealNews(t, x, fmt.Sprintf("dev2 set (%d batches)", len(golds)), merged, texts, results, realNewsDev2PrecisionFloor, realNewsDev2RecallFloor, false)
}

// extractRealNews extracts every text of a real-news folder and checks that
// every quote is verbatim in its article.
func extractRealNews(t *testing.T, x *Extractor, folder string) (map[string]string, []Result) {
	t.Helper()
	texts := map[string]string{}
	var results []Result
	err := corpus.Walk(context.Background(), []string{folder}, func(it corpus.Item) error {
		if it.Err != nil {
			return fmt.Errorf("read %s: %w", it.Where(), it.Err)
		}
		texts[it.Article.ID] = it.Article.Text
		res, _, err := x.ExtractText(context.Background(), it.Article.ID, it.Article.Text)
		results = append(results, res...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		c := r.Claim
		if text := texts[c.Article]; c.Start < 0 || c.End > len(text) || c.Start > c.End || text[c.Start:c.End] != c.Quote || c.Quote == "" {
			t.Errorf("%s %s %s->%s: quote %q is not the article's text at [%d:%d]", c.Article, c.Type, c.Source, c.Target, c.Quote, c.Start, c.End)
		}
	}
	return texts, results
}

// scoreRealNews scores results against gold g: no relation the gold marks
// negated may be extracted, and precision and recall must reach their
// floors. A blind set logs only its aggregate scores.
func scoreRealNews(t *testing.T, x *Extractor, name string, g *Gold, texts map[string]string, results []Result, floor, recall float64, blind bool) {
	t.Helper()
	articles := map[string]bool{}
	for id := range texts {
		articles[id] = true
	}
	rep := Evaluate(g, results, x.Resolve, articles)
	if len(rep.Absent) > 0 {
		t.Errorf("got %d gold articles without a text (%s), want every one in texts/", len(rep.Absent), strings.Join(rep.Absent, ", "))
	}
	table := rep
	if blind {
		table.Unaligned = nil
	}
	var b strings.Builder
	if err := WriteReport(&b, table, false); err != nil {
		t.Fatal(err)
	}
	t.Logf("real news, %s:\n%s", name, b.String())
	var negated []string
	for _, f := range rep.FalsePositives {
		if f.Negated {
			negated = append(negated, fmt.Sprintf("%s %s %s->%s", f.Article, typeName(f.Type), f.Source, f.Target))
		}
	}
	switch {
	case len(negated) > 0 && blind:
		t.Errorf("got %d relations the %s gold marks negated extracted, want none (the negation rules are wrong: find the construction on dev or in a written test sentence, not in the check texts)", len(negated), name)
	case len(negated) > 0:
		t.Errorf("got relations the gold marks negated extracted, want none: %s", strings.Join(negated, "; "))
	}
	if p := rep.Overall.Precision; p < floor {
		t.Errorf("got %s precision %.3f, want at least %.2f", name, p, floor)
	}
	if r := rep.Overall.Recall; r < recall {
		t.Errorf("got %s recall %.3f, want at least %.2f", name, r, recall)
	}
}

// TestRealNewsCheck2 scores the second held-out set
// (../shared/realnews/check2, its gold merged in gold_check2.json) blind:
// only the aggregate table is logged, and it fails only on what must
// always hold — no relation the gold marks negated extracted, every quote
// verbatim — never on a precision or recall floor, so that nobody tunes on
// it through a failing test. It skips, saying so, where the set is absent.
func TestRealNewsCheck2(t *testing.T) {
	dir := realNewsDir(t)
	if dir == "" {
		t.Skip("skipped: ../shared/realnews is not beside the repository root")
	}
	g, err := LoadGold(filepath.Join(dir, "gold_check2.json"))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("skipped: ../shared/realnews/gold_check2.json is absent")
	}
	if err != nil {
		t.Fatal(err)
	}
	x := testExtractor(t)
	texts, results := extractRealNews(t, x, filepath.Join(dir, "check2", "texts"))
	scoreRealNews(t, x, "check2 set (gold_check2.json)", g, texts, results, 0, 0, true)
}
