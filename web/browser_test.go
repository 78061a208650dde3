package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
	"github.com/rawabit/rawabit/loader"
)

const chromiumPath = "/usr/bin/chromium"

// seedStore returns a memstore loaded with the seed corpus (data/articles,
// data/gazetteer, data/claims.yaml) when those files exist, and with
// the storetest fixture otherwise.
func seedStore(t *testing.T) *memstore.Store {
	t.Helper()
	data := filepath.Join("..", "data")
	gaz := filepath.Join(data, "gazetteer")
	claims := filepath.Join(data, "claims.yaml")
	for _, p := range []string{gaz, claims} {
		if _, err := os.Stat(p); err != nil {
			t.Logf("no %s: using the storetest fixture instead of the seed corpus", p)
			return fixtureStore(t)
		}
	}
	s := memstore.New()
	sum, err := loader.Load(context.Background(), s, loader.Options{
		Corpus:     []string{filepath.Join(data, "articles")},
		Gazetteers: []string{gaz},
		Claims:     claims,
	})
	if err != nil {
		t.Fatalf("loading the seed corpus: %v", err)
	}
	t.Logf("seed corpus: %d articles, %d actors, %d claims", sum.Articles, sum.Actors, sum.Claims)
	return s
}

// TestBrowser drives the viewer on the seed corpus in Debian's chromium as
// an analyst does, through the DOM, the outline's data- attributes and real
// mouse and keyboard events: the start screen, search, hover, evidence, the
// article view, expanding, undo and redo, filters that hide, pin, hide,
// multi-select, layouts, the timeline, the path finder with typed names,
// the shared URL, and with -update it saves web/testdata/screenshot.png
// (the README's picture; RAWABIT_SHOTS=DIR saves every step's screenshot
// there). Without chromium it skips, except under CI=true where it fails.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the browser test in -short mode")
	}
	store := seedStore(t)
	srv := quietServer(store)
	defer srv.Close()
	p, pageProblems := newPage(t, srv, 1440, 900)
	defer func() {
		for _, pr := range pageProblems() {
			t.Errorf("page problem: %s", pr)
		}
	}()

	// The start screen: the corpus's counts, its most connected actors, and
	// (the seed graph being small) the whole graph.
	counts, err := store.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p.do("opening the viewer", chromedp.Navigate(srv.URL+"/"))
	p.wait("the start screen", `document.querySelector(".overview-counts") !== null && document.querySelectorAll("#timeline-chart rect.bar").length > 0`)
	var start struct {
		Actors int `json:"actors"`
		Top    int `json:"top"`
	}
	p.eval(`({ actors: +document.querySelector(".overview-counts").dataset.actors, top: document.querySelectorAll(".top-actors li").length })`, &start)
	if start.Actors != counts.Actors || start.Top == 0 {
		t.Errorf("start screen: got %d actors and %d listed, want %d and some", start.Actors, start.Top, counts.Actors)
	}
	if n := count(p.outline(), "node", true); n != counts.Actors {
		t.Errorf("start screen: got %d actors drawn, want the whole graph (%d)", n, counts.Actors)
	}
	p.shot("0-start")

	// Searching nonsense says so.
	p.do("searching nonsense",
		chromedp.SendKeys(chromedp.CSS("#search-input"), "qqxzzy"),
		chromedp.WaitVisible(chromedp.CSS(`#search-list li[data-none]`)))
	if got := p.text(`#search-list li[data-none]`); !strings.Contains(got, "No actor found") {
		t.Errorf("got %q for a search that finds nothing, want No actor found", got)
	}

	// Search حفتر and choose Khalifa Haftar from the suggestions.
	p.do("searching حفتر",
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(srv.URL+"/#d=2"),
		chromedp.WaitVisible(chromedp.CSS("#search-input")),
		chromedp.SendKeys(chromedp.CSS("#search-input"), "حفتر"),
		chromedp.WaitVisible(chromedp.CSS(`#search-list li[data-id="khalifa-haftar"]`)),
		chromedp.Click(chromedp.CSS(`#search-list li[data-id="khalifa-haftar"]`)))
	p.wait("the Haftar node", `location.hash.includes("c=khalifa-haftar") && document.querySelector('#outline-list li[data-id="khalifa-haftar"]') !== null && document.querySelector('#outline-list li[data-type="edge"]') !== null`)
	if h := p.item("khalifa-haftar"); !strings.Contains(h.Label, "حفتر") {
		t.Errorf("got node label %q, want the Arabic name", h.Label)
	}
	p.shot("1-search")
}

