package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ClaimID returns the stable id of a claim: the same article, type, actors
// and offsets always give the same id.
func ClaimID(article string, t RelationType, source, target string, start, end int) string {
	// The SHA-256 of the six fields, each followed by a zero byte, built in
	// one buffer (on the stack for the usual lengths): one allocation, the
	// id itself.
	var buf [256]byte
	b := buf[:0]
	for _, s := range [...]string{article, string(t), source, target} {
		b = append(append(b, s...), 0)
	}
	b = append(strconv.AppendInt(b, int64(start), 10), 0)
	b = append(strconv.AppendInt(b, int64(end), 10), 0)
	sum := sha256.Sum256(b)
	var id [16]byte
	hex.Encode(id[:], sum[:8])
	return string(id[:])
}

// TextSHA256 returns the hex SHA-256 of an article text.
func TextSHA256(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Validate checks an actor on its own. Errors wrap ErrInvalid and name the
// actor and field.
func (a Actor) Validate() error {
	if err := CheckActorID(a.ID); err != nil {
		return err
	}
	switch {
	case a.Kind.Label() == "":
		return Invalidf("", "actor %q: unknown kind %q", a.ID, a.Kind)
	case a.Name == "" && a.NameAr == "":
		return Invalidf("", "actor %q: no name", a.ID)
	case a.Affiliation == a.ID:
		return Invalidf("", "actor %q: affiliated with itself", a.ID)
	}
	for _, n := range append([]string{a.Name, a.NameAr}, a.Aliases...) {
		if err := checkName(n); err != nil {
			return Invalidf("", "actor %q: name %.40q...: %v", a.ID, n, err)
		}
	}
	return nil
}

// checkName checks one name of an actor: at most MaxNameBytes bytes, valid
// UTF-8, no bidi control (IsBidiControl) nor other control character.
func checkName(n string) error {
	switch {
	case len(n) > MaxNameBytes:
		return fmt.Errorf("%d bytes, more than %d", len(n), MaxNameBytes)
	case !utf8.ValidString(n):
		return fmt.Errorf("not valid UTF-8")
	case strings.IndexFunc(n, IsBidiControl) >= 0:
		return fmt.Errorf("contains a bidi control character (U+202A..U+202E, U+2066..U+2069)")
	case strings.IndexFunc(n, unicode.IsControl) >= 0:
		return fmt.Errorf("contains a control character")
	}
	return nil
}

// Validate checks a document before it is stored: the article has an id and
// valid UTF-8 text whose SHA256 matches; every actor is valid and unique;
// every mention, claim and affiliation refers to an actor of the document;
// every claim has a valid type and certainty, a confidence in [0,1], offsets
// inside the text with Quote == Text[Start:End], the article's id and the ID
// ClaimID gives. Errors wrap ErrInvalid and name the article and the claim.
func (d Document) Validate() error { return d.validate(false) }

// validate is Validate; with hashed the article's SHA256 is taken as the
// hash of its text without hashing the text again (see CheckHashed).
func (d Document) validate(hashed bool) error {
	a := d.Article
	if err := CheckArticleID(a.ID); err != nil {
		return err
	}
	if !utf8.ValidString(a.Text) {
		return Invalidf("", "article %q: text is not valid UTF-8", a.ID)
	}
	if !hashed && a.SHA256 != TextSHA256(a.Text) || hashed && len(a.SHA256) != 64 {
		return Invalidf("", "article %q: sha256 %q does not match its text", a.ID, a.SHA256)
	}
	actors := make(map[string]bool, len(d.Actors))
	for _, act := range d.Actors {
		if err := act.Validate(); err != nil {
			return fmt.Errorf("article %q: %w", a.ID, err)
		}
		if actors[act.ID] {
			return Invalidf("", "article %q: actor %q listed twice", a.ID, act.ID)
		}
		actors[act.ID] = true
	}
	for _, act := range d.Actors {
		if act.Affiliation != "" && !actors[act.Affiliation] {
			return Invalidf("", "article %q: actor %q: affiliation %q is not among the document's actors", a.ID, act.ID, act.Affiliation)
		}
	}
	seenMention := make(map[string]bool, len(d.Mentions))
	for _, m := range d.Mentions {
		if !actors[m.Actor] {
			return Invalidf("", "article %q: mention of unknown actor %q", a.ID, m.Actor)
		}
		if m.Count < 1 {
			return Invalidf("", "article %q: mention of %q with count %d", a.ID, m.Actor, m.Count)
		}
		if seenMention[m.Actor] {
			return Invalidf("", "article %q: actor %q mentioned twice", a.ID, m.Actor)
		}
		seenMention[m.Actor] = true
	}
	seenClaim := make(map[string]bool, len(d.Claims))
	for i, c := range d.Claims {
		if err := c.validate(a, actors); err != nil {
			return Invalidf("", "article %q: claim %d (%s %s->%s): %v", a.ID, i, c.Type, c.Source, c.Target, err)
		}
		if seenClaim[c.ID] {
			return Invalidf("", "article %q: claim %d: duplicate claim id %s", a.ID, i, c.ID)
		}
		seenClaim[c.ID] = true
	}
	return nil
}

func (c Claim) validate(a Article, actors map[string]bool) error {
	if !slices.Contains(RelationTypes, c.Type) {
		return fmt.Errorf("type %q is not MET, SUPPORTED or OPPOSED", c.Type)
	}
	if !slices.Contains(Certainties, c.Certainty) {
		return fmt.Errorf("certainty %q is not asserted, reported or alleged", c.Certainty)
	}
	switch {
	case c.Article != a.ID:
		return fmt.Errorf("article %q differs from the document's", c.Article)
	case !actors[c.Source]:
		return fmt.Errorf("source %q is not among the document's actors", c.Source)
	case !actors[c.Target]:
		return fmt.Errorf("target %q is not among the document's actors", c.Target)
	case c.Source == c.Target:
		return fmt.Errorf("source and target are the same actor")
	case math.IsNaN(c.Confidence) || c.Confidence < 0 || c.Confidence > 1:
		return fmt.Errorf("confidence %v is outside [0,1]", c.Confidence)
	case c.Start < 0 || c.End > len(a.Text) || c.Start >= c.End:
		return fmt.Errorf("offsets [%d,%d) are outside the text (%d bytes)", c.Start, c.End, len(a.Text))
	case a.Text[c.Start:c.End] != c.Quote:
		return fmt.Errorf("quote is not the text at [%d,%d)", c.Start, c.End)
	case !utf8.ValidString(c.Quote):
		return fmt.Errorf("offsets [%d,%d) split a character", c.Start, c.End)
	case c.Extractor == "":
		return fmt.Errorf("no extractor")
	case c.ID != ClaimID(c.Article, c.Type, c.Source, c.Target, c.Start, c.End):
		return fmt.Errorf("id %q is not ClaimID's", c.ID)
	}
	return nil
}

// Validate checks a filter. Errors are *Error of kind ErrInvalid naming the
// field (types, kinds, certainties, min_confidence, until).
func (f Filter) Validate() error {
	for _, t := range f.Types {
		if !slices.Contains(RelationTypes, t) {
			return Invalidf("types", "unknown relation type %q", t)
		}
	}
	for _, k := range f.Kinds {
		if !slices.Contains(Kinds, k) {
			return Invalidf("kinds", "unknown actor kind %q", k)
		}
	}
	for _, c := range f.Certainties {
		if !slices.Contains(Certainties, c) {
			return Invalidf("certainties", "unknown certainty %q", c)
		}
	}
	if math.IsNaN(f.MinConfidence) || f.MinConfidence < 0 || f.MinConfidence > 1 {
		return Invalidf("min_confidence", "%v is outside [0,1]", f.MinConfidence)
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && Day(f.Until).Before(Day(f.Since)) {
		return Invalidf("until", "%s is before since %s", f.Until.Format(time.DateOnly), f.Since.Format(time.DateOnly))
	}
	return nil
}

// Dated reports whether the filter restricts claims by their article's
// date.
func (f Filter) Dated() bool { return !f.Since.IsZero() || !f.Until.IsZero() }

// MatchDate reports whether a claim of an article published on the given
// day passes the filter's date range. Without a range every claim passes;
// with one, an undated article's claims (published is zero) do not.
func (f Filter) MatchDate(published time.Time) bool {
	if !f.Dated() {
		return true
	}
	if published.IsZero() {
		return false
	}
	d := Day(published)
	return (f.Since.IsZero() || !d.Before(Day(f.Since))) && (f.Until.IsZero() || !d.After(Day(f.Until)))
}

// Day returns the calendar day of t (its year, month and day in t's own
// location) at midnight UTC, the form in which dates are compared and
// stored.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// MatchClaim reports whether a claim passes the filter's type, certainty and
// confidence tests.
func (f Filter) MatchClaim(c Claim) bool {
	return (len(f.Types) == 0 || slices.Contains(f.Types, c.Type)) &&
		(len(f.Certainties) == 0 || slices.Contains(f.Certainties, c.Certainty)) &&
		c.Confidence >= f.MinConfidence
}

// MatchKind reports whether an actor kind passes the filter.
func (f Filter) MatchKind(k Kind) bool {
	return len(f.Kinds) == 0 || slices.Contains(f.Kinds, k)
}

// TypesOrAll returns f.Types, or every relation type when it is empty. Stores
// pass it to queries as a parameter.
func (f Filter) TypesOrAll() []RelationType {
	if len(f.Types) == 0 {
		return RelationTypes
	}
	return f.Types
}

// KindsOrAll returns f.Kinds, or every kind when it is empty.
func (f Filter) KindsOrAll() []Kind {
	if len(f.Kinds) == 0 {
		return Kinds
	}
	return f.Kinds
}

// CertaintiesOrAll returns f.Certainties, or every certainty when empty.
func (f Filter) CertaintiesOrAll() []Certainty {
	if len(f.Certainties) == 0 {
		return Certainties
	}
	return f.Certainties
}

// outside returns the *Error of an integer field outside lo..hi.
func outside(field string, n, lo, hi int) error {
	return Invalidf(field, "%d is outside %d..%d", n, lo, hi)
}

// Normalize validates q and fills in its defaults. Errors are *Error of kind
// ErrInvalid naming the field (center, depth, max_neighbours, max_nodes or a
// filter field).
func (q NeighbourhoodQuery) Normalize() (NeighbourhoodQuery, error) {
	if q.Center == "" {
		return q, Invalidf("center", "empty actor id")
	}
	if q.Depth < 1 || q.Depth > MaxDepth {
		return q, outside("depth", q.Depth, 1, MaxDepth)
	}
	if q.MaxNeighbours == 0 {
		q.MaxNeighbours = DefaultMaxNeighbours
	}
	if q.MaxNeighbours < 1 || q.MaxNeighbours > MaxMaxNeighbours {
		return q, outside("max_neighbours", q.MaxNeighbours, 1, MaxMaxNeighbours)
	}
	if q.MaxNodes == 0 {
		q.MaxNodes = DefaultMaxNodes
	}
	if q.MaxNodes < 1 || q.MaxNodes > MaxMaxNodes {
		return q, outside("max_nodes", q.MaxNodes, 1, MaxMaxNodes)
	}
	return q, q.Filter.Validate()
}

// Normalize validates q and fills in its defaults. From and To are both
// required and differ. Errors are *Error of kind ErrInvalid naming the field
// (from, to, max_length, limit or a filter field).
func (q PathQuery) Normalize() (PathQuery, error) {
	switch {
	case q.From == "":
		return q, Invalidf("from", "required")
	case q.To == "":
		return q, Invalidf("to", "required")
	case q.From == q.To:
		return q, Invalidf("to", "is the same actor as from (%q)", q.From)
	case q.MaxLength < 1 || q.MaxLength > MaxPathLength:
		return q, outside("max_length", q.MaxLength, 1, MaxPathLength)
	}
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	if q.Limit < 1 || q.Limit > MaxLimit {
		return q, outside("limit", q.Limit, 1, MaxLimit)
	}
	return q, q.Filter.Validate()
}

// MaxSearchTextBytes is the longest search text, in bytes.
const MaxSearchTextBytes = 256

// Normalize validates q and fills in its defaults. Errors are *Error of kind
// ErrInvalid naming the field (text, kinds, limit).
func (q SearchQuery) Normalize() (SearchQuery, error) {
	if q.Text == "" {
		return q, Invalidf("text", "required (an Arabic or English name or part of one)")
	}
	if len(q.Text) > MaxSearchTextBytes {
		return q, Invalidf("text", "%d bytes, more than %d", len(q.Text), MaxSearchTextBytes)
	}
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	if q.Limit < 1 || q.Limit > MaxLimit {
		return q, outside("limit", q.Limit, 1, MaxLimit)
	}
	return q, Filter{Kinds: q.Kinds}.Validate()
}

// SubgraphQuery asks for a set of actors and the claims among them: the
// arguments of Reader.Subgraph.
type SubgraphQuery struct {
	// IDs are the actors, 1..MaxSubgraphIDs distinct ids.
	IDs []string
	// Filter restricts the claims; its Kinds are ignored (the requested
	// actors are always kept).
	Filter Filter
}

// Normalize validates q and drops repeated ids (keeping the first of
// each). Errors are *Error of kind ErrInvalid naming the field (ids or a
// filter field).
func (q SubgraphQuery) Normalize() (SubgraphQuery, error) {
	seen := make(map[string]bool, len(q.IDs))
	ids := make([]string, 0, len(q.IDs))
	for _, id := range q.IDs {
		if id == "" {
			return q, Invalidf("ids", "empty actor id")
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return q, Invalidf("ids", "required (actor ids)")
	}
	if len(ids) > MaxSubgraphIDs {
		return q, Invalidf("ids", "%d distinct ids, more than %d", len(ids), MaxSubgraphIDs)
	}
	q.IDs = ids
	return q, q.Filter.Validate()
}

// Normalize validates q and fills in its defaults. Errors are *Error of kind
// ErrInvalid naming the field (source, limit or a filter field).
func (q ClaimQuery) Normalize() (ClaimQuery, error) {
	if q.Source == "" && q.Target == "" {
		return q, Invalidf("source", "source or target is required")
	}
	if q.Limit == 0 {
		q.Limit = MaxClaims
	}
	if q.Limit < 1 || q.Limit > MaxClaims {
		return q, outside("limit", q.Limit, 1, MaxClaims)
	}
	return q, q.Filter.Validate()
}

// MatchClaim reports whether c is selected by the query's actors and the
// claim tests of its filter (types, certainties, confidence); the date test
// needs the claim's article (see Filter.MatchDate). q must be normalised.
func (q ClaimQuery) MatchClaim(c Claim) bool {
	if !q.Filter.MatchClaim(c) {
		return false
	}
	fwd := (q.Source == "" || c.Source == q.Source) && (q.Target == "" || c.Target == q.Target)
	if fwd {
		return true
	}
	either := q.Either || (c.Type == Met && q.Source != "" && q.Target != "")
	return either && (q.Source == "" || c.Target == q.Source) && (q.Target == "" || c.Source == q.Target)
}
