package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// Link is a neighbour of a frontier actor: To is joined to From by Claims
// claims (in either direction) that pass a Filter's claim tests.
type Link struct {
	From   string
	To     string
	ToKind Kind
	Claims int
}

// LinkFunc returns the links of every actor in frontier over claims passing
// f.MatchClaim, one Link per (From, To) pair with To != From, in any order.
// It does not apply f.Kinds: the traversals below do, so that a query's own
// endpoints are exempt. Stores implement it with one query per call; the
// traversals are shared so that every store gives the same answers.
type LinkFunc func(ctx context.Context, frontier []string, f Filter) ([]Link, error)

// maxVisited bounds the actors a path search may visit.
const maxVisited = 1_000_000

// ExpandNeighbourhood runs the neighbourhood expansion of a normalised query
// and returns the ids of the actors it reaches, sorted, with the omissions.
//
// The expansion is breadth first, q.Depth levels from q.Center. At each level
// the frontier actors are taken in id order; an actor's candidate neighbours
// (links to actors of a kind passing the filter) are ranked by claim count
// descending, then id, and the first q.MaxNeighbours not yet reached join the
// next frontier. Once q.MaxNodes actors are reached the expansion stops and
// truncated is true. An expanded actor whose candidates were not all reached
// is reported in omitted with how many were left out.
func ExpandNeighbourhood(ctx context.Context, q NeighbourhoodQuery, links LinkFunc) (ids []string, omitted []Omission, truncated bool, err error) {
	reached := map[string]bool{q.Center: true}
	ids = []string{q.Center}
	candidates := map[string][]Link{}
	frontier := []string{q.Center}
	for level := 1; level <= q.Depth && len(frontier) > 0 && !truncated; level++ {
		ls, err := links(ctx, frontier, q.Filter)
		if err != nil {
			return nil, nil, false, err
		}
		byFrom := map[string][]Link{}
		for _, l := range ls {
			if l.To != l.From && q.Filter.MatchKind(l.ToKind) {
				byFrom[l.From] = append(byFrom[l.From], l)
			}
		}
		var next []string
		for _, from := range frontier {
			cands := byFrom[from]
			slices.SortFunc(cands, func(a, b Link) int {
				return cmp.Or(cmp.Compare(b.Claims, a.Claims), cmp.Compare(a.To, b.To))
			})
			candidates[from] = cands
			taken := 0
			for _, l := range cands {
				if taken == q.MaxNeighbours {
					break
				}
				if reached[l.To] {
					continue
				}
				if len(ids) == q.MaxNodes {
					truncated = true
					break
				}
				reached[l.To] = true
				ids = append(ids, l.To)
				next = append(next, l.To)
				taken++
			}
		}
		slices.Sort(next)
		frontier = next
	}
	for from, cands := range candidates {
		left := 0
		for _, l := range cands {
			if !reached[l.To] {
				left++
			}
		}
		if left > 0 {
			omitted = append(omitted, Omission{Actor: from, Count: left})
		}
	}
	slices.SortFunc(omitted, func(a, b Omission) int { return cmp.Compare(a.Actor, b.Actor) })
	slices.Sort(ids)
	return ids, omitted, truncated, nil
}

