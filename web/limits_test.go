package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph/memstore"
)

// TestHeavyRequestsLimited checks that with every heavy slot taken, an
// export, a paths request and a large subgraph get 503 with Retry-After and
// a message, while light requests (a small subgraph, an actor) still get
// 200; once a slot is free the heavy request gets 200.
func TestHeavyRequestsLimited(t *testing.T) {
	s := testServer(t, fixtureStore(t), Options{MaxHeavy: 2})
	h := s.Handler()
	heavy := []string{
		"/api/export?center=khalifa-haftar&format=graphml",
		"/api/paths?from=khalifa-haftar&to=usa",
		"/api/subgraph?ids=khalifa-haftar,usa," + manyIDs(LightSubgraphIDs),
	}
	light := []string{"/api/subgraph?ids=khalifa-haftar,usa", "/api/actors/usa"}
	for range cap(s.heavy) {
		s.heavy <- struct{}{}
	}
	for _, target := range heavy {
		t.Run("busy "+target, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, target)
			if rec.Code != http.StatusServiceUnavailable {
				t.Fatalf("got status %d, want 503: %s", rec.Code, rec.Body)
			}
			if got, want := rec.Header().Get("Retry-After"), strconv.Itoa(RetryAfterSeconds); got != want {
				t.Errorf("got Retry-After %q, want %q", got, want)
			}
			var body errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error != errBusy.Error() {
				t.Errorf("got body %s, want the error %q", rec.Body, errBusy)
			}
		})
	}
	for _, target := range light {
		t.Run("light "+target, func(t *testing.T) {
			if rec := do(t, h, http.MethodGet, target); rec.Code != http.StatusOK {
				t.Errorf("got status %d, want 200: %s", rec.Code, rec.Body)
			}
		})
	}
	<-s.heavy
	for _, target := range heavy[:2] {
		t.Run("free "+target, func(t *testing.T) {
			if rec := do(t, h, http.MethodGet, target); rec.Code != http.StatusOK {
				t.Errorf("got status %d, want 200: %s", rec.Code, rec.Body)
			}
		})
	}
	if got := len(s.heavy); got != 1 {
		t.Errorf("got %d slots taken after the requests, want 1 (every slot released)", got)
	}
}

// TestBadPaths checks that invalid paths get 400, not 500: invalid UTF-8,
// NUL and control characters in the static path or in an id.
func TestBadPaths(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	for _, target := range []string{"/%80", "/%80.js", "/index.html%00", "/a%5cb", "/api/actors/%80", "/api/articles/%ff", "/api/articles/a%01b",
		"/api/claims?source=%80"} {
		t.Run(target, func(t *testing.T) {
			if rec := do(t, h, http.MethodGet, target); rec.Code != http.StatusBadRequest {
				t.Errorf("got status %d, want 400: %s", rec.Code, rec.Body)
			}
		})
	}
}

// TestHostCheck checks that only the configured host names (loopback names
// by default) are served, with or without a port, and that /healthz answers
// whatever the host.
func TestHostCheck(t *testing.T) {
	tests := []struct {
		hosts  []string
		host   string
		path   string
		status int
	}{
		{nil, "localhost:8080", "/api/stats", http.StatusOK},
		{nil, "127.0.0.1:8080", "/api/stats", http.StatusOK},
		{nil, "[::1]:8080", "/", http.StatusOK},
		{nil, "LOCALHOST", "/api/stats", http.StatusOK},
		{nil, "evil.example:8080", "/api/stats", http.StatusMisdirectedRequest},
		{nil, "evil.example", "/", http.StatusMisdirectedRequest},
		{nil, "localhost.evil.example", "/api/stats", http.StatusMisdirectedRequest},
		{nil, "", "/api/stats", http.StatusMisdirectedRequest},
		{nil, "evil.example", "/healthz", http.StatusOK},
		{[]string{"rawabit.example.org"}, "rawabit.example.org:443", "/api/stats", http.StatusOK},
		{[]string{"rawabit.example.org"}, "localhost:8080", "/api/stats", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%v/%s%s", tt.hosts, tt.host, tt.path), func(t *testing.T) {
			hosts := tt.hosts
			if hosts == nil {
				hosts = []string{} // the default, not the test servers' example.com
			}
			h := testServer(t, fixtureStore(t), Options{Hosts: hosts}).Handler()
			req := httptest.NewRequest(http.MethodGet, tt.path, nil)
			req.Host = tt.host
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Errorf("got status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
		})
	}
}

