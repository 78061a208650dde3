package web

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
)

// param is one query or path parameter of an endpoint, described once: its
// name and place, its schema for the OpenAPI description (type, bounds from
// graph's constants, enumeration, default), and how a value fills the
// endpoint's parameter struct. The decoder (decode), the OpenAPI description
// (openAPIParams) and the error messages all read it.
type param struct {
	Name        string `json:"name"`
	In          string `json:"in"`
	Description string `json:"description"`
	Required    bool   `json:"required,omitempty"`
	// Style and Explode describe a comma-separated list ("form", false).
	Style   string `json:"style,omitempty"`
	Explode *bool  `json:"explode,omitempty"`
	Schema  schema `json:"schema"`
	// fields are the graph.Error fields of the query fields this parameter
	// fills, when they differ from Name ("max_nodes" for a neighbourhood's
	// limit): a graph validation error naming one is reported as an error
	// of this parameter.
	fields []string
	// set parses a non-blank value into the parameter struct. Its error
	// is the message; decode names the parameter.
	set func(string) error
}

// schema is the JSON Schema of a parameter, as OpenAPI 3.0 writes it.
type schema struct {
	Type      string   `json:"type"`
	Format    string   `json:"format,omitempty"`
	Enum      []string `json:"enum,omitempty"`
	Items     *schema  `json:"items,omitempty"`
	Minimum   *float64 `json:"minimum,omitempty"`
	Maximum   *float64 `json:"maximum,omitempty"`
	MaxLength int      `json:"maxLength,omitempty"`
	Pattern   string   `json:"pattern,omitempty"`
	MaxItems  int      `json:"maxItems,omitempty"`
	Default   any      `json:"default,omitempty"`
}

// paramError is a 400 about one parameter of a request: "parameter NAME:
// message". It wraps the *graph.Error it reports, so it is ErrInvalid.
type paramError struct {
	name string
	err  *graph.Error
}

func (e *paramError) Error() string { return "parameter " + e.name + ": " + e.err.Message }

// Unwrap returns the *graph.Error.
func (e *paramError) Unwrap() error { return e.err }

// badParam returns the error of a bad parameter: a 400 naming it.
func badParam(name, format string, args ...any) error {
	return &paramError{name: name, err: graph.Invalidf(name, format, args...)}
}

// decode fills an endpoint's parameter struct from the request: it rejects
// a query parameter not among params and one given twice, a missing
// required one, and a value that does not parse, each with a 400 naming the
// parameter. Absent parameters keep the struct's defaults.
func decode(c echo.Context, params []param) error {
	query := c.QueryParams()
	for name, values := range query {
		if findParam(params, "query", name) == nil {
			return unknownParam(name, params)
		}
		if len(values) > 1 {
			return badParam(name, "given %d times (give it once; lists are comma-separated)", len(values))
		}
	}
	for _, p := range params {
		var v string
		switch p.In {
		case "path":
			raw := c.Param(p.Name)
			var err error
			if v, err = url.PathUnescape(raw); err != nil {
				return badParam(p.Name, "not a valid escaped id: %q", raw)
			}
		default:
			v = query.Get(p.Name)
		}
		if strings.TrimSpace(v) == "" {
			if p.Required {
				return badParam(p.Name, "required")
			}
			continue
		}
		if err := p.set(v); err != nil {
			var ge *graph.Error
			if errors.As(err, &ge) {
				return &paramError{name: p.Name, err: ge}
			}
			return badParam(p.Name, "%v", err)
		}
	}
	return nil
}

func unknownParam(name string, params []param) error {
	var names []string
	for _, p := range params {
		if p.In == "query" {
			names = append(names, p.Name)
		}
	}
	if len(names) == 0 {
		return badParam(name, "unknown parameter (this endpoint takes none)")
	}
	return badParam(name, "unknown parameter (want one of %s)", strings.Join(names, ", "))
}

func findParam(params []param, in, name string) *param {
	for i := range params {
		if params[i].In == in && params[i].Name == name {
			return &params[i]
		}
	}
	return nil
}

