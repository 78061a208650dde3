package neo4jstore

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
)

// stripCypher returns a Cypher text without its comments and string
// literals, so that what remains is names, keywords and parameters.
func stripCypher(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(text) && text[j] != c {
				if text[j] == '\\' {
					j++
				}
				j++
			}
			b.WriteString(`''`)
			i = j + 1
		case c == '`':
			j := strings.IndexByte(text[i+1:], '`')
			if j < 0 {
				j = len(text) - i - 1
			}
			b.WriteString(text[i : i+j+2])
			i += j + 2
		case strings.HasPrefix(text[i:], "//"):
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				j = len(text) - i
			}
			i += j
		case strings.HasPrefix(text[i:], "/*"):
			j := strings.Index(text[i+2:], "*/")
			if j < 0 {
				j = len(text)
			}
			i += j + 4
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

var paramRE = regexp.MustCompile("\\$(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]+)`)")

// usedParams returns the sorted, distinct $names a Cypher text uses.
func usedParams(text string) []string {
	var names []string
	for _, m := range paramRE.FindAllStringSubmatch(stripCypher(text), -1) {
		names = append(names, m[1]+m[2])
	}
	slices.Sort(names)
	return slices.Compact(names)
}

var headerRE = regexp.MustCompile(`(?m)^\s*//\s*params:\s*(.*)$`)

// headerParams returns the sorted names of a file's `// params:` header, and
// false when it has none.
func headerParams(text string) ([]string, bool) {
	m := headerRE.FindStringSubmatch(text)
	if m == nil {
		return nil, false
	}
	var names []string
	if list := strings.TrimSpace(m[1]); list != "none" {
		for p := range strings.SplitSeq(list, ",") {
			names = append(names, strings.TrimPrefix(strings.TrimSpace(p), "$"))
		}
	}
	slices.Sort(names)
	return names, true
}

func embeddedFiles(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := fs.WalkDir(cypherFiles, "cypher", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := cypherFiles.ReadFile(path)
		files[strings.TrimPrefix(path, "cypher/")] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestEveryFileIsAStatement(t *testing.T) {
	files := embeddedFiles(t)
	if len(files) == 0 {
		t.Fatal("no embedded .cypher files")
	}
	registeredFiles := map[string]int{}
	for _, st := range statements {
		registeredFiles[st.file]++
	}
	for name, text := range files {
		t.Run(name, func(t *testing.T) {
			if strings.TrimSpace(stripCypher(text)) == "" {
				t.Errorf("%s has no statement", name)
			}
			if n := registeredFiles[name]; n != 1 {
				t.Errorf("%s is declared by %d Go statements, want 1", name, n)
			}
		})
	}
	for file := range registeredFiles {
		if _, ok := files[file]; !ok {
			t.Errorf("statement %s has no embedded file", file)
		}
	}
}

func TestStatementParameters(t *testing.T) {
	files := embeddedFiles(t)
	for _, st := range statements {
		t.Run(st.file, func(t *testing.T) {
			want := slices.Sorted(slices.Values(st.params))
			if got := usedParams(files[st.file]); !slices.Equal(got, want) {
				t.Errorf("%s uses parameters %q, Go passes %q", st.file, got, want)
			}
			header, ok := headerParams(files[st.file])
			if !ok {
				t.Fatalf("%s has no '// params:' header", st.file)
			}
			if !slices.Equal(header, want) {
				t.Errorf("%s declares parameters %q in its header, Go passes %q", st.file, header, want)
			}
		})
	}
}

func TestBindPassesEveryParameter(t *testing.T) {
	got := stmtLinks.bind(linksParams{Frontier: []string{"a"}, Types: []string{"MET"}, Certainties: []string{"alleged"}, MinConfidence: 0.5, Since: "d1", Until: "d2"})
	want := map[string]any{"frontier": []string{"a"}, "types": []string{"MET"}, "certainties": []string{"alleged"}, "min_confidence": 0.5, "since": "d1", "until": "d2"}
	if len(got) != len(want) {
		t.Fatalf("bind gave %d parameters %v, want %d", len(got), got, len(want))
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || !equalValue(g, v) {
			t.Errorf("bind[%q] = %v, want %v", k, g, v)
		}
	}
}

func equalValue(a, b any) bool {
	switch a := a.(type) {
	case []string:
		b, ok := b.([]string)
		return ok && slices.Equal(a, b)
	default:
		return a == b
	}
}

var rowKeyRE = regexp.MustCompile(`\brow\.([a-z_]+)`)
var unwindRE = regexp.MustCompile(`UNWIND \$([a-z_]+) AS row\b`)

// TestRowKeys checks that every row.key a write statement reads is a key of
// the rows documentParams builds, so no property is silently null.
func TestRowKeys(t *testing.T) {
	w := documentParams(testDocument(t))
	rows := map[string][]map[string]any{
		"actors":       w.actors.Actors,
		"affiliations": w.affiliations.Affiliations,
		"claims":       w.claims.Claims,
		"mentions":     w.mentions.Mentions,
	}
	files := embeddedFiles(t)
	for name, text := range files {
		code := stripCypher(text)
		m := unwindRE.FindStringSubmatch(code)
		if m == nil {
			continue
		}
		param := m[1]
		if param == "ids" || param == "frontier" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			rs, ok := rows[param]
			if !ok {
				t.Fatalf("%s unwinds $%s, which documentParams does not build", name, param)
			}
			if len(rs) == 0 {
				t.Fatalf("test document gives no %s rows", param)
			}
			for _, k := range rowKeyRE.FindAllStringSubmatch(code, -1) {
				if _, ok := rs[0][k[1]]; !ok {
					t.Errorf("%s reads row.%s; the %s rows have no such key", name, k[1], param)
				}
			}
		})
	}
}

