package web

import (
	"net/http"

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
	s.get("/api/meta", s.handleMeta)
}

func (s *Server) meta() metaView {
	m := metaView{
		Types: graph.RelationTypes, Kinds: graph.Kinds, Certainties: graph.Certainties,
		MaxDepth: graph.MaxDepth, MaxPathLength: graph.MaxPathLength, DefaultPathLength: export.DefaultPathLength,
		MaxNodes: s.opts.MaxNodes, MaxNeighbours: graph.MaxMaxNeighbours, MaxSubgraphIDs: MaxSubgraphIDs,
		MaxPathLimit: graph.MaxLimit, OverviewWholeMax: OverviewWholeMax,
		ExportFormats: export.Formats, DateSources: graph.DateSources,
	}
	for _, n := range nodeLimitSteps {
		if n < s.opts.MaxNodes {
			m.NodeLimits = append(m.NodeLimits, n)
		}
	}
	m.NodeLimits = append(m.NodeLimits, s.opts.MaxNodes)
	return m
}

func (s *Server) handleMeta(c echo.Context) error {
	return c.JSON(http.StatusOK, s.meta())
}
