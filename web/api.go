package web

import (
	"cmp"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/export"
)

// route is one API endpoint: its path (echo syntax), its OpenAPI operation
// id and summary, and its parameters. It is the one description the server
// routes, decodes and validates by, and the OpenAPI description is
// generated from (see openAPI).
type route struct {
	path    string
	opID    string
	summary string
	// params describes the endpoint's parameters (bound to a fresh
	// parameter struct).
	params func() []param
	// post marks the one POST route, review decisions (review.go).
	post bool
	// response is the type of the endpoint's JSON answer (handleJSON), or
	// nil for an endpoint that writes its own (an export file, the review
	// lists), whose responses openapi.json keeps as written by hand.
	response reflect.Type
}

// registerAPI registers the read endpoints of the API (the others register
// themselves: registerMeta, registerOverview, registerReview,
// registerExport).
func (s *Server) registerAPI() {
	registerJSON(s, "/healthz", "health", "Liveness check.", s.handleHealth)
	registerJSON(s, "/api/stats", "stats", "Counts of actors, articles and claims.", s.handleStats)
	handleJSON(s, "/api/actors", "searchActors", "Search actors by Arabic or English name or alias, normalised (أحمد finds احمد), best first.", s.handleSearch)
	handleJSON(s, "/api/actors/:id", "getActor", "One actor with its names, affiliation and counts of relations by type.", s.handleActor)
	handleJSON(s, "/api/actors/:id/neighbourhood", "getNeighbourhood", "The actors within depth hops of an actor and the edges among them, with centrality.", s.handleNeighbourhood)
	handleJSON(s, "/api/subgraph", "getSubgraph", "The given actors and the edges among them matching the filters (the induced subgraph), with centrality computed on it. The viewer uses it to draw every link among the actors on its canvas after an expansion or a path.", s.handleSubgraph)
	handleJSON(s, "/api/paths", "findPaths", "Shortest paths between two actors (claim direction ignored), each hop with its evidence.", s.handlePaths)
	handleJSON(s, "/api/claims", "listClaims", "The claims between actors, each with its quote, offsets and article.", s.handleClaims)
	handleJSON(s, "/api/articles/:id", "getArticle", "One article: metadata, text and its claims with offsets.", s.handleArticle)
	s.getPlain("/api/openapi.json", "openapi", "This description.", s.handleOpenAPI)
}

// queryNames returns the names of the route's query parameters.
func (r route) queryNames() []string {
	var names []string
	for _, p := range r.params() {
		if p.In == "query" {
			names = append(names, p.Name)
		}
	}
	return names
}

// endpointParams is the parameter struct of an endpoint: params describes
// its parameters, bound to its fields, after setting their defaults.
type endpointParams interface {
	params(s *Server) []param
}

// handle registers a GET (and HEAD) endpoint whose parameters are the struct
// P: each request gets a fresh P, filled by decode (any other query
// parameter, or one given twice, is a 400 naming it), and a graph
// validation error of the handler naming a query field is reported as an
// error of the parameter that filled it.
func handle[T any, P interface {
	*T
	endpointParams
}](s *Server, path, opID, summary string, h func(echo.Context, P) error) {
	s.routes = append(s.routes, route{path: path, opID: opID, summary: summary,
		params: func() []param { return P(new(T)).params(s) }})
	s.echo.Match([]string{http.MethodGet, http.MethodHead}, path, func(c echo.Context) error {
		p := P(new(T))
		ps := p.params(s)
		if err := decode(c, ps); err != nil {
			return err
		}
		return asParamError(h(c, p), ps)
	})
}

// handleJSON registers a GET (and HEAD) endpoint like handle whose answer
// is h's result as JSON with status 200: R is the response type, and
// openapi.json describes the answer from it (see openAPI).
func handleJSON[T any, P interface {
	*T
	endpointParams
}, R any](s *Server, path, opID, summary string, h func(echo.Context, P) (R, error)) {
	handle(s, path, opID, summary, func(c echo.Context, p P) error {
		r, err := h(c, p)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, r)
	})
	s.routes[len(s.routes)-1].response = reflect.TypeFor[R]()
}

