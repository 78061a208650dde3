package export

import (
	"cmp"
	"context"
	"fmt"
	"strings"

	"github.com/rawabit/rawabit/graph"
)

// Selection says which subgraph to export: exactly one of a centre actor
// (a neighbourhood), a list of actor ids, or two actors From and To (the
// union of their shortest paths). The command line and the API fill it from
// their flags and query parameters.
type Selection struct {
	// Center selects the neighbourhood of an actor, Depth hops deep (1 when
	// 0), with at most MaxNodes actors and MaxNeighbours new neighbours per
	// actor (0 means the graph package's defaults).
	Center        string
	Depth         int
	MaxNodes      int
	MaxNeighbours int
	// IDs selects these actors and the claims among them.
	IDs []string
	// From and To select the actors and claims on the shortest paths between
	// them, up to MaxLength hops (4 when 0), at most Limit paths (0 means
	// graph.DefaultLimit).
	From, To  string
	MaxLength int
	Limit     int
	// Filter restricts the claims (and, for a neighbourhood or a path, the
	// kinds of the actors reached).
	Filter graph.Filter
}

// DefaultPathLength is the MaxLength of a path selection that gives none.
const DefaultPathLength = graph.DefaultPathLength

// Validate checks that exactly one kind of selection is given. Errors are
// *graph.Error of kind graph.ErrInvalid; the queries' own limits (the
// number of ids among them) are checked by their Normalize, in the store.
func (s Selection) Validate() error {
	modes := 0
	if s.Center != "" {
		modes++
	}
	if len(s.IDs) > 0 {
		modes++
	}
	if s.From != "" || s.To != "" {
		modes++
		if s.From == "" || s.To == "" {
			return graph.Invalidf("", "from and to: a path export needs both")
		}
	}
	if modes != 1 {
		return graph.Invalidf("", "give exactly one of center, ids, or from and to (got %d)", modes)
	}
	return nil
}

// BaseName is the base of the export's file name (see BaseName).
func (s Selection) BaseName() string { return BaseName(s.Center, s.From, s.To, s.IDs) }

// Description says in words what the selection is.
func (s Selection) Description() string {
	switch {
	case s.Center != "":
		return fmt.Sprintf("neighbourhood of %s, depth %d", s.Center, max(s.Depth, 1))
	case s.From != "":
		return fmt.Sprintf("shortest paths from %s to %s", s.From, s.To)
	}
	if len(s.IDs) > 10 {
		return fmt.Sprintf("%d actors: %s, ...", len(s.IDs), strings.Join(s.IDs[:10], ", "))
	}
	return "actors " + strings.Join(s.IDs, ", ")
}

// Select runs the selection against r and returns what to export: the
// subgraph, the metadata of its articles (see Collect) and the selection's
// description. An invalid selection is an error wrapping graph.ErrInvalid;
// the store's errors (graph.ErrNotFound for an unknown actor, ErrInvalid for
// a query beyond its limits, ErrUnavailable) are returned wrapped.
func Select(ctx context.Context, r graph.Reader, s Selection) (Input, error) {
	if err := s.Validate(); err != nil {
		return Input{}, err
	}
	var sg graph.Subgraph
	var err error
	switch {
	case s.Center != "":
		sg, err = r.Neighbourhood(ctx, graph.NeighbourhoodQuery{
			Center: s.Center, Depth: max(s.Depth, 1), Filter: s.Filter,
			MaxNodes: s.MaxNodes, MaxNeighbours: s.MaxNeighbours,
		})
	case len(s.IDs) > 0:
		sg, err = r.Subgraph(ctx, s.IDs, s.Filter)
	default:
		var paths []graph.Path
		paths, err = r.ShortestPaths(ctx, graph.PathQuery{
			From: s.From, To: s.To, MaxLength: cmp.Or(s.MaxLength, DefaultPathLength), Limit: s.Limit, Filter: s.Filter,
		})
		sg = PathSubgraph(paths)
	}
	if err != nil {
		return Input{}, fmt.Errorf("export: select %s: %w", s.Description(), err)
	}
	in, err := Collect(ctx, r, sg)
	if err != nil {
		return Input{}, err
	}
	in.Description = s.Description()
	return in, nil
}

// PathSubgraph returns the union of paths as a subgraph: every actor on a
// path (sorted by id) and every claim of every step (sorted by id, each
// once).
func PathSubgraph(paths []graph.Path) graph.Subgraph {
	var sg graph.Subgraph
	seenActor, seenClaim := map[string]bool{}, map[string]bool{}
	for _, p := range paths {
		for _, a := range p.Nodes {
			if !seenActor[a.ID] {
				seenActor[a.ID] = true
				sg.Nodes = append(sg.Nodes, a)
			}
		}
		for _, st := range p.Steps {
			for _, c := range st.Claims {
				if !seenClaim[c.ID] {
					seenClaim[c.ID] = true
					sg.Claims = append(sg.Claims, c)
				}
			}
		}
	}
	sortSubgraph(&sg)
	if sg.Nodes == nil {
		sg.Nodes = []graph.Actor{}
	}
	if sg.Claims == nil {
		sg.Claims = []graph.Claim{}
	}
	return sg
}
