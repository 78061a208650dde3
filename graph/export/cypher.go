package export

import (
	"context"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/model"
)

// writeCypher writes a Cypher script that recreates the subgraph in the data
// model of graph/neo4jstore. Every statement MERGEs on an id and SETs every
// property, so running the script twice leaves the database as running it
// once. Values are written as escaped literals (the script has no
// parameters); labels, relationship types and properties are those of
// package model (graph/neo4jstore/model), the store's data model.
// Statements end with ';' and the script starts with the "// params: none"
// header the repository's Cypher lint expects.
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
	for _, ix := range model.Constraints(model.Actor, model.Article) {
		t.s("CREATE CONSTRAINT " + ix.Name + " IF NOT EXISTS\nFOR (n:" + ix.Labels[0] + ") REQUIRE n." + ix.Properties[0] + " IS UNIQUE;\n\n")
	}

	var b []byte
	setAll := func(v string, props []model.Property, values []any) {
		for i, p := range props[1:] {
			if i == 0 {
				b = append(b, "\nSET "...)
			} else {
				b = append(b, ", "...)
			}
			b = append(b, v+"."+p.Name+" = "...)
			b = appendCypherValue(b, values[i+1])
		}
	}
	kinds := strings.Join(model.KindLabels(), ":")
	for _, a := range sg.Nodes {
		b = append(b[:0], "MERGE (a:"+model.Actor+" {id: "...)
		b = appendCypherString(b, a.ID)
		b = append(b, '}', ')')
		setAll("a", model.ActorProperties, actorValues(a))
		b = append(b, "\nREMOVE a:"+kinds+"\nSET a:"...)
		b = append(b, a.Kind.Label()...)
		b = append(b, ";\n\n"...)
		t.b(b)
	}
	for _, id := range ids {
		b = append(b[:0], "MERGE (art:"+model.Article+" {id: "...)
		b = appendCypherString(b, id)
		b = append(b, '}', ')')
		setAll("art", model.ArticleProperties, articleValues(id, in.Articles[id]))
		b = append(b, ";\n\n"...)
		t.b(b)
	}
	for _, pair := range affiliations(sg) {
		b = append(b[:0], "MATCH (a:"+model.Actor+" {id: "...)
		b = appendCypherString(b, pair[0])
		b = append(b, "})\nMATCH (b:"+model.Actor+" {id: "...)
		b = appendCypherString(b, pair[1])
		b = append(b, "})\nMERGE (a)-[:"+model.AffiliatedWith+"]->(b);\n\n"...)
		t.b(b)
	}
	err := eachClaim(ctx, sg.Claims, func(c *graph.Claim) error {
		b = append(b[:0], "MATCH (s:"+model.Actor+" {id: "...)
		b = appendCypherString(b, c.Source)
		b = append(b, "})\nMATCH (t:"+model.Actor+" {id: "...)
		b = appendCypherString(b, c.Target)
		b = append(b, "})\nMERGE (s)-[r:"...)
		b = append(b, model.RelationshipType(c.Type)...)
		b = append(b, " {id: "...)
		b = appendCypherString(b, c.ID)
		b = append(b, "}]->(t)"...)
		setAll("r", model.ClaimProperties, claimValues(c))
		b = append(b, ";\n\n"...)
		t.b(b)
		return t.err
	})
	if err != nil {
		return err
	}
	return t.flush()
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
