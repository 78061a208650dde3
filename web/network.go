package web

import (
	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/centrality"
)

// nodeView is a node of a neighbourhood or path: the actor and its
// centrality in the returned subgraph.
type nodeView struct {
	graph.Actor
	Degree   int     `json:"degree"`
	PageRank float64 `json:"pagerank"`
	// Omitted counts this actor's neighbours left out by a cap.
	Omitted int `json:"omitted,omitempty"`
}

// edgeView is an aggregated edge with a stable id.
type edgeView struct {
	ID string `json:"id"`
	graph.Edge
}

func edgeViews(edges []graph.Edge) []edgeView {
	out := make([]edgeView, len(edges))
	for i, e := range edges {
		out[i] = edgeView{ID: e.ID(), Edge: e}
	}
	return out
}

// neighbourhoodView is the answer of GET /api/actors/{id}/neighbourhood.
type neighbourhoodView struct {
	Center    string           `json:"center"`
	Nodes     []nodeView       `json:"nodes"`
	Edges     []edgeView       `json:"edges"`
	Omitted   []graph.Omission `json:"omitted"`
	Truncated bool             `json:"truncated"`
}

func (s *Server) handleNeighbourhood(c echo.Context, p *neighbourhoodParams) (neighbourhoodView, error) {
	q, err := p.query(s)
	if err != nil {
		return neighbourhoodView{}, err
	}
	sg, err := s.store.Neighbourhood(c.Request().Context(), q)
	if err != nil {
		return neighbourhoodView{}, err
	}
	v := neighbourhoodView{Center: q.Center, Omitted: sg.Omitted, Truncated: sg.Truncated}
	if v.Omitted == nil {
		v.Omitted = []graph.Omission{}
	}
	edges := graph.Aggregate(sg.Claims)
	v.Edges = edgeViews(edges)
	v.Nodes = nodeViews(sg.Nodes, edges, sg.Omitted)
	return v, nil
}

// LightSubgraphIDs is the most ids of a GET /api/subgraph request that is
// not counted as heavy (see Options.MaxHeavy).
const LightSubgraphIDs = 200

// subgraphView is the answer of GET /api/subgraph.
type subgraphView struct {
	Nodes []nodeView `json:"nodes"`
	Edges []edgeView `json:"edges"`
}

// handleSubgraph answers with the given actors and the aggregated edges
// among them matching the filters, with centrality computed on that
// subgraph. Too many ids or a malformed one is a 400 naming ids; an unknown
// id is a 404 naming it.
func (s *Server) handleSubgraph(c echo.Context, p *subgraphParams) (subgraphView, error) {
	q, err := p.Q.Normalize()
	if err != nil {
		return subgraphView{}, err
	}
	if len(q.IDs) > LightSubgraphIDs {
		release, err := s.heavySlot(c)
		if err != nil {
			return subgraphView{}, err
		}
		defer release()
	}
	sg, err := s.store.Subgraph(c.Request().Context(), q.IDs, q.Filter)
	if err != nil {
		return subgraphView{}, err
	}
	edges := graph.Aggregate(sg.Claims)
	return subgraphView{Nodes: nodeViews(sg.Nodes, edges, nil), Edges: edgeViews(edges)}, nil
}

func nodeViews(actors []graph.Actor, edges []graph.Edge, omitted []graph.Omission) []nodeView {
	ids := make([]string, len(actors))
	for i, a := range actors {
		ids[i] = a.ID
	}
	cent := centrality.Compute(ids, edges)
	left := make(map[string]int, len(omitted))
	for _, o := range omitted {
		left[o.Actor] = o.Count
	}
	out := make([]nodeView, len(actors))
	for i, a := range actors {
		out[i] = nodeView{Actor: a, Degree: cent.Degree[a.ID], PageRank: cent.PageRank[a.ID], Omitted: left[a.ID]}
	}
	return out
}