// TestRangeLimited checks that one byte range of a static file is served
// (206) and that a request for many ranges gets the whole file (200).
func TestRangeLimited(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	for _, tt := range []struct {
		ranges string
		status int
	}{
		{"bytes=0-9", http.StatusPartialContent},
		{"bytes=0-0,2-2,4-4", http.StatusOK},
		{"bytes=" + strings.Repeat("0-0,", 5000) + "0-0", http.StatusOK},
	} {
		t.Run(fmt.Sprintf("%.20s", tt.ranges), func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/app.css", nil)
			req.Header.Set("Range", tt.ranges)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Errorf("got status %d, want %d", rec.Code, tt.status)
			}
		})
	}
}

// TestUnsafeURLNotServed checks that an article URL other than http or https
// (from a store filled by other means than the loader) reaches the client
// as "" in the article and in its claims.
func TestUnsafeURLNotServed(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JaVaScRiPt:x", "//evil.example/x", "file:///etc/passwd", "https://news.example/a"} {
		t.Run(u, func(t *testing.T) {
			doc := bigArticle("a1", 200, 100)
			doc.Article.URL = u
			s := memstore.New()
			if err := s.LoadArticle(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			h := testServer(t, s, Options{}).Handler()
			want := ""
			if strings.HasPrefix(u, "https://") {
				want = u
			}
			var a articleView
			getJSON(t, h, "/api/articles/a1", &a)
			if a.URL != want {
				t.Errorf("article: got url %q, want %q", a.URL, want)
			}
			var c struct{ Claims []claimView }
			getJSON(t, h, "/api/claims?source=a", &c)
			if len(c.Claims) == 0 || c.Claims[0].ArticleURL != want {
				t.Errorf("claims: got %+v, want article_url %q", c.Claims, want)
			}
		})
	}
}

// TestParamBounds checks every integer bound the parameter descriptions
// document (and the OpenAPI description shows) against the server: just
// outside is a 400 naming the parameter, the bound itself is not.
func TestParamBounds(t *testing.T) {
	s := testServer(t, fixtureStore(t), Options{})
	// base holds the required parameters of each route, and the path.
	base := map[string]string{
		"/api/actors":                   "/api/actors?q=un",
		"/api/actors/:id/neighbourhood": "/api/actors/un/neighbourhood?",
		"/api/paths":                    "/api/paths?from=un&to=usa",
		"/api/claims":                   "/api/claims?source=un",
		"/api/export":                   "/api/export?format=json&center=un",
		"/api/actors/:id/articles":      "/api/actors/un/articles?",
	}
	checked := 0
	for _, r := range s.routes {
		for _, p := range r.params() {
			if p.In != "query" || p.Schema.Type != "integer" || p.Schema.Maximum == nil {
				continue
			}
			target, ok := base[r.path]
			if !ok {
				continue // review routes need review mode (review_test.go)
			}
			lo, hi := int(*p.Schema.Minimum), int(*p.Schema.Maximum)
			if r.path == "/api/actors/:id/neighbourhood" && p.Name == "limit" {
				hi = s.opts.MaxNodes // the server's own node limit
			}
			sep := "&"
			if strings.HasSuffix(target, "?") {
				sep = ""
			}
			for _, tt := range []struct {
				value int
				bad   bool
			}{{lo - 1, true}, {hi + 1, true}, {lo, false}, {hi, false}} {
				t.Run(fmt.Sprintf("%s %s=%d", r.path, p.Name, tt.value), func(t *testing.T) {
					rec := do(t, s.Handler(), http.MethodGet, fmt.Sprintf("%s%s%s=%d", target, sep, p.Name, tt.value))
					named := strings.Contains(rec.Body.String(), "parameter "+p.Name)
					if tt.bad && (rec.Code != http.StatusBadRequest || !named) {
						t.Errorf("got %d %s, want 400 naming parameter %s", rec.Code, rec.Body, p.Name)
					}
					if !tt.bad && rec.Code == http.StatusBadRequest {
						t.Errorf("got 400 %s, want the bound accepted", rec.Body)
					}
				})
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("checked %d integer parameters, want every one of the read endpoints (at least 10)", checked)
	}
}
