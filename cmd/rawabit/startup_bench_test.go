package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
)

// BenchmarkServeStartup measures what "serve" does before it listens on the
// memory store: read the corpus, extract (or take from the snapshot), apply
// curated claims and corrections, load the store. The corpus is synthetic:
// RAWABIT_BENCH_ARTICLES articles (default 10,000) of 10 claims among
// 10,000 actors, with the shipped trigger lexicon. "snapshot=off" extracts
// every article; "snapshot=unchanged" starts on the snapshot a first start
// wrote.
func BenchmarkServeStartup(b *testing.B) {
	articles := storetest.BenchArticles(b)
	dir := b.TempDir()
	corpus, gaz := storetest.MustWriteSyntheticCorpus(b, dir, 10000, articles)
	// A copy of the lexicon, so that the runs compare the same inputs even
	// if the working tree changes meanwhile.
	lexicon, err := os.ReadFile(filepath.Join(repoRoot, "data", "triggers.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	triggers := filepath.Join(dir, "triggers.yaml")
	if err := os.WriteFile(triggers, lexicon, 0o644); err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct{ name, snapshot string }{
		{"snapshot=off", ""},
		{"snapshot=unchanged", filepath.Join(dir, "snapshot.bin")},
	} {
		b.Run(mode.name, func(b *testing.B) {
			app := &App{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Stderr: io.Discard, Stdout: io.Discard}
			app.Config.Store = StoreMemory
			app.Config.Data = DataConfig{Gazetteer: []string{gaz}, Triggers: triggers, Extract: true, Snapshot: mode.snapshot}
			start := func() graph.Counts {
				store := memstore.New()
				sum, _, err := app.loadCorpus(context.Background(), store, []string{corpus}, true, true)
				if err != nil || sum.Articles != articles {
					b.Fatalf("got %d articles (%v), want %d", sum.Articles, err, articles)
				}
				c, _ := store.Counts(context.Background())
				return c
			}
			if mode.snapshot != "" {
				start() // the first start writes the snapshot
			}
			b.ResetTimer()
			var c graph.Counts
			cpu0 := cpuSeconds(b)
			for range b.N {
				c = start()
			}
			// CPU time (all threads, the collector's included) varies less
			// than wall time on a machine others share.
			b.ReportMetric((cpuSeconds(b)-cpu0)/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(c.Claims), "claims")
		})
	}
}

// cpuSeconds is the CPU time the process has used, user and system.
func cpuSeconds(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
