package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// render writes in as f and returns the output; zip formats are returned as
// the text of their files, each under a "==> name <==" line.
func render(t testing.TB, f Format, in Input) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, f, in); err != nil {
		t.Fatalf("Write(%s): %v", f, err)
	}
	if f != GephiCSV && f != Neo4jCSV {
		return buf.String()
	}
	files := unzip(t, buf.Bytes())
	var out strings.Builder
	for _, name := range slices.Sorted(mapsKeys(files)) {
		fmt.Fprintf(&out, "==> %s <==\n%s", name, files[name])
	}
	return out.String()
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func unzip(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("zip %s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("zip %s: %v", f.Name, err)
		}
		files[f.Name] = string(b)
	}
	return files
}

// goldenName is the golden file of a format.
func goldenName(f Format) string {
	switch f {
	case GephiCSV:
		return "subgraph-gephi-csv.txt"
	case Neo4jCSV:
		return "subgraph-neo4j-csv.txt"
	}
	return "subgraph" + f.Extension()
}

func TestGolden(t *testing.T) {
	in := fixtureInput(t)
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			got := render(t, f, in)
			path := filepath.Join("testdata", "golden", goldenName(f))
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./graph/export -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s (run with -update after checking the diff):\n%s", f, path, firstDiff(got, string(want)))
			}
		})
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got  %q\n want %q", i+1, gl, wl)
		}
	}
	return "(no line differs)"
}

func TestArabicIntact(t *testing.T) {
	in := fixtureInput(t)
	// Fragments free of characters any format escapes.
	fragments := []string{"خليفة حفتر", "الولايات المتحدة", "الجيش الوطني الليبي", "معمر القذافي", "أبوظبي",
		"تدعم حفتر، وقواته", "«لن نقبل»", "والتقى المبعوث الأمريكي بالمشير خليفة حفتر في بنغازي", "الجزيرة نت"}
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			got := render(t, f, in)
			if !utf8.ValidString(got) {
				t.Fatalf("%s output is not valid UTF-8", f)
			}
			for _, frag := range fragments {
				if f == JSONL && frag == "معمر القذافي" {
					continue // an actor without claims has no line
				}
				if !strings.Contains(got, frag) {
					t.Errorf("%s output lacks %q verbatim", f, frag)
				}
			}
		})
	}
}

