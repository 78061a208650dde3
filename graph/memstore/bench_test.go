package memstore_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
)

// The benchmark graph: the size issue 4 sets for the neighbourhood target.
const (
	benchActors = 100_000
	benchClaims = 1_000_000
	benchSeed   = 1
)

var (
	bigOnce  sync.Once
	bigStore *memstore.Store
)

// bigGraph builds the synthetic benchmark graph once per process.
func bigGraph(b *testing.B) *memstore.Store {
	bigOnce.Do(func() {
		start := time.Now()
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		s := memstore.New()
		err := storetest.LoadSynthetic(context.Background(), s, benchActors, benchClaims, benchSeed)
		if err != nil {
			b.Fatalf("building the synthetic graph: %v", err)
		}
		b.Logf("built %d actors, %d claims in %v", benchActors, benchClaims, time.Since(start).Round(time.Millisecond))
		bigStore = s
	})
	if bigStore == nil {
		b.Fatal("synthetic graph failed to build")
	}
	return bigStore
}

// reportPercentiles adds p50 and p99 latency metrics from per-op durations.
func reportPercentiles(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	at := func(p float64) float64 { return float64(d[int(p*float64(len(d)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// centres returns random actor ids, reproducibly.
func centres(n int) []string {
	rng := rand.New(rand.NewPCG(7, 7))
	ids := make([]string, n)
	for i := range ids {
		ids[i] = storetest.SyntheticActorID(rng.IntN(benchActors))
	}
	return ids
}

func BenchmarkNeighbourhood(b *testing.B) {
	s := bigGraph(b)
	ctx := context.Background()
	ids := centres(1024)
	for _, depth := range []int{1, 2, 3} {
		b.Run("depth="+string(rune('0'+depth)), func(b *testing.B) {
			durations := make([]time.Duration, 0, b.N)
			nodes := 0
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				start := time.Now()
				sg, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: ids[i%len(ids)], Depth: depth, MaxNodes: 500})
				durations = append(durations, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				nodes += len(sg.Nodes)
				i++
			}
			b.ReportMetric(float64(nodes)/float64(i), "nodes/op")
			reportPercentiles(b, durations)
		})
	}
}

// BenchmarkHeap reports the live heap holding the benchmark graph.
func BenchmarkHeap(b *testing.B) {
	bigGraph(b)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	for b.Loop() {
	}
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(ms.HeapAlloc)/benchClaims, "B/claim")
}

// BenchmarkHeapWithIndex is BenchmarkHeap after a search has built the
// name index, so that the index is counted too.
func BenchmarkHeapWithIndex(b *testing.B) {
	s := bigGraph(b)
	if _, err := s.SearchActors(context.Background(), graph.SearchQuery{Text: "محمد"}); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	for b.Loop() {
	}
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(ms.HeapAlloc)/benchClaims, "B/claim")
}

// BenchmarkNeighbourhoodDepth2 is the depth-2 neighbourhood (limit 500)
// from the centres BenchmarkAdjacencyBFSDepth2 starts from: run the two
// together and read the ratio of their times.
func BenchmarkNeighbourhoodDepth2(b *testing.B) {
	s := bigGraph(b)
	ctx := context.Background()
	ids := centres(1024)
	nodes, claims := 0, 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sg, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: ids[i%len(ids)], Depth: 2, MaxNodes: 500})
		if err != nil {
			b.Fatal(err)
		}
		nodes += len(sg.Nodes)
		claims += len(sg.Claims)
		i++
	}
	b.ReportMetric(float64(nodes)/float64(i), "nodes/op")
	b.ReportMetric(float64(claims)/float64(i), "claims/op")
}

// csr is the benchmark graph's actor adjacency as plain arrays: the
// neighbours of actor i are adj[off[i]:off[i+1]], one entry per pair of
// actors with at least one claim between them, in both directions.
type csr struct {
	off, adj []int32
}

