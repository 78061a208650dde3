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
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
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

func testCounts(t *testing.T, s graph.Store, want graph.Counts) {
	t.Helper()
	got, err := s.Counts(ctx)
	if checkErr(t, "Counts", err, nil) && got != want {
		t.Errorf("Counts: got %+v, want %+v", got, want)
	}
}

func testEmpty(t *testing.T, s graph.Store) {
	testCounts(t, s, graph.Counts{})
	_, err := s.Actor(ctx, "khalifa-haftar")
	checkErr(t, "Actor on an empty store", err, graph.ErrNotFound)
	_, err = s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 1})
	checkErr(t, "Neighbourhood on an empty store", err, graph.ErrNotFound)
	err = s.DeleteArticle(ctx, "a1-cairo")
	checkErr(t, "DeleteArticle on an empty store", err, graph.ErrNotFound)
	ms, err := s.SearchActors(ctx, graph.SearchQuery{Text: "حفتر"})
	if checkErr(t, "SearchActors on an empty store", err, nil) && len(ms) != 0 {
		t.Errorf("SearchActors on an empty store: got %d matches, want 0", len(ms))
	}
}

func testActor(t *testing.T, s graph.Store) {
	for _, want := range FixtureActors() {
		got, err := s.Actor(ctx, want.ID)
		if checkErr(t, "Actor("+want.ID+")", err, nil) {
			checkActor(t, "Actor("+want.ID+")", got, want)
		}
	}
	for _, id := range []string{"nobody", "", "Khalifa-Haftar"} {
		_, err := s.Actor(ctx, id)
		checkErr(t, fmt.Sprintf("Actor(%q)", id), err, graph.ErrNotFound)
	}
}

func testActorStats(t *testing.T, s graph.Store) {
	type counts = map[graph.RelationType]int
	tests := []struct {
		id       string
		out, in  counts
		articles int
	}{
		{"khalifa-haftar", counts{graph.Met: 1}, counts{graph.Supported: 2, graph.Opposed: 1, graph.Met: 1}, 4},
		{"un", counts{graph.Met: 4}, counts{graph.Met: 2}, 3},
		{"egypt", counts{graph.Supported: 2}, counts{graph.Met: 3}, 3},
		{"lna", counts{}, counts{graph.Supported: 2}, 2},
		{"gna", counts{}, counts{graph.Supported: 1}, 1},
		{"ahmed-mismari", counts{graph.Met: 2}, counts{}, 2},
		{"muammar-gaddafi", counts{}, counts{graph.Opposed: 1}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, err := s.ActorStats(ctx, tt.id)
			if !checkErr(t, "ActorStats", err, nil) {
				return
			}
			for _, rt := range graph.RelationTypes {
				if got.Outgoing[rt] != tt.out[rt] {
					t.Errorf("outgoing %s: got %d, want %d", rt, got.Outgoing[rt], tt.out[rt])
				}
				if got.Incoming[rt] != tt.in[rt] {
					t.Errorf("incoming %s: got %d, want %d", rt, got.Incoming[rt], tt.in[rt])
				}
			}
			if got.Articles != tt.articles {
				t.Errorf("articles: got %d, want %d", got.Articles, tt.articles)
			}
		})
	}
	_, err := s.ActorStats(ctx, "nobody")
	checkErr(t, "ActorStats(nobody)", err, graph.ErrNotFound)
}

type match struct {
	id      string
	score   float64
	matched string
}

func testSearch(t *testing.T, s graph.Store) {
	tests := []struct {
		name  string
		q     graph.SearchQuery
		want  []match
		error error
	}{
		{"alias exact", graph.SearchQuery{Text: "حفتر"}, []match{{"khalifa-haftar", arabic.ScoreExact, "حفتر"}}, nil},
		{"diacritics and spaces", graph.SearchQuery{Text: "  حَفْتَر  "}, []match{{"khalifa-haftar", arabic.ScoreExact, "حفتر"}}, nil},
		{"title and surname", graph.SearchQuery{Text: "المشير حفتر"}, []match{{"khalifa-haftar", arabic.ScoreTokens, "المشير خليفة حفتر"}}, nil},
		{"ta marbuta", graph.SearchQuery{Text: "خليفه"}, []match{{"khalifa-haftar", arabic.ScoreTokens, "خليفة حفتر"}}, nil},
		{"hamza finds both spellings", graph.SearchQuery{Text: "أحمد"}, []match{
			{"ahmed-mismari", arabic.ScoreTokens, "احمد المسماري"},
			{"ahmed-maiteeq", arabic.ScoreTokens, "أحمد معيتيق"},
		}, nil},
		{"bare alef finds both spellings", graph.SearchQuery{Text: "احمد"}, []match{
			{"ahmed-mismari", arabic.ScoreTokens, "احمد المسماري"},
			{"ahmed-maiteeq", arabic.ScoreTokens, "أحمد معيتيق"},
		}, nil},
		{"article dropped", graph.SearchQuery{Text: "امارات"}, []match{{"uae", arabic.ScoreNoArticle, "الإمارات"}}, nil},
		{"alias", graph.SearchQuery{Text: "واشنطن"}, []match{{"usa", arabic.ScoreExact, "واشنطن"}}, nil},
		{"words out of order of a long name", graph.SearchQuery{Text: "الجيش الليبي"}, []match{{"lna", arabic.ScoreTokens, "الجيش الوطني الليبي"}}, nil},
		{"apostrophe", graph.SearchQuery{Text: "Mu'ammar"}, []match{{"muammar-gaddafi", arabic.ScoreTokens, "Mu'ammar Gaddafi"}}, nil},
		{"english case folded", graph.SearchQuery{Text: "MUAMMAR"}, []match{{"muammar-gaddafi", arabic.ScoreTokens, "Muammar al-Gaddafi"}}, nil},
		{"score then articles", graph.SearchQuery{Text: "un"}, []match{
			{"un", arabic.ScoreExact, "UN"},
			{"uae", arabic.ScorePrefix, "United Arab Emirates"},
			{"usa", arabic.ScorePrefix, "United States"},
		}, nil},
		{"kinds", graph.SearchQuery{Text: "un", Kinds: []graph.Kind{graph.KindState}}, []match{
			{"uae", arabic.ScorePrefix, "United Arab Emirates"},
			{"usa", arabic.ScorePrefix, "United States"},
		}, nil},
		{"limit", graph.SearchQuery{Text: "un", Limit: 1}, []match{{"un", arabic.ScoreExact, "UN"}}, nil},
		{"word prefix ranked by articles", graph.SearchQuery{Text: "المت"}, []match{
			{"un", arabic.ScoreTokenPrefix, "الأمم المتحدة"},
			{"uae", arabic.ScoreTokenPrefix, "الإمارات العربية المتحدة"},
			{"usa", arabic.ScoreTokenPrefix, "الولايات المتحدة"},
		}, nil},
		{"score, articles, then id", graph.SearchQuery{Text: "al"}, []match{
			{"ahmed-mismari", arabic.ScoreTokens, "Ahmed al-Mismari"},
			{"fayez-al-sarraj", arabic.ScoreTokens, "Fayez al-Sarraj"},
			{"muammar-gaddafi", arabic.ScoreTokens, "Muammar al-Gaddafi"},
			{"khalifa-haftar", arabic.ScoreSubstring, "Khalifa Haftar"},
			{"lna", arabic.ScoreSubstring, "Libyan National Army"},
			{"gna", arabic.ScoreSubstring, "Government of National Accord"},
		}, nil},
		{"no match", graph.SearchQuery{Text: "xyz"}, nil, nil},
		{"empty text", graph.SearchQuery{Text: ""}, nil, graph.ErrInvalid},
		{"only punctuation", graph.SearchQuery{Text: "؟!"}, nil, graph.ErrInvalid},
		{"negative limit", graph.SearchQuery{Text: "un", Limit: -1}, nil, graph.ErrInvalid},
		{"limit too large", graph.SearchQuery{Text: "un", Limit: graph.MaxLimit + 1}, nil, graph.ErrInvalid},
		{"unknown kind", graph.SearchQuery{Text: "un", Kinds: []graph.Kind{"planet"}}, nil, graph.ErrInvalid},
		{"text too long", graph.SearchQuery{Text: strings.Repeat("حفتر ", 60)}, nil, graph.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.SearchActors(ctx, tt.q)
			if !checkErr(t, fmt.Sprintf("SearchActors(%q)", tt.q.Text), err, tt.error) {
				return
			}
			var gotM []match
			for _, m := range got {
				gotM = append(gotM, match{m.Actor.ID, m.Score, m.Matched})
				checkActor(t, "match "+m.Actor.ID, m.Actor, fixtureActor(m.Actor.ID))
			}
			if !slices.Equal(gotM, tt.want) {
				t.Errorf("SearchActors(%q):\n got  %v\n want %v", tt.q.Text, gotM, tt.want)
			}
		})
	}
}

