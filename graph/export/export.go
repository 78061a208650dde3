// Package export writes a subgraph of Rawabit's influence network in the
// formats other tools open: GraphML, GEXF 1.3 (Gephi), Cytoscape.js JSON, a
// Gephi CSV zip, a neo4j-admin import CSV zip, a Cypher script and JSON Lines
// claims in the shape "rawabit extract" writes. It imports only the standard
// library and package graph.
//
// Every edge keeps its provenance. The analysis formats (GraphML, GEXF,
// Cytoscape JSON, Gephi CSV) write one edge per actor pair and relation type,
// grouped as graph.Aggregate groups claims, with the claim count as weight
// and the claim ids, quotes, certainties, confidences and articles as list
// attributes; this is what Gephi and Cytoscape need to lay out and size the
// network (Gephi merges parallel edges on import anyway). The database and
// data formats (neo4j-admin CSV, Cypher, JSON Lines) write one relationship
// or record per claim, so nothing is merged.
//
// Writers stream: nodes, then edges one at a time, holding no more than the
// Subgraph itself, the article metadata and an index of the claims.
package export

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/rawabit/rawabit/graph"
)

// Format is an export format. Its value is the name used by the command line
// (--format) and the API (format=).
type Format string

// The export formats.
const (
	// GraphML with typed <key> declarations.
	GraphML Format = "graphml"
	// GEXF is GEXF 1.3, Gephi's own format.
	GEXF Format = "gexf"
	// CytoscapeJSON is a Cytoscape.js "elements" document.
	CytoscapeJSON Format = "json"
	// GephiCSV is a zip of nodes.csv, edges.csv and articles.csv with the
	// headers of Gephi's spreadsheet import.
	GephiCSV Format = "csv"
	// Neo4jCSV is a zip of CSV files for neo4j-admin database import.
	Neo4jCSV Format = "neo4j-csv"
	// Cypher is a script of MERGE statements, idempotent when run twice.
	Cypher Format = "cypher"
	// JSONL is one claim per line, in the shape "rawabit extract" writes.
	JSONL Format = "jsonl"
)

// Formats lists every format in a fixed order.
var Formats = []Format{GraphML, GEXF, CytoscapeJSON, GephiCSV, Neo4jCSV, Cypher, JSONL}

