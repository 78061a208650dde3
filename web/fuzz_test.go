package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// fuzzRoutes are the API routes with "{}" where a path parameter goes.
var fuzzRoutes = []string{
	"/api/actors", "/api/actors/{}", "/api/actors/{}/neighbourhood", "/api/subgraph", "/api/paths",
	"/api/claims", "/api/articles/{}", "/api/export", "/api/stats", "/{}",
}

// FuzzAPI sends every route any path parameter and any raw query through
// the whole handler on the fixture graph: the answer is never a 5xx, and an
// API answer is JSON (or, for an export, a file).
func FuzzAPI(f *testing.F) {
	f.Add(uint8(1), "khalifa-haftar", "")
	f.Add(uint8(2), "khalifa-haftar", "depth=3&limit=500&types=met,supported&kinds=state&certainties=asserted&min_confidence=0.5&max_neighbours=3")
	f.Add(uint8(3), "", "ids=usa,uae,khalifa-haftar&types=opposed")
	f.Add(uint8(4), "", "from=khalifa-haftar&to=usa&max=4&limit=3")
	f.Add(uint8(5), "", "source=uae&target=khalifa-haftar&type=supported&limit=1")
	f.Add(uint8(6), "a1-cairo", "")
	f.Add(uint8(7), "", "format=csv&center=khalifa-haftar&depth=2")
	f.Add(uint8(0), "", "q=%D8%AD%D9%81%D8%AA%D8%B1&kind=person&limit=2")
	f.Add(uint8(9), "%80", "")
	f.Add(uint8(9), "api/export/x", "") // a path under /api the router hands to the static route
	f.Add(uint8(1), "\x00/../\u202e", "q=%00&q=a&limit=-1&depth=1e9&min_confidence=NaN")
	h := testServer(f, fixtureStore(f), Options{}).Handler()
	f.Fuzz(func(t *testing.T, route uint8, param, query string) {
		path := strings.Replace(fuzzRoutes[int(route)%len(fuzzRoutes)], "{}", url.PathEscape(param), 1)
		u, err := url.Parse(path)
		if err != nil {
			t.Skip()
		}
		u.RawQuery = query
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL, req.RequestURI = u, u.RequestURI()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("GET %s: got status %d: %s", u, rec.Code, rec.Body)
		}
		ct := rec.Header().Get("Content-Type")
		if strings.HasPrefix(u.Path, "/api/") && strings.HasPrefix(ct, "application/json") && rec.Body.Len() > 0 && !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("GET %s: %s body is not JSON: %s", u, ct, rec.Body)
		}
		if strings.HasPrefix(u.Path, "/api/") && u.Path != "/api/export" && rec.Code != http.StatusOK && !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("GET %s: error %d as %q, want JSON", u, rec.Code, ct)
		}
	})
}