// registerJSON registers a GET endpoint without parameters answering h's result
// as JSON (see handleJSON).
func registerJSON[R any](s *Server, path, opID, summary string, h func(echo.Context) (R, error)) {
	handleJSON(s, path, opID, summary, func(c echo.Context, _ *noParams) (R, error) { return h(c) })
}

// noParams is the parameter struct of an endpoint without parameters.
type noParams struct{}

func (*noParams) params(*Server) []param { return nil }

// getPlain registers a GET endpoint without parameters.
func (s *Server) getPlain(path, opID, summary string, h echo.HandlerFunc) {
	handle(s, path, opID, summary, func(c echo.Context, _ *noParams) error { return h(c) })
}

// idParams is the parameter struct of an endpoint about one actor or
// article: the path parameter id.
type idParams struct{ ID string }

func (p *idParams) params(*Server) []param {
	return []param{idParam(&p.ID, "path", "id", true, "Actor id (a lower-case slug such as khalifa-haftar).")}
}

// articleIDParams is idParams for an article.
type articleIDParams struct{ ID string }

func (p *articleIDParams) params(*Server) []param {
	return []param{articleIDParam(&p.ID, "Article id (the file name without extension).")}
}

// The parameters shared by several endpoints, each defined once.

func depthParam(p *int) param {
	return intParam(p, "depth", 1, 1, graph.MaxDepth, "Hops from the actor.")
}

func maxNeighboursParam(p *int) param {
	return intParam(p, "max_neighbours", graph.DefaultMaxNeighbours, 1, graph.MaxMaxNeighbours,
		"Largest number of new neighbours one actor contributes; the rest are reported in omitted.")
}

func nodeLimitParam(p *int, s *Server) param {
	return intParam(p, "limit", s.opts.MaxNodes, 1, graph.MaxMaxNodes,
		"Largest number of nodes (server option MaxNodes, default 500, at most 5000).", "max_nodes")
}

func subgraphIDsParam(p *[]string, required bool, desc string) param {
	return idsParam(p, "ids", graph.MaxSubgraphIDs, required, desc)
}

func maxLengthParam(p *int) param {
	return intParam(p, "max", graph.DefaultPathLength, 1, graph.MaxPathLength, "Largest number of hops.", "max_length")
}

func pathLimitParam(p *int) param {
	return intParam(p, "limit", graph.DefaultLimit, 1, graph.MaxLimit, "Largest number of paths.")
}

// searchParams are the parameters of GET /api/actors.
type searchParams struct{ Q graph.SearchQuery }

func (p *searchParams) params(*Server) []param {
	return []param{
		textParam(&p.Q.Text, "q", graph.MaxSearchTextBytes, true, "Search text, Arabic or English, up to 256 bytes.", "text"),
		listParam(&p.Q.Kinds, "kind", graph.Kinds, graph.ParseKind, "Actor kinds, comma-separated: person, state, organisation.", "kinds"),
		intParam(&p.Q.Limit, "limit", graph.DefaultLimit, 1, graph.MaxLimit, "Largest number of results."),
	}
}

// neighbourhoodParams are the parameters of GET
// /api/actors/{id}/neighbourhood.
type neighbourhoodParams struct{ Q graph.NeighbourhoodQuery }

func (p *neighbourhoodParams) params(s *Server) []param {
	ps := []param{
		idParam(&p.Q.Center, "path", "id", true, "Actor id (a lower-case slug such as khalifa-haftar).", "center"),
		depthParam(&p.Q.Depth),
	}
	ps = append(ps, filterParams(&p.Q.Filter, kindsKept)...)
	return append(ps, nodeLimitParam(&p.Q.MaxNodes, s), maxNeighboursParam(&p.Q.MaxNeighbours))
}

