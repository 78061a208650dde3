package neo4jstore

import (
	"context"
	"errors"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// TestReviewNotSupported: every review method of the Neo4j store says,
// with a typed error, that it does not support review (no server needed).
func TestReviewNotSupported(t *testing.T) {
	var s *Store
	ctx := context.Background()
	calls := map[string]func() error{
		"Review": func() error {
			_, err := s.Review(ctx, graph.Decision{}, nil)
			return err
		},
		"Replay": func() error {
			_, err := s.Replay(ctx, nil)
			return err
		},
		"ReviewQueue": func() error {
			_, err := s.ReviewQueue(ctx, graph.ReviewQuery{})
			return err
		},
		"RejectedClaims": func() error {
			_, err := s.RejectedClaims(ctx, graph.ReviewQuery{})
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			if err := call(); !errors.Is(err, graph.ErrNotSupported) {
				t.Errorf("got %v, want an error wrapping graph.ErrNotSupported", err)
			}
		})
	}
}
