package export

import (
	"strconv"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
)

// attrType is the type of an exported attribute, named as GraphML names it.
type attrType string

const (
	typeString  attrType = "string"
	typeInt     attrType = "int"
	typeDouble  attrType = "double"
	typeBoolean attrType = "boolean"
)

// gexfType is the GEXF 1.3 name of t.
func (t attrType) gexfType() string {
	if t == typeInt {
		return "integer"
	}
	return string(t)
}

// attr is one exported node or edge attribute. A list attribute holds a
// JSON array (of strings, or of numbers for claim_confidences).
type attr struct {
	Name string
	Type attrType
	List bool
}

// The node attributes, in the order nodeRow fills them.
var nodeAttrs = []attr{
	{Name: "label", Type: typeString},
	{Name: "name", Type: typeString},
	{Name: "name_ar", Type: typeString},
	{Name: "kind", Type: typeString},
	{Name: "affiliation", Type: typeString},
	{Name: "aliases", Type: typeString, List: true},
	{Name: "omitted", Type: typeInt},
}

// Indices of the node attributes that some formats write natively.
const nodeAttrLabel = 0

// The edge attributes, in the order edgeRow fills them.
var edgeAttrs = []attr{
	{Name: "relation", Type: typeString},
	{Name: "directed", Type: typeBoolean},
	{Name: "weight", Type: typeDouble},
	{Name: "claims", Type: typeInt},
	{Name: "articles", Type: typeInt},
	{Name: "certainty", Type: typeString},
	{Name: "max_confidence", Type: typeDouble},
	{Name: "certainties", Type: typeString, List: true},
	{Name: "claim_ids", Type: typeString, List: true},
	{Name: "quotes", Type: typeString, List: true},
	{Name: "claim_articles", Type: typeString, List: true},
	{Name: "claim_certainties", Type: typeString, List: true},
	{Name: "claim_confidences", Type: typeString, List: true},
	{Name: "article_ids", Type: typeString, List: true},
	{Name: "article_titles", Type: typeString, List: true},
	{Name: "article_sources", Type: typeString, List: true},
	{Name: "article_dates", Type: typeString, List: true},
	{Name: "article_urls", Type: typeString, List: true},
}

// Indices of the edge attributes that some formats write natively.
const (
	edgeAttrDirected = 1
	edgeAttrWeight   = 2
)

// row holds the values of one node or edge as bytes in one reused buffer.
type row struct {
	buf  []byte
	ends []int
}

func (r *row) reset() { r.buf, r.ends = r.buf[:0], r.ends[:0] }

func (r *row) end() { r.ends = append(r.ends, len(r.buf)) }

// strings returns the values as strings (sharing one allocation), reusing
// dst.
func (r *row) strings(dst []string) []string {
	all := string(r.buf)
	dst = dst[:0]
	start := 0
	for _, end := range r.ends {
		dst = append(dst, all[start:end])
		start = end
	}
	return dst
}

func (r *row) str(s string) { r.buf = append(r.buf, s...); r.end() }

func (r *row) int(n int) { r.buf = strconv.AppendInt(r.buf, int64(n), 10); r.end() }

func (r *row) float(f float64) { r.buf = appendFloat(r.buf, f); r.end() }

func (r *row) bool(b bool) { r.buf = strconv.AppendBool(r.buf, b); r.end() }

func (r *row) list(items []string) { r.buf = appendJSONStrings(r.buf, items); r.end() }

func (r *row) floats(items []float64) {
	r.buf = append(r.buf, '[')
	for i, f := range items {
		if i > 0 {
			r.buf = append(r.buf, ',')
		}
		r.buf = appendFloat(r.buf, f)
	}
	r.buf = append(r.buf, ']')
	r.end()
}

// nodeRow fills r with the values of nodeAttrs for a.
func nodeRow(r *row, a graph.Actor, omitted int) {
	r.reset()
	r.str(nodeLabel(a))
	r.str(a.Name)
	r.str(a.NameAr)
	r.str(string(a.Kind))
	r.str(a.Affiliation)
	r.list(a.Aliases)
	r.int(omitted)
}

// edgeRow fills r with the values of edgeAttrs for g, summarised in s.
func edgeRow(r *row, g *edgeGroup, s *edgeSummary) {
	r.reset()
	r.str(string(g.Type))
	r.bool(s.Directed)
	r.float(float64(len(g.Claims)))
	r.int(len(g.Claims))
	r.int(len(s.ArticleIDs))
	r.str(s.Certainty())
	r.float(s.MaxConfidence)
	r.list(s.Certainties)
	r.list(s.ClaimIDs)
	r.list(s.Quotes)
	r.list(s.ClaimArticles)
	r.list(s.ClaimCertainties)
	r.floats(s.ClaimConfidences)
	r.list(s.ArticleIDs)
	r.list(s.ArticleTitles)
	r.list(s.ArticleSources)
	r.list(s.ArticleDates)
	r.list(s.ArticleURLs)
}

// appendFloat formats f in the shortest form that reads back exactly.
func appendFloat(b []byte, f float64) []byte {
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

// appendJSONStrings appends items as a JSON array of strings. Non-ASCII
// text is kept as UTF-8; invalid UTF-8 becomes U+FFFD.
func appendJSONStrings(b []byte, items []string) []byte {
	b = append(b, '[')
	for i, s := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string literal.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	valid := utf8.ValidString(s)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		if valid && !isLineSeparator(s, i) {
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, `\u202`...)
			b = append(b, hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// isLineSeparator reports whether U+2028 or U+2029 starts at s[i].
func isLineSeparator(s string, i int) bool {
	return s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9)
}
