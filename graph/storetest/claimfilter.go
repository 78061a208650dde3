package storetest

import (
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// testClaimsFilter checks that Claims applies its query's Filter as the
// other queries do: types, certainties, min_confidence and the date range
// (undated articles out when it is set); the expected claims are the
// fixture's that ClaimQuery.MatchClaim and Filter.MatchDate select.
func testClaimsFilter(t *testing.T, s graph.Store) {
	tests := []struct {
		name string
		q    graph.ClaimQuery
		// wantCount guards the derived answer against a filter that
		// matches nothing or everything.
		wantCount int
	}{
		{"certainties", graph.ClaimQuery{Target: "un", Either: true, Filter: graph.Filter{Certainties: []graph.Certainty{graph.Reported}}}, 1},
		{"min confidence", graph.ClaimQuery{Source: "khalifa-haftar", Either: true, Filter: graph.Filter{MinConfidence: 0.8}}, 3},
		{"since", graph.ClaimQuery{Target: "un", Either: true, Filter: graph.Filter{Since: day("2020-01-16")}}, 4},
		{"until excludes undated", graph.ClaimQuery{Source: "egypt", Either: true, Filter: graph.Filter{Until: day("2020-01-31")}}, 2},
		{"types and certainty", graph.ClaimQuery{Source: "uae", Filter: graph.Filter{Types: []graph.RelationType{graph.Supported}, Certainties: []graph.Certainty{graph.Alleged}}}, 1},
		{"kinds are ignored", graph.ClaimQuery{Source: "turkey", Filter: graph.Filter{Kinds: []graph.Kind{graph.KindPerson}}}, 3},
		{"nothing in range", graph.ClaimQuery{Source: "turkey", Either: true, Filter: graph.Filter{Since: day("2021-01-01")}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []graph.Claim
			for _, d := range Fixture() {
				for _, c := range d.Claims {
					if tt.q.MatchClaim(c) && tt.q.Filter.MatchDate(d.Article.Published) {
						want = append(want, c)
					}
				}
			}
			if len(want) != tt.wantCount {
				t.Fatalf("the fixture has %d matching claims, want %d: fix the case", len(want), tt.wantCount)
			}
			got, err := s.Claims(ctx, tt.q)
			if checkErr(t, "Claims", err, nil) {
				checkStrings(t, "Claims "+tt.name, claimKeys(got), claimKeys(want))
			}
		})
	}
	t.Run("bad filter", func(t *testing.T) {
		_, err := s.Claims(ctx, graph.ClaimQuery{Source: "un", Filter: graph.Filter{MinConfidence: 2}})
		checkErr(t, "Claims", err, graph.ErrInvalid)
	})
}