// ParseFormat parses a format name case-insensitively; "cytoscape" is
// accepted for json, "gephi-csv" for csv and "ndjson" for jsonl. Anything
// else is an error wrapping graph.ErrInvalid that lists the valid names.
func ParseFormat(s string) (Format, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	switch v {
	case "cytoscape", "cytoscape-json", "cyjs":
		return CytoscapeJSON, nil
	case "gephi-csv":
		return GephiCSV, nil
	case "ndjson", "json-lines":
		return JSONL, nil
	}
	for _, f := range Formats {
		if string(f) == v {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("%w: unknown export format %q (want one of %s)", graph.ErrInvalid, s, strings.Join(names, ", "))
}

// ContentType is the MIME type of the format's output, with its charset for
// text formats. An unknown format gives application/octet-stream.
func (f Format) ContentType() string {
	switch f {
	case GraphML:
		return "application/graphml+xml; charset=utf-8"
	case GEXF:
		return "application/gexf+xml; charset=utf-8"
	case CytoscapeJSON:
		return "application/json; charset=utf-8"
	case GephiCSV, Neo4jCSV:
		return "application/zip"
	case Cypher:
		return "application/x-cypher-query; charset=utf-8"
	case JSONL:
		return "application/x-ndjson; charset=utf-8"
	}
	return "application/octet-stream"
}

// Extension is the file name extension of the format, with its dot.
func (f Format) Extension() string {
	switch f {
	case GraphML:
		return ".graphml"
	case GEXF:
		return ".gexf"
	case CytoscapeJSON:
		return ".cyjs.json"
	case GephiCSV:
		return "-gephi.zip"
	case Neo4jCSV:
		return "-neo4j.zip"
	case Cypher:
		return ".cypher"
	case JSONL:
		return ".jsonl"
	}
	return ".bin"
}

// FileName returns the download file name for base, such as
// "rawabit-khalifa-haftar.graphml". base is reduced to safe characters
// (ASCII letters, digits, '-', '_' and '.'); an empty result becomes
// "rawabit".
func (f Format) FileName(base string) string {
	var b strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	name := strings.Trim(b.String(), "._")
	if name == "" {
		name = "rawabit"
	}
	return name + f.Extension()
}

// BaseName returns the base file name of an export: "rawabit-<center>" for a
// neighbourhood, "rawabit-<from>-<to>" for a path, "rawabit-<n>-actors" for a
// list of ids.
func BaseName(center, from, to string, ids []string) string {
	switch {
	case center != "":
		return "rawabit-" + center
	case from != "" && to != "":
		return "rawabit-" + from + "-" + to
	case len(ids) == 1:
		return "rawabit-" + ids[0]
	case len(ids) > 1:
		return fmt.Sprintf("rawabit-%d-actors", len(ids))
	}
	return "rawabit"
}

// Input is what an export writes: a subgraph and the metadata of the
// articles its claims come from.
type Input struct {
	Subgraph graph.Subgraph
	// Articles maps an article id to its metadata (title, source, URL,
	// published date). Text is not exported and may be empty. A claim whose
	// article is missing here is exported with its article id only.
	Articles map[string]graph.Article
	// Description says what the subgraph is ("neighbourhood of usa, depth
	// 2"); it is written where the format has a place for it.
	Description string
}

// Collect fetches the metadata of every article behind sg's claims from r and
// returns the Input to export, with the article texts dropped. An article
// that r does not hold is an error wrapping graph.ErrNotFound; any other
// error of r is returned wrapped.
func Collect(ctx context.Context, r graph.Reader, sg graph.Subgraph) (Input, error) {
	in := Input{Subgraph: sg, Articles: map[string]graph.Article{}}
	for _, c := range sg.Claims {
		if _, ok := in.Articles[c.Article]; ok {
			continue
		}
		a, err := r.Article(ctx, c.Article)
		if err != nil {
			return Input{}, fmt.Errorf("export: article %q of claim %s: %w", c.Article, c.ID, err)
		}
		a.Text = ""
		in.Articles[c.Article] = a
	}
	return in, nil
}

// Write writes in to w in format f (any spelling ParseFormat accepts). It
// checks ctx between edges and returns its error when it is done. An unknown
// format, or a claim whose actors are not both among the nodes, is an error
// wrapping graph.ErrInvalid, returned before anything is written; errors of
// w are returned wrapped. Output written before an error is not retracted.
func Write(ctx context.Context, w io.Writer, f Format, in Input) error {
	f, err := ParseFormat(string(f))
	if err != nil {
		return err
	}
	if err := check(in.Subgraph); err != nil {
		return err
	}
	switch f {
	case GraphML:
		err = writeGraphML(ctx, w, in)
	case GEXF:
		err = writeGEXF(ctx, w, in)
	case CytoscapeJSON:
		err = writeCytoscape(ctx, w, in)
	case GephiCSV:
		err = writeGephiCSV(ctx, w, in)
	case Neo4jCSV:
		err = writeNeo4jCSV(ctx, w, in)
	case Cypher:
		err = writeCypher(ctx, w, in)
	case JSONL:
		err = writeJSONL(ctx, w, in)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", f, err)
	}
	return nil
}

// check verifies that every claim joins two nodes of sg.
func check(sg graph.Subgraph) error {
	ids := make(map[string]bool, len(sg.Nodes))
	for _, n := range sg.Nodes {
		ids[n.ID] = true
	}
	for _, c := range sg.Claims {
		if !ids[c.Source] || !ids[c.Target] {
			return fmt.Errorf("%w: export: claim %s joins %q and %q, not both among the subgraph's nodes", graph.ErrInvalid, c.ID, c.Source, c.Target)
		}
	}
	return nil
}

// ctxEvery is how many edges are written between two ctx checks.
const ctxEvery = 256

// edgeGroup is the claims of one aggregated edge.
type edgeGroup struct {
	Source, Target string
	Type           graph.RelationType
	// Claims point into the subgraph's claims, sorted by ID.
	Claims []*graph.Claim
}

// ID is the edge's id, graph.EdgeID's "TYPE:source:target" as in the API
// (an XML NMTOKEN for slug ids).
func (g *edgeGroup) ID() string { return graph.EdgeID(g.Type, g.Source, g.Target) }

// edgeOrder returns the indices of claims sorted as graph.Aggregate orders
// its edges (source, target, type after EdgeKey), then by claim id.
func edgeOrder(claims []graph.Claim) []int32 {
	type key struct {
		source, target string
		t              graph.RelationType
		id             string
		i              int32
	}
	keys := make([]key, len(claims))
	for i := range claims {
		c := &claims[i]
		s, t, ty := graph.EdgeKey(*c)
		keys[i] = key{s, t, ty, c.ID, int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.source, b.source), cmp.Compare(a.target, b.target), cmp.Compare(a.t, b.t), cmp.Compare(a.id, b.id))
	})
	order := make([]int32, len(keys))
	for i, k := range keys {
		order[i] = k.i
	}
	return order
}

// groupCount counts the edges of claims in order.
func groupCount(claims []graph.Claim, order []int32) int {
	n := 0
	for i := range order {
		if i == 0 || !sameEdge(claims[order[i-1]], claims[order[i]]) {
			n++
		}
	}
	return n
}

