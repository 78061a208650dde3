package corpus

import (
	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// dateFromText dates an undated article from the first publication date
// written in its text (arabic.FindDate: Arabic and Latin month names,
// Arabic-Indic digits, day-month-year), recording that the date came from
// there (graph.DateText). A date from the front matter or a JSON Lines
// field wins over the text.
func dateFromText(a *graph.Article) {
	if !a.Published.IsZero() {
		return
	}
	if t, _, _, ok := arabic.FindDate(a.Text); ok {
		a.Published = graph.Day(t)
		a.DateSource = graph.DateText
	}
}
