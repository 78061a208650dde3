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
// and the 200 answer of each JSON endpoint generated from its Go response
// type with the components it refers to (schemaSet), into base, whose other
// parts (info, the descriptions of components and their properties, the
// error responses, the review endpoints' answers and request body, and
// security) are written by hand. openapi.json
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
	set := &schemaSet{components: map[string]map[string]any{}}
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
		if r.response != nil {
			responses, _ := op["responses"].(map[string]any)
			if responses == nil {
				responses = map[string]any{}
				op["responses"] = responses
			}
			ok, _ := responses["200"].(map[string]any)
			desc, _ := ok["description"].(string)
			if desc == "" {
				desc = "OK"
			}
			responses["200"] = map[string]any{"description": desc,
				"content": map[string]any{"application/json": map[string]any{"schema": set.ref(r.response)}}}
		}
		if ps := r.params(); len(ps) > 0 {
			op["parameters"] = ps
		} else {
			delete(op, "parameters")
		}
		paths[p] = map[string]any{method: op}
	}
	doc["paths"] = paths
	mergeComponents(doc, set.components)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("web: openapi: %w", err)
	}
	return buf.Bytes(), nil
}

// mergeComponents puts the generated schemas into doc's
// components.schemas, keeping the hand-written description of a component
// and of each of its properties.
func mergeComponents(doc map[string]any, generated map[string]map[string]any) {
	components, _ := doc["components"].(map[string]any)
	if components == nil {
		components = map[string]any{}
		doc["components"] = components
	}
	schemas, _ := components["schemas"].(map[string]any)
	if schemas == nil {
		schemas = map[string]any{}
		components["schemas"] = schemas
	}
	for name, gen := range generated {
		if old, ok := schemas[name].(map[string]any); ok {
			if d, ok := old["description"]; ok {
				gen["description"] = d
			}
			descs := propertyDescriptions(old)
			newProps, _ := gen["properties"].(map[string]any)
			for pname, p := range newProps {
				if d, ok := descs[pname]; ok {
					p.(map[string]any)["description"] = d
				}
			}
		}
		schemas[name] = gen
	}
}

// propertyDescriptions collects the descriptions of the properties of a
// hand-written schema, in its properties and in those of its allOf parts.
func propertyDescriptions(schema map[string]any) map[string]any {
	out := map[string]any{}
	parts := []any{schema}
	if all, ok := schema["allOf"].([]any); ok {
		parts = append(parts, all...)
	}
	for _, part := range parts {
		m, _ := part.(map[string]any)
		props, _ := m["properties"].(map[string]any)
		for name, p := range props {
			if d, ok := p.(map[string]any)["description"]; ok {
				out[name] = d
			}
		}
	}
	return out
}
