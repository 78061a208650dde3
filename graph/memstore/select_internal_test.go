package memstore

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSelectSmallest checks that selectSmallest leaves the k smallest keys
// first, whatever their order, for sizes around its cut to sorting.
func TestSelectSmallest(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for _, n := range []int{0, 1, 2, 15, 16, 17, 50, 51, 200, 1000} {
		for _, k := range []int{0, 1, n / 3, n / 2, n - 1, n} {
			if k < 0 || k > n {
				continue
			}
			t.Run(fmt.Sprintf("n=%d,k=%d", n, k), func(t *testing.T) {
				keys := make([]uint64, n)
				for i := range keys {
					// Few distinct high halves, as few distinct claim counts.
					keys[i] = uint64(rng.IntN(4))<<32 | uint64(i)
				}
				rng.Shuffle(n, func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
				want := slices.Sorted(slices.Values(keys))[:k]
				selectSmallest(keys, k)
				got := slices.Sorted(slices.Values(keys[:k]))
				if !slices.Equal(got, want) {
					t.Fatalf("got %v, want %v", got, want)
				}
			})
		}
	}
}
