package neo4jstore

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
	"github.com/rawabit/rawabit/graph/storetest"
)

// The side-by-side graph: as large as Neo4j loads in about a minute on the
// project's two-core machines.
const (
	sideActors = 5_000
	sideClaims = 50_000
	sideSeed   = 1
)

// BenchmarkSideBySide loads the same synthetic graph into the memory store
// and into Neo4j and measures, in each, the load (claims/s, in batches of
// 1,000 articles), Neighbourhood at depth 1 to 3, ShortestPaths and
// SearchActors, with p50 and p99 latencies. BENCHMARKS.md gives the ratios.
// BENCHMARKS.md has the command.
func BenchmarkSideBySide(b *testing.B) {
	ctx := context.Background()
	target := neo4jtest.Require(b)
	stores := []struct {
		name string
		open func(b *testing.B) graph.Store
	}{
		{"memory", func(b *testing.B) graph.Store { return memstore.New() }},
		{"neo4j", func(b *testing.B) graph.Store {
			s, err := Open(ctx, configOf(target))
			if err != nil {
				b.Fatalf("open: %v", err)
			}
			b.Cleanup(func() { s.Close(ctx) })
			if err := s.Clear(ctx); err != nil {
				b.Fatalf("clear: %v", err)
			}
			return s
		}},
	}
	rng := rand.New(rand.NewPCG(7, 7))
	ids := make([]string, 1024)
	for i := range ids {
		ids[i] = storetest.SyntheticActorID(rng.IntN(sideActors))
	}
	names := storetest.SyntheticActors(sideActors)
	for _, st := range stores {
		b.Run("store="+st.name, func(b *testing.B) {
			s := st.open(b)
			start := time.Now()
			if err := storetest.LoadSynthetic(ctx, s, sideActors, sideClaims, sideSeed); err != nil {
				b.Fatalf("load: %v", err)
			}
			loadRate := float64(sideClaims) / time.Since(start).Seconds()
			b.Run("load", func(b *testing.B) {
				for b.Loop() {
				}
				b.ReportMetric(loadRate, "claims/s")
			})
			for depth := 1; depth <= 3; depth++ {
				b.Run(fmt.Sprintf("neighbourhood/depth=%d", depth), func(b *testing.B) {
					timed(b, func(i int) error {
						_, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: ids[i%len(ids)], Depth: depth, MaxNodes: 500})
						return err
					})
				})
			}
			b.Run("shortest-paths/max=4", func(b *testing.B) {
				timed(b, func(i int) error {
					_, err := s.ShortestPaths(ctx, graph.PathQuery{From: ids[i%512], To: ids[512+i%512], MaxLength: 4})
					return err
				})
			})
			for _, q := range []struct{ name, text string }{
				{"arabic-full-name", names[1234].NameAr},
				{"arabic-common-word", "محمد"},
				{"english-prefix", "Actor 424"},
			} {
				b.Run("search/"+q.name, func(b *testing.B) {
					timed(b, func(int) error {
						_, err := s.SearchActors(ctx, graph.SearchQuery{Text: q.text})
						return err
					})
				})
			}
		})
	}
}

// timed runs op b.N times and reports its p50 and p99 in milliseconds.
func timed(b *testing.B, op func(i int) error) {
	d := make([]time.Duration, 0, b.N)
	i := 0
	for b.Loop() {
		start := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		d = append(d, time.Since(start))
		i++
	}
	slices.Sort(d)
	at := func(p float64) float64 { return float64(d[int(p*float64(len(d)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
