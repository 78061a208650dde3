package web

import (
	"context"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
)

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

// handleClaims lists the claims between actors matching the filters,
// filtered by the store (graph.ClaimQuery.Filter); truncated says that
// more claims than limit match.
// claimsResult is the answer of GET /api/claims.
type claimsResult struct {
	Claims    []claimView `json:"claims"`
	Truncated bool        `json:"truncated"`
}

func (s *Server) handleClaims(c echo.Context, p *claimParams) (claimsResult, error) {
	ctx := c.Request().Context()
	q, err := p.Q.Normalize()
	if err != nil {
		return claimsResult{}, err
	}
	limit := q.Limit
	q.Limit = min(limit+1, graph.MaxClaims)
	claims, err := s.store.Claims(ctx, q)
	if err != nil {
		return claimsResult{}, err
	}
	truncated := len(claims) > limit
	claims = claims[:min(limit, len(claims))]
	views, err := (&articleCache{store: s.store}).claimViews(ctx, claims)
	if err != nil {
		return claimsResult{}, err
	}
	return claimsResult{views, truncated}, nil
}
