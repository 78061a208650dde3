package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/loader/corpus"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// TestQuotesVerbatim checks every claim of the seed and test articles: the
// quote and both mentions are the article text at their offsets, the id is
// graph.ClaimID's, and the document passes graph validation.
func TestQuotesVerbatim(t *testing.T) {
	x := testExtractor(t)
	for _, dir := range []string{seedsDir, otherDir} {
		for _, it := range readCorpus(t, dir) {
			a := it.Article
			t.Run(a.ID, func(t *testing.T) {
				res, _, err := x.ExtractText(context.Background(), a.ID, a.Text)
				if err != nil {
					t.Fatal(err)
				}
				if len(res) == 0 {
					t.Fatalf("got no claims from %s, want some", a.ID)
				}
				for _, r := range res {
					c := r.Claim
					if got := a.Text[c.Start:c.End]; got != c.Quote {
						t.Errorf("got text[%d:%d] = %q, want the quote %q", c.Start, c.End, got, c.Quote)
					}
					for _, arg := range []Argument{r.Source, r.Target} {
						if got := a.Text[arg.Start:arg.End]; got != arg.Mention {
							t.Errorf("got text[%d:%d] = %q, want the mention %q", arg.Start, arg.End, got, arg.Mention)
						}
						if arg.Start < c.Start || arg.End > c.End {
							t.Errorf("got mention %q at [%d,%d) outside its quote [%d,%d)", arg.Mention, arg.Start, arg.End, c.Start, c.End)
						}
					}
					if want := graph.ClaimID(c.Article, c.Type, c.Source, c.Target, c.Start, c.End); c.ID != want {
						t.Errorf("got id %s, want %s", c.ID, want)
					}
					if c.Extractor != Name {
						t.Errorf("got extractor %q, want %q", c.Extractor, Name)
					}
				}
				mentions, claims, err := x.Extract(context.Background(), a)
				if err != nil {
					t.Fatal(err)
				}
				doc := graph.Document{Article: a, Mentions: mentions, Claims: claims}
				for _, m := range mentions {
					act, _ := x.Actor(m.Actor)
					act.Affiliation = ""
					if act.Name == "" {
						act.Name = act.ID
					}
					doc.Actors = append(doc.Actors, act)
				}
				if err := doc.Validate(); err != nil {
					t.Errorf("got invalid document: %v", err)
				}
			})
		}
	}
}

// TestBadInput checks that a non-UTF-8 file and a binary file are reported
// by name and skipped, an empty article gives a warning and no claims, and
// the good file is still read.
func TestBadInput(t *testing.T) {
	x := testExtractor(t)
	dir := t.TempDir()
	writeFile(t, dir, "a_latin1.txt", []byte("caf\xe9 \xff\xfe"))
	writeFile(t, dir, "b_binary.txt", []byte("ترامب\x00\x01\x02"))
	writeFile(t, dir, "c_empty.txt", []byte("  \n"))
	writeFile(t, dir, "d_good.txt", []byte("ترامب يدعم جهود حفتر في مكافحة الإرهاب\n"))
	var problems []Problem
	var got []string
	st, err := x.ExtractCorpus(context.Background(), []string{dir},
		func(p Problem) error { problems = append(problems, p); return nil },
		func(it corpus.Item, r Result) error {
			got = append(got, filepath.Base(it.Path)+" "+r.Claim.Source+"->"+r.Claim.Target)
			return nil
		})
	if err != nil {
		t.Fatalf("ExtractCorpus: %v", err)
	}
	if len(got) != 1 || got[0] != "d_good.txt donald-trump->khalifa-haftar" {
		t.Errorf("got claims %q, want the one of d_good.txt", got)
	}
	want := map[string]bool{"a_latin1.txt": false, "b_binary.txt": false, "c_empty.txt": true}
	if len(problems) != len(want) {
		t.Fatalf("got problems %v, want one per bad file", problems)
	}
	for _, p := range problems {
		warning, ok := want[filepath.Base(p.Where)]
		if !ok {
			t.Errorf("got a problem with %s, want none", p.Where)
			continue
		}
		if p.Warning != warning {
			t.Errorf("%s: got warning %v, want %v (%v)", p.Where, p.Warning, warning, p.Err)
		}
	}
	if st.Skipped != 2 || st.Empty != 1 || st.Articles != 1 {
		t.Errorf("got stats %+v, want 2 skipped, 1 empty, 1 article", st)
	}
}

// TestEmptyArticle: no text, no claims, no error.
func TestEmptyArticle(t *testing.T) {
	x := testExtractor(t)
	for _, text := range []string{"", " \n\n\t", "...؟!،"} {
		m, c, err := x.Extract(context.Background(), graph.Article{ID: "e", Text: text})
		if err != nil || len(m) != 0 || len(c) != 0 {
			t.Errorf("Extract(%q) = %v, %v, %v; want nothing", text, m, c, err)
		}
	}
}

