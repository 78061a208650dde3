package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"
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
//
// The search is a bidirectional breadth-first search that always expands the
// smaller frontier, so it touches far fewer actors than a search from one
// end; the answer does not depend on the order of expansion.
func FindShortestPaths(ctx context.Context, q PathQuery, links LinkFunc) ([][]string, error) {
	// Each side keeps, for every actor it reached, its distance from that
	// side's end and its parents one step closer to that end.
	type side struct {
		end, other string
		dist       map[string]int
		parents    map[string][]string
		frontier   []string
		level      int
	}
	from := &side{end: q.From, other: q.To, dist: map[string]int{q.From: 0}, parents: map[string][]string{}, frontier: []string{q.From}}
	to := &side{end: q.To, other: q.From, dist: map[string]int{q.To: 0}, parents: map[string][]string{}, frontier: []string{q.To}}
	met := false
	for !met && from.level+to.level < q.MaxLength && len(from.frontier) > 0 && len(to.frontier) > 0 {
		x, y := from, to
		if len(to.frontier) < len(from.frontier) {
			x, y = to, from
		}
		ls, err := links(ctx, x.frontier, q.Filter)
		if err != nil {
			return nil, err
		}
		x.level++
		var next []string
		for _, l := range ls {
			if d, seen := x.dist[l.To]; (seen && d < x.level) || l.To == l.From {
				continue
			}
			if l.To != x.other && !q.Filter.MatchKind(l.ToKind) {
				continue
			}
			if _, seen := x.dist[l.To]; !seen {
				x.dist[l.To] = x.level
				next = append(next, l.To)
			}
			x.parents[l.To] = append(x.parents[l.To], l.From)
			if _, reached := y.dist[l.To]; reached {
				met = true
			}
		}
		slices.Sort(next)
		x.frontier = next
		if len(from.dist)+len(to.dist) > maxVisited {
			return nil, Invalidf("", "path search between %q and %q reached more than %d actors; narrow the filter or shorten max length", q.From, q.To, maxVisited)
		}
	}
	paths := [][]string{}
	if !met {
		return paths, nil
	}
	// With both sides expanded to from.level and to.level, every shortest
	// path has length from.level+to.level and crosses the actors at exactly
	// those distances from both ends.
	var middle []string
	for id, d := range from.dist {
		if dt, ok := to.dist[id]; ok && d == from.level && dt == to.level {
			middle = append(middle, id)
		}
	}
	for _, ps := range from.parents {
		slices.Sort(ps)
	}
	for _, ps := range to.parents {
		slices.Sort(ps)
	}
	// Walk forward from q.From: before the middle, to the children (on the
	// from side) that lead to the middle; from the middle on, to the parents
	// on the to side, which lead to q.To.
	children := map[string][]string{}
	leads := map[string]bool{}
	stack := slices.Clone(middle)
	for _, m := range middle {
		leads[m] = true
	}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range from.parents[id] {
			children[p] = append(children[p], id)
			if !leads[p] {
				leads[p] = true
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
		next := children[last]
		if len(path)-1 >= from.level {
			next = to.parents[last]
		}
		for _, c := range next {
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

// ID returns the edge's id, EdgeID(e.Type, e.Source, e.Target).
func (e Edge) ID() string { return EdgeID(e.Type, e.Source, e.Target) }

// EdgeID returns the id of the aggregated edge of type t from source to
// target: "TYPE:source:target", for example "SUPPORTED:uae:khalifa-haftar".
// It is the one edge id of the API and of every export. For a MET edge,
// source and target are EdgeKey's (source < target). Actor ids hold no ':'
// (see Actor.Validate), so ParseEdgeID reads it back.
func EdgeID(t RelationType, source, target string) string {
	return string(t) + ":" + source + ":" + target
}

// ParseEdgeID splits an id made by EdgeID. An id that is not one is an
// error wrapping ErrInvalid.
func ParseEdgeID(id string) (t RelationType, source, target string, err error) {
	parts := strings.Split(id, ":")
	if len(parts) != 3 || parts[1] == "" || parts[2] == "" {
		return "", "", "", Invalidf("edge", "%q is not an edge id TYPE:source:target", id)
	}
	if !slices.Contains(RelationTypes, RelationType(parts[0])) {
		return "", "", "", Invalidf("edge", "%q: unknown relation type %q", id, parts[0])
	}
	return RelationType(parts[0]), parts[1], parts[2], nil
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
	type keyed struct {
		source, target string
		c              *Claim
	}
	ks := make([]keyed, len(claims))
	for i := range claims {
		s, t, _ := EdgeKey(claims[i])
		ks[i] = keyed{s, t, &claims[i]}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.source, b.source), cmp.Compare(a.target, b.target),
			cmp.Compare(a.c.Type, b.c.Type), cmp.Compare(a.c.Article, b.c.Article), cmp.Compare(a.c.ID, b.c.ID))
	})
	var edges []Edge
	for i := 0; i < len(ks); {
		k := ks[i]
		e := Edge{Source: k.source, Target: k.target, Type: k.c.Type}
		j := i
		for ; j < len(ks) && ks[j].source == k.source && ks[j].target == k.target && ks[j].c.Type == k.c.Type; j++ {
			c := ks[j].c
			if j == i || c.Article != ks[j-1].c.Article {
				e.Articles++
			}
			e.MaxConfidence = max(e.MaxConfidence, c.Confidence)
			if !slices.Contains(e.Certainties, c.Certainty) {
				e.Certainties = append(e.Certainties, c.Certainty)
			}
		}
		e.Claims = make([]string, 0, j-i)
		for _, kc := range ks[i:j] {
			e.Claims = append(e.Claims, kc.c.ID)
		}
		slices.Sort(e.Claims)
		slices.SortFunc(e.Certainties, func(a, b Certainty) int {
			return cmp.Compare(slices.Index(Certainties, a), slices.Index(Certainties, b))
		})
		edges = append(edges, e)
		i = j
	}
	return edges
}
