package web

import (
	"bufio"
	"mime"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/export"
)

// registerExport registers GET /api/export.
func (s *Server) registerExport(*echo.Group) {
	s.get("/api/export", s.handleExport,
		"format", "center", "depth", "max_neighbours", "ids", "from", "to", "max", "limit",
		"types", "kinds", "certainties", "min_confidence", "since", "until")
}

// exportBufferBytes is the buffer between an export writer and the
// connection: an export is written to the client as it is produced, never
// held whole in memory, so a slow reader holds this much and the subgraph.
const exportBufferBytes = 64 << 10

// handleExport streams a subgraph as a file in one of the export formats:
// the neighbourhood of center, the actors of ids, or the shortest paths from
// from to to. Everything is read from the store before the first byte is
// sent, so store errors get their usual status; an error while streaming
// (the client went away, the request ran out of time) ends the response
// early and is logged. It is a heavy request (Options.MaxHeavy).
func (s *Server) handleExport(c echo.Context) error {
	ctx := c.Request().Context()
	name := c.QueryParam("format")
	if strings.TrimSpace(name) == "" {
		return badParam("format", "required: one of %s", formatNames())
	}
	format, err := export.ParseFormat(name)
	if err != nil {
		return badParam("format", "unknown format %q (want one of %s)", name, formatNames())
	}
	sel := export.Selection{Center: c.QueryParam("center"), From: c.QueryParam("from"), To: c.QueryParam("to")}
	for _, p := range []struct{ name, value string }{{"center", sel.Center}, {"from", sel.From}, {"to", sel.To}} {
		if p.value != "" {
			if _, err := idParam(p.name, p.value); err != nil {
				return err
			}
		}
	}
	if sel.IDs, err = listParam(c, "ids", func(id string) (string, error) { return idParam("ids", strings.TrimSpace(id)) }); err != nil {
		return err
	}
	if err := sel.Validate(); err != nil {
		return err
	}
	if sel.Depth, err = intParam(c, "depth", 1, 1, graph.MaxDepth); err != nil {
		return err
	}
	if sel.MaxNeighbours, err = intParam(c, "max_neighbours", graph.DefaultMaxNeighbours, 1, graph.MaxMaxNeighbours); err != nil {
		return err
	}
	if sel.MaxLength, err = intParam(c, "max", export.DefaultPathLength, 1, graph.MaxPathLength); err != nil {
		return err
	}
	if sel.From != "" {
		if sel.From == sel.To {
			return badParam("to", "is the same actor as from (%q)", sel.From)
		}
		if sel.Limit, err = intParam(c, "limit", graph.DefaultLimit, 1, graph.MaxLimit); err != nil {
			return err
		}
	} else if sel.MaxNodes, err = intParam(c, "limit", s.opts.MaxNodes, 1, s.opts.MaxNodes); err != nil {
		return err
	}
	if sel.Filter, err = filterParams(c); err != nil {
		return err
	}
	release, err := s.heavySlot(c)
	if err != nil {
		return err
	}
	defer release()
	in, err := export.Select(ctx, s.store, sel)
	if err != nil {
		return err
	}

	h := c.Response().Header()
	h.Set(echo.HeaderContentType, format.ContentType())
	h.Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": format.FileName(sel.BaseName())}))
	if c.Request().Method == http.MethodHead {
		return c.NoContent(http.StatusOK)
	}
	out := bufio.NewWriterSize(c.Response(), exportBufferBytes)
	err = export.Write(ctx, out, format, in)
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		if !c.Response().Committed {
			h.Del(echo.HeaderContentDisposition)
			return err
		}
		s.opts.Logger.WarnContext(ctx, "export interrupted", "format", format, "query", c.Request().URL.RawQuery, "err", err)
	}
	return nil
}

// formatNames lists the export formats for error messages.
func formatNames() string {
	names := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}
