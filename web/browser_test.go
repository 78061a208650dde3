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
	"unicode"

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

// TestBrowser drives the viewer in Debian's chromium: search حفتر, see the
// node, click an edge, check that the evidence quote is verbatim in its
// article and highlighted in the article view, expand a node and check that
// its new actors are linked to the actors already shown, run the path
// finder, reload the shared URL, and with -update save
// web/testdata/screenshot.png (the README's picture: Haftar's neighbourhood
// at depth 2 with the evidence of an edge open; RAWABIT_SHOTS=DIR saves
// every step's screenshot there).
// Without chromium it skips, except under CI=true where it fails.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the browser test in -short mode")
	}
	store := seedStore(t)
	srv := httptest.NewServer(NewServer(store, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler())
	defer srv.Close()

	ctx, pageProblems := startBrowser(t, srv.URL)

	idle := `window.rawabit && window.rawabit.busy === 0`
	wait := func(what, expr string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](idle+` && (`+expr+`)`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("waiting for %s (%s): %v", what, expr, err)
		}
	}
	eval := func(expr string, out any) {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](expr))
		if err != nil {
			t.Fatalf("evaluating %s: %v", expr, err)
		}
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("decoding %s: %v", raw, err)
		}
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		dir := os.Getenv("RAWABIT_SHOTS")
		if name == "screenshot" && *update {
			dir = "testdata"
		}
		if dir != "" {
			if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}

	// Search حفتر and choose Khalifa Haftar from the suggestions.
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(srv.URL+"/#d=2"),
		chromedp.WaitVisible(chromedp.CSS("#search-input")),
		chromedp.SendKeys(chromedp.CSS("#search-input"), "حفتر"),
		chromedp.WaitVisible(chromedp.CSS(`#search-list li[data-id="khalifa-haftar"]`)),
		chromedp.Click(chromedp.CSS(`#search-list li[data-id="khalifa-haftar"]`)),
	)
	if err != nil {
		t.Fatalf("searching حفتر: %v", err)
	}
	wait("the Haftar node", `rawabit.state.centre === "khalifa-haftar" && rawabit.cy.$id("khalifa-haftar").length === 1 && rawabit.cy.edges().length > 0`)
	var label string
	eval(`rawabit.cy.$id("khalifa-haftar").data("label")`, &label)
	if !strings.Contains(label, "حفتر") {
		t.Errorf("got node label %q, want the Arabic name", label)
	}
	shot("1-search")

	// Click an edge of Haftar's on the canvas, at its midpoint.
	var target struct {
		ID string  `json:"id"`
		X  float64 `json:"x"`
		Y  float64 `json:"y"`
	}
	// The layout is random, so pick an edge whose midpoint nothing covers
	// (cytoscape's own hit test, the one a click uses).
	eval(`(() => { const cy = rawabit.cy, r = cy.container().getBoundingClientRect();
		const edges = cy.$id("khalifa-haftar").connectedEdges().sort((a, b) => b.data("articles") - a.data("articles"));
		const e = edges.find((e) => { const m = e.midpoint(); return cy.renderer().findNearestElement(m.x, m.y, true, false) === e; }) || edges[0];
		const m = e.renderedMidpoint();
		return { id: e.id(), x: r.left + m.x, y: r.top + m.y }; })()`, &target)
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(target.X, target.Y)); err != nil {
		t.Fatalf("clicking edge %s: %v", target.ID, err)
	}
	wait("the evidence panel", `document.querySelector("#panel .claim blockquote.quote") !== null`)
	var first struct {
		Quote   string `json:"quote"`
		Article string `json:"article"`
		Dir     string `json:"dir"`
		Lang    string `json:"lang"`
		Sel     string `json:"sel"`
	}
	eval(`(() => { const c = document.querySelector("#panel .claim"), q = c.querySelector("blockquote.quote");
		return { quote: q.textContent, article: c.dataset.article, dir: q.getAttribute("dir"), lang: q.getAttribute("lang"), sel: rawabit.state.sel }; })()`, &first)
	if !strings.HasPrefix(first.Sel, "e:") {
		t.Errorf("got selection %q after clicking edge %s, want an edge", first.Sel, target.ID)
	}
	if first.Dir != "rtl" || first.Lang != "ar" {
		t.Errorf("got quote dir=%q lang=%q, want rtl and ar", first.Dir, first.Lang)
	}
	article := fetchArticle(t, srv.URL, first.Article)
	if first.Quote == "" || !strings.Contains(article.Text, first.Quote) {
		t.Errorf("evidence quote %q is not verbatim in article %s", first.Quote, first.Article)
	}
	shot("2-evidence")

	// Open the article: the quote is highlighted exactly.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#panel .claim a.open-article"))); err != nil {
		t.Fatalf("opening the article: %v", err)
	}
	wait("the article view", `document.querySelector("#panel mark#quote-mark") !== null`)
	var marked string
	eval(`document.querySelector("#panel mark#quote-mark").textContent`, &marked)
	if marked != first.Quote {
		t.Errorf("got highlighted text %q, want the quote %q", marked, first.Quote)
	}
	shot("3-article")

	// Click the Haftar node: the side panel lists its names and its
	// relations in the view, grouped by type.
	var at struct {
		X float64 `json:"x"`
		Y float64 `json:"y"`
	}
	eval(`(() => { const p = rawabit.cy.$id("khalifa-haftar").renderedPosition(), r = rawabit.cy.container().getBoundingClientRect();
		return { x: r.left + p.x, y: r.top + p.y }; })()`, &at)
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(at.X, at.Y)); err != nil {
		t.Fatalf("clicking the Haftar node: %v", err)
	}
	wait("the actor panel", `rawabit.state.sel === "n:khalifa-haftar" && document.querySelector("#panel .names") !== null`)
	var actorPanel struct {
		Names  []string `json:"names"`
		Groups int      `json:"groups"`
	}
	eval(`({ names: [...document.querySelectorAll("#panel .names li")].map((li) => li.textContent),
		groups: document.querySelectorAll("#panel .group").length })`, &actorPanel)
	if !slices.Contains(actorPanel.Names, "Khalifa Haftar") || !slices.ContainsFunc(actorPanel.Names, func(n string) bool { return strings.Contains(n, "حفتر") }) {
		t.Errorf("got names %q in the actor panel, want the English and Arabic names", actorPanel.Names)
	}
	if actorPanel.Groups == 0 {
		t.Errorf("the actor panel lists no relation group")
	}

	// Labels in English, then back to Arabic.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#lang-toggle"))); err != nil {
		t.Fatal(err)
	}
	eval(`rawabit.cy.$id("khalifa-haftar").data("label")`, &label)
	if label != "Khalifa Haftar" {
		t.Errorf("got English label %q, want Khalifa Haftar", label)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#lang-toggle"))); err != nil {
		t.Fatal(err)
	}

	// Filters: without "met" the view has no MET edge, and the URL says so.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`input[name=type][value=MET]`))); err != nil {
		t.Fatal(err)
	}
	wait("the view without met", `rawabit.state.types.length === 2 && rawabit.cy.edges().length > 0`)
	var metEdges int
	eval(`rawabit.cy.edges('[type = "MET"]').length`, &metEdges)
	if metEdges != 0 {
		t.Errorf("got %d MET edges with met unchecked, want 0", metEdges)
	}
	eval(`location.hash`, &label)
	if !strings.Contains(label, "t=SUPPORTED%2COPPOSED") {
		t.Errorf("got URL hash %q, want the type filter t=SUPPORTED,OPPOSED in it", label)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`input[name=type][value=MET]`))); err != nil {
		t.Fatal(err)
	}
	wait("the view with met again", `rawabit.state.types.length === 3 && rawabit.cy.edges('[type = "MET"]').length > 0`)

	// Double-clicking a node expands it and records it in the URL. The node
	// is one whose expansion brings an actor linked to an actor already on
	// the canvas but outside the expanded node's own neighbourhood: the
	// expansion's answer lacks that link, and the viewer must draw it all
	// the same.
	// At depth 1 the canvas holds Haftar's neighbours, each of whose
	// expansions can bring actors linked to other neighbours.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const d = document.querySelector("#depth");
		d.value = "1"; return d.dispatchEvent(new Event("change")); })()`)); err != nil {
		t.Fatal(err)
	}
	wait("the depth-1 view", `rawabit.state.depth === 1 && rawabit.cy.edges().length > 0 && location.hash.includes("d=") === false`)
	var visible []string
	eval(`rawabit.cy.nodes().sort((a, b) => a.degree() - b.degree()).map((n) => n.id())`, &visible)
	leaf, links := expansionWithOuterLinks(t, srv.URL, visible, "khalifa-haftar")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`rawabit.cy.$id(`+jsString(leaf)+`).emit("dbltap"), true`)); err != nil {
		t.Fatal(err)
	}
	wait("the expanded node", `rawabit.state.expanded.includes(`+jsString(leaf)+`) && location.hash.includes("x=")`)
	var missing []string
	eval(``+jsValue(links)+`.filter((id) => rawabit.cy.$id(id).empty())`, &missing)
	if len(missing) > 0 {
		t.Errorf("after expanding %s: edges %q between its new actors and actors already shown are not drawn (want all of %q)", leaf, missing, links)
	}
	shot("4-expanded")

	// Path finder from Haftar to an actor two hops away.
	to := twoHopsAway(t, srv.URL, "khalifa-haftar")
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#path-from"), "حفتر"),
		chromedp.WaitVisible(chromedp.CSS(`#path-from-box li[data-id="khalifa-haftar"]`)),
		chromedp.Click(chromedp.CSS(`#path-from-box li[data-id="khalifa-haftar"]`)),
		chromedp.SendKeys(chromedp.CSS("#path-to"), to.Name),
		chromedp.WaitVisible(chromedp.CSS(`#path-to-box li[data-id="`+to.ID+`"]`)),
		chromedp.Click(chromedp.CSS(`#path-to-box li[data-id="`+to.ID+`"]`)),
		chromedp.Click(chromedp.CSS("#path-go")),
	)
	if err != nil {
		t.Fatalf("running the path finder to %s: %v", to.ID, err)
	}
	wait("the path chain", `document.querySelectorAll("#panel .chain > li").length >= 2 && rawabit.cy.nodes(".path").length >= 3`)
	var chain struct {
		Hops   int `json:"hops"`
		Quotes int `json:"quotes"`
	}
	eval(`({ hops: document.querySelectorAll("#panel .chain > li").length, quotes: document.querySelectorAll("#panel .chain blockquote.quote").length })`, &chain)
	if chain.Quotes < chain.Hops {
		t.Errorf("path chain has %d hops but %d quotes, want evidence for every hop", chain.Hops, chain.Quotes)
	}
	// The canvas, now holding an expansion and a path, draws every edge
	// among its actors that the filters keep.
	var unlinked struct {
		Missing []string `json:"missing"`
		Edges   int      `json:"edges"`
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](`(async () => { const ids = rawabit.cy.nodes().map((n) => n.id());
		const sub = await (await fetch("/api/subgraph?ids=" + encodeURIComponent(ids.join(",")))).json();
		return { missing: sub.edges.map((e) => e.id).filter((id) => rawabit.cy.$id(id).empty()), edges: sub.edges.length }; })()`, chromedp.EvalAwaitPromise))
	if err == nil {
		err = json.Unmarshal(raw, &unlinked)
	}
	if err != nil {
		t.Fatalf("reading the canvas's subgraph: %v", err)
	}
	if len(unlinked.Missing) > 0 || unlinked.Edges == 0 {
		t.Errorf("after the path: got %d edges among the actors on the canvas, of which %q are not drawn; want every one drawn", unlinked.Edges, unlinked.Missing)
	}
	shot("5-path")

	// The export menu's formats come from /api/export with the view's
	// parameters; the pictures are drawn in the page.
	raw, err = chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](`(async () => {
		const r = await fetch(rawabit.exportURL("graphml")); const text = await r.text(); const svg = rawabit.toSVG();
		return { status: r.status, graphml: text.includes("<graphml"), svg: svg.includes("<svg"),
			svgArabic: svg.includes("حفتر"), png: rawabit.cy.png().startsWith("data:image/png") }; })()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("exporting: %v", err)
	}
	var exported struct {
		Status    int  `json:"status"`
		GraphML   bool `json:"graphml"`
		SVG       bool `json:"svg"`
		SVGArabic bool `json:"svgArabic"`
		PNG       bool `json:"png"`
	}
	if err := json.Unmarshal(raw, &exported); err != nil {
		t.Fatal(err)
	}
	if exported.Status != http.StatusOK || !exported.GraphML {
		t.Errorf("export of the view as GraphML: got status %d, GraphML %v; want 200 and a GraphML document", exported.Status, exported.GraphML)
	}
	if !exported.SVG || !exported.SVGArabic || !exported.PNG {
		t.Errorf("pictures of the view: got SVG %v (Arabic labels %v), PNG %v; want all", exported.SVG, exported.SVGArabic, exported.PNG)
	}

	// The URL holds the view: reloading it restores centre and path.
	var loc string
	eval(`location.href`, &loc)
	for _, want := range []string{"c=khalifa-haftar", "pf=khalifa-haftar", "pt=" + to.ID} {
		if !strings.Contains(loc, want) {
			t.Errorf("got URL %s, want it to hold %s", loc, want)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	wait("the restored view", `rawabit.state.centre === "khalifa-haftar" && rawabit.cy.nodes(".path").length >= 3`)

	// The README's picture: Haftar's whole neighbourhood at depth 2 with the
	// evidence of his best-attested edge open, opened from a shared URL.
	edge := bestEdge(t, srv.URL, "khalifa-haftar")
	err = chromedp.Do(ctx,
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(srv.URL+"/#c=khalifa-haftar&d=2&sel="+url.QueryEscape("e:"+edge)),
	)
	if err != nil {
		t.Fatal(err)
	}
	wait("the README view", `rawabit.state.sel === `+jsString("e:"+edge)+` && document.querySelector("#panel .claim blockquote.quote") !== null`)
	var quote string
	eval(`document.querySelector("#panel .claim blockquote.quote").textContent`, &quote)
	if !strings.ContainsFunc(quote, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
		t.Errorf("README view: got quote %q on edge %s, want Arabic", quote, edge)
	}
	shot("screenshot")

	for _, p := range pageProblems() {
		t.Errorf("page problem: %s", p)
	}
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
		chromedp.Poll[chromedp.Void](`window.rawabit && rawabit.busy === 0 && rawabit.cy.nodes().length >= 2000`, chromedp.WithPollingTimeout(60*time.Second)),
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
