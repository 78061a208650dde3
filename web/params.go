package web

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
)

// badParam returns the error of a bad query parameter: a 400 naming it.
func badParam(name, format string, args ...any) error {
	return fmt.Errorf("%w: parameter %s: %s", graph.ErrInvalid, name, fmt.Sprintf(format, args...))
}

// checkParams rejects a query parameter the route does not accept, and a
// parameter given twice.
func checkParams(c echo.Context, allowed []string) error {
	for name, values := range c.QueryParams() {
		if !slices.Contains(allowed, name) {
			if len(allowed) == 0 {
				return badParam(name, "unknown parameter (this endpoint takes none)")
			}
			return badParam(name, "unknown parameter (want one of %s)", strings.Join(allowed, ", "))
		}
		if len(values) > 1 {
			return badParam(name, "given %d times (give it once; lists are comma-separated)", len(values))
		}
	}
	return nil
}

// intParam parses an integer parameter in lo..hi; absent gives def.
func intParam(c echo.Context, name string, def, lo, hi int) (int, error) {
	v := c.QueryParam(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, "want an integer in %d..%d, got %q", lo, hi, v)
	}
	return n, nil
}

// confidenceParam parses a number in [0,1]; absent gives 0.
func confidenceParam(c echo.Context, name string) (float64, error) {
	v := c.QueryParam(name)
	if v == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > 1 {
		return 0, badParam(name, "want a number in 0..1, got %q", v)
	}
	return f, nil
}

// listParam parses a comma-separated list with parse, dropping duplicates;
// absent or empty gives nil.
func listParam[T comparable](c echo.Context, name string, parse func(string) (T, error)) ([]T, error) {
	v := c.QueryParam(name)
	if strings.TrimSpace(v) == "" {
		return nil, nil
	}
	var out []T
	for item := range strings.SplitSeq(v, ",") {
		if strings.TrimSpace(item) == "" {
			continue
		}
		t, err := parse(item)
		if err != nil {
			return nil, badParam(name, "%s", strings.TrimPrefix(err.Error(), graph.ErrInvalid.Error()+": "))
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

// pathID returns the path parameter name, unescaped (echo leaves path
// parameters escaped), checked as idParam does.
func pathID(c echo.Context, name string) (string, error) {
	v, err := url.PathUnescape(c.Param(name))
	if err != nil {
		return "", badParam(name, "not a valid escaped id: %q", c.Param(name))
	}
	return idParam(name, v)
}

// idParam returns a path or query id, which must look like an actor or
// article id.
func idParam(name, v string) (string, error) {
	if v == "" {
		return "", badParam(name, "required")
	}
	if len(v) > 256 || strings.ContainsAny(v, "\x00/\\") || !utf8.ValidString(v) || strings.IndexFunc(v, unicode.IsControl) >= 0 {
		return "", badParam(name, "not a valid id: %q", v)
	}
	return v, nil
}

// filterParams parses the shared filter parameters types, kinds,
// certainties, min_confidence, since and until (each only if the route
// accepts it) and validates the filter (graph.Filter.Validate: a range
// whose until is before its since is a 400).
func filterParams(c echo.Context) (graph.Filter, error) {
	var f graph.Filter
	var err error
	if f.Types, err = listParam(c, "types", graph.ParseRelationType); err != nil {
		return f, err
	}
	if f.Kinds, err = listParam(c, "kinds", graph.ParseKind); err != nil {
		return f, err
	}
	if f.Certainties, err = listParam(c, "certainties", graph.ParseCertainty); err != nil {
		return f, err
	}
	if f.MinConfidence, err = confidenceParam(c, "min_confidence"); err != nil {
		return f, err
	}
	if f.Since, err = dateParam(c, "since"); err != nil {
		return f, err
	}
	if f.Until, err = dateParam(c, "until"); err != nil {
		return f, err
	}
	return f, f.Validate()
}

// dateParam parses a day, YYYY-MM-DD; absent gives the zero time.
func dateParam(c echo.Context, name string) (time.Time, error) {
	v := strings.TrimSpace(c.QueryParam(name))
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, badParam(name, "want a day YYYY-MM-DD, got %q", c.QueryParam(name))
	}
	return t, nil
}
