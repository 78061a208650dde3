package graph

import (
	"cmp"
	"context"
	"slices"
	"time"
)

// Limits that every store enforces, so that no query can ask for an unbounded
// amount of work. Queries beyond them fail with ErrInvalid.
const (
	MaxDepth             = 3    // neighbourhood depth
	MaxPathLength        = 6    // hops in a shortest path
	DefaultPathLength    = 4    // hops of a path search that gives none (API, exports)
	DefaultMaxNeighbours = 50   // neighbours taken per expanded actor
	MaxMaxNeighbours     = 1000 // largest allowed per-actor cap
	DefaultMaxNodes      = 500  // actors in one neighbourhood
	MaxMaxNodes          = 5000 // largest allowed node limit
	DefaultLimit         = 20   // search results, paths
	MaxLimit             = 1000 // largest allowed search or path limit
	MaxSubgraphIDs       = 5000 // ids in one Subgraph call
	MaxClaims            = 10000
)

// Filter restricts the claims and actors a traversal may use. The zero Filter
// matches everything.
type Filter struct {
	// Types keeps claims of these types; empty means all.
	Types []RelationType `json:"types,omitempty"`
	// Kinds keeps actors of these kinds; empty means all. A query's own
	// endpoints (a centre, a path's ends, requested ids) are always kept.
	Kinds []Kind `json:"kinds,omitempty"`
	// Certainties keeps claims of these certainties; empty means all.
	Certainties []Certainty `json:"certainties,omitempty"`
	// MinConfidence keeps claims with Confidence >= MinConfidence.
	MinConfidence float64 `json:"min_confidence,omitempty"`
	// Since and Until, when set, keep the claims of articles published on
	// those days or between them (both inclusive; only the day counts).
	// Claims of undated articles are left out as soon as either is set.
	Since time.Time `json:"since,omitzero"`
	Until time.Time `json:"until,omitzero"`
}

// NeighbourhoodQuery asks for the actors around Center.
type NeighbourhoodQuery struct {
	Center string
	// Depth is the number of hops, 1..MaxDepth.
	Depth  int
	Filter Filter
	// MaxNeighbours caps how many new neighbours one actor contributes; the
	// rest are reported in Subgraph.Omitted. 0 means DefaultMaxNeighbours.
	MaxNeighbours int
	// MaxNodes caps the actors returned; 0 means DefaultMaxNodes.
	MaxNodes int
}

// PathQuery asks for the shortest paths between two actors. Paths ignore
// claim direction.
type PathQuery struct {
	From, To string
	// MaxLength is the largest number of hops, 1..MaxPathLength.
	MaxLength int
	Filter    Filter
	// Limit caps the number of paths; 0 means DefaultLimit.
	Limit int
}

// SearchQuery asks for actors by name.
type SearchQuery struct {
	// Text is an Arabic or English name or part of one. It is normalised the
	// same way as the names (see graph/arabic), so أحمد finds احمد.
	Text  string
	Kinds []Kind
	// Limit caps the results; 0 means DefaultLimit.
	Limit int
}

// ClaimQuery selects claims by their actors. At least one of Source and
// Target is set.
type ClaimQuery struct {
	Source, Target string
	// Filter keeps the claims of its types and certainties, at least its
	// MinConfidence, of articles within its dates, as in the other queries;
	// its Kinds are ignored (the query's actors are always kept).
	Filter Filter
	// Either also matches claims from Target to Source. MET claims always
	// match in either direction when both actors are given.
	Either bool
	// Limit caps the claims; 0 means MaxClaims.
	Limit int
}

// OverviewQuery asks for a summary of the whole store.
type OverviewQuery struct {
	// Filter restricts the claims counted (types, certainties, confidence,
	// dates) and the actors ranked (kinds).
	Filter Filter
	// Top caps the ranked actors; 0 means DefaultLimit, at most
	// MaxSubgraphIDs.
	Top int
}

// Normalize validates q and fills in its defaults. Errors are *Error of kind
// ErrInvalid naming the field (top or a filter field).
func (q OverviewQuery) Normalize() (OverviewQuery, error) {
	if q.Top == 0 {
		q.Top = DefaultLimit
	}
	if q.Top < 1 || q.Top > MaxSubgraphIDs {
		return q, outside("top", q.Top, 1, MaxSubgraphIDs)
	}
	return q, q.Filter.Validate()
}

// ActorDegree is an actor with how connected it is.
type ActorDegree struct {
	Actor Actor `json:"actor"`
	// Neighbours counts the distinct actors it shares a matching claim
	// with, in either direction; Claims counts those claims.
	Neighbours int `json:"neighbours"`
	Claims     int `json:"claims"`
}

// MonthCount is the number of claims of the articles of one month.
type MonthCount struct {
	// Month is "YYYY-MM".
	Month  string `json:"month"`
	Claims int    `json:"claims"`
}

// Overview summarises a store.
type Overview struct {
	Counts Counts `json:"counts"`
	// Top lists the actors of the filter's kinds by Neighbours, then
	// Claims (both descending), then id; actors without a matching claim
	// come last. At most the query's Top.
	Top []ActorDegree `json:"top"`
	// Months counts the matching claims by their article's month, oldest
	// first, months without claims left out; Undated counts the matching
	// claims of undated articles (none when the filter has a date range).
	Months  []MonthCount `json:"months"`
	Undated int          `json:"undated"`
}

// MonthOf returns the "YYYY-MM" of a day.
func MonthOf(t time.Time) string { return t.Format("2006-01") }

// ActorMatch is one search result.
type ActorMatch struct {
	Actor Actor `json:"actor"`
	// Score ranks the match: higher is better (see arabic.MatchScore).
	Score float64 `json:"score"`
	// Matched is the name or alias that matched.
	Matched string `json:"matched"`
}

