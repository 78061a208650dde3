package main

import (
	"bytes"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
)

// TestNeo4jServeReview loads the seed corpus into Neo4j, serves it in review
// mode, rejects a claim, adds two actors, merges them and adds a name, and
// checks that the decisions live in Neo4j: the claims and corrections files
// are left as they were, a restart shows the same graph, and so does a
// restart after "rawabit load" wrote every article again (the review is
// re-applied), where the rejected claim can still be restored.
func TestNeo4jServeReview(t *testing.T) {
	neo4jtest.Require(t)
	clearEnv(t)
	dir := t.TempDir()
	files := map[string][]byte{}
	for _, f := range []string{"claims.yaml", "corrections.yaml"} {
		data, err := os.ReadFile(filepath.Join(repoRoot, "data", f))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, f)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files[path] = data
	}
	t.Chdir(repoRoot)
	t.Setenv("RAWABIT_DATA_SNAPSHOT", "")
	t.Setenv("RAWABIT_DATA_CLAIMS", filepath.Join(dir, "claims.yaml"))
	t.Setenv("RAWABIT_DATA_CORRECTIONS", filepath.Join(dir, "corrections.yaml"))
	useNeo4j(t)
	if code, out, errOut := runCLI(t, "load"); code != 0 {
		t.Fatalf("rawabit load into Neo4j: exit %d\n%s\n%s", code, out, errOut)
	}

	t.Setenv("RAWABIT_REVIEW_TOKENS", "alice="+testReviewToken)
	var rejected, source string
	var before graph.Counts
	logs := serveWhile(t, []string{"serve"}, func(base string) {
		getJSON(t, base+"/api/stats", "", &before)
		var q queueAnswer
		getJSON(t, base+"/api/review/queue?limit=1", testReviewToken, &q)
		if len(q.Claims) != 1 {
			t.Fatalf("got queue %+v, want a claim", q)
		}
		rejected, source = q.Claims[0].ID, q.Claims[0].Source
		for _, body := range []string{
			// A name of an actor of the corpus: loading its articles again
			// writes the actor without it, and re-applying the review adds
			// it back.
			`{"kind":"add_name","actor_id":"` + source + `","name":"اسم أضافته المراجعة"}`,
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
	if !strings.Contains(logs, "review mode on") || !strings.Contains(logs, "store=neo4j") {
		t.Errorf("logs do not say review mode is on with Neo4j:\n%s", logs)
	}
	for path, data := range files {
		if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: changed by review on Neo4j (%v), want it left as it was", filepath.Base(path), err)
		}
	}

	check := func(t *testing.T, base string) {
		t.Helper()
		var after graph.Counts
		getJSON(t, base+"/api/stats", "", &after)
		if after.Claims != before.Claims-1 || after.Actors != before.Actors+1 {
			t.Errorf("got %+v, want %+v with one claim less and one actor more", after, before)
		}
		var q queueAnswer
		getJSON(t, base+"/api/review/rejected", testReviewToken, &q)
		if len(q.Claims) != 1 || q.Claims[0].ID != rejected {
			t.Errorf("got rejected %+v, want %s", q, rejected)
		}
		for name, id := range map[string]string{"المبعوث المكرر": "test-envoy", "مبعوث التجربة": "test-envoy", "اسم أضافته المراجعة": source} { // merged and added names
			var found struct {
				Actors []struct{ ID string } `json:"actors"`
			}
			getJSON(t, base+"/api/actors?q="+url.QueryEscape(name), "", &found)
			if len(found.Actors) == 0 || found.Actors[0].ID != id {
				t.Errorf("search %q: got %+v, want %s", name, found.Actors, id)
			}
		}
		if code, _ := fetch(t, base, "/api/actors/test-double"); code != http.StatusNotFound {
			t.Errorf("the merged actor: got %d, want 404", code)
		}
	}
	t.Run("restart", func(t *testing.T) {
		serveWhile(t, []string{"serve"}, func(base string) { check(t, base) })
	})
	t.Run("restart after loading the articles again", func(t *testing.T) {
		code, out, errOut := runCLI(t, "load")
		if code != 0 {
			t.Fatalf("rawabit load into Neo4j again: exit %d\n%s\n%s", code, out, errOut)
		}
		if !strings.Contains(out+errOut, "review decisions re-applied after loading") || !strings.Contains(out+errOut, "decisions=6") {
			t.Errorf("rawabit load does not say it re-applied the 6 decisions:\n%s\n%s", out, errOut)
		}
		serveWhile(t, []string{"serve"}, func(base string) {
			check(t, base)
			if code, body := postDecision(t, base, `{"kind":"restore","claim":"`+rejected+`"}`); code != http.StatusOK {
				t.Errorf("restore: got %d %s", code, body)
			}
			var after graph.Counts
			getJSON(t, base+"/api/stats", "", &after)
			if after.Claims != before.Claims {
				t.Errorf("after restore: got %d claims, want %d", after.Claims, before.Claims)
			}
		})
	})
}
