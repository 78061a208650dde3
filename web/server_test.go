package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixtureStore is a memstore holding storetest.Fixture: small, hand-made and
// stable, so the golden files only change when the API does.
func fixtureStore(t testing.TB) *memstore.Store {
	t.Helper()
	s := memstore.New()
	for _, d := range storetest.Fixture() {
		if err := s.LoadArticle(context.Background(), d); err != nil {
			t.Fatalf("loading fixture %s: %v", d.Article.ID, err)
		}
	}
	return s
}

func testServer(t testing.TB, r graph.Reader, opts Options) *Server {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.Hosts == nil {
		opts.Hosts = append([]string{"example.com"}, LoopbackHosts...) // httptest.NewRequest's host
	}
	return NewServer(r, opts)
}

func do(t testing.TB, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// checkGolden compares body, re-indented, with testdata/name.json.
func checkGolden(t *testing.T, name string, body []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, body)
	}
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name+".json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run go test ./web -run %s -update): %v", t.Name(), err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("response differs from %s (rerun with -update if the change is intended):\ngot:\n%s", path, got)
	}
}

func TestGolden(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	tests := []struct{ name, target string }{
		{"healthz", "/healthz"},
		{"stats", "/api/stats"},
		{"search_haftar", "/api/actors?q=" + url.QueryEscape("حفتر")},
		{"search_ahmed_hamza", "/api/actors?q=" + url.QueryEscape("أحمد") + "&kind=person"},
		{"actor_haftar", "/api/actors/khalifa-haftar"},
		{"neighbourhood_haftar_d2", "/api/actors/khalifa-haftar/neighbourhood?depth=2"},
		{"neighbourhood_un_capped", "/api/actors/un/neighbourhood?depth=1&max_neighbours=2&types=MET"},
		{"neighbourhood_filtered", "/api/actors/egypt/neighbourhood?depth=2&types=supported,met&kinds=state,organisation&certainties=asserted&min_confidence=0.85"},
		{"paths_haftar_usa", "/api/paths?from=khalifa-haftar&to=usa"},
		{"subgraph_haftar_un_usa_turkey", "/api/subgraph?ids=usa,khalifa-haftar,un,turkey,gna,usa"},
		{"subgraph_filtered", "/api/subgraph?ids=egypt,khalifa-haftar,lna,un,uae,turkey&types=MET,supported&kinds=state&certainties=asserted,reported&min_confidence=0.5"},
		{"claims_uae_haftar", "/api/claims?source=uae&target=khalifa-haftar&type=Supported"},
		{"claims_met_either_direction", "/api/claims?source=un&target=fayez-al-sarraj&type=met"},
		{"article_cairo", "/api/articles/a1-cairo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, tt.target)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: got status %d, want 200; body %s", tt.target, rec.Code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("GET %s: got Content-Type %q, want application/json", tt.target, ct)
			}
			checkGolden(t, tt.name, rec.Body.Bytes())
		})
	}
}