// testSearchHostile searches for text a user may type that is Lucene (or
// Cypher) syntax, or that is only an article or too long: each is either a
// plain search with the answer every store gives, or graph.ErrInvalid (a 400
// for the web layer), never another error.
func testSearchHostile(t *testing.T, s graph.Store) {
	haftar := []match{{"khalifa-haftar", arabic.ScoreExact, "حفتر"}}
	tests := []struct {
		name  string
		text  string
		want  []match
		error error
	}{
		{"quote inside a word", `a"b`, nil, nil},
		{"lone backslash", `\`, nil, graph.ErrInvalid},
		{"open parenthesis", `(x`, nil, nil},
		{"field syntax", `x:y`, nil, nil},
		{"trailing AND", `حفتر AND`, nil, nil},
		{"leading OR", `OR حفتر`, nil, nil},
		{"NOT alone", `NOT`, nil, nil},
		{"wildcard alone", `*`, nil, graph.ErrInvalid},
		{"trailing wildcard", `حف*`, []match{{"khalifa-haftar", arabic.ScorePrefix, "حفتر"}}, nil},
		{"leading fuzzy", `~حفتر`, haftar, nil},
		{"range", `[a TO z]`, nil, nil},
		{"open brace", `{`, nil, graph.ErrInvalid},
		{"boost", `حفتر^2`, nil, nil},
		{"unbalanced quote", `"حفتر`, haftar, nil},
		{"slash (regular expression)", `un/`, []match{
			{"un", arabic.ScoreExact, "UN"},
			{"uae", arabic.ScorePrefix, "United Arab Emirates"},
			{"usa", arabic.ScorePrefix, "United States"},
		}, nil},
		{"only operators", `+-&&||!`, nil, graph.ErrInvalid},
		{"trailing hyphen", `al-`, []match{
			{"ahmed-mismari", arabic.ScoreTokens, "Ahmed al-Mismari"},
			{"fayez-al-sarraj", arabic.ScoreTokens, "Fayez al-Sarraj"},
			{"muammar-gaddafi", arabic.ScoreTokens, "Muammar al-Gaddafi"},
			{"khalifa-haftar", arabic.ScoreSubstring, "Khalifa Haftar"},
			{"lna", arabic.ScoreSubstring, "Libyan National Army"},
			{"gna", arabic.ScoreSubstring, "Government of National Accord"},
		}, nil},
		{"question mark", `? حفتر`, haftar, nil},
		{"closing parenthesis", `حفتر)`, haftar, nil},
		{"the article alone", `ال`, []match{
			{"khalifa-haftar", arabic.ScorePrefix, "المشير خليفة حفتر"},
			{"egypt", arabic.ScorePrefix, "القاهرة"},
			{"un", arabic.ScorePrefix, "الأمم المتحدة"},
			{"fayez-al-sarraj", arabic.ScorePrefix, "السراج"},
			{"lna", arabic.ScorePrefix, "الجيش الوطني الليبي"},
			{"uae", arabic.ScorePrefix, "الإمارات"},
			{"usa", arabic.ScorePrefix, "الولايات المتحدة"},
			{"ahmed-mismari", arabic.ScoreTokenPrefix, "احمد المسماري"},
			{"gna", arabic.ScoreTokenPrefix, "حكومة الوفاق"},
			{"muammar-gaddafi", arabic.ScoreTokenPrefix, "معمر القذافي"},
		}, nil},
		{"the article twice", `ال ال`, nil, nil},
		{"10 KB", strings.Repeat("حفتر ", 2048), nil, graph.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.SearchActors(ctx, graph.SearchQuery{Text: tt.text})
			if !checkErr(t, "SearchActors", err, tt.error) {
				return
			}
			var gotM []match
			for _, m := range got {
				gotM = append(gotM, match{m.Actor.ID, m.Score, m.Matched})
			}
			if !slices.Equal(gotM, tt.want) {
				t.Errorf("SearchActors(%.40q):\n got  %v\n want %v", tt.text, gotM, tt.want)
			}
		})
	}
}

func testNeighbourhood(t *testing.T, s graph.Store) {
	fixture := fixtureClaims()
	everyone := actorIDs(FixtureActors())
	tests := []struct {
		name      string
		q         graph.NeighbourhoodQuery
		nodes     []string
		claims    []string
		omitted   []graph.Omission
		truncated bool
	}{
		{"depth 1", graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 1},
			[]string{"egypt", "khalifa-haftar", "turkey", "uae", "un"},
			[]string{c1, c3, c6, c8, c14, c16}, nil, false},
		{"depth 2", graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 2},
			slices.DeleteFunc(slices.Clone(everyone), func(id string) bool { return id == "muammar-gaddafi" }),
			slices.DeleteFunc(slices.Clone(allClaims), func(k string) bool { return k == c17 }), nil, false},
		{"depth 3", graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 3}, everyone, allClaims, nil, false},
		{"hub capped by max neighbours", graph.NeighbourhoodQuery{Center: "un", Depth: 1, MaxNeighbours: 2},
			[]string{"ahmed-maiteeq", "fayez-al-sarraj", "un"},
			[]string{c7, c10, c13}, []graph.Omission{{Actor: "un", Count: 3}}, false},
		{"caps at two levels", graph.NeighbourhoodQuery{Center: "fayez-al-sarraj", Depth: 2, MaxNeighbours: 1},
			[]string{"fayez-al-sarraj", "gna", "turkey"},
			[]string{c4, c5, c9}, []graph.Omission{{Actor: "fayez-al-sarraj", Count: 1}, {Actor: "turkey", Count: 1}}, false},
		{"an omitted neighbour reached later is not omitted", graph.NeighbourhoodQuery{Center: "egypt", Depth: 2, MaxNeighbours: 3},
			[]string{"ahmed-mismari", "egypt", "khalifa-haftar", "lna", "turkey", "uae", "un", "usa"},
			[]string{c1, c2, c3, c6, c8, c11, c12, c14, c15, c16, c18}, nil, false},
		{"truncated by max nodes", graph.NeighbourhoodQuery{Center: "un", Depth: 1, MaxNodes: 3},
			[]string{"ahmed-maiteeq", "fayez-al-sarraj", "un"},
			[]string{c7, c10, c13}, []graph.Omission{{Actor: "un", Count: 3}}, true},
		{"types", graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 1, Filter: graph.Filter{Types: []graph.RelationType{graph.Supported}}},
			[]string{"khalifa-haftar", "uae"}, []string{c3, c8}, nil, false},
		{"min confidence", graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 1, Filter: graph.Filter{Types: []graph.RelationType{graph.Supported}, MinConfidence: 0.5}},
			[]string{"khalifa-haftar", "uae"}, []string{c3}, nil, false},
		{"certainties", graph.NeighbourhoodQuery{Center: "uae", Depth: 1, Filter: graph.Filter{Certainties: []graph.Certainty{graph.Alleged}}},
			[]string{"khalifa-haftar", "uae"}, []string{c8}, nil, false},
		{"kinds keep the centre", graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 2, Filter: graph.Filter{Kinds: []graph.Kind{graph.KindState}}},
			[]string{"egypt", "khalifa-haftar", "turkey", "uae"}, []string{c1, c3, c6, c8}, nil, false},
		{"kinds organisation", graph.NeighbourhoodQuery{Center: "egypt", Depth: 1, Filter: graph.Filter{Kinds: []graph.Kind{graph.KindOrganisation}}},
			[]string{"egypt", "lna", "un"}, []string{c2, c12, c16}, nil, false},
		{"MET in both directions", graph.NeighbourhoodQuery{Center: "turkey", Depth: 1, Filter: graph.Filter{Types: []graph.RelationType{graph.Met}}},
			[]string{"fayez-al-sarraj", "turkey"}, []string{c4, c9}, nil, false},
		{"no matching claim", graph.NeighbourhoodQuery{Center: "muammar-gaddafi", Depth: 1, Filter: graph.Filter{Types: []graph.RelationType{graph.Met}}},
			[]string{"muammar-gaddafi"}, nil, nil, false},
		{"every filter at once", graph.NeighbourhoodQuery{Center: "un", Depth: 2, Filter: graph.Filter{
			Types: []graph.RelationType{graph.Met}, Certainties: []graph.Certainty{graph.Asserted}, MinConfidence: 0.85}},
			[]string{"ahmed-maiteeq", "egypt", "fayez-al-sarraj", "khalifa-haftar", "turkey", "un", "usa"},
			[]string{c1, c4, c7, c10, c14, c15, c16}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Neighbourhood(ctx, tt.q)
			if !checkErr(t, "Neighbourhood", err, nil) {
				return
			}
			checkNodes(t, "Neighbourhood", got.Nodes, tt.nodes)
			checkClaimSet(t, "Neighbourhood", got.Claims, tt.claims, fixture)
			if !slices.Equal(got.Omitted, tt.omitted) {
				t.Errorf("omitted: got %v, want %v", got.Omitted, tt.omitted)
			}
			if got.Truncated != tt.truncated {
				t.Errorf("truncated: got %v, want %v", got.Truncated, tt.truncated)
			}
		})
	}
	errTests := []struct {
		name string
		q    graph.NeighbourhoodQuery
		want error
	}{
		{"unknown centre", graph.NeighbourhoodQuery{Center: "nobody", Depth: 1}, graph.ErrNotFound},
		{"empty centre", graph.NeighbourhoodQuery{Depth: 1}, graph.ErrInvalid},
		{"depth 0", graph.NeighbourhoodQuery{Center: "un", Depth: 0}, graph.ErrInvalid},
		{"depth 4", graph.NeighbourhoodQuery{Center: "un", Depth: 4}, graph.ErrInvalid},
		{"max neighbours too large", graph.NeighbourhoodQuery{Center: "un", Depth: 1, MaxNeighbours: graph.MaxMaxNeighbours + 1}, graph.ErrInvalid},
		{"negative max nodes", graph.NeighbourhoodQuery{Center: "un", Depth: 1, MaxNodes: -1}, graph.ErrInvalid},
		{"max nodes too large", graph.NeighbourhoodQuery{Center: "un", Depth: 1, MaxNodes: graph.MaxMaxNodes + 1}, graph.ErrInvalid},
		{"unknown type", graph.NeighbourhoodQuery{Center: "un", Depth: 1, Filter: graph.Filter{Types: []graph.RelationType{"LIKED"}}}, graph.ErrInvalid},
		{"lower-case type", graph.NeighbourhoodQuery{Center: "un", Depth: 1, Filter: graph.Filter{Types: []graph.RelationType{"met"}}}, graph.ErrInvalid},
		{"unknown kind", graph.NeighbourhoodQuery{Center: "un", Depth: 1, Filter: graph.Filter{Kinds: []graph.Kind{"planet"}}}, graph.ErrInvalid},
		{"negated certainty", graph.NeighbourhoodQuery{Center: "un", Depth: 1, Filter: graph.Filter{Certainties: []graph.Certainty{"negated"}}}, graph.ErrInvalid},
		{"min confidence above 1", graph.NeighbourhoodQuery{Center: "un", Depth: 1, Filter: graph.Filter{MinConfidence: 1.5}}, graph.ErrInvalid},
		{"negative min confidence", graph.NeighbourhoodQuery{Center: "un", Depth: 1, Filter: graph.Filter{MinConfidence: -0.1}}, graph.ErrInvalid},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Neighbourhood(ctx, tt.q)
			checkErr(t, "Neighbourhood", err, tt.want)
		})
	}
}

