package export

import (
	"context"
	"io"
	"runtime"
	"testing"
)

// benchEdges is the size of the benchmark subgraph: 10,000 aggregated edges
// (12,500 claims) over 2,000 actors and 100 articles.
const benchEdges = 10000

// BenchmarkWrite writes the benchmark subgraph in every format to
// io.Discard and reports the time and the allocations per edge.
func BenchmarkWrite(b *testing.B) {
	in := syntheticInput(2000, benchEdges)
	ctx := context.Background()
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			var before, after runtime.MemStats
			b.ReportAllocs()
			runtime.ReadMemStats(&before)
			for b.Loop() {
				if err := Write(ctx, io.Discard, f, in); err != nil {
					b.Fatal(err)
				}
			}
			runtime.ReadMemStats(&after)
			edges := float64(b.N) * benchEdges
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/edges, "ns/edge")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/edges, "allocs/edge")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/edges, "B/edge")
		})
	}
}
