package storetest

import (
	"cmp"
	"slices"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// fixtureClaimsWhere returns the keys of the fixture's claims between two
// of ids whose article passes f's claim and date tests.
func fixtureClaimsWhere(ids []string, f graph.Filter) []string {
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	var keys []string
	for _, d := range Fixture() {
		for _, c := range d.Claims {
			if in[c.Source] && in[c.Target] && f.MatchClaim(c) && f.MatchDate(d.Article.Published) {
				keys = append(keys, ClaimKey(c))
			}
		}
	}
	slices.Sort(keys)
	return keys
}

func fixtureActorIDs() []string {
	var ids []string
	for _, a := range FixtureActors() {
		ids = append(ids, a.ID)
	}
	return ids
}

// testDateRange checks that Filter.Since and Until keep exactly the claims
// of the articles published in the range (undated articles out) in every
// query that takes a filter. The fixture's dated articles are a1 (2020-01-15),
// a2 (2020-01-20) and a4 (2020-02-01); a3 is undated.
func testDateRange(t *testing.T, s graph.Store) {
	all := fixtureActorIDs()
	tests := []struct {
		name      string
		f         graph.Filter
		wantCount int
	}{
		{"no range", graph.Filter{}, 18},
		{"since a day", graph.Filter{Since: day("2020-01-16")}, 9},
		{"until a day", graph.Filter{Until: day("2020-01-15")}, 3},
		{"one day both ends inclusive", graph.Filter{Since: day("2020-01-20"), Until: day("2020-01-20")}, 4},
		{"range with types", graph.Filter{Since: day("2020-01-01"), Until: day("2020-01-31"), Types: []graph.RelationType{graph.Met}}, 3},
		{"nothing in range", graph.Filter{Since: day("2021-01-01")}, 0},
	}
	for _, tt := range tests {
		t.Run("Subgraph "+tt.name, func(t *testing.T) {
			got, err := s.Subgraph(ctx, all, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			want := fixtureClaimsWhere(all, tt.f)
			if len(want) != tt.wantCount {
				t.Fatalf("fixture: got %d claims in range, want %d (the fixture changed?)", len(want), tt.wantCount)
			}
			checkStrings(t, "Subgraph claims in range", claimKeys(got.Claims), want)
		})
	}
	t.Run("Neighbourhood until the first article", func(t *testing.T) {
		got, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 2, Filter: graph.Filter{Until: day("2020-01-15")}})
		if err != nil {
			t.Fatal(err)
		}
		checkNodes(t, "Neighbourhood(khalifa-haftar, until 2020-01-15)", got.Nodes, []string{"egypt", "khalifa-haftar", "lna", "uae"})
	})
	t.Run("ShortestPaths outside the range", func(t *testing.T) {
		q := graph.PathQuery{From: "turkey", To: "usa", MaxLength: 6}
		got, err := s.ShortestPaths(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			t.Fatalf("got no path from turkey to usa without a range, want one")
		}
		q.Filter.Until = day("2020-01-31")
		got, err = s.ShortestPaths(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("got %d paths from turkey to usa until 2020-01-31, want none (usa's claims are all of 2020-02-01)", len(got))
		}
	})
	t.Run("until before since", func(t *testing.T) {
		_, err := s.Subgraph(ctx, all, graph.Filter{Since: day("2020-02-01"), Until: day("2020-01-01")})
		checkErr(t, "Subgraph(until before since)", err, graph.ErrInvalid)
	})
}

