package web

import (
	"bufio"
	"mime"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/rawabit/rawabit/graph/export"
)

// registerExport registers GET /api/export.
func (s *Server) registerExport(*echo.Group) {
	handle(s, "/api/export", "exportSubgraph", "A subgraph as a file for Gephi, Cytoscape, Neo4j or a spreadsheet, every edge with its provenance (claims, quotes, articles, certainty, confidence).", s.handleExport)
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
func (s *Server) handleExport(c echo.Context, p *exportParams) error {
	ctx := c.Request().Context()
	format := p.Format
	sel, err := p.selection(s)
	if err != nil {
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
