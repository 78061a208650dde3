package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph/export"
)

func TestExport(t *testing.T) {
	s := testServer(t, fixtureStore(t), Options{})
	tests := []struct {
		target      string
		contentType string
		file        string
	}{
		{"/api/export?center=khalifa-haftar&depth=2&format=graphml", "application/graphml+xml; charset=utf-8", "rawabit-khalifa-haftar.graphml"},
		{"/api/export?center=khalifa-haftar&format=gexf&types=supported,opposed&min_confidence=0.5", "application/gexf+xml; charset=utf-8", "rawabit-khalifa-haftar.gexf"},
		{"/api/export?center=khalifa-haftar&format=json&kinds=state", "application/json; charset=utf-8", "rawabit-khalifa-haftar.cyjs.json"},
		{"/api/export?ids=usa,uae,khalifa-haftar&format=csv", "application/zip", "rawabit-3-actors-gephi.zip"},
		{"/api/export?ids=usa&format=neo4j-csv", "application/zip", "rawabit-usa-neo4j.zip"},
		{"/api/export?from=khalifa-haftar&to=usa&max=3&format=cypher", "application/x-cypher-query; charset=utf-8", "rawabit-khalifa-haftar-usa.cypher"},
		{"/api/export?center=khalifa-haftar&format=JSONL", "application/x-ndjson; charset=utf-8", "rawabit-khalifa-haftar.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := do(t, s.Handler(), http.MethodGet, tt.target)
			if rec.Code != http.StatusOK {
				t.Fatalf("got status %d, want 200: %s", rec.Code, rec.Body)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.contentType)
			}
			if got, want := rec.Header().Get("Content-Disposition"), `attachment; filename=`+tt.file; got != want {
				t.Errorf("Content-Disposition = %q, want %q", got, want)
			}
			if rec.Body.Len() == 0 {
				t.Fatal("empty body")
			}
			if !strings.HasSuffix(tt.file, ".zip") && !utf8.Valid(rec.Body.Bytes()) {
				t.Error("body is not valid UTF-8")
			}
			head := do(t, s.Handler(), http.MethodHead, tt.target)
			if head.Code != http.StatusOK || head.Body.Len() != 0 || head.Header().Get("Content-Disposition") == "" {
				t.Errorf("HEAD: got status %d, %d body bytes, disposition %q; want 200, none, set", head.Code, head.Body.Len(), head.Header().Get("Content-Disposition"))
			}
		})
	}
}

// TestExportMatchesNeighbourhood checks that the Cytoscape export holds the
// nodes and edges the neighbourhood endpoint shows.
func TestExportMatchesNeighbourhood(t *testing.T) {
	s := testServer(t, fixtureStore(t), Options{})
	rec := do(t, s.Handler(), http.MethodGet, "/api/export?center=khalifa-haftar&depth=2&format=json")
	if rec.Code != http.StatusOK {
		t.Fatalf("export: got status %d: %s", rec.Code, rec.Body)
	}
	in, err := export.ReadCytoscapeJSON(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatalf("reading the export back: %v", err)
	}
	var doc struct {
		Elements struct {
			Edges []struct {
				Data struct {
					ID string `json:"id"`
				} `json:"data"`
			} `json:"edges"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	rec = do(t, s.Handler(), http.MethodGet, "/api/actors/khalifa-haftar/neighbourhood?depth=2")
	var view struct {
		Nodes []struct {
			ID string `json:"id"`
		} `json:"nodes"`
		Edges []struct {
			ID string `json:"id"`
		} `json:"edges"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &view); err != nil {
		t.Fatal(err)
	}
	var exported, shown []string
	for _, e := range doc.Elements.Edges {
		exported = append(exported, e.Data.ID)
	}
	for _, e := range view.Edges {
		shown = append(shown, e.ID)
	}
	slices.Sort(exported)
	slices.Sort(shown)
	if len(shown) == 0 || !slices.Equal(exported, shown) {
		t.Errorf("edge ids: export has %q, neighbourhood %q; want the same", exported, shown)
	}
	if len(view.Nodes) != len(in.Subgraph.Nodes) {
		t.Fatalf("export has %d nodes, neighbourhood %d", len(in.Subgraph.Nodes), len(view.Nodes))
	}
	for i, n := range in.Subgraph.Nodes {
		found := false
		for _, v := range view.Nodes {
			found = found || v.ID == n.ID
		}
		if !found {
			t.Errorf("export node %d (%s) is not in the neighbourhood", i, n.ID)
		}
	}
	if len(in.Subgraph.Claims) == 0 || len(in.Articles) == 0 {
		t.Errorf("export has %d claims and %d articles, want some of both", len(in.Subgraph.Claims), len(in.Articles))
	}
}

func TestExportErrors(t *testing.T) {
	s := testServer(t, fixtureStore(t), Options{})
	tests := []struct {
		target string
		status int
		want   string
	}{
		{"/api/export?center=usa", http.StatusBadRequest, "format"},
		{"/api/export?center=usa&format=pdf", http.StatusBadRequest, "graphml, gexf, json, csv, neo4j-csv, cypher, jsonl"},
		{"/api/export?format=gexf", http.StatusBadRequest, "exactly one of center, ids, or from and to"},
		{"/api/export?format=gexf&center=usa&ids=uae", http.StatusBadRequest, "exactly one"},
		{"/api/export?format=gexf&from=usa", http.StatusBadRequest, "from and to"},
		{"/api/export?format=gexf&from=usa&to=usa", http.StatusBadRequest, "to"},
		{"/api/export?format=gexf&center=nobody", http.StatusNotFound, "nobody"},
		{"/api/export?format=gexf&ids=usa,nobody", http.StatusNotFound, "nobody"},
		{"/api/export?format=gexf&center=usa&depth=9", http.StatusBadRequest, "depth"},
		{"/api/export?format=gexf&center=usa&types=hugged", http.StatusBadRequest, "types"},
		{"/api/export?format=gexf&center=usa&colour=red", http.StatusBadRequest, "colour"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := do(t, s.Handler(), http.MethodGet, tt.target)
			if rec.Code != tt.status {
				t.Fatalf("got status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if !strings.Contains(rec.Body.String(), tt.want) {
				t.Errorf("body %s does not mention %q", rec.Body, tt.want)
			}
			if got := rec.Header().Get("Content-Disposition"); got != "" {
				t.Errorf("error response has Content-Disposition %q", got)
			}
		})
	}
}