func TestBadParameters(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{MaxNodes: 300}).Handler()
	tests := []struct {
		target string
		param  string // must be named in the error
	}{
		{"/api/actors", "q"},
		{"/api/actors?q=" + strings.Repeat("x", 300), "q"},
		{"/api/actors?q=a&limit=0", "limit"},
		{"/api/actors?q=a&limit=1001", "limit"},
		{"/api/actors?q=a&limit=ten", "limit"},
		{"/api/actors?q=a&kind=planet", "kind"},
		{"/api/actors?q=a&colour=red", "colour"},
		{"/api/actors?q=a&q=b", "q"},
		{"/api/stats?verbose=1", "verbose"},
		{"/api/actors/khalifa-haftar/neighbourhood?depth=0", "depth"},
		{"/api/actors/khalifa-haftar/neighbourhood?depth=4", "depth"},
		{"/api/actors/khalifa-haftar/neighbourhood?depth=two", "depth"},
		{"/api/actors/khalifa-haftar/neighbourhood?limit=301", "limit"},
		{"/api/actors/khalifa-haftar/neighbourhood?max_neighbours=0", "max_neighbours"},
		{"/api/actors/khalifa-haftar/neighbourhood?types=met,hugged", "types"},
		{"/api/actors/khalifa-haftar/neighbourhood?kinds=planet", "kinds"},
		{"/api/actors/khalifa-haftar/neighbourhood?certainties=negated", "certainties"},
		{"/api/actors/khalifa-haftar/neighbourhood?min_confidence=1.5", "min_confidence"},
		{"/api/actors/khalifa-haftar/neighbourhood?min_confidence=NaN", "min_confidence"},
		{"/api/actors/khalifa-haftar/neighbourhood?center=usa", "center"},
		{"/api/paths?to=usa", "from"},
		{"/api/paths?from=usa", "to"},
		{"/api/paths?from=usa&to=usa", "to"},
		{"/api/paths?from=usa&to=un&max=7", "max"},
		{"/api/paths?from=usa&to=un&max=0", "max"},
		{"/api/paths?from=usa&to=un&limit=-1", "limit"},
		{"/api/paths?from=usa&to=un&types=liked", "types"},
		{"/api/claims", "source"},
		{"/api/claims?source=usa&type=liked", "type"},
		{"/api/claims?source=usa&limit=10001", "limit"},
		{"/api/claims?source=usa&min_confidence=-0.1", "min_confidence"},
		{"/api/actors/a%2Fb", "id"},
		{"/api/actors/Khalifa-Haftar", "id"},
		{"/api/actors/-haftar/neighbourhood", "id"},
		{"/api/actors/" + strings.Repeat("a", graph.MaxActorIDBytes+1), "id"},
		{"/api/paths?from=usa&to=%D8%AD%D9%81%D8%AA%D8%B1", "to"},
		{"/api/claims?source=usa&target=un%20envoy", "target"},
		{"/api/articles/..", "id"},
		{"/api/subgraph", "ids"},
		{"/api/subgraph?ids=,,", "ids"},
		{"/api/subgraph?ids=usa,a%2Fb", "ids"},
		{"/api/subgraph?ids=" + manyIDs(graph.MaxSubgraphIDs+1), "ids"},
		{"/api/subgraph?ids=usa&ids=un", "ids"},
		{"/api/subgraph?ids=usa&types=hugged", "types"},
		{"/api/subgraph?ids=usa&kinds=planet", "kinds"},
		{"/api/subgraph?ids=usa&certainties=negated", "certainties"},
		{"/api/subgraph?ids=usa&min_confidence=2", "min_confidence"},
		{"/api/subgraph?ids=usa&depth=2", "depth"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, tt.target)
			if rec.Code != http.StatusBadRequest {
				t.Fatalf("GET %s: got status %d, want 400; body %s", tt.target, rec.Code, rec.Body)
			}
			var body errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("error body is not JSON {\"error\": ...}: %v: %s", err, rec.Body)
			}
			if !strings.Contains(body.Error, "parameter "+tt.param) {
				t.Errorf("GET %s: got error %q, want it to name parameter %s", tt.target, body.Error, tt.param)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	for _, target := range []string{
		"/api/actors/nobody",
		"/api/actors/nobody/neighbourhood",
		"/api/articles/no-such-article",
		"/api/paths?from=nobody&to=usa",
		"/api/claims?source=nobody",
		"/api/subgraph?ids=usa,nobody",
		"/api/no-such-endpoint",
		// Paths under /api that echo's router hands to the static route
		// (found by FuzzAPI): still the API's JSON 404.
		"/api",
		"/api/export/x",
		"/api/static/app.js",
		"/api/overview/x/y",
		"/no-such-file.js",
		"/vendor/",
	} {
		t.Run(target, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, target)
			if rec.Code != http.StatusNotFound {
				t.Fatalf("GET %s: got status %d, want 404; body %s", target, rec.Code, rec.Body)
			}
			if p := strings.SplitN(target, "?", 2)[0]; p == "/api" || strings.HasPrefix(p, "/api/") {
				var body errorBody
				if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error == "" {
					t.Errorf("GET %s: got body %q, want JSON {\"error\": ...}", target, rec.Body)
				}
			}
		})
	}
}