type step struct {
	from, to string
	claims   []string
}

func testShortestPaths(t *testing.T, s graph.Store) {
	fixture := fixtureClaims()
	type path struct {
		nodes []string
		steps []step
	}
	lnaUSAByMismari := path{[]string{"lna", "egypt", "ahmed-mismari", "usa"}, []step{
		{"lna", "egypt", []string{c2, c12}}, {"egypt", "ahmed-mismari", []string{c11}}, {"ahmed-mismari", "usa", []string{c18}}}}
	lnaUSAByUN := path{[]string{"lna", "egypt", "un", "usa"}, []step{
		{"lna", "egypt", []string{c2, c12}}, {"egypt", "un", []string{c16}}, {"un", "usa", []string{c15}}}}
	uaeGNA := path{[]string{"uae", "khalifa-haftar", "turkey", "gna"}, []step{
		{"uae", "khalifa-haftar", []string{c3, c8}}, {"khalifa-haftar", "turkey", []string{c6}}, {"turkey", "gna", []string{c5}}}}
	tests := []struct {
		name  string
		q     graph.PathQuery
		want  []path
		error error
	}{
		{"three hops", graph.PathQuery{From: "khalifa-haftar", To: "muammar-gaddafi", MaxLength: 6}, []path{
			{[]string{"khalifa-haftar", "un", "usa", "muammar-gaddafi"}, []step{
				{"khalifa-haftar", "un", []string{c14}}, {"un", "usa", []string{c15}}, {"usa", "muammar-gaddafi", []string{c17}}}},
		}, nil},
		{"two paths in id order", graph.PathQuery{From: "lna", To: "usa", MaxLength: 4}, []path{lnaUSAByMismari, lnaUSAByUN}, nil},
		{"limit", graph.PathQuery{From: "lna", To: "usa", MaxLength: 4, Limit: 1}, []path{lnaUSAByMismari}, nil},
		{"too long for max length", graph.PathQuery{From: "lna", To: "usa", MaxLength: 2}, nil, nil},
		{"types", graph.PathQuery{From: "egypt", To: "khalifa-haftar", MaxLength: 6, Filter: graph.Filter{Types: []graph.RelationType{graph.Supported}}}, nil, nil},
		{"against claim direction", graph.PathQuery{From: "uae", To: "gna", MaxLength: 6}, []path{uaeGNA}, nil},
		{"kinds exclude an intermediate person", graph.PathQuery{From: "uae", To: "gna", MaxLength: 6, Filter: graph.Filter{Kinds: []graph.Kind{graph.KindState}}}, nil, nil},
		{"kinds exempt the ends", graph.PathQuery{From: "uae", To: "gna", MaxLength: 6, Filter: graph.Filter{Kinds: []graph.Kind{graph.KindPerson, graph.KindState}}}, []path{uaeGNA}, nil},
		{"one hop, MET both ways", graph.PathQuery{From: "fayez-al-sarraj", To: "turkey", MaxLength: 1}, []path{
			{[]string{"fayez-al-sarraj", "turkey"}, []step{{"fayez-al-sarraj", "turkey", []string{c4, c9}}}}}, nil},
		{"min confidence filters step claims", graph.PathQuery{From: "fayez-al-sarraj", To: "turkey", MaxLength: 1, Filter: graph.Filter{MinConfidence: 0.8}}, []path{
			{[]string{"fayez-al-sarraj", "turkey"}, []step{{"fayez-al-sarraj", "turkey", []string{c4}}}}}, nil},
		{"from equals to", graph.PathQuery{From: "un", To: "un", MaxLength: 3}, nil, graph.ErrInvalid},
		{"unknown from", graph.PathQuery{From: "nobody", To: "un", MaxLength: 3}, nil, graph.ErrNotFound},
		{"unknown to", graph.PathQuery{From: "un", To: "nobody", MaxLength: 3}, nil, graph.ErrNotFound},
		{"missing to", graph.PathQuery{From: "un", MaxLength: 3}, nil, graph.ErrInvalid},
		{"max length 0", graph.PathQuery{From: "un", To: "usa", MaxLength: 0}, nil, graph.ErrInvalid},
		{"max length too large", graph.PathQuery{From: "un", To: "usa", MaxLength: graph.MaxPathLength + 1}, nil, graph.ErrInvalid},
		{"negative limit", graph.PathQuery{From: "un", To: "usa", MaxLength: 3, Limit: -1}, nil, graph.ErrInvalid},
		{"bad filter", graph.PathQuery{From: "un", To: "usa", MaxLength: 3, Filter: graph.Filter{MinConfidence: 2}}, nil, graph.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.ShortestPaths(ctx, tt.q)
			if !checkErr(t, "ShortestPaths", err, tt.error) {
				return
			}
			if len(got) != len(tt.want) {
				var ids [][]string
				for _, p := range got {
					ids = append(ids, actorIDs(p.Nodes))
				}
				t.Fatalf("got %d paths %q, want %d", len(got), ids, len(tt.want))
			}
			for i, p := range got {
				what := fmt.Sprintf("path %d", i)
				checkStrings(t, what+": nodes", actorIDs(p.Nodes), tt.want[i].nodes)
				checkActorValues(t, what, p.Nodes)
				if len(p.Steps) != len(tt.want[i].steps) {
					t.Errorf("%s: got %d steps, want %d", what, len(p.Steps), len(tt.want[i].steps))
					continue
				}
				for j, st := range p.Steps {
					w := tt.want[i].steps[j]
					if st.From != w.from || st.To != w.to {
						t.Errorf("%s step %d: got %s->%s, want %s->%s", what, j, st.From, st.To, w.from, w.to)
					}
					checkClaimSet(t, fmt.Sprintf("%s step %d", what, j), st.Claims, w.claims, fixture)
				}
			}
		})
	}
}