// TestEnumsInStatements checks that the statements choosing a label or a
// relationship type cover exactly the enums of package graph.
func TestEnumsInStatements(t *testing.T) {
	files := embeddedFiles(t)
	for _, k := range graph.Kinds {
		want := "row.kind = '" + string(k) + "' THEN [1] ELSE [] END | SET a:" + k.Label() + ")"
		if !strings.Contains(files["merge_actors.cypher"], want) {
			t.Errorf("merge_actors.cypher does not set label %s for kind %s (want %q)", k.Label(), k, want)
		}
	}
	for _, ty := range graph.RelationTypes {
		want := "row.type = '" + string(ty) + "' THEN [1] ELSE [] END |\n  CREATE (s)-[r:" + string(ty) + "]->(t)"
		if !strings.Contains(files["create_claims.cypher"], want) {
			t.Errorf("create_claims.cypher does not create %s claims (want %q)", ty, want)
		}
		for _, f := range []string{"clear_article.cypher", "article_claims.cypher", "links.cypher", "claims_among.cypher", "claims_of_actor.cypher", "actor_stats.cypher", "counts.cypher"} {
			if !strings.Contains(files[f], string(ty)) {
				t.Errorf("%s does not mention relation type %s", f, ty)
			}
		}
	}
}

func testDocument(t *testing.T) graph.Document {
	t.Helper()
	text := "التقى خليفة حفتر مع جوزيبي كونتي في روما."
	quote := "التقى خليفة حفتر مع جوزيبي كونتي"
	start := strings.Index(text, quote)
	end := start + len(quote)
	doc := graph.Document{
		Article: graph.Article{ID: "a1", Title: "t", Language: "ar", Text: text, SHA256: graph.TextSHA256(text),
			Published: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)},
		Actors: []graph.Actor{
			{ID: "khalifa-haftar", Name: "Khalifa Haftar", NameAr: "خليفة حفتر", Aliases: []string{"حفتر"}, Kind: graph.KindPerson, Affiliation: "lna"},
			{ID: "lna", Name: "LNA", NameAr: "الجيش الوطني الليبي", Kind: graph.KindOrganisation},
			{ID: "giuseppe-conte", Name: "Giuseppe Conte", NameAr: "جوزيبي كونتي", Kind: graph.KindPerson},
		},
		Mentions: []graph.Mention{{Actor: "khalifa-haftar", Count: 1}, {Actor: "giuseppe-conte", Count: 1}},
		Claims: []graph.Claim{{
			ID:   graph.ClaimID("a1", graph.Met, "khalifa-haftar", "giuseppe-conte", start, end),
			Type: graph.Met, Source: "khalifa-haftar", Target: "giuseppe-conte", Article: "a1",
			Quote: quote, Start: start, End: end, Certainty: graph.Asserted, Confidence: 1, Extractor: graph.ExtractorManual,
		}},
	}
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	return doc
}
