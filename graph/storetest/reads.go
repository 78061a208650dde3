package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

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
