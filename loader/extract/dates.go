package extract

import (
	"regexp"
	"time"

	"github.com/rawabit/rawabit/graph/arabic"
)

// maxDateSentences is how many sentences from the start of an article are
// searched for its date when the article has none.
const maxDateSentences = 3

// datePattern finds a year-month-day date: ISO ("2025-12-08") or the path
// of an address ("/2019/08/15/").
var datePattern = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})[-/.]([01]?[0-9])[-/.]([0-3]?[0-9])(?:[^0-9]|$)`)

// findDate returns the first date of s (arabic.FindDate: ISO, day month
// year in Arabic, Latin or digits), else the date in the path of an
// address in it, or the zero time.
func findDate(s string) time.Time {
	if t, _, _, ok := arabic.FindDate(s); ok {
		return t
	}
	for _, m := range datePattern.FindAllStringSubmatch(s, 4) {
		t, err := time.Parse("2006-1-2", m[1]+"-"+trimZero(m[2])+"-"+trimZero(m[3]))
		if err == nil {
			return t
		}
	}
	return time.Time{}
}

func trimZero(s string) string {
	if len(s) == 2 && s[0] == '0' {
		return s[1:]
	}
	return s
}
