package extract

import (
	"context"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph/arabic"
)

// seedSentences returns the sentences of the seed articles.
func seedSentences(b testing.TB) []string {
	var out []string
	for _, it := range readCorpus(b, seedsDir) {
		_ = scanSentences(strings.NewReader(it.Article.Text), DefaultMaxSentenceBytes, func(_ int, s string) error {
			if len(arabic.Tokens(s)) > 0 {
				out = append(out, strings.TrimSpace(s))
			}
			return nil
		})
	}
	return out
}

// recombined builds an article of about n bytes by recombining the seed
// sentences in a fixed pseudo-random order.
func recombined(sents []string, n int) string {
	var b strings.Builder
	b.Grow(n + 1024)
	seed := uint32(1)
	for b.Len() < n {
		seed = seed*1664525 + 1013904223
		b.WriteString(sents[int(seed>>8)%len(sents)])
		if seed&3 == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkExtract measures extraction throughput (MB/s) on a ~10 MB article
// made of recombined seed sentences. Run with -cpu 1.
func BenchmarkExtract(b *testing.B) {
	x := testExtractor(b)
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

// BenchmarkExtractFloor is the floor of BenchmarkExtract over the same
// text: reading it, splitting it into sentences and tokenising them
// (arabic.AppendTokens), the work every extraction does before reading a
// word. Their ratio is the cost of the analysis; run both in one command
// (go test -run x -bench 'BenchmarkExtract(Floor)?$' -cpu 1) so that it
// holds on a noisy machine.
func BenchmarkExtractFloor(b *testing.B) {
	text := recombined(seedSentences(b), 10<<20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	var toks []arabic.Token
	n := 0
	for b.Loop() {
		n = 0
		err := scanSentences(strings.NewReader(text), DefaultMaxSentenceBytes, func(off int, s string) error {
			toks = arabic.AppendTokens(toks[:0], s, off)
			n += len(toks)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "tokens/op")
}

// repeatReader streams n bytes of recombined seed text without holding
// them in memory.
type repeatReader struct {
	chunk string
	off   int
	left  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && r.left > 0 {
		c := copy(p[n:min(len(p), n+r.left)], r.chunk[r.off:])
		r.off = (r.off + c) % len(r.chunk)
		n += c
		r.left -= c
	}
	return n, nil
}

// BenchmarkExtract50MB streams a 50 MB article through ExtractReader and
// reports the peak heap in use (sampled every 64 claims), which stays
// flat whatever the article's size.
func BenchmarkExtract50MB(b *testing.B) {
	x := testExtractor(b)
	chunk := recombined(seedSentences(b), 1<<20)
	ctx := context.Background()
	const size = 50 << 20
	b.SetBytes(size)
	var peak uint64
	for b.Loop() {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		peak = 0
		n := 0
		_, err := x.ExtractReader(ctx, "big", &repeatReader{chunk: chunk, left: size}, func(Result) error {
			n++
			if n%64 == 0 {
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > base && ms.HeapAlloc-base > peak {
					peak = ms.HeapAlloc - base
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
