package web

import (
	"reflect"
	"strings"
	"time"
	"unicode"

	"github.com/rawabit/rawabit/graph"
)

// schemaNames names the components of the response types whose OpenAPI
// name is not their Go name made exported.
var schemaNames = map[reflect.Type]string{
	reflect.TypeFor[actorView]():           "ActorDetail",
	reflect.TypeFor[articleView]():         "ArticleDetail",
	reflect.TypeFor[claimView]():           "Claim",
	reflect.TypeFor[edgeView]():            "Edge",
	reflect.TypeFor[nodeView]():            "Node",
	reflect.TypeFor[neighbourhoodView]():   "Neighbourhood",
	reflect.TypeFor[subgraphView]():        "Subgraph",
	reflect.TypeFor[healthBody]():          "Health",
	reflect.TypeFor[searchResult]():        "SearchResult",
	reflect.TypeFor[pathsResult]():         "Paths",
	reflect.TypeFor[claimsResult]():        "Claims",
	reflect.TypeFor[overviewView]():        "Overview",
	reflect.TypeFor[metaView]():            "Meta",
	reflect.TypeFor[actorArticlesResult](): "ActorArticles",
	reflect.TypeFor[mentionView]():         "ArticleMention",
	reflect.TypeFor[actorMatchView]():      "ActorMatch",
}

// enumValues are the values of graph's enumerations, for the schemas of
// fields of those types.
var enumValues = map[reflect.Type][]string{
	reflect.TypeFor[graph.Kind]():         stringsOf(graph.Kinds),
	reflect.TypeFor[graph.RelationType](): stringsOf(graph.RelationTypes),
	reflect.TypeFor[graph.Certainty]():    stringsOf(graph.Certainties),
	reflect.TypeFor[graph.DateSource]():   stringsOf(graph.DateSources),
}

func stringsOf[S ~string](xs []S) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// schemaSet builds JSON Schemas (OpenAPI 3.1) of Go types as encoding/json
// writes them: each named struct type becomes a component, referred to by
// $ref.
type schemaSet struct {
	components map[string]map[string]any
}

// componentName is the component name of the named struct type t.
func componentName(t reflect.Type) string {
	if n, ok := schemaNames[t]; ok {
		return n
	}
	r := []rune(t.Name())
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// ref returns the schema of t: a $ref to its component for a named struct
// (built the first time), an inline schema for anything else.
func (set *schemaSet) ref(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[time.Time]():
		return map[string]any{"type": "string", "format": "date-time"}
	case t.Kind() == reflect.Struct && t.Name() != "":
		name := componentName(t)
		if _, done := set.components[name]; !done {
			set.components[name] = nil // against recursion
			set.components[name] = set.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return set.inline(t)
}

// inline is the schema of t written out.
func (set *schemaSet) inline(t reflect.Type) map[string]any {
	if vals, ok := enumValues[t]; ok {
		return map[string]any{"type": "string", "enum": vals}
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": set.ref(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": set.ref(t.Elem())}
	case reflect.Struct:
		return set.object(t)
	case reflect.Pointer:
		return set.ref(t)
	}
	return map[string]any{}
}

// object is the schema of the struct t: its JSON fields (embedded structs
// flattened, as encoding/json does), those without omitempty or omitzero
// required.
func (set *schemaSet) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	var fields func(t reflect.Type)
	fields = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			name, opts, _ := strings.Cut(tag, ",")
			if name == "-" {
				continue
			}
			if f.Anonymous && name == "" {
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() == reflect.Struct {
					fields(ft)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if f.Type.Kind() == reflect.Pointer {
				// encoding/json writes a nil pointer as null.
				props[name] = map[string]any{"anyOf": []any{set.ref(f.Type), map[string]any{"type": "null"}}}
			} else {
				props[name] = set.ref(f.Type)
			}
			if !strings.Contains(","+opts+",", ",omitempty,") && !strings.Contains(","+opts+",", ",omitzero,") {
				required = append(required, name)
			}
		}
	}
	fields(t)
	out := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}
