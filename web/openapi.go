package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
)

// echoParam matches a path parameter in echo's syntax (":id").
var echoParam = regexp.MustCompile(`:(\w+)`)

// openAPIPath turns an echo route path into an OpenAPI one ("{id}").
func openAPIPath(path string) string { return echoParam.ReplaceAllString(path, "{$1}") }

// openAPI returns the server's OpenAPI description: the route table made
// into paths, each operation's operationId, summary and parameters
// generated from the route and its parameter struct (names, places,
// descriptions, types, bounds and enumerations from graph's constants),
// into base, whose other parts (info, components, each operation's
// responses, request body and security) are written by hand. openapi.json
// is this function's output for a server with default options
// (TestOpenAPI checks it; go test ./web -run TestOpenAPI -update rewrites
// it).
func (s *Server) openAPI(base []byte) ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(base, &doc); err != nil {
		return nil, fmt.Errorf("web: openapi base: %w", err)
	}
	old, _ := doc["paths"].(map[string]any)
	paths := map[string]any{}
	for _, r := range s.routes {
		p := openAPIPath(r.path)
		method := "get"
		if r.post {
			method = "post"
		}
		op := map[string]any{}
		if ops, ok := old[p].(map[string]any); ok {
			if o, ok := ops[method].(map[string]any); ok {
				op = o
			}
		}
		op["operationId"] = r.opID
		op["summary"] = r.summary
		if ps := r.params(); len(ps) > 0 {
			op["parameters"] = ps
		} else {
			delete(op, "parameters")
		}
		paths[p] = map[string]any{method: op}
	}
	doc["paths"] = paths
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("web: openapi: %w", err)
	}
	return buf.Bytes(), nil
}
