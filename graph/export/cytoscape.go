package export

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/rawabit/rawabit/graph"
)

// writeCytoscape writes a Cytoscape.js JSON document: {"elements":{"nodes":
// [{"data":{...}}],"edges":[{"data":{...}}]}} with one edge per aggregated
// edge whose "provenance" list holds every claim with its article, so that
// ReadCytoscapeJSON gives back the subgraph. Confidences are always written
// with a decimal point: Cytoscape types a column by its first value, and a
// later 1 in a column typed Double by 0.8 would be rejected.
func writeCytoscape(ctx context.Context, w io.Writer, in Input) error {
	t := newTextWriter(w)
	var b []byte
	b = append(b, `{"format_version":"1.0","generated_by":"rawabit","target_cytoscapejs_version":"~3.0","data":{"name":"rawabit","description":`...)
	b = appendJSONString(b, in.Description)
	b = append(b, `,"truncated":`...)
	b = strconv.AppendBool(b, in.Subgraph.Truncated)
	b = append(b, "},\n\"elements\":{\"nodes\":["...)
	t.b(b)
	omitted := omittedCounts(in.Subgraph)
	for i, n := range in.Subgraph.Nodes {
		b = b[:0]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n{\"data\":{\"id\":"...)
		b = appendJSONString(b, n.ID)
		b = append(b, `,"label":`...)
		b = appendJSONString(b, nodeLabel(n))
		b = append(b, `,"name":`...)
		b = appendJSONString(b, n.Name)
		b = append(b, `,"name_ar":`...)
		b = appendJSONString(b, n.NameAr)
		b = append(b, `,"kind":`...)
		b = appendJSONString(b, string(n.Kind))
		b = append(b, `,"affiliation":`...)
		b = appendJSONString(b, n.Affiliation)
		b = append(b, `,"aliases":`...)
		b = appendJSONStrings(b, n.Aliases)
		b = append(b, `,"omitted":`...)
		b = strconv.AppendInt(b, int64(omitted[n.ID]), 10)
		b = append(b, "}}"...)
		t.b(b)
	}
	t.s("],\n\"edges\":[")
	var s edgeSummary
	first := true
	claims := in.Subgraph.Claims
	err := eachGroup(ctx, claims, edgeOrder(claims), func(g *edgeGroup) error {
		s.summarise(g, in.Articles)
		b = b[:0]
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, "\n{\"data\":{\"id\":"...)
		b = appendJSONString(b, g.ID())
		b = append(b, `,"source":`...)
		b = appendJSONString(b, g.Source)
		b = append(b, `,"target":`...)
		b = appendJSONString(b, g.Target)
		b = append(b, `,"type":"`...)
		b = append(b, g.Type...)
		b = append(b, `","label":"`...)
		b = append(b, g.Type...)
		b = append(b, `","directed":`...)
		b = strconv.AppendBool(b, s.Directed)
		b = append(b, `,"weight":`...)
		b = strconv.AppendInt(b, int64(len(g.Claims)), 10)
		b = append(b, `,"claims":`...)
		b = strconv.AppendInt(b, int64(len(g.Claims)), 10)
		b = append(b, `,"articles":`...)
		b = strconv.AppendInt(b, int64(len(s.ArticleIDs)), 10)
		b = append(b, `,"certainty":`...)
		b = appendJSONString(b, s.Certainty())
		b = append(b, `,"max_confidence":`...)
		b = appendCypherFloat(b, s.MaxConfidence)
		b = append(b, `,"certainties":`...)
		b = appendJSONStrings(b, s.Certainties)
		b = append(b, `,"claim_ids":`...)
		b = appendJSONStrings(b, s.ClaimIDs)
		b = append(b, `,"article_ids":`...)
		b = appendJSONStrings(b, s.ArticleIDs)
		b = append(b, `,"quotes":`...)
		b = appendJSONStrings(b, s.Quotes)
		b = append(b, `,"provenance":[`...)
		for i, c := range g.Claims {
			if i > 0 {
				b = append(b, ',')
			}
			a := in.Articles[c.Article]
			b = append(b, `{"claim":`...)
			b = appendJSONString(b, c.ID)
			b = append(b, `,"source":`...)
			b = appendJSONString(b, c.Source)
			b = append(b, `,"target":`...)
			b = appendJSONString(b, c.Target)
			b = append(b, `,"article":`...)
			b = appendJSONString(b, c.Article)
			b = append(b, `,"title":`...)
			b = appendJSONString(b, a.Title)
			b = append(b, `,"publisher":`...)
			b = appendJSONString(b, a.Source)
			b = append(b, `,"published":`...)
			b = appendJSONString(b, dateString(a.Published))
			b = append(b, `,"url":`...)
			b = appendJSONString(b, a.URL)
			b = append(b, `,"quote":`...)
			b = appendJSONString(b, c.Quote)
			b = append(b, `,"start":`...)
			b = strconv.AppendInt(b, int64(c.Start), 10)
			b = append(b, `,"end":`...)
			b = strconv.AppendInt(b, int64(c.End), 10)
			b = append(b, `,"certainty":`...)
			b = appendJSONString(b, string(c.Certainty))
			b = append(b, `,"confidence":`...)
			b = appendCypherFloat(b, c.Confidence)
			b = append(b, `,"extractor":`...)
			b = appendJSONString(b, c.Extractor)
			b = append(b, '}')
		}
		b = append(b, "]}}"...)
		t.b(b)
		return t.err
	})
	if err != nil {
		return err
	}
	t.s("\n]}}\n")
	return t.flush()
}

