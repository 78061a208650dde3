package main

import (
	"os"
	"strconv"
	"testing"

	"github.com/rawabit/rawabit/graph/storetest"
)

// TestWriteSyntheticCorpus writes a synthetic corpus (corpus.jsonl and
// gazetteer.yaml, see writeSyntheticCorpus) into $RAWABIT_SYNTHETIC_DIR for
// the load test (.ci/loadtest) to serve with the real binary:
// $RAWABIT_SYNTHETIC_ACTORS actors (default 10,000) and
// $RAWABIT_SYNTHETIC_ARTICLES articles of 10 claims (default 10,000). Without
// RAWABIT_SYNTHETIC_DIR it skips.
func TestWriteSyntheticCorpus(t *testing.T) {
	dir := os.Getenv("RAWABIT_SYNTHETIC_DIR")
	if dir == "" {
		t.Skip("set RAWABIT_SYNTHETIC_DIR to write a synthetic corpus there")
	}
	n := func(name string, def int) int {
		v := os.Getenv(name)
		if v == "" {
			return def
		}
		i, err := strconv.Atoi(v)
		if err != nil || i < 1 {
			t.Fatalf("%s=%q: want a positive integer", name, v)
		}
		return i
	}
	corpus, gaz := storetest.MustWriteSyntheticCorpus(t, dir, n("RAWABIT_SYNTHETIC_ACTORS", 10000), n("RAWABIT_SYNTHETIC_ARTICLES", 10000))
	t.Logf("wrote %s and %s", corpus, gaz)
}
