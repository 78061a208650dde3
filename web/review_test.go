package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/storetest"
)

const (
	aliceToken = "alice-token-0123456789"
	bobToken   = "bob-token-0123456789ab"
)

var reviewNow = time.Date(2026, 12, 5, 6, 40, 0, 0, time.UTC)

// reviewServer is a server in review mode on the fixture, recording the
// decisions it persists; failPersist makes persistence fail.
func reviewServer(t *testing.T, failPersist bool) (*Server, *[]graph.Decision) {
	t.Helper()
	store := fixtureStore(t)
	var recorded []graph.Decision
	s := testServer(t, store, Options{Review: &ReviewOptions{
		Store:  store,
		Tokens: map[string]string{aliceToken: "alice", bobToken: "bob"},
		Persist: func(d graph.Decision) error {
			if failPersist {
				return errors.New("disk full")
			}
			recorded = append(recorded, d)
			return nil
		},
		Now: func() time.Time { return reviewNow },
	}})
	return s, &recorded
}

type reviewRequest struct {
	method, path, body string
	header             map[string]string
}

// decisionRequest builds a well-formed decision request by alice.
func post(body string, edit func(h map[string]string)) reviewRequest {
	h := map[string]string{"Authorization": "Bearer " + aliceToken, ReviewHeader: "1", "Content-Type": "application/json",
		"Origin": "http://example.com", "Sec-Fetch-Site": "same-origin"}
	if edit != nil {
		edit(h)
	}
	return reviewRequest{http.MethodPost, reviewDecisionsPath, body, h}
}

func (r reviewRequest) do(t *testing.T, s *Server) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(r.method, r.path, strings.NewReader(r.body))
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

func get(path, token string) reviewRequest {
	h := map[string]string{}
	if token != "" {
		h["Authorization"] = "Bearer " + token
	}
	return reviewRequest{http.MethodGet, path, "", h}
}

func TestReviewModeOff(t *testing.T) {
	s := testServer(t, fixtureStore(t), Options{})
	tests := []struct {
		req  reviewRequest
		want int
		body string
	}{
		{get("/api/review", ""), http.StatusOK, `{"enabled":false,"header":"X-Rawabit-Review"}`},
		{get("/api/review/queue", aliceToken), http.StatusNotFound, "review mode is off"},
		{post(`{"kind":"confirm","claim":"0123456789abcdef"}`, nil), http.StatusMethodNotAllowed, "read-only"},
	}
	for _, tt := range tests {
		t.Run(tt.req.method+" "+tt.req.path, func(t *testing.T) {
			rec := tt.req.do(t, s)
			if rec.Code != tt.want || !strings.Contains(rec.Body.String(), tt.body) {
				t.Errorf("got %d %s, want %d with %q", rec.Code, rec.Body, tt.want, tt.body)
			}
		})
	}
}

