package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/storetest"
)

// TestBrowserReview drives review mode in chromium as a reviewer does:
// sign in with a token, reject the claim at the head of the queue, restore
// it from the rejected list, then open an article, select a quote and add
// a claim with it. Every decision must reach the store and the persistence
// hook, with no CSP violation or console error on the page.
func TestBrowserReview(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the browser test in -short mode")
	}
	store := fixtureStore(t)
	var recorded []graph.Decision
	srv := httptest.NewServer(NewServer(store, Options{
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Review: &ReviewOptions{Store: store, Tokens: map[string]string{aliceToken: "alice"},
			Persist: func(d graph.Decision) error { recorded = append(recorded, d); return nil }},
	}).Handler())
	defer srv.Close()
	p, problems := newPage(t, srv, 1440, 900)
	defer func() {
		for _, pr := range problems() {
			t.Errorf("page problem: %s", pr)
		}
	}()
	ctx := context.Background()
	lowest := storetest.FixtureClaimID(t, "a3-tripoli", graph.Supported, "uae", "khalifa-haftar")
	inArticle := func(article, id string) bool {
		cs, err := store.ArticleClaims(ctx, article)
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(cs, func(c graph.Claim) bool { return c.ID == id })
	}

	p.do("opening an article", chromedp.Navigate(srv.URL+"/#art=a1-cairo"))
	p.wait("the review menu", `!document.querySelector("#review-menu").hidden && document.querySelector(".article-text") !== null`)
	p.do("signing in",
		chromedp.Click(chromedp.CSS("#review-menu summary")),
		chromedp.SendKeys(chromedp.CSS("#review-token"), aliceToken),
		chromedp.Click(chromedp.CSS(`form[data-review="sign-in"] button[type="submit"]`)))
	p.wait("the queue", `document.querySelector("#review-who") !== null && document.querySelector("#review-queue li[data-claim]") !== null`)
	if who := p.text("#review-who"); who != "alice" {
		t.Errorf("got reviewer %q, want alice", who)
	}
	var first string
	p.eval(`document.querySelector("#review-queue li[data-claim]").dataset.claim`, &first)
	if first != lowest {
		t.Errorf("got %s at the head of the queue, want the lowest confidence claim %s", first, lowest)
	}

	p.do("rejecting it",
		chromedp.SendKeys(chromedp.CSS(`#review-queue li[data-claim="`+lowest+`"] .review-reason`), "the report is denied"),
		chromedp.Click(chromedp.CSS(`#review-queue li[data-claim="`+lowest+`"] button[data-action="reject"]`)))
	p.wait("the rejected list", `document.querySelector('#review-rejected li[data-claim="`+lowest+`"]') !== null`)
	if inArticle("a3-tripoli", lowest) {
		t.Errorf("the rejected claim is still in the store")
	}
	if !p.exists("#review-refresh:not([hidden])") {
		t.Errorf("no offer to refresh the view after a rejection")
	}
	p.do("restoring it", chromedp.Click(chromedp.CSS(`#review-rejected li[data-claim="`+lowest+`"] button[data-action="restore"]`)))
	p.wait("the restored claim", `document.querySelector('#review-rejected li[data-claim="`+lowest+`"]') === null`)
	if !inArticle("a3-tripoli", lowest) {
		t.Errorf("the restored claim is not back in the store")
	}

	// Select a quote in the article text, as a mouse drag would, and add a
	// claim with it.
	quote := "وبحث معه الوضع في طرابلس"
	var selected bool
	p.eval(`(() => {
		const box = document.querySelector(".article-text");
		const want = `+jsString(quote)+`;
		const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const i = n.data.indexOf(want);
			if (i < 0) continue;
			const r = document.createRange();
			r.setStart(n, i); r.setEnd(n, i + want.length);
			const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
			box.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
			return true;
		}
		return false;
	})()`, &selected)
	if !selected {
		t.Fatalf("quote %q not found in the article view", quote)
	}
	p.wait("the add-claim form", `document.querySelector("#review-claim-form") !== null`)
	if got := p.text("#review-claim-form blockquote"); got != quote {
		t.Errorf("got selected quote %q, want %q", got, quote)
	}
	p.choose(`#review-claim-form select[aria-label="Relation type"]`, "met")
	p.choose(`#review-claim-form select[aria-label="Certainty"]`, "reported")
	p.do("adding the claim",
		chromedp.SendKeys(chromedp.CSS(`#review-claim-form input[aria-label="Source"]`), "khalifa-haftar"),
		chromedp.SendKeys(chromedp.CSS(`#review-claim-form input[aria-label="Target"]`), "un"))
	// The README's picture of review mode: the queue in the Review menu and
	// the form of a claim being added from a selected quote.
	p.do("closing the suggestions", chromedp.KeyEvent("\u001b"))
	if png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot()); err != nil {
		t.Fatalf("screenshot: %v", err)
	} else if *update {
		if err := os.WriteFile(filepath.Join("testdata", "review.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The form's submit button may lie under the suggestion list the inputs
	// opened: submit it as pressing Enter would.
	var submitted bool
	p.eval(`(() => { document.querySelector("#review-claim-form").requestSubmit(); return true; })()`, &submitted)
	p.wait("the answer", `document.querySelector("#review-claim-form") === null || document.querySelector("#review-claim-form .review-status-inline").textContent !== ""`)
	if p.exists("#review-claim-form") {
		t.Fatalf("adding the claim: %s", p.text("#review-claim-form .review-status-inline"))
	}
	start := strings.Index(storetest.Fixture()[0].Article.Text, quote)
	added := graph.ClaimID("a1-cairo", graph.Met, "khalifa-haftar", "un", start, start+len(quote))
	if !inArticle("a1-cairo", added) {
		t.Errorf("the added claim %s is not in the store", added)
	}
	var kinds []string
	for _, d := range recorded {
		kinds = append(kinds, string(d.Kind)+" by "+d.Reviewer)
	}
	if want := []string{"reject by alice", "restore by alice", "add_claim by alice"}; !slices.Equal(kinds, want) {
		t.Errorf("got decisions persisted %q, want %q", kinds, want)
	}
}
