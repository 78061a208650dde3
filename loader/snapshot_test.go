package loader_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/loader"
	"github.com/rawabit/rawabit/loader/extract"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// countingExtractor counts the articles the real extractor is asked for.
// The loader calls it from several goroutines.
type countingExtractor struct {
	x     loader.Extractor
	mu    sync.Mutex
	calls map[string]int
}

func (c *countingExtractor) Extract(ctx context.Context, a graph.Article) ([]graph.Mention, []graph.Claim, error) {
	c.mu.Lock()
	c.calls[a.ID]++
	c.mu.Unlock()
	return c.x.Extract(ctx, a)
}

func (c *countingExtractor) Discovered(id string) (graph.Actor, bool) {
	return c.x.(loader.Discoverer).Discovered(id)
}

// seedCorpus copies the seed articles into a new folder and returns it.
func seedCorpus(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "data", "articles", "*.txt"))
	if err != nil || len(files) < 2 {
		t.Fatalf("seed articles: %v (%d files)", err, len(files))
	}
	dir := t.TempDir()
	// An article naming a person outside the gazetteer, whom the extractor
	// discovers: the snapshot must give that actor back too.
	writeFile(t, filepath.Join(dir, "discovered.txt"), []byte("استقبل الرئيس المصري عبد الفتاح السيسي اللواء كريم فوزي منصور في القاهرة.\n"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func realExtractor(t *testing.T) loader.Extractor {
	t.Helper()
	g, err := gazetteer.LoadFiles(filepath.Join("..", "data", "gazetteer"))
	if err != nil {
		t.Fatal(err)
	}
	lex, err := extract.LoadLexicon(filepath.Join("..", "data", "triggers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(extract.FromGazetteer(g), lex)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// loadWithSnapshot loads corpus through a snapshot at path made under
// fingerprint and returns the articles extracted, the OpenSnapshot error
// and every article's claims in the store.
func loadWithSnapshot(t *testing.T, corpus, path, fingerprint string) (map[string]int, error, map[string][]graph.Claim) {
	t.Helper()
	x := realExtractor(t) // a new one, which has discovered no actor yet
	snap, openErr := loader.OpenSnapshot(path, fingerprint)
	counter := &countingExtractor{x: x, calls: map[string]int{}}
	store := memstore.New()
	opts := loader.Options{Corpus: []string{corpus}, Gazetteers: []string{filepath.Join("..", "data", "gazetteer")}, Extractor: ready(snap.Extractor(counter))}
	sum, err := loader.Load(context.Background(), store, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := snap.Save(); err != nil {
		t.Fatal(err)
	}
	reused, extracted := snap.Stats()
	if extracted != len(counter.calls) || reused+extracted != sum.Articles {
		t.Errorf("got stats reused %d, extracted %d for %d articles and %d extractor calls", reused, extracted, sum.Articles, len(counter.calls))
	}
	claims := map[string][]graph.Claim{}
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	for _, f := range files {
		id := filepath.Base(f[:len(f)-len(".txt")])
		cs, err := store.ArticleClaims(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		claims[id] = cs
	}
	if len(sum.Skipped) > 0 {
		t.Errorf("got skipped %+v, want every article loaded", sum.Skipped)
	}
	if cs := claims["discovered"]; len(cs) != 1 || !strings.HasPrefix(cs[0].Target, extract.DiscoveredPrefix) {
		t.Errorf("got claims %+v in the article naming an unknown person, want one with the discovered actor", cs)
	}
	return counter.calls, openErr, claims
}

func TestSnapshot(t *testing.T) {
	tests := []struct {
		name string
		// change is done between a first load that writes the snapshot
		// and the second load that is checked.
		change        func(t *testing.T, corpus, snapshot string) (fingerprint string)
		wantExtracted func(all []string, changed string) []string
		wantErr       error
	}{
		{"unchanged corpus extracts nothing",
			func(*testing.T, string, string) string { return "fp1" },
			func([]string, string) []string { return nil }, nil},
		{"a changed article is the only one extracted",
			func(t *testing.T, corpus, _ string) string {
				appendTo(t, filepath.Join(corpus, "001_d522f629676ca2b6.txt"), "\nالتقى حفتر السراج.\n")
				return "fp1"
			},
			func(_ []string, _ string) []string { return []string{"001_d522f629676ca2b6"} }, nil},
		{"an article renamed (same text, new id) is not extracted and gets its own claim ids",
			func(t *testing.T, corpus, _ string) string {
				old := filepath.Join(corpus, "001_d522f629676ca2b6.txt")
				if err := os.Rename(old, filepath.Join(corpus, "009_renamed.txt")); err != nil {
					t.Fatal(err)
				}
				return "fp1"
			},
			func([]string, string) []string { return nil }, nil},
		{"another gazetteer, lexicon or extractor version extracts everything",
			func(*testing.T, string, string) string { return "fp2" },
			func(all []string, _ string) []string { return all }, loader.ErrSnapshotStale},
		{"a corrupt snapshot is reported and everything extracted",
			func(t *testing.T, _, snapshot string) string {
				data, err := os.ReadFile(snapshot)
				if err != nil {
					t.Fatal(err)
				}
				data[len(data)-3] ^= 0xff
				writeFile(t, snapshot, data)
				return "fp1"
			},
			func(all []string, _ string) []string { return all }, loader.ErrSnapshotUnreadable},
		{"a truncated snapshot is reported and everything extracted",
			func(t *testing.T, _, snapshot string) string {
				data, err := os.ReadFile(snapshot)
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, snapshot, data[:len(data)/2])
				return "fp1"
			},
			func(all []string, _ string) []string { return all }, loader.ErrSnapshotUnreadable},
		{"a foreign file is reported and everything extracted",
			func(t *testing.T, _, snapshot string) string {
				writeFile(t, snapshot, []byte("actors: []\n"))
				return "fp1"
			},
			func(all []string, _ string) []string { return all }, loader.ErrSnapshotUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			corpus := seedCorpus(t)
			snapshot := filepath.Join(t.TempDir(), "cache", "snapshot.bin")
			first, err, _ := loadWithSnapshot(t, corpus, snapshot, "fp1")
			if err != nil {
				t.Fatalf("first load: got %v, want no error for a missing snapshot", err)
			}
			var all []string
			for id := range first {
				all = append(all, id)
			}
			fp := tt.change(t, corpus, snapshot)
			// The reference: the same corpus without a snapshot.
			_, _, want := loadWithSnapshot(t, corpus, filepath.Join(t.TempDir(), "none.bin"), fp)

			calls, err, got := loadWithSnapshot(t, corpus, snapshot, fp)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Errorf("got open error %v, want %v", err, tt.wantErr)
			}
			wantCalls := map[string]int{}
			for _, id := range tt.wantExtracted(all, "") {
				wantCalls[id] = 1
			}
			if !reflect.DeepEqual(calls, wantCalls) {
				t.Errorf("got articles extracted %v, want %v", calls, wantCalls)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got claims %v, want those of a load without snapshot %v", got, want)
			}
			// Nothing but the snapshot is left in its folder.
			entries, err := os.ReadDir(filepath.Dir(snapshot))
			if err != nil || len(entries) != 1 {
				t.Errorf("got %v (%v) in the snapshot folder, want the snapshot alone", entries, err)
			}
		})
	}
}

func appendTo(t *testing.T, path, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, append(data, text...))
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
