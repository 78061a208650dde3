package web

import (
	"cmp"
	"context"
	_ "embed"
	"errors"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/centrality"
)

// openAPIBase is the OpenAPI description generated for the default options;
// its hand-written parts are the base of every server's (see openAPI).
//
//go:embed openapi.json
var openAPIBase []byte

// healthBody is the answer of GET /healthz.
type healthBody struct {
	Status string `json:"status"`
}

func (s *Server) handleHealth(c echo.Context) error {
	return c.JSON(http.StatusOK, healthBody{Status: "ok"})
}

func (s *Server) handleStats(c echo.Context) error {
	counts, err := s.store.Counts(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, counts)
}

func (s *Server) handleOpenAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, s.openAPISpec)
}

// actorMatchView is one search result: the actor with its score and the
// name that matched.
type actorMatchView struct {
	graph.Actor
	Score   float64 `json:"score"`
	Matched string  `json:"matched"`
}

func (s *Server) handleSearch(c echo.Context, p *searchParams) error {
	q, err := p.Q.Normalize()
	if err != nil {
		return err
	}
	matches, err := s.store.SearchActors(c.Request().Context(), q)
	if err != nil {
		return err
	}
	out := make([]actorMatchView, len(matches))
	for i, m := range matches {
		out[i] = actorMatchView{Actor: m.Actor, Score: m.Score, Matched: m.Matched}
	}
	return c.JSON(http.StatusOK, struct {
		Actors []actorMatchView `json:"actors"`
	}{out})
}

// actorRef names another actor.
type actorRef struct {
	ID     string     `json:"id"`
	Name   string     `json:"name,omitempty"`
	NameAr string     `json:"name_ar,omitempty"`
	Kind   graph.Kind `json:"kind,omitempty"`
}

// actorView is the answer of GET /api/actors/{id}.
type actorView struct {
	Actor graph.Actor `json:"actor"`
	// Names are every name of the actor: English, Arabic, then aliases.
	Names       []string  `json:"names"`
	Affiliation *actorRef `json:"affiliation"`
	// Relations counts the actor's claims by direction and type.
	Relations struct {
		Outgoing map[graph.RelationType]int `json:"outgoing"`
		Incoming map[graph.RelationType]int `json:"incoming"`
	} `json:"relations"`
	Articles int `json:"articles"`
}

func (s *Server) handleActor(c echo.Context, p *idParams) error {
	ctx := c.Request().Context()
	id := p.ID
	a, err := s.store.Actor(ctx, id)
	if err != nil {
		return err
	}
	stats, err := s.store.ActorStats(ctx, id)
	if err != nil {
		return err
	}
	v := actorView{Actor: a, Articles: stats.Articles}
	for _, n := range append([]string{a.Name, a.NameAr}, a.Aliases...) {
		if n != "" && !slices.Contains(v.Names, n) {
			v.Names = append(v.Names, n)
		}
	}
	v.Relations.Outgoing = fillTypes(stats.Outgoing)
	v.Relations.Incoming = fillTypes(stats.Incoming)
	if a.Affiliation != "" {
		v.Affiliation = &actorRef{ID: a.Affiliation}
		switch aff, err := s.store.Actor(ctx, a.Affiliation); {
		case err == nil:
			*v.Affiliation = actorRef{ID: aff.ID, Name: aff.Name, NameAr: aff.NameAr, Kind: aff.Kind}
		case !errors.Is(err, graph.ErrNotFound):
			return err
		}
	}
	return c.JSON(http.StatusOK, v)
}

// fillTypes returns counts with a zero for every relation type it lacks.
func fillTypes(counts map[graph.RelationType]int) map[graph.RelationType]int {
	out := make(map[graph.RelationType]int, len(graph.RelationTypes))
	for _, t := range graph.RelationTypes {
		out[t] = counts[t]
	}
	return out
}

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

