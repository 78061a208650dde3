package web

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/graph/nameindex"
)

// knownReader is a graph.Reader that also answers for known actors (those
// of the gazetteer, Options.Known) that the store does not hold because no
// loaded article mentions them: search finds them, /api/actors/{id} shows
// them with no article and no claim ("known actor, in no loaded article"),
// and every query centred on them answers with the actor alone instead of
// a 404. Queries about actors the store holds go to the store unchanged;
// the known list is consulted only when the store finds nothing or says
// not found.
type knownReader struct {
	graph.Reader
	known map[string]graph.Actor
	// order is the known actors in id order. names indexes their
	// normalised names (owner i is order[i]) for search; it is built by
	// the first search that needs it, not at start-up.
	order     []graph.Actor
	namesOnce sync.Once
	names     *nameindex.Index
	namesErr  error
}

func newKnownReader(r graph.Reader, actors []graph.Actor) *knownReader {
	k := &knownReader{Reader: r, known: make(map[string]graph.Actor, len(actors))}
	for _, a := range actors {
		if a.Validate() != nil {
			continue
		}
		if _, dup := k.known[a.ID]; !dup {
			k.order = append(k.order, a)
		}
		k.known[a.ID] = a
	}
	slices.SortFunc(k.order, func(a, b graph.Actor) int { return cmp.Compare(a.ID, b.ID) })
	for i, a := range k.order {
		k.order[i] = k.known[a.ID]
	}
	return k
}

// index returns the index of the known actors' names, building it on the
// first call. The build is not cut short by one request's context, since
// every later search shares it.
func (k *knownReader) index() (*nameindex.Index, error) {
	k.namesOnce.Do(func() {
		k.names, k.namesErr = nameindex.Build(context.Background(), len(k.order), func(i int) []string {
			a := k.order[i]
			names := make([]string, 0, 2+len(a.Aliases))
			for _, n := range append([]string{a.Name, a.NameAr}, a.Aliases...) {
				names = append(names, arabic.Normalize(n))
			}
			return names
		})
	})
	return k.names, k.namesErr
}

// knownOnly returns the known actor id when the store does not hold it.
func (k *knownReader) knownOnly(ctx context.Context, id string) (graph.Actor, bool, error) {
	a, ok := k.known[id]
	if !ok {
		return graph.Actor{}, false, nil
	}
	switch _, err := k.Reader.Actor(ctx, id); {
	case errors.Is(err, graph.ErrNotFound):
		return a, true, nil
	case err != nil:
		return graph.Actor{}, false, err
	}
	return graph.Actor{}, false, nil
}

// fallback runs when the store answered err for the actors ids: when err is
// not-found and every id the store lacks is known, it returns the known
// actors among ids and true; otherwise the store's error stands.
func (k *knownReader) fallback(ctx context.Context, err error, ids ...string) ([]graph.Actor, bool, error) {
	if !errors.Is(err, graph.ErrNotFound) {
		return nil, false, err
	}
	var only []graph.Actor
	for _, id := range ids {
		if _, inStore := k.Reader.Actor(ctx, id); inStore == nil {
			continue
		} else if !errors.Is(inStore, graph.ErrNotFound) {
			return nil, false, inStore
		}
		a, ok := k.known[id]
		if !ok {
			return nil, false, err
		}
		only = append(only, a)
	}
	return only, len(only) > 0, nil
}

func (k *knownReader) Actor(ctx context.Context, id string) (graph.Actor, error) {
	a, err := k.Reader.Actor(ctx, id)
	if only, ok, ferr := k.fallback(ctx, err, id); ok {
		return only[0], nil
	} else if ferr != nil {
		return graph.Actor{}, ferr
	}
	return a, err
}

func (k *knownReader) ActorStats(ctx context.Context, id string) (graph.ActorStats, error) {
	st, err := k.Reader.ActorStats(ctx, id)
	if _, ok, ferr := k.fallback(ctx, err, id); ok {
		st = graph.ActorStats{Outgoing: map[graph.RelationType]int{}, Incoming: map[graph.RelationType]int{}}
		for _, t := range graph.RelationTypes {
			st.Outgoing[t], st.Incoming[t] = 0, 0
		}
		return st, nil
	} else if ferr != nil {
		return graph.ActorStats{}, ferr
	}
	return st, err
}

