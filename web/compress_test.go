package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/graph/storetest"
)

// rawGet sends a GET with the given extra headers through a client that
// does not decompress, and returns the response with its body read.
func rawGet(t testing.TB, u string, headers map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

func gunzip(t testing.TB, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("reading gzip: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("reading gzip: %v", err)
	}
	return out
}

// TestGzip checks that responses from GzipMinBytes on are gzip-compressed
// for a client that accepts gzip and only then, with the same content, that
// smaller ones and the zip exports are sent as they are, and that every
// security header stays.
func TestGzip(t *testing.T) {
	srv := httptest.NewServer(NewServer(fixtureStore(t), Options{}).Handler())
	defer srv.Close()
	for _, tc := range []struct {
		name, path string
		wantGzip   bool // when the client accepts gzip
	}{
		{"large JSON", "/api/openapi.json", true},
		{"export as JSON", "/api/export?center=khalifa-haftar&depth=2&format=json", true},
		{"export as GraphML", "/api/export?center=khalifa-haftar&depth=2&format=graphml", true},
		{"zip export", "/api/export?center=khalifa-haftar&depth=2&format=csv", false},
		{"small JSON", "/healthz", false},
		{"error", "/api/actors/nobody-at-all", false},
		{"viewer's library", "/vendor/cytoscape/cytoscape.esm.min.mjs", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain, plainBody := rawGet(t, srv.URL+tc.path, nil)
			zipped, zippedBody := rawGet(t, srv.URL+tc.path, map[string]string{"Accept-Encoding": "gzip, deflate"})
			if got := plain.Header.Get("Content-Encoding"); got != "" {
				t.Errorf("without Accept-Encoding: got Content-Encoding %q, want none", got)
			}
			if plain.StatusCode != zipped.StatusCode {
				t.Errorf("got status %d with gzip and %d without, want the same", zipped.StatusCode, plain.StatusCode)
			}
			got := zipped.Header.Get("Content-Encoding")
			if tc.wantGzip != (got == "gzip") {
				t.Fatalf("%d bytes with Accept-Encoding gzip: got Content-Encoding %q, want gzip %v", len(plainBody), got, tc.wantGzip)
			}
			if tc.wantGzip {
				if len(plainBody) < GzipMinBytes {
					t.Fatalf("the body is %d bytes, below GzipMinBytes: the case tests nothing", len(plainBody))
				}
				if len(zippedBody) >= len(plainBody) {
					t.Errorf("got %d gzip bytes for %d plain ones, want fewer", len(zippedBody), len(plainBody))
				}
				zippedBody = gunzip(t, zippedBody)
			}
			if !bytes.Equal(zippedBody, plainBody) {
				t.Errorf("got %d bytes once decompressed, want the %d plain bytes", len(zippedBody), len(plainBody))
			}
			for _, r := range []*http.Response{plain, zipped} {
				if v := r.Header.Values("Vary"); !strings.Contains(strings.Join(v, ","), "Accept-Encoding") && tc.name != "zip export" {
					t.Errorf("got Vary %q, want Accept-Encoding", v)
				}
				for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy"} {
					if r.Header.Get(h) == "" {
						t.Errorf("got no %s header", h)
					}
				}
				if got := r.Header.Get("Content-Security-Policy"); got != headerCSP {
					t.Errorf("got CSP %q, want %q", got, headerCSP)
				}
			}
		})
	}
}

