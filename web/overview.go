package web

import (
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
	handleJSON(s, "/api/overview", "getOverview", "The store's counts, its most connected actors (all of them, with whole true, when the store holds at most overview_whole_max) and its claims per month of their article's date, for the start screen and the timeline. The filters restrict the claims counted and (kinds) the actors ranked.", s.handleOverview)
	handleJSON(s, "/api/actors/:id/articles", "getActorArticles", "The articles that mention an actor, newest first (undated last), without their text.", s.handleActorArticles)
}

// overviewView is the answer of GET /api/overview: the store's counts, its
// most connected actors (every actor, whole true, when there are at most
// OverviewWholeMax) and its claims per month, for the start screen and the
// timeline.
type overviewView struct {
	graph.Overview
	Whole bool `json:"whole"`
}

func (s *Server) handleOverview(c echo.Context, p *overviewParams) (overviewView, error) {
	f := p.F
	ctx := c.Request().Context()
	counts, err := s.store.Counts(ctx)
	if err != nil {
		return overviewView{}, err
	}
	v := overviewView{Whole: counts.Actors <= OverviewWholeMax}
	top := OverviewTop
	if v.Whole {
		top = max(1, counts.Actors)
	}
	q, err := graph.OverviewQuery{Filter: f, Top: top}.Normalize()
	if err != nil {
		return overviewView{}, err
	}
	if v.Overview, err = s.store.Overview(ctx, q); err != nil {
		return overviewView{}, err
	}
	return v, nil
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
// actorArticlesResult is the answer of GET /api/actors/{id}/articles.
type actorArticlesResult struct {
	Articles []mentionView `json:"articles"`
}

func (s *Server) handleActorArticles(c echo.Context, p *articlesParams) (actorArticlesResult, error) {
	arts, err := s.store.MentioningArticles(c.Request().Context(), p.ID, p.Limit)
	if err != nil {
		return actorArticlesResult{}, err
	}
	out := make([]mentionView, len(arts))
	for i, a := range arts {
		out[i] = mentionView{ID: a.ID, Title: a.Title, Source: a.Source, Published: dateOf(a), DateSource: a.DateSource}
	}
	return actorArticlesResult{out}, nil
}