func TestNameWithApostrophe(t *testing.T) {
	in := fixtureInput(t)
	tests := []struct {
		format Format
		want   string
	}{
		{GraphML, `<data key="n_name">Mu'ammar al-Gaddafi</data>`},
		{GEXF, `label="Mu&apos;ammar al-Gaddafi"`},
		{CytoscapeJSON, `"name":"Mu'ammar al-Gaddafi"`},
		{GephiCSV, "Mu'ammar al-Gaddafi"},
		{Neo4jCSV, "Mu'ammar al-Gaddafi"},
		{Cypher, `a.name = 'Mu\'ammar al-Gaddafi'`},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			if got := render(t, tt.format, in); !strings.Contains(got, tt.want) {
				t.Errorf("%s output lacks %q", tt.format, tt.want)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"graphml", GraphML, false},
		{" GEXF ", GEXF, false},
		{"json", CytoscapeJSON, false},
		{"cytoscape", CytoscapeJSON, false},
		{"csv", GephiCSV, false},
		{"gephi-csv", GephiCSV, false},
		{"neo4j-csv", Neo4jCSV, false},
		{"cypher", Cypher, false},
		{"jsonl", JSONL, false},
		{"ndjson", JSONL, false},
		{"xml", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if tt.wantErr {
				if !errors.Is(err, graph.ErrInvalid) {
					t.Fatalf("ParseFormat(%q) error = %v, want ErrInvalid", tt.in, err)
				}
				if !strings.Contains(err.Error(), "graphml, gexf, json, csv, neo4j-csv, cypher, jsonl") {
					t.Errorf("error %q does not list the formats", err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseFormat(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestFormatNames(t *testing.T) {
	tests := []struct {
		f           Format
		contentType string
		file        string
	}{
		{GraphML, "application/graphml+xml; charset=utf-8", "rawabit-khalifa-haftar.graphml"},
		{GEXF, "application/gexf+xml; charset=utf-8", "rawabit-khalifa-haftar.gexf"},
		{CytoscapeJSON, "application/json; charset=utf-8", "rawabit-khalifa-haftar.cyjs.json"},
		{GephiCSV, "application/zip", "rawabit-khalifa-haftar-gephi.zip"},
		{Neo4jCSV, "application/zip", "rawabit-khalifa-haftar-neo4j.zip"},
		{Cypher, "application/x-cypher-query; charset=utf-8", "rawabit-khalifa-haftar.cypher"},
		{JSONL, "application/x-ndjson; charset=utf-8", "rawabit-khalifa-haftar.jsonl"},
	}
	for _, tt := range tests {
		t.Run(string(tt.f), func(t *testing.T) {
			if got := tt.f.ContentType(); got != tt.contentType {
				t.Errorf("ContentType() = %q, want %q", got, tt.contentType)
			}
			if got := tt.f.FileName("rawabit-khalifa-haftar"); got != tt.file {
				t.Errorf("FileName() = %q, want %q", got, tt.file)
			}
		})
	}
	if got, want := GraphML.FileName(`../x"y/حفتر`), "x_y.graphml"; got != want {
		t.Errorf("FileName of an unsafe base = %q, want %q", got, want)
	}
	if got, want := GraphML.FileName("حفتر"), "rawabit.graphml"; got != want {
		t.Errorf("FileName of an all-Arabic base = %q, want %q", got, want)
	}
}

func TestBaseName(t *testing.T) {
	tests := []struct {
		name             string
		center, from, to string
		ids              []string
		want             string
	}{
		{"centre", "usa", "", "", nil, "rawabit-usa"},
		{"path", "", "usa", "lna", nil, "rawabit-usa-lna"},
		{"one id", "", "", "", []string{"uae"}, "rawabit-uae"},
		{"ids", "", "", "", []string{"uae", "usa", "lna"}, "rawabit-3-actors"},
		{"nothing", "", "", "", nil, "rawabit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BaseName(tt.center, tt.from, tt.to, tt.ids); got != tt.want {
				t.Errorf("BaseName = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGroupsMatchAggregate(t *testing.T) {
	inputs := map[string]Input{"fixture": fixtureInput(t), "synthetic": syntheticInput(300, 2000)}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			want := graph.Aggregate(in.Subgraph.Claims)
			var got []graph.Edge
			claims := in.Subgraph.Claims
			var s edgeSummary
			err := eachGroup(context.Background(), claims, edgeOrder(claims), func(g *edgeGroup) error {
				s.summarise(g, in.Articles)
				e := graph.Edge{Source: g.Source, Target: g.Target, Type: g.Type, Claims: slices.Clone(s.ClaimIDs),
					Articles: len(s.ArticleIDs), MaxConfidence: s.MaxConfidence}
				for _, c := range s.Certainties {
					e.Certainties = append(e.Certainties, graph.Certainty(c))
				}
				got = append(got, e)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("got %d edges, want %d (graph.Aggregate)", len(got), len(want))
			}
			if n := groupCount(claims, edgeOrder(claims)); n != len(want) {
				t.Errorf("groupCount = %d, want %d", n, len(want))
			}
			for i := range want {
				if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
					t.Errorf("edge %d: got %+v, want %+v", i, got[i], want[i])
				}
			}
		})
	}
}

func TestSyntheticEdgeCount(t *testing.T) {
	in := syntheticInput(2000, 10000)
	if got := len(graph.Aggregate(in.Subgraph.Claims)); got != 10000 {
		t.Fatalf("synthetic subgraph has %d edges, want 10000", got)
	}
}

func TestWriteErrors(t *testing.T) {
	in := fixtureInput(t)
	t.Run("unknown format", func(t *testing.T) {
		err := Write(context.Background(), io.Discard, Format("pdf"), in)
		if !errors.Is(err, graph.ErrInvalid) {
			t.Errorf("got %v, want ErrInvalid", err)
		}
	})
	t.Run("claim outside the nodes", func(t *testing.T) {
		bad := in
		bad.Subgraph.Nodes = slices.DeleteFunc(slices.Clone(in.Subgraph.Nodes), func(a graph.Actor) bool { return a.ID == "uae" })
		err := Write(context.Background(), io.Discard, GraphML, bad)
		if !errors.Is(err, graph.ErrInvalid) || !strings.Contains(err.Error(), `"uae"`) {
			t.Errorf("got %v, want ErrInvalid naming uae", err)
		}
	})
	for _, f := range Formats {
		t.Run("cancelled/"+string(f), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			err := Write(ctx, io.Discard, f, in)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("got %v, want context.Canceled", err)
			}
		})
		t.Run("failing writer/"+string(f), func(t *testing.T) {
			err := Write(context.Background(), failingWriter{}, f, syntheticInput(50, 500))
			if !errors.Is(err, errDiskFull) {
				t.Errorf("got %v, want the writer's error", err)
			}
		})
	}
}

var errDiskFull = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestCollect(t *testing.T) {
	ctx := context.Background()
	store := fixtureStore(t)
	sg, err := store.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 1, MaxNeighbours: graph.DefaultMaxNeighbours, MaxNodes: graph.DefaultMaxNodes})
	if err != nil {
		t.Fatal(err)
	}
	in, err := Collect(ctx, store, sg)
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	want := fixtureInput(t)
	if len(in.Articles) != len(want.Articles) {
		t.Fatalf("Collect fetched %d articles, want %d", len(in.Articles), len(want.Articles))
	}
	for id, a := range in.Articles {
		w := want.Articles[id]
		if a.Text != "" {
			t.Errorf("article %s: text kept (%d bytes), want it dropped", id, len(a.Text))
		}
		if a.Title != w.Title || a.Source != w.Source || a.URL != w.URL || !a.Published.Equal(w.Published) {
			t.Errorf("article %s: got %+v, want %+v", id, a, w)
		}
	}

	missing := sg
	missing.Claims = slices.Clone(sg.Claims)
	missing.Claims[0].Article = "no-such-article"
	if _, err := Collect(ctx, store, missing); !errors.Is(err, graph.ErrNotFound) || !strings.Contains(err.Error(), "no-such-article") {
		t.Errorf("Collect with an unknown article: got %v, want ErrNotFound naming it", err)
	}
}

func TestCypherString(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain", `'plain'`},
		{"Mu'ammar", `'Mu\'ammar'`},
		{`say "hi"`, `'say "hi"'`},
		{`back\slash`, `'back\\slash'`},
		{"line\nbreak\r\ttab", `'line\nbreak\r\ttab'`},
		{"bell\x07del\x7f", `'bell\u0007del\u007f'`},
		{"خليفة حفتر", `'خليفة حفتر'`},
		{"sep\u2028par\u2029", `'sep\u2028par\u2029'`},
		{"bad\xffbyte", `'bad\uFFFDbyte'`},
		{`'; MATCH (n) DETACH DELETE n; //`, `'\'; MATCH (n) DETACH DELETE n; //'`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got := string(appendCypherString(nil, tt.in))
			if got != tt.want {
				t.Errorf("appendCypherString(%q) = %s, want %s", tt.in, got, tt.want)
			}
			back, err := decodeCypherString(got)
			if err != nil {
				t.Fatalf("decode %s: %v", got, err)
			}
			if want := strings.ToValidUTF8(tt.in, "\uFFFD"); back != want {
				t.Errorf("decoded %s = %q, want %q", got, back, want)
			}
		})
	}
}

// decodeCypherString reads a single-quoted Cypher string literal by the
// escape rules of the Cypher manual, to check appendCypherString.
func decodeCypherString(lit string) (string, error) {
	if len(lit) < 2 || lit[0] != '\'' || lit[len(lit)-1] != '\'' {
		return "", fmt.Errorf("not single-quoted")
	}
	body := lit[1 : len(lit)-1]
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\'' {
			return "", fmt.Errorf("unescaped quote at %d", i)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(body) {
			return "", fmt.Errorf("dangling backslash")
		}
		switch body[i] {
		case '\\', '\'', '"':
			b.WriteByte(body[i])
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'u':
			var r rune
			if _, err := fmt.Sscanf(body[i+1:i+5], "%04x", &r); err != nil {
				return "", fmt.Errorf("bad \\u at %d: %v", i, err)
			}
			b.WriteRune(r)
			i += 4
		default:
			return "", fmt.Errorf("unknown escape \\%c", body[i])
		}
	}
	return b.String(), nil
}

func TestCypherScriptShape(t *testing.T) {
	script := render(t, Cypher, fixtureInput(t))
	if !strings.HasPrefix(script, "// params: none\n") {
		t.Errorf("script does not start with the lint's params header")
	}
	var statements []string
	for _, block := range strings.Split(strings.TrimSpace(script), "\n\n") {
		if strings.HasPrefix(block, "//") {
			continue
		}
		statements = append(statements, block)
	}
	if got, want := len(statements), 2+len(fixtureActors)+2+1+5; got != want {
		t.Errorf("got %d statements, want %d (2 constraints, 6 actors, 2 articles, 1 affiliation, 5 claims)", got, want)
	}
	for _, s := range statements {
		if !strings.HasSuffix(s, ";") {
			t.Errorf("statement does not end with ';': %q", s)
		}
		if !strings.HasPrefix(s, "MERGE ") && !strings.HasPrefix(s, "MATCH ") && !strings.HasPrefix(s, "CREATE CONSTRAINT ") {
			t.Errorf("statement is neither MERGE, MATCH ... MERGE nor CREATE CONSTRAINT: %q", s)
		}
		if strings.Contains(s, "CREATE (") || strings.Contains(s, "$") {
			t.Errorf("statement is not idempotent or takes a parameter: %q", s)
		}
	}
	if err := os.WriteFile(filepath.Join(t.TempDir(), "x.cypher"), []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
}

func fixtureStore(t *testing.T) *memstore.Store {
	t.Helper()
	store := memstore.New()
	for _, doc := range fixtureDocuments(t) {
		if err := store.LoadArticle(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
	}
	return store
}

func TestSelect(t *testing.T) {
	store := fixtureStore(t)
	tests := []struct {
		name      string
		sel       Selection
		nodes     []string
		claims    int
		base      string
		desc      string
		wantError error
	}{
		{"neighbourhood", Selection{Center: "lna"}, []string{"lna", "uae"}, 1, "rawabit-lna", "neighbourhood of lna, depth 1", nil},
		{"neighbourhood depth 2", Selection{Center: "gna", Depth: 2}, []string{"gna", "khalifa-haftar", "usa"}, 4, "rawabit-gna", "neighbourhood of gna, depth 2", nil},
		{"filtered", Selection{Center: "khalifa-haftar", Filter: graph.Filter{Types: []graph.RelationType{graph.Met}}}, []string{"khalifa-haftar", "usa"}, 1, "rawabit-khalifa-haftar", "neighbourhood of khalifa-haftar, depth 1", nil},
		{"ids", Selection{IDs: []string{"usa", "khalifa-haftar", "muammar-gaddafi"}}, []string{"khalifa-haftar", "muammar-gaddafi", "usa"}, 3, "rawabit-3-actors", "actors usa, khalifa-haftar, muammar-gaddafi", nil},
		{"path", Selection{From: "gna", To: "usa"}, []string{"gna", "khalifa-haftar", "usa"}, 4, "rawabit-gna-usa", "shortest paths from gna to usa", nil},
		{"no path", Selection{From: "gna", To: "uae"}, []string{}, 0, "rawabit-gna-uae", "shortest paths from gna to uae", nil},
		{"nothing", Selection{}, nil, 0, "", "", graph.ErrInvalid},
		{"two modes", Selection{Center: "usa", IDs: []string{"usa"}}, nil, 0, "", "", graph.ErrInvalid},
		{"from without to", Selection{From: "usa"}, nil, 0, "", "", graph.ErrInvalid},
		{"unknown centre", Selection{Center: "nobody"}, nil, 0, "", "", graph.ErrNotFound},
		{"unknown id", Selection{IDs: []string{"usa", "nobody"}}, nil, 0, "", "", graph.ErrNotFound},
		{"depth beyond limit", Selection{Center: "usa", Depth: graph.MaxDepth + 1}, nil, 0, "", "", graph.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := Select(context.Background(), store, tt.sel)
			if tt.wantError != nil {
				if !errors.Is(err, tt.wantError) {
					t.Fatalf("got error %v, want %v", err, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, n := range in.Subgraph.Nodes {
				ids = append(ids, n.ID)
			}
			if ids == nil {
				ids = []string{}
			}
			if !slices.Equal(ids, tt.nodes) {
				t.Errorf("nodes = %v, want %v", ids, tt.nodes)
			}
			if len(in.Subgraph.Claims) != tt.claims {
				t.Errorf("got %d claims, want %d", len(in.Subgraph.Claims), tt.claims)
			}
			for _, c := range in.Subgraph.Claims {
				if _, ok := in.Articles[c.Article]; !ok {
					t.Errorf("article %s of claim %s not collected", c.Article, c.ID)
				}
			}
			if got := tt.sel.BaseName(); got != tt.base {
				t.Errorf("BaseName() = %q, want %q", got, tt.base)
			}
			if in.Description != tt.desc {
				t.Errorf("Description = %q, want %q", in.Description, tt.desc)
			}
			if err := Write(context.Background(), io.Discard, GEXF, in); err != nil {
				t.Errorf("Write: %v", err)
			}
		})
	}
}

func TestXMLEscape(t *testing.T) {
	tests := []struct {
		in, attr, text string
	}{
		{`a & b < c > d`, `a &amp; b &lt; c &gt; d`, `a &amp; b &lt; c &gt; d`},
		{`"quoted", 'single'`, `&quot;quoted&quot;, &apos;single&apos;`, `"quoted", 'single'`},
		{"line\nbreak\ttab\r", "line&#xA;break&#x9;tab&#xD;", "line\nbreak\ttab&#xD;"},
		{"nul\x00bell\x07", "nul\uFFFDbell\uFFFD", "nul\uFFFDbell\uFFFD"},
		{"bad\xffbyte \uFFFE", "bad\uFFFDbyte \uFFFD", "bad\uFFFDbyte \uFFFD"},
		{"«حفتر» 𝔸", "«حفتر» 𝔸", "«حفتر» 𝔸"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			for _, mode := range []struct {
				attribute bool
				want      string
			}{{true, tt.attr}, {false, tt.text}} {
				var buf bytes.Buffer
				w := newTextWriter(&buf)
				w.escape(tt.in, mode.attribute)
				if err := w.flush(); err != nil {
					t.Fatal(err)
				}
				if got := buf.String(); got != mode.want {
					t.Errorf("escape(%q, attribute=%v) = %q, want %q", tt.in, mode.attribute, got, mode.want)
				}
			}
		})
	}
}

func TestJSONString(t *testing.T) {
	tests := []string{"plain", `say "hi" \ back`, "line\nbreak\r\ttab\x01", "خليفة حفتر «لن نقبل»", "sep\u2028par\u2029end", "bad\xffbyte", "𝔸 \uFFFE"}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			lit := appendJSONString(nil, in)
			var back string
			if err := json.Unmarshal(lit, &back); err != nil {
				t.Fatalf("%s is not a JSON string: %v", lit, err)
			}
			if want := strings.ToValidUTF8(in, "\uFFFD"); back != want {
				t.Errorf("decoded %s = %q, want %q", lit, back, want)
			}
			if bytes.Contains(lit, []byte("\u2028")) || bytes.Contains(lit, []byte("\u2029")) {
				t.Errorf("%s holds a raw line or paragraph separator", lit)
			}
		})
	}
}

func TestWriteAcceptsFormatSpellings(t *testing.T) {
	in := fixtureInput(t)
	want := render(t, CytoscapeJSON, in)
	for _, spelling := range []Format{"JSON", "cytoscape", " json "} {
		var buf bytes.Buffer
		if err := Write(context.Background(), &buf, spelling, in); err != nil {
			t.Fatalf("Write(%q): %v", spelling, err)
		}
		if buf.String() != want {
			t.Errorf("Write(%q) differs from Write(json)", spelling)
		}
	}
}

// cancelOnWrite cancels a context at its first Write.
type cancelOnWrite struct {
	cancel  context.CancelFunc
	written int
}

func (c *cancelOnWrite) Write(p []byte) (int, error) {
	c.cancel()
	c.written += len(p)
	return len(p), nil
}

// TestWriteStreams shows that output reaches the writer while edges are
// still being written: cancelling at the first write stops the export with
// most of the 10,000 edges unwritten.
func TestWriteStreams(t *testing.T) {
	in := syntheticInput(2000, benchEdges)
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			var full countingWriter
			if err := Write(context.Background(), &full, f, in); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			w := &cancelOnWrite{cancel: cancel}
			if err := Write(ctx, w, f, in); !errors.Is(err, context.Canceled) {
				t.Fatalf("got %v, want context.Canceled once the first bytes were written", err)
			}
			if w.written == 0 || w.written*4 > int(full) {
				t.Errorf("wrote %d of %d bytes before stopping; want some, and less than a quarter", w.written, full)
			}
		})
	}
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// TestEdgeIDsAreTheAPIs checks that every format with edge ids writes
// graph.EdgeID's, the id the API gives the same edge: once they were
// "source:TYPE:target" here and "TYPE:source:target" in the API.
func TestEdgeIDsAreTheAPIs(t *testing.T) {
	in := fixtureInput(t)
	var want []string
	for _, e := range graph.Aggregate(in.Subgraph.Claims) {
		want = append(want, e.ID())
	}
	slices.Sort(want)
	tests := []struct {
		format Format
		re     *regexp.Regexp
	}{
		{GraphML, regexp.MustCompile(`<edge id="([^"]*)"`)},
		{GEXF, regexp.MustCompile(`<edge id="([^"]*)"`)},
		{CytoscapeJSON, regexp.MustCompile(`\{"data":\{"id":"([^"]*)","source"`)},
		{GephiCSV, regexp.MustCompile(`(?m)^[^,\n]*,[^,\n]*,(?:Directed|Undirected),([^,\n]*),`)},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			var got []string
			for _, m := range tt.re.FindAllStringSubmatch(render(t, tt.format, in), -1) {
				if _, _, _, err := graph.ParseEdgeID(m[1]); err == nil {
					got = append(got, m[1])
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("edge ids: got %q, want graph.EdgeID's %q", got, want)
			}
		})
	}
}
