package neo4jstore

import (
	"context"
	"fmt"

	"github.com/rawabit/rawabit/graph"
)

// The Neo4j store does not implement review yet: every method returns an
// error wrapping graph.ErrNotSupported, so that review mode on Neo4j fails
// clearly at start-up instead of losing decisions. Review runs on the
// memory store, which persists decisions to the corrections and claims
// files.
var _ graph.Reviewer = (*Store)(nil)

func notSupported(op string) error {
	return fmt.Errorf("neo4jstore: %s: %w (review mode needs the memory store)", op, graph.ErrNotSupported)
}

// Review returns an error wrapping graph.ErrNotSupported.
func (s *Store) Review(ctx context.Context, d graph.Decision, persist func(graph.Decision) error) (graph.Decision, error) {
	return d, notSupported("review")
}

// Replay returns an error wrapping graph.ErrNotSupported.
func (s *Store) Replay(ctx context.Context, ds []graph.Decision) ([]string, error) {
	return nil, notSupported("replay decisions")
}

// ReviewQueue returns an error wrapping graph.ErrNotSupported.
func (s *Store) ReviewQueue(ctx context.Context, q graph.ReviewQuery) ([]graph.ReviewedClaim, error) {
	return nil, notSupported("review queue")
}

// RejectedClaims returns an error wrapping graph.ErrNotSupported.
func (s *Store) RejectedClaims(ctx context.Context, q graph.ReviewQuery) ([]graph.ReviewedClaim, error) {
	return nil, notSupported("rejected claims")
}
