package loader

import (
	"time"

	"github.com/rawabit/rawabit/graph"
)

// findDateInText finds the first date written in an article's text. It is
// the seam for graph/arabic's date finder (arabic.FindDate: Arabic and Latin
// month names, Arabic-Indic digits, day-month-year): until that is wired
// here, it finds none, so that an article without a front-matter or JSON
// Lines date stays undated.
var findDateInText = func(text string) (time.Time, bool) { return time.Time{}, false }

// dateFromText dates an undated article from its text, recording that the
// date came from there (graph.DateText). A date from the front matter or a
// JSON Lines field wins over the text.
func dateFromText(a *graph.Article) {
	if !a.Published.IsZero() {
		return
	}
	if t, ok := findDateInText(a.Text); ok {
		a.Published = graph.Day(t)
		a.DateSource = graph.DateText
	}
}