// page drives the viewer in chromium as a user does: through the DOM, the
// outline's data- attributes (#outline-list: one item per node and edge of
// the canvas, with its position) and real mouse and keyboard events.
type page struct {
	t    *testing.T
	ctx  context.Context
	base string
}

// outlineItem is one item of the outline: a node or an edge on the canvas.
type outlineItem struct {
	ID       string  `json:"id"`
	Type     string  `json:"type"`
	Kind     string  `json:"kind"`
	EdgeType string  `json:"edgeType"`
	Source   string  `json:"source"`
	Target   string  `json:"target"`
	Hidden   bool    `json:"hidden"`
	Selected bool    `json:"selected"`
	Pinned   bool    `json:"pinned"`
	Faded    bool    `json:"faded"`
	X        float64 `json:"x"`
	Y        float64 `json:"y"`
	MX       float64 `json:"mx"`
	MY       float64 `json:"my"`
	Label    string  `json:"label"`
}

const readOutline = `[...document.querySelectorAll("#outline-list li")].map((li) => ({ id: li.dataset.id, type: li.dataset.type,
	kind: li.dataset.kind || "", edgeType: li.dataset.edgeType || "", source: li.dataset.source || "", target: li.dataset.target || "",
	hidden: li.dataset.hidden === "true", selected: li.dataset.selected === "true", pinned: li.dataset.pinned === "true",
	faded: li.dataset.faded === "true", x: +li.dataset.x || 0, y: +li.dataset.y || 0, mx: +li.dataset.mx || 0, my: +li.dataset.my || 0,
	label: li.textContent }))`

// idle is true once the viewer has started and no request is in flight.
const idle = `document.querySelector("#depth option") !== null && document.body.dataset.busy === "0"`

func (p *page) wait(what, expr string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](idle+` && (`+expr+`)`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		var state string
		raw, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`location.hash + " busy=" + document.body.dataset.busy + " panel: " + document.querySelector("#panel").textContent.slice(0, 300)`))
		state = raw
		p.shot("failed")
		p.t.Fatalf("waiting for %s (%s): %v; page at %s", what, expr, err, state)
	}
	// Let the outline's positions settle (they follow the canvas after 80 ms).
	if err := chromedp.Do(p.ctx, chromedp.Sleep(150*time.Millisecond)); err != nil {
		p.t.Fatal(err)
	}
}

func (p *page) eval(expr string, out any) {
	p.t.Helper()
	raw, err := chromedp.Run(p.ctx, chromedp.Evaluate[json.RawMessage](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", expr, err)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		p.t.Fatalf("decoding %s: %v", raw, err)
	}
}

func (p *page) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
}

func (p *page) hash() url.Values {
	p.t.Helper()
	var h string
	p.eval(`location.hash`, &h)
	v, err := url.ParseQuery(strings.TrimPrefix(h, "#"))
	if err != nil {
		p.t.Fatalf("parsing hash %q: %v", h, err)
	}
	return v
}

func (p *page) outline() map[string]outlineItem {
	p.t.Helper()
	var items []outlineItem
	p.eval(readOutline, &items)
	out := make(map[string]outlineItem, len(items))
	for _, it := range items {
		out[it.ID] = it
	}
	return out
}

func (p *page) item(id string) outlineItem {
	p.t.Helper()
	it, ok := p.outline()[id]
	if !ok {
		p.t.Fatalf("%s is not on the canvas", id)
	}
	return it
}

// count returns the number of items of the outline of the given type
// ("node" or "edge") that are shown (hidden false) or all (all true).
func count(items map[string]outlineItem, typ string, all bool) int {
	n := 0
	for _, it := range items {
		if it.Type == typ && (all || !it.Hidden) {
			n++
		}
	}
	return n
}

// clickNode clicks a node on the canvas, with modifiers (input.ModifierShift...).
func (p *page) clickNode(id string, opts ...chromedp.MouseOption) {
	p.t.Helper()
	it := p.item(id)
	p.do("clicking "+id, chromedp.MouseClickXY(it.X, it.Y, opts...))
}

func (p *page) text(sel string) string {
	p.t.Helper()
	var s string
	p.eval(`(document.querySelector(`+jsString(sel)+`) || {}).textContent || ""`, &s)
	return s
}

