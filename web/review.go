package web

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
)

// ReviewOptions turns review mode on (see Options.Review).
type ReviewOptions struct {
	// Store applies decisions and answers the review queue.
	Store graph.Reviewer
	// Tokens maps each access token to its reviewer's name. Review mode
	// needs at least one.
	Tokens map[string]string
	// Persist records a completed decision before the store applies it
	// (see graph.Reviewer.Review); nil records nothing.
	Persist func(graph.Decision) error
	// Now gives the time of a decision; nil means time.Now.
	Now func() time.Time
}

// Review API paths and the header a decision must carry.
const (
	reviewPath          = "/api/review"
	reviewDecisionsPath = "/api/review/decisions"
	// ReviewHeader must be present with the value "1" on every decision:
	// a cross-site form cannot set it, and a cross-site script cannot send
	// it without a CORS preflight that this server never grants.
	ReviewHeader = "X-Rawabit-Review"
	// maxDecisionBytes bounds a decision's body.
	maxDecisionBytes = 64 << 10
)

// reviewEnabled reports whether review mode is on.
func (s *Server) reviewEnabled() bool {
	r := s.opts.Review
	return r != nil && r.Store != nil && len(r.Tokens) > 0
}

// registerReview adds the review endpoints. They exist whatever the mode,
// so that the viewer can ask; with review mode off every one but
// GET /api/review is a 404.
func (s *Server) registerReview() {
	registerJSON(s, reviewPath, "reviewStatus", "Whether review mode is on, and the header decisions must carry.", s.handleReviewStatus)
	s.getPlain(reviewPath+"/me", "reviewMe", "The reviewer the token names.", s.reviewer(s.handleReviewMe))
	handle(s, reviewPath+"/queue", "reviewQueue", "Unreviewed claims, lowest confidence first, then by id.",
		func(c echo.Context, p *reviewListParams) error {
			return s.reviewer(func(c echo.Context) error { return s.reviewList(c, p, s.opts.Review.Store.ReviewQueue) })(c)
		})
	handle(s, reviewPath+"/rejected", "reviewRejected", "Rejected claims (out of the graph, restorable), most recent first.",
		func(c echo.Context, p *reviewListParams) error {
			return s.reviewer(func(c echo.Context) error { return s.reviewList(c, p, s.opts.Review.Store.RejectedClaims) })(c)
		})
	s.routes = append(s.routes, route{path: reviewDecisionsPath, post: true, opID: "reviewDecide",
		summary: "Record one decision: confirm, reject or restore a claim, add a claim from a selected quote, add an actor or a name, merge two actors. Needs Authorization: Bearer TOKEN, the header X-Rawabit-Review: 1, Content-Type: application/json and, from a browser, the server's own origin. The reviewer and time are set by the server; the decision is persisted before it is applied.",
		params:  func() []param { return nil }})
	s.echo.POST(reviewDecisionsPath, s.reviewer(s.handleDecision))
}

// reviewStatus is the answer of GET /api/review.
type reviewStatus struct {
	Enabled bool `json:"enabled"`
	// Header is the header (with value "1") every decision must carry.
	Header string `json:"header"`
}

func (s *Server) handleReviewStatus(c echo.Context) (reviewStatus, error) {
	return reviewStatus{Enabled: s.reviewEnabled(), Header: ReviewHeader}, nil
}

// reviewerKey is the echo context key of the authenticated reviewer.
const reviewerKey = "rawabit.reviewer"

