package corpus

import (
	"fmt"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/internal/input"
)

// checkItem makes a read article safe to store and show, or turns it into
// an error: an id that graph.CheckArticleID refuses is an error naming the
// file and line; a url that is not http(s) is dropped, bidi controls are
// removed from the title and source, and a title or source longer than
// graph.MaxTitleBytes is cut, each with a warning in Item.Warnings.
func checkItem(it Item) Item {
	if it.Err != nil || it.record != nil { // a record is checked once decoded
		return it
	}
	a := &it.Article
	if err := graph.CheckArticleID(a.ID); err != nil {
		it.Err = input.Errorf(input.Line(it.Path, max(it.Line, 1)), "%v", err)
		return it
	}
	if a.URL != "" && !graph.WebURL(a.URL) {
		it.Warnings = append(it.Warnings, fmt.Sprintf("url %.80q is not an http or https URL: not linked", a.URL))
		a.URL = ""
	}
	for _, f := range []struct {
		name  string
		value *string
	}{{"title", &a.Title}, {"source", &a.Source}} {
		if v, n := graph.StripBidiControls(*f.value); n > 0 {
			word := "characters"
			if n == 1 {
				word = "character"
			}
			it.Warnings = append(it.Warnings, fmt.Sprintf("%s: %d bidi control %s (U+202A..U+202E, U+2066..U+2069) removed", f.name, n, word))
			*f.value = v
		}
		if len(*f.value) > graph.MaxTitleBytes {
			it.Warnings = append(it.Warnings, fmt.Sprintf("%s: %d bytes, cut to %d", f.name, len(*f.value), graph.MaxTitleBytes))
			*f.value = Truncate(*f.value, graph.MaxTitleBytes)
		}
	}
	return it
}