func TestReviewAccess(t *testing.T) {
	s, recorded := reviewServer(t, false)
	claim := storetest.FixtureClaimID(t, "a1-cairo", graph.Supported, "egypt", "lna")
	confirm := `{"kind":"confirm","claim":"` + claim + `","reason":"read it"}`
	tests := []struct {
		name string
		req  reviewRequest
		want int
		body string
	}{
		{"status", get("/api/review", ""), http.StatusOK, `"enabled":true`},
		{"queue without a token", get("/api/review/queue", ""), http.StatusUnauthorized, "token is required"},
		{"queue with a wrong token", get("/api/review/queue", "not-a-token-0123456789"), http.StatusUnauthorized, "token is required"},
		{"who am I", get("/api/review/me", bobToken), http.StatusOK, `{"reviewer":"bob"}`},
		{"queue limit out of range", get("/api/review/queue?limit=5000", aliceToken), http.StatusBadRequest, "limit"},
		{"decision without a token", post(confirm, func(h map[string]string) { delete(h, "Authorization") }), http.StatusUnauthorized, "token"},
		{"decision with a Basic header", post(confirm, func(h map[string]string) { h["Authorization"] = "Basic " + aliceToken }), http.StatusUnauthorized, "token"},
		{"decision without the review header", post(confirm, func(h map[string]string) { delete(h, ReviewHeader) }), http.StatusForbidden, ReviewHeader},
		{"decision from another origin", post(confirm, func(h map[string]string) { h["Origin"] = "https://evil.example" }), http.StatusForbidden, "another origin"},
		{"decision marked cross-site", post(confirm, func(h map[string]string) { h["Sec-Fetch-Site"] = "cross-site" }), http.StatusForbidden, "cross-site"},
		{"decision as a form", post(confirm, func(h map[string]string) { h["Content-Type"] = "application/x-www-form-urlencoded" }), http.StatusUnsupportedMediaType, "application/json"},
		{"decision with an unknown field", post(`{"kind":"confirm","claim":"`+claim+`","reviewer":"mallory"}`, nil), http.StatusBadRequest, `unknown field \"reviewer\"`},
		{"decision that is not JSON", post(`kind=confirm`, nil), http.StatusBadRequest, "malformed JSON"},
		{"decision of an unknown kind", post(`{"kind":"delete"}`, nil), http.StatusBadRequest, "unknown decision"},
		{"decision on a malformed claim id", post(`{"kind":"reject","claim":"<script>"}`, nil), http.StatusBadRequest, "claim: want a claim id"},
		{"decision on an unknown claim", post(`{"kind":"reject","claim":"0123456789abcdef"}`, nil), http.StatusNotFound, "not found"},
		{"decision too large", post(`{"kind":"confirm","reason":"`+strings.Repeat("x", maxDecisionBytes)+`"}`, nil), http.StatusRequestEntityTooLarge, "at most"},
		{"reason too long", post(`{"kind":"confirm","claim":"`+claim+`","reason":"`+strings.Repeat("x", 1001)+`"}`, nil), http.StatusBadRequest, "reason"},
		{"other POSTs stay refused", reviewRequest{http.MethodPost, "/api/claims", "", nil}, http.StatusMethodNotAllowed, "read-only"},
		{"a PUT on decisions is refused", reviewRequest{http.MethodPut, reviewDecisionsPath, confirm, nil}, http.StatusMethodNotAllowed, "read-only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := tt.req.do(t, s)
			if rec.Code != tt.want || !strings.Contains(rec.Body.String(), tt.body) {
				t.Errorf("got %d %s, want %d with %q", rec.Code, rec.Body, tt.want, tt.body)
			}
			if csp := rec.Header().Get("Content-Security-Policy"); csp != headerCSP {
				t.Errorf("got CSP %q, want the strict one", csp)
			}
			if rec.Code == http.StatusUnauthorized && rec.Header().Get("WWW-Authenticate") == "" {
				t.Errorf("401 without WWW-Authenticate")
			}
		})
	}
	if len(*recorded) != 0 {
		t.Errorf("got %d decisions persisted by refused requests, want none", len(*recorded))
	}
}