// reviewer wraps a review handler: review mode must be on (else 404) and
// the request must carry "Authorization: Bearer TOKEN" with a configured
// token (else 401). Tokens are compared in constant time, every one of
// them, so that timing tells nothing about which exists.
func (s *Server) reviewer(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !s.reviewEnabled() {
			return echo.NewHTTPError(http.StatusNotFound, "review mode is off: start the server with review.tokens")
		}
		auth := c.Request().Header.Get(echo.HeaderAuthorization)
		token, ok := strings.CutPrefix(auth, "Bearer ")
		name := ""
		for t, n := range s.opts.Review.Tokens {
			if subtle.ConstantTimeCompare([]byte(t), []byte(token)) == 1 {
				name = n
			}
		}
		if !ok || name == "" {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="rawabit review"`)
			return echo.NewHTTPError(http.StatusUnauthorized, "review: a valid reviewer token is required (Authorization: Bearer TOKEN)")
		}
		c.Set(reviewerKey, name)
		return next(c)
	}
}

func (s *Server) handleReviewMe(c echo.Context) error {
	return c.JSON(http.StatusOK, struct {
		Reviewer string `json:"reviewer"`
	}{c.Get(reviewerKey).(string)})
}

// reviewedClaimView is a claim in the queue or among the rejected ones,
// with its article's metadata and its status.
type reviewedClaimView struct {
	claimView
	Status   graph.ClaimStatus `json:"status"`
	Decision *graph.Decision   `json:"decision,omitempty"`
}

func (s *Server) reviewList(c echo.Context, p *reviewListParams, list func(ctx context.Context, q graph.ReviewQuery) ([]graph.ReviewedClaim, error)) error {
	ctx := c.Request().Context()
	rcs, err := list(ctx, graph.ReviewQuery{Limit: p.Limit})
	if err != nil {
		return err
	}
	claims := make([]graph.Claim, len(rcs))
	for i, rc := range rcs {
		claims[i] = rc.Claim
	}
	views, err := (&articleCache{store: s.store}).claimViews(ctx, claims)
	if err != nil {
		return err
	}
	out := make([]reviewedClaimView, len(rcs))
	for i, rc := range rcs {
		out[i] = reviewedClaimView{claimView: views[i], Status: rc.Status, Decision: rc.Decision}
	}
	return c.JSON(http.StatusOK, struct {
		Claims []reviewedClaimView `json:"claims"`
	}{out})
}

// decisionRequest is the body of POST /api/review/decisions: a decision
// without its reviewer and time, which the server sets.
type decisionRequest struct {
	Kind     string           `json:"kind"`
	Reason   string           `json:"reason"`
	Claim    string           `json:"claim"`
	NewClaim *newClaimRequest `json:"new_claim"`
	Actor    *actorRequest    `json:"actor"`
	ActorID  string           `json:"actor_id"`
	Name     string           `json:"name"`
	Into     string           `json:"into"`
}

type newClaimRequest struct {
	Article   string `json:"article"`
	Type      string `json:"type"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Certainty string `json:"certainty"`
	// Confidence defaults to 1.
	Confidence *float64 `json:"confidence"`
}

type actorRequest struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	NameAr      string   `json:"name_ar"`
	Kind        string   `json:"kind"`
	Aliases     []string `json:"aliases"`
	Affiliation string   `json:"affiliation"`
}

// maxAliases bounds the aliases of an added actor.
const maxAliases = 50

// decision turns the request into a graph.Decision by reviewer at t.
func (r decisionRequest) decision(reviewer string, t time.Time) (graph.Decision, error) {
	kind, err := graph.ParseDecisionKind(r.Kind)
	if err != nil {
		return graph.Decision{}, err
	}
	d := graph.Decision{Kind: kind, Reviewer: reviewer, Time: t, Reason: strings.TrimSpace(r.Reason), ClaimID: r.Claim,
		ActorID: r.ActorID, Name: r.Name, Into: r.Into}
	if nc := r.NewClaim; nc != nil {
		typ, err := graph.ParseRelationType(nc.Type)
		if err != nil {
			return d, graph.Invalidf("new_claim.type", "want met, supported or opposed")
		}
		c := &graph.Claim{Article: nc.Article, Type: typ, Source: nc.Source, Target: nc.Target, Start: nc.Start, End: nc.End}
		if nc.Certainty != "" {
			if c.Certainty, err = graph.ParseCertainty(nc.Certainty); err != nil {
				return d, graph.Invalidf("new_claim.certainty", "want asserted, reported or alleged")
			}
		}
		if nc.Confidence != nil {
			if *nc.Confidence <= 0 || *nc.Confidence > 1 {
				return d, graph.Invalidf("new_claim.confidence", "want a number in (0, 1]")
			}
			c.Confidence = *nc.Confidence
		}
		d.NewClaim = c
	}
	if a := r.Actor; a != nil {
		if len(a.Aliases) > maxAliases {
			return d, graph.Invalidf("actor.aliases", "at most %d", maxAliases)
		}
		d.Actor = &graph.Actor{ID: a.ID, Name: strings.TrimSpace(a.Name), NameAr: strings.TrimSpace(a.NameAr), Kind: graph.Kind(strings.ToLower(a.Kind)),
			Aliases: a.Aliases, Affiliation: a.Affiliation}
	}
	return d, d.Validate()
}

