package web

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserRenderer checks how the viewer chooses its renderer: the
// rule (chooseRenderer, run in the page), the automatic choice in this
// headless chromium (WebGL 2 drawn in software: canvas), the explicit
// WebGL option (drawn with cytoscape's WebGL renderer, switched back to
// canvas from the sidebar with the same actors in the same places), and
// the fallback to canvas, said in the status line, in a browser with no
// WebGL at all.
func TestBrowserRenderer(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the browser test in -short mode")
	}
	srv := quietServer(seedStore(t))
	defer srv.Close()

	t.Run("software WebGL", func(t *testing.T) {
		p, pageProblems := newPage(t, srv, 1440, 900)
		defer func() {
			for _, pr := range pageProblems() {
				t.Errorf("page problem: %s", pr)
			}
		}()
		p.do("opening a view", chromedp.Navigate(srv.URL+"/#c=khalifa-haftar&d=2"))
		p.wait("the view", `document.querySelector('#outline-list li[data-id="khalifa-haftar"]') !== null`)
		var rules []struct {
			Choice  string `json:"choice"`
			Nodes   int    `json:"nodes"`
			Support string `json:"support"`
			Got     string `json:"got"`
		}
		p.eval(`import("/graphview.js").then((g) => [
			["auto", 5000, "gpu"], ["auto", 1000, "gpu"], ["auto", 5000, "software"], ["auto", 5000, "none"],
			["webgl", 10, "software"], ["webgl", 10, "gpu"], ["webgl", 5000, "none"], ["canvas", 5000, "gpu"],
		].map(([choice, nodes, support]) => ({ choice, nodes, support, got: g.chooseRenderer(choice, nodes, support) })))`, &rules)
		want := []string{"webgl", "canvas", "canvas", "canvas", "webgl", "webgl", "canvas", "canvas"}
		if len(rules) != len(want) {
			t.Fatalf("got %d rules, want %d", len(rules), len(want))
		}
		for i, r := range rules {
			if r.Got != want[i] {
				t.Errorf("chooseRenderer(%q, %d nodes, %s): got %s, want %s", r.Choice, r.Nodes, r.Support, r.Got, want[i])
			}
		}
		var cy struct{ Renderer, WebGL string }
		p.eval(`({ Renderer: document.querySelector("#cy").dataset.renderer, WebGL: document.querySelector("#cy").dataset.webgl })`, &cy)
		if cy.WebGL == "gpu" {
			t.Skip("this chromium has a GPU: the software cases do not apply")
		}
		if cy.Renderer != "canvas" {
			t.Errorf("auto without a GPU (WebGL %s): got renderer %q, want canvas", cy.WebGL, cy.Renderer)
		}
		if cy.WebGL != "software" {
			t.Skipf("this chromium's WebGL is %q, not software: the explicit WebGL case does not apply", cy.WebGL)
		}
		before := p.outline()
		p.choose("#renderer", "webgl")
		p.wait("the WebGL canvas", `document.querySelector("#cy").dataset.renderer === "webgl" && location.hash.includes("r=webgl")`)
		after := p.outline()
		if count(after, "node", true) != count(before, "node", true) || count(after, "edge", true) != count(before, "edge", true) {
			t.Errorf("after switching to WebGL: got %d nodes and %d edges, want %d and %d", count(after, "node", true), count(after, "edge", true), count(before, "node", true), count(before, "edge", true))
		}
		for id, it := range before {
			if a, ok := after[id]; ok && it.Type == "node" && (a.MX != it.MX || a.MY != it.MY) {
				t.Errorf("%s moved from (%v, %v) to (%v, %v) when the renderer changed", id, it.MX, it.MY, a.MX, a.MY)
			}
		}
		if n := p.exists(`#status [data-notice="renderer"]`); n {
			t.Errorf("WebGL available in software: got the fallback notice %q", p.text(`#status [data-notice="renderer"]`))
		}
		p.shot("renderer-webgl")
		// The canvas still answers clicks: selecting the centre shows it.
		p.clickNode("khalifa-haftar")
		p.wait("the actor panel", `document.querySelector("#panel-body").dataset.showing === "n:khalifa-haftar"`)
		p.choose("#renderer", "canvas")
		p.wait("the canvas renderer", `document.querySelector("#cy").dataset.renderer === "canvas"`)
		if n := count(p.outline(), "node", true); n != count(before, "node", true) {
			t.Errorf("back to canvas: got %d nodes, want %d", n, count(before, "node", true))
		}
	})

	t.Run("no WebGL", func(t *testing.T) {
		p, pageProblems := newPage(t, srv, 1440, 900, chromedp.Flag("disable-3d-apis", true))
		defer func() {
			for _, pr := range pageProblems() {
				t.Errorf("page problem: %s", pr)
			}
		}()
		p.do("opening a WebGL view", chromedp.Navigate(srv.URL+"/#c=khalifa-haftar&d=2&r=webgl"))
		p.wait("the view", `document.querySelector('#outline-list li[data-id="khalifa-haftar"]') !== null`)
		var cy struct{ Renderer, WebGL string }
		p.eval(`({ Renderer: document.querySelector("#cy").dataset.renderer, WebGL: document.querySelector("#cy").dataset.webgl })`, &cy)
		if cy.WebGL != "none" || cy.Renderer != "canvas" {
			t.Errorf("WebGL asked for, none in the browser: got WebGL %q and renderer %q, want none and canvas", cy.WebGL, cy.Renderer)
		}
		if got := p.text(`#status [data-notice="renderer"]`); got == "" {
			t.Errorf("got status %q, want the notice that WebGL is not available", p.text("#status"))
		}
		p.shot("renderer-fallback")
	})
}
