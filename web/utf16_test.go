package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
)

// utf16LenByCounting is the definition the handlers used before issue 9,
// kept as the reference: the UTF-16 code units of s[:n], counted from the
// start of s.
func utf16LenByCounting(s string, n int) int {
	n = min(max(n, 0), len(s))
	units := 0
	for _, r := range s[:n] {
		if r == utf8.RuneError {
			units++
			continue
		}
		units += utf16.RuneLen(r)
	}
	return units
}

// mixedText is Arabic, emoji (outside the BMP: two UTF-16 units each), Latin
// and a combining mark.
const mixedText = "التقى الرئيس 😀 بوزير الخارجية in Cairo 🇪🇬 يوم الأحد، café وأيّد 👍🏽 الاتفاق."

// TestUTF16Offsets checks utf16Offsets against counting from the start at
// every byte offset (including those inside a character, before 0 and past
// the end), given in any order, on valid and invalid UTF-8.
func TestUTF16Offsets(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"empty", ""},
		{"arabic-emoji-latin", mixedText},
		{"invalid-utf8", "ab\xffج\xe2\x80د😀\xf0\x9f\x98"},
		{"replacement-char", "\uFFFDa\uFFFD"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var offsets []int
			for n := len(tc.text) + 2; n >= -2; n-- {
				offsets = append(offsets, n)
			}
			got, err := utf16Offsets(context.Background(), tc.text, offsets)
			if err != nil {
				t.Fatal(err)
			}
			for i, n := range offsets {
				if want := utf16LenByCounting(tc.text, n); got[i] != want {
					t.Errorf("offset %d: got %d UTF-16 units, want %d", n, got[i], want)
				}
			}
		})
	}
}

// FuzzUTF16Offsets checks utf16Offsets against counting from the start on
// any text and offsets.
func FuzzUTF16Offsets(f *testing.F) {
	f.Add(mixedText, 3, 40, 17)
	f.Add("a\xffb😀", 5, 2, 7)
	f.Fuzz(func(t *testing.T, text string, a, b, c int) {
		offsets := []int{a, b, c, a % (len(text) + 1), len(text)}
		got, err := utf16Offsets(context.Background(), text, offsets)
		if err != nil {
			t.Fatal(err)
		}
		for i, n := range offsets {
			if want := utf16LenByCounting(text, n); got[i] != want {
				t.Errorf("offset %d of %q: got %d, want %d", n, text, got[i], want)
			}
		}
	})
}

// TestUTF16OffsetsHonoursContext checks that a done context stops the walk
// over a long text.
func TestUTF16OffsetsHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	text := strings.Repeat("ب", ctxCheckBytes)
	_, err := utf16Offsets(ctx, text, []int{len(text)})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got error %v, want context.Canceled", err)
	}
}

// bigArticle returns a valid document whose text has about size bytes of
// Arabic, emoji and Latin sentences, with one claim in every claimEvery
// bytes (so the number of claims grows with the size).
func bigArticle(id string, size, claimEvery int) graph.Document {
	var b strings.Builder
	type span struct{ start, end int }
	var spans []span
	for i := 0; b.Len() < size; i++ {
		start := b.Len()
		fmt.Fprintf(&b, "%s (%d). ", mixedText, i)
		if len(spans) == 0 || start-spans[len(spans)-1].start >= claimEvery {
			spans = append(spans, span{start, start + len(mixedText)})
		}
	}
	text := b.String()
	actors := []graph.Actor{
		{ID: "a", Kind: graph.KindPerson, Name: "A"},
		{ID: "b", Kind: graph.KindPerson, Name: "B"},
	}
	doc := graph.Document{
		Article:  graph.Article{ID: id, Title: id, Language: "ar", Text: text, SHA256: graph.TextSHA256(text)},
		Actors:   actors,
		Mentions: []graph.Mention{{Actor: "a", Count: 1}, {Actor: "b", Count: 1}},
	}
	for _, sp := range spans {
		doc.Claims = append(doc.Claims, graph.Claim{
			ID:   graph.ClaimID(id, graph.Supported, "a", "b", sp.start, sp.end),
			Type: graph.Supported, Source: "a", Target: "b", Article: id,
			Quote: text[sp.start:sp.end], Start: sp.start, End: sp.end,
			Certainty: graph.Asserted, Confidence: 1, Extractor: storetest.FixtureExtractor,
		})
	}
	return doc
}