// asParamError reports a graph validation error about a query field as an
// error of the parameter that filled it, so that the client reads the
// parameter's name; any other error is returned as it is.
func asParamError(err error, params []param) error {
	ge := graph.AsError(err)
	if ge == nil || ge.Kind != graph.ErrInvalid || ge.Field == "" {
		return err
	}
	for _, p := range params {
		if p.Name == ge.Field && len(p.fields) == 0 {
			return &paramError{name: p.Name, err: ge}
		}
		for _, f := range p.fields {
			if f == ge.Field {
				return &paramError{name: p.Name, err: ge}
			}
		}
	}
	return err
}

func bound(f float64) *float64 { return &f }

// intParam describes an integer parameter in lo..hi (graph's constants)
// with default def, and sets *p to def. decode holds a value to the range
// it documents: graph's queries take 0 for "the default", so an explicit 0
// must be refused here; their Normalize checks the same constants again
// for every other caller. fields name the query field when it differs.
func intParam(p *int, name string, def, lo, hi int, desc string, fields ...string) param {
	*p = def
	return param{Name: name, In: "query", Description: desc, fields: fields,
		Schema: schema{Type: "integer", Minimum: bound(float64(lo)), Maximum: bound(float64(hi)), Default: def},
		set: func(v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < lo || n > hi {
				return fmt.Errorf("want an integer in %d..%d, got %q", lo, hi, v)
			}
			*p = n
			return nil
		}}
}

// idParam describes an actor id in the query (in "query") or the path (in
// "path"): graph.CheckActorID is its check and its schema the same shape
// (graph.ActorIDPattern, graph.MaxActorIDBytes).
func idParam(p *string, in, name string, required bool, desc string, fields ...string) param {
	return param{Name: name, In: in, Description: desc, Required: required, fields: fields,
		Schema: actorIDSchema(),
		set: func(v string) error {
			if err := graph.CheckActorID(v); err != nil {
				return err
			}
			*p = v
			return nil
		}}
}

// actorIDSchema is the schema of one actor id.
func actorIDSchema() schema {
	return schema{Type: "string", Pattern: graph.ActorIDPattern, MaxLength: graph.MaxActorIDBytes}
}

// articleIDParam describes an article id in the path: graph.CheckArticleID
// is its check.
func articleIDParam(p *string, desc string) param {
	return param{Name: "id", In: "path", Description: desc, Required: true,
		Schema: schema{Type: "string", MaxLength: graph.MaxArticleIDBytes},
		set: func(v string) error {
			if err := graph.CheckArticleID(v); err != nil {
				return err
			}
			*p = v
			return nil
		}}
}

// textParam describes free text of at most maxBytes bytes (checked by the
// graph query).
func textParam(p *string, name string, maxBytes int, required bool, desc string, fields ...string) param {
	return param{Name: name, In: "query", Description: desc, Required: required, fields: fields,
		Schema: schema{Type: "string", MaxLength: maxBytes},
		set:    func(v string) error { *p = v; return nil }}
}

// explodeNo is OpenAPI's explode: false, a list in one comma-separated value.
var explodeNo = false

// listParam describes a comma-separated list of values of an enumeration,
// each parsed by parse (any case), repeated values dropped.
func listParam[T ~string](p *[]T, name string, values []T, parse func(string) (T, error), desc string, fields ...string) param {
	enum := make([]string, len(values))
	for i, v := range values {
		enum[i] = string(v)
	}
	return param{Name: name, In: "query", Description: desc, Style: "form", Explode: &explodeNo, fields: fields,
		Schema: schema{Type: "array", Items: &schema{Type: "string", Enum: enum}},
		set: func(v string) error {
			items, err := splitList(v, parse)
			*p = items
			return err
		}}
}

