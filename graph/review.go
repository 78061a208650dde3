package graph

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DecisionKind is what a reviewer decided.
type DecisionKind string

// The decisions of review mode.
const (
	// DecisionConfirm marks a claim as checked and right.
	DecisionConfirm DecisionKind = "confirm"
	// DecisionReject removes a claim from the graph; it can be restored.
	DecisionReject DecisionKind = "reject"
	// DecisionRestore puts a rejected claim back (and confirms it).
	DecisionRestore DecisionKind = "restore"
	// DecisionAddClaim adds a claim whose quote the reviewer selected.
	DecisionAddClaim DecisionKind = "add_claim"
	// DecisionAddActor adds an actor.
	DecisionAddActor DecisionKind = "add_actor"
	// DecisionAddName adds a name form to an actor.
	DecisionAddName DecisionKind = "add_name"
	// DecisionMerge merges actor ActorID into actor Into: its claims and
	// mentions become Into's, its names Into's aliases, and it disappears.
	DecisionMerge DecisionKind = "merge"
)

// DecisionKinds lists every DecisionKind.
var DecisionKinds = []DecisionKind{DecisionConfirm, DecisionReject, DecisionRestore, DecisionAddClaim, DecisionAddActor, DecisionAddName, DecisionMerge}

// Limits of a decision's free text.
const (
	MaxReasonBytes   = 1000
	MaxReviewerBytes = 64
	// MaxReviewQueue is the largest page of the review queue.
	MaxReviewQueue = 1000
)

// Decision is one reviewer's decision with who made it, when and why.
// Which fields are set depends on Kind:
//
//   - confirm, reject, restore: ClaimID.
//   - add_claim: NewClaim with Article, Type, Source, Target, Start and End
//     (byte offsets of the selected quote in the article text), and
//     optionally Certainty (default asserted) and Confidence (default 1).
//     The store fills ID, Quote, Extractor ("manual") and Occurrence.
//   - add_actor: Actor (id, name, Arabic name, kind, optional affiliation
//     and aliases).
//   - add_name: ActorID and Name.
//   - merge: ActorID (the actor merged away) and Into.
type Decision struct {
	Kind     DecisionKind `json:"kind"`
	Reviewer string       `json:"reviewer"`
	Time     time.Time    `json:"time"`
	Reason   string       `json:"reason,omitempty"`
	ClaimID  string       `json:"claim,omitempty"`
	NewClaim *Claim       `json:"new_claim,omitempty"`
	// Occurrence is, for add_claim, which occurrence of the quote in the
	// article text the claim is (from 1); set by the store.
	Occurrence int    `json:"occurrence,omitempty"`
	Actor      *Actor `json:"actor,omitempty"`
	ActorID    string `json:"actor_id,omitempty"`
	Name       string `json:"name,omitempty"`
	Into       string `json:"into,omitempty"`
}

// ParseDecisionKind parses a decision kind; anything else wraps ErrInvalid.
func ParseDecisionKind(s string) (DecisionKind, error) {
	for _, k := range DecisionKinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", Invalidf("kind", "unknown decision %q (want one of confirm, reject, restore, add_claim, add_actor, add_name, merge)", s)
}

var (
	claimIDPattern = regexp.MustCompile(`^[0-9a-f]{16}$`)
	reviewerChars  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
)

// decisionShape is what a decision of one kind carries: the names of its
// fields (as in JSON) and the check of their values.
type decisionShape struct {
	fields []string
	check  func(Decision) error
}

// decisionShapes holds the shape of every decision kind, in DecisionKinds
// order (TestDecisionShapes keeps the two lists equal).
var decisionShapes = map[DecisionKind]decisionShape{
	DecisionConfirm: {[]string{"claim"}, checkClaimRef},
	DecisionReject:  {[]string{"claim"}, checkClaimRef},
	DecisionRestore: {[]string{"claim"}, checkClaimRef},
	DecisionAddClaim: {[]string{"new_claim", "occurrence"}, func(d Decision) error {
		return checkNewClaim(d.NewClaim)
	}},
	DecisionAddActor: {[]string{"actor"}, func(d Decision) error { return checkNewActor(d.Actor) }},
	DecisionAddName: {[]string{"actor_id", "name"}, func(d Decision) error {
		if err := checkActorField("actor_id", d.ActorID); err != nil {
			return err
		}
		if err := checkText(d.Name, MaxNameBytes, false); err != nil {
			return Invalidf("name", "%v", err)
		}
		return nil
	}},
	DecisionMerge: {[]string{"actor_id", "into"}, func(d Decision) error {
		if err := checkActorField("actor_id", d.ActorID); err != nil {
			return err
		}
		if err := checkActorField("into", d.Into); err != nil {
			return err
		}
		if d.ActorID == d.Into {
			return Invalidf("into", "an actor cannot be merged into itself")
		}
		return nil
	}},
}

