package centrality

import (
	"testing"

	"github.com/rawabit/rawabit/graph"
)

func TestCentrality(t *testing.T) {
	edges := []graph.Edge{
		{Source: "a", Target: "hub", Type: graph.Supported},
		{Source: "b", Target: "hub", Type: graph.Supported},
		{Source: "c", Target: "hub", Type: graph.Opposed},
		{Source: "c", Target: "hub", Type: graph.Supported},
		{Source: "a", Target: "b", Type: graph.Met},
	}
	c := Compute([]string{"a", "b", "c", "hub", "lonely"}, edges)
	wantDegree := map[string]int{"a": 2, "b": 2, "c": 1, "hub": 3, "lonely": 0}
	for id, want := range wantDegree {
		if got := c.Degree[id]; got != want {
			t.Errorf("degree of %s: got %d, want %d", id, got, want)
		}
	}
	sum := 0.0
	for _, r := range c.PageRank {
		sum += r
	}
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("PageRank sums to %v, want 1", sum)
	}
	for _, id := range []string{"a", "b", "c", "lonely"} {
		if c.PageRank["hub"] <= c.PageRank[id] {
			t.Errorf("PageRank of hub %v is not above %s's %v", c.PageRank["hub"], id, c.PageRank[id])
		}
	}
	if empty := Compute(nil, nil); len(empty.Degree) != 0 {
		t.Errorf("empty graph: got degrees %v, want none", empty.Degree)
	}
}
