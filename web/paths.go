package web

import (
	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
)

// pathStepView is one hop of a path with its aggregated edges and claims.
type pathStepView struct {
	From   string      `json:"from"`
	To     string      `json:"to"`
	Edges  []edgeView  `json:"edges"`
	Claims []claimView `json:"claims"`
}

type pathView struct {
	Nodes []graph.Actor  `json:"nodes"`
	Steps []pathStepView `json:"steps"`
}

// pathsResult is the answer of GET /api/paths.
type pathsResult struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Paths []pathView `json:"paths"`
}

func (s *Server) handlePaths(c echo.Context, p *pathParams) (pathsResult, error) {
	ctx := c.Request().Context()
	q, err := p.Q.Normalize()
	if err != nil {
		return pathsResult{}, err
	}
	release, err := s.heavySlot(c)
	if err != nil {
		return pathsResult{}, err
	}
	defer release()
	paths, err := s.store.ShortestPaths(ctx, q)
	if err != nil {
		return pathsResult{}, err
	}
	// The claims of every step of every path in one list, so that each
	// article's offsets are computed in one pass.
	var all []graph.Claim
	for _, p := range paths {
		for _, st := range p.Steps {
			all = append(all, st.Claims...)
		}
	}
	views, err := (&articleCache{store: s.store}).claimViews(ctx, all)
	if err != nil {
		return pathsResult{}, err
	}
	out := make([]pathView, len(paths))
	for i, p := range paths {
		out[i] = pathView{Nodes: p.Nodes, Steps: make([]pathStepView, len(p.Steps))}
		for j, st := range p.Steps {
			out[i].Steps[j] = pathStepView{From: st.From, To: st.To, Edges: edgeViews(graph.Aggregate(st.Claims)), Claims: views[:len(st.Claims):len(st.Claims)]}
			views = views[len(st.Claims):]
		}
	}
	return pathsResult{q.From, q.To, out}, nil
}
