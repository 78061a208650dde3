// Package storetest is the one contract suite every graph.Store
// implementation runs: the same fixture, the same queries and the same
// expected answers, so that the embedded store and Neo4j agree.
//
// It also holds the fixture builders (Fixture, NewDocument) and the
// synthetic graph generator (SyntheticEach) that other packages' tests and
// benchmarks reuse.
package storetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// Run runs the contract suite, review included (every store implements
// graph.Reviewer). open must return a new, empty store each
// time it is called (the suite loads its own fixture) and arrange for it to
// be closed at the end of the test, for example with t.Cleanup. The suite
// uses only the graph.Store interface.
func Run(t *testing.T, open func(t *testing.T) graph.Store) {
	t.Run("Empty", func(t *testing.T) { testEmpty(t, open(t)) })
	t.Run("Read", func(t *testing.T) {
		s := open(t)
		loadAll(t, s, Fixture())
		t.Run("Counts", func(t *testing.T) { testCounts(t, s, graph.Counts{Actors: 12, Articles: 4, Claims: 18}) })
		t.Run("Actor", func(t *testing.T) { testActor(t, s) })
		t.Run("ActorStats", func(t *testing.T) { testActorStats(t, s) })
		t.Run("SearchActors", func(t *testing.T) { testSearch(t, s) })
		t.Run("SearchHostile", func(t *testing.T) { testSearchHostile(t, s) })
		t.Run("Neighbourhood", func(t *testing.T) { testNeighbourhood(t, s) })
		t.Run("ShortestPaths", func(t *testing.T) { testShortestPaths(t, s) })
		t.Run("Claims", func(t *testing.T) { testClaims(t, s) })
		t.Run("ClaimsFilter", func(t *testing.T) { testClaimsFilter(t, s) })
		t.Run("Article", func(t *testing.T) { testArticle(t, s) })
		t.Run("ArticleClaims", func(t *testing.T) { testArticleClaims(t, s) })
		t.Run("Subgraph", func(t *testing.T) { testSubgraph(t, s) })
		t.Run("DateRange", func(t *testing.T) { testDateRange(t, s) })
		t.Run("Overview", func(t *testing.T) { testOverview(t, s) })
		t.Run("MentioningArticles", func(t *testing.T) { testMentioningArticles(t, s) })
	})
	t.Run("InvalidDocuments", func(t *testing.T) { testInvalidDocuments(t, open(t)) })
	t.Run("Idempotence", func(t *testing.T) { testIdempotence(t, open(t)) })
	t.Run("Replacement", func(t *testing.T) { testReplacement(t, open(t)) })
	t.Run("DeleteArticle", func(t *testing.T) { testDelete(t, open(t)) })
	t.Run("ActorUpsert", func(t *testing.T) { testUpsert(t, open(t)) })
	t.Run("ClaimRule", func(t *testing.T) { testClaimRule(t, open(t)) })
	t.Run("Review", func(t *testing.T) { testReview(t, open) })
	t.Run("BulkLoad", func(t *testing.T) { testBulkLoad(t, open) })
}

// The fixture's claims, by ClaimKey.
const (
	c1  = "MET khalifa-haftar->egypt @a1-cairo"
	c2  = "SUPPORTED egypt->lna @a1-cairo"
	c3  = "SUPPORTED uae->khalifa-haftar @a1-cairo"
	c4  = "MET turkey->fayez-al-sarraj @a2-ankara"
	c5  = "SUPPORTED turkey->gna @a2-ankara"
	c6  = "OPPOSED turkey->khalifa-haftar @a2-ankara"
	c7  = "MET fayez-al-sarraj->un @a2-ankara"
	c8  = "SUPPORTED uae->khalifa-haftar @a3-tripoli"
	c9  = "MET fayez-al-sarraj->turkey @a3-tripoli"
	c10 = "MET ahmed-maiteeq->un @a3-tripoli"
	c11 = "MET ahmed-mismari->egypt @a3-tripoli"
	c12 = "SUPPORTED egypt->lna @a3-tripoli"
	c13 = "MET un->fayez-al-sarraj @a3-tripoli"
	c14 = "MET un->khalifa-haftar @a4-new-york"
	c15 = "MET un->usa @a4-new-york"
	c16 = "MET un->egypt @a4-new-york"
	c17 = "OPPOSED usa->muammar-gaddafi @a4-new-york"
	c18 = "MET ahmed-mismari->usa @a4-new-york"
)

