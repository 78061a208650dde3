package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"testing"
)

// claimIDStreamed is ClaimID as first written: the six fields written one
// by one into a SHA-256, each followed by a zero byte.
func claimIDStreamed(article string, t RelationType, source, target string, start, end int) string {
	h := sha256.New()
	for _, s := range []string{article, string(t), source, target, strconv.Itoa(start), strconv.Itoa(end)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func TestClaimIDAsStreamed(t *testing.T) {
	long := strings.Repeat("مقال-", 80) // past ClaimID's stack buffer
	tests := []struct {
		name            string
		article, s, tgt string
		typ             RelationType
		start, end      int
	}{
		{"usual", "a1-cairo", "egypt", "lna", Supported, 120, 245},
		{"zero offsets", "a1", "x", "y", Met, 0, 0},
		{"negative and large", "a2", "x", "y", Opposed, -1, 1 << 40},
		{"empty fields", "", "", "", "", 0, 1},
		{"long article id", long, "donald-trump", "khalifa-haftar", Met, 99999, 100500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ClaimID(tt.article, tt.typ, tt.s, tt.tgt, tt.start, tt.end)
			if want := claimIDStreamed(tt.article, tt.typ, tt.s, tt.tgt, tt.start, tt.end); got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

func TestClaimIDAllocations(t *testing.T) {
	got := testing.AllocsPerRun(100, func() {
		_ = ClaimID("a1-cairo", Supported, "egypt", "lna", 120, 245)
	})
	if got > 1 {
		t.Errorf("got %v allocations, want at most 1 (the id)", got)
	}
}