// buildCSR builds the adjacency of the benchmark graph from its documents,
// independently of the store.
func buildCSR(b *testing.B) csr {
	var pairs []uint64
	err := storetest.SyntheticEach(benchActors, benchClaims, benchSeed, func(d graph.Document) error {
		for _, c := range d.Claims {
			src, dst := syntheticIndex(b, c.Source), syntheticIndex(b, c.Target)
			pairs = append(pairs, uint64(min(src, dst))<<32|uint64(max(src, dst)))
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	g := csr{off: make([]int32, benchActors+1), adj: make([]int32, 2*len(pairs))}
	for _, p := range pairs {
		g.off[p>>32+1]++
		g.off[uint32(p)+1]++
	}
	for i := 1; i <= benchActors; i++ {
		g.off[i] += g.off[i-1]
	}
	fill := slices.Clone(g.off[:benchActors])
	for _, p := range pairs {
		lo, hi := int32(p>>32), int32(uint32(p))
		g.adj[fill[lo]], fill[lo] = hi, fill[lo]+1
		g.adj[fill[hi]], fill[hi] = lo, fill[hi]+1
	}
	return g
}

func syntheticIndex(b *testing.B, id string) int32 {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "actor-"))
	if err != nil {
		b.Fatalf("synthetic actor id %q: %v", id, err)
	}
	return int32(n)
}

// BenchmarkAdjacencyBFSDepth2 is the floor of BenchmarkNeighbourhoodDepth2:
// a plain breadth-first search to depth 2 over the same edges in a []int32
// adjacency, from the same centres, collecting the nodes reached and the
// edges scanned, with no filter, cap, ranking or claims.
func BenchmarkAdjacencyBFSDepth2(b *testing.B) {
	g := buildCSR(b)
	ids := centres(1024)
	starts := make([]int32, len(ids))
	for i, id := range ids {
		starts[i] = syntheticIndex(b, id)
	}
	seen := make([]uint32, benchActors)
	var nodes []int32
	var edges [][2]int32
	stamp := uint32(0)
	totalNodes, totalEdges := 0, 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		stamp++
		start := starts[i%len(starts)]
		nodes, edges = append(nodes[:0], start), edges[:0]
		seen[start] = stamp
		lo, hi := 0, 1
		for depth := 0; depth < 2; depth++ {
			for _, u := range nodes[lo:hi] {
				for _, v := range g.adj[g.off[u]:g.off[u+1]] {
					edges = append(edges, [2]int32{u, v})
					if seen[v] != stamp {
						seen[v] = stamp
						nodes = append(nodes, v)
					}
				}
			}
			lo, hi = hi, len(nodes)
		}
		totalNodes += len(nodes)
		totalEdges += len(edges)
		i++
	}
	b.ReportMetric(float64(totalNodes)/float64(i), "nodes/op")
	b.ReportMetric(float64(totalEdges)/float64(i), "edges/op")
}

func BenchmarkSearch(b *testing.B) {
	s := bigGraph(b)
	ctx := context.Background()
	names := storetest.SyntheticActors(benchActors)
	tests := []struct{ name, text string }{
		{"arabic-full-name", names[12345].NameAr},
		{"arabic-prefix", string([]rune(names[12345].NameAr)[:len([]rune(names[12345].NameAr))-1])},
		{"arabic-common-word", "محمد"},
		{"english-full-name", "Actor 98765"},
		{"english-prefix", "Actor 4242"},
		{"no-match", "zzz"},
	}
	for _, tt := range tests {
		b.Run(tt.name, func(b *testing.B) {
			durations := make([]time.Duration, 0, b.N)
			b.ReportAllocs()
			for b.Loop() {
				start := time.Now()
				_, err := s.SearchActors(ctx, graph.SearchQuery{Text: tt.text})
				durations = append(durations, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
			}
			reportPercentiles(b, durations)
		})
	}
}

// BenchmarkSearchIndex builds the name index of the benchmark graph's
// 100,000 actors from scratch, as the first search after a change of
// names does.
func BenchmarkSearchIndex(b *testing.B) {
	s := bigGraph(b)
	for b.Loop() {
		memstore.BuildSearchIndex(s)
	}
}

func BenchmarkShortestPaths(b *testing.B) {
	s := bigGraph(b)
	ctx := context.Background()
	from, to := centres(512), centres(1024)[512:]
	for _, maxLength := range []int{2, 4} {
		b.Run("max="+string(rune('0'+maxLength)), func(b *testing.B) {
			durations := make([]time.Duration, 0, b.N)
			found := 0
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				start := time.Now()
				paths, err := s.ShortestPaths(ctx, graph.PathQuery{From: from[i%len(from)], To: to[i%len(to)], MaxLength: maxLength})
				durations = append(durations, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				if len(paths) > 0 {
					found++
				}
				i++
			}
			b.ReportMetric(float64(found)/float64(i), "found/op")
			reportPercentiles(b, durations)
		})
	}
}

func BenchmarkLoadArticle(b *testing.B) {
	ctx := context.Background()
	b.Run("fixture-into-empty-store", func(b *testing.B) {
		docs := storetest.Fixture()
		b.ReportAllocs()
		for b.Loop() {
			s := memstore.New()
			for _, d := range docs {
				if err := s.LoadArticle(ctx, d); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/article")
	})
	b.Run("replace-in-big-graph", func(b *testing.B) {
		s := bigGraph(b)
		docs := storetest.Synthetic(benchActors, 2*storetest.SyntheticClaimsPerArticle, benchSeed+1)
		for i := range docs {
			docs[i] = storetest.Retarget(docs[i], "bench-replace-"+string(rune('a'+i)))
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if err := s.LoadArticle(ctx, docs[i%len(docs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkFullGC times one full garbage collection with the benchmark graph
// in memory: what the store costs the collector. Run it with -benchtime 5x.
func BenchmarkFullGC(b *testing.B) {
	bigGraph(b)
	runtime.GC()
	for b.Loop() {
		runtime.GC()
	}
}

// BenchmarkOverview measures the start screen's summary of the benchmark
// graph (every actor ranked, every claim counted by month), without and
// with a date range; Counts is the floor it is compared with.
func BenchmarkOverview(b *testing.B) {
	s := bigGraph(b)
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		f    graph.Filter
	}{
		{"all", graph.Filter{}},
		{"range", graph.Filter{Since: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC)}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Overview(ctx, graph.OverviewQuery{Filter: tt.f, Top: 12}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("counts", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Counts(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
