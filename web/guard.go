package web

import (
	"io/fs"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
)

// LoopbackHosts are the host names a server accepts by default (see
// Options.Hosts): the names of this machine's loopback interface.
var LoopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

// hostAllowed reports whether the Host header host (with or without a
// port) names one of the allowed hosts, compared case-insensitively.
func hostAllowed(host string, allowed []string) bool {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	h = strings.ToLower(strings.TrimSuffix(strings.Trim(h, "[]"), "."))
	return h != "" && slices.Contains(allowed, h)
}

// normalHosts lowers host names and strips the brackets of IPv6 literals.
func normalHosts(hosts []string) []string {
	out := make([]string, 0, len(hosts))
	for _, h := range hosts {
		if h = strings.ToLower(strings.TrimSuffix(strings.Trim(strings.TrimSpace(h), "[]"), ".")); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// checkHost answers 421 to a request whose Host header names none of the
// allowed hosts, so that a page of another site whose name resolves to this
// machine (DNS rebinding) cannot read the API. /healthz is answered
// whatever the host, for probes that use an address.
func (s *Server) checkHost(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.URL.Path == "/healthz" || hostAllowed(req.Host, s.opts.Hosts) {
			return next(c)
		}
		return echo.NewHTTPError(http.StatusMisdirectedRequest,
			"host "+strconv.Quote(req.Host)+" is not served here (allowed: "+strings.Join(s.opts.Hosts, ", ")+"; see server.hosts)")
	}
}

// maxRanges is the most byte ranges a static file request may ask for; a
// Range header with more is ignored (the whole file is sent), so that one
// request cannot make the server cut a file into thousands of parts.
const maxRanges = 1

// limitRanges drops a Range header asking for more than maxRanges ranges.
func limitRanges(req *http.Request) {
	if r := req.Header.Get("Range"); r != "" && strings.Count(r, ",")+1 > maxRanges {
		req.Header.Del("Range")
	}
}

// staticName returns the name in the embedded file system of a request
// path, or ok false when the path is not a valid name (invalid UTF-8, "..",
// empty elements, NUL): those get 400 rather than the file server's 500.
func staticName(path string) (name string, ok bool) {
	if path == "/" {
		return ".", true
	}
	name = strings.TrimPrefix(path, "/")
	return name, fs.ValidPath(name) && !strings.ContainsAny(name, "\x00\\")
}

// safeURL returns u when graph.WebURL accepts it, else "": a javascript:,
// data: or other link is never handed to the viewer, even from a store
// filled by other means than the loader.
func safeURL(u string) string {
	if !graph.WebURL(u) {
		return ""
	}
	return u
}