func (s *Server) handleNeighbourhood(c echo.Context, p *neighbourhoodParams) error {
	q, err := p.query(s)
	if err != nil {
		return err
	}
	sg, err := s.store.Neighbourhood(c.Request().Context(), q)
	if err != nil {
		return err
	}
	v := neighbourhoodView{Center: q.Center, Omitted: sg.Omitted, Truncated: sg.Truncated}
	if v.Omitted == nil {
		v.Omitted = []graph.Omission{}
	}
	edges := graph.Aggregate(sg.Claims)
	v.Edges = edgeViews(edges)
	v.Nodes = nodeViews(sg.Nodes, edges, sg.Omitted)
	return c.JSON(http.StatusOK, v)
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
func (s *Server) handleSubgraph(c echo.Context, p *subgraphParams) error {
	q, err := p.Q.Normalize()
	if err != nil {
		return err
	}
	if len(q.IDs) > LightSubgraphIDs {
		release, err := s.heavySlot(c)
		if err != nil {
			return err
		}
		defer release()
	}
	sg, err := s.store.Subgraph(c.Request().Context(), q.IDs, q.Filter)
	if err != nil {
		return err
	}
	edges := graph.Aggregate(sg.Claims)
	return c.JSON(http.StatusOK, subgraphView{Nodes: nodeViews(sg.Nodes, edges, nil), Edges: edgeViews(edges)})
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

// claimView is a claim with its article's metadata and its offsets in
// UTF-16 code units (JavaScript string indices) besides the byte offsets.
type claimView struct {
	graph.Claim
	StartUTF16       int    `json:"start_utf16"`
	EndUTF16         int    `json:"end_utf16"`
	ArticleTitle     string `json:"article_title"`
	ArticleSource    string `json:"article_source"`
	ArticlePublished string `json:"article_published"`
	ArticleURL       string `json:"article_url"`
}

// articleCache loads each article of one request once.
type articleCache struct {
	store    graph.Reader
	articles map[string]graph.Article
}

func (ac *articleCache) get(ctx context.Context, id string) (graph.Article, error) {
	if a, ok := ac.articles[id]; ok {
		return a, nil
	}
	a, err := ac.store.Article(ctx, id)
	if err != nil {
		return a, err
	}
	if ac.articles == nil {
		ac.articles = map[string]graph.Article{}
	}
	ac.articles[id] = a
	return a, nil
}

// claimViews returns the views of claims in their order. The UTF-16 offsets
// of all the claims of one article come from one pass over its text, so the
// cost is linear in the articles' size whatever the number of claims.
func (ac *articleCache) claimViews(ctx context.Context, claims []graph.Claim) ([]claimView, error) {
	out := make([]claimView, len(claims))
	byArticle := map[string][]int{}
	var articles []string
	for i, cl := range claims {
		if _, ok := byArticle[cl.Article]; !ok {
			articles = append(articles, cl.Article)
		}
		byArticle[cl.Article] = append(byArticle[cl.Article], i)
	}
	for _, id := range articles {
		a, err := ac.get(ctx, id)
		if err != nil {
			return nil, err
		}
		idx := byArticle[id]
		of := make([]graph.Claim, len(idx))
		for k, i := range idx {
			of[k] = claims[i]
		}
		views, err := newClaimViews(ctx, a, of)
		if err != nil {
			return nil, err
		}
		for k, i := range idx {
			out[i] = views[k]
		}
	}
	return out, nil
}

// newClaimViews returns the views of claims, all of article a, with their
// UTF-16 offsets computed in one pass over a's text (see utf16Offsets). It
// stops with ctx's error once ctx is done.
func newClaimViews(ctx context.Context, a graph.Article, claims []graph.Claim) ([]claimView, error) {
	offsets := make([]int, 0, 2*len(claims))
	for _, cl := range claims {
		offsets = append(offsets, cl.Start, cl.End)
	}
	units, err := utf16Offsets(ctx, a.Text, offsets)
	if err != nil {
		return nil, err
	}
	out := make([]claimView, len(claims))
	for i, cl := range claims {
		out[i] = claimView{Claim: cl, ArticleTitle: a.Title, ArticleSource: a.Source, ArticleURL: safeURL(a.URL), ArticlePublished: dateOf(a),
			StartUTF16: units[2*i], EndUTF16: units[2*i+1]}
	}
	return out, nil
}

func dateOf(a graph.Article) string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format("2006-01-02")
}

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

func (s *Server) handlePaths(c echo.Context, p *pathParams) error {
	ctx := c.Request().Context()
	q, err := p.Q.Normalize()
	if err != nil {
		return err
	}
	release, err := s.heavySlot(c)
	if err != nil {
		return err
	}
	defer release()
	paths, err := s.store.ShortestPaths(ctx, q)
	if err != nil {
		return err
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
		return err
	}
	out := make([]pathView, len(paths))
	for i, p := range paths {
		out[i] = pathView{Nodes: p.Nodes, Steps: make([]pathStepView, len(p.Steps))}
		for j, st := range p.Steps {
			out[i].Steps[j] = pathStepView{From: st.From, To: st.To, Edges: edgeViews(graph.Aggregate(st.Claims)), Claims: views[:len(st.Claims):len(st.Claims)]}
			views = views[len(st.Claims):]
		}
	}
	return c.JSON(http.StatusOK, struct {
		From  string     `json:"from"`
		To    string     `json:"to"`
		Paths []pathView `json:"paths"`
	}{q.From, q.To, out})
}

// handleClaims lists the claims between actors matching the filters,
// filtered by the store (graph.ClaimQuery.Filter); truncated says that
// more claims than limit match.
func (s *Server) handleClaims(c echo.Context, p *claimParams) error {
	ctx := c.Request().Context()
	q, err := p.Q.Normalize()
	if err != nil {
		return err
	}
	limit := q.Limit
	q.Limit = min(limit+1, graph.MaxClaims)
	claims, err := s.store.Claims(ctx, q)
	if err != nil {
		return err
	}
	truncated := len(claims) > limit
	claims = claims[:min(limit, len(claims))]
	views, err := (&articleCache{store: s.store}).claimViews(ctx, claims)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct {
		Claims    []claimView `json:"claims"`
		Truncated bool        `json:"truncated"`
	}{views, truncated})
}

// articleView is the answer of GET /api/articles/{id}.
type articleView struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Published string `json:"published"`
	// DateSource says where Published came from (graph.DateSource).
	DateSource graph.DateSource `json:"date_source,omitempty"`
	Language   string           `json:"language"`
	SHA256     string           `json:"sha256"`
	Text       string           `json:"text"`
	Claims     []claimView      `json:"claims"`
}

func (s *Server) handleArticle(c echo.Context, p *articleIDParams) error {
	ctx := c.Request().Context()
	id := p.ID
	a, err := s.store.Article(ctx, id)
	if err != nil {
		return err
	}
	claims, err := s.store.ArticleClaims(ctx, id)
	if err != nil {
		return err
	}
	slices.SortStableFunc(claims, func(x, y graph.Claim) int { return cmp.Compare(x.Start, y.Start) })
	views, err := newClaimViews(ctx, a, claims)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, articleView{ID: a.ID, Title: a.Title, Source: a.Source, URL: safeURL(a.URL), Published: dateOf(a),
		DateSource: a.DateSource, Language: a.Language, SHA256: a.SHA256, Text: a.Text, Claims: views})
}
