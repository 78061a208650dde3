package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/export"
)

// TestDateRangeParams checks since and until on every endpoint that takes
// them: a range keeps the claims of the articles published in it (the
// fixture's a1 is of 2020-01-15, a2 of 2020-01-20, a4 of 2020-02-01, a3 is
// undated), and a malformed date or an until before since is a 400 naming
// the parameter.
func TestDateRangeParams(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	all := "ids=" + strings.Join([]string{"khalifa-haftar", "egypt", "uae", "lna", "turkey", "fayez-al-sarraj", "gna", "un", "ahmed-maiteeq", "ahmed-mismari", "usa", "muammar-gaddafi"}, ",")
	claimsOf := func(target string) []string {
		var v subgraphView
		getJSON(t, h, target, &v)
		var ids []string
		for _, e := range v.Edges {
			ids = append(ids, e.Claims...)
		}
		slices.Sort(ids)
		return ids
	}
	articles := func(target string) []string {
		var v struct {
			Claims []claimView `json:"claims"`
		}
		getJSON(t, h, target, &v)
		var out []string
		for _, c := range v.Claims {
			if !slices.Contains(out, c.Article) {
				out = append(out, c.Article)
			}
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		name, target string
		wantClaims   int
	}{
		{"subgraph, no range", "/api/subgraph?" + all, 18},
		{"subgraph since", "/api/subgraph?" + all + "&since=2020-01-16", 9},
		{"subgraph until", "/api/subgraph?" + all + "&until=2020-01-15", 3},
		{"subgraph one day", "/api/subgraph?" + all + "&since=2020-01-20&until=2020-01-20", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := claimsOf(tt.target); len(got) != tt.wantClaims {
				t.Errorf("GET %s: got %d claims, want %d", tt.target, len(got), tt.wantClaims)
			}
		})
	}
	t.Run("neighbourhood", func(t *testing.T) {
		var v neighbourhoodView
		getJSON(t, h, "/api/actors/khalifa-haftar/neighbourhood?depth=2&until=2020-01-15", &v)
		var ids []string
		for _, n := range v.Nodes {
			ids = append(ids, n.ID)
		}
		if want := []string{"egypt", "khalifa-haftar", "lna", "uae"}; !slices.Equal(ids, want) {
			t.Errorf("got actors %v until 2020-01-15, want %v", ids, want)
		}
	})
	t.Run("claims", func(t *testing.T) {
		if got, want := articles("/api/claims?target=khalifa-haftar&since=2020-01-20"), []string{"a2-ankara", "a4-new-york"}; !slices.Equal(got, want) {
			t.Errorf("got claims of articles %v since 2020-01-20, want %v", got, want)
		}
		if got := articles("/api/claims?target=khalifa-haftar"); !slices.Contains(got, "a3-tripoli") {
			t.Errorf("got claims of articles %v without a range, want the undated a3-tripoli among them", got)
		}
	})
	t.Run("paths", func(t *testing.T) {
		var v struct {
			Paths []pathView `json:"paths"`
		}
		getJSON(t, h, "/api/paths?from=turkey&to=usa&max=6&until=2020-01-31", &v)
		if len(v.Paths) != 0 {
			t.Errorf("got %d paths from turkey to usa until 2020-01-31, want none", len(v.Paths))
		}
	})
	t.Run("export", func(t *testing.T) {
		rec := do(t, h, http.MethodGet, "/api/export?format=jsonl&center=khalifa-haftar&depth=2&since=2020-01-16&until=2020-01-31")
		if rec.Code != http.StatusOK {
			t.Fatalf("got status %d: %s", rec.Code, rec.Body)
		}
		lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n")
		for _, line := range lines {
			var c graph.ClaimLine
			if err := json.Unmarshal([]byte(line), &c); err != nil {
				t.Fatalf("line %q: %v", line, err)
			}
			if c.Article.Published != "2020-01-20" {
				t.Errorf("export of 2020-01-16..2020-01-31 holds a claim of %q (%s)", c.Article.Published, c.Article.ID)
			}
		}
		if len(lines) == 0 {
			t.Errorf("export of 2020-01-16..2020-01-31 is empty, want a2-ankara's claims")
		}
	})
	bad := []struct{ target, param string }{
		{"/api/subgraph?ids=un&since=2020-13-01", "since"},
		{"/api/subgraph?ids=un&until=yesterday", "until"},
		{"/api/claims?source=un&since=2020-02-01&until=2020-01-01", "until"},
		{"/api/actors/un/neighbourhood?since=2020-02-01&until=2020-01-01", "until"},
		{"/api/export?format=jsonl&center=un&since=20200101", "since"},
	}
	for _, b := range bad {
		t.Run("bad "+b.target, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, b.target)
			if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), b.param) {
				t.Errorf("GET %s: got %d %s, want 400 naming %s", b.target, rec.Code, rec.Body, b.param)
			}
		})
	}
}

