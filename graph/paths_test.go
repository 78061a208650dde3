package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// referencePaths enumerates the shortest paths by brute force: every simple
// path up to maxLen hops whose intermediate actors pass the kind filter,
// keeping the shortest, sorted. It is the specification FindShortestPaths
// is checked against.
func referencePaths(g adjacency, q PathQuery) [][]string {
	next := map[string][]string{}
	for _, e := range g.edges {
		next[e[0]] = append(next[e[0]], e[1])
		next[e[1]] = append(next[e[1]], e[0])
	}
	var found [][]string
	var walk func(path []string)
	walk = func(path []string) {
		last := path[len(path)-1]
		if last == q.To {
			found = append(found, slices.Clone(path))
			return
		}
		if len(path)-1 == q.MaxLength {
			return
		}
		for _, n := range next[last] {
			if slices.Contains(path, n) || (n != q.To && !q.Filter.MatchKind(g.kinds[n])) {
				continue
			}
			walk(append(path, n))
		}
	}
	walk([]string{q.From})
	if len(found) == 0 {
		return [][]string{}
	}
	shortest := len(found[0])
	for _, p := range found {
		shortest = min(shortest, len(p))
	}
	var out [][]string
	for _, p := range found {
		if len(p) == shortest && !slices.ContainsFunc(out, func(o []string) bool { return slices.Equal(o, p) }) {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, slices.Compare)
	if len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out
}

func TestFindShortestPathsMatchesBruteForce(t *testing.T) {
	for seed := range 300 {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(seed), 7))
			n := 3 + r.IntN(10)
			g := adjacency{kinds: map[string]Kind{}}
			for i := range n {
				g.kinds[fmt.Sprint("a", i)] = Kinds[r.IntN(len(Kinds))]
			}
			for range r.IntN(3 * n) {
				a, b := r.IntN(n), r.IntN(n)
				if a != b {
					g.edges = append(g.edges, [2]string{fmt.Sprint("a", a), fmt.Sprint("a", b)})
				}
			}
			q := PathQuery{From: "a0", To: fmt.Sprint("a", 1+r.IntN(n-1)), MaxLength: 1 + r.IntN(MaxPathLength), Limit: 1 + r.IntN(6)}
			if r.IntN(3) == 0 {
				q.Filter.Kinds = []Kind{Kinds[r.IntN(len(Kinds))]}
			}
			q, err := q.Normalize()
			if err != nil {
				t.Fatal(err)
			}
			got, err := FindShortestPaths(context.Background(), q, g.links)
			if err != nil {
				t.Fatal(err)
			}
			if want := referencePaths(g, q); !reflect.DeepEqual(got, want) {
				t.Errorf("query %+v on %v:\ngot  %v\nwant %v", q, g.edges, got, want)
			}
		})
	}
}
