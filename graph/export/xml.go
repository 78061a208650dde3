package export

import (
	"bufio"
	"context"
	"io"
	"strconv"
	"unicode/utf8"
)

// textWriter is a buffered writer that keeps its first error, so a writer can
// emit a document and check once at the end.
type textWriter struct {
	w   *bufio.Writer
	err error
}

func newTextWriter(w io.Writer) *textWriter {
	return &textWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

func (t *textWriter) s(s string) {
	if t.err == nil {
		_, t.err = t.w.WriteString(s)
	}
}

func (t *textWriter) b(b []byte) {
	if t.err == nil {
		_, t.err = t.w.Write(b)
	}
}

// x writes s escaped for an XML attribute value. Characters XML does
// not allow become U+FFFD; tab, CR and LF are written as character
// references so attribute values keep them.
func (t *textWriter) x(s string) { t.escape(s, true) }

// xt writes s escaped for XML element text: only &, <, > and CR are escaped
// (quotation marks and line breaks stay as they are).
func (t *textWriter) xt(s string) { t.escape(s, false) }

func (t *textWriter) escape(s string, attribute bool) {
	if t.err != nil {
		return
	}
	valid := utf8.ValidString(s)
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'' ||
			c >= utf8.RuneSelf && valid && c != 0xEF {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '"' && attribute:
			esc = "&quot;"
		case r == '\'' && attribute:
			esc = "&apos;"
		case r == '\t' && attribute:
			esc = "&#x9;"
		case r == '\n' && attribute:
			esc = "&#xA;"
		case r == '\r':
			esc = "&#xD;"
		case !xmlChar(r, size):
			esc = "\uFFFD"
		default:
			i += size
			continue
		}
		t.w.WriteString(s[last:i])
		t.w.WriteString(esc)
		i += size
		last = i
	}
	t.w.WriteString(s[last:])
}

// xmlChar reports whether r (decoded with size bytes) is allowed in XML 1.0.
func xmlChar(r rune, size int) bool {
	if r == utf8.RuneError && size == 1 {
		return false
	}
	return r == '\t' || r == '\n' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func (t *textWriter) flush() error {
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}

const graphMLHeader = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`

// writeGraphML writes GraphML: a <key> per attribute with attr.type, one
// <node> per actor and one <edge> per aggregated edge. MET edges carry
// directed="false" in a graph whose default is directed.
func writeGraphML(ctx context.Context, w io.Writer, in Input) error {
	t := newTextWriter(w)
	t.s(graphMLHeader)
	t.s(`  <key id="g_description" for="graph" attr.name="description" attr.type="string"/>` + "\n")
	t.s(`  <key id="g_truncated" for="graph" attr.name="truncated" attr.type="boolean"/>` + "\n")
	for _, a := range nodeAttrs {
		t.s(`  <key id="n_` + a.Name + `" for="node" attr.name="` + a.Name + `" attr.type="` + string(a.Type) + `"/>` + "\n")
	}
	for _, a := range edgeAttrs {
		t.s(`  <key id="e_` + a.Name + `" for="edge" attr.name="` + a.Name + `" attr.type="` + string(a.Type) + `"/>` + "\n")
	}
	t.s(`  <graph id="rawabit" edgedefault="directed">` + "\n")
	if in.Description != "" {
		t.s(`    <data key="g_description">`)
		t.xt(in.Description)
		t.s("</data>\n")
	}
	t.s(`    <data key="g_truncated">` + strconv.FormatBool(in.Subgraph.Truncated) + "</data>\n")
	var r row
	var vals []string
	nodeTags, edgeTags := graphMLDataTags("n_", nodeAttrs), graphMLDataTags("e_", edgeAttrs)
	omitted := omittedCounts(in.Subgraph)
	for _, n := range in.Subgraph.Nodes {
		nodeRow(&r, n, omitted[n.ID])
		vals = r.strings(vals)
		t.s(`    <node id="`)
		t.x(n.ID)
		t.s(`">` + "\n")
		writeGraphMLData(t, nodeTags, vals)
		t.s("    </node>\n")
		if t.err != nil {
			return t.err
		}
	}
	var s edgeSummary
	claims := in.Subgraph.Claims
	err := eachGroup(ctx, claims, edgeOrder(claims), func(g *edgeGroup) error {
		s.summarise(g, in.Articles)
		edgeRow(&r, g, &s)
		vals = r.strings(vals)
		t.s(`    <edge id="`)
		t.edgeID(g)
		t.s(`" source="`)
		t.x(g.Source)
		t.s(`" target="`)
		t.x(g.Target)
		if !s.Directed {
			t.s(`" directed="false`)
		}
		t.s(`">` + "\n")
		writeGraphMLData(t, edgeTags, vals)
		t.s("    </edge>\n")
		return t.err
	})
	if err != nil {
		return err
	}
	t.s("  </graph>\n</graphml>\n")
	return t.flush()
}

