package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
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
	p.shot("screenshot-start")

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

	// Hovering a node highlights its neighbourhood, dims the rest and shows
	// a tooltip.
	h := p.item("khalifa-haftar")
	p.do("hovering Haftar", chromedp.MouseEvent(chromedp.MouseMoved, h.X, h.Y))
	p.wait("the hover", `document.body.dataset.hover === "khalifa-haftar" && !document.querySelector("#tooltip").hidden`)
	items := p.outline()
	faded, lit := 0, 0
	for _, it := range items {
		if it.Faded {
			faded++
		} else {
			lit++
		}
		adjacent := it.Type == "edge" && (it.Source == "khalifa-haftar" || it.Target == "khalifa-haftar")
		if adjacent && it.Faded {
			t.Errorf("hovering Haftar: his edge %s is dimmed, want it highlighted", it.ID)
		}
	}
	if faded == 0 || lit < 2 {
		t.Errorf("hovering Haftar: got %d dimmed and %d highlighted elements, want both", faded, lit)
	}
	if tip := p.text("#tooltip"); !strings.Contains(tip, "Khalifa Haftar") {
		t.Errorf("got tooltip %q, want Haftar's names", tip)
	}
	p.do("leaving the node", chromedp.MouseEvent(chromedp.MouseMoved, h.X+400, h.Y+300))

	// Hovering an edge (one whose midpoint no node covers) gives its type
	// and evidence count.
	var clearEdge *outlineItem
	for _, e := range items {
		if e.Type != "edge" || e.X == 0 {
			continue
		}
		free := true
		for _, n := range items {
			if n.Type == "node" && math.Hypot(n.X-e.X, n.Y-e.Y) < 40 {
				free = false
				break
			}
		}
		if free {
			clearEdge = &e
			break
		}
	}
	if clearEdge == nil {
		t.Fatalf("no edge of Haftar's neighbourhood has a midpoint clear of nodes")
	}
	p.do("hovering an edge", chromedp.MouseEvent(chromedp.MouseMoved, clearEdge.X, clearEdge.Y))
	p.wait("the edge tooltip", `document.querySelector("#tooltip").dataset.for === `+jsString(clearEdge.ID))
	if tip := p.text("#tooltip"); !strings.Contains(tip, strings.ToLower(clearEdge.EdgeType)) || !strings.Contains(tip, "claim") {
		t.Errorf("got edge tooltip %q, want its type and claims", tip)
	}
	p.do("leaving the edge", chromedp.MouseEvent(chromedp.MouseMoved, h.X+400, h.Y+300))

	// Click an edge of Haftar's in the outline (the keyboard's way to the
	// canvas): the evidence panel lists its claims.
	edge := bestEdge(t, srv.URL, "khalifa-haftar")
	p.do("opening the outline", chromedp.Click(chromedp.CSS("#outline summary")))
	p.do("choosing an edge", chromedp.Click(chromedp.CSS(`#outline-list li[data-id="`+edge+`"] button`)))
	p.wait("the evidence panel", `document.querySelector("#panel .claim blockquote.quote") !== null`)
	var first struct {
		Quote   string   `json:"quote"`
		Article string   `json:"article"`
		Dir     string   `json:"dir"`
		Lang    string   `json:"lang"`
		Sources []string `json:"sources"`
		Dates   []string `json:"dates"`
	}
	p.eval(`(() => { const c = document.querySelector("#panel .claim"), q = c.querySelector("blockquote.quote");
		return { quote: q.textContent, article: c.dataset.article, dir: q.getAttribute("dir"), lang: q.getAttribute("lang"),
			sources: [...document.querySelectorAll("#panel .art-source")].map((s) => s.textContent),
			dates: [...document.querySelectorAll("#panel .art-source bdi.date")].map((d) => d.getAttribute("dir") + " " + getComputedStyle(d).direction + " " + d.textContent) }; })()`, &first)
	if sel := p.hash().Get("sel"); sel != "e:"+edge {
		t.Errorf("got selection %q after choosing edge %s, want it", sel, edge)
	}
	if first.Dir != "rtl" || first.Lang != "ar" {
		t.Errorf("got quote dir=%q lang=%q, want rtl and ar", first.Dir, first.Lang)
	}
	article := fetchArticle(t, srv.URL, first.Article)
	if first.Quote == "" || !strings.Contains(article.Text, first.Quote) {
		t.Errorf("evidence quote %q is not verbatim in article %s", first.Quote, first.Article)
	}
	for _, src := range first.Sources {
		if strings.Contains(strings.ToLower(src), "unknown") {
			t.Errorf("got source line %q, want an unknown source left out", src)
		}
	}
	if len(first.Dates) == 0 {
		t.Errorf("no claim of edge %s shows its article's date", edge)
	}
	for _, d := range first.Dates {
		if !regexp.MustCompile(`^ltr ltr \d{4}-\d{2}-\d{2}$`).MatchString(d) {
			t.Errorf("got date %q in the evidence, want an ISO date isolated left to right", d)
		}
	}
	p.shot("2-evidence")

	// Open the article: the quote is highlighted exactly, and the date says
	// where it came from. Back (the browser's) returns to the evidence.
	p.do("opening the article", chromedp.Click(chromedp.CSS("#panel .claim a.open-article")))
	p.wait("the article view", `document.querySelector("#panel mark#quote-mark") !== null`)
	if marked := p.text("#panel mark#quote-mark"); marked != first.Quote {
		t.Errorf("got highlighted text %q, want the quote %q", marked, first.Quote)
	}
	if article.Published != "" && !p.exists("#panel .art-meta [data-date-source]") {
		t.Errorf("article %s (published %s): the article view does not say where its date came from", article.ID, article.Published)
	}
	p.shot("3-article")
	p.do("going back", chromedp.NavigateBack())
	p.wait("the evidence again", `document.querySelector("#panel mark#quote-mark") === null && document.querySelector("#panel .claim blockquote.quote") !== null`)

	// Click the Haftar node on the canvas: the panel lists its names and its
	// relations in the view, grouped by type.
	p.clickNode("khalifa-haftar")
	p.wait("the actor panel", `document.querySelector("#panel-body").dataset.showing === "n:khalifa-haftar"`)
	var actorPanel struct {
		Names  []string `json:"names"`
		Groups int      `json:"groups"`
	}
	p.eval(`({ names: [...document.querySelectorAll("#panel .names li")].map((li) => li.textContent),
		groups: document.querySelectorAll("#panel .group").length })`, &actorPanel)
	if !slices.Contains(actorPanel.Names, "Khalifa Haftar") || actorPanel.Groups == 0 {
		t.Errorf("got names %q and %d relation groups in the actor panel, want the English name and some", actorPanel.Names, actorPanel.Groups)
	}

	// Labels in English, then back to Arabic.
	p.do("English labels", chromedp.Click(chromedp.CSS("#lang-toggle")))
	p.wait("English labels", `location.hash.includes("lang=en")`)
	if l := p.item("khalifa-haftar").Label; l != "Khalifa Haftar" {
		t.Errorf("got English label %q, want Khalifa Haftar", l)
	}
	p.do("Arabic labels", chromedp.Click(chromedp.CSS("#lang-toggle")))
	p.wait("Arabic labels", `!location.hash.includes("lang=en")`)

	// Depth 1, then expand a node by double-clicking it: its new neighbours
	// arrive around it, are linked to the actors already shown, and every
	// node already on the canvas stays where it was.
	p.choose("#depth", "1")
	p.wait("the depth-1 view", `!location.hash.includes("d=") && document.querySelector('#outline-list li[data-type="edge"]') !== null`)
	before := p.outline()
	var visible []string
	for id, it := range before {
		if it.Type == "node" {
			visible = append(visible, id)
		}
	}
	slices.Sort(visible)
	leaf, links := expansionWithOuterLinks(t, srv.URL, visible, "khalifa-haftar")
	lf := p.item(leaf)
	p.doubleClick(lf.X, lf.Y)
	p.wait("the expanded node", `new URLSearchParams(location.hash.slice(1)).get("x") === `+jsString(leaf))
	after := p.outline()
	for _, id := range links {
		if _, ok := after[id]; !ok {
			t.Errorf("after expanding %s: edge %s between a new actor and one already shown is not drawn", leaf, id)
		}
	}
	var added []outlineItem
	moved := 0
	for id, it := range after {
		if it.Type != "node" {
			continue
		}
		if old, ok := before[id]; !ok {
			added = append(added, it)
		} else if math.Hypot(old.MX-it.MX, old.MY-it.MY) > 1 {
			moved++
		}
	}
	if len(added) == 0 || moved > 0 {
		t.Errorf("expanding %s: got %d new actors and %d existing ones moved, want some new and none moved", leaf, len(added), moved)
	}
	var cyRect struct{ L, T, R, B float64 }
	p.eval(`(() => { const r = document.querySelector("#cy").getBoundingClientRect(); return { L: r.left, T: r.top, R: r.right, B: r.bottom }; })()`, &cyRect)
	anchor := after[leaf]
	var nearAnchor, nearOthers float64
	for _, n := range added {
		if n.X < cyRect.L || n.X > cyRect.R || n.Y < cyRect.T || n.Y > cyRect.B {
			t.Errorf("expanding %s: new actor %s at (%.0f, %.0f) is outside the canvas %+v", leaf, n.ID, n.X, n.Y, cyRect)
		}
		nearAnchor += math.Hypot(n.MX-anchor.MX, n.MY-anchor.MY)
		nearOthers += math.Hypot(n.MX-after["khalifa-haftar"].MX, n.MY-after["khalifa-haftar"].MY)
	}
	if nearAnchor > nearOthers {
		t.Errorf("expanding %s: its new actors are on average %.0f px from it and %.0f px from the centre, want them around %s",
			leaf, nearAnchor/float64(len(added)), nearOthers/float64(len(added)), leaf)
	}
	p.shot("4-expanded")

	// Undo and redo: Ctrl+Z takes the expansion back, Ctrl+Shift+Z brings
	// it again, and the browser's Back and Forward do the same.
	nodesAfter := count(after, "node", true)
	p.do("undo", chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	p.wait("the undone expansion", `!location.hash.includes("x=") && +document.querySelector("#outline").dataset.nodes === `+strconv.Itoa(count(before, "node", true)))
	p.do("redo", chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl|chromedp.ModifierShift)))
	p.wait("the redone expansion", `location.hash.includes("x=") && +document.querySelector("#outline").dataset.nodes === `+strconv.Itoa(nodesAfter))
	p.do("back", chromedp.NavigateBack())
	p.wait("Back", `!location.hash.includes("x=")`)
	p.do("forward", chromedp.NavigateForward())
	p.wait("Forward", `location.hash.includes("x=") && +document.querySelector("#outline").dataset.nodes === `+strconv.Itoa(nodesAfter))
	reexpanded := p.outline()
	for id, it := range after {
		if it.Type == "node" && math.Hypot(reexpanded[id].MX-it.MX, reexpanded[id].MY-it.MY) > 1 {
			t.Errorf("after undo and redo, %s moved from (%.0f, %.0f) to (%.0f, %.0f); want it where it was", id, it.MX, it.MY, reexpanded[id].MX, reexpanded[id].MY)
		}
	}

	// Filters hide, they do not discard: without "met" no MET edge shows
	// (the URL says so), the exploration stays, and it shows again whole.
	p.do("unchecking met", chromedp.Click(chromedp.CSS(`input[name=type][value=MET]`)))
	p.wait("the view without met", `location.hash.includes("t=SUPPORTED%2COPPOSED")`)
	noMet := p.outline()
	for _, it := range noMet {
		if it.EdgeType == "MET" && !it.Hidden {
			t.Errorf("MET edge %s shown with met unchecked", it.ID)
		}
	}
	if count(noMet, "node", true) != nodesAfter || count(noMet, "edge", true) != count(reexpanded, "edge", true) {
		t.Errorf("with met unchecked: got %d actors and %d edges on the canvas, want the exploration kept (%d and %d)",
			count(noMet, "node", true), count(noMet, "edge", true), nodesAfter, count(reexpanded, "edge", true))
	}
	p.do("checking met again", chromedp.Click(chromedp.CSS(`input[name=type][value=MET]`)))
	p.wait("the view with met again", `!location.hash.includes("t=")`)
	if got, want := count(p.outline(), "edge", false), count(reexpanded, "edge", false); got != want {
		t.Errorf("with met checked again: got %d edges shown, want %d as before", got, want)
	}
	if p.hash().Get("x") != leaf {
		t.Errorf("the expansion of %s was lost by the filter: hash %v", leaf, p.hash())
	}

	// Pin: dragging a node pins it where the analyst left it; re-layout
	// moves the others and not it.
	view := p.outline()
	var mover string
	for _, id := range visible {
		if id != "khalifa-haftar" && id != leaf {
			mover = id
			break
		}
	}
	m := view[mover]
	p.drag(m.X, m.Y, m.X+60, m.Y+40)
	p.wait("the pinned node", `new URLSearchParams(location.hash.slice(1)).get("pin") === `+jsString(mover)+` && document.querySelector('#outline-list li[data-id=`+jsString(mover)+`]').dataset.pinned === "true"`)
	pinned := p.item(mover)
	p.do("re-layout", chromedp.Click(chromedp.CSS("#relayout")))
	p.wait("the new layout", `true`)
	relaid := p.outline()
	if math.Hypot(relaid[mover].MX-pinned.MX, relaid[mover].MY-pinned.MY) > 1 {
		t.Errorf("re-layout moved the pinned %s from (%.0f, %.0f) to (%.0f, %.0f)", mover, pinned.MX, pinned.MY, relaid[mover].MX, relaid[mover].MY)
	}
	movedByLayout := 0
	for id, it := range relaid {
		if it.Type == "node" && id != mover && math.Hypot(view[id].MX-it.MX, view[id].MY-it.MY) > 1 {
			movedByLayout++
		}
	}
	if movedByLayout == 0 {
		t.Errorf("re-layout moved no actor")
	}

	// Layouts: concentric and hierarchical place the actors differently,
	// and the choice is in the URL.
	for _, layout := range []string{"concentric", "hierarchy", "force"} {
		prev := p.outline()
		p.choose("#layout", layout)
		want := `location.hash.includes("lay=` + layout + `")`
		if layout == "force" {
			want = `!location.hash.includes("lay=")`
		}
		p.wait("layout "+layout, want)
		changed := 0
		for id, it := range p.outline() {
			if it.Type == "node" && id != mover && math.Hypot(prev[id].MX-it.MX, prev[id].MY-it.MY) > 1 {
				changed++
			}
		}
		if changed == 0 {
			t.Errorf("layout %s moved no actor", layout)
		}
	}

	// Hide: the actor leaves the canvas (it is kept, hidden) until "Show
	// hidden".
	p.clickNode(mover)
	p.wait("the mover's panel", `document.querySelector("#panel-body").dataset.showing === "n:`+mover+`"`)
	p.do("hiding "+mover, chromedp.Click(chromedp.CSS(`#panel button[data-action="hide"]`)))
	p.wait("the hidden node", `document.querySelector('#outline-list li[data-id=`+jsString(mover)+`]').dataset.hidden === "true" && !document.querySelector("#unhide").hidden`)
	p.do("showing hidden actors", chromedp.Click(chromedp.CSS("#unhide")))
	p.wait("the shown node", `document.querySelector('#outline-list li[data-id=`+jsString(mover)+`]').dataset.hidden === "false"`)

	// Multi-select: shift-click two actors, then a shift-drag box over the
	// whole canvas, and "expand selected" expands them all in one step.
	view = p.outline()
	var two []string
	for _, id := range visible {
		if id != "khalifa-haftar" && id != leaf && !view[id].Hidden {
			two = append(two, id)
		}
		if len(two) == 2 {
			break
		}
	}
	p.do("clearing the selection", chromedp.MouseClickXY(cyRect.L+5, cyRect.T+5))
	p.clickNode(two[0], chromedp.ButtonModifiers(chromedp.ModifierShift))
	p.clickNode(two[1], chromedp.ButtonModifiers(chromedp.ModifierShift))
	p.wait("two selected", `document.querySelector("#selection-bar").dataset.count === "2" && !document.querySelector("#selection-bar").hidden`)
	p.drag(cyRect.L+3, cyRect.T+3, cyRect.R-3, cyRect.B-3, chromedp.ModifierShift)
	var selected int
	p.eval(`+document.querySelector("#selection-bar").dataset.count`, &selected)
	if shown := count(p.outline(), "node", false); selected < shown {
		t.Errorf("box selection over the whole canvas: got %d selected, want all %d shown actors", selected, shown)
	}
	p.do("clearing the selection", chromedp.Click(chromedp.CSS("#clear-selection")))
	p.clickNode(two[0], chromedp.ButtonModifiers(chromedp.ModifierShift))
	p.clickNode(two[1], chromedp.ButtonModifiers(chromedp.ModifierShift))
	p.wait("two selected", `document.querySelector("#selection-bar").dataset.count === "2"`)
	p.do("expanding the selection", chromedp.Click(chromedp.CSS("#expand-selected")))
	p.wait("both expanded", `(new URLSearchParams(location.hash.slice(1)).get("x") || "").split(",").length === 3`)
	if x := strings.Split(p.hash().Get("x"), ","); !slices.Contains(x, two[0]) || !slices.Contains(x, two[1]) {
		t.Errorf("after expanding the selection: got expanded %v, want %s and %s among them", x, two[0], two[1])
	}

	// The timeline: dragging across its months sets the date range, which
	// hides the claims outside it and goes into the exports; playback runs
	// the range month by month to the end.
	p.do("back to Haftar", chromedp.Navigate(srv.URL+"/#c=khalifa-haftar&d=2"))
	p.wait("Haftar at depth 2", `document.querySelectorAll("#outline-list li").length > 0 && document.querySelectorAll("#timeline-chart rect.bar").length > 0`)
	var bars []struct {
		Month  string  `json:"month"`
		Claims int     `json:"claims"`
		X      float64 `json:"x"`
		Y      float64 `json:"y"`
	}
	p.eval(`[...document.querySelectorAll("#timeline-chart rect.hit")].map((r) => { const b = r.getBoundingClientRect();
		return { month: r.dataset.month, claims: +document.querySelector('#timeline-chart rect.bar[data-month="' + r.dataset.month + '"]').dataset.claims, x: b.left + b.width / 2, y: b.top + b.height / 2 }; })`, &bars)
	var firstBar = -1
	for i, b := range bars {
		if b.Claims > 0 {
			firstBar = i
			break
		}
	}
	if firstBar < 0 {
		t.Fatalf("the timeline has no month with claims: %v", bars)
	}
	wholeEdges := count(p.outline(), "edge", false)
	fb := bars[firstBar]
	p.drag(fb.X, fb.Y, fb.X+1, fb.Y)
	p.wait("the brushed range", `location.hash.includes("since=`+fb.Month+`-01")`)
	rangeHash := p.hash()
	inRange := count(p.outline(), "edge", false)
	if inRange == 0 || inRange >= wholeEdges {
		t.Errorf("range %s..%s: got %d edges shown of %d, want some hidden and some shown", rangeHash.Get("since"), rangeHash.Get("until"), inRange, wholeEdges)
	}
	p.do("exporting the range", chromedp.Click(chromedp.CSS("#export-menu summary")), chromedp.Click(chromedp.CSS(`#export-formats button[data-format="jsonl"]`)))
	p.wait("the export", `document.querySelector("#export-link").dataset.format === "jsonl"`)
	var exportHref string
	p.eval(`document.querySelector("#export-link").getAttribute("href")`, &exportHref)
	if !strings.Contains(exportHref, "since="+rangeHash.Get("since")) || !strings.Contains(exportHref, "until="+rangeHash.Get("until")) {
		t.Errorf("got export %s, want the range since=%s until=%s in it", exportHref, rangeHash.Get("since"), rangeHash.Get("until"))
	}
	exported := getText(t, srv.URL+exportHref)
	for _, line := range strings.Split(strings.TrimSpace(exported), "\n") {
		var rec struct {
			Article struct {
				Published string `json:"published"`
			} `json:"article"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		if d := rec.Article.Published; d < rangeHash.Get("since") || d > rangeHash.Get("until") {
			t.Errorf("export of range %s..%s holds a claim of %q", rangeHash.Get("since"), rangeHash.Get("until"), d)
		}
	}
	// A click outside the menu closes it.
	p.do("clicking outside the menu", chromedp.MouseClickXY(cyRect.L+5, cyRect.T+5))
	if open := p.exists("#export-menu[open]"); open {
		t.Errorf("the export menu stays open after a click outside it")
	}
	p.shot("6-timeline")
	p.do("playing", chromedp.Click(chromedp.CSS("#play")))
	last := bars[len(bars)-1].Month
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector("#play").dataset.playing === "false" && location.hash.includes("until=`+last+`")`, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		t.Fatalf("playback did not reach %s: %v (hash %v)", last, err, p.hash())
	}
	p.wait("the end of playback", `true`)
	if got, want := count(p.outline(), "edge", false), wholeEdges; got > want || got == 0 {
		t.Errorf("after playback to %s: got %d edges shown, want some and at most %d", last, got, want)
	}
	p.do("clearing the range", chromedp.Click(chromedp.CSS("#range-clear")))
	p.wait("all dates", `!location.hash.includes("since=")`)

	// Path finder with typed names: no suggestion chosen, each name names
	// one actor; the path replaces the selected actor's panel.
	p.clickNode("khalifa-haftar")
	p.wait("Haftar's panel", `document.querySelector("#panel-body").dataset.showing === "n:khalifa-haftar"`)
	to := twoHopsAway(t, srv.URL, "khalifa-haftar")
	p.do("typing the ends",
		chromedp.SendKeys(chromedp.CSS("#path-from"), "خليفة حفتر"),
		chromedp.SendKeys(chromedp.CSS("#path-to"), to.Name),
		chromedp.Click(chromedp.CSS("#path-max")),
		chromedp.Click(chromedp.CSS("#path-go")))
	p.wait("the path chain", `document.querySelectorAll("#panel .chain > li").length >= 2`)
	var chain struct {
		Hops   int `json:"hops"`
		Quotes int `json:"quotes"`
	}
	p.eval(`({ hops: document.querySelectorAll("#panel .chain > li").length, quotes: document.querySelectorAll("#panel .chain blockquote.quote").length })`, &chain)
	if chain.Quotes < chain.Hops {
		t.Errorf("path chain has %d hops but %d quotes, want evidence for every hop", chain.Hops, chain.Quotes)
	}
	if hv := p.hash(); hv.Get("pf") != "khalifa-haftar" || hv.Get("pt") != to.ID {
		t.Errorf("got path ends %q and %q in the URL, want khalifa-haftar and %s", hv.Get("pf"), hv.Get("pt"), to.ID)
	}
	p.shot("5-path")

	// The URL holds the view: reloading it restores centre and path.
	p.do("reloading", chromedp.Reload())
	p.wait("the restored view", `document.querySelectorAll("#panel .chain > li").length >= 2`)

	// The README's picture: Haftar's neighbourhood at depth 2 with the
	// evidence of his best-attested edge open, opened from a shared URL.
	p.do("opening the README view",
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(srv.URL+"/#c=khalifa-haftar&d=2&sel="+url.QueryEscape("e:"+bestEdge(t, srv.URL, "khalifa-haftar"))))
	p.wait("the README view", `document.querySelector("#panel .claim blockquote.quote") !== null`)
	p.shot("screenshot")
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

// idle is true once the viewer has started, no request is in flight and the
// outline's positions follow the canvas.
const idle = `document.querySelector("#depth option") !== null && document.body.dataset.busy === "0" && document.body.dataset.settling !== "1"`

func (p *page) wait(what, expr string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](idle+` && (`+expr+`)`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		var state string
		raw, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`location.hash + " busy=" + document.body.dataset.busy + " panel: " + document.querySelector("#panel").textContent.slice(0, 300)`))
		state = raw
		p.shot("failed")
		p.t.Fatalf("waiting for %s (%s): %v; page at %s", what, expr, err, state)
	}
	// A short pause lets a timer the last event started (the outline's
	// follow-up, a selection after the double-click window) begin before the
	// next step, whose own wait then sees it.
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
// A plain click that shows another actor's panel (a neighbour drawn over
// the node's centre: the layout is not the same from run to run) is tried
// again a few pixels further from the nearest other node; the caller's wait
// for the panel still says when no click reached it.
func (p *page) clickNode(id string, opts ...chromedp.MouseOption) {
	p.t.Helper()
	items := p.outline()
	it, ok := items[id]
	if !ok {
		p.t.Fatalf("%s is not on the canvas", id)
	}
	if len(opts) > 0 {
		p.do("clicking "+id, chromedp.MouseClickXY(it.X, it.Y, opts...))
		return
	}
	dx, dy := awayFromNearest(items, it)
	for _, k := range []float64{0, 5, 9} {
		p.do("clicking "+id, chromedp.MouseClickXY(it.X+k*dx, it.Y+k*dy))
		shown := `document.querySelector("#panel-body").dataset.showing === "n:` + id + `"`
		if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](idle+` && (`+shown+`)`, chromedp.WithPollingTimeout(4*time.Second))); err == nil {
			return
		}
	}
}