func testClaims(t *testing.T, s graph.Store) {
	fixture := fixtureClaims()
	tests := []struct {
		name  string
		q     graph.ClaimQuery
		want  []string
		error error
	}{
		{"source and target", graph.ClaimQuery{Source: "egypt", Target: "lna"}, []string{c2, c12}, nil},
		{"reversed directed", graph.ClaimQuery{Source: "lna", Target: "egypt"}, nil, nil},
		{"reversed with either", graph.ClaimQuery{Source: "lna", Target: "egypt", Either: true}, []string{c2, c12}, nil},
		{"MET in both directions", graph.ClaimQuery{Source: "fayez-al-sarraj", Target: "turkey"}, []string{c4, c9}, nil},
		{"source only", graph.ClaimQuery{Source: "turkey"}, []string{c4, c5, c6}, nil},
		{"source only with either", graph.ClaimQuery{Source: "turkey", Either: true}, []string{c4, c5, c6, c9}, nil},
		{"target only", graph.ClaimQuery{Target: "khalifa-haftar"}, []string{c3, c6, c8, c14}, nil},
		{"target only with either", graph.ClaimQuery{Target: "un", Either: true}, []string{c7, c10, c13, c14, c15, c16}, nil},
		{"types", graph.ClaimQuery{Source: "turkey", Filter: graph.Filter{Types: []graph.RelationType{graph.Opposed}}}, []string{c6}, nil},
		{"several types", graph.ClaimQuery{Source: "turkey", Filter: graph.Filter{Types: []graph.RelationType{graph.Opposed, graph.Supported}}}, []string{c5, c6}, nil},
		{"no claims between", graph.ClaimQuery{Source: "muammar-gaddafi", Target: "lna"}, nil, nil},
		{"neither actor", graph.ClaimQuery{}, nil, graph.ErrInvalid},
		{"unknown source", graph.ClaimQuery{Source: "nobody", Target: "un"}, nil, graph.ErrNotFound},
		{"unknown target", graph.ClaimQuery{Source: "un", Target: "nobody"}, nil, graph.ErrNotFound},
		{"unknown type", graph.ClaimQuery{Source: "un", Filter: graph.Filter{Types: []graph.RelationType{"LIKED"}}}, nil, graph.ErrInvalid},
		{"limit too large", graph.ClaimQuery{Source: "un", Limit: graph.MaxClaims + 1}, nil, graph.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Claims(ctx, tt.q)
			if checkErr(t, "Claims", err, tt.error) {
				checkClaimSet(t, "Claims", got, tt.want, fixture)
			}
		})
	}
	t.Run("limit keeps the lowest ids", func(t *testing.T) {
		all, err := s.Claims(ctx, graph.ClaimQuery{Target: "un", Either: true})
		if !checkErr(t, "Claims", err, nil) {
			return
		}
		got, err := s.Claims(ctx, graph.ClaimQuery{Target: "un", Either: true, Limit: 2})
		if checkErr(t, "Claims with limit", err, nil) {
			checkStrings(t, "Claims with limit 2", claimIDs(got), claimIDs(all)[:min(2, len(all))])
		}
	})
}