// ActorStats summarises an actor's place in the graph.
type ActorStats struct {
	// Outgoing and Incoming count the claims by type where the actor is the
	// source or the target.
	Outgoing map[RelationType]int `json:"outgoing"`
	Incoming map[RelationType]int `json:"incoming"`
	// Articles counts the articles that mention the actor.
	Articles int `json:"articles"`
}

// Omission reports neighbours of an actor left out by a cap.
type Omission struct {
	Actor string `json:"actor"`
	Count int    `json:"count"`
}

// Subgraph is a set of actors and the claims among them.
type Subgraph struct {
	// Nodes are sorted by ID.
	Nodes []Actor `json:"nodes"`
	// Claims are every claim matching the filter whose two actors are both in
	// Nodes, sorted by ID.
	Claims []Claim `json:"claims"`
	// Omitted lists, by actor id, neighbours left out by MaxNeighbours or
	// MaxNodes; sorted by Actor.
	Omitted []Omission `json:"omitted,omitempty"`
	// Truncated is true when MaxNodes stopped the expansion.
	Truncated bool `json:"truncated,omitempty"`
}

// Step is one hop of a path, with every matching claim between its actors in
// either direction, sorted by ID.
type Step struct {
	From   string  `json:"from"`
	To     string  `json:"to"`
	Claims []Claim `json:"claims"`
}

// Path is a sequence of actors from a PathQuery's From to its To.
type Path struct {
	Nodes []Actor `json:"nodes"`
	Steps []Step  `json:"steps"`
}

// Reader is the read side of a store, used by the web server and exports.
// Implementations are safe for concurrent use. Every method returns an error
// wrapping ErrInvalid for a query outside the limits above, ErrNotFound for
// an id the store does not hold (never a zero value with a nil error), and
// ErrUnavailable when the engine cannot be reached.
type Reader interface {
	// Actor returns the actor with the given id.
	Actor(ctx context.Context, id string) (Actor, error)
	// ActorStats returns the claim and article counts of an actor.
	ActorStats(ctx context.Context, id string) (ActorStats, error)
	// SearchActors returns the actors whose name, Arabic name or an alias
	// matches q.Text after normalisation, best first (score descending, then
	// mentioned articles descending, then id). An empty text is ErrInvalid;
	// no match is an empty slice and a nil error.
	SearchActors(ctx context.Context, q SearchQuery) ([]ActorMatch, error)
	// Neighbourhood returns the actors within q.Depth hops of q.Center over
	// claims matching q.Filter (in either direction) and the claims among
	// them, expanded as ExpandNeighbourhood defines.
	Neighbourhood(ctx context.Context, q NeighbourhoodQuery) (Subgraph, error)
	// ShortestPaths returns every shortest path (fewest hops, up to
	// q.MaxLength) between q.From and q.To over matching claims, at most
	// q.Limit of them, ordered by their actor ids. No path is an empty slice
	// and a nil error; From == To is ErrInvalid.
	ShortestPaths(ctx context.Context, q PathQuery) ([]Path, error)
	// Claims returns the claims matching q, sorted by ID. Unknown actors are
	// ErrNotFound.
	Claims(ctx context.Context, q ClaimQuery) ([]Claim, error)
	// Article returns the article with the given id.
	Article(ctx context.Context, id string) (Article, error)
	// ArticleClaims returns the claims of an article, sorted by Start then ID.
	ArticleClaims(ctx context.Context, id string) ([]Claim, error)
	// Subgraph returns the given actors and the claims among them matching f
	// (f.Kinds is ignored: the requested actors are always kept). Any unknown
	// id is ErrNotFound; more than MaxSubgraphIDs ids is ErrInvalid.
	Subgraph(ctx context.Context, ids []string, f Filter) (Subgraph, error)
	// Counts returns the number of actors, articles and claims.
	Counts(ctx context.Context) (Counts, error)
	// Overview returns the store's counts, its most connected actors and
	// its claims per month, as Overview defines. A malformed query is
	// ErrInvalid.
	Overview(ctx context.Context, q OverviewQuery) (Overview, error)
	// MentioningArticles returns the articles that mention an actor,
	// newest first (undated last), then by id, at most limit (1..MaxLimit)
	// of them, without their Text. An unknown actor is ErrNotFound.
	MentioningArticles(ctx context.Context, actor string, limit int) ([]Article, error)
}

// Writer is the write side of a store.
type Writer interface {
	// LoadArticle stores doc in one transaction: the article, its actors
	// (upserted, the latest version wins), its mentions and its claims,
	// replacing every claim and mention the article had before. Loading the
	// same document twice changes nothing. An invalid document (see
	// Document.Validate) is ErrInvalid and changes nothing.
	LoadArticle(ctx context.Context, doc Document) error
	// DeleteArticle removes an article with its claims and mentions. Actors
	// stay. An unknown id is ErrNotFound.
	DeleteArticle(ctx context.Context, id string) error
}

// Store is a graph store: a Reader and a Writer, closed when done.
type Store interface {
	Reader
	Writer
	// Close releases the store's resources.
	Close(ctx context.Context) error
}

// SortArticlesNewestFirst sorts articles by Published, newest first, the
// undated last, then by ID: the order of MentioningArticles.
func SortArticlesNewestFirst(as []Article) {
	slices.SortFunc(as, func(a, b Article) int {
		if a.Published.IsZero() != b.Published.IsZero() {
			if a.Published.IsZero() {
				return 1
			}
			return -1
		}
		return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(a.ID, b.ID))
	})
}
