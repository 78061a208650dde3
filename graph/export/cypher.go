package export

import (
	"context"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
)

// writeCypher writes a Cypher script that recreates the subgraph in the data
// model of graph/neo4jstore. Every statement MERGEs on an id and SETs every
// property, so running the script twice leaves the database as running it
// once. Values are written as escaped literals (the script has no
// parameters); labels and relationship types come from the fixed enums of
// package graph. Statements end with ';' and the script starts with the
// "// params: none" header the repository's Cypher lint expects.
func writeCypher(ctx context.Context, w io.Writer, in Input) error {
	t := newTextWriter(w)
	sg := in.Subgraph
	ids := articleIDs(in)
	t.s("// params: none\n")
	t.s("// Rawabit export: ")
	t.s(commentText(in.Description))
	t.s("\n// " + strconv.Itoa(len(sg.Nodes)) + " actors, " + strconv.Itoa(len(ids)) + " articles, " + strconv.Itoa(len(sg.Claims)) + " claims.\n")
	t.s("// Recreates them with MERGE on their ids: running the script twice changes nothing.\n")
	t.s("// Run with: cypher-shell -f FILE (each statement in its own transaction).\n\n")
	t.s("CREATE CONSTRAINT actor_id IF NOT EXISTS\nFOR (a:Actor) REQUIRE a.id IS UNIQUE;\n\n")
	t.s("CREATE CONSTRAINT article_id IF NOT EXISTS\nFOR (art:Article) REQUIRE art.id IS UNIQUE;\n\n")

	var b []byte
	for _, a := range sg.Nodes {
		b = append(b[:0], "MERGE (a:Actor {id: "...)
		b = appendCypherString(b, a.ID)
		b = append(b, "})\nSET a.name = "...)
		b = appendCypherString(b, a.Name)
		b = append(b, ", a.name_ar = "...)
		b = appendCypherString(b, a.NameAr)
		b = append(b, ", a.aliases = "...)
		b = appendCypherList(b, a.Aliases)
		b = append(b, ", a.aliases_text = "...)
		b = appendCypherString(b, strings.Join(a.Aliases, "\n"))
		b = append(b, ", a.search_keys = "...)
		b = appendCypherList(b, searchKeys(a))
		b = append(b, ", a.kind = "...)
		b = appendCypherString(b, string(a.Kind))
		b = append(b, ", a.affiliation = "...)
		if a.Affiliation == "" {
			b = append(b, "null"...)
		} else {
			b = appendCypherString(b, a.Affiliation)
		}
		b = append(b, "\nREMOVE a:Person:State:Organisation\nSET a:"...)
		b = append(b, a.Kind.Label()...)
		b = append(b, ";\n\n"...)
		t.b(b)
	}
	for _, id := range ids {
		a := in.Articles[id]
		b = append(b[:0], "MERGE (art:Article {id: "...)
		b = appendCypherString(b, id)
		b = append(b, "})\nSET art.title = "...)
		b = appendCypherString(b, a.Title)
		b = append(b, ", art.source = "...)
		b = appendCypherOptional(b, a.Source)
		b = append(b, ", art.url = "...)
		b = appendCypherOptional(b, a.URL)
		b = append(b, ", art.published = "...)
		if d := dateString(a.Published); d == "" {
			b = append(b, "null"...)
		} else {
			b = append(b, "date("...)
			b = appendCypherString(b, d)
			b = append(b, ')')
		}
		b = append(b, ", art.language = "...)
		b = appendCypherOptional(b, a.Language)
		b = append(b, ", art.sha256 = "...)
		b = appendCypherOptional(b, a.SHA256)
		b = append(b, ";\n\n"...)
		t.b(b)
	}
	for _, pair := range affiliations(sg) {
		b = append(b[:0], "MATCH (a:Actor {id: "...)
		b = appendCypherString(b, pair[0])
		b = append(b, "})\nMATCH (b:Actor {id: "...)
		b = appendCypherString(b, pair[1])
		b = append(b, "})\nMERGE (a)-[:AFFILIATED_WITH]->(b);\n\n"...)
		t.b(b)
	}
	err := eachClaim(ctx, sg.Claims, func(c *graph.Claim) error {
		b = append(b[:0], "MATCH (s:Actor {id: "...)
		b = appendCypherString(b, c.Source)
		b = append(b, "})\nMATCH (t:Actor {id: "...)
		b = appendCypherString(b, c.Target)
		b = append(b, "})\nMERGE (s)-[r:"...)
		b = append(b, relationshipType(c.Type)...)
		b = append(b, " {id: "...)
		b = appendCypherString(b, c.ID)
		b = append(b, "}]->(t)\nSET r.article = "...)
		b = appendCypherString(b, c.Article)
		b = append(b, ", r.quote = "...)
		b = appendCypherString(b, c.Quote)
		b = append(b, ", r.start = "...)
		b = strconv.AppendInt(b, int64(c.Start), 10)
		b = append(b, ", r.end = "...)
		b = strconv.AppendInt(b, int64(c.End), 10)
		b = append(b, ", r.certainty = "...)
		b = appendCypherString(b, string(c.Certainty))
		b = append(b, ", r.confidence = "...)
		b = appendCypherFloat(b, c.Confidence)
		b = append(b, ", r.extractor = "...)
		b = appendCypherString(b, c.Extractor)
		b = append(b, ", r.rule = "...)
		b = appendCypherString(b, c.Rule)
		b = append(b, ";\n\n"...)
		t.b(b)
		return t.err
	})
	if err != nil {
		return err
	}
	return t.flush()
}

// relationshipType returns the Cypher relationship type of t from the fixed
// enum. Write has checked nothing about claim types, so an unknown type
// falls back to MET rather than writing input text into the script; stores
// never hold one (Document.Validate rejects it).
func relationshipType(t graph.RelationType) string {
	switch t {
	case graph.Supported:
		return "SUPPORTED"
	case graph.Opposed:
		return "OPPOSED"
	}
	return "MET"
}

// commentText makes s safe inside a // comment: line breaks and other
// control or separator characters become spaces.
func commentText(s string) string {
	if s == "" {
		return "subgraph"
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u0085' || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// appendCypherOptional appends s as a string literal, or null when empty
// (SET to null removes the property).
func appendCypherOptional(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendCypherString(b, s)
}

// appendCypherList appends items as a list of string literals.
func appendCypherList(b []byte, items []string) []byte {
	b = append(b, '[')
	for i, s := range items {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendCypherString(b, s)
	}
	return append(b, ']')
}

// appendCypherFloat appends f with a decimal point and no exponent: a
// Cypher float literal, and a JSON number that typed readers take as a
// floating-point value.
func appendCypherFloat(b []byte, f float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, f, 'f', -1, 64)
	if !strings.Contains(string(b[start:]), ".") {
		b = append(b, ".0"...)
	}
	return b
}

// appendCypherString appends s as a single-quoted Cypher string literal:
// backslash and single quote are escaped, line breaks, tabs and other
// control characters become escape sequences (\n, \r, \t, \b, \f, \uXXXX),
// invalid UTF-8 becomes \uFFFD and all other text, Arabic included, is kept
// as UTF-8.
func appendCypherString(b []byte, s string) []byte {
	b = append(b, '\'')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\\':
				b = append(b, '\\', '\\')
			case c == '\'':
				b = append(b, '\\', '\'')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\b':
				b = append(b, '\\', 'b')
			case c == '\f':
				b = append(b, '\\', 'f')
			case c < 0x20 || c == 0x7f:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\uFFFD`...)
		case r == '\u0085' || r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u')
			b = append(b, hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '\'')
}
