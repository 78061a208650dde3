package neo4jstore

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/storetest"
)

// TestDecisionProps checks that every kind of decision reads back from the
// properties of its Decision node as it was recorded, with the same key
// (no server needed).
func TestDecisionProps(t *testing.T) {
	claim := &graph.Claim{ID: "0123456789abcdef", Article: "a1", Type: graph.Met, Source: "usa", Target: "egypt",
		Quote: "التقى", Start: 3, End: 13, Certainty: graph.Reported, Confidence: 0.5, Extractor: graph.ExtractorManual}
	tests := []graph.Decision{
		storetest.Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = "0123456789abcdef" }),
		storetest.Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = "0123456789abcdef"; d.Reason = "" }),
		storetest.Decide(graph.DecisionRestore, func(d *graph.Decision) { d.ClaimID = "0123456789abcdef" }),
		storetest.Decide(graph.DecisionAddClaim, func(d *graph.Decision) { d.NewClaim = claim; d.Occurrence = 2 }),
		storetest.Decide(graph.DecisionAddActor, func(d *graph.Decision) {
			d.Actor = &graph.Actor{ID: "new-envoy", Name: "New Envoy", NameAr: "مبعوث جديد", Aliases: []string{"المبعوث"}, Kind: graph.KindPerson, Affiliation: "un"}
		}),
		storetest.Decide(graph.DecisionAddActor, func(d *graph.Decision) {
			d.Actor = &graph.Actor{ID: "other", Name: "Other", NameAr: "آخر", Kind: graph.KindState}
		}),
		storetest.Decide(graph.DecisionAddName, func(d *graph.Decision) { d.ActorID = "usa"; d.Name = "واشنطن" }),
		storetest.Decide(graph.DecisionMerge, func(d *graph.Decision) { d.ActorID = "ahmed-mismari"; d.Into = "ahmed-maiteeq" }),
	}
	for _, d := range tests {
		t.Run(string(d.Kind), func(t *testing.T) {
			props := decisionProps(d, 7)
			// The driver returns lists as []any.
			for k, v := range props {
				if l, ok := v.([]string); ok {
					props[k] = anyList(l)
				}
			}
			got := decisionOf(props)
			if !reflect.DeepEqual(got, d) {
				t.Errorf("got %+v, want %+v", got, d)
			}
			if decisionKey(got) != decisionKey(d) {
				t.Errorf("got key %s, want %s", decisionKey(got), decisionKey(d))
			}
			if props["seq"] != int64(7) {
				t.Errorf("got seq %v, want 7", props["seq"])
			}
		})
	}
}

func anyList(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

// TestReviewLogAndReload checks what the Neo4j store adds to the contract:
// decisions are Decision nodes that Decisions reads back in order, and
// reloading an article keeps its review (a rejected claim stays out, a
// confirmed one stays confirmed).
func TestReviewLogAndReload(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	docs := storetest.Fixture()
	if err := s.LoadArticles(ctx, docs); err != nil {
		t.Fatal(err)
	}
	rejected := storetest.FixtureClaimID(t, "a3-tripoli", graph.Supported, "uae", "khalifa-haftar")
	confirmed := storetest.FixtureClaimID(t, "a3-tripoli", graph.Supported, "egypt", "lna")
	made := []graph.Decision{
		storetest.Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = rejected }),
		storetest.Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = confirmed; d.Reviewer = "second" }),
	}
	for _, d := range made {
		if _, err := s.Review(ctx, d, nil); err != nil {
			t.Fatal(err)
		}
	}
	log, err := s.Decisions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(log, made) {
		t.Errorf("got log %+v, want %+v", log, made)
	}
	i := slices.IndexFunc(docs, func(d graph.Document) bool { return d.Article.ID == "a3-tripoli" })
	if err := s.LoadArticle(ctx, docs[i]); err != nil {
		t.Fatal(err)
	}
	cs, err := s.ArticleClaims(ctx, "a3-tripoli")
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(cs, func(c graph.Claim) bool { return c.ID == rejected }) || len(cs) != len(docs[i].Claims)-1 {
		t.Errorf("after reloading the article: got %d claims, want %d without the rejected one", len(cs), len(docs[i].Claims)-1)
	}
	q, err := s.ReviewQueue(ctx, graph.ReviewQuery{Limit: graph.MaxReviewQueue})
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(q, func(c graph.ReviewedClaim) bool { return c.Claim.ID == confirmed || c.Claim.ID == rejected }) || len(q) != 16 {
		t.Errorf("after reloading the article: got %d claims in the queue, want the 16 others", len(q))
	}
	// Replaying the log onto the database that recorded it adds no decision.
	warnings, err := s.Replay(ctx, log[1:])
	if err != nil || len(warnings) != 0 {
		t.Errorf("replay of the confirmation: got %q, %v; want no warning", warnings, err)
	}
	if again, err := s.Decisions(ctx); err != nil || len(again) != len(log) {
		t.Errorf("got %d decisions after the replay (%v), want %d", len(again), err, len(log))
	}
	if warnings, _ := s.Replay(ctx, log[:1]); len(warnings) != 1 || !strings.Contains(warnings[0], "already rejected") {
		t.Errorf("replay of the rejection: got warnings %q, want it already rejected", warnings)
	}
}
