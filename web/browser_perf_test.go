package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
)

// perfView is one view the viewer measurement opens: a neighbourhood of
// actor-000000 in the synthetic graph, of Nodes actors at the given depth.
type perfView struct {
	Nodes, Depth int
}

// perfViews are the views of TestBrowserViewerPerf, by default; the
// environment variable RAWABIT_BROWSER_PERF_SIZES (e.g. "2000,5000")
// narrows them.
var perfViews = []perfView{{1000, 2}, {2000, 2}, {5000, 3}}

// TestBrowserViewerPerf measures the viewer on large views of a synthetic
// graph (20,000 actors, 200,000 claims) in headless chromium: the time from
// navigation to the first drawn frame of the laid-out view, and the frame
// rate (requestAnimationFrame callbacks per second, counted in the page)
// while the analyst pans (a mouse drag on the background) and zooms (wheel
// steps), for 1,000, 2,000 and 5,000 nodes. It is a measurement, not a
// check: it runs only when RAWABIT_BROWSER_PERF=1, logs its figures, and
// fails only when the view does not arrive whole or the page reports a
// problem. RAWABIT_BROWSER_RENDERER (auto, canvas or webgl) chooses the
// renderer the page asks for; RAWABIT_SHOTS=DIR saves a screenshot of each
// view. Command and figures: BENCHMARKS.md, "The viewer at 2,000 and 5,000
// nodes".
func TestBrowserViewerPerf(t *testing.T) {
	if os.Getenv("RAWABIT_BROWSER_PERF") != "1" {
		t.Skip("set RAWABIT_BROWSER_PERF=1 to measure the viewer on 1,000 to 5,000-node views in chromium")
	}
	views := perfViews
	if s := os.Getenv("RAWABIT_BROWSER_PERF_SIZES"); s != "" {
		views = nil
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				t.Fatalf("RAWABIT_BROWSER_PERF_SIZES: %v", err)
			}
			d := 2
			if n > 2000 {
				d = 3
			}
			views = append(views, perfView{n, d})
		}
	}
	store := memstore.New()
	if err := store.LoadArticles(context.Background(), storetest.Synthetic(20_000, 200_000, 1)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(NewServer(store, Options{MaxNodes: graph.MaxMaxNodes, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler())
	defer srv.Close()
	renderer := os.Getenv("RAWABIT_BROWSER_RENDERER")
	for _, v := range views {
		t.Run(fmt.Sprintf("nodes=%d", v.Nodes), func(t *testing.T) {
			m := measureView(t, srv, v, renderer)
			t.Logf("%d nodes, %d edges, renderer %s (WebGL: %s): first draw %.0f ms after navigation (phases of the last change, ms: %s); pan %.1f fps, zoom %.1f fps",
				m.Nodes, m.Edges, m.Renderer, m.WebGL, m.FirstDraw, m.Timings, m.PanFPS, m.ZoomFPS)
		})
	}
}

// viewMeasure is what measureView reports of one view.
type viewMeasure struct {
	Nodes, Edges    int
	Renderer        string
	WebGL           string  // the browser's WebGL 2: gpu, software or none
	FirstDraw       float64 // ms from navigation start to the end of the first drawing of the laid-out view (#outline data-drawn-at)
	Timings         string  // the viewer's own phases of the last change (#outline data-timings)
	PanFPS, ZoomFPS float64
}

// gestureTime is how long each scripted pan and zoom lasts.
const gestureTime = 2 * time.Second

// startFrameCount starts counting animation frames in the page.
const startFrameCount = `(() => { const c = { frames: 0, t0: performance.now(), on: true }; window.__frames = c;
	const tick = () => { if (!c.on) return; c.frames++; requestAnimationFrame(tick); }; requestAnimationFrame(tick); return true; })()`

// stopFrameCount stops the count and returns the frames per second.
const stopFrameCount = `(() => { const c = window.__frames; c.on = false; return c.frames * 1000 / (performance.now() - c.t0); })()`

func measureView(t *testing.T, srv *httptest.Server, v perfView, renderer string) viewMeasure {
	p, pageProblems := newPage(t, srv, 1440, 900)
	defer func() {
		for _, pr := range pageProblems() {
			t.Errorf("page problem: %s", pr)
		}
	}()
	hash := fmt.Sprintf("#c=actor-000000&d=%d&n=%d", v.Depth, v.Nodes)
	if renderer != "" {
		hash += "&r=" + renderer
	}
	p.do("loading the view",
		chromedp.Navigate(srv.URL+"/"+hash),
		chromedp.Poll[chromedp.Void](idle+` && document.querySelector("#outline").dataset.layoutMs !== undefined && +document.querySelector("#outline").dataset.nodes >= `+strconv.Itoa(v.Nodes*9/10),
			chromedp.WithPollingTimeout(100*time.Second)))
	var m viewMeasure
	if err := chromedp.Do(p.ctx, chromedp.Poll[chromedp.Void](`document.querySelector("#outline").dataset.drawnAt !== undefined`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		var state string
		p.eval(`JSON.stringify({ ...document.querySelector("#cy").dataset }) + " " + document.querySelector("#status").textContent`, &state)
		p.shot("perf-failed")
		t.Fatalf("waiting for the first drawing: %v; canvas %s", err, state)
	}
	p.eval(`+document.querySelector("#outline").dataset.drawnAt`, &m.FirstDraw)
	p.eval(`document.querySelector("#outline").dataset.timings`, &m.Timings)
	var size struct {
		Nodes, Edges    int
		Renderer, WebGL string
	}
	p.eval(`(() => { const o = document.querySelector("#outline").dataset, c = document.querySelector("#cy").dataset;
		return { Nodes: +o.nodes, Edges: +o.edges, Renderer: c.renderer || "canvas", WebGL: c.webgl || "" }; })()`, &size)
	m.Nodes, m.Edges, m.Renderer, m.WebGL = size.Nodes, size.Edges, size.Renderer, size.WebGL
	if m.Nodes < v.Nodes*9/10 {
		t.Fatalf("got %d nodes on the canvas, want about %d", m.Nodes, v.Nodes)
	}
	p.shot(fmt.Sprintf("perf-%d-%s", v.Nodes, m.Renderer))

	var box struct{ X, Y, W, H float64 }
	p.eval(`(() => { const r = document.querySelector("#cy").getBoundingClientRect(); return { X: r.left, Y: r.top, W: r.width, H: r.height }; })()`, &box)

	// Pan: drag the background from near the canvas's corner (the ring
	// layout leaves the corners empty), one move every 16 ms for
	// gestureTime; a move waits for the page to take it, as a real one
	// does when the page is busy drawing.
	var ok bool
	p.eval(startFrameCount, &ok)
	x0, y0 := box.X+12, box.Y+12
	pressed := func(e *input.DispatchMouseEventParams) { e.Buttons = 1 }
	p.do("pressing", chromedp.MouseEvent(chromedp.MouseMoved, x0, y0),
		chromedp.MouseEvent(chromedp.MousePressed, x0, y0, chromedp.ButtonLeft, chromedp.ClickCount(1), pressed))
	x, y := x0, y0
	for start := time.Now(); time.Since(start) < gestureTime; {
		f := float64(time.Since(start)) / float64(gestureTime)
		x, y = x0+f*box.W/3, y0+f*box.H/3
		p.do("panning", chromedp.MouseEvent(chromedp.MouseMoved, x, y, chromedp.ButtonLeft, pressed), chromedp.Sleep(16*time.Millisecond))
	}
	p.do("releasing", chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	p.eval(stopFrameCount, &m.PanFPS)
	p.wait("the pan to settle", "true")

	// Zoom: wheel steps at the canvas's centre, in then out, for
	// gestureTime.
	cx, cy := box.X+box.W/2, box.Y+box.H/2
	p.eval(startFrameCount, &ok)
	for start := time.Now(); time.Since(start) < gestureTime; {
		dy := -40.0
		if time.Since(start) > gestureTime/2 {
			dy = 40
		}
		p.do("zooming", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, cx, cy, func(e *input.DispatchMouseEventParams) { e.DeltaX, e.DeltaY = 0.001, dy }), chromedp.Sleep(16*time.Millisecond))
	}
	p.eval(stopFrameCount, &m.ZoomFPS)
	p.wait("the zoom to settle", "true")
	p.shot(fmt.Sprintf("perf-%d-%s-after", v.Nodes, m.Renderer))
	return m
}