// idsParam describes a comma-separated list of actor ids, at most maxItems
// distinct ones (checked by the graph query).
func idsParam(p *[]string, name string, maxItems int, required bool, desc string) param {
	return param{Name: name, In: "query", Description: desc, Required: required, Style: "form", Explode: &explodeNo,
		Schema: func() schema { item := actorIDSchema(); return schema{Type: "array", Items: &item, MaxItems: maxItems} }(),
		set: func(v string) error {
			ids, err := splitList(v, func(id string) (string, error) {
				id = strings.TrimSpace(id)
				return id, graph.CheckActorID(id)
			})
			*p = ids
			return err
		}}
}

// splitList splits a comma-separated list, skips blank items, parses each
// and drops repeated ones (a set keeps it linear in the list's length).
func splitList[T comparable](v string, parse func(string) (T, error)) ([]T, error) {
	var out []T
	seen := map[T]bool{}
	for item := range strings.SplitSeq(v, ",") {
		if strings.TrimSpace(item) == "" {
			continue
		}
		t, err := parse(item)
		if err != nil {
			return nil, err
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out, nil
}

// confidenceParam describes a number in 0..1 (default 0, checked by
// graph.Filter.Validate).
func confidenceParam(p *float64, name, desc string) param {
	return param{Name: name, In: "query", Description: desc,
		Schema: schema{Type: "number", Minimum: bound(0), Maximum: bound(1), Default: 0},
		set: func(v string) error {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || math.IsNaN(f) {
				return fmt.Errorf("want a number in 0..1, got %q", v)
			}
			*p = f
			return nil
		}}
}

// dateParam describes a day, YYYY-MM-DD.
func dateParam(p *time.Time, name, desc string) param {
	return param{Name: name, In: "query", Description: desc,
		Schema: schema{Type: "string", Format: "date"},
		set: func(v string) error {
			t, err := time.Parse(time.DateOnly, strings.TrimSpace(v))
			if err != nil {
				return fmt.Errorf("want a day YYYY-MM-DD, got %q", v)
			}
			*p = t
			return nil
		}}
}

// filterKinds says what the kinds parameter of a filter does at an
// endpoint.
type filterKinds string

// Descriptions of the kinds parameter.
const (
	kindsKept    filterKinds = "Actor kinds, comma-separated: person, state, organisation. The query's own actors are always kept."
	kindsChecked filterKinds = "Actor kinds, comma-separated: person, state, organisation. Checked, but the requested actors are always kept, as in every query's own actors; accepted so a client can send the same filters to every endpoint."
	kindsExport  filterKinds = "Actor kinds, comma-separated: person, state, organisation. The query's own actors are always kept; ignored with ids."
	kindsRanked  filterKinds = "Actor kinds, comma-separated: person, state, organisation. Restricts the actors ranked in top."
	kindsNone    filterKinds = ""
)

// filterParams describes the shared filter parameters types, kinds (unless
// kinds is kindsNone), certainties, min_confidence, since and until, filling
// f; graph.Filter.Validate checks them together (an until before since is a
// 400 naming until).
func filterParams(f *graph.Filter, kinds filterKinds) []param {
	ps := []param{listParam(&f.Types, "types", graph.RelationTypes, graph.ParseRelationType,
		"Relation types, comma-separated, any case: met, supported, opposed. Empty means all.")}
	if kinds != kindsNone {
		ps = append(ps, listParam(&f.Kinds, "kinds", graph.Kinds, graph.ParseKind, string(kinds)))
	}
	return append(ps,
		listParam(&f.Certainties, "certainties", graph.Certainties, graph.ParseCertainty,
			"Certainties, comma-separated: asserted, reported, alleged."),
		confidenceParam(&f.MinConfidence, "min_confidence", "Keep claims with confidence >= this number in 0..1."),
		dateParam(&f.Since, "since", "Keep the claims of articles published on this day or later (YYYY-MM-DD). With since or until set, claims of undated articles are left out; until before since is a 400."),
		dateParam(&f.Until, "until", "Keep the claims of articles published on this day or earlier (YYYY-MM-DD)."),
	)
}
