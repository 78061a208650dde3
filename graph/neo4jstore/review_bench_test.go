package neo4jstore

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
	"github.com/rawabit/rawabit/graph/storetest"
)

// errRollBack ends a benchmark transaction without committing it.
var errRollBack = errors.New("roll back")

// BenchmarkCreateClaims measures what review costs the load path:
// create_claims.cypher, which leaves out claims rejected in review and gives
// confirmed ones their status back (two index lookups per claim), against
// the statement it was before review (testdata/create_claims_before_review.cypher),
// side by side on the same 10,000 claims, each run in a transaction rolled
// back afterwards; with an empty review and with 1,000 decisions recorded.
func BenchmarkCreateClaims(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, configOf(neo4jtest.Require(b)))
	if err != nil {
		b.Fatalf("open: %v", err)
	}
	b.Cleanup(func() { s.Close(ctx) })
	if err := s.Clear(ctx); err != nil {
		b.Fatalf("clear: %v", err)
	}
	docs := storetest.Synthetic(2_000, 10_000, 1)
	var claims []map[string]any
	for i := range docs {
		for _, c := range docs[i].Claims {
			claims = append(claims, claimRow(c.Type, c.Source, c.Target, claimProps(c)))
		}
		docs[i].Claims = nil
	}
	if err := s.LoadArticles(ctx, docs); err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile("testdata/create_claims_before_review.cypher")
	if err != nil {
		b.Fatal(err)
	}
	before := statement[claimsParams]{file: "create_claims_before_review.cypher", text: string(text)}
	bench := func(b *testing.B, st statement[claimsParams]) {
		for b.Loop() {
			err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
				if _, err := run(ctx, tx, st, claimsParams{Claims: claims}); err != nil {
					return err
				}
				return errRollBack
			})
			if !errors.Is(err, errRollBack) {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(claims)*b.N)/b.Elapsed().Seconds(), "claims/s")
	}
	b.Run("decisions=0/before-review", func(b *testing.B) { bench(b, before) })
	b.Run("decisions=0/review-aware", func(b *testing.B) { bench(b, stmtCreateClaims) })
	// 1,000 confirmations of claims that are not in the graph: the lookups
	// find decisions by claim id through the decision_claim index.
	for i := range 1_000 {
		d := storetest.Decide(graph.DecisionConfirm, func(d *graph.Decision) {
			d.ClaimID = graph.ClaimID("none", graph.Met, "a", "b", i, i+1)
			d.Time = d.Time.Add(time.Duration(i) * time.Second)
		})
		err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
			_, err := recorder{ctx: ctx, tx: tx, seq: int64(i + 1)}.record(d, "")
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Run("decisions=1000/before-review", func(b *testing.B) { bench(b, before) })
	b.Run("decisions=1000/review-aware", func(b *testing.B) { bench(b, stmtCreateClaims) })
}
