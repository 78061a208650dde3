package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// TestStateOwnsTheURL checks that the viewer reads and writes the URL's
// fragment and the browser history only in state.js: every other module
// changes the view through setState.
func TestStateOwnsTheURL(t *testing.T) {
	urlAccess := regexp.MustCompile(`location\.hash|history\.(pushState|replaceState|back|forward)|'(popstate|hashchange)'`)
	found := 0
	err := fs.WalkDir(staticFiles, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(path, "static/vendor/") || !strings.HasSuffix(path, ".js") {
			return err
		}
		data, err := fs.ReadFile(staticFiles, path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if !urlAccess.MatchString(line) {
				continue
			}
			if path == "static/state.js" {
				found++
				continue
			}
			t.Errorf("%s:%d: the URL or the history is touched outside state.js: %s", path, i+1, strings.TrimSpace(line))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found == 0 {
		t.Errorf("state.js does not read the URL: the pattern no longer finds what it looks for")
	}
}
