package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
	"github.com/rawabit/rawabit/graph/storetest"
)

// writeCuratedSynthetic writes the synthetic graph of storetest.SyntheticEach
// (articles*SyntheticClaimsPerArticle claims among actors actors) as a
// corpus "rawabit load" reads: corpus.jsonl (the articles), gazetteer.yaml
// (the actors) and claims.yaml (every claim as a curated claim), and sets the
// RAWABIT_DATA_ configuration to load exactly that, without the extractor.
func writeCuratedSynthetic(t *testing.T, dir string, actors, articles int) {
	t.Helper()
	var gaz bytes.Buffer
	gaz.WriteString("actors:\n")
	for _, a := range storetest.SyntheticActors(actors) {
		fmt.Fprintf(&gaz, "  - id: %s\n    name: %q\n    kind: %s\n    names: [%q]\n", a.ID, a.Name, a.Kind, a.NameAr)
	}
	corpus, err := os.Create(filepath.Join(dir, "corpus.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	cw := bufio.NewWriter(corpus)
	claims, err := os.Create(filepath.Join(dir, "claims.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	kw := bufio.NewWriter(claims)
	kw.WriteString("actors: []\nclaims:\n")
	enc := json.NewEncoder(cw)
	err = storetest.SyntheticEach(actors, articles*storetest.SyntheticClaimsPerArticle, 1, func(d graph.Document) error {
		if err := enc.Encode(map[string]string{"id": d.Article.ID, "title": d.Article.Title, "source": d.Article.Source, "text": d.Article.Text}); err != nil {
			return err
		}
		for _, c := range d.Claims {
			fmt.Fprintf(kw, "  - {article: %s, type: %s, source: %s, target: %s, quote: %q, certainty: %s, confidence: %v}\n",
				c.Article, c.Type, c.Source, c.Target, c.Quote, c.Certainty, c.Confidence)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		w *bufio.Writer
		f *os.File
	}{{cw, corpus}, {kw, claims}} {
		if err := f.w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "gazetteer.yaml"), gaz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("RAWABIT_DATA_ARTICLES", filepath.Join(dir, "corpus.jsonl"))
	t.Setenv("RAWABIT_DATA_GAZETTEER", filepath.Join(dir, "gazetteer.yaml"))
	t.Setenv("RAWABIT_DATA_NO_DEFAULT_GAZETTEER", "true")
	t.Setenv("RAWABIT_DATA_CLAIMS", filepath.Join(dir, "claims.yaml"))
	t.Setenv("RAWABIT_DATA_CORRECTIONS", "")
	t.Setenv("RAWABIT_DATA_EXTRACT", "false")
}

// syntheticArticles is the size of the synthetic corpus TestNeo4jLoadSynthetic
// loads: 10,000 articles, 1,000 under -short.
func syntheticArticles() int {
	if testing.Short() {
		return 1000
	}
	return 10000
}

// TestNeo4jLoadSynthetic loads a synthetic corpus of syntheticArticles()
// articles (ten claims each) into Neo4j with "rawabit load", then checks
// that "serve" on Neo4j answers as "serve" on the memory store loading the
// same corpus: counts, overview, the neighbourhoods of hubs and of ordinary
// actors at depth 1 to 3, paths and search.
func TestNeo4jLoadSynthetic(t *testing.T) {
	neo4jtest.Require(t) // skip (or fail) before any work
	clearEnv(t)
	t.Chdir(repoRoot)
	t.Setenv("RAWABIT_DATA_SNAPSHOT", "") // extract afresh: no snapshot of an older extractor
	articles := syntheticArticles()
	actors := articles / 5
	writeCuratedSynthetic(t, t.TempDir(), actors, articles)
	// The comparison is of answers, not of speed: a loaded machine must not
	// turn a slow answer into a 503 or 504 on one side only.
	t.Setenv("RAWABIT_SERVER_REQUEST_TIMEOUT", "5m")
	var memLogs, neoLogs bytes.Buffer
	mem := startServe(t, testApp(t, &memLogs))

	useNeo4j(t)
	start := time.Now()
	code, out, errOut := runCLI(t, "load", "--strict", "--json")
	t.Logf("rawabit load of %d articles into Neo4j: %v", articles, time.Since(start))
	if code != 0 {
		t.Fatalf("rawabit load into Neo4j: exit %d\n%s\n%s", code, out, errOut)
	}
	var sum struct {
		Articles int `json:"articles"`
		Claims   int `json:"claims"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("load --json: %v: %s", err, out)
	}
	if sum.Articles != articles || sum.Claims != articles*storetest.SyntheticClaimsPerArticle {
		t.Errorf("load: got %d articles and %d claims, want %d and %d", sum.Articles, sum.Claims, articles, articles*storetest.SyntheticClaimsPerArticle)
	}
	neo := startServe(t, testApp(t, &neoLogs))

	paths := []string{"/api/stats", "/api/overview", "/api/overview?types=OPPOSED&certainties=alleged"}
	for _, i := range []int{0, 1, 7, actors / 2, actors - 1} {
		id := storetest.SyntheticActorID(i)
		paths = append(paths, "/api/actors/"+id, "/api/claims?source="+id+"&limit=50")
		for depth := 1; depth <= 3; depth++ {
			paths = append(paths, fmt.Sprintf("/api/actors/%s/neighbourhood?depth=%d&limit=500", id, depth))
		}
		paths = append(paths, "/api/paths?from="+id+"&to="+storetest.SyntheticActorID((i+actors/3)%actors))
	}
	for _, q := range []string{"عبد", "محمد ب", "Actor 42", "جبهة"} {
		paths = append(paths, "/api/actors?q="+url.QueryEscape(q))
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			memCode, memBody := fetch(t, mem, p)
			neoCode, neoBody := fetch(t, neo, p)
			if neoCode != memCode || !bytes.Equal(neoBody, memBody) {
				t.Errorf("GET %s:\n got (Neo4j)  %d %.400s\n want (memory) %d %.400s", p, neoCode, neoBody, memCode, memBody)
			}
			if memCode != 200 {
				t.Errorf("GET %s: got status %d, want 200", p, memCode)
			}
		})
	}
}
