package web

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"io/fs"
	"net/http"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/rawabit/rawabit/graph/export"
)

// GzipMinBytes is the size from which a response is sent gzip-compressed
// to a client that accepts it (Accept-Encoding: gzip): JSON answers, exports
// and the viewer's files. Smaller ones are sent as they are, and every
// response says Vary: Accept-Encoding.
const GzipMinBytes = 2 << 10

// compress is the gzip middleware. It uses the fastest level (most of the
// gain for JSON at a fraction of the default level's CPU) and skips what
// gzip cannot shrink or must not touch: the zip exports, already
// compressed, and range requests, whose byte ranges are of the file as it
// is.
func compress() echo.MiddlewareFunc {
	return middleware.GzipWithConfig(middleware.GzipConfig{
		Level:     gzip.BestSpeed,
		MinLength: GzipMinBytes,
		Skipper: func(c echo.Context) bool {
			req := c.Request()
			if req.Header.Get("Range") != "" {
				return true
			}
			if req.URL.Path == "/api/export" {
				f, err := export.ParseFormat(c.QueryParam("format"))
				return err == nil && f.ContentType() == "application/zip"
			}
			return false
		},
	})
}

// staticCacheControl is the Cache-Control of the viewer's files. Their
// URLs carry no version, so a browser keeps them but asks again on each
// use (no-cache), with the ETag: an unchanged file costs a 304 and no
// body, and a new binary's files are never mixed with an old one's.
const staticCacheControl = "no-cache"

// staticETags maps each file of the embedded viewer (its name in
// static/, "index.html" for "/") to its ETag: a weak tag of the SHA-256
// of its content, computed once per process. The tag is weak because the
// same file is sent gzip-compressed or not (Vary: Accept-Encoding).
var staticETags = sync.OnceValue(func() map[string]string {
	tags := map[string]string{}
	err := fs.WalkDir(staticFiles, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(staticFiles, path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		tags[strings.TrimPrefix(path, "static/")] = `W/"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
		return nil
	})
	if err != nil {
		panic(err) // the embedded tree is readable
	}
	return tags
})

// setStaticCache sets the ETag and Cache-Control of the viewer's file
// name (as staticName returns it), when it is one; the file server then
// answers If-None-Match with 304.
func setStaticCache(h http.Header, name string) {
	if name == "." {
		name = "index.html"
	}
	if tag, ok := staticETags()[name]; ok {
		h.Set("ETag", tag)
		h.Set(echo.HeaderCacheControl, staticCacheControl)
	}
}