// handleDecision records one decision. Besides the token (see reviewer), it
// requires the ReviewHeader, a JSON body, and, when the browser says where
// the request comes from (Origin, Sec-Fetch-Site), this server's own
// origin: a page elsewhere cannot make a reviewer's browser decide.
func (s *Server) handleDecision(c echo.Context) error {
	req := c.Request()
	if err := sameOrigin(req); err != nil {
		return err
	}
	if req.Header.Get(ReviewHeader) != "1" {
		return echo.NewHTTPError(http.StatusForbidden, "review: header "+ReviewHeader+": 1 is required")
	}
	if mt, _, err := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType)); err != nil || mt != echo.MIMEApplicationJSON {
		return echo.NewHTTPError(http.StatusUnsupportedMediaType, "review: want Content-Type: application/json")
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, maxDecisionBytes+1))
	if err != nil {
		return err
	}
	if len(body) > maxDecisionBytes {
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge, fmt.Sprintf("review: a decision is at most %d bytes", maxDecisionBytes))
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var r decisionRequest
	if err := dec.Decode(&r); err != nil {
		return graph.Invalidf("body", "%s", jsonProblem(err, body))
	}
	if dec.More() {
		return graph.Invalidf("body", "one JSON object expected")
	}
	now := time.Now
	if s.opts.Review.Now != nil {
		now = s.opts.Review.Now
	}
	d, err := r.decision(c.Get(reviewerKey).(string), now().UTC().Truncate(time.Second))
	if err != nil {
		return err
	}
	d, err = s.opts.Review.Store.Review(req.Context(), d, s.opts.Review.Persist)
	if err != nil {
		return err // a conflict is 409, a store without review 501 (statusOf)
	}
	return c.JSON(http.StatusOK, struct {
		Decision graph.Decision `json:"decision"`
	}{d})
}

// jsonProblem says what is wrong with a JSON body without echoing it. An
// unknown member is found by unknownMember (encoding/json's error for it has
// no type to test).
func jsonProblem(err error, body []byte) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at byte %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("field %s: want a %s", te.Field, te.Type)
	case errors.Is(err, io.EOF):
		return "empty"
	}
	if name := unknownMember(body, reflect.TypeFor[decisionRequest](), ""); name != "" {
		return fmt.Sprintf("unknown field %q", name)
	}
	return "malformed JSON"
}

// unknownMember returns the dotted name of the first member of the JSON
// object data (and of the objects in it) that the struct type t has no
// json tag for, or "" when there is none.
func unknownMember(data []byte, t reflect.Type, prefix string) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var obj map[string]json.RawMessage
	if t.Kind() != reflect.Struct || json.Unmarshal(data, &obj) != nil {
		return ""
	}
	fields := map[string]reflect.Type{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		fields[name] = f.Type
	}
	for _, name := range slices.Sorted(maps.Keys(obj)) {
		ft, ok := fields[name]
		if !ok {
			return prefix + name
		}
		if inner := unknownMember(obj[name], ft, prefix+name+"."); inner != "" {
			return inner
		}
	}
	return ""
}

// sameOrigin refuses a request whose Origin is another origin than the
// request's own, or that the browser marks as cross-site.
func sameOrigin(req *http.Request) error {
	if site := req.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" {
		return echo.NewHTTPError(http.StatusForbidden, "review: cross-site request refused")
	}
	origin := req.Header.Get(echo.HeaderOrigin)
	if origin == "" {
		return nil // not a browser, or a same-origin GET-like request: the token and header still apply
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host != req.Host {
		return echo.NewHTTPError(http.StatusForbidden, "review: request from another origin refused")
	}
	return nil
}
