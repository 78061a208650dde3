package web

import (
	"cmp"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
)

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

func (s *Server) handleArticle(c echo.Context, p *articleIDParams) (articleView, error) {
	ctx := c.Request().Context()
	id := p.ID
	a, err := s.store.Article(ctx, id)
	if err != nil {
		return articleView{}, err
	}
	claims, err := s.store.ArticleClaims(ctx, id)
	if err != nil {
		return articleView{}, err
	}
	slices.SortStableFunc(claims, func(x, y graph.Claim) int { return cmp.Compare(x.Start, y.Start) })
	views, err := newClaimViews(ctx, a, claims)
	if err != nil {
		return articleView{}, err
	}
	return articleView{ID: a.ID, Title: a.Title, Source: a.Source, URL: safeURL(a.URL), Published: dateOf(a),
		DateSource: a.DateSource, Language: a.Language, SHA256: a.SHA256, Text: a.Text, Claims: views}, nil
}