func (p *page) exists(sel string) bool {
	p.t.Helper()
	var b bool
	p.eval(`document.querySelector(`+jsString(sel)+`) !== null`, &b)
	return b
}

func (p *page) shot(name string) {
	p.t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("RAWABIT_SHOTS")
	if name == "screenshot" && *update {
		dir = "testdata"
	}
	if dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			p.t.Fatal(err)
		}
	}
}

// newPage starts chromium on srv at the given viewport size.
func newPage(t *testing.T, srv *httptest.Server, w, h int64) (*page, func() []string) {
	ctx, problems := startBrowser(t, srv.URL)
	p := &page{t: t, ctx: ctx, base: srv.URL}
	p.do("sizing the window", chromedp.EmulateViewport(w, h))
	return p, problems
}

func quietServer(r graph.Reader) *httptest.Server {
	return httptest.NewServer(NewServer(r, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler())
}

// startBrowser starts chromium on a fresh profile and opens a tab. The
// returned function reports the page's problems so far: console errors,
// uncaught exceptions, CSP violations and requests to any host but the
// server's.
func startBrowser(t *testing.T, serverURL string) (context.Context, func() []string) {
	t.Helper()
	if _, err := exec.LookPath(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is required in CI: %v (apt-get install chromium)", err)
		}
		t.Skipf("skipping the browser test: %v (install Debian's chromium to run it)", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "en-GB"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 900),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)

	var mu sync.Mutex
	var problems []string
	origin, _ := url.Parse(serverURL)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			u, err := url.Parse(e.Request.URL)
			if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != origin.Host {
				mu.Lock()
				problems = append(problems, "request off the server: "+e.Request.URL)
				mu.Unlock()
			}
		}
	})
	if err != nil {
		t.Fatalf("listening to the page: %v", err)
	}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" || strings.Contains(m.Text, "Content Security Policy") {
				mu.Lock()
				problems = append(problems, "console: "+m.String())
				mu.Unlock()
			}
		}
	}()

	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(problems)
	}
}

// TestBrowserLargeGraph loads a 2,000-node view of a synthetic graph in the
// viewer and logs how long loading, layout and drawing took. It runs only
// when RAWABIT_BROWSER_BIG=1 (it builds a 20,000-actor graph); it checks
// that the view arrives whole, and leaves speed to the log.
func TestBrowserLargeGraph(t *testing.T) {
	if os.Getenv("RAWABIT_BROWSER_BIG") != "1" {
		t.Skip("set RAWABIT_BROWSER_BIG=1 to load a 2,000-node view in chromium")
	}
	store := memstore.New()
	if err := store.LoadArticles(context.Background(), storetest.Synthetic(20_000, 200_000, 1)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(NewServer(store, Options{MaxNodes: graph.MaxMaxNodes, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler())
	defer srv.Close()
	ctx, pageProblems := startBrowser(t, srv.URL)
	start := time.Now()
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(srv.URL+"/#c=actor-000000&d=2&n=2000"),
		chromedp.Poll[chromedp.Void](`window.rawabit && document.body.dataset.busy === "0" && +document.querySelector("#outline").dataset.nodes >= 2000`, chromedp.WithPollingTimeout(60*time.Second)),
	)
	if err != nil {
		t.Fatalf("loading the big view: %v", err)
	}
	loaded := time.Since(start)
	var size struct{ Nodes, Edges int }
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](`({nodes: rawabit.cy.nodes().length, edges: rawabit.cy.edges().length})`))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &size); err != nil {
		t.Fatal(err)
	}
	var timings map[string]float64
	raw, err = chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](`rawabit.timings`))
	if err == nil {
		err = json.Unmarshal(raw, &timings)
	}
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("RAWABIT_SHOTS"); dir != "" {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "large.png"), png, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	var frame float64
	frame, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`new Promise((resolve) => { const t0 = performance.now();
		rawabit.cy.zoom(rawabit.cy.zoom() * 1.5); requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0))); })`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d nodes, %d edges: page load to drawn view %v (fetch %.0f ms, adding elements %.0f ms, styling %.0f ms, layout %.0f ms); a zoom redraw took %.0f ms",
		size.Nodes, size.Edges, loaded.Round(time.Millisecond), timings["fetch"], timings["add"], timings["tune"], timings["layout"], frame)

	// Expanding past 2,000 actors keeps the expansion's own edges and says
	// that links to the earlier actors may be missing.
	var status string
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`rawabit.cy.nodes().filter((n) => n.id() !== "actor-000000").sort((a, b) => b.degree() - a.degree())[0].emit("dbltap"), true`))
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`rawabit.busy === 0 && rawabit.state.expanded.length === 1`, chromedp.WithPollingTimeout(30*time.Second)))
	}
	if err == nil {
		status, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#status").textContent`))
	}
	if err != nil {
		t.Fatalf("expanding a node of the big view: %v", err)
	}
	if !strings.Contains(status, "links between added actors and earlier ones may be missing") {
		t.Errorf("after expanding past 2,000 actors: got status %q, want the notice about missing links", status)
	}
	for _, p := range pageProblems() {
		t.Errorf("page problem: %s", p)
	}
}

