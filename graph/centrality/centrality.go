// Package centrality scores the actors of a subgraph (degree and PageRank)
// with gonum. It is the one package that imports gonum, so that the web API
// and the exports compute the same scores.
package centrality

import (
	"math"
	"slices"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/rawabit/rawabit/graph"
)

// Scores holds the centrality scores of the actors of one subgraph (not of
// the whole store: a neighbourhood's scores describe the view the analyst is
// looking at). Both maps hold every id given to Compute.
type Scores struct {
	// Degree counts an actor's distinct neighbours in the subgraph, over
	// every relation type and direction (gonum's graph.Undirect view).
	Degree map[string]int
	// PageRank is gonum's PageRank (network.PageRankSparse, damping 0.85) on
	// the directed graph in which SUPPORTED and OPPOSED edges point from
	// source to target and a MET edge points both ways. The scores sum to
	// 1; they are rounded to six decimals after converging to 1e-10, so
	// that answers do not depend on gonum's random starting vector.
	PageRank map[string]float64
}

const (
	pageRankDamping   = 0.85
	pageRankTolerance = 1e-10
)

// Compute scores ids over edges with gonum's network package. Edges with an
// end outside ids, and self-loops, are ignored.
func Compute(ids []string, edges []graph.Edge) Scores {
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	g := newCompactGraph(len(ids))
	for _, e := range edges {
		s, okS := index[e.Source]
		t, okT := index[e.Target]
		if !okS || !okT || s == t {
			continue
		}
		g.addArc(s, t)
		if !e.Type.Directed() {
			g.addArc(t, s)
		}
	}
	g.finish()
	c := Scores{Degree: make(map[string]int, len(ids)), PageRank: make(map[string]float64, len(ids))}
	var ranks map[int64]float64
	if len(ids) > 0 {
		ranks = network.PageRankSparse(g, pageRankDamping, pageRankTolerance)
	}
	undirected := gg.Undirect{G: g}
	for id, n := range index {
		c.Degree[id] = undirected.From(int64(n)).Len()
		c.PageRank[id] = math.Round(ranks[int64(n)]*1e6) / 1e6
	}
	return c
}

// compactGraph is a gonum graph.Directed over nodes 0..n-1 stored as
// sorted adjacency slices: much cheaper to build per request than
// simple.DirectedGraph's maps.
type compactGraph struct {
	nodes []gg.Node
	out   [][]gg.Node
	in    [][]gg.Node
}

func newCompactGraph(n int) *compactGraph {
	g := &compactGraph{nodes: make([]gg.Node, n), out: make([][]gg.Node, n), in: make([][]gg.Node, n)}
	for i := range g.nodes {
		g.nodes[i] = simple.Node(i)
	}
	return g
}

func (g *compactGraph) addArc(from, to int) {
	g.out[from] = append(g.out[from], simple.Node(to))
	g.in[to] = append(g.in[to], simple.Node(from))
}

// finish sorts and deduplicates the adjacency lists.
func (g *compactGraph) finish() {
	byID := func(a, b gg.Node) int { return int(a.ID() - b.ID()) }
	same := func(a, b gg.Node) bool { return a.ID() == b.ID() }
	for i := range g.nodes {
		slices.SortFunc(g.out[i], byID)
		g.out[i] = slices.CompactFunc(g.out[i], same)
		slices.SortFunc(g.in[i], byID)
		g.in[i] = slices.CompactFunc(g.in[i], same)
	}
}

func (g *compactGraph) valid(id int64) bool { return id >= 0 && id < int64(len(g.nodes)) }

// Node returns the node with the given id, or nil.
func (g *compactGraph) Node(id int64) gg.Node {
	if !g.valid(id) {
		return nil
	}
	return g.nodes[id]
}

// Nodes returns every node in id order.
func (g *compactGraph) Nodes() gg.Nodes { return iterator.NewOrderedNodes(g.nodes) }

// From returns the nodes that id has an arc to.
func (g *compactGraph) From(id int64) gg.Nodes {
	if !g.valid(id) || len(g.out[id]) == 0 {
		return gg.Empty
	}
	return iterator.NewOrderedNodes(g.out[id])
}

// To returns the nodes that have an arc to id.
func (g *compactGraph) To(id int64) gg.Nodes {
	if !g.valid(id) || len(g.in[id]) == 0 {
		return gg.Empty
	}
	return iterator.NewOrderedNodes(g.in[id])
}

// HasEdgeFromTo reports whether there is an arc from u to v.
func (g *compactGraph) HasEdgeFromTo(u, v int64) bool {
	if !g.valid(u) || !g.valid(v) {
		return false
	}
	_, found := slices.BinarySearchFunc(g.out[u], v, func(n gg.Node, id int64) int { return int(n.ID() - id) })
	return found
}

// HasEdgeBetween reports whether there is an arc between x and y in either
// direction.
func (g *compactGraph) HasEdgeBetween(x, y int64) bool {
	return g.HasEdgeFromTo(x, y) || g.HasEdgeFromTo(y, x)
}

// Edge returns the arc from u to v, or nil.
func (g *compactGraph) Edge(u, v int64) gg.Edge {
	if !g.HasEdgeFromTo(u, v) {
		return nil
	}
	return simple.Edge{F: g.nodes[u], T: g.nodes[v]}
}
