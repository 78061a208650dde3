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

// Actor returns the actor with the given id; an unknown id is
// graph.ErrNotFound.
func (s *Store) Actor(ctx context.Context, id string) (graph.Actor, error) {
	var a graph.Actor
	err := s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		var err error
		a, err = actor(ctx, tx, id)
		return err
	})
	if err != nil {
		return graph.Actor{}, fmt.Errorf("neo4jstore: actor %q: %w", id, err)
	}
	return a, nil
}

func actor(ctx context.Context, tx neo4j.ManagedTransaction, id string) (graph.Actor, error) {
	recs, err := run(ctx, tx, stmtActor, idParams{ID: id})
	if err != nil {
		return graph.Actor{}, err
	}
	if len(recs) == 0 {
		return graph.Actor{}, graph.NotFound("actor", id)
	}
	n, err := get[neo4j.Node](recs[0], "a")
	if err != nil {
		return graph.Actor{}, err
	}
	return actorOf(n.Props), nil
}

// actors returns the actors with the given ids, sorted by id. An id the
// store does not hold is graph.ErrNotFound naming it.
func actors(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]graph.Actor, error) {
	recs, err := run(ctx, tx, stmtActorsByIDs, idsParams{IDs: ids})
	if err != nil {
		return nil, err
	}
	out := make([]graph.Actor, 0, len(recs))
	found := make(map[string]bool, len(recs))
	for _, r := range recs {
		n, err := get[neo4j.Node](r, "a")
		if err != nil {
			return nil, err
		}
		a := actorOf(n.Props)
		if !found[a.ID] {
			found[a.ID] = true
			out = append(out, a)
		}
	}
	for _, id := range ids {
		if !found[id] {
			return nil, graph.NotFound("actor", id)
		}
	}
	slices.SortFunc(out, func(a, b graph.Actor) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// ActorStats returns the claim counts by type and direction (every relation
// type present in both maps) and the number of articles mentioning the
// actor; an unknown id is graph.ErrNotFound.
func (s *Store) ActorStats(ctx context.Context, id string) (graph.ActorStats, error) {
	var st graph.ActorStats
	err := s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stmtActorStats, idParams{ID: id})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return graph.NotFound("actor", id)
		}
		out, err := get[[]any](recs[0], "outgoing")
		if err != nil {
			return err
		}
		in, err := get[[]any](recs[0], "incoming")
		if err != nil {
			return err
		}
		articles, err := get[int64](recs[0], "articles")
		if err != nil {
			return err
		}
		st = graph.ActorStats{Outgoing: countTypes(out), Incoming: countTypes(in), Articles: int(articles)}
		return nil
	})
	if err != nil {
		return graph.ActorStats{}, fmt.Errorf("neo4jstore: actor stats %q: %w", id, err)
	}
	return st, nil
}

func countTypes(types []any) map[graph.RelationType]int {
	m := make(map[graph.RelationType]int, len(graph.RelationTypes))
	for _, t := range graph.RelationTypes {
		m[t] = 0
	}
	for _, t := range types {
		if s, ok := t.(string); ok {
			m[graph.RelationType(s)]++
		}
	}
	return m
}

// Neighbourhood returns the actors within q.Depth hops of q.Center, expanded
// by graph.ExpandNeighbourhood over one links query per level, and the claims
// among them matching q.Filter, all in one read transaction. An invalid
// query is graph.ErrInvalid, an unknown centre graph.ErrNotFound.
func (s *Store) Neighbourhood(ctx context.Context, q graph.NeighbourhoodQuery) (graph.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("neo4jstore: neighbourhood of %q: %w", q.Center, err)
	}
	var sg graph.Subgraph
	err = s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		if _, err := actor(ctx, tx, q.Center); err != nil {
			return err
		}
		ids, omitted, truncated, err := graph.ExpandNeighbourhood(ctx, q, linkFunc(tx))
		if err != nil {
			return err
		}
		sg, err = subgraph(ctx, tx, ids, q.Filter)
		sg.Omitted, sg.Truncated = omitted, truncated
		return err
	})
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("neo4jstore: neighbourhood of %q: %w", q.Center, err)
	}
	return sg, nil
}