// cyDocument is the part of a Cytoscape.js JSON document ReadCytoscapeJSON
// reads.
type cyDocument struct {
	Data struct {
		Description string `json:"description"`
		Truncated   bool   `json:"truncated"`
	} `json:"data"`
	Elements *struct {
		Nodes []struct {
			Data cyNode `json:"data"`
		} `json:"nodes"`
		Edges []struct {
			Data cyEdge `json:"data"`
		} `json:"edges"`
	} `json:"elements"`
}

type cyNode struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	NameAr      string   `json:"name_ar"`
	Kind        string   `json:"kind"`
	Affiliation string   `json:"affiliation"`
	Aliases     []string `json:"aliases"`
	Omitted     int      `json:"omitted"`
}

type cyEdge struct {
	ID         string `json:"id"`
	Source     string `json:"source"`
	Target     string `json:"target"`
	Type       string `json:"type"`
	Provenance []struct {
		Claim      string  `json:"claim"`
		Source     string  `json:"source"`
		Target     string  `json:"target"`
		Article    string  `json:"article"`
		Title      string  `json:"title"`
		Publisher  string  `json:"publisher"`
		Published  string  `json:"published"`
		URL        string  `json:"url"`
		Quote      string  `json:"quote"`
		Start      int     `json:"start"`
		End        int     `json:"end"`
		Certainty  string  `json:"certainty"`
		Confidence float64 `json:"confidence"`
		Extractor  string  `json:"extractor"`
	} `json:"provenance"`
}

// ReadCytoscapeJSON reads a document written by Write in the json format and
// returns its subgraph (nodes sorted by id, claims sorted by id, omissions),
// the article metadata of its claims and its description. Malformed JSON, a
// document without "elements", an unknown actor kind, relation type or
// certainty, a bad date, or an edge whose claims name actors missing from
// the nodes is an error wrapping graph.ErrInvalid and naming the element.
func ReadCytoscapeJSON(r io.Reader) (Input, error) {
	var doc cyDocument
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return Input{}, fmt.Errorf("%w: cytoscape json: %v", graph.ErrInvalid, err)
	}
	if doc.Elements == nil {
		return Input{}, fmt.Errorf("%w: cytoscape json: no \"elements\" object", graph.ErrInvalid)
	}
	in := Input{Description: doc.Data.Description, Articles: map[string]graph.Article{}}
	in.Subgraph.Truncated = doc.Data.Truncated
	nodes := map[string]bool{}
	for i, n := range doc.Elements.Nodes {
		d := n.Data
		kind, err := graph.ParseKind(d.Kind)
		if err != nil {
			return Input{}, fmt.Errorf("cytoscape json: node %d (%q): %w", i, d.ID, err)
		}
		if len(d.Aliases) == 0 {
			d.Aliases = nil
		}
		in.Subgraph.Nodes = append(in.Subgraph.Nodes, graph.Actor{ID: d.ID, Name: d.Name, NameAr: d.NameAr, Kind: kind, Affiliation: d.Affiliation, Aliases: d.Aliases})
		if d.Omitted > 0 {
			in.Subgraph.Omitted = append(in.Subgraph.Omitted, graph.Omission{Actor: d.ID, Count: d.Omitted})
		}
		nodes[d.ID] = true
	}
	for i, e := range doc.Elements.Edges {
		d := e.Data
		t, err := graph.ParseRelationType(d.Type)
		if err != nil {
			return Input{}, fmt.Errorf("cytoscape json: edge %d (%q): %w", i, d.ID, err)
		}
		for j, p := range d.Provenance {
			where := fmt.Sprintf("cytoscape json: edge %d (%q) claim %d (%q)", i, d.ID, j, p.Claim)
			cert, err := graph.ParseCertainty(p.Certainty)
			if err != nil {
				return Input{}, fmt.Errorf("%s: %w", where, err)
			}
			if !nodes[p.Source] || !nodes[p.Target] {
				return Input{}, fmt.Errorf("%w: %s: actors %q and %q are not both among the nodes", graph.ErrInvalid, where, p.Source, p.Target)
			}
			published, err := parseDate(p.Published)
			if err != nil {
				return Input{}, fmt.Errorf("%w: %s: published: %v", graph.ErrInvalid, where, err)
			}
			in.Subgraph.Claims = append(in.Subgraph.Claims, graph.Claim{
				ID: p.Claim, Type: t, Source: p.Source, Target: p.Target, Article: p.Article,
				Quote: p.Quote, Start: p.Start, End: p.End, Certainty: cert, Confidence: p.Confidence, Extractor: p.Extractor,
			})
			in.Articles[p.Article] = graph.Article{ID: p.Article, Title: p.Title, Source: p.Publisher, Published: published, URL: p.URL}
		}
	}
	sortSubgraph(&in.Subgraph)
	return in, nil
}

// parseDate parses YYYY-MM-DD; "" is the zero time.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.DateOnly, s)
}

// sortSubgraph orders a read subgraph as stores return one.
func sortSubgraph(sg *graph.Subgraph) {
	slices.SortFunc(sg.Nodes, func(a, b graph.Actor) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(sg.Claims, func(a, b graph.Claim) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(sg.Omitted, func(a, b graph.Omission) int { return cmp.Compare(a.Actor, b.Actor) })
}