var allClaims = []string{c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18}

var ctx = context.Background()

func loadAll(t *testing.T, s graph.Store, docs []graph.Document) {
	t.Helper()
	for _, d := range docs {
		if err := s.LoadArticle(ctx, d); err != nil {
			t.Fatalf("LoadArticle(%q): %v", d.Article.ID, err)
		}
	}
}

// fixtureClaims maps every fixture claim id to the claim.
func fixtureClaims() map[string]graph.Claim {
	m := map[string]graph.Claim{}
	for _, d := range Fixture() {
		for _, c := range d.Claims {
			m[c.ID] = c
		}
	}
	return m
}

func fixtureActor(id string) graph.Actor {
	for _, a := range FixtureActors() {
		if a.ID == id {
			return a
		}
	}
	panic("storetest: no fixture actor " + id)
}

// checkErr reports a failure unless err wraps want; want nil means no error.
func checkErr(t *testing.T, what string, err, want error) bool {
	t.Helper()
	switch {
	case want == nil && err != nil:
		t.Errorf("%s: got error %v, want none", what, err)
		return false
	case want != nil && !errors.Is(err, want):
		t.Errorf("%s: got error %v, want one wrapping %q", what, err, want)
		return false
	}
	return want == nil
}

func checkStrings(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

func sorted(xs ...string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return out
}

func actorIDs(as []graph.Actor) []string {
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}

// checkClaimSet checks that claims are sorted by ID, are exactly the fixture
// claims (every field) and have the wanted keys.
func checkClaimSet(t *testing.T, what string, got []graph.Claim, want []string, fixture map[string]graph.Claim) {
	t.Helper()
	if !slices.IsSortedFunc(got, func(a, b graph.Claim) int { return strings.Compare(a.ID, b.ID) }) {
		t.Errorf("%s: claims not sorted by id: %q", what, claimIDs(got))
	}
	checkStrings(t, what+": claims", claimKeys(got), sorted(want...))
	for _, c := range got {
		checkClaimValue(t, what, c, fixture)
	}
}

func checkClaimValue(t *testing.T, what string, got graph.Claim, fixture map[string]graph.Claim) {
	t.Helper()
	want, ok := fixture[got.ID]
	if !ok {
		t.Errorf("%s: claim %s (%s) is not a fixture claim", what, got.ID, ClaimKey(got))
		return
	}
	if got != want {
		t.Errorf("%s: claim %s:\n got  %+v\n want %+v", what, got.ID, got, want)
	}
}

func claimIDs(cs []graph.Claim) []string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids
}

// checkActor compares actors, treating nil and empty aliases alike.
func checkActor(t *testing.T, what string, got, want graph.Actor) {
	t.Helper()
	if len(got.Aliases) == 0 && len(want.Aliases) == 0 {
		got.Aliases, want.Aliases = nil, nil
	}
	if got.ID != want.ID || got.Name != want.Name || got.NameAr != want.NameAr || got.Kind != want.Kind ||
		got.Affiliation != want.Affiliation || !slices.Equal(got.Aliases, want.Aliases) {
		t.Errorf("%s:\n got  %+v\n want %+v", what, got, want)
	}
}

// checkNodes checks that got holds the fixture actors want, sorted by id.
func checkNodes(t *testing.T, what string, got []graph.Actor, want []string) {
	t.Helper()
	checkStrings(t, what+": nodes", actorIDs(got), sorted(want...))
	checkActorValues(t, what, got)
}

func checkActorValues(t *testing.T, what string, got []graph.Actor) {
	t.Helper()
	for _, a := range got {
		checkActor(t, what+": node "+a.ID, a, fixtureActor(a.ID))
	}
}