func TestReadOnly(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	for _, tt := range []struct{ method, target string }{
		{http.MethodPost, "/api/stats"},
		{http.MethodPut, "/api/actors/usa"},
		{http.MethodDelete, "/api/articles/a1-cairo"},
		{http.MethodPatch, "/"},
		{http.MethodPost, "/api/no-such-endpoint"},
	} {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := do(t, h, tt.method, tt.target)
			if rec.Code != http.StatusMethodNotAllowed {
				t.Fatalf("got status %d, want 405", rec.Code)
			}
			if got := rec.Header().Get("Allow"); got != "GET, HEAD" {
				t.Errorf("got Allow %q, want \"GET, HEAD\"", got)
			}
		})
	}
	rec := do(t, h, http.MethodHead, "/api/stats")
	if rec.Code != http.StatusOK {
		t.Errorf("HEAD /api/stats: got status %d, want 200", rec.Code)
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	for _, target := range []string{"/", "/app.js", "/api/stats", "/api/actors/nobody", "/api/actors?q="} {
		t.Run(target, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, target)
			csp := rec.Header().Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'",
				"img-src 'self' data: blob:", "frame-ancestors 'none'", "connect-src 'self'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("got CSP %q, want it to contain %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("got CSP %q, want no unsafe-inline or unsafe-eval", csp)
			}
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("got X-Content-Type-Options %q, want nosniff", got)
			}
			if got := rec.Header().Get("Referrer-Policy"); got != "no-referrer" {
				t.Errorf("got Referrer-Policy %q, want no-referrer", got)
			}
		})
	}
}

func TestErrorStatuses(t *testing.T) {
	store := fixtureStore(t)
	t.Run("timeout is 504", func(t *testing.T) {
		h := testServer(t, store, Options{RequestTimeout: time.Nanosecond}).Handler()
		rec := do(t, h, http.MethodGet, "/api/actors/khalifa-haftar/neighbourhood")
		if rec.Code != http.StatusGatewayTimeout {
			t.Errorf("got status %d, want 504; body %s", rec.Code, rec.Body)
		}
	})
	t.Run("body over the limit is 413", func(t *testing.T) {
		h := testServer(t, store, Options{MaxBodyBytes: 10}).Handler()
		req := httptest.NewRequest(http.MethodGet, "/api/stats", strings.NewReader(strings.Repeat("x", 11)))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("got status %d, want 413", rec.Code)
		}
	})
	t.Run("closed store is 503 and logged", func(t *testing.T) {
		closed := fixtureStore(t)
		if err := closed.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
		var log bytes.Buffer
		h := testServer(t, closed, Options{Logger: slog.New(slog.NewTextHandler(&log, nil))}).Handler()
		rec := do(t, h, http.MethodGet, "/api/stats")
		if rec.Code != http.StatusServiceUnavailable {
			t.Errorf("got status %d, want 503", rec.Code)
		}
		if strings.Contains(rec.Body.String(), "memstore") {
			t.Errorf("got body %s, want a short message without internals", rec.Body)
		}
		if !strings.Contains(log.String(), "store is closed") {
			t.Errorf("got log %q, want the error logged", log.String())
		}
	})
	for _, tt := range []struct {
		err    error
		status int
		msg    string
	}{
		{fmt.Errorf("x: %w", graph.ErrNotFound), 404, "not found"},
		{badParam("depth", "bad"), 400, "parameter depth: bad"},
		{asParamError(fmt.Errorf("memstore: %w", graph.Invalidf("max_length", "7 is outside 1..6")), (&pathParams{}).params(nil)), 400, "parameter max: 7 is outside 1..6"},
		{fmt.Errorf("memstore: %w", graph.NotFound("actor", "x")), 404, `actor "x": not found`},
		{fmt.Errorf("memstore: search %q: %w", "..", graph.Invalidf("text", "no letter")), 400, "text: no letter"},
		{fmt.Errorf("memstore: review: %w", graph.Conflictf("claim c1 is already rejected")), 409, "claim c1 is already rejected"},
		{fmt.Errorf("neo4jstore: review: %w", graph.ErrNotSupported), 501, "review: not supported by this store"},
		{fmt.Errorf("x: %w", graph.ErrUnavailable), 503, "the graph store is unavailable"},
		{fmt.Errorf("x: %w", context.DeadlineExceeded), 504, "the request took too long; narrow it (lower depth or limit, add filters)"},
		{errors.New("disk on fire at /var/secret"), 500, "internal error"},
	} {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			if got := statusOf(tt.err); got != tt.status {
				t.Errorf("statusOf(%v): got %d, want %d", tt.err, got, tt.status)
			}
			if got := clientMessage(tt.err, tt.status); got != tt.msg {
				t.Errorf("clientMessage(%v): got %q, want %q", tt.err, got, tt.msg)
			}
		})
	}
}