// TestCancel: a cancelled context stops extraction with its error.
func TestCancel(t *testing.T) {
	x := testExtractor(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := x.ExtractText(ctx, "c", "ترامب يدعم جهود حفتر")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// TestCorpusPublished checks that a .txt article's published date in its
// front matter is the day its titles are resolved on: the same sentence
// names the president of the United States of that day.
func TestCorpusPublished(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct{ published, want string }{
		{"2019-05-01", "donald-trump"},
		{"2023-05-01", "joe-biden"},
	} {
		t.Run(tc.published, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.txt")
			text := "---\npublished: " + tc.published + "\n---\nوانتقد الرئيس الأمريكي إيران بشدة.\n"
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			var got []string
			_, err := x.ExtractCorpus(context.Background(), []string{path},
				func(p Problem) error { t.Errorf("problem: %v", p.Err); return nil },
				func(it corpus.Item, r Result) error {
					got = append(got, r.Claim.Source+" -> "+r.Claim.Target)
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			if want := tc.want + " -> iran"; !slices.Contains(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestGoldenJSONL compares `rawabit extract` output for one seed with
// testdata/extract_001.jsonl (refresh with -update), using the fixed seed
// gazetteer of testdata/ and the project's lexicon.
func TestGoldenJSONL(t *testing.T) {
	x := seedGazetteerExtractor(t)
	path := filepath.Join(seedsDir, "001_d522f629676ca2b6.txt")
	var buf bytes.Buffer
	_, err := x.ExtractCorpus(context.Background(), []string{path},
		func(p Problem) error { t.Errorf("problem: %v", p.Err); return nil },
		func(it corpus.Item, r Result) error {
			return WriteJSONL(&buf, "data/articles/001_d522f629676ca2b6.txt", r)
		})
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "extract_001.jsonl")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if got := buf.String(); got != string(want) {
		t.Errorf("got output:\n%s\nwant (%s):\n%s", got, golden, want)
	}
	if !strings.Contains(buf.String(), `"type":"met"`) {
		t.Errorf("got no met line in %s", buf.String())
	}
}

// TestEvalSeeds runs the evaluation of ANNOTATION.md on the seed gold file
// and fails below the targets: precision 0.85, recall 0.6. The second gold
// file (other conflicts) must keep precision 0.85 and recall 0.5.
func TestEvalSeeds(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		gold, dir         string
		precision, recall float64
	}{
		{"testdata/gold_seeds.json", seedsDir, 0.85, 0.6},
		{"testdata/gold_other.json", otherDir, 0.85, 0.5},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.gold), func(t *testing.T) {
			g, err := LoadGold(tc.gold)
			if err != nil {
				t.Fatal(err)
			}
			var results []Result
			articles := map[string]bool{}
			for _, it := range readCorpus(t, tc.dir) {
				articles[it.Article.ID] = true
				res, _, err := x.ExtractText(context.Background(), it.Article.ID, it.Article.Text)
				if err != nil {
					t.Fatal(err)
				}
				results = append(results, res...)
			}
			rep := Evaluate(g, results, x.Resolve, articles)
			var b strings.Builder
			_ = WriteReport(&b, rep, false)
			t.Logf("%s:\n%s", tc.gold, b.String())
			if rep.Overall.Precision < tc.precision {
				t.Errorf("got precision %.3f, want at least %.2f", rep.Overall.Precision, tc.precision)
			}
			if rep.Overall.Recall < tc.recall {
				t.Errorf("got recall %.3f, want at least %.2f", rep.Overall.Recall, tc.recall)
			}
		})
	}
}

// TestFragments runs the rules on every prefix and suffix (at word
// boundaries) of every seed sentence: no panic, and every quote verbatim.
func TestFragments(t *testing.T) {
	x := testExtractor(t)
	for _, s := range seedSentences(t) {
		toks := arabic.Tokens(s)
		for _, tk := range toks {
			for _, frag := range []string{s[:tk.End], s[tk.Start:]} {
				res, _, err := x.ExtractText(context.Background(), "f", frag)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range res {
					if frag[r.Claim.Start:r.Claim.End] != r.Claim.Quote {
						t.Fatalf("fragment %q: quote %q is not the text at its offsets", frag, r.Claim.Quote)
					}
				}
			}
		}
	}
}

// The loader runs the extractor through its interface.
var _ loader.Extractor = (*Extractor)(nil)

// FuzzExtract feeds arbitrary text to the extractor: it must not fail or
// panic, and every quote and mention must be the text at its offsets.
func FuzzExtract(f *testing.F) {
	for _, s := range seedSentences(f)[:40] {
		f.Add(s)
	}
	f.Add("\xff\xfeحفتر\x00 و")
	x := testExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		res, _, err := x.ExtractText(context.Background(), "f", text)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			c := r.Claim
			if text[c.Start:c.End] != c.Quote || text[r.Source.Start:r.Source.End] != r.Source.Mention {
				t.Fatalf("offsets do not match the text for %q", text)
			}
		}
	})
}

// seedGazetteerExtractor is an extractor on the fixed test gazetteer
// (testdata/gazetteer_seed.yaml) and the shipped lexicon, for the golden
// tests of extraction output.
func seedGazetteerExtractor(t *testing.T) *Extractor {
	t.Helper()
	g, err := gazetteer.ParseFile("testdata/gazetteer_seed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := LoadLexicon(triggersFile)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(FromGazetteer(g), lex)
	if err != nil {
		t.Fatal(err)
	}
	return x
}
