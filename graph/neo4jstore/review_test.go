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

// reviewState is what a test compares of a store under review.
type reviewState struct {
	Counts   graph.Counts
	Queue    []string
	Rejected []string
	Claims   map[string][]graph.Claim
	USA      graph.Actor
}

func reviewStateOf(t *testing.T, s *Store, docs []graph.Document) reviewState {
	t.Helper()
	ctx := context.Background()
	var st reviewState
	var err error
	if st.Counts, err = s.Counts(ctx); err != nil {
		t.Fatal(err)
	}
	q, err := s.ReviewQueue(ctx, graph.ReviewQuery{Limit: graph.MaxReviewQueue})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range q {
		st.Queue = append(st.Queue, c.Claim.ID)
	}
	rej, err := s.RejectedClaims(ctx, graph.ReviewQuery{Limit: graph.MaxReviewQueue})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rej {
		st.Rejected = append(st.Rejected, c.Claim.ID)
	}
	st.Claims = map[string][]graph.Claim{}
	for _, d := range docs {
		if st.Claims[d.Article.ID], err = s.ArticleClaims(ctx, d.Article.ID); err != nil {
			t.Fatal(err)
		}
	}
	if st.USA, err = s.Actor(ctx, "usa"); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestReviewLogAndReload checks what the Neo4j store adds to the contract:
// decisions are Decision nodes that Decisions reads back in order; loading
// the articles again keeps rejected claims out and confirmed ones
// confirmed; and replaying the database's own log after the load restores
// the whole review state (names, merges, added claims) without a warning
// or a second record of any decision.
func TestReviewLogAndReload(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	docs := storetest.Fixture()
	if err := s.LoadArticles(ctx, docs); err != nil {
		t.Fatal(err)
	}
	rejected := storetest.FixtureClaimID(t, "a3-tripoli", graph.Supported, "uae", "khalifa-haftar")
	confirmed := storetest.FixtureClaimID(t, "a3-tripoli", graph.Supported, "egypt", "lna")
	i := slices.IndexFunc(docs, func(d graph.Document) bool { return d.Article.ID == "a1-cairo" })
	quote := "وبحث معه الوضع في طرابلس"
	start := strings.Index(docs[i].Article.Text, quote)
	var made []graph.Decision
	for _, d := range []graph.Decision{
		storetest.Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = rejected }),
		storetest.Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = confirmed; d.Reviewer = "second" }),
		storetest.Decide(graph.DecisionAddName, func(d *graph.Decision) { d.ActorID = "usa"; d.Name = "العم سام" }),
		storetest.Decide(graph.DecisionAddClaim, func(d *graph.Decision) {
			d.NewClaim = &graph.Claim{Article: "a1-cairo", Type: graph.Met, Source: "khalifa-haftar", Target: "un", Start: start, End: start + len(quote)}
		}),
		storetest.Decide(graph.DecisionMerge, func(d *graph.Decision) { d.ActorID = "ahmed-mismari"; d.Into = "ahmed-maiteeq" }),
	} {
		done, err := s.Review(ctx, d, nil)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, replayable(done))
	}
	log, err := s.Decisions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(log, made) {
		t.Errorf("got log\n %+v\nwant\n %+v", log, made)
	}
	want := reviewStateOf(t, s, docs)

	if err := s.LoadArticles(ctx, docs); err != nil {
		t.Fatal(err)
	}
	reloaded := reviewStateOf(t, s, docs)
	if slices.ContainsFunc(reloaded.Claims["a3-tripoli"], func(c graph.Claim) bool { return c.ID == rejected }) {
		t.Errorf("after loading the articles again: the rejected claim is back")
	}
	if slices.Contains(reloaded.Queue, confirmed) {
		t.Errorf("after loading the articles again: the confirmed claim is in the queue")
	}
	if reflect.DeepEqual(reloaded, want) {
		t.Errorf("loading the articles again changed nothing: the test does not test the replay")
	}

	if warnings, err := s.Replay(ctx, log); err != nil || len(warnings) != 0 {
		t.Errorf("replay of the log: got %q, %v; want no warning", warnings, err)
	}
	if got := reviewStateOf(t, s, docs); !reflect.DeepEqual(got, want) {
		t.Errorf("after the replay:\n got  %+v\n want %+v", got, want)
	}
	if again, err := s.Decisions(ctx); err != nil || len(again) != len(log) {
		t.Errorf("got %d decisions after the replay (%v), want %d", len(again), err, len(log))
	}
	other := storetest.Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = rejected; d.Reviewer = "third" })
	if warnings, _ := s.Replay(ctx, []graph.Decision{other}); len(warnings) != 1 || !strings.Contains(warnings[0], "already rejected") {
		t.Errorf("replay of another rejection: got warnings %q, want it already rejected", warnings)
	}
}

