package web

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/loader"
)

// hostileDir is the hostile corpus of testdata/hostile (see its README.md).
var hostileDir = filepath.Join("..", "testdata", "hostile")

// loadHostile loads the hostile corpus into a memstore and checks what was
// loaded, skipped and warned about.
func loadHostile(t *testing.T) *memstore.Store {
	t.Helper()
	s := memstore.New()
	sum, err := loader.Load(context.Background(), s, loader.Options{
		Corpus:     []string{filepath.Join(hostileDir, "articles")},
		Gazetteers: []string{filepath.Join(hostileDir, "gazetteer.yaml")},
		Claims:     filepath.Join(hostileDir, "claims.yaml"),
	})
	if err != nil {
		t.Fatalf("loading the hostile corpus: %v", err)
	}
	if sum.Articles != 5 || sum.Claims != 3 {
		t.Errorf("hostile corpus: got %d articles and %d claims loaded, want every valid one: 5 and 3", sum.Articles, sum.Claims)
	}
	var skipped []string
	for _, sk := range sum.Skipped {
		skipped = append(skipped, fmt.Sprintf("%s:%d", filepath.Base(sk.Path), sk.Line))
	}
	want := []string{"bomb.txt:2", "latin1.txt:4", "nul.txt:4", "records.jsonl:2", "records.jsonl:3", "records.jsonl:4",
		"records.jsonl:5", "records.jsonl:6", "records.jsonl:7"}
	if !slices.Equal(skipped, want) {
		t.Errorf("hostile corpus: got skipped %q, want %q", skipped, want)
	}
	if len(sum.Warnings) != 5 {
		t.Errorf("hostile corpus: got warnings %q, want 5 (two bidi, two links, one title cut)", sum.Warnings)
	}
	return s
}

// injected lists what the hostile data could have injected into the page:
// a script that is not one of the viewer's own files, an element with an
// on... attribute, an iframe, object, embed, svg outside the canvas tools or
// img from the data, a javascript: or data: link, and the flag the payloads
// set.
const injected = `(() => { const bad = [];
	for (const s of document.querySelectorAll("script")) {
		if (!s.src || new URL(s.src).origin !== location.origin) bad.push("script: " + s.outerHTML.slice(0, 100));
	}
	for (const el of document.querySelectorAll("*")) {
		for (const a of el.attributes) if (a.name.startsWith("on")) bad.push(el.tagName + " " + a.name + "=" + a.value.slice(0, 60));
	}
	for (const el of document.querySelectorAll("iframe, object, embed, style:not([data-app]), img[src='x'], svg[onload]")) bad.push(el.outerHTML.slice(0, 100));
	for (const a of document.querySelectorAll("a[href]")) {
		const p = a.protocol; if (p !== "http:" && p !== "https:") bad.push("link " + a.getAttribute("href").slice(0, 60));
	}
	if (window.__pwned) bad.push("window.__pwned is set");
	return bad; })()`

// TestBrowserHostileData loads the hostile corpus and opens every view of
// it in chromium: the start screen, the actor panel of an actor with HTML in
// its names, the evidence of its edge, every loaded article, the English
// view of a 300-byte name and the path between two actors. No dialog may
// open, no element be injected, no request leave the server, no answer be a
// 5xx; the HTML of the data shows as text.
func TestBrowserHostileData(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the browser test in -short mode")
	}
	store := loadHostile(t)
	srv := quietServer(store)
	defer srv.Close()
	p, pageProblems := newPage(t, srv, 1280, 800)

	var mu sync.Mutex
	var problems []string
	report := func(s string) { mu.Lock(); problems = append(problems, s); mu.Unlock() }
	err := chromedp.Listen(p.ctx, func(ev any) {
		switch e := ev.(type) {
		case *cdppage.EventJavascriptDialogOpening:
			report(fmt.Sprintf("dialog %s: %q", e.Type, e.Message))
		case *network.EventResponseReceived:
			if e.Response != nil && e.Response.Status >= 500 {
				report(fmt.Sprintf("%d from %s", e.Response.Status, e.Response.URL))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, pr := range append(problems, pageProblems()...) {
			t.Errorf("page problem: %s", pr)
		}
	}()

	edge := "SUPPORTED:evil-person:plain-state"
	views := []struct {
		name, hash string
		// shows is text the panel (or page) must show, as text.
		shows string
	}{
		{"start screen", "", "بلاد عادية"},
		{"actor with HTML names", "c=evil-person&d=2&lang=en&sel=" + url.QueryEscape("n:evil-person"), `<img src=x onerror="alert(1);window.__pwned=1">Evil`},
		{"evidence of its edge", "c=evil-person&d=2&sel=" + url.QueryEscape("e:"+edge), "<script>alert(4);window.__pwned=1</script>"},
		{"article with HTML everywhere", "c=evil-person&art=html-article", "<script>alert(5);window.__pwned=1</script>"},
		{"article with bidi controls", "c=plain-state&art=bidi-article", "Report exe.FDP"},
		{"article with CRLF and a BOM", "c=plain-state&art=crlf-bom", "CRLF and BOM"},
		{"JSON Lines article with HTML", "c=plain-state&art=json-ok", `"><svg onload=alert(10)>`},
		{"article with a cut 100 KB title", "c=plain-state&art=json-huge-title", strings.Repeat("ع", 20)},
		{"300-byte name in English", "c=long-org&d=1&lang=en&sel=" + url.QueryEscape("n:long-org"), strings.Repeat("W", 300)},
		{"path", "c=evil-person&pf=evil-person&pt=long-org", "التقى شرير مريب منظمة طويلة"},
	}
	for _, v := range views {
		p.do("opening "+v.name, chromedp.Navigate("about:blank"), chromedp.Navigate(srv.URL+"/#"+v.hash))
		p.wait(v.name, `document.body.textContent.includes(`+jsString(v.shows)+`)`)
		var bad []string
		p.eval(injected, &bad)
		if len(bad) > 0 {
			t.Errorf("%s: injected into the page: %q", v.name, bad)
		}
		p.shot("hostile-" + strings.ReplaceAll(v.name, " ", "-"))
	}

	// The API answers the loaded articles with their links dropped.
	for _, id := range []string{"html-article", "json-ok"} {
		if a := fetchArticle(t, srv.URL, id); a.URL != "" {
			t.Errorf("article %s: got url %q, want none", id, a.URL)
		}
	}
	if _, err := store.Article(context.Background(), "bidi-article"); err != nil {
		t.Errorf("bidi-article: %v", err)
	}
}
