package export

import (
	"strconv"
	"strings"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/model"
)

// The values the Cypher script and the neo4j-admin CSV files give the
// properties of package model (graph/neo4jstore's data model), in the order
// of its tables: nil for a property left unset (null), a string, a
// []string, an int, a float64 or a neo4jDate. A property of the tables
// that a value function does not know panics, so that a property added to
// the model cannot be left out of the exports silently (the golden tests
// run every function).

// neo4jDate is a Date property's value: YYYY-MM-DD.
type neo4jDate string

// actorValues are the values of a's model.ActorProperties.
func actorValues(a graph.Actor) []any {
	out := make([]any, len(model.ActorProperties))
	for i, p := range model.ActorProperties {
		switch p.Name {
		case "id":
			out[i] = a.ID
		case "name":
			out[i] = a.Name
		case "name_ar":
			out[i] = a.NameAr
		case "aliases":
			out[i] = a.Aliases
		case "aliases_text":
			out[i] = strings.Join(a.Aliases, "\n")
		case "search_keys":
			out[i] = model.SearchKeys(a)
		case "kind":
			out[i] = string(a.Kind)
		case "affiliation":
			out[i] = optional(a.Affiliation)
		default:
			panic("export: actor property " + p.Name + " of the Neo4j model has no value")
		}
	}
	return out
}

// articleValues are the values of the model.ArticleProperties of the
// article a of id id.
func articleValues(id string, a graph.Article) []any {
	out := make([]any, len(model.ArticleProperties))
	for i, p := range model.ArticleProperties {
		switch p.Name {
		case "id":
			out[i] = id
		case "title":
			out[i] = a.Title
		case "source":
			out[i] = optional(a.Source)
		case "url":
			out[i] = optional(a.URL)
		case "published":
			if d := dateString(a.Published); d != "" {
				out[i] = neo4jDate(d)
			}
		case "date_source":
			out[i] = optional(string(a.DateSource))
		case "language":
			out[i] = optional(a.Language)
		case "sha256":
			out[i] = optional(a.SHA256)
		default:
			panic("export: article property " + p.Name + " of the Neo4j model has no value")
		}
	}
	return out
}

// claimValues are the values of c's model.ClaimProperties.
func claimValues(c *graph.Claim) []any {
	out := make([]any, len(model.ClaimProperties))
	for i, p := range model.ClaimProperties {
		switch p.Name {
		case "id":
			out[i] = c.ID
		case "article":
			out[i] = c.Article
		case "quote":
			out[i] = c.Quote
		case "start":
			out[i] = c.Start
		case "end":
			out[i] = c.End
		case "certainty":
			out[i] = string(c.Certainty)
		case "confidence":
			out[i] = c.Confidence
		case "extractor":
			out[i] = c.Extractor
		case "rule":
			out[i] = c.Rule
		default:
			panic("export: claim property " + p.Name + " of the Neo4j model has no value")
		}
	}
	return out
}

// optional is s, or nil (unset) when it is empty.
func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// appendCypherValue appends v as a Cypher literal.
func appendCypherValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return appendCypherString(b, v)
	case []string:
		return appendCypherList(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case float64:
		return appendCypherFloat(b, v)
	case neo4jDate:
		b = append(b, "date("...)
		b = appendCypherString(b, string(v))
		return append(b, ')')
	}
	panic("export: no Cypher literal for a value of the Neo4j model")
}

// csvValue formats v as a neo4j-admin CSV field ("" for unset, lists
// joined by ';', neo4j-admin's array delimiter).
func csvValue(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []string:
		return strings.Join(v, ";")
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case neo4jDate:
		return string(v)
	}
	panic("export: no CSV field for a value of the Neo4j model")
}

// csvHeader is the neo4j-admin header of props (id first): the id column
// in idSpace, then any columns of extra (":LABEL", ":START_ID(Actor)"...),
// then the other properties.
func csvHeader(props []model.Property, id string, extra ...string) []string {
	out := append([]string{id}, extra...)
	for _, p := range props[1:] {
		out = append(out, p.CSVHeader())
	}
	return out
}