// Validate checks the decision on its own, before any store sees it: a
// known kind, a reviewer name, a time, a reason of at most MaxReasonBytes
// of text, and the fields of its kind well formed (ids, a name without
// control characters, offsets in order, a known type and certainty, a
// confidence in 0..1). Fields of other kinds must be empty. Errors wrap
// ErrInvalid and name the field; of several bad fields, the first in the
// order of the JSON form is named.
func (d Decision) Validate() error {
	if _, err := ParseDecisionKind(string(d.Kind)); err != nil {
		return err
	}
	if d.Reviewer == "" || len(d.Reviewer) > MaxReviewerBytes || strings.Trim(d.Reviewer, reviewerChars) != "" {
		return Invalidf("reviewer", "want 1..%d letters, digits, -, _ or .", MaxReviewerBytes)
	}
	if d.Time.IsZero() {
		return Invalidf("time", "missing")
	}
	if err := checkText(d.Reason, MaxReasonBytes, true); err != nil {
		return Invalidf("reason", "%v", err)
	}
	shape := decisionShapes[d.Kind]
	if err := shape.check(d); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"claim", d.ClaimID != ""}, {"new_claim", d.NewClaim != nil}, {"occurrence", d.Occurrence != 0},
		{"actor", d.Actor != nil}, {"actor_id", d.ActorID != ""}, {"name", d.Name != ""}, {"into", d.Into != ""},
	} {
		if f.set && !slices.Contains(shape.fields, f.name) {
			return Invalidf(f.name, "not a field of a %s decision", d.Kind)
		}
	}
	return nil
}

// checkClaimRef checks the claim id of a confirm, reject or restore.
func checkClaimRef(d Decision) error {
	if !claimIDPattern.MatchString(d.ClaimID) {
		return Invalidf("claim", "want a claim id of 16 hex digits, got %q", d.ClaimID)
	}
	return nil
}

// checkActorField checks an actor id given in the named field.
func checkActorField(field, id string) error {
	if CheckActorID(id) != nil {
		return Invalidf(field, "want an actor id (lower-case letters, digits, '-', '_' and '.'; at most %d bytes), got %.60q", MaxActorIDBytes, id)
	}
	return nil
}

// checkNewClaim checks the claim an add_claim decision adds: the fields a
// reviewer gives, and none of those the store sets.
func checkNewClaim(c *Claim) error {
	if c == nil {
		return Invalidf("new_claim", "missing")
	}
	if err := CheckArticleID(c.Article); err != nil {
		return Invalidf("new_claim.article", "%s", AsError(err).Message)
	}
	if _, err := ParseRelationType(string(c.Type)); err != nil {
		return Invalidf("new_claim.type", "want met, supported or opposed, got %q", c.Type)
	}
	if err := checkActorField("new_claim.source", c.Source); err != nil {
		return err
	}
	if err := checkActorField("new_claim.target", c.Target); err != nil {
		return err
	}
	switch {
	case c.Source == c.Target:
		return Invalidf("new_claim.target", "the same actor as the source")
	case c.Start < 0 || c.End <= c.Start:
		return Invalidf("new_claim.end", "want 0 <= start < end, got %d..%d", c.Start, c.End)
	case c.Certainty != "" && !validCertainty(c.Certainty):
		return Invalidf("new_claim.certainty", "want asserted, reported or alleged, got %q", c.Certainty)
	case c.Confidence < 0 || c.Confidence > 1:
		return Invalidf("new_claim.confidence", "want 0..1, got %v", c.Confidence)
	case c.ID != "" || c.Quote != "" || (c.Extractor != "" && c.Extractor != ExtractorManual):
		return Invalidf("new_claim", "id, quote and extractor are set by the store")
	}
	return nil
}

// validCertainty reports whether c is a known certainty.
func validCertainty(c Certainty) bool {
	_, err := ParseCertainty(string(c))
	return err == nil
}

// checkNewActor checks the actor an add_actor decision adds.
func checkNewActor(a *Actor) error {
	if a == nil {
		return Invalidf("actor", "missing")
	}
	if err := checkActorField("actor.id", a.ID); err != nil {
		return err
	}
	if _, err := ParseKind(string(a.Kind)); err != nil {
		return Invalidf("actor.kind", "want person, state or organisation, got %q", a.Kind)
	}
	for _, f := range []struct{ field, text string }{{"actor.name", a.Name}, {"actor.name_ar", a.NameAr}} {
		if err := checkText(f.text, MaxNameBytes, false); err != nil {
			return Invalidf(f.field, "%v", err)
		}
	}
	for _, n := range a.Aliases {
		if err := checkText(n, MaxNameBytes, false); err != nil {
			return Invalidf("actor.aliases", "%v", err)
		}
	}
	if a.Affiliation != "" {
		return checkActorField("actor.affiliation", a.Affiliation)
	}
	return nil
}

