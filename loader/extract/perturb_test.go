package extract

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// constructionSentences returns the test sentences of every named entry:
// frames, clause and noun readings, event constructions, embedded events,
// plus the seed articles' sentences.
func constructionSentences(t *testing.T, x *Extractor) []string {
	var out []string
	for _, f := range x.frames {
		for _, tc := range f.tests {
			out = append(out, tc.Text)
		}
	}
	for _, ec := range eventConstructions {
		for _, tc := range ec.tests {
			out = append(out, tc.Text)
		}
	}
	var tables [][]readingTest
	for _, r := range clauseReadings {
		tables = append(tables, r.tests)
	}
	for _, r := range nounReadings {
		tables = append(tables, r.tests)
	}
	for _, r := range eventAgents {
		tables = append(tables, r.tests)
	}
	for _, r := range eventStances {
		tables = append(tables, r.tests)
	}
	for _, tests := range tables {
		for _, tc := range tests {
			out = append(out, tc.text)
		}
	}
	for _, c := range entityLayerCases() {
		out = append(out, c.text)
	}
	out = append(out, seedSentences(t)...)
	for _, dir := range []string{"testdata/other", "testdata/dev", "testdata/blind", "testdata/blind2"} {
		out = append(out, corpusSentences(t, dir, nil)...)
	}
	return append(out, realNewsDevSentences(t)...)
}

// corpusSentences returns the sentences of the articles under dir (those
// keep says, or all when keep is nil).
func corpusSentences(t *testing.T, dir string, keep map[string]bool) []string {
	var out []string
	for _, it := range readCorpus(t, dir) {
		if keep != nil && !keep[it.Article.ID] {
			continue
		}
		_ = scanSentences(strings.NewReader(it.Article.Text), DefaultMaxSentenceBytes, func(_ int, s string) error {
			out = append(out, strings.TrimSpace(s))
			return nil
		})
	}
	return out
}

// realNewsDevSentences returns the sentences of the real-news dev texts
// (../shared/realnews, the articles of gold_dev.json; never check's), or
// none where they are absent.
func realNewsDevSentences(t *testing.T) []string {
	dir := realNewsDir(t)
	if dir == "" {
		t.Log("../shared/realnews is absent: the dev texts are not perturbed")
		return nil
	}
	data, err := os.ReadFile(filepath.Join(dir, "gold_dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Relations []struct {
			Article string `json:"article"`
		} `json:"relations"`
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	dev := map[string]bool{}
	for _, r := range gold.Relations {
		dev[r.Article] = true
	}
	return corpusSentences(t, filepath.Join(dir, "texts"), dev)
}

// TestPerturbedSentences reads every construction's test sentences cut
// short after each word (with and without a full stop, so that every
// reading meets the sentence's end right after its cue or its mention),
// with each word left out, and with the two halves swapped, and checks
// that the rules never fail (a *RuleFault, the recovered panic of an index
// past the end) and that every claim's quote is its text. Fuzzing finds
// such failures slowly, since random bytes are seldom Arabic news; these
// are the shapes that broke before (a dual anaphor ending a sentence, an
// object expected after a verb that ends one).
func TestPerturbedSentences(t *testing.T) {
	if testing.Short() {
		t.Skip("reads some 40,000 variants")
	}
	x := testExtractor(t)
	read := func(text string) {
		t.Helper()
		res, _, err := x.ExtractText(context.Background(), "p", text)
		var fault *RuleFault
		if errors.As(err, &fault) {
			t.Fatalf("the rules failed on %q: %v\n%s", text, fault.Value, fault.Stack)
		}
		if err != nil {
			t.Fatalf("ExtractText(%q): %v", text, err)
		}
		for _, r := range res {
			if c := r.Claim; text[c.Start:c.End] != c.Quote {
				t.Fatalf("quote %q is not the text at %d..%d of %q", c.Quote, c.Start, c.End, text)
			}
		}
	}
	seen := map[string]bool{}
	variants := 0
	for _, s := range constructionSentences(t, x) {
		words := strings.Fields(s)
		if seen[s] || len(words) == 0 {
			continue
		}
		seen[s] = true
		for n := 1; n <= len(words); n++ {
			prefix := strings.Join(words[:n], " ")
			read(prefix)
			read(prefix + ".")
			variants += 2
		}
		for k := range words {
			read(strings.Join(append(append([]string(nil), words[:k]...), words[k+1:]...), " "))
			variants++
		}
		h := len(words) / 2
		read(strings.Join(append(append([]string(nil), words[h:]...), words[:h]...), " "))
		variants++
	}
	t.Logf("%d sentences, %d variants", len(seen), variants)
}