// SearchActors returns the store's matches, then, up to the limit, the
// known actors the store does not hold whose names match, best first.
func (k *knownReader) SearchActors(ctx context.Context, q graph.SearchQuery) ([]graph.ActorMatch, error) {
	found, err := k.Reader.SearchActors(ctx, q)
	if err != nil {
		return found, err
	}
	q, err = q.Normalize()
	if err != nil || len(found) >= q.Limit {
		return found, err
	}
	seen := make(map[string]bool, len(found))
	for _, m := range found {
		seen[m.Actor.ID] = true
	}
	kinds := graph.Filter{Kinds: q.Kinds}
	idx, err := k.index()
	if err != nil {
		return nil, err
	}
	matches, err := idx.Search(ctx, arabic.Normalize(q.Text), func(i int) bool {
		return !seen[k.order[i].ID] && kinds.MatchKind(k.order[i].Kind)
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(matches, func(x, y nameindex.Match) int { return cmp.Compare(x.Owner, y.Owner) })
	extra := make([]graph.ActorMatch, 0, len(matches))
	for _, m := range matches {
		a := k.order[m.Owner]
		extra = append(extra, graph.ActorMatch{Actor: a, Score: m.Score, Matched: append([]string{a.Name, a.NameAr}, a.Aliases...)[m.Field]})
	}
	slices.SortStableFunc(extra, func(x, y graph.ActorMatch) int { return cmp.Compare(y.Score, x.Score) })
	for _, m := range extra {
		if len(found) >= q.Limit {
			break
		}
		if _, only, err := k.knownOnly(ctx, m.Actor.ID); err != nil {
			return nil, err
		} else if only {
			found = append(found, m)
		}
	}
	return found, nil
}

func (k *knownReader) Neighbourhood(ctx context.Context, q graph.NeighbourhoodQuery) (graph.Subgraph, error) {
	sg, err := k.Reader.Neighbourhood(ctx, q)
	if only, ok, ferr := k.fallback(ctx, err, q.Center); ok {
		return graph.Subgraph{Nodes: only}, nil
	} else if ferr != nil {
		return graph.Subgraph{}, ferr
	}
	return sg, err
}

func (k *knownReader) Subgraph(ctx context.Context, ids []string, f graph.Filter) (graph.Subgraph, error) {
	sg, err := k.Reader.Subgraph(ctx, ids, f)
	if !errors.Is(err, graph.ErrNotFound) {
		return sg, err
	}
	var inStore []string
	var only []graph.Actor
	for _, id := range ids {
		a, isOnly, kerr := k.knownOnly(ctx, id)
		if kerr != nil {
			return graph.Subgraph{}, kerr
		}
		if isOnly {
			if !slices.ContainsFunc(only, func(x graph.Actor) bool { return x.ID == id }) {
				only = append(only, a)
			}
		} else {
			inStore = append(inStore, id)
		}
	}
	if len(only) == 0 {
		return sg, err
	}
	if len(inStore) > 0 {
		if sg, err = k.Reader.Subgraph(ctx, inStore, f); err != nil {
			return sg, err
		}
	} else {
		sg = graph.Subgraph{}
	}
	sg.Nodes = append(sg.Nodes, only...)
	slices.SortFunc(sg.Nodes, func(a, b graph.Actor) int { return cmp.Compare(a.ID, b.ID) })
	return sg, nil
}

func (k *knownReader) ShortestPaths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	paths, err := k.Reader.ShortestPaths(ctx, q)
	if _, ok, ferr := k.fallback(ctx, err, q.From, q.To); ok {
		return []graph.Path{}, nil
	} else if ferr != nil {
		return nil, ferr
	}
	return paths, err
}

func (k *knownReader) Claims(ctx context.Context, q graph.ClaimQuery) ([]graph.Claim, error) {
	claims, err := k.Reader.Claims(ctx, q)
	var ends []string
	for _, id := range []string{q.Source, q.Target} {
		if id != "" {
			ends = append(ends, id)
		}
	}
	if _, ok, ferr := k.fallback(ctx, err, ends...); ok {
		return []graph.Claim{}, nil
	} else if ferr != nil {
		return nil, ferr
	}
	return claims, err
}

func (k *knownReader) MentioningArticles(ctx context.Context, actor string, limit int) ([]graph.Article, error) {
	arts, err := k.Reader.MentioningArticles(ctx, actor, limit)
	if _, ok, ferr := k.fallback(ctx, err, actor); ok {
		return []graph.Article{}, nil
	} else if ferr != nil {
		return nil, ferr
	}
	return arts, err
}