// checkText checks a name or reason: valid UTF-8, at most max bytes, no
// control character (a reason may hold line breaks), and not blank unless
// empty is allowed.
func checkText(s string, max int, empty bool) error {
	switch {
	case !utf8.ValidString(s):
		return errors.New("not valid UTF-8")
	case len(s) > max:
		return fmt.Errorf("longer than %d bytes", max)
	case !empty && strings.TrimSpace(s) == "":
		return errors.New("empty")
	}
	for _, r := range s {
		if unicode.IsControl(r) && !(empty && (r == '\n' || r == '\t')) {
			return fmt.Errorf("control character %U", r)
		}
		if IsBidiControl(r) {
			return fmt.Errorf("bidirectional control character %U", r)
		}
	}
	return nil
}

// ClaimStatus is where a claim stands in review.
type ClaimStatus string

// The review statuses of a claim.
const (
	StatusUnreviewed ClaimStatus = "unreviewed"
	StatusConfirmed  ClaimStatus = "confirmed"
	StatusRejected   ClaimStatus = "rejected"
)

// ReviewedClaim is a claim with its review status and the last decision
// about it (nil when unreviewed).
type ReviewedClaim struct {
	Claim    Claim       `json:"claim"`
	Status   ClaimStatus `json:"status"`
	Decision *Decision   `json:"decision,omitempty"`
}

// ReviewQuery pages the review queue or the rejected claims.
type ReviewQuery struct {
	// Limit caps the claims; 0 means DefaultLimit, at most MaxReviewQueue.
	Limit int
}

// Reviewer is the review side of a store. Implementations are safe for
// concurrent use; a store without review returns errors wrapping
// ErrNotSupported from every method.
type Reviewer interface {
	// Review checks d against the store (after d.Validate: unknown claims,
	// actors and articles are ErrNotFound, decisions that do not fit the
	// state ErrConflict, a selection that is not text ErrInvalid),
	// completes it (for add_claim: the claim's ID, Quote, Extractor and
	// the decision's Occurrence), calls persist with the completed decision
	// when persist is not nil, and applies it only if persist succeeded,
	// all atomically with respect to other reviews and readers. It returns
	// the completed decision.
	Review(ctx context.Context, d Decision, persist func(Decision) error) (Decision, error)
	// Replay applies decisions recorded earlier, in order, at start-up,
	// after the corpus (with its curated claims, added ones included) is
	// loaded: a decision whose claim or actor no longer exists, or that no
	// longer fits, is skipped and reported in the returned warnings. An
	// add_claim or add_actor already present is marked as reviewed.
	Replay(ctx context.Context, ds []Decision) (warnings []string, err error)
	// ReviewQueue returns unreviewed claims, lowest confidence first, then
	// by id.
	ReviewQueue(ctx context.Context, q ReviewQuery) ([]ReviewedClaim, error)
	// RejectedClaims returns the rejected claims (which can be restored),
	// most recently rejected first.
	RejectedClaims(ctx context.Context, q ReviewQuery) ([]ReviewedClaim, error)
}

// MergedClaim returns c as it stands after actor from is merged into actor
// into: its ends renamed and its id recomputed. ok is false when the merge
// makes c a claim of an actor about itself, which is then dropped. Every
// store that implements Reviewer re-points claims with it.
func MergedClaim(c Claim, from, into string) (moved Claim, ok bool) {
	if c.Source == from {
		c.Source = into
	}
	if c.Target == from {
		c.Target = into
	}
	if c.Source == c.Target {
		return c, false
	}
	c.ID = ClaimID(c.Article, c.Type, c.Source, c.Target, c.Start, c.End)
	return c, true
}

// PageLimit returns q.Limit, or DefaultLimit for 0; a limit outside
// 1..MaxReviewQueue is an invalid "limit". Every Reviewer pages with it.
func (q ReviewQuery) PageLimit() (int, error) {
	switch {
	case q.Limit == 0:
		return DefaultLimit, nil
	case q.Limit < 0 || q.Limit > MaxReviewQueue:
		return 0, Invalidf("limit", "%d is outside 1..%d", q.Limit, MaxReviewQueue)
	}
	return q.Limit, nil
}
