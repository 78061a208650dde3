package neo4jstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rawabit/rawabit/graph"
)

// dateParams returns a filter's date range as query parameters: DATEs, or
// nil for an open end.
func dateParams(f graph.Filter) (since, until any) {
	if !f.Since.IsZero() {
		since = neo4j.DateOf(graph.Day(f.Since))
	}
	if !f.Until.IsZero() {
		until = neo4j.DateOf(graph.Day(f.Until))
	}
	return since, until
}

// nullIfEmpty returns nil for "", so that SET += removes the property.
func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Overview returns the counts, the most connected actors
// (overview_top.cypher) and the claims per month (overview_months.cypher)
// in one read transaction.
func (s *Store) Overview(ctx context.Context, q graph.OverviewQuery) (graph.Overview, error) {
	q, err := q.Normalize()
	if err != nil {
		return graph.Overview{}, fmt.Errorf("neo4jstore: overview: %w", err)
	}
	counts, err := s.Counts(ctx)
	if err != nil {
		return graph.Overview{}, fmt.Errorf("neo4jstore: overview: %w", err)
	}
	ov := graph.Overview{Counts: counts, Top: []graph.ActorDegree{}, Months: []graph.MonthCount{}}
	types, certainties := filterLists(q.Filter)
	since, until := dateParams(q.Filter)
	kinds := make([]string, 0, len(graph.Kinds))
	for _, k := range q.Filter.KindsOrAll() {
		kinds = append(kinds, string(k))
	}
	err = s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		ov.Top, ov.Months, ov.Undated = []graph.ActorDegree{}, []graph.MonthCount{}, 0
		recs, err := run(ctx, tx, stmtOverviewTop, overviewTopParams{Kinds: kinds, Types: types, Certainties: certainties,
			MinConfidence: q.Filter.MinConfidence, Since: since, Until: until, Limit: int64(q.Top)})
		if err != nil {
			return err
		}
		for _, r := range recs {
			n, err1 := get[neo4j.Node](r, "a")
			nb, err2 := get[int64](r, "neighbours")
			cl, err3 := get[int64](r, "claims")
			if err := errors.Join(err1, err2, err3); err != nil {
				return err
			}
			ov.Top = append(ov.Top, graph.ActorDegree{Actor: actorOf(n.Props), Neighbours: int(nb), Claims: int(cl)})
		}
		recs, err = run(ctx, tx, stmtOverviewMonths, overviewMonthsParams{Types: types, Certainties: certainties,
			MinConfidence: q.Filter.MinConfidence, Since: since, Until: until})
		if err != nil {
			return err
		}
		for _, r := range recs {
			n, err := get[int64](r, "claims")
			if err != nil {
				return err
			}
			m, _ := r.Get("month")
			d, ok := m.(neo4j.Date)
			if !ok {
				ov.Undated += int(n)
				continue
			}
			ov.Months = append(ov.Months, graph.MonthCount{Month: graph.MonthOf(d.Time()), Claims: int(n)})
		}
		return nil
	})
	if err != nil {
		return graph.Overview{}, fmt.Errorf("neo4jstore: overview: %w", err)
	}
	sortMonths(ov.Months)
	return ov, nil
}

// MentioningArticles returns the articles that mention the actor
// (mentioning_articles.cypher), without their text.
func (s *Store) MentioningArticles(ctx context.Context, actorID string, limit int) ([]graph.Article, error) {
	if limit < 1 || limit > graph.MaxLimit {
		return nil, fmt.Errorf("neo4jstore: articles mentioning %q: %w", actorID, graph.Invalidf("limit", "%d is outside 1..%d", limit, graph.MaxLimit))
	}
	var out []graph.Article
	err := s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		out = []graph.Article{}
		if _, err := actor(ctx, tx, actorID); err != nil {
			return err
		}
		recs, err := run(ctx, tx, stmtMentioning, mentioningParams{ID: actorID, Limit: int64(limit)})
		if err != nil {
			return err
		}
		for _, r := range recs {
			out = append(out, articleOf(r.AsMap()))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: articles mentioning %q: %w", actorID, err)
	}
	graph.SortArticlesNewestFirst(out)
	return out, nil
}

func sortMonths(ms []graph.MonthCount) {
	slices.SortFunc(ms, func(a, b graph.MonthCount) int { return cmp.Compare(a.Month, b.Month) })
}
