package memstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/rawabit/rawabit/graph"
)

// ctxEvery is how many items a long loop handles between checks of its
// context.
const ctxEvery = 4096

// Overview returns the counts, the most connected actors and the claims per
// month, as graph.Overview defines. It walks every actor's neighbours once
// and every claim once.
func (s *Store) Overview(ctx context.Context, q graph.OverviewQuery) (graph.Overview, error) {
	q, err := q.Normalize()
	if err != nil {
		return graph.Overview{}, fmt.Errorf("memstore: overview: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "overview"); err != nil {
		return graph.Overview{}, err
	}
	ov := graph.Overview{Counts: graph.Counts{Actors: len(s.actors), Articles: len(s.articles), Claims: s.nClaims}}
	m := s.newMatcher(q.Filter)
	all := m.all()
	var ranked []graph.ActorDegree
	type rank struct {
		e                  *actorEntry
		neighbours, claims int
	}
	ranks := make([]rank, 0, len(s.byIndex))
	for i, e := range s.byIndex {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return graph.Overview{}, fmt.Errorf("memstore: overview: %w", err)
			}
		}
		if e == nil || !q.Filter.MatchKind(e.actor.Kind) {
			continue
		}
		r := rank{e: e}
		if all {
			// Every pair holds at least one claim (unlink drops empty ones).
			r.neighbours = len(e.nbrs)
			for _, n := range e.nbrs {
				r.claims += int(s.claimsOf(n))
			}
			ranks = append(ranks, r)
			continue
		}
		for _, n := range e.nbrs {
			c := 0
			for _, ec := range s.claimsOfPair(n.pair) {
				if m.match(ec) {
					c++
				}
			}
			if c > 0 {
				r.neighbours++
				r.claims += c
			}
		}
		ranks = append(ranks, r)
	}
	slices.SortFunc(ranks, func(a, b rank) int {
		return cmp.Or(cmp.Compare(b.neighbours, a.neighbours), cmp.Compare(b.claims, a.claims), cmp.Compare(a.e.actor.ID, b.e.actor.ID))
	})
	for _, r := range ranks[:min(len(ranks), q.Top)] {
		ranked = append(ranked, graph.ActorDegree{Actor: r.e.copyActor(), Neighbours: r.neighbours, Claims: r.claims})
	}
	ov.Top = ranked
	if ov.Top == nil {
		ov.Top = []graph.ActorDegree{}
	}
	// Claims by month: article by article, so that each article's month
	// is worked out once and its claims are read in order.
	byMonth := map[string]int{}
	for i, a := range s.bySlot {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return graph.Overview{}, fmt.Errorf("memstore: overview: %w", err)
			}
		}
		if a == nil {
			continue
		}
		day := dayNumber(a.published)
		n := 0
		if all {
			n = len(s.hot[i].claims)
		}
		for _, r := range s.hot[i].claims {
			if all {
				break
			}
			if m.matchMeta(r.meta, day) {
				n++
			}
		}
		switch {
		case n == 0:
		case day == noDay:
			ov.Undated += n
		default:
			byMonth[graph.MonthOf(a.published)] += n
		}
	}
	ov.Months = make([]graph.MonthCount, 0, len(byMonth))
	for month, n := range byMonth {
		ov.Months = append(ov.Months, graph.MonthCount{Month: month, Claims: n})
	}
	slices.SortFunc(ov.Months, func(a, b graph.MonthCount) int { return cmp.Compare(a.Month, b.Month) })
	return ov, nil
}

// MentioningArticles returns the articles that mention the actor, newest
// first (undated last), then by id, at most limit, without their text. An
// unknown actor wraps graph.ErrNotFound; a limit outside 1..graph.MaxLimit
// wraps graph.ErrInvalid.
func (s *Store) MentioningArticles(ctx context.Context, actor string, limit int) ([]graph.Article, error) {
	if limit < 1 || limit > graph.MaxLimit {
		return nil, fmt.Errorf("memstore: articles mentioning %q: %w", actor, graph.Invalidf("limit", "%d is outside 1..%d", limit, graph.MaxLimit))
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, fmt.Sprintf("articles mentioning %q", actor)); err != nil {
		return nil, err
	}
	e, ok := s.actors[actor]
	if !ok {
		return nil, fmt.Errorf("memstore: articles mentioning: %w", graph.NotFound("actor", actor))
	}
	var out []graph.Article
	for i, a := range s.bySlot {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("memstore: articles mentioning %q: %w", actor, err)
			}
		}
		if a == nil {
			continue
		}
		for _, m := range a.mentions {
			if m.actor() == e.index {
				art := s.article(int32(i))
				art.Text = ""
				out = append(out, art)
				break
			}
		}
	}
	graph.SortArticlesNewestFirst(out)
	if out == nil {
		out = []graph.Article{}
	}
	return out[:min(len(out), limit)], nil
}
