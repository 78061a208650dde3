package web

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/rawabit/rawabit/graph"
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

func (s *Server) handleHealth(c echo.Context) (healthBody, error) {
	return healthBody{Status: "ok"}, nil
}

func (s *Server) handleStats(c echo.Context) (graph.Counts, error) {
	counts, err := s.store.Counts(c.Request().Context())
	if err != nil {
		return graph.Counts{}, err
	}
	return counts, nil
}

func (s *Server) handleOpenAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, s.openAPISpec)
}