// query returns the normalised query; a limit above the server's node limit
// is a 400 naming limit.
func (p *neighbourhoodParams) query(s *Server) (graph.NeighbourhoodQuery, error) {
	if p.Q.MaxNodes > s.opts.MaxNodes {
		return p.Q, graph.Invalidf("max_nodes", "%d is outside 1..%d (the server's node limit)", p.Q.MaxNodes, s.opts.MaxNodes)
	}
	return p.Q.Normalize()
}

// subgraphParams are the parameters of GET /api/subgraph.
type subgraphParams struct{ Q graph.SubgraphQuery }

func (p *subgraphParams) params(*Server) []param {
	return append([]param{subgraphIDsParam(&p.Q.IDs, true,
		"Actor ids, comma-separated (at most "+intText(graph.MaxSubgraphIDs)+" distinct). Every id must be known: an unknown one is a 404 naming it.")},
		filterParams(&p.Q.Filter, kindsChecked)...)
}

// pathParams are the parameters of GET /api/paths.
type pathParams struct{ Q graph.PathQuery }

func (p *pathParams) params(*Server) []param {
	ps := []param{
		idParam(&p.Q.From, "query", "from", true, "Actor id where paths start."),
		idParam(&p.Q.To, "query", "to", true, "Actor id where paths end."),
		maxLengthParam(&p.Q.MaxLength),
	}
	ps = append(ps, filterParams(&p.Q.Filter, kindsKept)...)
	return append(ps, pathLimitParam(&p.Q.Limit))
}

// claimParams are the parameters of GET /api/claims.
type claimParams struct{ Q graph.ClaimQuery }

func (p *claimParams) params(*Server) []param {
	ps := []param{
		idParam(&p.Q.Source, "query", "source", false, "Source actor id. At least one of source and target is required."),
		idParam(&p.Q.Target, "query", "target", false, "Target actor id."),
		listParam(&p.Q.Filter.Types, "type", graph.RelationTypes, graph.ParseRelationType,
			"Relation types, comma-separated, any case. MET claims match in either direction when both actors are given.", "types"),
	}
	ps = append(ps, filterParams(&p.Q.Filter, kindsNone)[1:]...) // types is named type here
	return append(ps, intParam(&p.Q.Limit, "limit", graph.MaxClaims, 1, graph.MaxClaims, "Largest number of claims."))
}

// overviewParams are the parameters of GET /api/overview.
type overviewParams struct{ F graph.Filter }

func (p *overviewParams) params(*Server) []param {
	return filterParams(&p.F, kindsRanked)
}

// limitParams are the parameters of a list with only a limit (the articles
// mentioning an actor, the review queue).
type limitParams struct {
	ID    string
	Limit int
}

// articlesParams are the parameters of GET /api/actors/{id}/articles.
type articlesParams limitParams

func (p *articlesParams) params(*Server) []param {
	return []param{
		idParam(&p.ID, "path", "id", true, "Actor id."),
		intParam(&p.Limit, "limit", graph.DefaultLimit, 1, graph.MaxLimit, "At most this many articles, 1..1000."),
	}
}

// reviewListParams are the parameters of the review queue and the rejected
// claims.
type reviewListParams limitParams

func (p *reviewListParams) params(*Server) []param {
	return []param{intParam(&p.Limit, "limit", graph.DefaultLimit, 1, graph.MaxReviewQueue, "Largest number of claims, 1..1000 (default 20).")}
}

// exportParams are the parameters of GET /api/export: the format, and the
// neighbourhood, subgraph and path parameters (the same definitions as
// their endpoints'), of which exactly one selection is given.
type exportParams struct {
	Format export.Format
	N      neighbourhoodParams
	S      subgraphParams
	P      pathParams
	// Limit is the neighbourhood's node limit or the paths' limit.
	Limit  int
	Filter graph.Filter
}

