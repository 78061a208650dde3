package loader_test

import (
	"context"
	"os"
	"testing"

	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
)

// BenchmarkLoadSynthetic loads a synthetic corpus (RAWABIT_BENCH_ARTICLES
// articles of 10 claims, default 10,000, among 10,000 actors) with the
// real extractor (built by the load on the gazetteer it parses) and the
// shipped lexicon into a memory store: what "rawabit load" does. The pool has one worker per GOMAXPROCS, so run it
// with -cpu 1,2 to read the speed-up of the second core side by side.
func BenchmarkLoadSynthetic(b *testing.B) {
	articles := storetest.BenchArticles(b)
	corpus, gazFile := storetest.MustWriteSyntheticCorpus(b, b.TempDir(), 10000, articles)
	lex, err := extract.LoadLexicon("../data/triggers.yaml")
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
		sum, err := loader.Load(context.Background(), memstore.New(), loader.Options{Corpus: []string{corpus}, Gazetteers: []string{gazFile}, Extractor: extractorOn(lex)})
		if err != nil || sum.Articles != articles {
			b.Fatalf("got %+v, %v; want %d articles", sum, err, articles)
		}
	}
}

// BenchmarkNewSynthetic is the serial start of a load of the synthetic
// corpus of BenchmarkLoadSynthetic: loader.New parsing its 10,000-actor
// gazetteer and building the real extractor on it. Nothing is extracted
// until it returns, so with two cores its wall time is what the second
// core waits for.
func BenchmarkNewSynthetic(b *testing.B) {
	_, gazFile := storetest.MustWriteSyntheticCorpus(b, b.TempDir(), 10000, 10)
	lex, err := extract.LoadLexicon("../data/triggers.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := loader.New(loader.Options{Gazetteers: []string{"../data/gazetteer", gazFile}, Extractor: extractorOn(lex)}); err != nil {
			b.Fatal(err)
		}
	}
}
