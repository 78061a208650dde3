package memstore_test

import (
	"context"
	"fmt"
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

// BenchmarkNeighbourhoodDepth2 is the depth-2 neighbourhood (the default
// caps: limit 500, 50 neighbours per actor) from the centres
// BenchmarkAdjacencyBFSDepth2 starts from: run the two together and read
// the ratio of their times.
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

// BenchmarkAdjacencyBFSDepth2 is the floor of BenchmarkNeighbourhoodDepth2:
// the same depth-2 neighbourhood (limit 500, 50 neighbours per actor) from
// the same centres over plain arrays of the same edges with their claim
// counts (floor_test.go): a breadth-first search that ranks an actor's
// neighbours when a cap bites, counts the omissions, and collects the
// pairs among the actors reached with their number of claims, giving the
// store's nodes and claims (TestFloorAsStore checks it), but building no
// graph.Actor or graph.Claim.
func BenchmarkAdjacencyBFSDepth2(b *testing.B) {
	g := buildCSR(b, benchActors, benchClaims, benchSeed)
	ids := centres(1024)
	starts := make([]int32, len(ids))
	for i, id := range ids {
		starts[i] = syntheticIndex(b, id)
	}
	f := newFloor(benchActors)
	nodes, claims := 0, 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		f.neighbourhood(g, starts[i%len(starts)], 2, graph.DefaultMaxNeighbours, graph.DefaultMaxNodes)
		nodes += len(f.nodes)
		for _, p := range f.pairs {
			claims += int(p[2])
		}
		i++
	}
	b.ReportMetric(float64(nodes)/float64(i), "nodes/op")
	b.ReportMetric(float64(claims)/float64(i), "claims/op")
}

// BenchmarkAnswerDepth2 is what building BenchmarkNeighbourhoodDepth2's
// answers costs alone: for each centre, a []graph.Actor and a
// []graph.Claim of the sizes of the store's answer (the store's first
// answer's values copied round and round, so that what is read stays in
// the cache), allocated as the store allocates them, with their claims'
// 16-byte ids made from numbers. It is not a floor anybody can reach
// (the store also reads the values from a large graph), but what
// remains of the ratio of BenchmarkNeighbourhoodDepth2 to
// BenchmarkAdjacencyBFSDepth2 when the traversal itself costs nothing.
func BenchmarkAnswerDepth2(b *testing.B) {
	s := bigGraph(b)
	ctx := context.Background()
	ids := centres(1024)
	sizes := make([][2]int, len(ids))
	var actors []graph.Actor
	var claims []graph.Claim
	for i, id := range ids {
		sg, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: id, Depth: 2, MaxNodes: 500})
		if err != nil {
			b.Fatal(err)
		}
		sizes[i] = [2]int{len(sg.Nodes), len(sg.Claims)}
		if len(sg.Claims) > len(claims) {
			actors, claims = sg.Nodes, sg.Claims
		}
	}
	nodes, built := 0, 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		size := sizes[i%len(sizes)]
		out := graph.Subgraph{Nodes: make([]graph.Actor, size[0])}
		for k := range out.Nodes {
			out.Nodes[k] = actors[k%len(actors)]
		}
		var sb strings.Builder
		sb.Grow(16 * size[1])
		for k := range size[1] {
			var id [16]byte
			sb.Write(strconv.AppendUint(id[:0], uint64(1<<60+k), 16))
		}
		claimIDs := sb.String()
		out.Claims = make([]graph.Claim, size[1])
		for k := range out.Claims {
			out.Claims[k] = claims[k%len(claims)]
			out.Claims[k].ID = claimIDs[k*16 : (k+1)*16]
		}
		nodes += len(out.Nodes)
		built += len(out.Claims)
		i++
	}
	b.ReportMetric(float64(nodes)/float64(i), "nodes/op")
	b.ReportMetric(float64(built)/float64(i), "claims/op")
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

// BenchmarkLoadCheckedBatches writes 10,000 synthetic articles (100,000
// claims among 10,000 actors) into an empty store with LoadChecked in
// batches of each size: the store's share of a 10,000-article load, which
// its one writer does in corpus order (loader.writeChecked). The documents
// are checked beforehand, as the loader's workers check them.
func BenchmarkLoadCheckedBatches(b *testing.B) {
	ctx := context.Background()
	var docs []graph.CheckedDocument
	err := storetest.SyntheticEach(10000, 100000, benchSeed, func(d graph.Document) error {
		c, err := d.Check()
		docs = append(docs, c)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []int{256, 1024, 4096, len(docs)} {
		b.Run(fmt.Sprintf("batch-%d", size), func(b *testing.B) {
			for b.Loop() {
				s := memstore.New()
				for at := 0; at < len(docs); at += size {
					if err := s.LoadChecked(ctx, docs[at:min(at+size, len(docs))]); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/article")
		})
	}
}

// BenchmarkNeighbourhoodAfterWrite prices the packing of the neighbour
// lists (packed.go) that every write drops: each op replaces one article in
// the benchmark graph and then asks a depth-2 neighbourhood, which packs
// the lists again first. The sub-benchmark "write-only" is the same
// writes without the query, and "query-only" the query without the write;
// the difference between the sum of those two and "write-then-depth2" is
// the repacking.
func BenchmarkNeighbourhoodAfterWrite(b *testing.B) {
	s := bigGraph(b)
	ctx := context.Background()
	docs := storetest.Synthetic(benchActors, 2*storetest.SyntheticClaimsPerArticle, benchSeed+2)
	for i := range docs {
		docs[i] = storetest.Retarget(docs[i], "bench-repack-"+strconv.Itoa(i))
	}
	ids := centres(1024)
	for _, mode := range []struct {
		name         string
		write, query bool
	}{{"write-only", true, false}, {"query-only", false, true}, {"write-then-depth2", true, true}} {
		b.Run(mode.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if mode.write {
					if err := s.LoadArticle(ctx, docs[i%len(docs)]); err != nil {
						b.Fatal(err)
					}
				}
				if mode.query {
					if _, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: ids[i%len(ids)], Depth: 2, MaxNodes: 500}); err != nil {
						b.Fatal(err)
					}
				}
				i++
			}
		})
	}
}
