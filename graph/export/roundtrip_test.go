package export

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// articleMeta keeps the articles behind in's claims, with the fields the
// formats export.
func articleMeta(in Input) map[string]graph.Article {
	out := map[string]graph.Article{}
	for _, id := range articleIDs(in) {
		a := in.Articles[id]
		out[id] = graph.Article{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Published: a.Published}
	}
	return out
}

func TestCytoscapeRoundTrip(t *testing.T) {
	inputs := map[string]Input{"fixture": fixtureInput(t), "synthetic": syntheticInput(200, 1000)}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(context.Background(), &buf, CytoscapeJSON, in); err != nil {
				t.Fatal(err)
			}
			got, err := ReadCytoscapeJSON(&buf)
			if err != nil {
				t.Fatalf("ReadCytoscapeJSON: %v", err)
			}
			if !reflect.DeepEqual(got.Subgraph.Nodes, in.Subgraph.Nodes) {
				t.Errorf("nodes:\n got  %+v\n want %+v", got.Subgraph.Nodes, in.Subgraph.Nodes)
			}
			if !reflect.DeepEqual(got.Subgraph.Claims, in.Subgraph.Claims) {
				t.Errorf("claims:\n got  %+v\n want %+v", got.Subgraph.Claims, in.Subgraph.Claims)
			}
			if !reflect.DeepEqual(got.Subgraph.Omitted, in.Subgraph.Omitted) || got.Subgraph.Truncated != in.Subgraph.Truncated {
				t.Errorf("omitted, truncated: got %v %v, want %v %v", got.Subgraph.Omitted, got.Subgraph.Truncated, in.Subgraph.Omitted, in.Subgraph.Truncated)
			}
			if !reflect.DeepEqual(got.Articles, articleMeta(in)) {
				t.Errorf("articles:\n got  %+v\n want %+v", got.Articles, articleMeta(in))
			}
			if got.Description != in.Description {
				t.Errorf("description = %q, want %q", got.Description, in.Description)
			}
			if !reflect.DeepEqual(graph.Aggregate(got.Subgraph.Claims), graph.Aggregate(in.Subgraph.Claims)) {
				t.Errorf("aggregated edges differ after the round trip")
			}
		})
	}
}

// jsonlNodes is what JSON Lines keeps of the nodes: the actors of claims,
// with id, names and kind.
func jsonlNodes(sg graph.Subgraph) []graph.Actor {
	inClaims := map[string]bool{}
	for _, c := range sg.Claims {
		inClaims[c.Source], inClaims[c.Target] = true, true
	}
	var out []graph.Actor
	for _, a := range sg.Nodes {
		if inClaims[a.ID] {
			out = append(out, graph.Actor{ID: a.ID, Name: a.Name, NameAr: a.NameAr, Kind: a.Kind})
		}
	}
	return out
}

func TestJSONLRoundTrip(t *testing.T) {
	inputs := map[string]Input{"fixture": fixtureInput(t), "synthetic": syntheticInput(200, 1000)}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(context.Background(), &buf, JSONL, in); err != nil {
				t.Fatal(err)
			}
			if lines := strings.Count(buf.String(), "\n"); lines != len(in.Subgraph.Claims) {
				t.Errorf("got %d lines, want one per claim (%d)", lines, len(in.Subgraph.Claims))
			}
			got, err := ReadJSONL(&buf)
			if err != nil {
				t.Fatalf("ReadJSONL: %v", err)
			}
			if want := jsonlNodes(in.Subgraph); !reflect.DeepEqual(got.Subgraph.Nodes, want) {
				t.Errorf("nodes:\n got  %+v\n want %+v", got.Subgraph.Nodes, want)
			}
			if !reflect.DeepEqual(got.Subgraph.Claims, in.Subgraph.Claims) {
				t.Errorf("claims:\n got  %+v\n want %+v", got.Subgraph.Claims, in.Subgraph.Claims)
			}
			if !reflect.DeepEqual(got.Articles, articleMeta(in)) {
				t.Errorf("articles:\n got  %+v\n want %+v", got.Articles, articleMeta(in))
			}
		})
	}
}

