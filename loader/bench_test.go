package loader

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/loader/corpus"
)

// BenchmarkLoadJSONL measures loading a JSON Lines corpus built from the five
// seed articles (repeated under new ids) into memstore, without an extractor:
// reading, front matter and record parsing, the gazetteer mention scan, the
// curated claims (none for these ids) and the store writes. Bytes are the
// corpus size, so ns/op gives MB/s.
func BenchmarkLoadJSONL(b *testing.B) {
	const copies = 100
	files, err := filepath.Glob(filepath.Join("..", "data", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	var sb strings.Builder
	for i := 0; i < copies; i++ {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			a, err := corpus.ParseText(f, corpus.ArticleID(f), data)
			if err != nil {
				b.Fatal(err)
			}
			rec, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("%s-%d", a.ID, i), "title": a.Title, "text": a.Text})
			sb.Write(rec)
			sb.WriteByte('\n')
		}
	}
	path := filepath.Join(b.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	l, err := New(Options{Corpus: []string{path}, Gazetteers: []string{seedGazetteer}})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(sb.Len()))
	b.ResetTimer()
	for range b.N {
		sum, err := l.Load(context.Background(), memstore.New())
		if err != nil || sum.Articles != copies*len(files) {
			b.Fatalf("got %+v, %v; want %d articles", sum, err, copies*len(files))
		}
	}
}