// expansionWithOuterLinks returns the first of the visible actors (not
// centre) whose expansion, as the viewer asks for it, adds an actor with an
// edge to a visible actor outside the expanded actor's depth-1
// neighbourhood, with the ids of all such edges. It reads the graph through
// the neighbourhood endpoint only.
func expansionWithOuterLinks(t *testing.T, base string, visible []string, centre string) (string, []string) {
	t.Helper()
	shown := make(map[string]bool, len(visible))
	for _, id := range visible {
		shown[id] = true
	}
	depth1 := func(id string) neighbourhoodView {
		var n neighbourhoodView
		getJSONInto(t, base+"/api/actors/"+url.PathEscape(id)+"/neighbourhood?depth=1&limit=500&max_neighbours=500", &n)
		return n
	}
	for _, candidate := range visible {
		if candidate == centre {
			continue
		}
		expansion := depth1(candidate)
		inExpansion := map[string]bool{}
		for _, n := range expansion.Nodes {
			inExpansion[n.ID] = true
		}
		var links []string
		for _, n := range expansion.Nodes {
			if shown[n.ID] {
				continue
			}
			for _, e := range depth1(n.ID).Edges {
				if e.Source != n.ID && e.Target != n.ID {
					continue
				}
				other := e.Source
				if other == n.ID {
					other = e.Target
				}
				if shown[other] && !inExpansion[other] {
					links = append(links, e.ID)
				}
			}
		}
		if len(links) > 0 {
			return candidate, links
		}
	}
	t.Fatalf("no actor on the canvas whose expansion links a new actor to one outside its neighbourhood; the seed graph cannot test linking")
	return "", nil
}

// bestEdge returns the id of the edge of id backed by the most articles in
// its depth-2 neighbourhood.
func bestEdge(t *testing.T, base, id string) string {
	t.Helper()
	var n neighbourhoodView
	getJSONInto(t, base+"/api/actors/"+url.PathEscape(id)+"/neighbourhood?depth=2", &n)
	best := edgeView{}
	for _, e := range n.Edges {
		if (e.Source == id || e.Target == id) && e.Articles > best.Articles {
			best = e
		}
	}
	if best.ID == "" {
		t.Fatalf("%s has no edge in the seed graph", id)
	}
	return best.ID
}

func jsValue(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func fetchArticle(t *testing.T, base, id string) articleView {
	t.Helper()
	var a articleView
	getJSONInto(t, base+"/api/articles/"+url.PathEscape(id), &a)
	return a
}

func getJSONInto(t *testing.T, u string, out any) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", u, res.StatusCode)
	}
	if err := json.NewDecoder(res.Body).Decode(out); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}

// twoHopsAway returns an actor at distance two from id, preferring the one
// with the highest PageRank, for the path finder.
func twoHopsAway(t *testing.T, base, id string) graph.Actor {
	t.Helper()
	var n neighbourhoodView
	getJSONInto(t, base+"/api/actors/"+id+"/neighbourhood?depth=2", &n)
	adjacent := map[string]bool{id: true}
	for _, e := range n.Edges {
		if e.Source == id {
			adjacent[e.Target] = true
		}
		if e.Target == id {
			adjacent[e.Source] = true
		}
	}
	var best *nodeView
	for i, node := range n.Nodes {
		if !adjacent[node.ID] && (best == nil || node.PageRank > best.PageRank) {
			best = &n.Nodes[i]
		}
	}
	if best == nil {
		t.Fatalf("no actor two hops from %s in the seed graph", id)
	}
	name := best.NameAr
	if name == "" {
		name = best.Name
	}
	return graph.Actor{ID: best.ID, Name: name}
}