// linkFunc is graph.LinkFunc on one Cypher query (links.cypher) in tx.
func linkFunc(tx neo4j.ManagedTransaction) graph.LinkFunc {
	return func(ctx context.Context, frontier []string, f graph.Filter) ([]graph.Link, error) {
		types, certainties := filterLists(f)
		since, until := dateParams(f)
		recs, err := run(ctx, tx, stmtLinks, linksParams{
			Frontier:      frontier,
			Types:         types,
			Certainties:   certainties,
			MinConfidence: f.MinConfidence,
			Since:         since,
			Until:         until,
		})
		if err != nil {
			return nil, err
		}
		links := make([]graph.Link, 0, len(recs))
		for _, r := range recs {
			from, err1 := get[string](r, "from_id")
			to, err2 := get[string](r, "to_id")
			kind, err3 := get[string](r, "to_kind")
			n, err4 := get[int64](r, "claims")
			if err := errors.Join(err1, err2, err3, err4); err != nil {
				return nil, err
			}
			links = append(links, graph.Link{From: from, To: to, ToKind: graph.Kind(kind), Claims: int(n)})
		}
		return links, nil
	}
}

// ShortestPaths returns the shortest paths found by graph.FindShortestPaths
// over the links query, with their actors and, per step, the matching claims
// in either direction. An invalid query is graph.ErrInvalid and an unknown
// end graph.ErrNotFound; no path is an empty slice and a nil error.
func (s *Store) ShortestPaths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: paths from %q to %q: %w", q.From, q.To, err)
	}
	var paths []graph.Path
	err = s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		if _, err := actors(ctx, tx, []string{q.From, q.To}); err != nil {
			return err
		}
		idPaths, err := graph.FindShortestPaths(ctx, q, linkFunc(tx))
		if err != nil {
			return err
		}
		paths, err = buildPaths(ctx, tx, idPaths, q.Filter)
		return err
	})
	switch {
	case errors.Is(err, graph.ErrNotFound):
		// The wording of every store: the web layer shows it.
		return nil, fmt.Errorf("neo4jstore: paths: %w", err)
	case err != nil:
		return nil, fmt.Errorf("neo4jstore: paths from %q to %q: %w", q.From, q.To, err)
	}
	return paths, nil
}

func buildPaths(ctx context.Context, tx neo4j.ManagedTransaction, idPaths [][]string, f graph.Filter) ([]graph.Path, error) {
	paths := make([]graph.Path, 0, len(idPaths))
	if len(idPaths) == 0 {
		return paths, nil
	}
	var ids []string
	for _, p := range idPaths {
		ids = append(ids, p...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	sg, err := subgraph(ctx, tx, ids, f)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]graph.Actor, len(sg.Nodes))
	for _, a := range sg.Nodes {
		byID[a.ID] = a
	}
	type pair struct{ a, b string }
	between := map[pair][]graph.Claim{}
	for _, c := range sg.Claims {
		k := pair{min(c.Source, c.Target), max(c.Source, c.Target)}
		between[k] = append(between[k], c)
	}
	for _, p := range idPaths {
		path := graph.Path{Nodes: make([]graph.Actor, len(p)), Steps: make([]graph.Step, 0, len(p)-1)}
		for i, id := range p {
			path.Nodes[i] = byID[id]
			if i > 0 {
				from := p[i-1]
				claims := slices.Clone(between[pair{min(from, id), max(from, id)}])
				path.Steps = append(path.Steps, graph.Step{From: from, To: id, Claims: claims})
			}
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// Claims returns the claims matching q, sorted by ID, at most q.Limit. An
// invalid query is graph.ErrInvalid; an unknown source or target is
// graph.ErrNotFound.
func (s *Store) Claims(ctx context.Context, q graph.ClaimQuery) ([]graph.Claim, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: claims %q->%q: %w", q.Source, q.Target, err)
	}
	var claims []graph.Claim
	err = s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		var ids []string
		for _, id := range []string{q.Source, q.Target} {
			if id != "" {
				ids = append(ids, id)
			}
		}
		if _, err := actors(ctx, tx, ids); err != nil {
			return err
		}
		types, certainties := filterLists(q.Filter)
		since, until := dateParams(q.Filter)
		recs, err := run(ctx, tx, stmtClaimsOfActor, claimsOfActorParams{ID: ids[0], Types: types,
			Certainties: certainties, MinConfidence: q.Filter.MinConfidence, Since: since, Until: until})
		if err != nil {
			return err
		}
		all, err := claimsOf(recs)
		if err != nil {
			return err
		}
		claims = make([]graph.Claim, 0, len(all))
		for _, c := range all {
			if q.MatchClaim(c) {
				claims = append(claims, c)
			}
		}
		slices.SortFunc(claims, byID)
		claims = slices.CompactFunc(claims, func(a, b graph.Claim) bool { return a.ID == b.ID })
		if len(claims) > q.Limit {
			claims = claims[:q.Limit]
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: claims %q->%q: %w", q.Source, q.Target, err)
	}
	return claims, nil
}

// Article returns the article with the given id; an unknown id is
// graph.ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (graph.Article, error) {
	var a graph.Article
	err := s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		var err error
		a, err = article(ctx, tx, id)
		return err
	})
	if err != nil {
		return graph.Article{}, fmt.Errorf("neo4jstore: article %q: %w", id, err)
	}
	return a, nil
}