func testArticle(t *testing.T, s graph.Store) {
	for _, d := range Fixture() {
		want := d.Article
		got, err := s.Article(ctx, want.ID)
		if !checkErr(t, "Article("+want.ID+")", err, nil) {
			continue
		}
		if got.ID != want.ID || got.Title != want.Title || got.Source != want.Source || got.URL != want.URL ||
			!got.Published.Equal(want.Published) || got.Language != want.Language || got.Text != want.Text || got.SHA256 != want.SHA256 {
			t.Errorf("Article(%q):\n got  %+v\n want %+v", want.ID, got, want)
		}
	}
	_, err := s.Article(ctx, "nobody")
	checkErr(t, "Article(nobody)", err, graph.ErrNotFound)
}

func testArticleClaims(t *testing.T, s graph.Store) {
	fixture := fixtureClaims()
	for _, d := range Fixture() {
		want := slices.Clone(d.Claims)
		slices.SortFunc(want, func(a, b graph.Claim) int {
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			return strings.Compare(a.ID, b.ID)
		})
		got, err := s.ArticleClaims(ctx, d.Article.ID)
		if !checkErr(t, "ArticleClaims("+d.Article.ID+")", err, nil) {
			continue
		}
		checkStrings(t, "ArticleClaims("+d.Article.ID+") in order", claimIDs(got), claimIDs(want))
		for _, c := range got {
			checkClaimValue(t, "ArticleClaims("+d.Article.ID+")", c, fixture)
			if d.Article.Text[c.Start:c.End] != c.Quote {
				t.Errorf("claim %s: quote %q is not the text at [%d,%d)", c.ID, c.Quote, c.Start, c.End)
			}
		}
	}
	_, err := s.ArticleClaims(ctx, "nobody")
	checkErr(t, "ArticleClaims(nobody)", err, graph.ErrNotFound)
}

func testSubgraph(t *testing.T, s graph.Store) {
	fixture := fixtureClaims()
	tooMany := make([]string, graph.MaxSubgraphIDs+1)
	for i := range tooMany {
		tooMany[i] = "un"
	}
	tests := []struct {
		name   string
		ids    []string
		f      graph.Filter
		nodes  []string
		claims []string
		error  error
	}{
		{"three actors", []string{"turkey", "fayez-al-sarraj", "un"}, graph.Filter{},
			[]string{"fayez-al-sarraj", "turkey", "un"}, []string{c4, c7, c9, c13}, nil},
		{"filtered claims", []string{"turkey", "fayez-al-sarraj", "un"}, graph.Filter{Types: []graph.RelationType{graph.Met}, MinConfidence: 0.8},
			[]string{"fayez-al-sarraj", "turkey", "un"}, []string{c4, c7}, nil},
		{"kinds ignored", []string{"khalifa-haftar", "egypt"}, graph.Filter{Kinds: []graph.Kind{graph.KindOrganisation}},
			[]string{"egypt", "khalifa-haftar"}, []string{c1}, nil},
		{"duplicate ids", []string{"usa", "un", "usa"}, graph.Filter{},
			[]string{"un", "usa"}, []string{c15}, nil},
		{"no claims among", []string{"lna", "gna"}, graph.Filter{},
			[]string{"gna", "lna"}, nil, nil},
		{"unknown id", []string{"un", "nobody"}, graph.Filter{}, nil, nil, graph.ErrNotFound},
		{"too many ids", tooMany, graph.Filter{}, nil, nil, graph.ErrInvalid},
		{"bad filter", []string{"un"}, graph.Filter{Certainties: []graph.Certainty{"negated"}}, nil, nil, graph.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Subgraph(ctx, tt.ids, tt.f)
			if !checkErr(t, "Subgraph", err, tt.error) {
				return
			}
			checkNodes(t, "Subgraph", got.Nodes, tt.nodes)
			checkClaimSet(t, "Subgraph", got.Claims, tt.claims, fixture)
			if len(got.Omitted) != 0 || got.Truncated {
				t.Errorf("got omitted %v, truncated %v; want none", got.Omitted, got.Truncated)
			}
		})
	}
}