// FindShortestPaths runs the shortest-path search of a normalised query and
// returns each path as its actor ids from q.From to q.To, at most q.Limit of
// them in lexicographic order of their id sequences. Intermediate actors
// must pass q.Filter's kinds; the ends are exempt. No path gives an empty,
// non-nil slice.
func FindShortestPaths(ctx context.Context, q PathQuery, links LinkFunc) ([][]string, error) {
	parents := map[string][]string{q.From: nil}
	frontier := []string{q.From}
	found := false
	for level := 1; level <= q.MaxLength && len(frontier) > 0 && !found; level++ {
		ls, err := links(ctx, frontier, q.Filter)
		if err != nil {
			return nil, err
		}
		levelParents := map[string][]string{}
		for _, l := range ls {
			if _, seen := parents[l.To]; seen || l.To == l.From {
				continue
			}
			if l.To != q.To && !q.Filter.MatchKind(l.ToKind) {
				continue
			}
			levelParents[l.To] = append(levelParents[l.To], l.From)
		}
		frontier = frontier[:0:0]
		for id, ps := range levelParents {
			slices.Sort(ps)
			parents[id] = slices.Compact(ps)
			frontier = append(frontier, id)
		}
		slices.Sort(frontier)
		if len(parents) > maxVisited {
			return nil, fmt.Errorf("%w: path search from %q reached more than %d actors; narrow the filter or shorten max length", ErrInvalid, q.From, maxVisited)
		}
		_, found = levelParents[q.To]
	}
	paths := [][]string{}
	if !found {
		return paths, nil
	}
	// Keep only the actors on some shortest path, then walk them from q.From
	// in id order so the paths come out sorted.
	children := map[string][]string{}
	onPath := map[string]bool{q.To: true}
	stack := []string{q.To}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range parents[id] {
			children[p] = append(children[p], id)
			if !onPath[p] {
				onPath[p] = true
				stack = append(stack, p)
			}
		}
	}
	for _, cs := range children {
		slices.Sort(cs)
	}
	var walk func(path []string)
	walk = func(path []string) {
		last := path[len(path)-1]
		if last == q.To {
			paths = append(paths, slices.Clone(path))
			return
		}
		for _, c := range children[last] {
			if len(paths) == q.Limit {
				return
			}
			walk(append(path, c))
		}
	}
	walk([]string{q.From})
	return paths, nil
}

// Edge is the claims of one type between one pair of actors, aggregated for
// display and export. MET edges are undirected: Source < Target.
type Edge struct {
	Source string       `json:"source"`
	Target string       `json:"target"`
	Type   RelationType `json:"type"`
	// Claims are the claim ids, sorted.
	Claims []string `json:"claims"`
	// Articles counts the distinct articles behind the edge.
	Articles int `json:"articles"`
	// MaxConfidence is the highest confidence among the claims.
	MaxConfidence float64 `json:"max_confidence"`
	// Certainties lists the certainties among the claims, strongest first.
	Certainties []Certainty `json:"certainties"`
}

// EdgeKey returns the key that groups a claim into an Edge.
func EdgeKey(c Claim) (source, target string, t RelationType) {
	source, target = c.Source, c.Target
	if c.Type == Met && target < source {
		source, target = target, source
	}
	return source, target, c.Type
}

// Aggregate groups claims into edges, sorted by source, target and type.
func Aggregate(claims []Claim) []Edge {
	type key struct {
		s, t string
		ty   RelationType
	}
	index := map[key]int{}
	var edges []Edge
	articles := map[key]map[string]bool{}
	for _, c := range claims {
		s, t, ty := EdgeKey(c)
		k := key{s, t, ty}
		i, ok := index[k]
		if !ok {
			i = len(edges)
			index[k] = i
			edges = append(edges, Edge{Source: s, Target: t, Type: ty})
			articles[k] = map[string]bool{}
		}
		e := &edges[i]
		e.Claims = append(e.Claims, c.ID)
		e.MaxConfidence = max(e.MaxConfidence, c.Confidence)
		if !slices.Contains(e.Certainties, c.Certainty) {
			e.Certainties = append(e.Certainties, c.Certainty)
		}
		articles[k][c.Article] = true
	}
	for k, i := range index {
		e := &edges[i]
		e.Articles = len(articles[k])
		slices.Sort(e.Claims)
		slices.SortFunc(e.Certainties, func(a, b Certainty) int {
			return cmp.Compare(slices.Index(Certainties, a), slices.Index(Certainties, b))
		})
	}
	slices.SortFunc(edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target), cmp.Compare(a.Type, b.Type))
	})
	return edges
}
