package web

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
)

// OverviewTop is how many of the most connected actors /api/overview lists
// when the store holds more than OverviewWholeMax actors.
const OverviewTop = 12

// OverviewWholeMax is the most actors a store may hold for /api/overview to
// list them all (whole is true) so that the start screen draws the whole
// graph.
const OverviewWholeMax = 150

// registerOverview registers GET /api/overview and GET
// /api/actors/{id}/articles.
func (s *Server) registerOverview() {
	s.get("/api/overview", s.handleOverview, "types", "kinds", "certainties", "min_confidence", "since", "until")
	s.get("/api/actors/:id/articles", s.handleActorArticles, "limit")
}

// overviewView is the answer of GET /api/overview: the store's counts, its
// most connected actors (every actor, whole true, when there are at most
// OverviewWholeMax) and its claims per month, for the start screen and the
// timeline.
type overviewView struct {
	graph.Overview
	Whole bool `json:"whole"`
}

func (s *Server) handleOverview(c echo.Context) error {
	f, err := filterParams(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	counts, err := s.store.Counts(ctx)
	if err != nil {
		return err
	}
	v := overviewView{Whole: counts.Actors <= OverviewWholeMax}
	top := OverviewTop
	if v.Whole {
		top = max(1, counts.Actors)
	}
	if v.Overview, err = s.store.Overview(ctx, graph.OverviewQuery{Filter: f, Top: top}); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}

// mentionView is an article that mentions an actor, without its text.
type mentionView struct {
	ID         string           `json:"id"`
	Title      string           `json:"title"`
	Source     string           `json:"source"`
	Published  string           `json:"published"`
	DateSource graph.DateSource `json:"date_source,omitempty"`
}

// handleActorArticles lists the articles that mention an actor, newest
// first: what the viewer shows for an actor with no relation.
func (s *Server) handleActorArticles(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	limit, err := intParam(c, "limit", graph.DefaultLimit, 1, graph.MaxLimit)
	if err != nil {
		return err
	}
	arts, err := s.store.MentioningArticles(c.Request().Context(), id, limit)
	if err != nil {
		return err
	}
	out := make([]mentionView, len(arts))
	for i, a := range arts {
		out[i] = mentionView{ID: a.ID, Title: a.Title, Source: a.Source, Published: dateOf(a), DateSource: a.DateSource}
	}
	return c.JSON(http.StatusOK, struct {
		Articles []mentionView `json:"articles"`
	}{out})
}

// matching keeps the claims passing f's claim and date tests; the date is
// the claim's article's, read once per article.
func (ac *articleCache) matching(ctx context.Context, claims []graph.Claim, f graph.Filter) ([]graph.Claim, error) {
	out := claims[:0]
	for _, cl := range claims {
		if !f.MatchClaim(cl) {
			continue
		}
		if f.Dated() {
			a, err := ac.get(ctx, cl.Article)
			if err != nil {
				return nil, err
			}
			if !f.MatchDate(a.Published) {
				continue
			}
		}
		out = append(out, cl)
	}
	return out, nil
}
