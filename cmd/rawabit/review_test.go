package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader"
)

const testReviewToken = "alice-secret-token-0123"

type queueAnswer struct {
	Claims []struct {
		ID      string `json:"id"`
		Article string `json:"article"`
		Source  string `json:"source"`
		Target  string `json:"target"`
	} `json:"claims"`
}

// postDecision POSTs a decision as the viewer does and returns the status
// and body.
func postDecision(t *testing.T, base, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/api/review/decisions", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+testReviewToken)
	req.Header.Set("X-Rawabit-Review", "1")
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", base)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeReview serves the seed corpus in review mode, rejects a claim
// and adds an actor, stops, checks the decisions in the files, and starts
// again: the rejected claim is still out of the graph (and restorable), the
// actor still there. Without tokens the same server refuses decisions.
func TestServeReview(t *testing.T) {
	clearEnv(t)
	dir := t.TempDir()
	for _, f := range []string{"claims.yaml", "corrections.yaml"} {
		data, err := os.ReadFile(filepath.Join(repoRoot, "data", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(repoRoot)
	t.Setenv("RAWABIT_DATA_SNAPSHOT", "")
	t.Setenv("RAWABIT_DATA_CLAIMS", filepath.Join(dir, "claims.yaml"))
	t.Setenv("RAWABIT_DATA_CORRECTIONS", filepath.Join(dir, "corrections.yaml"))

	t.Run("without tokens decisions are refused", func(t *testing.T) {
		serveWhile(t, []string{"serve"}, func(base string) {
			if code, body := postDecision(t, base, `{"kind":"confirm","claim":"0123456789abcdef"}`); code != http.StatusMethodNotAllowed {
				t.Errorf("got %d %s, want 405", code, body)
			}
		})
	})

	t.Setenv("RAWABIT_REVIEW_TOKENS", "alice="+testReviewToken)
	var rejected string
	var before graph.Counts
	logs := serveWhile(t, []string{"serve"}, func(base string) {
		getJSON(t, base+"/api/stats", "", &before)
		var q queueAnswer
		getJSON(t, base+"/api/review/queue?limit=1", testReviewToken, &q)
		if len(q.Claims) != 1 {
			t.Fatalf("got queue %+v, want a claim", q)
		}
		rejected = q.Claims[0].ID
		for _, body := range []string{
			`{"kind":"reject","claim":"` + rejected + `","reason":"not in the sentence"}`,
			`{"kind":"add_actor","actor":{"id":"test-envoy","name":"Test Envoy","name_ar":"مبعوث الاختبار","kind":"person"}}`,
			`{"kind":"add_actor","actor":{"id":"test-double","name":"Test Double","name_ar":"المبعوث المكرر","kind":"person"}}`,
			`{"kind":"merge","actor_id":"test-double","into":"test-envoy","reason":"the same person"}`,
			`{"kind":"add_name","actor_id":"test-envoy","name":"مبعوث التجربة"}`,
		} {
			if code, resp := postDecision(t, base, body); code != http.StatusOK {
				t.Fatalf("POST %s: got %d %s", body, code, resp)
			}
		}
	})
	if !strings.Contains(logs, "review mode on") {
		t.Errorf("logs do not say review mode is on:\n%s", logs)
	}
	decisions, err := loader.ParseReviewsFile(filepath.Join(dir, "corrections.yaml"))
	if err != nil || len(decisions) != 5 || decisions[0].ClaimID != rejected || decisions[0].Reviewer != "alice" {
		t.Fatalf("got review log %+v (%v), want the five decisions by alice", decisions, err)
	}

	t.Run("read-only restart keeps the decisions", func(t *testing.T) {
		t.Setenv("RAWABIT_REVIEW_TOKENS", "")
		serveWhile(t, []string{"serve"}, func(base string) {
			var after graph.Counts
			getJSON(t, base+"/api/stats", "", &after)
			if after.Claims != before.Claims-1 || after.Actors != before.Actors+1 {
				t.Errorf("read-only: got %+v, want %+v with one claim less and one actor more", after, before)
			}
		})
	})

	restartLogs := serveWhile(t, []string{"serve"}, func(base string) {
		var after graph.Counts
		getJSON(t, base+"/api/stats", "", &after)
		if after.Claims != before.Claims-1 || after.Actors != before.Actors+1 {
			t.Errorf("after restart: got %+v, want %+v with one claim less and one actor more", after, before)
		}
		var q queueAnswer
		getJSON(t, base+"/api/review/rejected", testReviewToken, &q)
		if len(q.Claims) != 1 || q.Claims[0].ID != rejected {
			t.Errorf("after restart: got rejected %+v, want %s", q, rejected)
		}
		for _, q := range []string{"المبعوث المكرر", "مبعوث التجربة"} { // merged and added names
			var found struct {
				Actors []struct{ ID string } `json:"actors"`
			}
			getJSON(t, base+"/api/actors?q="+url.QueryEscape(q), "", &found)
			if len(found.Actors) == 0 || found.Actors[0].ID != "test-envoy" {
				t.Errorf("after restart: search %q: got %+v, want test-envoy", q, found.Actors)
			}
		}
		resp, err := http.Get(base + "/api/actors/test-double")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("after restart: the merged actor: got %s, want 404", resp.Status)
		}
		if code, body := postDecision(t, base, `{"kind":"restore","claim":"`+rejected+`"}`); code != http.StatusOK {
			t.Errorf("restore after restart: got %d %s", code, body)
		}
	})
	// The counts logged at start-up are those after the replay.
	if !strings.Contains(restartLogs, fmt.Sprintf("claims=%d\n", before.Claims-1)) {
		t.Errorf("start-up logs do not give the %d claims left after the replay:\n%s", before.Claims-1, restartLogs)
	}
}

// TestServeReviewEmbeddedFiles: in review mode away from the project folder,
// the first decision writes data/claims.yaml and data/corrections.yaml from
// the embedded copies plus the decision, so the shipped entries are kept.
func TestServeReviewEmbeddedFiles(t *testing.T) {
	clearEnv(t)
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("RAWABIT_DATA_SNAPSHOT", "")
	t.Setenv("RAWABIT_REVIEW_TOKENS", "alice="+testReviewToken)
	serveWhile(t, []string{"serve"}, func(base string) {
		var q queueAnswer
		getJSON(t, base+"/api/review/queue?limit=1", testReviewToken, &q)
		if len(q.Claims) != 1 {
			t.Fatalf("got queue %+v, want the seed claims", q)
		}
		if code, body := postDecision(t, base, `{"kind":"reject","claim":"`+q.Claims[0].ID+`"}`); code != http.StatusOK {
			t.Fatalf("reject: got %d %s", code, body)
		}
	})
	shipped, err := loader.ParseClaimsFile(filepath.Join(root, "data", "claims.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	written, err := loader.ParseClaimsFile(filepath.Join(dir, "data", "claims.yaml"))
	if err != nil || len(written.Claims) != len(shipped.Claims) {
		t.Errorf("got %v claims on disk (%v), want the %d shipped ones", written, err, len(shipped.Claims))
	}
	decisions, err := loader.ParseReviewsFile(filepath.Join(dir, "data", "corrections.yaml"))
	if err != nil || len(decisions) != 1 {
		t.Errorf("got review log %+v (%v), want the rejection", decisions, err)
	}
}
