package graph

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestCheckActorID(t *testing.T) {
	pattern := regexp.MustCompile(ActorIDPattern)
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{"khalifa-haftar", true},
		{"actor-000001", true},
		{"un_envoy.libya", true},
		{"7th-brigade", true},
		{strings.Repeat("a", MaxActorIDBytes), true},
		{strings.Repeat("a", MaxActorIDBytes+1), false},
		{"", false},
		{"-haftar", false},
		{".", false},
		{"..", false},
		{"Haftar", false},
		{"khalifa haftar", false},
		{"خليفة-حفتر", false},
		{"a/b", false},
		{"a\x00b", false},
	} {
		t.Run(tc.id, func(t *testing.T) {
			err := CheckActorID(tc.id)
			if got := err == nil; got != tc.want {
				t.Fatalf("CheckActorID(%q) = %v, want ok %v", tc.id, err, tc.want)
			}
			if err != nil && !errors.Is(err, ErrInvalid) {
				t.Errorf("CheckActorID(%q) = %v, want an error wrapping ErrInvalid", tc.id, err)
			}
			// ActorIDPattern, given to schemas, says the same as the check.
			if got := pattern.MatchString(tc.id) && len(tc.id) <= MaxActorIDBytes; got != tc.want {
				t.Errorf("ActorIDPattern on %q: got %v, want %v", tc.id, got, tc.want)
			}
		})
	}
}

// TestDecisionShapes keeps decisionShapes and DecisionKinds the same list,
// and checks that an actor id valid for the store is valid in a decision
// (one shape for both).
func TestDecisionShapes(t *testing.T) {
	if got, want := len(decisionShapes), len(DecisionKinds); got != want {
		t.Errorf("decisionShapes has %d kinds, want %d (DecisionKinds)", got, want)
	}
	for _, k := range DecisionKinds {
		if _, ok := decisionShapes[k]; !ok {
			t.Errorf("decision kind %q has no shape", k)
		}
	}
	base := Decision{Reviewer: "amina", Time: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		name      string
		decision  func(d *Decision)
		wantField string // "" when valid
	}{
		{"merge with underscore and dot ids", func(d *Decision) { d.Kind, d.ActorID, d.Into = DecisionMerge, "un_envoy.libya", "ghassan-salame" }, ""},
		{"merge into itself", func(d *Decision) { d.Kind, d.ActorID, d.Into = DecisionMerge, "usa", "usa" }, "into"},
		{"merge with a bad into", func(d *Decision) { d.Kind, d.ActorID, d.Into = DecisionMerge, "usa", "USA" }, "into"},
		{"add_name with a claim", func(d *Decision) {
			d.Kind, d.ActorID, d.Name, d.ClaimID = DecisionAddName, "usa", "واشنطن", "0123456789abcdef"
		}, "claim"},
		{"confirm with occurrence", func(d *Decision) { d.Kind, d.ClaimID, d.Occurrence = DecisionConfirm, "0123456789abcdef", 2 }, "occurrence"},
		{"add_claim, both ids bad: the source is named", func(d *Decision) {
			d.Kind = DecisionAddClaim
			d.NewClaim = &Claim{Article: "a1", Type: Met, Source: "Bad", Target: "Worse", Start: 0, End: 4}
		}, "new_claim.source"},
		{"add_actor with a long id", func(d *Decision) {
			d.Kind, d.Actor = DecisionAddActor, &Actor{ID: strings.Repeat("a", MaxActorIDBytes+1), Kind: KindPerson, Name: "A", NameAr: "أ"}
		}, "actor.id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := base
			tc.decision(&d)
			err := d.Validate()
			if tc.wantField == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Validate() = %v, want a *graph.Error naming %q", err, tc.wantField)
			}
			if got := e.Field; got != tc.wantField {
				t.Errorf("Validate() names field %q, want %q (%v)", got, tc.wantField, err)
			}
		})
	}
}
