package export

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/model"
)

// The files of the Gephi CSV zip.
const (
	gephiNodesFile    = "nodes.csv"
	gephiEdgesFile    = "edges.csv"
	gephiArticlesFile = "articles.csv"
)

// The files of the neo4j-admin import zip.
const (
	neo4jActorsFile       = "actors.csv"
	neo4jArticlesFile     = "articles.csv"
	neo4jClaimsFile       = "claims.csv"
	neo4jAffiliationsFile = "affiliations.csv"
	neo4jReadmeFile       = "README.txt"
)

// neo4jImportCommand is the neo4j-admin (Neo4j 5) command that imports the
// zip's files into an empty database named neo4j.
const neo4jImportCommand = "neo4j-admin database import full --id-type=string --multiline-fields=true " +
	"--nodes=" + neo4jActorsFile + " --nodes=" + neo4jArticlesFile +
	" --relationships=" + neo4jClaimsFile + " --relationships=" + neo4jAffiliationsFile + " neo4j"

// zipWriter writes CSV files into a zip, one at a time.
type zipWriter struct {
	zw *zip.Writer
}

// zipHeader is the header of a zip entry. Every entry has the same fixed
// modification time (the zip epoch), so the same input gives the same zip.
func zipHeader(name string) *zip.FileHeader {
	return &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// csvFile starts a new file in the zip and returns a CSV writer on it.
func (z *zipWriter) csvFile(name string) (*csv.Writer, error) {
	f, err := z.zw.CreateHeader(zipHeader(name))
	if err != nil {
		return nil, err
	}
	return csv.NewWriter(f), nil
}

// finish flushes a CSV writer and reports its error.
func finish(cw *csv.Writer) error {
	cw.Flush()
	return cw.Error()
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (OWASP, "CSV Injection").
const formulaStarts = "=+-@\t\r"

// neutraliseFormulas makes every cell of record that a spreadsheet would
// run as a formula (one starting with = + - @ tab or carriage return) text,
// by putting a single quote before it, as OWASP recommends; a cell that is
// a number ("-0.5") is left alone. It changes record in place and returns
// it. Only the Gephi CSV, meant for spreadsheets and Gephi, is neutralised:
// the neo4j-admin CSV is data for a database import and stays verbatim.
func neutraliseFormulas(record []string) []string {
	for i, cell := range record {
		if cell == "" || !strings.ContainsRune(formulaStarts, rune(cell[0])) {
			continue
		}
		if _, err := strconv.ParseFloat(cell, 64); err == nil {
			continue
		}
		record[i] = "'" + cell
	}
	return record
}

// writeGephiCSV writes a zip of nodes.csv (Id, Label and the node
// attributes), edges.csv (Source, Target, Type = Directed or Undirected, Id,
// Label, Kind, Weight and the edge attributes, one row per aggregated edge)
// and articles.csv (the metadata of every article behind the edges). Cells
// that a spreadsheet would run as formulas are neutralised
// (neutraliseFormulas).
func writeGephiCSV(ctx context.Context, w io.Writer, in Input) error {
	z := zipWriter{zip.NewWriter(w)}
	cw, err := z.csvFile(gephiNodesFile)
	if err != nil {
		return err
	}
	header := []string{"Id"}
	for _, a := range nodeAttrs {
		if a.Name == "label" {
			header = append(header, "Label")
		} else {
			header = append(header, a.Name)
		}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	var r row
	var vals []string
	record := make([]string, 0, len(edgeAttrs)+4)
	omitted := omittedCounts(in.Subgraph)
	for _, n := range in.Subgraph.Nodes {
		nodeRow(&r, n, omitted[n.ID])
		record = append(append(record[:0], n.ID), r.strings(vals)...)
		if err := cw.Write(neutraliseFormulas(record)); err != nil {
			return err
		}
	}
	if err := finish(cw); err != nil {
		return err
	}

	if cw, err = z.csvFile(gephiEdgesFile); err != nil {
		return err
	}
	header = append(header[:0], "Source", "Target", "Type", "Id", "Label", "Kind", "Weight")
	for i, a := range edgeAttrs {
		if i != edgeAttrDirected && i != edgeAttrWeight {
			header = append(header, a.Name)
		}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	var s edgeSummary
	claims := in.Subgraph.Claims
	err = eachGroup(ctx, claims, edgeOrder(claims), func(g *edgeGroup) error {
		s.summarise(g, in.Articles)
		edgeRow(&r, g, &s)
		vals = r.strings(vals)
		direction := "Directed"
		if !s.Directed {
			direction = "Undirected"
		}
		record = append(record[:0], g.Source, g.Target, direction, g.ID(), string(g.Type), string(g.Type), vals[edgeAttrWeight])
		for i, v := range vals {
			if i != edgeAttrDirected && i != edgeAttrWeight {
				record = append(record, v)
			}
		}
		return cw.Write(neutraliseFormulas(record))
	})
	if err != nil {
		return err
	}
	if err := finish(cw); err != nil {
		return err
	}

	if cw, err = z.csvFile(gephiArticlesFile); err != nil {
		return err
	}
	if err := cw.Write([]string{"Id", "Title", "Source", "Published", "URL"}); err != nil {
		return err
	}
	for _, id := range articleIDs(in) {
		a := in.Articles[id]
		if err := cw.Write(neutraliseFormulas([]string{id, a.Title, a.Source, dateString(a.Published), a.URL})); err != nil {
			return err
		}
	}
	if err := finish(cw); err != nil {
		return err
	}
	return z.zw.Close()
}

// articleIDs returns the ids of the articles behind the claims, sorted.
func articleIDs(in Input) []string {
	seen := map[string]bool{}
	var ids []string
	for _, c := range in.Subgraph.Claims {
		if !seen[c.Article] {
			seen[c.Article] = true
			ids = append(ids, c.Article)
		}
	}
	slices.Sort(ids)
	return ids
}

// writeNeo4jCSV writes a zip for neo4j-admin database import in the data
// model of graph/neo4jstore: actors.csv (:Actor nodes with their kind label),
// articles.csv (:Article nodes, metadata only), claims.csv (one MET,
// SUPPORTED or OPPOSED relationship per claim with its provenance) and
// affiliations.csv (AFFILIATED_WITH between exported actors), plus a
// README.txt with the import command. Lists use neo4j-admin's default array
// delimiter ';'.
func writeNeo4jCSV(ctx context.Context, w io.Writer, in Input) error {
	z := zipWriter{zip.NewWriter(w)}
	cw, err := z.csvFile(neo4jActorsFile)
	if err != nil {
		return err
	}
	if err := cw.Write(csvHeader(model.ActorProperties, "id:ID("+model.Actor+")", ":LABEL")); err != nil {
		return err
	}
	rec := make([]string, 0, len(model.ActorProperties)+3)
	for _, a := range in.Subgraph.Nodes {
		rec = rec[:0]
		for i, v := range actorValues(a) {
			rec = append(rec, csvValue(v))
			if i == 0 {
				rec = append(rec, model.Actor+";"+a.Kind.Label())
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	if err := finish(cw); err != nil {
		return err
	}

	if cw, err = z.csvFile(neo4jArticlesFile); err != nil {
		return err
	}
	if err := cw.Write(csvHeader(model.ArticleProperties, "id:ID("+model.Article+")", ":LABEL")); err != nil {
		return err
	}
	for _, id := range articleIDs(in) {
		rec = rec[:0]
		for i, v := range articleValues(id, in.Articles[id]) {
			rec = append(rec, csvValue(v))
			if i == 0 {
				rec = append(rec, model.Article)
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	if err := finish(cw); err != nil {
		return err
	}

	if cw, err = z.csvFile(neo4jClaimsFile); err != nil {
		return err
	}
	actorID := "(" + model.Actor + ")"
	claimHeader := append([]string{":START_ID" + actorID, ":END_ID" + actorID, ":TYPE"}, model.Names(model.ClaimProperties[:1])...)
	if err := cw.Write(append(claimHeader, csvHeader(model.ClaimProperties, "")[1:]...)); err != nil {
		return err
	}
	err = eachClaim(ctx, in.Subgraph.Claims, func(c *graph.Claim) error {
		rec = append(rec[:0], c.Source, c.Target, model.RelationshipType(c.Type))
		for _, v := range claimValues(c) {
			rec = append(rec, csvValue(v))
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	if err := finish(cw); err != nil {
		return err
	}

	if cw, err = z.csvFile(neo4jAffiliationsFile); err != nil {
		return err
	}
	if err := cw.Write([]string{":START_ID" + actorID, ":END_ID" + actorID, ":TYPE"}); err != nil {
		return err
	}
	for _, a := range affiliations(in.Subgraph) {
		if err := cw.Write([]string{a[0], a[1], model.AffiliatedWith}); err != nil {
			return err
		}
	}
	if err := finish(cw); err != nil {
		return err
	}

	f, err := z.zw.CreateHeader(zipHeader(neo4jReadmeFile))
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, neo4jReadme); err != nil {
		return err
	}
	return z.zw.Close()
}

const neo4jReadme = `Rawabit export for neo4j-admin (Neo4j 5), in the data model of Rawabit's Neo4j store.

Unzip into the import directory of a stopped, empty database and run:

  ` + neo4jImportCommand + `

actors.csv        (:Actor:Person|:Actor:State|:Actor:Organisation) nodes
articles.csv      (:Article) nodes: metadata only, the article text is not exported
claims.csv        one MET, SUPPORTED or OPPOSED relationship per claim, with its
                  article id, verbatim quote, byte offsets, certainty, confidence,
                  extractor and rule (the extractor's construction, if any)
affiliations.csv  (:Actor)-[:AFFILIATED_WITH]->(:Actor) among the exported actors

Lists (aliases, search_keys) are separated by ';'. aliases_text holds line
breaks, hence --multiline-fields=true. All text is UTF-8.
`

// affiliations returns the (actor, affiliation) pairs whose two actors are
// both nodes of sg, in node order.
func affiliations(sg graph.Subgraph) [][2]string {
	ids := make(map[string]bool, len(sg.Nodes))
	for _, n := range sg.Nodes {
		ids[n.ID] = true
	}
	var out [][2]string
	for _, n := range sg.Nodes {
		if n.Affiliation != "" && ids[n.Affiliation] {
			out = append(out, [2]string{n.ID, n.Affiliation})
		}
	}
	return out
}