// snapshot is what the write tests compare before and after a write.
type snapshot struct {
	counts   graph.Counts
	claims   map[string][]string // article id -> claim ids in order
	articles map[string]graph.Article
	actors   map[string]graph.Actor
}

func takeSnapshot(t *testing.T, s graph.Store) snapshot {
	t.Helper()
	snap := snapshot{claims: map[string][]string{}, articles: map[string]graph.Article{}, actors: map[string]graph.Actor{}}
	var err error
	if snap.counts, err = s.Counts(ctx); err != nil {
		t.Fatalf("Counts: %v", err)
	}
	for _, d := range Fixture() {
		a, err := s.Article(ctx, d.Article.ID)
		if errors.Is(err, graph.ErrNotFound) {
			continue
		}
		if err != nil {
			t.Fatalf("Article(%q): %v", d.Article.ID, err)
		}
		snap.articles[a.ID] = a
		cs, err := s.ArticleClaims(ctx, a.ID)
		if err != nil {
			t.Fatalf("ArticleClaims(%q): %v", a.ID, err)
		}
		snap.claims[a.ID] = claimIDs(cs)
	}
	for _, want := range FixtureActors() {
		a, err := s.Actor(ctx, want.ID)
		if err != nil {
			t.Fatalf("Actor(%q): %v", want.ID, err)
		}
		snap.actors[a.ID] = a
	}
	return snap
}

func checkSnapshot(t *testing.T, what string, got, want snapshot) {
	t.Helper()
	if got.counts != want.counts {
		t.Errorf("%s: counts: got %+v, want %+v", what, got.counts, want.counts)
	}
	for id, w := range want.claims {
		checkStrings(t, what+": claims of "+id, got.claims[id], w)
	}
	for id, w := range want.articles {
		g := got.articles[id]
		if g.Title != w.Title || g.Text != w.Text || g.SHA256 != w.SHA256 {
			t.Errorf("%s: article %s: got title %q sha %s, want title %q sha %s", what, id, g.Title, g.SHA256, w.Title, w.SHA256)
		}
	}
	for id, w := range want.actors {
		checkActor(t, what+": actor "+id, got.actors[id], w)
	}
}

func testInvalidDocuments(t *testing.T, s graph.Store) {
	loadAll(t, s, Fixture())
	before := takeSnapshot(t, s)
	recompute := func(d *graph.Document, i int) {
		c := &d.Claims[i]
		c.ID = graph.ClaimID(c.Article, c.Type, c.Source, c.Target, c.Start, c.End)
	}
	tests := []struct {
		name   string
		mutate func(d *graph.Document)
	}{
		{"quote not at its offsets", func(d *graph.Document) { d.Claims[1].Start++; d.Claims[1].End++; recompute(d, 1) }},
		{"quote not in the text", func(d *graph.Document) { d.Claims[1].Quote = "دعمت مصر حفتر" }},
		{"offsets beyond the text", func(d *graph.Document) {
			d.Claims[1].End = len(d.Article.Text) + 1
			recompute(d, 1)
		}},
		{"offsets inside a character", func(d *graph.Document) {
			c := &d.Claims[1]
			c.Start++
			c.Quote = d.Article.Text[c.Start:c.End]
			recompute(d, 1)
		}},
		{"unknown actor in a claim", func(d *graph.Document) { d.Claims[1].Target = "nobody"; recompute(d, 1) }},
		{"claim with itself", func(d *graph.Document) { d.Claims[1].Target = d.Claims[1].Source; recompute(d, 1) }},
		{"non-UTF-8 text", func(d *graph.Document) {
			d.Article.Text = "\xff\xfe" + d.Article.Text
			d.Article.SHA256 = graph.TextSHA256(d.Article.Text)
		}},
		{"bad sha256", func(d *graph.Document) { d.Article.SHA256 = strings.Repeat("0", 64) }},
		{"claim id not ClaimID's", func(d *graph.Document) { d.Claims[0].ID = "0000000000000000" }},
		{"duplicate claim", func(d *graph.Document) { d.Claims = append(d.Claims, d.Claims[0]) }},
		{"confidence above 1", func(d *graph.Document) { d.Claims[0].Confidence = 1.5 }},
		{"unknown relation type", func(d *graph.Document) { d.Claims[0].Type = "LIKED"; recompute(d, 0) }},
		{"negated certainty", func(d *graph.Document) { d.Claims[0].Certainty = "negated" }},
		{"claim of another article", func(d *graph.Document) { d.Claims[0].Article = "a2-ankara"; recompute(d, 0) }},
		{"no extractor", func(d *graph.Document) { d.Claims[0].Extractor = "" }},
		{"mention of an unknown actor", func(d *graph.Document) { d.Mentions = append(d.Mentions, graph.Mention{Actor: "nobody", Count: 1}) }},
		{"affiliation outside the document", func(d *graph.Document) {
			d.Actors = slices.DeleteFunc(d.Actors, func(a graph.Actor) bool { return a.ID == "lna" })
			d.Mentions = slices.DeleteFunc(d.Mentions, func(m graph.Mention) bool { return m.Actor == "lna" })
			d.Claims = slices.DeleteFunc(d.Claims, func(c graph.Claim) bool { return c.Target == "lna" })
		}},
		{"actor with a bad id", func(d *graph.Document) {
			d.Actors = append(d.Actors, graph.Actor{ID: "Bad Id", Name: "Bad", Kind: graph.KindPerson})
		}},
		{"actor with an unknown kind", func(d *graph.Document) { d.Actors[0].Kind = "planet" }},
		{"empty article id", func(d *graph.Document) { d.Article.ID = "" }},
	}
	for _, tt := range tests {
		for _, id := range []string{"a1-cairo", "a5-new"} {
			t.Run(tt.name+"/"+id, func(t *testing.T) {
				d := Fixture()[0]
				if id != d.Article.ID {
					d = Retarget(d, id)
				}
				// Changes a successful load would make visible.
				d.Article.Title = "CHANGED"
				for i := range d.Actors {
					if d.Actors[i].ID == "khalifa-haftar" {
						d.Actors[i].Name = "Changed Name"
					}
				}
				tt.mutate(&d)
				err := s.LoadArticle(ctx, d)
				checkErr(t, "LoadArticle", err, graph.ErrInvalid)
				checkSnapshot(t, "after a failed load", takeSnapshot(t, s), before)
				if id == "a5-new" {
					_, err := s.Article(ctx, id)
					checkErr(t, "Article of a failed new article", err, graph.ErrNotFound)
				}
				ms, err := s.SearchActors(ctx, graph.SearchQuery{Text: "Changed Name"})
				if checkErr(t, "SearchActors", err, nil) && len(ms) != 0 {
					t.Errorf("search for a name from a failed load: got %d matches, want 0", len(ms))
				}
			})
		}
	}
}