func testOverview(t *testing.T, s graph.Store) {
	t.Run("whole store", func(t *testing.T) {
		got, err := s.Overview(ctx, graph.OverviewQuery{Top: 100})
		if err != nil {
			t.Fatal(err)
		}
		if got.Counts != (graph.Counts{Actors: 12, Articles: 4, Claims: 18}) {
			t.Errorf("got counts %+v, want 12 actors, 4 articles, 18 claims", got.Counts)
		}
		if len(got.Top) != 12 {
			t.Fatalf("got %d ranked actors, want all 12", len(got.Top))
		}
		if got.Top[0].Actor.ID != "un" || got.Top[0].Neighbours != 5 {
			t.Errorf("got first %s with %d neighbours, want un with 5", got.Top[0].Actor.ID, got.Top[0].Neighbours)
		}
		if !slices.IsSortedFunc(got.Top, func(a, b graph.ActorDegree) int {
			return cmp.Or(cmp.Compare(b.Neighbours, a.Neighbours), cmp.Compare(b.Claims, a.Claims), cmp.Compare(a.Actor.ID, b.Actor.ID))
		}) {
			t.Errorf("got top %v, want it sorted by neighbours, claims, id", got.Top)
		}
		wantMonths := []graph.MonthCount{{Month: "2020-01", Claims: 7}, {Month: "2020-02", Claims: 5}}
		if !slices.Equal(got.Months, wantMonths) || got.Undated != 6 {
			t.Errorf("got months %v and %d undated, want %v and 6", got.Months, got.Undated, wantMonths)
		}
	})
	t.Run("filtered", func(t *testing.T) {
		got, err := s.Overview(ctx, graph.OverviewQuery{Top: 2, Filter: graph.Filter{Since: day("2020-01-16"), Kinds: []graph.Kind{graph.KindState}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Top) != 2 || got.Top[0].Actor.ID != "turkey" && got.Top[0].Actor.ID != "usa" {
			t.Errorf("got top %v, want 2 states led by turkey or usa", got.Top)
		}
		for _, a := range got.Top {
			if a.Actor.Kind != graph.KindState {
				t.Errorf("got %s of kind %s among the states", a.Actor.ID, a.Actor.Kind)
			}
		}
		wantMonths := []graph.MonthCount{{Month: "2020-01", Claims: 4}, {Month: "2020-02", Claims: 5}}
		if !slices.Equal(got.Months, wantMonths) || got.Undated != 0 {
			t.Errorf("got months %v and %d undated, want %v and 0", got.Months, got.Undated, wantMonths)
		}
	})
	t.Run("no claim in range", func(t *testing.T) {
		got, err := s.Overview(ctx, graph.OverviewQuery{Top: 3, Filter: graph.Filter{Since: day("2021-01-01")}})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range got.Top {
			ids = append(ids, a.Actor.ID)
			if a.Neighbours != 0 || a.Claims != 0 {
				t.Errorf("got %s with %d neighbours and %d claims, want none", a.Actor.ID, a.Neighbours, a.Claims)
			}
		}
		checkStrings(t, "Overview top without claims", ids, []string{"ahmed-maiteeq", "ahmed-mismari", "egypt"})
		if len(got.Months) != 0 || got.Undated != 0 {
			t.Errorf("got months %v and %d undated, want none", got.Months, got.Undated)
		}
	})
	t.Run("bad query", func(t *testing.T) {
		_, err := s.Overview(ctx, graph.OverviewQuery{Top: graph.MaxSubgraphIDs + 1})
		checkErr(t, "Overview(too many)", err, graph.ErrInvalid)
	})
}

func testMentioningArticles(t *testing.T, s graph.Store) {
	tests := []struct {
		actor string
		limit int
		want  []string
		error error
	}{
		{"khalifa-haftar", 10, []string{"a4-new-york", "a2-ankara", "a1-cairo", "a3-tripoli"}, nil},
		{"khalifa-haftar", 2, []string{"a4-new-york", "a2-ankara"}, nil},
		{"lna", 10, []string{"a1-cairo", "a3-tripoli"}, nil},
		{"nobody", 10, nil, graph.ErrNotFound},
		{"lna", 0, nil, graph.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.actor, func(t *testing.T) {
			got, err := s.MentioningArticles(ctx, tt.actor, tt.limit)
			if !checkErr(t, "MentioningArticles", err, tt.error) {
				return
			}
			var ids []string
			for _, a := range got {
				ids = append(ids, a.ID)
				if a.Text != "" {
					t.Errorf("article %s: got its text, want none", a.ID)
				}
				if a.Title == "" {
					t.Errorf("article %s: got no title", a.ID)
				}
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("got articles %v, want %v", ids, tt.want)
			}
		})
	}
}