// awayFromNearest returns the unit vector from the shown node nearest to
// it towards it ((1, 0) when they coincide or it stands alone).
func awayFromNearest(items map[string]outlineItem, it outlineItem) (dx, dy float64) {
	best := math.Inf(1)
	dx, dy = 1, 0
	for id, o := range items {
		if id == it.ID || o.Type != "node" || o.Hidden {
			continue
		}
		ex, ey := it.X-o.X, it.Y-o.Y
		if d := math.Hypot(ex, ey); d < best {
			best = d
			if d > 0 {
				dx, dy = ex/d, ey/d
			} else {
				dx, dy = 1, 0
			}
		}
	}
	return dx, dy
}

// drag presses the left button at (x1, y1), moves to (x2, y2) in steps and
// releases it, holding the modifiers.
func (p *page) drag(x1, y1, x2, y2 float64, mods ...chromedp.Modifier) {
	p.t.Helper()
	pressed := func(e *input.DispatchMouseEventParams) { e.Buttons = 1 }
	actions := []chromedp.Action[chromedp.Void]{
		chromedp.MouseEvent(chromedp.MouseMoved, x1, y1, chromedp.ButtonModifiers(mods...)),
		chromedp.MouseEvent(chromedp.MousePressed, x1, y1, chromedp.ButtonLeft, chromedp.ClickCount(1), pressed, chromedp.ButtonModifiers(mods...)),
	}
	for i := 1; i <= 8; i++ {
		f := float64(i) / 8
		actions = append(actions, chromedp.MouseEvent(chromedp.MouseMoved, x1+f*(x2-x1), y1+f*(y2-y1), chromedp.ButtonLeft, pressed, chromedp.ButtonModifiers(mods...)),
			chromedp.Sleep(20*time.Millisecond))
	}
	actions = append(actions, chromedp.MouseEvent(chromedp.MouseReleased, x2, y2, chromedp.ButtonLeft, chromedp.ClickCount(1), chromedp.ButtonModifiers(mods...)))
	p.do("dragging", actions...)
}