// Retarget returns a copy of d moved to another article id, with its claims'
// article and ids recomputed, so one fixture document can be loaded as many.
func Retarget(d graph.Document, id string) graph.Document {
	d.Article.ID = id
	d.Claims = slices.Clone(d.Claims)
	for i := range d.Claims {
		c := &d.Claims[i]
		c.Article = id
		c.ID = graph.ClaimID(id, c.Type, c.Source, c.Target, c.Start, c.End)
	}
	return d
}

func testIdempotence(t *testing.T, s graph.Store) {
	loadAll(t, s, Fixture())
	once := takeSnapshot(t, s)
	statsOnce, err := s.ActorStats(ctx, "khalifa-haftar")
	if err != nil {
		t.Fatalf("ActorStats: %v", err)
	}
	loadAll(t, s, Fixture())
	twice := takeSnapshot(t, s)
	checkSnapshot(t, "after loading twice", twice, once)
	testCounts(t, s, graph.Counts{Actors: 12, Articles: 4, Claims: 18})
	statsTwice, err := s.ActorStats(ctx, "khalifa-haftar")
	if err != nil {
		t.Fatalf("ActorStats: %v", err)
	}
	if statsTwice.Articles != statsOnce.Articles {
		t.Errorf("articles of khalifa-haftar: got %d after loading twice, want %d", statsTwice.Articles, statsOnce.Articles)
	}
	for _, rt := range graph.RelationTypes {
		if statsTwice.Incoming[rt] != statsOnce.Incoming[rt] || statsTwice.Outgoing[rt] != statsOnce.Outgoing[rt] {
			t.Errorf("%s counts of khalifa-haftar: got %d/%d after loading twice, want %d/%d", rt,
				statsTwice.Outgoing[rt], statsTwice.Incoming[rt], statsOnce.Outgoing[rt], statsOnce.Incoming[rt])
		}
	}
	sg, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 3})
	if checkErr(t, "Neighbourhood", err, nil) {
		checkClaimSet(t, "Neighbourhood after loading twice", sg.Claims, allClaims, fixtureClaims())
	}
}

// editedCairo is a new version of the first fixture article: other text, one
// claim dropped (the UAE's), one added, the others at new offsets.
func editedCairo() graph.Document {
	old := Fixture()[0].Article
	a := graph.Article{ID: old.ID, Title: "حفتر في القاهرة (محدث)", Source: old.Source, URL: old.URL, Published: old.Published,
		Text: `قال المشير خليفة حفتر إنه التقى الرئيس المصري. ورفضت تركيا تصريحات حفتر. وأعلنت مصر دعمها للجيش الوطني الليبي.`}
	return NewDocument(a, actorsFor(FixtureActors(), "khalifa-haftar", "egypt", "turkey"),
		mentions("khalifa-haftar", 2, "egypt", 1, "turkey", 1, "lna", 1),
		ClaimSpec{graph.Met, "khalifa-haftar", "egypt", `قال المشير خليفة حفتر إنه التقى الرئيس المصري`, graph.Reported, 0.8},
		ClaimSpec{graph.Opposed, "turkey", "khalifa-haftar", `ورفضت تركيا تصريحات حفتر`, graph.Asserted, 0.6},
		ClaimSpec{graph.Supported, "egypt", "lna", `وأعلنت مصر دعمها للجيش الوطني الليبي`, graph.Asserted, 1},
	)
}

func testReplacement(t *testing.T, s graph.Store) {
	loadAll(t, s, Fixture())
	edited := editedCairo()
	if err := s.LoadArticle(ctx, edited); err != nil {
		t.Fatalf("LoadArticle(edited): %v", err)
	}
	testCounts(t, s, graph.Counts{Actors: 12, Articles: 4, Claims: 18})
	got, err := s.ArticleClaims(ctx, edited.Article.ID)
	if checkErr(t, "ArticleClaims", err, nil) {
		checkStrings(t, "ArticleClaims after the edit", claimIDs(got), claimIDs(edited.Claims))
	}
	a, err := s.Article(ctx, edited.Article.ID)
	if checkErr(t, "Article", err, nil) && (a.Text != edited.Article.Text || a.Title != edited.Article.Title) {
		t.Errorf("Article after the edit: got title %q text %q, want %q %q", a.Title, a.Text, edited.Article.Title, edited.Article.Text)
	}
	claims := fixtureClaims()
	for _, c := range edited.Claims {
		claims[c.ID] = c
	}
	tests := []struct {
		q    graph.ClaimQuery
		want []string
	}{
		{graph.ClaimQuery{Source: "uae"}, []string{c8}},
		{graph.ClaimQuery{Source: "khalifa-haftar", Target: "egypt"}, []string{c1}},
		{graph.ClaimQuery{Source: "turkey", Target: "khalifa-haftar"}, []string{c6, "OPPOSED turkey->khalifa-haftar @a1-cairo"}},
		{graph.ClaimQuery{Source: "egypt", Target: "lna"}, []string{c2, c12}},
	}
	for _, tt := range tests {
		got, err := s.Claims(ctx, tt.q)
		if checkErr(t, "Claims", err, nil) {
			checkClaimSet(t, fmt.Sprintf("Claims(%s->%s) after the edit", tt.q.Source, tt.q.Target), got, tt.want, claims)
		}
	}
	for id, want := range map[string]int{"uae": 1, "turkey": 3, "egypt": 3} {
		st, err := s.ActorStats(ctx, id)
		if checkErr(t, "ActorStats", err, nil) && st.Articles != want {
			t.Errorf("articles of %s after the edit: got %d, want %d", id, st.Articles, want)
		}
	}
	if err := s.LoadArticle(ctx, Fixture()[0]); err != nil {
		t.Fatalf("LoadArticle(original again): %v", err)
	}
	got, err = s.ArticleClaims(ctx, edited.Article.ID)
	if checkErr(t, "ArticleClaims", err, nil) {
		checkStrings(t, "ArticleClaims back to the original", claimKeys(got), sorted(c1, c2, c3))
		for _, c := range got {
			checkClaimValue(t, "ArticleClaims back to the original", c, fixtureClaims())
		}
	}
}