// TestMeta checks that GET /api/meta gives the graph package's enumerations
// and limits, and node limits up to the server's own.
func TestMeta(t *testing.T) {
	for _, tt := range []struct {
		maxNodes int
		want     []int
	}{
		{0, []int{100, 250, graph.DefaultMaxNodes}},
		{300, []int{100, 250, 300}},
		{graph.MaxMaxNodes, []int{100, 250, 500, 1000, 2000, 5000}},
	} {
		var m metaView
		getJSON(t, testServer(t, fixtureStore(t), Options{MaxNodes: tt.maxNodes}).Handler(), "/api/meta", &m)
		if !slices.Equal(m.NodeLimits, tt.want) {
			t.Errorf("MaxNodes %d: got node limits %v, want %v", tt.maxNodes, m.NodeLimits, tt.want)
		}
		if !slices.Equal(m.Types, graph.RelationTypes) || !slices.Equal(m.Kinds, graph.Kinds) || !slices.Equal(m.Certainties, graph.Certainties) ||
			m.MaxDepth != graph.MaxDepth || m.MaxPathLength != graph.MaxPathLength || !slices.Equal(m.ExportFormats, export.Formats) ||
			m.DefaultPathLength != graph.DefaultPathLength || m.MaxNeighbours != graph.MaxMaxNeighbours ||
			m.MaxSubgraphIDs != graph.MaxSubgraphIDs || m.MaxPathLimit != graph.MaxLimit {
			t.Errorf("got meta %+v, want graph's enumerations and limits", m)
		}
	}
	// Every node limit offered is accepted.
	h := testServer(t, fixtureStore(t), Options{MaxNodes: 300}).Handler()
	for _, n := range []string{"100", "250", "300"} {
		if rec := do(t, h, http.MethodGet, "/api/actors/un/neighbourhood?limit="+n); rec.Code != http.StatusOK {
			t.Errorf("limit %s offered by /api/meta: got status %d", n, rec.Code)
		}
	}
}

// TestOverview checks GET /api/overview and GET /api/actors/{id}/articles
// on the fixture.
func TestOverview(t *testing.T) {
	h := testServer(t, fixtureStore(t), Options{}).Handler()
	var ov overviewView
	getJSON(t, h, "/api/overview", &ov)
	if !ov.Whole || len(ov.Top) != 12 || ov.Top[0].Actor.ID != "un" || ov.Counts.Claims != 18 {
		t.Errorf("got overview whole %v with %d actors led by %v and %d claims, want the whole 12 led by un, 18 claims", ov.Whole, len(ov.Top), ov.Top, ov.Counts.Claims)
	}
	want := []graph.MonthCount{{Month: "2020-01", Claims: 7}, {Month: "2020-02", Claims: 5}}
	if !slices.Equal(ov.Months, want) || ov.Undated != 6 {
		t.Errorf("got months %v and %d undated, want %v and 6", ov.Months, ov.Undated, want)
	}
	var arts struct {
		Articles []mentionView `json:"articles"`
	}
	getJSON(t, h, "/api/actors/lna/articles", &arts)
	if len(arts.Articles) != 2 || arts.Articles[0].ID != "a1-cairo" || arts.Articles[0].Published != "2020-01-15" || arts.Articles[0].DateSource != graph.DateFrontMatter {
		t.Errorf("got articles %+v mentioning lna, want a1-cairo (2020-01-15, front matter) then a3-tripoli", arts.Articles)
	}
	if rec := do(t, h, http.MethodGet, "/api/actors/nobody/articles"); rec.Code != http.StatusNotFound {
		t.Errorf("articles of an unknown actor: got status %d, want 404", rec.Code)
	}
}
