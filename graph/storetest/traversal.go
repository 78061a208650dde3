package storetest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

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
