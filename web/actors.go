package web

import (
	"errors"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
)

// actorMatchView is one search result: the actor with its score and the
// name that matched.
type actorMatchView struct {
	graph.Actor
	Score   float64 `json:"score"`
	Matched string  `json:"matched"`
}

// searchResult is the answer of GET /api/actors.
type searchResult struct {
	Actors []actorMatchView `json:"actors"`
}

func (s *Server) handleSearch(c echo.Context, p *searchParams) (searchResult, error) {
	q, err := p.Q.Normalize()
	if err != nil {
		return searchResult{}, err
	}
	matches, err := s.store.SearchActors(c.Request().Context(), q)
	if err != nil {
		return searchResult{}, err
	}
	out := make([]actorMatchView, len(matches))
	for i, m := range matches {
		out[i] = actorMatchView{Actor: m.Actor, Score: m.Score, Matched: m.Matched}
	}
	return searchResult{out}, nil
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

func (s *Server) handleActor(c echo.Context, p *idParams) (actorView, error) {
	ctx := c.Request().Context()
	id := p.ID
	a, err := s.store.Actor(ctx, id)
	if err != nil {
		return actorView{}, err
	}
	stats, err := s.store.ActorStats(ctx, id)
	if err != nil {
		return actorView{}, err
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
			return actorView{}, err
		}
	}
	return v, nil
}

// fillTypes returns counts with a zero for every relation type it lacks.
func fillTypes(counts map[graph.RelationType]int) map[graph.RelationType]int {
	out := make(map[graph.RelationType]int, len(graph.RelationTypes))
	for _, t := range graph.RelationTypes {
		out[t] = counts[t]
	}
	return out
}
