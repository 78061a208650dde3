package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
)

// TestHeavyRequestsLimited checks that with every heavy slot taken, an
// export, a paths request and a large subgraph get 503 with Retry-After and
// a message, while light requests (a small subgraph, an actor) still get
// 200; once a slot is free the heavy request gets 200.
func TestHeavyRequestsLimited(t *testing.T) {
	s := testServer(t, fixtureStore(t), Options{MaxHeavy: 2})
	h := s.Handler()
	heavy := []string{
		"/api/export?center=khalifa-haftar&format=graphml",
		"/api/paths?from=khalifa-haftar&to=usa",
		"/api/subgraph?ids=khalifa-haftar,usa," + manyIDs(LightSubgraphIDs),
	}
	light := []string{"/api/subgraph?ids=khalifa-haftar,usa", "/api/actors/usa"}
	for range cap(s.heavy) {
		s.heavy <- struct{}{}
	}
	for _, target := range heavy {
		t.Run("busy "+target, func(t *testing.T) {
			rec := do(t, h, http.MethodGet, target)
			if rec.Code != http.StatusServiceUnavailable {
				t.Fatalf("got status %d, want 503: %s", rec.Code, rec.Body)
			}
			if got, want := rec.Header().Get("Retry-After"), strconv.Itoa(RetryAfterSeconds); got != want {
				t.Errorf("got Retry-After %q, want %q", got, want)
			}
			var body errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error != errBusy.Error() {
				t.Errorf("got body %s, want the error %q", rec.Body, errBusy)
			}
		})
	}
	for _, target := range light {
		t.Run("light "+target, func(t *testing.T) {
			if rec := do(t, h, http.MethodGet, target); rec.Code != http.StatusOK {
				t.Errorf("got status %d, want 200: %s", rec.Code, rec.Body)
			}
		})
	}
	<-s.heavy
	for _, target := range heavy[:2] {
		t.Run("free "+target, func(t *testing.T) {
			if rec := do(t, h, http.MethodGet, target); rec.Code != http.StatusOK {
				t.Errorf("got status %d, want 200: %s", rec.Code, rec.Body)
			}
		})
	}
	if got := len(s.heavy); got != 1 {
		t.Errorf("got %d slots taken after the requests, want 1 (every slot released)", got)
	}
}
