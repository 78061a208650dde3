package loader_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
)

// recorder is a graph.Writer that stores into a memory store and records
// every document it is given, in order.
type recorder struct {
	*memstore.Store
	mu   sync.Mutex
	docs []graph.Document
}

func (r *recorder) LoadArticle(ctx context.Context, doc graph.Document) error {
	r.mu.Lock()
	r.docs = append(r.docs, doc)
	r.mu.Unlock()
	return r.Store.LoadArticle(ctx, doc)
}

// TestLoadWorkersSameResult loads the same corpus (the seed articles, the
// loader's test corpus with its bad files and duplicates, and the real-news
// texts of ../shared when present) with the real extractor, with one worker
// and with several, and checks that the store is given the same documents
// in the same order and that the summaries and stores agree.
func TestLoadWorkersSameResult(t *testing.T) {
	corpus := []string{"../data/articles", "corpus/testdata/corpus"}
	if _, err := os.Stat("../../shared/realnews/texts"); err == nil {
		corpus = append(corpus, "../../shared/realnews/texts")
	} else {
		t.Log("../../shared/realnews/texts absent: seed articles and test corpus only")
	}
	gazetteers := []string{"../data/gazetteer"}
	lex, err := extract.LoadLexicon("../data/triggers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	type run struct {
		sum    loader.Summary
		docs   []graph.Document
		counts graph.Counts
	}
	load := func(workers int) run {
		// A new extractor per run (the loader builds it): discovered actors
		// are remembered by it.
		w := &recorder{Store: memstore.New()}
		sum, err := loader.Load(ctx, w, loader.Options{Corpus: corpus, Gazetteers: gazetteers, Extractor: extractorOn(lex), Workers: workers,
			Claims: filepath.Join("..", "data", "claims.yaml"), Corrections: filepath.Join("..", "data", "corrections.yaml"), PartialCorpus: true})
		if err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		c, err := w.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return run{sum, w.docs, c}
	}
	one := load(1)
	if one.sum.Articles < 5 || one.sum.Extracted == 0 || len(one.sum.Skipped) == 0 {
		t.Fatalf("got summary %+v with 1 worker, want articles, extracted claims and skipped files", one.sum)
	}
	for _, n := range []int{2, 4, 7} {
		got := load(n)
		if !reflect.DeepEqual(got.sum, one.sum) {
			t.Errorf("%d workers: got summary %+v, want %+v as with 1", n, got.sum, one.sum)
		}
		if got.counts != one.counts {
			t.Errorf("%d workers: got counts %+v, want %+v as with 1", n, got.counts, one.counts)
		}
		if len(got.docs) != len(one.docs) {
			t.Fatalf("%d workers: got %d documents written, want %d as with 1", n, len(got.docs), len(one.docs))
		}
		for i := range got.docs {
			if !reflect.DeepEqual(got.docs[i], one.docs[i]) {
				t.Errorf("%d workers: document %d: got article %q with %d claims, want %q with %d claims as with 1",
					n, i, got.docs[i].Article.ID, len(got.docs[i].Claims), one.docs[i].Article.ID, len(one.docs[i].Claims))
			}
		}
	}
}

// cancellingWriter cancels the load once it has stored after articles,
// one at a time (graph.Store hides the memstore's bulk path).
type cancellingWriter struct {
	graph.Store
	cancel context.CancelFunc
	after  int
	n      int
}

func (w *cancellingWriter) LoadArticle(ctx context.Context, doc graph.Document) error {
	err := w.Store.LoadArticle(ctx, doc)
	if w.n++; w.n == w.after {
		w.cancel()
	}
	return err
}

// TestLoadCancelledWithWorkers cancels a load with several workers after
// two articles are written: Load returns the context's error, the two
// articles are in the store, complete, and nothing after them.
func TestLoadCancelledWithWorkers(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	w := &cancellingWriter{Store: memstore.New(), cancel: cancel, after: 2}
	sum, err := loader.Load(ctx, w, loader.Options{Corpus: []string{"../data/articles"}, Gazetteers: []string{"../data/gazetteer"}, Workers: 3})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	c, err := w.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 2 || c.Articles != 2 {
		t.Errorf("got %d articles in the summary and %d in the store, want 2 and 2", sum.Articles, c.Articles)
	}
}
