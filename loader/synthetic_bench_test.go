package loader_test

import (
	"context"
	"os"
	"testing"

	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// BenchmarkLoadSynthetic loads a synthetic corpus (RAWABIT_BENCH_ARTICLES
// articles of 10 claims, default 10,000, among 10,000 actors) with the
// real extractor and the shipped lexicon into a memory store: what
// "rawabit load" does. The pool has one worker per GOMAXPROCS, so run it
// with -cpu 1,2 to read the speed-up of the second core side by side.
func BenchmarkLoadSynthetic(b *testing.B) {
	articles := storetest.BenchArticles(b)
	corpus, gazFile := storetest.MustWriteSyntheticCorpus(b, b.TempDir(), 10000, articles)
	g, err := gazetteer.LoadFiles(gazFile)
	if err != nil {
		b.Fatal(err)
	}
	lex, err := extract.LoadLexicon("../data/triggers.yaml")
	if err != nil {
		b.Fatal(err)
	}
	x, err := extract.New(extract.FromGazetteer(g), lex)
	if err != nil {
		b.Fatal(err)
	}
	info, err := os.Stat(corpus)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ResetTimer()
	for b.Loop() {
		sum, err := loader.Load(context.Background(), memstore.New(), loader.Options{Corpus: []string{corpus}, Gazetteers: []string{gazFile}, Extractor: ready(x)})
		if err != nil || sum.Articles != articles {
			b.Fatalf("got %+v, %v; want %d articles", sum, err, articles)
		}
	}
}