// doubleClick double-clicks at (x, y): two clicks in a row, the pointer
// resting there first.
func (p *page) doubleClick(x, y float64) {
	p.t.Helper()
	p.do("double-clicking",
		chromedp.MouseEvent(chromedp.MouseMoved, x, y),
		chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(2)),
		chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(2)))
}

// choose picks an option of a <select> as the analyst does: the value
// changes and the select says so with a change event.
func (p *page) choose(sel, value string) {
	p.t.Helper()
	var ok bool
	p.eval(`(() => { const s = document.querySelector(`+jsString(sel)+`); if (![...s.options].some((o) => o.value === `+jsString(value)+`)) return false;
		s.value = `+jsString(value)+`; return s.dispatchEvent(new Event("change")); })()`, &ok)
	if !ok {
		p.t.Fatalf("%s has no option %q", sel, value)
	}
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
	if strings.HasPrefix(name, "screenshot") && *update {
		dir = "testdata"
	}
	if dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			p.t.Fatal(err)
		}
	}
}

// newPage starts chromium on srv at the given viewport size, with the
// extra command-line options.
func newPage(t *testing.T, srv *httptest.Server, w, h int64, extra ...chromedp.ExecAllocatorOption) (*page, func() []string) {
	ctx, problems := startBrowser(t, srv.URL, extra...)
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
func startBrowser(t *testing.T, serverURL string, extra ...chromedp.ExecAllocatorOption) (context.Context, func() []string) {
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
	opts = append(opts, extra...)
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
	p, pageProblems := newPage(t, srv, 1440, 900)
	start := time.Now()
	p.do("loading the big view",
		chromedp.Navigate(srv.URL+"/#c=actor-000000&d=2&n=2000"),
		chromedp.Poll[chromedp.Void](idle+` && +document.querySelector("#outline").dataset.nodes >= 2000`, chromedp.WithPollingTimeout(60*time.Second)))
	loaded := time.Since(start)
	var size struct {
		Nodes  int     `json:"nodes"`
		Edges  int     `json:"edges"`
		Layout float64 `json:"layout"`
	}
	var timings string
	p.eval(`(() => { const o = document.querySelector("#outline").dataset; return { nodes: +o.nodes, edges: +o.edges, layout: +o.layoutMs }; })()`, &size)
	p.eval(`document.querySelector("#outline").dataset.timings`, &timings)
	p.shot("large")
	t.Logf("%d nodes, %d edges: page load to drawn view %v (layout %.0f ms; last change by phase, ms: %s)", size.Nodes, size.Edges, loaded.Round(time.Millisecond), size.Layout, timings)

	// Expanding past 2,000 actors keeps the expansion's own edges and says
	// that links to the earlier actors may be missing.
	var other outlineItem
	for id, it := range p.outline() {
		if it.Type == "node" && id != "actor-000000" {
			other = it
			break
		}
	}
	p.do("selecting "+other.ID, chromedp.MouseClickXY(other.X, other.Y))
	p.wait("the actor panel", `document.querySelector("#panel-body").dataset.showing === "n:`+other.ID+`"`)
	p.do("expanding", chromedp.Click(chromedp.CSS(`#panel button[data-action="expand"]`)))
	p.wait("the expansion", `location.hash.includes("x=")`)
	if status := p.text("#status"); !strings.Contains(status, "links between added actors and earlier ones may be missing") {
		t.Errorf("after expanding past 2,000 actors: got status %q, want the notice about missing links", status)
	}
	for _, pr := range pageProblems() {
		t.Errorf("page problem: %s", pr)
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

func getText(t *testing.T, u string) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d, %v", u, res.StatusCode, err)
	}
	return string(b)
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

// TestBrowserFeedback checks what the viewer says when there is little to
// show, in chromium: an empty store, an actor known to the gazetteer but
// in no loaded article, an actor with no relation (the articles that
// mention it instead), an error (which clears the stale graph), the
// loading indicator while a request runs, and a window 800 px wide.
func TestBrowserFeedback(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the browser test in -short mode")
	}
	t.Run("empty store", func(t *testing.T) {
		srv := quietServer(memstore.New())
		defer srv.Close()
		p, problems := newPage(t, srv, 1200, 800)
		p.do("opening the viewer", chromedp.Navigate(srv.URL+"/"))
		p.wait("the empty-store message", `document.querySelector('#message[data-message="empty-store"]') !== null`)
		if msg := p.text("#message"); !strings.Contains(msg, "empty") {
			t.Errorf("got message %q on an empty store, want it to say the store is empty", msg)
		}
		for _, pr := range problems() {
			t.Errorf("page problem: %s", pr)
		}
	})

	// The fixture, plus an article that mentions "lone" (no claim) and
	// "lone"'s affiliation "ghost", which no article mentions.
	store := memstore.New()
	docs := storetest.Fixture()
	lone := graph.Actor{ID: "lone", Name: "Lone Wolf", NameAr: "ذئب منفرد", Kind: graph.KindPerson, Affiliation: "ghost"}
	ghost := graph.Actor{ID: "ghost", Name: "Ghost Council", NameAr: "مجلس الأشباح", Kind: graph.KindOrganisation}
	docs = append(docs, storetest.NewDocument(graph.Article{ID: "a5-lone", Title: "ذئب منفرد في المدينة", Source: "Fixture News",
		Published: time.Date(2020, 3, 2, 0, 0, 0, 0, time.UTC), DateSource: graph.DateText, Text: "وصل ذئب منفرد إلى المدينة يوم 2 مارس 2020."},
		[]graph.Actor{lone, ghost}, []graph.Mention{{Actor: "lone", Count: 1}}))
	if err := store.LoadArticles(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	srv := quietServer(store)
	defer srv.Close()
	p, problems := newPage(t, srv, 1200, 800)
	defer func() {
		for _, pr := range problems() {
			// Chromium logs the 404 of the unknown actor asked for below.
			if !strings.Contains(pr, "status of 404") {
				t.Errorf("page problem: %s", pr)
			}
		}
	}()

	t.Run("known actor in no article", func(t *testing.T) {
		p.do("searching the ghost",
			chromedp.Navigate(srv.URL+"/"),
			chromedp.WaitVisible(chromedp.CSS("#search-input")),
			chromedp.SendKeys(chromedp.CSS("#search-input"), "Ghost"),
			chromedp.WaitVisible(chromedp.CSS(`#search-list li[data-id="ghost"]`)),
			chromedp.Click(chromedp.CSS(`#search-list li[data-id="ghost"]`)))
		p.wait("the ghost's panel", `document.querySelector('#panel [data-notice="no-article"]') !== null`)
		if got := p.text(`#panel [data-notice="no-article"]`); got != "Known actor, in no loaded article." {
			t.Errorf("got %q for an actor no article mentions, want Known actor, in no loaded article.", got)
		}
	})

	t.Run("no relations", func(t *testing.T) {
		p.do("opening lone", chromedp.Navigate(srv.URL+"/#c=lone"))
		p.wait("lone's panel", `document.querySelector('#panel .mentioning li[data-article="a5-lone"]') !== null`)
		if n := count(p.outline(), "node", true); n != 1 {
			t.Errorf("got %d actors on the canvas for an actor with no relation, want it alone", n)
		}
		p.do("opening the article", chromedp.Click(chromedp.CSS(`#panel .mentioning li[data-article="a5-lone"] a`)))
		p.wait("the article", `document.querySelector("#panel .article-text") !== null`)
		var date struct {
			Text   string `json:"text"`
			Dir    string `json:"dir"`
			Source string `json:"source"`
		}
		p.eval(`(() => { const d = document.querySelector("#panel .art-meta bdi.date"); return { text: d.textContent, dir: getComputedStyle(d).direction,
			source: document.querySelector("#panel [data-date-source]").dataset.dateSource }; })()`, &date)
		if date.Text != "2020-03-02" || date.Dir != "ltr" || date.Source != "text" {
			t.Errorf("got date %q (%s) from %q in the article view, want 2020-03-02 left to right, from the text", date.Text, date.Dir, date.Source)
		}
	})

	t.Run("error clears the stale graph", func(t *testing.T) {
		p.do("opening Haftar", chromedp.Navigate(srv.URL+"/#c=khalifa-haftar"))
		p.wait("Haftar", `+document.querySelector("#outline").dataset.nodes > 1`)
		p.do("opening an unknown actor", chromedp.Navigate(srv.URL+"/#c=nobody"))
		p.wait("the error", `document.querySelector('#message[data-message="error"]') !== null`)
		if n := count(p.outline(), "node", true); n != 0 {
			t.Errorf("after an error: got %d actors still drawn, want the canvas cleared", n)
		}
		if msg := p.text("#message"); !strings.Contains(msg, "nobody") {
			t.Errorf("got error message %q, want it to name the unknown actor", msg)
		}
	})

	t.Run("loading indicator", func(t *testing.T) {
		paused := make(chan fetch.RequestID, 4)
		if err := chromedp.Listen(p.ctx, func(ev any) {
			if e, ok := ev.(*fetch.EventRequestPaused); ok {
				paused <- e.RequestID
			}
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(p.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/neighbourhood*"}}}); err != nil {
			t.Fatal(err)
		}
		p.do("opening Egypt", chromedp.Navigate(srv.URL+"/#c=egypt"))
		var id fetch.RequestID
		select {
		case id = <-paused:
		case <-time.After(20 * time.Second):
			t.Fatal("the neighbourhood request never came")
		}
		var shown bool
		p.eval(`!document.querySelector("#loading").hidden && document.body.dataset.busy !== "0"`, &shown)
		if !shown {
			t.Errorf("while a request runs, the loading indicator is hidden")
		}
		if _, err := chromedp.Call(p.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(p.ctx, fetch.Disable, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
		p.wait("Egypt", `document.querySelector("#loading").hidden && +document.querySelector("#outline").dataset.nodes > 1`)
	})

	t.Run("800 px wide", func(t *testing.T) {
		p.do("narrowing the window", chromedp.EmulateViewport(800, 700), chromedp.Navigate(srv.URL+"/#c=khalifa-haftar&sel=n%3Akhalifa-haftar"))
		p.wait("the narrow view", `document.querySelector("#panel .names") !== null`)
		var layout struct {
			Scroll  float64 `json:"scroll"`
			Canvas  float64 `json:"canvas"`
			Toggle  bool    `json:"toggle"`
			Sidebar bool    `json:"sidebar"`
		}
		read := func() {
			p.eval(`({ scroll: document.documentElement.scrollWidth, canvas: document.querySelector("#cy").getBoundingClientRect().width,
				toggle: getComputedStyle(document.querySelector("#sidebar-toggle")).display !== "none",
				sidebar: getComputedStyle(document.querySelector("#sidebar")).display !== "none" })`, &layout)
		}
		read()
		if layout.Scroll > 800 || layout.Canvas < 350 || !layout.Toggle || layout.Sidebar {
			t.Errorf("at 800 px: got page width %.0f, canvas %.0f px, filters button shown %v, sidebar shown %v; want at most 800, at least 350, true, false",
				layout.Scroll, layout.Canvas, layout.Toggle, layout.Sidebar)
		}
		p.do("opening the filters", chromedp.Click(chromedp.CSS("#sidebar-toggle")))
		read()
		if !layout.Sidebar {
			t.Errorf("at 800 px: the filters button does not show the filters")
		}
		p.shot("narrow")
		it := p.item("khalifa-haftar")
		p.do("clicking outside the filters", chromedp.MouseClickXY(float64(790), it.Y))
		read()
		if layout.Sidebar {
			t.Errorf("at 800 px: the filters stay open after a click outside them")
		}
	})
}