func TestReviewDecisions(t *testing.T) {
	s, recorded := reviewServer(t, false)
	lowest := storetest.FixtureClaimID(t, "a3-tripoli", graph.Supported, "uae", "khalifa-haftar")
	var queue struct {
		Claims []struct {
			ID           string  `json:"id"`
			Confidence   float64 `json:"confidence"`
			ArticleTitle string  `json:"article_title"`
			Status       string  `json:"status"`
		} `json:"claims"`
	}
	rec := get("/api/review/queue?limit=3", aliceToken).do(t, s)
	if err := json.Unmarshal(rec.Body.Bytes(), &queue); err != nil || len(queue.Claims) != 3 || queue.Claims[0].ID != lowest ||
		queue.Claims[0].ArticleTitle == "" || queue.Claims[0].Status != "unreviewed" {
		t.Fatalf("GET queue: got %s (%v), want 3 claims starting with %s, with article titles", rec.Body, err, lowest)
	}

	steps := []struct {
		name string
		body string
		want int
		has  string
	}{
		{"reject", `{"kind":"reject","claim":"` + lowest + `","reason":"the report is denied"}`, http.StatusOK, `"reviewer":"alice"`},
		{"reject again", `{"kind":"reject","claim":"` + lowest + `"}`, http.StatusConflict, "already rejected"},
		{"restore", `{"kind":"restore","claim":"` + lowest + `"}`, http.StatusOK, `"kind":"restore"`},
		{"add a claim from a selection", `{"kind":"add_claim","new_claim":{"article":"a1-cairo","type":"met","source":"khalifa-haftar","target":"un","start":` +
			itoa(strings.Index(storetestTextCairo(t), "وبحث معه")) + `,"end":` + itoa(strings.Index(storetestTextCairo(t), "وبحث معه")+len("وبحث معه")) + `,"certainty":"reported","confidence":0.7}}`,
			http.StatusOK, `"quote":"وبحث معه"`},
		{"add an actor", `{"kind":"add_actor","actor":{"id":"new-envoy","name":"New Envoy","name_ar":"مبعوث جديد","kind":"person","affiliation":"un"}}`, http.StatusOK, `"actor"`},
		{"add a name", `{"kind":"add_name","actor_id":"new-envoy","name":"المبعوث الجديد"}`, http.StatusOK, `"name":"المبعوث الجديد"`},
		{"merge", `{"kind":"merge","actor_id":"new-envoy","into":"un"}`, http.StatusOK, `"into":"un"`},
		{"a name with a control character", `{"kind":"add_name","actor_id":"un","name":"a\u0007b"}`, http.StatusBadRequest, "control character"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			rec := post(st.body, nil).do(t, s)
			if rec.Code != st.want || !strings.Contains(rec.Body.String(), st.has) {
				t.Errorf("got %d %s, want %d with %q", rec.Code, rec.Body, st.want, st.has)
			}
		})
	}
	if len(*recorded) != 6 {
		t.Fatalf("got %d decisions persisted, want 6", len(*recorded))
	}
	for _, d := range *recorded {
		if d.Reviewer != "alice" || !d.Time.Equal(reviewNow) {
			t.Errorf("got decision by %q at %v, want alice at %v", d.Reviewer, d.Time, reviewNow)
		}
	}
	if _, err := s.store.Actor(t.Context(), "new-envoy"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("the merged actor: got %v, want not found", err)
	}
}

func TestReviewPersistenceFailure(t *testing.T) {
	s, _ := reviewServer(t, true)
	lowest := storetest.FixtureClaimID(t, "a3-tripoli", graph.Supported, "uae", "khalifa-haftar")
	rec := post(`{"kind":"reject","claim":"`+lowest+`"}`, nil).do(t, s)
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("got %d %s, want 500", rec.Code, rec.Body)
	}
	if c, _ := s.store.Counts(t.Context()); c.Claims != 18 {
		t.Errorf("got %+v, want the claim kept when persistence fails", c)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func storetestTextCairo(t *testing.T) string {
	t.Helper()
	return storetest.Fixture()[0].Article.Text
}

func TestUnknownMember(t *testing.T) {
	for _, tt := range []struct {
		body, want string
	}{
		{`{"kind":"confirm","claim":"c1"}`, ""},
		{`{"kind":"confirm","reviewer":"mallory"}`, "reviewer"},
		{`{"kind":"add_claim","new_claim":{"article":"a","colour":"red"}}`, "new_claim.colour"},
		{`{"kind":"add_actor","actor":{"id":"x","aliases":["y"],"rank":1}}`, "actor.rank"},
	} {
		t.Run(tt.body, func(t *testing.T) {
			if got := unknownMember([]byte(tt.body), reflect.TypeFor[decisionRequest](), ""); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