// TestClaimOffsetsAsBefore checks that GET /api/articles/{id}, /api/claims
// and /api/paths give every claim the UTF-16 offsets of the old definition
// (start counted from the beginning of the article, end = start + the
// quote's units) on Arabic, emoji and Latin text.
func TestClaimOffsetsAsBefore(t *testing.T) {
	doc := bigArticle("mixed", 20_000, 1_000)
	s := memstore.New()
	if err := s.LoadArticle(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	h := testServer(t, s, Options{}).Handler()
	want := map[string][2]int{}
	for _, cl := range doc.Claims {
		start := utf16LenByCounting(doc.Article.Text, cl.Start)
		want[cl.ID] = [2]int{start, start + utf16LenByCounting(cl.Quote, len(cl.Quote))}
	}
	check := func(t *testing.T, claims []claimView) {
		t.Helper()
		if len(claims) == 0 {
			t.Fatal("got no claims")
		}
		for _, c := range claims {
			if got := [2]int{c.StartUTF16, c.EndUTF16}; got != want[c.ID] {
				t.Errorf("claim %s: got UTF-16 offsets %v, want %v", c.ID, got, want[c.ID])
			}
		}
	}
	t.Run("article", func(t *testing.T) {
		var v articleView
		getJSON(t, h, "/api/articles/mixed", &v)
		if len(v.Claims) != len(doc.Claims) {
			t.Errorf("got %d claims, want %d", len(v.Claims), len(doc.Claims))
		}
		check(t, v.Claims)
	})
	t.Run("claims", func(t *testing.T) {
		var v struct{ Claims []claimView }
		getJSON(t, h, "/api/claims?source=a&target=b", &v)
		check(t, v.Claims)
	})
	t.Run("paths", func(t *testing.T) {
		var v struct {
			Paths []struct {
				Steps []struct{ Claims []claimView }
			}
		}
		getJSON(t, h, "/api/paths?from=a&to=b", &v)
		if len(v.Paths) != 1 || len(v.Paths[0].Steps) != 1 {
			t.Fatalf("got %+v, want one path of one step", v)
		}
		check(t, v.Paths[0].Steps[0].Claims)
	})
}

// getJSON GETs target from h, wants 200 and decodes the body into v.
func getJSON(t *testing.T, h http.Handler, target string, v any) {
	t.Helper()
	rec := do(t, h, http.MethodGet, target)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: got status %d, want 200: %s", target, rec.Code, rec.Body)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
}

// BenchmarkArticleClaims measures GET /api/articles/{id} and GET
// /api/claims on one article of 1 MB and of 4 MB with one claim in every
// 2 KB (483 and 1,921 claims). With offsets counted from the start of the
// article for each claim the 4 MB article cost 16 times the 1 MB one; in one
// pass it costs about 4 times (the ratio goes into BENCHMARKS.md).
func BenchmarkArticleClaims(b *testing.B) {
	for _, mb := range []int{1, 4} {
		doc := bigArticle("big", mb<<20, 2<<10)
		s := memstore.New()
		if err := s.LoadArticle(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
		h := testServer(b, s, Options{}).Handler()
		for _, target := range []string{"/api/articles/big", "/api/claims?source=a"} {
			name := strings.SplitN(strings.TrimPrefix(target, "/api/"), "/", 2)[0]
			name = strings.SplitN(name, "?", 2)[0]
			b.Run(fmt.Sprintf("%s/size=%dMB/claims=%d", name, mb, len(doc.Claims)), func(b *testing.B) {
				for b.Loop() {
					rec := do(b, h, http.MethodGet, target)
					if rec.Code != http.StatusOK {
						b.Fatalf("GET %s: status %d: %s", target, rec.Code, rec.Body)
					}
				}
			})
		}
	}
}
