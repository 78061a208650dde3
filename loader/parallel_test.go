package loader_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
)

// recorder is a graph.Writer that stores into a memory store and records
// every document it is given, in order. It is a graph.CheckedWriter, as the
// memory store is: the loader writes to it in batches.
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

func (r *recorder) LoadChecked(ctx context.Context, docs []graph.CheckedDocument) error {
	r.mu.Lock()
	for _, d := range docs {
		r.docs = append(r.docs, d.Document())
	}
	r.mu.Unlock()
	return r.Store.LoadChecked(ctx, docs)
}

// oneByOne hides the recorder's LoadChecked: the loader writes to it one
// article at a time (graph.Writer.LoadArticle).
type oneByOne struct {
	graph.Store
	r *recorder
}

func (w oneByOne) LoadArticle(ctx context.Context, doc graph.Document) error {
	return w.r.LoadArticle(ctx, doc)
}

// TestLoadWorkersSameResult loads the same corpus (the seed articles, the
// loader's test corpus with its bad files and duplicates, and the real-news
// texts of ../shared when present) with the real extractor, with one worker
// and with several, written in batches (graph.CheckedWriter, as to the
// memory store) and one by one, and checks that the store is given the same
// documents in the same order and that the summaries and stores agree.
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
	load := func(workers int, batches bool) run {
		// A new extractor per run (the loader builds it): discovered actors
		// are remembered by it.
		r := &recorder{Store: memstore.New()}
		var w graph.Writer = r
		if !batches {
			w = oneByOne{Store: r.Store, r: r}
		}
		sum, err := loader.Load(ctx, w, loader.Options{Corpus: corpus, Gazetteers: gazetteers, Extractor: extractorOn(lex), Workers: workers,
			Claims: filepath.Join("..", "data", "claims.yaml"), Corrections: filepath.Join("..", "data", "corrections.yaml"), PartialCorpus: true})
		if err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		c, err := r.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return run{sum, r.docs, c}
	}
	one := load(1, true)
	if one.sum.Articles < 5 || one.sum.Extracted == 0 || len(one.sum.Skipped) == 0 {
		t.Fatalf("got summary %+v with 1 worker, want articles, extracted claims and skipped files", one.sum)
	}
	if len(one.docs) != one.sum.Articles {
		t.Fatalf("got %d documents written with 1 worker, want %d (the articles loaded)", len(one.docs), one.sum.Articles)
	}
	for _, tc := range []struct {
		workers int
		batches bool
	}{{1, false}, {2, true}, {2, false}, {4, true}, {7, true}, {7, false}} {
		t.Run(fmt.Sprintf("%d workers, batches %v", tc.workers, tc.batches), func(t *testing.T) {
			got := load(tc.workers, tc.batches)
			if !reflect.DeepEqual(got.sum, one.sum) {
				t.Errorf("got summary %+v, want %+v as with 1 worker", got.sum, one.sum)
			}
			if got.counts != one.counts {
				t.Errorf("got counts %+v, want %+v as with 1 worker", got.counts, one.counts)
			}
			if len(got.docs) != len(one.docs) {
				t.Fatalf("got %d documents written, want %d as with 1 worker", len(got.docs), len(one.docs))
			}
			for i := range got.docs {
				if !reflect.DeepEqual(got.docs[i], one.docs[i]) {
					t.Errorf("document %d: got article %q with %d claims, want %q with %d claims as with 1 worker",
						i, got.docs[i].Article.ID, len(got.docs[i].Claims), one.docs[i].Article.ID, len(one.docs[i].Claims))
				}
			}
		})
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

// TestLoadBatchesSameResult loads a synthetic corpus large enough for the
// batched writer to write it in several batches (2,500 articles, 25,000
// claims among 500 actors) with two and four workers, and checks that the
// store is given the same documents in the same order, and ends with the
// same counts and neighbourhoods, as with one worker writing one article at
// a time.
func TestLoadBatchesSameResult(t *testing.T) {
	if testing.Short() {
		t.Skip("2,500 articles extracted three times")
	}
	corpus, gaz := storetest.MustWriteSyntheticCorpus(t, t.TempDir(), 500, 2500)
	lex, err := extract.LoadLexicon("../data/triggers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	load := func(workers int, batches bool) (*recorder, loader.Summary) {
		r := &recorder{Store: memstore.New()}
		var w graph.Writer = r
		if !batches {
			w = oneByOne{Store: r.Store, r: r}
		}
		sum, err := loader.Load(ctx, w, loader.Options{Corpus: []string{corpus}, Gazetteers: []string{gaz}, Extractor: extractorOn(lex), Workers: workers})
		if err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		return r, sum
	}
	one, oneSum := load(1, false)
	if oneSum.Articles != 2500 || len(one.docs) != 2500 || oneSum.Extracted == 0 {
		t.Fatalf("got summary %+v and %d documents with 1 worker, want 2,500 articles with extracted claims", oneSum, len(one.docs))
	}
	want, err := one.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{2, 4} {
		t.Run(fmt.Sprintf("%d workers", workers), func(t *testing.T) {
			got, sum := load(workers, true)
			if !reflect.DeepEqual(sum, oneSum) {
				t.Errorf("got summary %+v, want %+v", sum, oneSum)
			}
			if c, err := got.Counts(ctx); err != nil || c != want {
				t.Errorf("got counts %+v (%v), want %+v", c, err, want)
			}
			if len(got.docs) != len(one.docs) {
				t.Fatalf("got %d documents written, want %d", len(got.docs), len(one.docs))
			}
			for i := range got.docs {
				if !reflect.DeepEqual(got.docs[i], one.docs[i]) {
					t.Fatalf("document %d: got article %q, want %q (or the same article built differently)", i, got.docs[i].Article.ID, one.docs[i].Article.ID)
				}
			}
			for _, id := range []string{"actor-000000", "actor-000042", "actor-000499"} {
				q := graph.NeighbourhoodQuery{Center: id, Depth: 2}
				a, err := one.Neighbourhood(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				b, err := got.Neighbourhood(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(a, b) {
					t.Errorf("neighbourhood of %s: got %d nodes and %d claims, want %d and %d as one by one", id, len(b.Nodes), len(b.Claims), len(a.Nodes), len(a.Claims))
				}
			}
		})
	}
}
