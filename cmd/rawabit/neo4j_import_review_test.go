package main

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
)

// reviewView is what TestNeo4jLoadImportsMemoryReview compares between the
// memory store and Neo4j, through the API.
type reviewView struct {
	Counts   graph.Counts
	Queue    []string
	Rejected []string
	Found    map[string]string // name searched: first actor found
	Merged   int               // status of the merged actor
}

func reviewViewOf(t *testing.T, base string, names []string) reviewView {
	t.Helper()
	var v reviewView
	getJSON(t, base+"/api/stats", "", &v.Counts)
	var q queueAnswer
	getJSON(t, base+"/api/review/queue?limit=1000", testReviewToken, &q)
	for _, c := range q.Claims {
		v.Queue = append(v.Queue, c.ID)
	}
	q = queueAnswer{}
	getJSON(t, base+"/api/review/rejected?limit=1000", testReviewToken, &q)
	for _, c := range q.Claims {
		v.Rejected = append(v.Rejected, c.ID)
	}
	v.Found = map[string]string{}
	for _, name := range names {
		var found struct {
			Actors []struct{ ID string } `json:"actors"`
		}
		getJSON(t, base+"/api/actors?q="+url.QueryEscape(name), "", &found)
		if len(found.Actors) > 0 {
			v.Found[name] = found.Actors[0].ID
		}
	}
	v.Merged, _ = fetch(t, base, "/api/actors/test-double")
	return v
}

// TestNeo4jLoadImportsMemoryReview reviews the seed corpus on the memory
// store (decisions kept in the claims and corrections files), then loads
// the same files into Neo4j with "rawabit load": the review log of
// data.corrections is imported, and Neo4j serves the same review state as
// the memory store (counts, queue, rejected claims, added and merged names).
// Loading again imports nothing twice, and a claim restored on Neo4j after
// the import stays restored when the files are loaded once more.
func TestNeo4jLoadImportsMemoryReview(t *testing.T) {
	neo4jtest.Require(t)
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
	t.Setenv("RAWABIT_REVIEW_TOKENS", "alice="+testReviewToken)

	// The memory store: seven decisions, kept in the two files.
	var rejected, confirmed, source string
	names := []string{"اسم أضافته المراجعة", "مبعوث الاختبار", "المبعوث المكرر", "مبعوث التجربة"}
	var want reviewView
	serveWhile(t, []string{"serve"}, func(base string) {
		var q queueAnswer
		getJSON(t, base+"/api/review/queue?limit=2", testReviewToken, &q)
		if len(q.Claims) != 2 {
			t.Fatalf("got queue %+v, want two claims", q)
		}
		rejected, confirmed, source = q.Claims[0].ID, q.Claims[1].ID, q.Claims[0].Source
		for _, body := range []string{
			`{"kind":"reject","claim":"` + rejected + `","reason":"not in the sentence"}`,
			`{"kind":"confirm","claim":"` + confirmed + `"}`,
			`{"kind":"add_name","actor_id":"` + source + `","name":"اسم أضافته المراجعة"}`,
			`{"kind":"add_actor","actor":{"id":"test-envoy","name":"Test Envoy","name_ar":"مبعوث الاختبار","kind":"person"}}`,
			`{"kind":"add_actor","actor":{"id":"test-double","name":"Test Double","name_ar":"المبعوث المكرر","kind":"person"}}`,
			`{"kind":"merge","actor_id":"test-double","into":"test-envoy","reason":"the same person"}`,
			`{"kind":"add_name","actor_id":"test-envoy","name":"مبعوث التجربة"}`,
		} {
			if code, resp := postDecision(t, base, body); code != http.StatusOK {
				t.Fatalf("POST %s: got %d %s", body, code, resp)
			}
		}
		want = reviewViewOf(t, base, names)
	})
	if len(want.Rejected) != 1 || want.Merged != http.StatusNotFound || want.Found["مبعوث التجربة"] != "test-envoy" {
		t.Fatalf("memory store after review: got %+v, want one rejected claim, the merge and the names", want)
	}

	useNeo4j(t)
	load := func(t *testing.T, wantLog ...string) {
		t.Helper()
		code, out, errOut := runCLI(t, "load")
		if code != 0 {
			t.Fatalf("rawabit load into Neo4j: exit %d\n%s\n%s", code, out, errOut)
		}
		for _, w := range wantLog {
			if !strings.Contains(out+errOut, w) {
				t.Errorf("rawabit load: the log does not say %q:\n%s", w, errOut)
			}
		}
	}
	same := func(t *testing.T) {
		t.Helper()
		logs := serveWhile(t, []string{"serve"}, func(base string) {
			if got := reviewViewOf(t, base, names); !reflect.DeepEqual(got, want) {
				t.Errorf("Neo4j after the import:\n got  %+v\n want %+v (the memory store's)", got, want)
			}
		})
		if !strings.Contains(logs, "decisions_recorded=7") {
			t.Errorf("serve does not say Neo4j records the 7 decisions:\n%s", logs)
		}
	}
	t.Run("first load imports the review log", func(t *testing.T) {
		load(t, "review log of data.corrections imported", "imported=7", "already_recorded=0", "not_imported=0")
		same(t)
	})
	t.Run("loading again imports nothing twice", func(t *testing.T) {
		load(t, "review decisions re-applied after loading", "imported=0", "already_recorded=7", "not_imported=0")
		same(t)
	})
	t.Run("a claim restored on Neo4j stays restored", func(t *testing.T) {
		serveWhile(t, []string{"serve"}, func(base string) {
			if code, body := postDecision(t, base, `{"kind":"restore","claim":"`+rejected+`"}`); code != http.StatusOK {
				t.Fatalf("restore: got %d %s", code, body)
			}
		})
		load(t, "imported=0", "already_recorded=7")
		serveWhile(t, []string{"serve"}, func(base string) {
			got := reviewViewOf(t, base, names)
			if len(got.Rejected) != 0 || got.Counts.Claims != want.Counts.Claims+1 {
				t.Errorf("after loading again: got %d rejected and %d claims, want the restored claim back (0 rejected, %d claims)",
					len(got.Rejected), got.Counts.Claims, want.Counts.Claims+1)
			}
		})
	})
}
