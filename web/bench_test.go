package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
)

// The benchmark graph of issue 4: 100,000 actors and 1,000,000 claims.
const (
	benchActors = 100_000
	benchClaims = 1_000_000
	benchSeed   = 1
)

var (
	benchOnce  sync.Once
	benchStore *memstore.Store
)

func benchGraph(b *testing.B) *memstore.Store {
	benchOnce.Do(func() {
		start := time.Now()
		s := memstore.New()
		err := storetest.LoadSynthetic(context.Background(), s, benchActors, benchClaims, benchSeed)
		if err != nil {
			b.Fatalf("building the synthetic graph: %v", err)
		}
		b.Logf("built %d actors, %d claims in %v", benchActors, benchClaims, time.Since(start).Round(time.Millisecond))
		benchStore = s
	})
	if benchStore == nil {
		b.Fatal("the synthetic graph failed to build")
	}
	return benchStore
}

// BenchmarkNeighbourhoodHTTP measures GET /api/actors/{id}/neighbourhood
// over loopback HTTP on random
// centres of the synthetic graph, with 1, 2 (GOMAXPROCS on the reference
// machine) and 8 concurrent clients. It reports latency percentiles as seen by
// the clients (p50-ms, p99-ms), throughput (req/s) and the mean number of
// nodes per answer.
func BenchmarkNeighbourhoodHTTP(b *testing.B) {
	store := benchGraph(b)
	srv := httptest.NewServer(NewServer(store, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler())
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16, MaxConnsPerHost: 16}}
	rng := rand.New(rand.NewPCG(7, 7))
	centres := make([]string, 4096)
	for i := range centres {
		centres[i] = storetest.SyntheticActorID(rng.IntN(benchActors))
	}
	for _, cfg := range []struct{ depth, clients int }{{1, 8}, {2, 1}, {2, 2}, {2, 8}} {
		depth, clients := cfg.depth, cfg.clients
		b.Run(fmt.Sprintf("depth=%d/limit=500/clients=%d", depth, clients), func(b *testing.B) {
			var mu sync.Mutex
			durations := make([]time.Duration, 0, b.N)
			bytes := 0
			next := make(chan int)
			var wg sync.WaitGroup
			var failed error
			for range clients {
				wg.Go(func() {
					var local []time.Duration
					n := 0
					for i := range next {
						u := fmt.Sprintf("%s/api/actors/%s/neighbourhood?depth=%d&limit=500", srv.URL, centres[i%len(centres)], depth)
						start := time.Now()
						res, err := client.Get(u)
						if err == nil {
							var body []byte
							body, err = io.ReadAll(res.Body)
							res.Body.Close()
							n += len(body)
							if err == nil && res.StatusCode != http.StatusOK {
								err = fmt.Errorf("GET %s: status %d: %s", u, res.StatusCode, body)
							}
						}
						local = append(local, time.Since(start))
						if err != nil {
							mu.Lock()
							failed = err
							mu.Unlock()
						}
					}
					mu.Lock()
					durations = append(durations, local...)
					bytes += n
					mu.Unlock()
				})
			}
			b.ResetTimer()
			start := time.Now()
			for i := range b.N {
				next <- i
			}
			close(next)
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			if failed != nil {
				b.Fatal(failed)
			}
			slices.Sort(durations)
			at := func(p float64) float64 {
				return float64(durations[int(p*float64(len(durations)-1))].Microseconds()) / 1000
			}
			b.ReportMetric(at(0.50), "p50-ms")
			b.ReportMetric(at(0.99), "p99-ms")
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
			b.ReportMetric(float64(bytes)/float64(b.N)/1024, "KiB/op")
		})
	}
}