func sameEdge(a, b graph.Claim) bool {
	sa, ta, ya := graph.EdgeKey(a)
	sb, tb, yb := graph.EdgeKey(b)
	return sa == sb && ta == tb && ya == yb
}

// eachGroup calls fn with every edge of claims in order. The group's Claims
// slice is reused between calls. It stops at fn's first error, and checks
// ctx every ctxEvery edges.
func eachGroup(ctx context.Context, claims []graph.Claim, order []int32, fn func(*edgeGroup) error) error {
	var g edgeGroup
	n := 0
	for i := 0; i < len(order); {
		c := &claims[order[i]]
		g.Source, g.Target, g.Type = graph.EdgeKey(*c)
		g.Claims = g.Claims[:0]
		for ; i < len(order) && sameEdge(*c, claims[order[i]]); i++ {
			g.Claims = append(g.Claims, &claims[order[i]])
		}
		if n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n++
		if err := fn(&g); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// eachClaim calls fn with every claim in ID order (sg.Claims is sorted by ID
// by contract; this does not re-sort), checking ctx every ctxEvery claims.
func eachClaim(ctx context.Context, claims []graph.Claim, fn func(*graph.Claim) error) error {
	for i := range claims {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := fn(&claims[i]); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// edgeSummary is the provenance of an aggregated edge, flattened for the
// analysis formats. Its slices are reused between edges.
type edgeSummary struct {
	Directed bool
	// Per claim, in claim id order.
	ClaimIDs, Quotes, ClaimArticles []string
	ClaimCertainties                []string
	ClaimConfidences                []float64
	// Per distinct article, in article id order.
	ArticleIDs, ArticleTitles, ArticleSources, ArticleDates, ArticleURLs []string
	// Certainties are the distinct certainties, strongest first.
	Certainties   []string
	MaxConfidence float64
}

// summarise fills s from g.
func (s *edgeSummary) summarise(g *edgeGroup, articles map[string]graph.Article) {
	s.Directed = g.Type.Directed()
	s.ClaimIDs, s.Quotes, s.ClaimArticles = s.ClaimIDs[:0], s.Quotes[:0], s.ClaimArticles[:0]
	s.ClaimCertainties, s.ClaimConfidences = s.ClaimCertainties[:0], s.ClaimConfidences[:0]
	s.ArticleIDs, s.ArticleTitles, s.ArticleSources = s.ArticleIDs[:0], s.ArticleTitles[:0], s.ArticleSources[:0]
	s.ArticleDates, s.ArticleURLs, s.Certainties = s.ArticleDates[:0], s.ArticleURLs[:0], s.Certainties[:0]
	s.MaxConfidence = 0
	for _, c := range g.Claims {
		s.ClaimIDs = append(s.ClaimIDs, c.ID)
		s.Quotes = append(s.Quotes, c.Quote)
		s.ClaimArticles = append(s.ClaimArticles, c.Article)
		s.ClaimCertainties = append(s.ClaimCertainties, string(c.Certainty))
		s.ClaimConfidences = append(s.ClaimConfidences, c.Confidence)
		s.MaxConfidence = max(s.MaxConfidence, c.Confidence)
		if !slices.Contains(s.ArticleIDs, c.Article) {
			s.ArticleIDs = append(s.ArticleIDs, c.Article)
		}
	}
	for _, want := range graph.Certainties {
		if slices.Contains(s.ClaimCertainties, string(want)) {
			s.Certainties = append(s.Certainties, string(want))
		}
	}
	slices.Sort(s.ArticleIDs)
	for _, id := range s.ArticleIDs {
		a := articles[id]
		s.ArticleTitles = append(s.ArticleTitles, a.Title)
		s.ArticleSources = append(s.ArticleSources, a.Source)
		s.ArticleDates = append(s.ArticleDates, dateString(a.Published))
		s.ArticleURLs = append(s.ArticleURLs, a.URL)
	}
}

// Certainty is the strongest certainty among the claims.
func (s *edgeSummary) Certainty() string {
	if len(s.Certainties) == 0 {
		return ""
	}
	return s.Certainties[0]
}

// dateString formats a publication day as YYYY-MM-DD, or "" when unknown.
func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format(time.DateOnly)
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

// nodeLabel is the label shown for an actor: its English name, else its
// Arabic name, else its id.
func nodeLabel(a graph.Actor) string {
	return cmp.Or(a.Name, a.NameAr, a.ID)
}

// omittedCounts maps an actor id to the neighbours a cap left out.
func omittedCounts(sg graph.Subgraph) map[string]int {
	m := make(map[string]int, len(sg.Omitted))
	for _, o := range sg.Omitted {
		m[o.Actor] = o.Count
	}
	return m
}