// TestReadJSONLExtractShape reads a line as "rawabit extract" writes it: no
// claim id (ReadJSONL computes graph.ClaimID's), a mention and a path.
func TestReadJSONLExtractShape(t *testing.T) {
	line := `{"type":"supported","source":{"id":"usa","name":"United States","kind":"state","mention":"واشنطن"},` +
		`"target":{"id":"khalifa-haftar","name":"Khalifa Haftar","kind":"person","mention":"حفتر"},` +
		`"article":{"id":"001_d522f629676ca2b6","path":"data/articles/001_d522f629676ca2b6.txt"},` +
		`"evidence":{"quote":"تدعم حفتر","start":123,"end":140},"certainty":"reported","confidence":0.8}` + "\n\n"
	got, err := ReadJSONL(strings.NewReader(line))
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Claim{
		ID:   graph.ClaimID("001_d522f629676ca2b6", graph.Supported, "usa", "khalifa-haftar", 123, 140),
		Type: graph.Supported, Source: "usa", Target: "khalifa-haftar", Article: "001_d522f629676ca2b6",
		Quote: "تدعم حفتر", Start: 123, End: 140, Certainty: graph.Reported, Confidence: 0.8,
	}
	if len(got.Subgraph.Claims) != 1 || got.Subgraph.Claims[0] != want {
		t.Errorf("got claims %+v, want [%+v]", got.Subgraph.Claims, want)
	}
	ids := []string{}
	for _, n := range got.Subgraph.Nodes {
		ids = append(ids, n.ID)
	}
	if !slices.Equal(ids, []string{"khalifa-haftar", "usa"}) {
		t.Errorf("got nodes %v, want [khalifa-haftar usa]", ids)
	}
}

func TestReadErrors(t *testing.T) {
	good := `{"type":"met","source":{"id":"a","name":"A","kind":"person"},"target":{"id":"b","name":"B","kind":"state"},"article":{"id":"x"},"evidence":{"quote":"q","start":0,"end":1},"certainty":"asserted","confidence":1}`
	jsonl := []struct {
		name, input, want string
	}{
		{"not json", good + "\n{oops\n", "line 2"},
		{"unknown type", strings.Replace(good, `"met"`, `"hugged"`, 1), `unknown relation type "hugged"`},
		{"unknown kind", "\n" + strings.Replace(good, `"state"`, `"planet"`, 1), "line 2: actor \"b\""},
		{"negated certainty", strings.Replace(good, `"asserted"`, `"negated"`, 1), "certainty"},
		{"no article", strings.Replace(good, `"article":{"id":"x"}`, `"article":{}`, 1), "article.id"},
	}
	for _, tt := range jsonl {
		t.Run("jsonl/"+tt.name, func(t *testing.T) {
			_, err := ReadJSONL(strings.NewReader(tt.input))
			if !errors.Is(err, graph.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want ErrInvalid mentioning %q", err, tt.want)
			}
		})
	}
	cy := []struct {
		name, input, want string
	}{
		{"not json", `{"elements":`, "cytoscape json"},
		{"no elements", `{"data":{}}`, `no "elements"`},
		{"unknown kind", `{"elements":{"nodes":[{"data":{"id":"a","kind":"planet"}}],"edges":[]}}`, `node 0 ("a")`},
		{"unknown type", `{"elements":{"nodes":[],"edges":[{"data":{"id":"e","type":"LIKED"}}]}}`, `edge 0 ("e")`},
		{"claim outside nodes", `{"elements":{"nodes":[{"data":{"id":"a","kind":"person"}}],"edges":[{"data":{"id":"e","type":"MET","provenance":[{"claim":"c","source":"a","target":"z","certainty":"asserted"}]}}]}}`, `"z"`},
	}
	for _, tt := range cy {
		t.Run("cytoscape/"+tt.name, func(t *testing.T) {
			_, err := ReadCytoscapeJSON(strings.NewReader(tt.input))
			if !errors.Is(err, graph.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want ErrInvalid mentioning %q", err, tt.want)
			}
		})
	}
}