func (p *exportParams) params(s *Server) []param {
	format := param{Name: "format", In: "query", Required: true,
		Description: "Export format: graphml (GraphML, typed keys), gexf (GEXF 1.3 for Gephi), json (Cytoscape.js elements), csv (zip of Gephi nodes.csv, edges.csv, articles.csv), neo4j-csv (zip for neo4j-admin database import), cypher (MERGE script, idempotent), jsonl (one claim per line, as rawabit extract writes).",
		Schema:      schema{Type: "string", Enum: formatNames()},
		set: func(v string) error {
			f, err := export.ParseFormat(v)
			if err != nil {
				return graph.Invalidf("format", "unknown format %q (want one of %s)", v, joinNames(formatNames()))
			}
			p.Format = f
			return nil
		}}
	depth := depthParam(&p.N.Q.Depth)
	depth.Description = "Neighbourhood depth (with center)."
	maxN := maxNeighboursParam(&p.N.Q.MaxNeighbours)
	maxN.Description = "New neighbours taken per expanded actor (with center)."
	maxLen := maxLengthParam(&p.P.Q.MaxLength)
	maxLen.Description = "Largest number of hops of a path (with from and to)."
	limit := param{Name: "limit", In: "query", fields: []string{"max_nodes", "limit"},
		Description: "With center: largest number of actors (default and maximum: the server's node limit). With from and to: largest number of paths (1.." + intText(graph.MaxLimit) + ", default " + intText(graph.DefaultLimit) + ").",
		Schema:      schema{Type: "integer", Minimum: bound(1)}}
	limit.set = intParam(&p.Limit, "limit", 0, 1, graph.MaxMaxNodes, "").set
	ps := []param{
		format,
		idParam(&p.N.Q.Center, "query", "center", false, "Export the neighbourhood of this actor id. Give exactly one of center, ids, or from and to."),
		depth, maxN,
		subgraphIDsParam(&p.S.Q.IDs, false, "Export these actors and the claims among them: actor ids, comma-separated (at most "+intText(graph.MaxSubgraphIDs)+")."),
		idParam(&p.P.Q.From, "query", "from", false, "Export the shortest paths from this actor id (with to)."),
		idParam(&p.P.Q.To, "query", "to", false, "Export the shortest paths to this actor id (with from)."),
		maxLen, limit,
	}
	return append(ps, filterParams(&p.Filter, kindsExport)...)
}

// selection returns the export selection: the one query given, normalised
// by graph (its errors name the query's fields).
func (p *exportParams) selection(s *Server) (export.Selection, error) {
	sel := export.Selection{Center: p.N.Q.Center, IDs: p.S.Q.IDs, From: p.P.Q.From, To: p.P.Q.To, Filter: p.Filter}
	if err := sel.Validate(); err != nil {
		return sel, err
	}
	switch {
	case sel.Center != "":
		p.N.Q.Filter = p.Filter
		p.N.Q.MaxNodes = cmp.Or(p.Limit, s.opts.MaxNodes)
		q, err := p.N.query(s)
		if err != nil {
			return sel, err
		}
		sel.Depth, sel.MaxNodes, sel.MaxNeighbours = q.Depth, q.MaxNodes, q.MaxNeighbours
	case len(sel.IDs) > 0:
		p.S.Q.Filter = p.Filter
		q, err := p.S.Q.Normalize()
		if err != nil {
			return sel, err
		}
		sel.IDs = q.IDs
	default:
		p.P.Q.Filter = p.Filter
		if p.Limit != 0 {
			p.P.Q.Limit = p.Limit
		}
		q, err := p.P.Q.Normalize()
		if err != nil {
			return sel, err
		}
		sel.MaxLength, sel.Limit = q.MaxLength, q.Limit
	}
	return sel, nil
}

func intText(n int) string { return strconv.Itoa(n) }

// formatNames lists the export formats' names.
func formatNames() []string {
	names := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		names[i] = string(f)
	}
	return names
}

func joinNames(names []string) string { return strings.Join(names, ", ") }
