package web

import (
	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/export"
)

// nodeLimitSteps are the node limits the viewer offers, before those above
// the server's own limit are dropped (see metaView.NodeLimits).
var nodeLimitSteps = []int{100, 250, 500, 1000, 2000, 5000}

// metaView is the answer of GET /api/meta: every limit and enumeration the
// viewer offers, read from the graph package and the server's options, so
// that the viewer never offers a value the server refuses.
type metaView struct {
	Types       []graph.RelationType `json:"types"`
	Kinds       []graph.Kind         `json:"kinds"`
	Certainties []graph.Certainty    `json:"certainties"`
	// MaxDepth is the largest neighbourhood depth.
	MaxDepth int `json:"max_depth"`
	// MaxPathLength is the largest max hops of the path finder;
	// DefaultPathLength the default.
	MaxPathLength     int `json:"max_path_length"`
	DefaultPathLength int `json:"default_path_length"`
	// MaxNodes is the largest (and default) node limit of a view;
	// NodeLimits the choices up to it, MaxNodes last.
	MaxNodes   int   `json:"max_nodes"`
	NodeLimits []int `json:"node_limits"`
	// MaxNeighbours is the largest max_neighbours of a neighbourhood.
	MaxNeighbours int `json:"max_neighbours"`
	// MaxSubgraphIDs is the most ids one /api/subgraph request may list.
	MaxSubgraphIDs int `json:"max_subgraph_ids"`
	// MaxPathLimit is the most paths one /api/paths request may ask for.
	MaxPathLimit int `json:"max_path_limit"`
	// OverviewWholeMax is the most actors /api/overview lists whole.
	OverviewWholeMax int `json:"overview_whole_max"`
	// ExportFormats are the format names of /api/export.
	ExportFormats []export.Format `json:"export_formats"`
	// DateSources are the values of an article's date_source.
	DateSources []graph.DateSource `json:"date_sources"`
}

// registerMeta registers GET /api/meta.
func (s *Server) registerMeta() {
	registerJSON(s, "/api/meta", "getMeta", "The limits and enumerations the server accepts (relation types, actor kinds, certainties, largest depth, path length and node limit, the node limits to offer, export formats, date sources), so that a client never offers a value the server refuses.", s.handleMeta)
}

// meta reads the limits and enumerations from the endpoints' parameter
// descriptions (the same that decode requests and generate the OpenAPI
// description), so that they cannot differ from what the server accepts.
func (s *Server) meta() metaView {
	enum := func(path, name string) []string { return s.param(path, name).Schema.Items.Enum }
	maxOf := func(path, name string) int { return int(*s.param(path, name).Schema.Maximum) }
	m := metaView{
		MaxDepth:          maxOf("/api/actors/:id/neighbourhood", "depth"),
		MaxPathLength:     maxOf("/api/paths", "max"),
		DefaultPathLength: s.param("/api/paths", "max").Schema.Default.(int),
		MaxNodes:          s.opts.MaxNodes,
		MaxNeighbours:     maxOf("/api/actors/:id/neighbourhood", "max_neighbours"),
		MaxSubgraphIDs:    s.param("/api/subgraph", "ids").Schema.MaxItems,
		MaxPathLimit:      maxOf("/api/paths", "limit"),
		OverviewWholeMax:  OverviewWholeMax,
		DateSources:       graph.DateSources,
	}
	for _, t := range enum("/api/actors/:id/neighbourhood", "types") {
		m.Types = append(m.Types, graph.RelationType(t))
	}
	for _, k := range enum("/api/actors/:id/neighbourhood", "kinds") {
		m.Kinds = append(m.Kinds, graph.Kind(k))
	}
	for _, c := range enum("/api/actors/:id/neighbourhood", "certainties") {
		m.Certainties = append(m.Certainties, graph.Certainty(c))
	}
	for _, f := range s.param("/api/export", "format").Schema.Enum {
		m.ExportFormats = append(m.ExportFormats, export.Format(f))
	}
	for _, n := range nodeLimitSteps {
		if n < s.opts.MaxNodes {
			m.NodeLimits = append(m.NodeLimits, n)
		}
	}
	m.NodeLimits = append(m.NodeLimits, s.opts.MaxNodes)
	return m
}

// param returns the description of the query parameter name of the route
// at path; it panics when there is none (a programming error the meta test
// catches).
func (s *Server) param(path, name string) param {
	for _, r := range s.routes {
		if r.path == path {
			if p := findParam(r.params(), "query", name); p != nil {
				return *p
			}
		}
	}
	panic("web: no parameter " + name + " at " + path)
}

func (s *Server) handleMeta(echo.Context) (metaView, error) {
	return s.meta(), nil
}
