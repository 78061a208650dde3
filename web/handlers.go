package web

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openAPIBase is the OpenAPI description generated for the default options;
// its hand-written parts are the base of every server's (see openAPI).
//
//go:embed openapi.json
var openAPIBase []byte

// healthBody is the answer of GET /healthz.
type healthBody struct {
	Status string `json:"status"`
}

func (s *Server) handleHealth(c echo.Context) error {
	return c.JSON(http.StatusOK, healthBody{Status: "ok"})
}

func (s *Server) handleStats(c echo.Context) error {
	counts, err := s.store.Counts(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, counts)
}

func (s *Server) handleOpenAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, s.openAPISpec)
}