func testDelete(t *testing.T, s graph.Store) {
	loadAll(t, s, Fixture())
	if err := s.DeleteArticle(ctx, "a3-tripoli"); err != nil {
		t.Fatalf("DeleteArticle: %v", err)
	}
	testCounts(t, s, graph.Counts{Actors: 12, Articles: 3, Claims: 12})
	_, err := s.Article(ctx, "a3-tripoli")
	checkErr(t, "Article of a deleted article", err, graph.ErrNotFound)
	_, err = s.ArticleClaims(ctx, "a3-tripoli")
	checkErr(t, "ArticleClaims of a deleted article", err, graph.ErrNotFound)
	a, err := s.Actor(ctx, "ahmed-maiteeq")
	if checkErr(t, "Actor of a deleted article", err, nil) {
		checkActor(t, "Actor of a deleted article", a, fixtureActor("ahmed-maiteeq"))
	}
	st, err := s.ActorStats(ctx, "ahmed-maiteeq")
	if checkErr(t, "ActorStats", err, nil) {
		if st.Articles != 0 || st.Outgoing[graph.Met] != 0 {
			t.Errorf("ActorStats(ahmed-maiteeq) after the delete: got %+v, want no articles and no claims", st)
		}
	}
	got, err := s.Claims(ctx, graph.ClaimQuery{Source: "egypt", Target: "lna"})
	if checkErr(t, "Claims", err, nil) {
		checkClaimSet(t, "Claims(egypt->lna) after the delete", got, []string{c2}, fixtureClaims())
	}
	sg, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: "ahmed-maiteeq", Depth: 1})
	if checkErr(t, "Neighbourhood", err, nil) {
		checkNodes(t, "Neighbourhood(ahmed-maiteeq) after the delete", sg.Nodes, []string{"ahmed-maiteeq"})
	}
	ms, err := s.SearchActors(ctx, graph.SearchQuery{Text: "أحمد"})
	if checkErr(t, "SearchActors", err, nil) {
		var ids []string
		for _, m := range ms {
			ids = append(ids, m.Actor.ID)
		}
		checkStrings(t, "SearchActors(أحمد) after the delete", ids, []string{"ahmed-mismari", "ahmed-maiteeq"})
	}
	err = s.DeleteArticle(ctx, "a3-tripoli")
	checkErr(t, "DeleteArticle twice", err, graph.ErrNotFound)
	err = s.DeleteArticle(ctx, "nobody")
	checkErr(t, "DeleteArticle(nobody)", err, graph.ErrNotFound)
	loadAll(t, s, Fixture()[2:3])
	testCounts(t, s, graph.Counts{Actors: 12, Articles: 4, Claims: 18})
}

func testUpsert(t *testing.T, s graph.Store) {
	loadAll(t, s, Fixture())
	haftar := fixtureActor("khalifa-haftar")
	haftar.Name = "Khalifa Belqasim Haftar"
	haftar.Aliases = []string{"حفتر"}
	a := graph.Article{ID: "a5-benghazi", Title: "بنغازي", Text: "التقى حفتر وفدا مصريا في بنغازي."}
	d := NewDocument(a, []graph.Actor{haftar, fixtureActor("lna"), fixtureActor("egypt")},
		mentions("khalifa-haftar", 1, "egypt", 1),
		ClaimSpec{graph.Met, "khalifa-haftar", "egypt", "التقى حفتر وفدا مصريا", graph.Asserted, 0.9})
	if err := s.LoadArticle(ctx, d); err != nil {
		t.Fatalf("LoadArticle: %v", err)
	}
	testCounts(t, s, graph.Counts{Actors: 12, Articles: 5, Claims: 19})
	got, err := s.Actor(ctx, "khalifa-haftar")
	if checkErr(t, "Actor", err, nil) {
		checkActor(t, "Actor after an upsert", got, haftar)
	}
	tests := []struct {
		text string
		want []match
	}{
		{"belqasim", []match{{"khalifa-haftar", arabic.ScoreTokens, "Khalifa Belqasim Haftar"}}},
		{"marshal", nil},
		{"المشير", nil},
		{"حفتر", []match{{"khalifa-haftar", arabic.ScoreExact, "حفتر"}}},
	}
	for _, tt := range tests {
		ms, err := s.SearchActors(ctx, graph.SearchQuery{Text: tt.text})
		if !checkErr(t, "SearchActors", err, nil) {
			continue
		}
		var gotM []match
		for _, m := range ms {
			gotM = append(gotM, match{m.Actor.ID, m.Score, m.Matched})
		}
		if !slices.Equal(gotM, tt.want) {
			t.Errorf("SearchActors(%q) after an upsert:\n got  %v\n want %v", tt.text, gotM, tt.want)
		}
	}
}

// testClaimRule checks that a claim's Rule (the extractor's construction
// that found it) is stored and read back, and that an empty one stays empty.
func testClaimRule(t *testing.T, s graph.Store) {
	d := Fixture()[0]
	d.Claims = slices.Clone(d.Claims)
	d.Claims[0].Rule = "verb/subject-first"
	loadAll(t, s, []graph.Document{d})
	got, err := s.ArticleClaims(ctx, d.Article.ID)
	if !checkErr(t, "ArticleClaims", err, nil) {
		return
	}
	for _, c := range got {
		want := ""
		if c.ID == d.Claims[0].ID {
			want = d.Claims[0].Rule
		}
		if c.Rule != want {
			t.Errorf("claim %s: got rule %q, want %q", c.ID, c.Rule, want)
		}
	}
}
