// Package web serves Rawabit's read-only JSON API and the browser viewer
// (plain HTML, CSS and JavaScript modules embedded in the binary) on top of
// any graph.Reader.
//
// Every handler returns an error; one table (see statusOf) maps domain
// errors to HTTP statuses, and every error reaches the client as JSON
// {"error": "..."}.
package web

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
)

// Options configures a Server. The zero value gives the documented defaults.
type Options struct {
	// Logger receives one record per failed request with a 5xx status.
	// Default: slog.Default().
	Logger *slog.Logger
	// RequestTimeout bounds the time a request may spend in the store; a
	// request that runs out of time gets 504. Default: 10s.
	RequestTimeout time.Duration
	// MaxBodyBytes bounds a request body; a larger one gets 413. The API is
	// read-only, so bodies are never read. Default: 1 MiB.
	MaxBodyBytes int64
	// MaxNodes caps the limit parameter of a neighbourhood request; it is
	// also the default limit. Default: graph.DefaultMaxNodes; values above
	// graph.MaxMaxNodes are lowered to it.
	MaxNodes int
	// MaxHeavy bounds the heavy requests served at once: exports, paths and
	// subgraphs of more than LightSubgraphIDs actors. One more gets 503 with
	// a Retry-After header at once, rather than holding memory and a core
	// while it waits. Default: DefaultMaxHeavy.
	MaxHeavy int
	// Hosts are the host names (or addresses) the Host header of a request
	// may name, without port; any other gets 421, except /healthz. Default:
	// LoopbackHosts. A server reached by another name must list it.
	Hosts []string
	// Known are the actors the server knows besides the store's (the
	// gazetteer's): one that no loaded article mentions is still found by
	// search and shown as "known actor, in no loaded article" (see
	// knownReader). Nil: the store's actors only.
	Known []graph.Actor
	// Review, when set with a store and at least one token, turns review
	// mode on (review.go); otherwise the API stays read-only.
	Review *ReviewOptions
}

// Defaults of Options.
const (
	DefaultRequestTimeout = 10 * time.Second
	DefaultMaxBodyBytes   = 1 << 20
	DefaultMaxHeavy       = 4
)

// RetryAfterSeconds is the Retry-After of a 503 for too many heavy requests.
const RetryAfterSeconds = 2

func (o Options) withDefaults() Options {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = graph.DefaultMaxNodes
	}
	if o.MaxHeavy <= 0 {
		o.MaxHeavy = DefaultMaxHeavy
	}
	if o.Hosts = normalHosts(o.Hosts); len(o.Hosts) == 0 {
		o.Hosts = LoopbackHosts
	}
	o.MaxNodes = min(o.MaxNodes, graph.MaxMaxNodes)
	return o
}

// Server is the HTTP server of the API and the viewer. It is safe for
// concurrent use; build it with NewServer.
type Server struct {
	store  graph.Reader
	opts   Options
	echo   *echo.Echo
	routes []route
	// heavy holds one token per heavy request in flight (see Options.MaxHeavy).
	heavy chan struct{}
	// openAPISpec is the server's OpenAPI description (see openAPI).
	openAPISpec []byte
}

// NewServer returns a server reading from r. It never fails: Options are
// completed with their defaults.
func NewServer(r graph.Reader, opts Options) *Server {
	if len(opts.Known) > 0 {
		r = newKnownReader(r, opts.Known)
	}
	s := &Server{store: r, opts: opts.withDefaults()}
	s.heavy = make(chan struct{}, s.opts.MaxHeavy)
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	e.Pre(s.securityHeaders, s.checkHost, s.readOnly, s.limitBody)
	e.Use(s.timeout, compress())
	s.echo = e

	s.registerAPI()
	s.registerMeta()
	s.registerOverview()
	s.registerReview()
	// export route registered in export.go
	s.registerExport(e.Group("/api"))
	e.RouteNotFound("/api/*", func(c echo.Context) error {
		return echo.NewHTTPError(http.StatusNotFound, "no such endpoint: "+c.Request().URL.Path)
	})

	spec, err := s.openAPI(openAPIBase)
	if err != nil {
		panic(err) // the embedded base is checked by TestOpenAPI
	}
	s.openAPISpec = spec

	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		panic(err) // the embedded tree always has static/
	}
	files := http.FileServerFS(static)
	e.Match([]string{http.MethodGet, http.MethodHead}, "/*", func(c echo.Context) error {
		if p := c.Request().URL.Path; isAPIPath(p) {
			// The router falls back to this route for some paths under
			// /api (e.g. /api/export/x): they get the API's JSON 404 too.
			return echo.NewHTTPError(http.StatusNotFound, "no such endpoint: "+p)
		}
		if p := c.Request().URL.Path; p != "/" && strings.HasSuffix(p, "/") {
			return echo.NewHTTPError(http.StatusNotFound, "not found") // no directory listings
		}
		name, ok := staticName(c.Request().URL.Path)
		if !ok {
			return echo.NewHTTPError(http.StatusBadRequest, "invalid path")
		}
		setStaticCache(c.Response().Header(), name)
		limitRanges(c.Request())
		if strings.HasSuffix(c.Request().URL.Path, ".mjs") || strings.HasSuffix(c.Request().URL.Path, ".js") {
			c.Response().Header().Set(echo.HeaderContentType, "text/javascript; charset=utf-8")
		}
		files.ServeHTTP(c.Response(), c.Request())
		return nil
	})
	return s
}

