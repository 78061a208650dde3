package graph

import (
	"errors"
	"fmt"
	"testing"
)

func TestError(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		kind     error
		text     string
		userText string
	}{
		{"invalid field", Invalidf("depth", "%d is outside 1..%d", 4, 3), ErrInvalid, "invalid: depth: 4 is outside 1..3", "depth: 4 is outside 1..3"},
		{"not found", NotFound("actor", "x"), ErrNotFound, `actor "x": not found`, `actor "x": not found`},
		{"wrapped with the operation", fmt.Errorf("memstore: neighbourhood: %w", NotFound("actor", "x")), ErrNotFound, `memstore: neighbourhood: actor "x": not found`, `actor "x": not found`},
		{"conflict", Conflictf("claim %s is already rejected", "c1"), ErrConflict, "conflict: claim c1 is already rejected", "claim c1 is already rejected"},
		{"input", InputErrorf(Position{File: "claims.yaml", Line: 12}, "unknown key %q", "colour"), ErrInvalid, `claims.yaml:12: invalid: unknown key "colour"`, `claims.yaml:12: unknown key "colour"`},
		{"with cause", &Error{Kind: ErrUnavailable, Message: "no answer", Err: errors.New("dial tcp: refused")}, ErrUnavailable, "store unavailable: no answer: dial tcp: refused", "no answer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range ErrorKinds {
				if got, want := errors.Is(tt.err, k), k == tt.kind; got != want {
					t.Errorf("errors.Is(err, %v): got %v, want %v", k, got, want)
				}
			}
			if got := tt.err.Error(); got != tt.text {
				t.Errorf("Error(): got %q, want %q", got, tt.text)
			}
			if got, ok := UserMessage(tt.err); !ok || got != tt.userText {
				t.Errorf("UserMessage: got %q, %v, want %q, true", got, ok, tt.userText)
			}
		})
	}
	if msg, ok := UserMessage(fmt.Errorf("%w: plain", ErrInvalid)); ok {
		t.Errorf("UserMessage of an error without *Error: got %q, true; want false", msg)
	}
}