// TestOpenAPIInStep checks that openapi.json describes exactly the
// registered routes, each with exactly the query parameters it accepts.
func TestOpenAPIInStep(t *testing.T) {
	s := testServer(t, fixtureStore(t), Options{})
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Parameters []struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
		} `json:"paths"`
	}
	rec := do(t, s.Handler(), http.MethodGet, "/api/openapi.json")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /api/openapi.json: got status %d", rec.Code)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("got openapi %q, want 3.1.0", doc.OpenAPI)
	}
	pathParam := regexp.MustCompile(`:(\w+)`)
	var routePaths []string
	for _, r := range s.routes {
		p := pathParam.ReplaceAllString(r.path, "{$1}")
		routePaths = append(routePaths, p)
		ops, ok := doc.Paths[p]
		if !ok {
			t.Errorf("route %s is not in openapi.json", p)
			continue
		}
		method := "get"
		if r.post {
			method = "post"
		}
		if _, ok := ops[method]; !ok || len(ops) != 1 {
			t.Errorf("openapi.json %s: got operations %v, want %s only", p, slices.Collect(maps.Keys(ops)), method)
		}
		var query, path []string
		for _, prm := range ops[method].Parameters {
			switch prm.In {
			case "query":
				query = append(query, prm.Name)
			case "path":
				path = append(path, prm.Name)
			}
		}
		slices.Sort(query)
		want := slices.Sorted(slices.Values(r.queryNames()))
		if !slices.Equal(query, want) {
			t.Errorf("openapi.json %s: got query parameters %v, want %v", p, query, want)
		}
		var wantPath []string
		for _, m := range pathParam.FindAllStringSubmatch(r.path, -1) {
			wantPath = append(wantPath, m[1])
		}
		if !slices.Equal(path, wantPath) {
			t.Errorf("openapi.json %s: got path parameters %v, want %v", p, path, wantPath)
		}
	}
	for p := range doc.Paths {
		if !slices.Contains(routePaths, p) {
			t.Errorf("openapi.json describes %s, which is not a registered route", p)
		}
	}
	var raw map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`"\$ref":\s*"#/([^"]+)"`).FindAllStringSubmatch(rec.Body.String(), -1) {
		var node any = raw
		for _, part := range strings.Split(m[1], "/") {
			obj, ok := node.(map[string]any)
			if !ok {
				node = nil
				break
			}
			node = obj[part]
		}
		if node == nil {
			t.Errorf("openapi.json: $ref #/%s points nowhere", m[1])
		}
	}
}

// TestArticleOffsets checks that every claim of every fixture article has a
// verbatim quote at its byte offsets and at its UTF-16 offsets, which the
// viewer uses to highlight it.
func TestArticleOffsets(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	for _, d := range storetest.Fixture() {
		t.Run(d.Article.ID, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, "/api/articles/"+d.Article.ID)
			var a articleView
			if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			units := utf16.Encode([]rune(a.Text))
			if len(a.Claims) != len(d.Claims) {
				t.Errorf("got %d claims, want %d", len(a.Claims), len(d.Claims))
			}
			for _, c := range a.Claims {
				if got := a.Text[c.Start:c.End]; got != c.Quote {
					t.Errorf("claim %s: text[start:end] is %q, want the quote %q", c.ID, got, c.Quote)
				}
				if got := string(utf16.Decode(units[c.StartUTF16:c.EndUTF16])); got != c.Quote {
					t.Errorf("claim %s: UTF-16 slice is %q, want the quote %q", c.ID, got, c.Quote)
				}
			}
		})
	}
}

// manyIDs returns n distinct made-up actor ids, comma-separated.
func manyIDs(n int) string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("actor-%d", i)
	}
	return strings.Join(ids, ",")
}