// TestStaticCache checks the ETag and Cache-Control of the viewer's files:
// the tag is the hash of the embedded file, the same with and without gzip,
// and If-None-Match with it gives 304 without a body.
func TestStaticCache(t *testing.T) {
	srv := httptest.NewServer(NewServer(fixtureStore(t), Options{}).Handler())
	defer srv.Close()
	for _, tc := range []struct{ path, file string }{
		{"/", "static/index.html"},
		{"/app.js", "static/app.js"},
		{"/vendor/cytoscape/cytoscape.esm.min.mjs", "static/vendor/cytoscape/cytoscape.esm.min.mjs"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			content, err := staticFiles.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(content)
			want := `W/"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
			res, body := rawGet(t, srv.URL+tc.path, nil)
			if res.StatusCode != http.StatusOK || !bytes.Equal(body, content) {
				t.Fatalf("got status %d and %d bytes, want 200 and the %d bytes of %s", res.StatusCode, len(body), len(content), tc.file)
			}
			if got := res.Header.Get("ETag"); got != want {
				t.Errorf("got ETag %q, want %q", got, want)
			}
			if got := res.Header.Get("Cache-Control"); got != staticCacheControl {
				t.Errorf("got Cache-Control %q, want %q", got, staticCacheControl)
			}
			zipped, _ := rawGet(t, srv.URL+tc.path, map[string]string{"Accept-Encoding": "gzip"})
			if got := zipped.Header.Get("ETag"); got != want {
				t.Errorf("with gzip: got ETag %q, want %q", got, want)
			}
			for _, enc := range []string{"", "gzip"} {
				h := map[string]string{"If-None-Match": want}
				if enc != "" {
					h["Accept-Encoding"] = enc
				}
				res, body := rawGet(t, srv.URL+tc.path, h)
				if res.StatusCode != http.StatusNotModified || len(body) != 0 {
					t.Errorf("If-None-Match with its tag (Accept-Encoding %q): got status %d and %d bytes, want 304 and none", enc, res.StatusCode, len(body))
				}
				if got := res.Header.Get("Content-Security-Policy"); got != headerCSP {
					t.Errorf("304: got CSP %q, want %q", got, headerCSP)
				}
			}
			res, _ = rawGet(t, srv.URL+tc.path, map[string]string{"If-None-Match": `W/"another"`})
			if res.StatusCode != http.StatusOK {
				t.Errorf("If-None-Match with another tag: got status %d, want 200", res.StatusCode)
			}
		})
	}
	// Every embedded file has its tag, and API answers have none.
	if n := len(staticETags()); n < 10 {
		t.Errorf("got %d tagged files, want every file of static/", n)
	}
	res, _ := rawGet(t, srv.URL+"/api/openapi.json", nil)
	if got := res.Header.Get("ETag"); got != "" {
		t.Errorf("API answer: got ETag %q, want none", got)
	}
}

// BenchmarkNeighbourhoodGzip measures a depth-2 neighbourhood (limit 500)
// of random centres of a 20,000-actor, 200,000-claim synthetic graph over
// loopback HTTP, sent as it is (identity) and gzip-compressed (gzip, the
// client decompressing it), side by side: time per request and bytes on
// the wire per answer (wire-B/op).
func BenchmarkNeighbourhoodGzip(b *testing.B) {
	store := memstore.New()
	if err := store.LoadArticles(context.Background(), storetest.Synthetic(20_000, 200_000, 1)); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(NewServer(store, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler())
	defer srv.Close()
	rng := rand.New(rand.NewPCG(7, 7))
	centres := make([]string, 1024)
	for i := range centres {
		centres[i] = storetest.SyntheticActorID(rng.IntN(20_000))
	}
	for _, enc := range []string{"identity", "gzip"} {
		b.Run(enc, func(b *testing.B) {
			client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
			wire := 0
			i := 0
			for b.Loop() {
				req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/actors/%s/neighbourhood?depth=2&limit=500", srv.URL, centres[i%len(centres)]), nil)
				i++
				req.Header.Set("Accept-Encoding", enc)
				res, err := client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != http.StatusOK {
					b.Fatalf("status %d, %v", res.StatusCode, err)
				}
				wire += len(body)
				if res.Header.Get("Content-Encoding") == "gzip" {
					body = gunzip(b, body)
				}
				if len(body) == 0 {
					b.Fatal("empty answer")
				}
			}
			b.ReportMetric(float64(wire)/float64(i), "wire-B/op")
		})
	}
}
