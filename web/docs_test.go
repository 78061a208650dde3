package web

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/internal/doccheck"
)

// TestAPIDoc keeps the endpoint table of docs/api.md, the section between
// its generated markers, in step with the OpenAPI description the server
// serves at /api/openapi.json. Refresh it with
// go test ./web -run TestAPIDoc -update.
func TestAPIDoc(t *testing.T) {
	s := testServer(t, fixtureStore(t), Options{})
	rec := do(t, s.Handler(), http.MethodGet, "/api/openapi.json")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /api/openapi.json: got status %d", rec.Code)
	}
	table, err := endpointTable(rec.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	doccheck.Section(t, filepath.Join("..", "docs", "api.md"), table, *update)
}

// openAPIParam is the part of an OpenAPI parameter the endpoint table shows.
type openAPIParam struct {
	Ref      string `json:"$ref"`
	Name     string `json:"name"`
	In       string `json:"in"`
	Required bool   `json:"required"`
	Schema   struct {
		Type    string   `json:"type"`
		Format  string   `json:"format"`
		Enum    []any    `json:"enum"`
		Minimum *float64 `json:"minimum"`
		Maximum *float64 `json:"maximum"`
		Default any      `json:"default"`
	} `json:"schema"`
}

// endpointTable renders an OpenAPI 3 document as a Markdown table: one row
// per operation, sorted by path then method, with its summary and its
// query parameters (required ones marked, bounds, defaults and
// enumerations as the document gives them).
func endpointTable(doc []byte) (string, error) {
	var api struct {
		Paths map[string]map[string]struct {
			Summary    string         `json:"summary"`
			Parameters []openAPIParam `json:"parameters"`
		} `json:"paths"`
		Components struct {
			Parameters map[string]openAPIParam `json:"parameters"`
		} `json:"components"`
	}
	if err := json.Unmarshal(doc, &api); err != nil {
		return "", fmt.Errorf("openapi.json: %w", err)
	}
	if len(api.Paths) == 0 {
		return "", fmt.Errorf("openapi.json describes no path")
	}
	methods := []string{"get", "head", "post", "put", "patch", "delete"}
	var b strings.Builder
	b.WriteString("| Endpoint | What it answers | Query parameters |\n|---|---|---|\n")
	for _, path := range slices.Sorted(maps.Keys(api.Paths)) {
		ops := api.Paths[path]
		for _, m := range methods {
			op, ok := ops[m]
			if !ok {
				continue
			}
			var params []string
			for _, p := range op.Parameters {
				if p.Ref != "" {
					name := strings.TrimPrefix(p.Ref, "#/components/parameters/")
					ref, ok := api.Components.Parameters[name]
					if !ok {
						return "", fmt.Errorf("openapi.json %s %s: $ref %s points nowhere", m, path, p.Ref)
					}
					p = ref
				}
				if p.In == "query" {
					params = append(params, paramCell(p))
				}
			}
			cell := strings.Join(params, ", ")
			if cell == "" {
				cell = "none"
			}
			fmt.Fprintf(&b, "| `%s %s` | %s | %s |\n", strings.ToUpper(m), path, mdCell(op.Summary), cell)
		}
	}
	return b.String(), nil
}

// paramCell renders one query parameter: its name, then in brackets
// whether it is required, its range, its values and its default.
func paramCell(p openAPIParam) string {
	var notes []string
	if p.Required {
		notes = append(notes, "required")
	}
	s := p.Schema
	switch {
	case s.Minimum != nil && s.Maximum != nil:
		notes = append(notes, fmt.Sprintf("%v..%v", *s.Minimum, *s.Maximum))
	case s.Minimum != nil:
		notes = append(notes, fmt.Sprintf("≥ %v", *s.Minimum))
	case s.Maximum != nil:
		notes = append(notes, fmt.Sprintf("≤ %v", *s.Maximum))
	}
	if len(s.Enum) > 0 {
		var vals []string
		for _, v := range s.Enum {
			vals = append(vals, fmt.Sprint(v))
		}
		notes = append(notes, "one of "+strings.Join(vals, ", "))
	}
	if s.Format == "date" {
		notes = append(notes, "YYYY-MM-DD")
	}
	if s.Default != nil {
		notes = append(notes, fmt.Sprintf("default %v", s.Default))
	}
	out := "`" + p.Name + "`"
	if len(notes) > 0 {
		out += " (" + strings.Join(notes, "; ") + ")"
	}
	return mdCell(out)
}

// mdCell makes text safe in one Markdown table cell.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

func TestEndpointTable(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"parameters", `{"paths":{"/b":{"get":{"summary":"B | b","parameters":[
			{"name":"id","in":"path","required":true,"schema":{"type":"string"}},
			{"name":"q","in":"query","required":true,"schema":{"type":"string"}},
			{"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":1000,"default":20}},
			{"name":"format","in":"query","schema":{"type":"string","enum":["a","b"]}},
			{"name":"since","in":"query","schema":{"type":"string","format":"date"}},
			{"$ref":"#/components/parameters/Min"}]}},
			"/a":{"post":{"summary":"A\nsecond line"}}},
			"components":{"parameters":{"Min":{"name":"min","in":"query","schema":{"type":"number","minimum":0}}}}}`,
			"| Endpoint | What it answers | Query parameters |\n|---|---|---|\n" +
				"| `POST /a` | A second line | none |\n" +
				"| `GET /b` | B \\| b | `q` (required), `limit` (1..1000; default 20), `format` (one of a, b), `since` (YYYY-MM-DD), `min` (≥ 0) |\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := endpointTable([]byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	for _, bad := range []string{`{}`, `not json`, `{"paths":{"/a":{"get":{"parameters":[{"$ref":"#/components/parameters/X"}]}}}}`} {
		if _, err := endpointTable([]byte(bad)); err == nil {
			t.Errorf("endpointTable(%s): got no error, want one", bad)
		}
	}
}