// graphMLDataTags returns the opening <data> tag of every attribute.
func graphMLDataTags(prefix string, attrs []attr) []string {
	tags := make([]string, len(attrs))
	for i, a := range attrs {
		tags[i] = `      <data key="` + prefix + a.Name + `">`
	}
	return tags
}

// writeGraphMLData writes the <data> elements of vals, leaving out empty
// strings and empty lists.
func writeGraphMLData(t *textWriter, tags, vals []string) {
	for i, v := range vals {
		if isEmptyValue(v) {
			continue
		}
		t.s(tags[i])
		t.xt(v)
		t.s("</data>\n")
	}
}

func isEmptyValue(v string) bool { return v == "" || v == "[]" }

// edgeID writes the id of g (see edgeGroup.ID) escaped for an attribute.
func (t *textWriter) edgeID(g *edgeGroup) { t.x(g.ID()) }

// writeGEXF writes GEXF 1.3: typed <attributes> for nodes and edges, labels,
// edge kinds (the relation type), weights (the claim count) and
// type="undirected" on MET edges in a directed graph.
func writeGEXF(ctx context.Context, w io.Writer, in Input) error {
	t := newTextWriter(w)
	t.s(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	t.s(`<gexf xmlns="http://gexf.net/1.3" version="1.3">` + "\n")
	t.s("  <meta>\n    <creator>Rawabit</creator>\n")
	if in.Description != "" {
		t.s("    <description>")
		t.xt(in.Description)
		t.s("</description>\n")
	}
	t.s("  </meta>\n")
	t.s(`  <graph defaultedgetype="directed" mode="static">` + "\n")
	t.s(`    <attributes class="node">` + "\n")
	for i, a := range nodeAttrs {
		if i == nodeAttrLabel {
			continue
		}
		t.s(`      <attribute id="` + a.Name + `" title="` + a.Name + `" type="` + a.Type.gexfType() + `"/>` + "\n")
	}
	t.s("    </attributes>\n")
	t.s(`    <attributes class="edge">` + "\n")
	for i, a := range edgeAttrs {
		if i == edgeAttrWeight {
			continue
		}
		t.s(`      <attribute id="` + a.Name + `" title="` + a.Name + `" type="` + a.Type.gexfType() + `"/>` + "\n")
	}
	t.s("    </attributes>\n")
	t.s(`    <nodes count="` + strconv.Itoa(len(in.Subgraph.Nodes)) + `">` + "\n")
	var r row
	var vals []string
	nodeTags, edgeTags := gexfValueTags(nodeAttrs), gexfValueTags(edgeAttrs)
	omitted := omittedCounts(in.Subgraph)
	for _, n := range in.Subgraph.Nodes {
		nodeRow(&r, n, omitted[n.ID])
		vals = r.strings(vals)
		t.s(`      <node id="`)
		t.x(n.ID)
		t.s(`" label="`)
		t.x(vals[nodeAttrLabel])
		t.s(`">` + "\n")
		writeGEXFValues(t, nodeTags, nodeAttrLabel, vals)
		t.s("      </node>\n")
		if t.err != nil {
			return t.err
		}
	}
	t.s("    </nodes>\n")
	claims := in.Subgraph.Claims
	order := edgeOrder(claims)
	t.s(`    <edges count="` + strconv.Itoa(groupCount(claims, order)) + `">` + "\n")
	var s edgeSummary
	err := eachGroup(ctx, claims, order, func(g *edgeGroup) error {
		s.summarise(g, in.Articles)
		edgeRow(&r, g, &s)
		vals = r.strings(vals)
		t.s(`      <edge id="`)
		t.edgeID(g)
		t.s(`" source="`)
		t.x(g.Source)
		t.s(`" target="`)
		t.x(g.Target)
		if !s.Directed {
			t.s(`" type="undirected`)
		}
		t.s(`" label="` + string(g.Type) + `" kind="` + string(g.Type) + `" weight="`)
		t.s(vals[edgeAttrWeight])
		t.s(`">` + "\n")
		writeGEXFValues(t, edgeTags, edgeAttrWeight, vals)
		t.s("      </edge>\n")
		return t.err
	})
	if err != nil {
		return err
	}
	t.s("    </edges>\n  </graph>\n</gexf>\n")
	return t.flush()
}

// gexfValueTags returns the start of the <attvalue> of every attribute.
func gexfValueTags(attrs []attr) []string {
	tags := make([]string, len(attrs))
	for i, a := range attrs {
		tags[i] = `          <attvalue for="` + a.Name + `" value="`
	}
	return tags
}

// writeGEXFValues writes the <attvalues> of vals, leaving out attribute skip
// (written natively), empty strings and empty lists.
func writeGEXFValues(t *textWriter, tags []string, skip int, vals []string) {
	t.s("        <attvalues>\n")
	for i, v := range vals {
		if i == skip || isEmptyValue(v) {
			continue
		}
		t.s(tags[i])
		t.x(v)
		t.s(`"/>` + "\n")
	}
	t.s("        </attvalues>\n")
}