func article(ctx context.Context, tx neo4j.ManagedTransaction, id string) (graph.Article, error) {
	recs, err := run(ctx, tx, stmtArticle, articleParams{Article: id})
	if err != nil {
		return graph.Article{}, err
	}
	if len(recs) == 0 {
		return graph.Article{}, graph.NotFound("article", id)
	}
	n, err := get[neo4j.Node](recs[0], "art")
	if err != nil {
		return graph.Article{}, err
	}
	return articleOf(n.Props), nil
}

// ArticleClaims returns the claims of an article sorted by Start then ID; an
// unknown id is graph.ErrNotFound.
func (s *Store) ArticleClaims(ctx context.Context, id string) ([]graph.Claim, error) {
	var claims []graph.Claim
	err := s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		if _, err := article(ctx, tx, id); err != nil {
			return err
		}
		recs, err := run(ctx, tx, stmtArticleClaims, articleParams{Article: id})
		if err != nil {
			return err
		}
		claims, err = claimsOf(recs)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: article claims %q: %w", id, err)
	}
	slices.SortFunc(claims, func(a, b graph.Claim) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.ID, b.ID))
	})
	return claims, nil
}

// Subgraph returns the given actors, sorted by id, and the claims among them
// matching f (f.Kinds is ignored). An unknown id is graph.ErrNotFound; an
// invalid filter or more than graph.MaxSubgraphIDs ids is graph.ErrInvalid.
func (s *Store) Subgraph(ctx context.Context, ids []string, f graph.Filter) (graph.Subgraph, error) {
	if len(ids) > graph.MaxSubgraphIDs {
		return graph.Subgraph{}, fmt.Errorf("neo4jstore: subgraph: %w", graph.Invalidf("ids", "%d ids, more than %d", len(ids), graph.MaxSubgraphIDs))
	}
	if err := f.Validate(); err != nil {
		return graph.Subgraph{}, fmt.Errorf("neo4jstore: subgraph: %w", err)
	}
	uniq := slices.Clone(ids)
	slices.Sort(uniq)
	uniq = slices.Compact(uniq)
	var sg graph.Subgraph
	err := s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		var err error
		sg, err = subgraph(ctx, tx, uniq, f)
		return err
	})
	if err != nil {
		return graph.Subgraph{}, fmt.Errorf("neo4jstore: subgraph: %w", err)
	}
	return sg, nil
}

// subgraph reads the actors ids (sorted, without repeats) and the claims
// among them passing f's claim tests.
func subgraph(ctx context.Context, tx neo4j.ManagedTransaction, ids []string, f graph.Filter) (graph.Subgraph, error) {
	nodes, err := actors(ctx, tx, ids)
	if err != nil {
		return graph.Subgraph{}, err
	}
	types, certainties := filterLists(f)
	since, until := dateParams(f)
	recs, err := run(ctx, tx, stmtClaimsAmong, claimsAmongParams{
		IDs:           ids,
		Types:         types,
		Certainties:   certainties,
		MinConfidence: f.MinConfidence,
		Since:         since,
		Until:         until,
	})
	if err != nil {
		return graph.Subgraph{}, err
	}
	claims, err := claimsOf(recs)
	if err != nil {
		return graph.Subgraph{}, err
	}
	slices.SortFunc(claims, byID)
	return graph.Subgraph{Nodes: nodes, Claims: claims}, nil
}

// Counts returns the number of actors, articles and claims.
func (s *Store) Counts(ctx context.Context) (graph.Counts, error) {
	var c graph.Counts
	err := s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stmtCounts, noParams{})
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return fmt.Errorf("counts: %d records, want 1", len(recs))
		}
		actors, err1 := get[int64](recs[0], "actors")
		articles, err2 := get[int64](recs[0], "articles")
		claims, err3 := get[int64](recs[0], "claims")
		if err := errors.Join(err1, err2, err3); err != nil {
			return err
		}
		c = graph.Counts{Actors: int(actors), Articles: int(articles), Claims: int(claims)}
		return nil
	})
	if err != nil {
		return graph.Counts{}, fmt.Errorf("neo4jstore: counts: %w", err)
	}
	return c, nil
}

// filterLists returns a filter's types and certainties as query parameters,
// every value when the filter leaves them empty.
func filterLists(f graph.Filter) (types, certainties []string) {
	for _, t := range f.TypesOrAll() {
		types = append(types, string(t))
	}
	for _, c := range f.CertaintiesOrAll() {
		certainties = append(certainties, string(c))
	}
	return types, certainties
}

func byID(a, b graph.Claim) int { return cmp.Compare(a.ID, b.ID) }
