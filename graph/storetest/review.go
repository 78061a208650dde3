package storetest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
)

// ReviewTime is the time of the decisions the review checks make.
var ReviewTime = time.Date(2026, 12, 5, 6, 0, 0, 0, time.UTC)

// Decide returns a decision by reviewer "tester" at ReviewTime with a
// reason, its kind's fields set by set.
func Decide(kind graph.DecisionKind, set func(*graph.Decision)) graph.Decision {
	d := graph.Decision{Kind: kind, Reviewer: "tester", Time: ReviewTime, Reason: "checked against the article"}
	if set != nil {
		set(&d)
	}
	return d
}

// FixtureClaimID returns the id of the fixture claim of that type, source
// and target in that article.
func FixtureClaimID(t *testing.T, article string, typ graph.RelationType, source, target string) string {
	t.Helper()
	for _, d := range Fixture() {
		for _, c := range d.Claims {
			if c.Article == article && c.Type == typ && c.Source == source && c.Target == target {
				return c.ID
			}
		}
	}
	t.Fatalf("no fixture claim %s %s->%s @%s", typ, source, target, article)
	return ""
}

// testReview checks a store's graph.Reviewer on the fixture (Run's
// "Review"): the queue, confirm, reject and restore, added claims, actors
// and names, merges, persistence hooks and replay. open returns a new,
// empty store; every store implements graph.Reviewer.
func testReview(t *testing.T, open func(t *testing.T) graph.Store) {
	load := func(t *testing.T) (graph.Store, graph.Reviewer) {
		t.Helper()
		s := open(t)
		for _, d := range Fixture() {
			if err := s.LoadArticle(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		r, ok := s.(graph.Reviewer)
		if !ok {
			t.Fatalf("%T does not implement graph.Reviewer", s)
		}
		return s, r
	}
	lowest := FixtureClaimID(t, "a3-tripoli", graph.Supported, "uae", "khalifa-haftar") // confidence 0.4
	queueIDs := func(t *testing.T, r graph.Reviewer) []string {
		t.Helper()
		q, err := r.ReviewQueue(ctx, graph.ReviewQuery{Limit: graph.MaxReviewQueue})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for i, c := range q {
			if i > 0 && c.Claim.Confidence < q[i-1].Claim.Confidence {
				t.Errorf("queue position %d: got confidence %v after %v, want lowest first", i, c.Claim.Confidence, q[i-1].Claim.Confidence)
			}
			ids = append(ids, c.Claim.ID)
		}
		return ids
	}
	articleHas := func(t *testing.T, s graph.Store, article, id string) bool {
		t.Helper()
		cs, err := s.ArticleClaims(ctx, article)
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(cs, func(c graph.Claim) bool { return c.ID == id })
	}
	counts := func(t *testing.T, s graph.Store) graph.Counts {
		t.Helper()
		c, err := s.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}

	t.Run("queue lowest confidence first, confirmed claims leave it", func(t *testing.T) {
		_, r := load(t)
		ids := queueIDs(t, r)
		if len(ids) != 18 || ids[0] != lowest {
			t.Fatalf("got queue %v, want the 18 claims starting with %s", ids, lowest)
		}
		d, err := r.Review(ctx, Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = lowest }), nil)
		if err != nil || d.Reviewer != "tester" {
			t.Fatalf("confirm: got %+v, %v", d, err)
		}
		if ids := queueIDs(t, r); len(ids) != 17 || slices.Contains(ids, lowest) {
			t.Errorf("got queue %v after confirm, want 17 claims without %s", ids, lowest)
		}
		if _, err := r.ReviewQueue(ctx, graph.ReviewQuery{Limit: graph.MaxReviewQueue + 1}); !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("limit over the maximum: got %v, want ErrInvalid", err)
		}
	})

	t.Run("reject removes the claim, restore puts it back", func(t *testing.T) {
		s, r := load(t)
		if _, err := r.Review(ctx, Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = lowest }), nil); err != nil {
			t.Fatal(err)
		}
		if c := counts(t, s); c.Claims != 17 || articleHas(t, s, "a3-tripoli", lowest) {
			t.Errorf("after reject: got %+v and the claim still in its article, want 17 claims", c)
		}
		rej, err := r.RejectedClaims(ctx, graph.ReviewQuery{})
		if err != nil || len(rej) != 1 || rej[0].Claim.ID != lowest || rej[0].Status != graph.StatusRejected ||
			rej[0].Decision == nil || rej[0].Decision.Reason == "" {
			t.Fatalf("got rejected %+v (%v), want the claim with its decision", rej, err)
		}
		if rej[0].Claim.Quote != "أفادت تقارير بأن الإمارات زودت حفتر بالسلاح" {
			t.Errorf("got rejected quote %q, want the claim's", rej[0].Claim.Quote)
		}
		if slices.Contains(queueIDs(t, r), lowest) {
			t.Errorf("a rejected claim is in the queue")
		}
		if _, err := r.Review(ctx, Decide(graph.DecisionRestore, func(d *graph.Decision) { d.ClaimID = lowest }), nil); err != nil {
			t.Fatal(err)
		}
		if c := counts(t, s); c.Claims != 18 || !articleHas(t, s, "a3-tripoli", lowest) {
			t.Errorf("after restore: got %+v, want 18 claims with the claim back", c)
		}
		if rej, _ := r.RejectedClaims(ctx, graph.ReviewQuery{}); len(rej) != 0 {
			t.Errorf("got rejected %+v after restore, want none", rej)
		}
		if slices.Contains(queueIDs(t, r), lowest) {
			t.Errorf("a restored claim is in the queue, want it reviewed")
		}
	})

	t.Run("decisions that do not fit", func(t *testing.T) {
		other := FixtureClaimID(t, "a1-cairo", graph.Supported, "egypt", "lna")
		tests := []struct {
			name  string
			setup []graph.Decision
			d     graph.Decision
			want  error
		}{
			{"reject twice", []graph.Decision{Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = other })},
				Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = other }), graph.ErrConflict},
			{"confirm a rejected claim", []graph.Decision{Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = other })},
				Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = other }), graph.ErrConflict},
			{"restore a claim not rejected", nil,
				Decide(graph.DecisionRestore, func(d *graph.Decision) { d.ClaimID = other }), graph.ErrConflict},
			{"confirm an unknown claim", nil,
				Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = "0123456789abcdef" }), graph.ErrNotFound},
			{"a malformed claim id", nil,
				Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = "x'; DROP" }), graph.ErrInvalid},
			{"no reviewer", nil,
				Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = other; d.Reviewer = "" }), graph.ErrInvalid},
			{"a field of another kind", nil,
				Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = other; d.Into = "usa" }), graph.ErrInvalid},
			{"add an existing actor", nil,
				Decide(graph.DecisionAddActor, func(d *graph.Decision) {
					d.Actor = &graph.Actor{ID: "usa", Name: "USA", NameAr: "أمريكا", Kind: graph.KindState}
				}), graph.ErrConflict},
			{"add an actor with an unknown affiliation", nil,
				Decide(graph.DecisionAddActor, func(d *graph.Decision) {
					d.Actor = &graph.Actor{ID: "new-one", Name: "New", NameAr: "جديد", Kind: graph.KindPerson, Affiliation: "nobody"}
				}), graph.ErrNotFound},
			{"add a name the actor has", nil,
				Decide(graph.DecisionAddName, func(d *graph.Decision) { d.ActorID = "usa"; d.Name = "واشنطن" }), graph.ErrConflict},
			{"merge an unknown actor", nil,
				Decide(graph.DecisionMerge, func(d *graph.Decision) { d.ActorID = "nobody"; d.Into = "usa" }), graph.ErrNotFound},
			{"add a claim in an unknown article", nil,
				Decide(graph.DecisionAddClaim, func(d *graph.Decision) {
					d.NewClaim = &graph.Claim{Article: "nowhere", Type: graph.Met, Source: "usa", Target: "egypt", Start: 0, End: 4}
				}), graph.ErrNotFound},
			{"add a claim cutting a character", nil,
				Decide(graph.DecisionAddClaim, func(d *graph.Decision) {
					d.NewClaim = &graph.Claim{Article: "a1-cairo", Type: graph.Met, Source: "usa", Target: "egypt", Start: 1, End: 9}
				}), graph.ErrInvalid},
			{"add a claim past the text", nil,
				Decide(graph.DecisionAddClaim, func(d *graph.Decision) {
					d.NewClaim = &graph.Claim{Article: "a1-cairo", Type: graph.Met, Source: "usa", Target: "egypt", Start: 0, End: 1 << 20}
				}), graph.ErrInvalid},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s, r := load(t)
				for _, d := range tt.setup {
					if _, err := r.Review(ctx, d, nil); err != nil {
						t.Fatal(err)
					}
				}
				before := counts(t, s)
				persisted := false
				_, err := r.Review(ctx, tt.d, func(graph.Decision) error { persisted = true; return nil })
				if !errors.Is(err, tt.want) {
					t.Errorf("got %v, want an error wrapping %v", err, tt.want)
				}
				if persisted {
					t.Errorf("a refused decision was persisted")
				}
				if after := counts(t, s); after != before {
					t.Errorf("got %+v after a refused decision, want %+v", after, before)
				}
			})
		}
	})

	t.Run("a decision whose persistence fails is not applied", func(t *testing.T) {
		s, r := load(t)
		boom := errors.New("disk full")
		_, err := r.Review(ctx, Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = lowest }), func(graph.Decision) error { return boom })
		if !errors.Is(err, boom) {
			t.Errorf("got %v, want the persistence error", err)
		}
		if c := counts(t, s); c.Claims != 18 {
			t.Errorf("got %+v, want the claim still there", c)
		}
	})

	t.Run("concurrent decisions about one claim: one wins", func(t *testing.T) {
		s, r := load(t)
		const n = 6
		errs := make(chan error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := r.Review(ctx, Decide(graph.DecisionReject, func(d *graph.Decision) {
					d.ClaimID = lowest
					d.Reviewer = fmt.Sprintf("reviewer-%d", i)
				}), nil)
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		won := 0
		for err := range errs {
			switch {
			case err == nil:
				won++
			case !errors.Is(err, graph.ErrConflict):
				t.Errorf("got %v, want nil or an error wrapping ErrConflict", err)
			}
		}
		if won != 1 {
			t.Errorf("got %d rejections accepted, want 1", won)
		}
		if rej, err := r.RejectedClaims(ctx, graph.ReviewQuery{}); err != nil || len(rej) != 1 {
			t.Errorf("got rejected %+v (%v), want the claim once", rej, err)
		}
		if c := counts(t, s); c.Claims != 17 {
			t.Errorf("got %+v, want 17 claims", c)
		}
	})

	t.Run("add a claim from a selected quote", func(t *testing.T) {
		s, r := load(t)
		quote := "وبحث معه الوضع في طرابلس"
		start := strings.Index(textCairo, quote)
		var persisted graph.Decision
		d, err := r.Review(ctx, Decide(graph.DecisionAddClaim, func(d *graph.Decision) {
			d.NewClaim = &graph.Claim{Article: "a1-cairo", Type: "met", Source: "khalifa-haftar", Target: "un", Start: start, End: start + len(quote), Certainty: "reported"}
		}), func(d graph.Decision) error { persisted = d; return nil })
		if err != nil {
			t.Fatal(err)
		}
		c := d.NewClaim
		if c.Quote != quote || c.Extractor != graph.ExtractorManual || c.Type != graph.Met || c.Certainty != graph.Reported ||
			c.Confidence != 1 || d.Occurrence != 1 || c.ID != graph.ClaimID("a1-cairo", graph.Met, "khalifa-haftar", "un", start, start+len(quote)) {
			t.Errorf("got completed decision %+v with claim %+v", d, c)
		}
		if persisted.NewClaim == nil || persisted.NewClaim.ID != c.ID {
			t.Errorf("got persisted %+v, want the completed decision", persisted)
		}
		if !articleHas(t, s, "a1-cairo", c.ID) || counts(t, s).Claims != 19 {
			t.Errorf("the added claim is not in its article")
		}
		stats, err := s.ActorStats(ctx, "un")
		if err != nil || stats.Articles != 4 {
			t.Errorf("got un stats %+v (%v), want the article of the new claim counted (4 articles)", stats, err)
		}
		if _, err := r.Review(ctx, Decide(graph.DecisionAddClaim, func(d *graph.Decision) {
			d.NewClaim = &graph.Claim{Article: "a1-cairo", Type: "met", Source: "khalifa-haftar", Target: "un", Start: start, End: start + len(quote)}
		}), nil); !errors.Is(err, graph.ErrConflict) {
			t.Errorf("adding it twice: got %v, want ErrConflict", err)
		}
	})

	t.Run("add an actor and a name", func(t *testing.T) {
		s, r := load(t)
		if _, err := r.Review(ctx, Decide(graph.DecisionAddActor, func(d *graph.Decision) {
			d.Actor = &graph.Actor{ID: "stephanie-williams", Name: "Stephanie Williams", NameAr: "ستيفاني ويليامز", Kind: "Person", Affiliation: "un"}
		}), nil); err != nil {
			t.Fatal(err)
		}
		a, err := s.Actor(ctx, "stephanie-williams")
		if err != nil || a.Kind != graph.KindPerson || a.Affiliation != "un" {
			t.Errorf("got %+v, %v; want the new actor", a, err)
		}
		if _, err := r.Review(ctx, Decide(graph.DecisionAddName, func(d *graph.Decision) { d.ActorID = "stephanie-williams"; d.Name = "ويليامز" }), nil); err != nil {
			t.Fatal(err)
		}
		ms, err := s.SearchActors(ctx, graph.SearchQuery{Text: "ويليامز"})
		if err != nil || len(ms) == 0 || ms[0].Actor.ID != "stephanie-williams" {
			t.Errorf("search for the new name: got %+v, %v", ms, err)
		}
	})

	t.Run("merge two actors", func(t *testing.T) {
		s, r := load(t)
		rejected := FixtureClaimID(t, "a4-new-york", graph.Met, "ahmed-mismari", "usa")
		if _, err := r.Review(ctx, Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = rejected }), nil); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Review(ctx, Decide(graph.DecisionMerge, func(d *graph.Decision) { d.ActorID = "ahmed-mismari"; d.Into = "ahmed-maiteeq" }), nil); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Actor(ctx, "ahmed-mismari"); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("the merged actor: got %v, want ErrNotFound", err)
		}
		if c := counts(t, s); c.Actors != 11 || c.Claims != 17 {
			t.Errorf("got %+v, want 11 actors and the 17 claims", c)
		}
		cs, err := s.Claims(ctx, graph.ClaimQuery{Source: "ahmed-maiteeq", Target: "egypt"})
		if err != nil || len(cs) != 1 || cs[0].Article != "a3-tripoli" {
			t.Errorf("got claims %+v (%v), want the merged actor's meeting with Egypt", cs, err)
		}
		ms, err := s.SearchActors(ctx, graph.SearchQuery{Text: "المسماري"})
		if err != nil || len(ms) != 1 || ms[0].Actor.ID != "ahmed-maiteeq" {
			t.Errorf("search for the merged name: got %+v, %v; want ahmed-maiteeq alone", ms, err)
		}
		rej, err := r.RejectedClaims(ctx, graph.ReviewQuery{})
		if err != nil || len(rej) != 1 || rej[0].Claim.Source != "ahmed-maiteeq" {
			t.Fatalf("got rejected %+v (%v), want the rejected claim moved to ahmed-maiteeq", rej, err)
		}
		if _, err := r.Review(ctx, Decide(graph.DecisionRestore, func(d *graph.Decision) { d.ClaimID = rej[0].Claim.ID }), nil); err != nil {
			t.Errorf("restore after merge: %v", err)
		}
	})

	t.Run("replay rebuilds the review state", func(t *testing.T) {
		_, first := load(t)
		var log []graph.Decision
		record := func(d graph.Decision) error { log = append(log, d); return nil }
		other := FixtureClaimID(t, "a1-cairo", graph.Supported, "egypt", "lna")
		for _, d := range []graph.Decision{
			Decide(graph.DecisionReject, func(d *graph.Decision) { d.ClaimID = lowest }),
			Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = other }),
			Decide(graph.DecisionAddActor, func(d *graph.Decision) {
				d.Actor = &graph.Actor{ID: "new-envoy", Name: "New Envoy", NameAr: "مبعوث جديد", Kind: graph.KindPerson}
			}),
		} {
			if _, err := first.Review(ctx, d, record); err != nil {
				t.Fatal(err)
			}
		}
		s, r := load(t)
		warnings, err := r.Replay(ctx, append(log, Decide(graph.DecisionConfirm, func(d *graph.Decision) { d.ClaimID = "0123456789abcdef" })))
		if err != nil {
			t.Fatal(err)
		}
		if len(warnings) != 1 || !strings.Contains(warnings[0], "decision 4") {
			t.Errorf("got warnings %q, want one for the unknown claim of decision 4", warnings)
		}
		if c := counts(t, s); c.Claims != 17 || c.Actors != 13 {
			t.Errorf("got %+v after replay, want 17 claims and 13 actors", c)
		}
		if ids := queueIDs(t, r); len(ids) != 16 {
			t.Errorf("got %d claims in the queue after replay, want 16", len(ids))
		}
		if rej, _ := r.RejectedClaims(ctx, graph.ReviewQuery{}); len(rej) != 1 || rej[0].Claim.ID != lowest {
			t.Errorf("got rejected %+v after replay, want %s", rej, lowest)
		}
	})
}