// TestSubgraph checks GET /api/subgraph against the neighbourhood endpoint:
// asked for the actors of a neighbourhood with the same filters, it answers
// with the same nodes, edges and centrality, since a neighbourhood holds
// every matching claim among its actors. It also checks the bound on ids and
// that an unknown id is a 404 naming it.
func TestSubgraph(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	for _, tt := range []struct {
		center  string
		depth   int
		filters string
	}{
		{"khalifa-haftar", 2, ""},
		{"un", 1, "types=met"},
		{"egypt", 2, "types=supported,met&kinds=state,organisation&certainties=asserted&min_confidence=0.85"},
		{"turkey", 3, "types=opposed,supported"},
	} {
		t.Run(fmt.Sprintf("%s depth %d %s", tt.center, tt.depth, tt.filters), func(t *testing.T) {
			var n neighbourhoodView
			decodeOK(t, h, fmt.Sprintf("/api/actors/%s/neighbourhood?depth=%d&%s", tt.center, tt.depth, tt.filters), &n)
			if len(n.Edges) == 0 {
				t.Fatalf("neighbourhood of %s has no edge; the test needs one", tt.center)
			}
			ids := make([]string, len(n.Nodes))
			for i := range n.Nodes {
				ids[len(ids)-1-i] = n.Nodes[i].ID // reversed: the answer must not depend on the order
				n.Nodes[i].Omitted = 0
			}
			var sub subgraphView
			decodeOK(t, h, "/api/subgraph?ids="+strings.Join(ids, ",")+"&"+tt.filters, &sub)
			if !reflect.DeepEqual(sub.Nodes, n.Nodes) {
				t.Errorf("got nodes %+v, want the neighbourhood's %+v", sub.Nodes, n.Nodes)
			}
			if !reflect.DeepEqual(sub.Edges, n.Edges) {
				t.Errorf("got edges %+v, want the neighbourhood's %+v", sub.Edges, n.Edges)
			}
		})
	}
	t.Run("at most MaxSubgraphIDs ids", func(t *testing.T) {
		rec := do(t, h, http.MethodGet, "/api/subgraph?ids="+manyIDs(graph.MaxSubgraphIDs))
		if rec.Code != http.StatusNotFound {
			t.Errorf("%d unknown ids: got status %d, want 404 (within the bound); body %s", graph.MaxSubgraphIDs, rec.Code, rec.Body)
		}
		rec = do(t, h, http.MethodGet, "/api/subgraph?ids="+manyIDs(graph.MaxSubgraphIDs+1))
		want := fmt.Sprintf("parameter ids: %d distinct ids, more than %d", graph.MaxSubgraphIDs+1, graph.MaxSubgraphIDs)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("%d ids: got status %d body %s, want 400 with %q", graph.MaxSubgraphIDs+1, rec.Code, rec.Body, want)
		}
	})
	t.Run("unknown id", func(t *testing.T) {
		rec := do(t, h, http.MethodGet, "/api/subgraph?ids=usa,no-such-actor,un")
		var body errorBody
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("error body is not JSON: %v: %s", err, rec.Body)
		}
		if rec.Code != http.StatusNotFound || !strings.Contains(body.Error, `"no-such-actor"`) {
			t.Errorf("got status %d error %q, want 404 naming \"no-such-actor\"", rec.Code, body.Error)
		}
	})
}

// decodeOK GETs target, which must answer 200, and decodes its JSON into out.
func decodeOK(t *testing.T, h http.Handler, target string, out any) {
	t.Helper()
	rec := do(t, h, http.MethodGet, target)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: got status %d, want 200; body %s", target, rec.Code, rec.Body)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
}

func TestStaticFiles(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	for _, tt := range []struct{ target, contentType, contains string }{
		{"/", "text/html", `<script type="module" src="/app.js">`},
		{"/app.js", "text/javascript", "import"},
		{"/vendor/cytoscape/cytoscape.esm.min.mjs", "text/javascript", "export{"},
		{"/app.css", "text/css", "--supported"},
	} {
		t.Run(tt.target, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, tt.target)
			if rec.Code != http.StatusOK {
				t.Fatalf("got status %d, want 200", rec.Code)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.contentType) {
				t.Errorf("got Content-Type %q, want %s", ct, tt.contentType)
			}
			if !strings.Contains(rec.Body.String(), tt.contains) {
				t.Errorf("body lacks %q", tt.contains)
			}
		})
	}
}