// TestImportDecisions imports a review log made elsewhere (the memory
// store's, from its corrections file) into a database holding the same
// articles: every decision is applied and recorded once; importing it again,
// even after the articles were loaded again and the database's own log
// re-applied, records and changes nothing; and a claim restored on Neo4j
// after the import is not rejected again by a later import.
func TestImportDecisions(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	docs := storetest.Fixture()
	if err := s.LoadArticles(ctx, docs); err != nil {
		t.Fatal(err)
	}
	rejected := storetest.FixtureClaimID(t, "a3-tripoli", graph.Supported, "uae", "khalifa-haftar")
	confirmed := storetest.FixtureClaimID(t, "a3-tripoli", graph.Supported, "egypt", "lna")
	log := []graph.Decision{
		storetest.Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = rejected }),
		storetest.Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = confirmed; d.Reviewer = "second" }),
		storetest.Decide(graph.DecisionAddName, func(d *graph.Decision) { d.ActorID = "usa"; d.Name = "العم سام" }),
		storetest.Decide(graph.DecisionMerge, func(d *graph.Decision) { d.ActorID = "ahmed-mismari"; d.Into = "ahmed-maiteeq" }),
		storetest.Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = "0123456789abcdef" }), // not in this graph
	}
	imported, warnings, err := s.ImportDecisions(ctx, log)
	if err != nil || imported != 4 || len(warnings) != 1 || !strings.Contains(warnings[0], "decision 5") {
		t.Fatalf("first import: got %d imported, warnings %q, %v; want 4 and a warning about decision 5", imported, warnings, err)
	}
	want := reviewStateOf(t, s, docs)
	if !slices.Equal(want.Rejected, []string{rejected}) || slices.Contains(want.Queue, confirmed) || !slices.Contains(want.USA.Aliases, "العم سام") {
		t.Fatalf("after the import: got %+v, want the claim rejected, the other confirmed and the name added", want)
	}
	recorded, err := s.Decisions(ctx)
	if err != nil || len(recorded) != 4 {
		t.Fatalf("got %d decisions recorded (%v), want 4", len(recorded), err)
	}

	tests := []struct {
		name   string
		before func(t *testing.T)
	}{
		{"again", func(t *testing.T) {}},
		{"after loading again and re-applying the own log", func(t *testing.T) {
			if err := s.LoadArticles(ctx, docs); err != nil {
				t.Fatal(err)
			}
			own, err := s.Decisions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if warnings, err := s.Replay(ctx, own); err != nil || len(warnings) != 0 {
				t.Fatalf("replay of the own log: got %q, %v", warnings, err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.before(t)
			imported, warnings, err := s.ImportDecisions(ctx, log)
			if err != nil || imported != 0 || len(warnings) != 1 {
				t.Errorf("got %d imported, warnings %q, %v; want 0 and the one warning", imported, warnings, err)
			}
			if got := reviewStateOf(t, s, docs); !reflect.DeepEqual(got, want) {
				t.Errorf("got\n %+v\nwant\n %+v", got, want)
			}
			if again, err := s.Decisions(ctx); err != nil || len(again) != 4 {
				t.Errorf("got %d decisions recorded (%v), want 4", len(again), err)
			}
		})
	}

	t.Run("a claim restored on Neo4j stays restored", func(t *testing.T) {
		restore := storetest.Decide(graph.DecisionRestore, func(d *graph.Decision) { d.ClaimID = rejected; d.Reviewer = "third" })
		if _, err := s.Review(ctx, restore, nil); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.ImportDecisions(ctx, log); err != nil {
			t.Fatal(err)
		}
		if got := reviewStateOf(t, s, docs); len(got.Rejected) != 0 {
			t.Errorf("got rejected %q after the import, want the restored claim left alone", got.Rejected)
		}
	})
}