// isAPIPath reports whether path names the API (/api or below it), whose
// answers, errors included, are JSON.
func isAPIPath(path string) bool {
	return path == "/api" || strings.HasPrefix(path, "/api/")
}

// Handler returns the HTTP handler serving the API under /api, /healthz and
// the viewer under /.
func (s *Server) Handler() http.Handler { return s.echo }

const headerCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", headerCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		return next(c)
	}
}

func (s *Server) readOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		switch c.Request().Method {
		case http.MethodGet, http.MethodHead:
			return next(c)
		case http.MethodPost:
			if c.Request().URL.Path == reviewDecisionsPath && s.reviewEnabled() {
				return next(c) // review mode: authenticated in review.go
			}
		}
		c.Response().Header().Set(echo.HeaderAllow, "GET, HEAD")
		return echo.NewHTTPError(http.StatusMethodNotAllowed, "method "+c.Request().Method+" not allowed: the API is read-only")
	}
}

func (s *Server) limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.ContentLength > s.opts.MaxBodyBytes {
			return echo.NewHTTPError(http.StatusRequestEntityTooLarge, "request body too large")
		}
		if req.Body != nil {
			req.Body = http.MaxBytesReader(c.Response(), req.Body, s.opts.MaxBodyBytes)
		}
		return next(c)
	}
}

func (s *Server) timeout(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), s.opts.RequestTimeout)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}

// errBusy is the error of a heavy request beyond Options.MaxHeavy: 503.
var errBusy = errors.New("too many heavy requests (exports, paths, large subgraphs) at once; retry in a few seconds")

// heavySlot takes one of the Options.MaxHeavy slots of heavy requests for c,
// or fails at once with errBusy (and a Retry-After header) when all are
// taken. The caller calls release when the response is written.
func (s *Server) heavySlot(c echo.Context) (release func(), err error) {
	select {
	case s.heavy <- struct{}{}:
		return func() { <-s.heavy }, nil
	default:
		c.Response().Header().Set("Retry-After", strconv.Itoa(RetryAfterSeconds))
		return nil, errBusy
	}
}

// errorBody is the JSON of every error response.
type errorBody struct {
	Error string `json:"error"`
}

// statusOf is the one table from errors to HTTP statuses: the kinds of
// graph.Error first, then the server's own. Errors not in it are 500s.
func statusOf(err error) int {
	var he *echo.HTTPError
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.Code
	case errors.Is(err, errBusy):
		return http.StatusServiceUnavailable
	case errors.As(err, &mb):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, graph.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, graph.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, graph.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, graph.ErrNotSupported):
		return http.StatusNotImplemented
	case errors.Is(err, graph.ErrUnavailable):
		return http.StatusServiceUnavailable
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	case errors.Is(err, context.Canceled):
		return 499 // client closed the request; nobody reads the answer
	}
	return http.StatusInternalServerError
}

// clientMessage is what the client sees for err: for a 4xx the user message
// of the error's *graph.Error (it names the parameter or id; a parameter's
// error reads "parameter NAME: ..."), a short fixed text for a 5xx and for
// an error that carries no message for users.
func clientMessage(err error, status int) string {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		if msg, ok := he.Message.(string); ok && status < 500 {
			return msg
		}
		return strings.ToLower(http.StatusText(status))
	}
	if errors.Is(err, errBusy) {
		return errBusy.Error()
	}
	switch status {
	case http.StatusServiceUnavailable:
		return "the graph store is unavailable"
	case http.StatusGatewayTimeout:
		return "the request took too long; narrow it (lower depth or limit, add filters)"
	case http.StatusInternalServerError:
		return "internal error"
	case http.StatusRequestEntityTooLarge:
		return "request body too large"
	case http.StatusNotImplemented:
		return "review: " + graph.ErrNotSupported.Error()
	}
	var pe *paramError
	if errors.As(err, &pe) {
		return pe.Error()
	}
	if msg, ok := graph.UserMessage(err); ok {
		return msg
	}
	return strings.ToLower(http.StatusText(status))
}

func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status := statusOf(err)
	if status >= 500 {
		s.opts.Logger.ErrorContext(c.Request().Context(), "request failed",
			"method", c.Request().Method, "path", c.Request().URL.Path,
			"query", c.Request().URL.RawQuery, "status", status, "err", err)
	}
	if status == 499 {
		c.Response().WriteHeader(status)
		return
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	_ = c.JSON(status, errorBody{Error: clientMessage(err, status)})
}