// TestViewerInsertsTextOnly scans the viewer's own code (not vendor/) for
// HTML insertion, inline script or style, and addresses off the server.
func TestViewerInsertsTextOnly(t *testing.T) {
	banned := regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|\son[a-z]+=|style=|<style|https?://`)
	allowed := map[string]bool{"http://www.w3.org/2000/svg": true}
	err := fs.WalkDir(staticFiles, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(path, "static/vendor/") {
			return err
		}
		data, err := fs.ReadFile(staticFiles, path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range banned.FindAllStringIndex(line, -1) {
				rest := line[m[0]:]
				if ok := slices.ContainsFunc(slices.Collect(maps.Keys(allowed)), func(a string) bool { return strings.HasPrefix(rest, a) }); ok {
					continue
				}
				t.Errorf("%s:%d: %q is not allowed in the viewer: %s", path, i+1, line[m[0]:m[1]], strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSeedCorpus serves the seed corpus (or the fixture when the seed files
// are missing) and checks every claim of every seed article: its quote is
// the article text at its byte offsets and at its UTF-16 offsets.
func TestSeedCorpus(t *testing.T) {
	h := testServer(t, seedStore(t), Options{}).Handler()
	var counts graph.Counts
	rec := do(t, h, http.MethodGet, "/api/stats")
	if err := json.Unmarshal(rec.Body.Bytes(), &counts); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("GET /api/stats: status %d, %v", rec.Code, err)
	}
	if counts.Claims == 0 || counts.Actors == 0 {
		t.Fatalf("got stats %+v, want a graph", counts)
	}
	files, err := filepath.Glob(filepath.Join("..", "data", "articles", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		rec := do(t, h, http.MethodGet, "/api/articles/"+url.PathEscape(id))
		if rec.Code == http.StatusNotFound {
			continue // the fixture stands in for the seed corpus
		}
		var a articleView
		if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil || rec.Code != http.StatusOK {
			t.Fatalf("GET /api/articles/%s: status %d, %v", id, rec.Code, err)
		}
		units := utf16.Encode([]rune(a.Text))
		for _, c := range a.Claims {
			if a.Text[c.Start:c.End] != c.Quote || string(utf16.Decode(units[c.StartUTF16:c.EndUTF16])) != c.Quote {
				t.Errorf("article %s, claim %s: quote %q is not at its offsets", id, c.ID, c.Quote)
			}
			checked++
		}
	}
	t.Logf("%d claims checked in %d seed articles", checked, len(files))
}

// TestOpenAPI checks that openapi.json is the description generated from
// the route table and the endpoints' parameter structs for a server with
// default options; go test ./web -run TestOpenAPI -update rewrites it.
func TestOpenAPI(t *testing.T) {
	s := NewServer(fixtureStore(t), Options{})
	got, err := s.openAPI(openAPIBase)
	if err != nil {
		t.Fatal(err)
	}
	const path = "openapi.json"
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("openapi.json is not the generated description (run go test ./web -run TestOpenAPI -update and check the diff): got %d bytes, want %d", len(got), len(want))
	}
}

// TestJSONRoutesHaveResponseTypes checks that every GET endpoint answering
// JSON is registered with its response type (handleJSON), so that
// openapi.json describes its answer from the Go type; only the endpoints
// that write their own answer are left out.
func TestJSONRoutesHaveResponseTypes(t *testing.T) {
	s := NewServer(fixtureStore(t), Options{})
	writesItsOwn := map[string]bool{"/api/openapi.json": true, "/api/export": true, reviewPath + "/me": true,
		reviewPath + "/queue": true, reviewPath + "/rejected": true, reviewDecisionsPath: true}
	for _, r := range s.routes {
		t.Run(r.path, func(t *testing.T) {
			if got, want := r.response != nil, !writesItsOwn[r.path]; got != want {
				t.Errorf("got response type %v, want one: %v", r.response, want)
			}
		})
	}
}
