package web

import "embed"

// staticFiles is the viewer: plain HTML, CSS and JavaScript modules served
// at / with no build step. static/vendor holds third-party code vendored
// from npm with its licence.
//
//go:embed static
var staticFiles embed.FS
