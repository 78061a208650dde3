package arabic

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Years FindDate accepts: a number outside them is not a publication year.
const (
	MinDateYear = 1990
	MaxDateYear = 2100
)

// monthNames maps the normalised names of the months, one or two words, to
// their number: the series in يناير (with its Maghrebi spellings جانفي, أوت,
// and Moroccan غشت), the Syro-Aramaic series (كانون الثاني, with or without
// the article of its second word: كانون ثاني), English names and
// abbreviations, and French names with and without accents.
var monthNames = func() map[string]time.Month {
	series := map[time.Month]string{
		time.January:   "يناير جانفي كانون_الثاني كانون_ثاني january jan janvier",
		time.February:  "فبراير فبرير فيفري شباط february feb février fevrier",
		time.March:     "مارس آذار march mar mars",
		time.April:     "أبريل إبريل أفريل نيسان april apr avril",
		time.May:       "مايو ماي أيار may mai",
		time.June:      "يونيو يونيه جوان حزيران june jun juin",
		time.July:      "يوليو يوليه يوليوز جويلية تموز july jul juillet",
		time.August:    "أغسطس أغسطوس أوت غشت آب august aug août aout",
		time.September: "سبتمبر شتنبر أيلول september sep sept septembre",
		time.October:   "أكتوبر تشرين_الأول تشرين_أول october oct octobre",
		time.November:  "نوفمبر نونبر تشرين_الثاني تشرين_ثاني november nov novembre",
		time.December:  "ديسمبر دجنبر كانون_الأول كانون_أول december dec décembre decembre",
	}
	m := map[string]time.Month{}
	for month, names := range series {
		for _, name := range strings.Fields(names) {
			m[Normalize(strings.ReplaceAll(name, "_", " "))] = month
		}
	}
	return m
}()

// monthStarts holds the first word of every month name: 1 for a name of one
// word, 2 for the first word of a name of two, 3 for both.
var monthStarts = func() map[string]uint8 {
	m := map[string]uint8{}
	for name := range monthNames {
		first, _, two := strings.Cut(name, " ")
		if two {
			m[first] |= 2
		} else {
			m[first] |= 1
		}
	}
	return m
}()

// weekdays are the normalised names of the days of the week, in Arabic
// (with and without the article), English and French.
var weekdays = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range strings.Fields(`الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت
		أحد اثنين إثنين ثلاثاء أربعاء خميس جمعة سبت
		monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
		lundi mardi mercredi jeudi vendredi samedi dimanche`) {
		m[Normalize(name)] = true
	}
	return m
}()

// Separators allowed in the gaps of a date, besides spaces and invisible
// marks, by place in the date.
const (
	numericSeparators = "-/." // 2025-12-08, 8/12/2025, 08.12.2025 (the same twice)
	weekdaySeparators = ",،-" // الأحد، 15 آب
	daySeparators     = "-."  // 15 آب, 8-Dec-2025, Dec. 8
	yearSeparators    = ",،-" // December 8, 2025
	altMonthOpeners   = "/("  // آب/أغسطس, آب (أغسطس)
	altMonthClosers   = ")"   // آب (أغسطس) 2019
	ordinalSuffixes   = "st nd rd th er"
)

// dateMatch is a date found at some token: its value and the tokens
// [first, next) it spans.
type dateMatch struct {
	t           time.Time
	first, next int
	end         int // byte offset of the date's end when it is not toks[next-1].End
}

// datePattern reads a date whose first token (after any weekday) is
// toks[i].
type datePattern func(text string, toks []Token, i int) (dateMatch, bool)

// datePatterns are tried in order at every token.
var datePatterns = []datePattern{yearFirstDate, dayFirstNumericDate, dayMonthYearDate, monthDayYearDate}

// FindDate returns the first date in text written as a publication date:
// ISO 2025-12-08 (or with / or .), a day-month-year 8/12/2025, 08-12-2025
// or 08.12.2025, or a day, a month name and a year ("15 أغسطس 2019", "8
// December 2025", "1er décembre 2025", English "December 8, 2025"), the
// month possibly followed by its name in the other series ("15 آب/أغسطس
// 2019", "15 آب (أغسطس) 2019"), and optionally preceded by a weekday
// ("الأحد 15 آب 2019"). Digits may be ASCII, Arabic-Indic or Persian;
// month names are matched after Normalize, in the series يناير، كانون
// الثاني، جانفي and in English and French. Impossible days (31 February),
// years outside MinDateYear–MaxDateYear and a month whose two names
// disagree are not dates. start and end are the byte offsets of the date,
// weekday included, in text; the time is midnight UTC.
func FindDate(text string) (t time.Time, start, end int, ok bool) {
	if !mayHoldYear(text) {
		return time.Time{}, 0, 0, false
	}
	toks := Tokens(text)
	for i := range toks {
		if !mayStartDate(toks[i].Norm) {
			continue
		}
		if m, ok := dateAt(text, toks, i); ok {
			end := toks[m.next-1].End
			if m.end > 0 {
				end = m.end
			}
			return m.t, toks[m.first].Start, end, true
		}
	}
	return time.Time{}, 0, 0, false
}

// mayHoldYear reports whether text holds a run of exactly four digits
// (ASCII, Arabic-Indic, Persian or fullwidth, with only runes that fold to
// nothing between them) between MinDateYear and MaxDateYear, as the year of
// every date is written: a text without is spared tokenising.
func mayHoldYear(text string) bool {
	n, v := 0, 0
	for _, r := range text {
		d := -1
		switch {
		case r >= '0' && r <= '9':
			d = int(r - '0')
		case r >= '٠' && r <= '٩':
			d = int(r - '٠')
		case r >= '۰' && r <= '۹':
			d = int(r - '۰')
		case r >= '０' && r <= '９':
			d = int(r - '０')
		case r >= utf8.RuneSelf && fold(r) == "":
			continue // inside the run
		}
		if d >= 0 {
			n, v = n+1, v*10+d
			continue
		}
		if n == 4 && v >= MinDateYear && v <= MaxDateYear {
			return true
		}
		n, v = 0, 0
	}
	return n == 4 && v >= MinDateYear && v <= MaxDateYear
}

// mayStartDate reports whether a token can start a date: a weekday, a
// month name, or digits (a year, a day, or a day of several digits), as
// every date pattern requires. It spares the others the patterns.
func mayStartDate(w string) bool {
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	return monthStarts[w] != 0 || weekdays[w]
}

// dateAt reads a date starting at toks[i], a weekday or the date itself.
func dateAt(text string, toks []Token, i int) (dateMatch, bool) {
	if weekdays[toks[i].Norm] && i+1 < len(toks) && gapAllows(text, toks, i, weekdaySeparators) {
		if m, ok := dateFrom(text, toks, i+1); ok {
			m.first = i
			return m, true
		}
	}
	return dateFrom(text, toks, i)
}

func dateFrom(text string, toks []Token, i int) (dateMatch, bool) {
	for _, p := range datePatterns {
		if m, ok := p(text, toks, i); ok {
			return m, true
		}
	}
	return dateMatch{}, false
}

// gapOf returns the text between toks[i] and toks[i+1] without spaces and
// invisible marks.
func gapOf(text string, toks []Token, i int) string {
	g := text[toks[i].End:toks[i+1].Start]
	// Most gaps are a space, or a mark between spaces: what is kept is
	// then one run of g, returned without allocating.
	from, to, runs := 0, 0, 0
	for j, r := range g {
		if r == utf8.RuneError {
			runs = 2 // strings.Map below writes it as U+FFFD
			break
		}
		if dropInGap(r) {
			continue
		}
		if to != j || runs == 0 {
			runs++
			from = j
		}
		to = j + utf8.RuneLen(r)
	}
	switch runs {
	case 0:
		return ""
	case 1:
		return g[from:to]
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || FoldRune(r) == "" {
			return -1
		}
		return r
	}, text[toks[i].End:toks[i+1].Start])
}

// dropInGap tells whether gapOf leaves out r: a space or an invisible mark.
func dropInGap(r rune) bool {
	return r == ' ' || unicode.IsSpace(r) || fold(r) == ""
}

// gapAllows tells whether the gap after toks[i] is empty or one of seps.
func gapAllows(text string, toks []Token, i int, seps string) bool {
	g := gapOf(text, toks, i)
	return g == "" || len([]rune(g)) == 1 && strings.Contains(seps, g)
}

// number returns the value of a token made of digits only, and how many
// digits it has.
func number(tok Token) (n, digits int, ok bool) {
	n, err := strconv.Atoi(tok.Norm)
	if err != nil || n < 0 || tok.Norm[0] == '+' {
		return 0, 0, false
	}
	return n, len(tok.Norm), true
}

// year reads a four-digit year in range, optionally followed by م
// (ميلادي): "2019م".
func year(tok Token) (int, bool) {
	t := tok
	t.Norm = strings.TrimSuffix(t.Norm, "م")
	y, digits, ok := number(t)
	return y, ok && digits == 4 && y >= MinDateYear && y <= MaxDateYear
}

// day reads a day of one or two digits, optionally with an ordinal suffix
// ("1er", "8th"), or, when isoTime is set, followed by an ISO time ("08t10").
func day(tok Token, isoTime bool) (int, bool) {
	digits := tok.Norm[:len(tok.Norm)-len(strings.TrimLeft(tok.Norm, "0123456789"))]
	rest := tok.Norm[len(digits):]
	switch {
	case rest == "":
	case isoTime && strings.HasPrefix(rest, "t"):
	case !isoTime && strings.Contains(" "+ordinalSuffixes+" ", " "+rest+" "):
	default:
		return 0, false
	}
	d, err := strconv.Atoi(digits)
	return d, err == nil && len(digits) <= 2 && d >= 1 && d <= 31
}

// month reads a month name of one or two tokens at toks[i] and returns the
// index after it.
func month(toks []Token, i int) (time.Month, int, bool) {
	if i+1 < len(toks) && monthStarts[toks[i].Norm]&2 != 0 {
		if m, ok := monthNames[toks[i].Norm+" "+toks[i+1].Norm]; ok {
			return m, i + 2, true
		}
	}
	if i < len(toks) {
		if m, ok := monthNames[toks[i].Norm]; ok {
			return m, i + 1, true
		}
	}
	return 0, i, false
}

// validDate returns the date when it exists.
func validDate(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && t.Month() == m && t.Year() == y
}

// numericParts reads three numbers separated twice by the same separator
// of numericSeparators, starting at toks[i].
func numericParts(text string, toks []Token, i int) (a, b, c Token, ok bool) {
	if i+2 >= len(toks) {
		return
	}
	g1, g2 := gapOf(text, toks, i), gapOf(text, toks, i+1)
	if g1 != g2 || len([]rune(g1)) != 1 || !strings.Contains(numericSeparators, g1) {
		return
	}
	return toks[i], toks[i+1], toks[i+2], true
}

// yearFirstDate reads 2025-12-08 (and 2025/12/08, 2025.12.08).
func yearFirstDate(text string, toks []Token, i int) (dateMatch, bool) {
	ty, tm, td, ok := numericParts(text, toks, i)
	if !ok {
		return dateMatch{}, false
	}
	y, okY := year(ty)
	m, digits, okM := number(tm)
	d, okD := day(td, true)
	if !okY || !okM || digits > 2 || !okD {
		return dateMatch{}, false
	}
	t, ok := validDate(y, time.Month(m), d)
	return dateMatch{t, i, i + 3, digitsEnd(text, td)}, ok
}

// digitsEnd returns the byte offset in text where the leading digits of tok
// end ("08" of "08T10:30").
func digitsEnd(text string, tok Token) int {
	for j, r := range text[tok.Start:tok.End] {
		if f := FoldRune(r); f != "" && (f[0] < '0' || f[0] > '9') {
			return tok.Start + j
		}
	}
	return tok.End
}

// dayFirstNumericDate reads 8/12/2025, 08-12-2025 and 08.12.2025.
func dayFirstNumericDate(text string, toks []Token, i int) (dateMatch, bool) {
	td, tm, ty, ok := numericParts(text, toks, i)
	if !ok {
		return dateMatch{}, false
	}
	d, dayDigits, okD := number(td)
	m, digits, okM := number(tm)
	y, okY := year(ty)
	if !okD || dayDigits > 2 || !okM || digits > 2 || !okY {
		return dateMatch{}, false
	}
	t, ok := validDate(y, time.Month(m), d)
	return dateMatch{t, i, i + 3, 0}, ok
}

// monthWithAlternative reads a month name at toks[i], possibly followed by
// its name in another series ("آب/أغسطس", "آب (أغسطس)"), and returns the
// index after it. Two names of different months are no month.
func monthWithAlternative(text string, toks []Token, i int) (time.Month, int, bool) {
	m, next, ok := month(toks, i)
	if !ok || next >= len(toks) {
		return m, next, ok
	}
	g := gapOf(text, toks, next-1)
	if g == "" || !strings.Contains(altMonthOpeners, g) {
		return m, next, true
	}
	alt, after, ok := month(toks, next)
	if !ok || alt != m {
		return 0, i, false
	}
	if g == "(" && (after >= len(toks) || gapOf(text, toks, after-1) != altMonthClosers) {
		return 0, i, false
	}
	return m, after, true
}

// yearGapAllows tells whether the gap after toks[i], the end of a month,
// allows a year to follow: a closed parenthesis counts as no separator.
func yearGapAllows(text string, toks []Token, i int) bool {
	g := strings.TrimPrefix(gapOf(text, toks, i), altMonthClosers)
	return g == "" || len([]rune(g)) == 1 && strings.Contains(yearSeparators, g)
}

// dayMonthYearDate reads "15 أغسطس 2019", "15 آب/أغسطس 2019", "8 December
// 2025", "1er décembre 2025".
func dayMonthYearDate(text string, toks []Token, i int) (dateMatch, bool) {
	if i+2 >= len(toks) || !gapAllows(text, toks, i, daySeparators) {
		return dateMatch{}, false
	}
	d, ok := day(toks[i], false)
	if !ok {
		return dateMatch{}, false
	}
	m, next, ok := monthWithAlternative(text, toks, i+1)
	if !ok || next >= len(toks) || !yearGapAllows(text, toks, next-1) {
		return dateMatch{}, false
	}
	y, ok := year(toks[next])
	if !ok {
		return dateMatch{}, false
	}
	t, ok := validDate(y, m, d)
	return dateMatch{t, i, next + 1, 0}, ok
}

// monthDayYearDate reads "December 8, 2025" and "Dec. 8th 2025".
func monthDayYearDate(text string, toks []Token, i int) (dateMatch, bool) {
	m, next, ok := month(toks, i)
	if !ok || next+1 >= len(toks) || !gapAllows(text, toks, next-1, daySeparators) {
		return dateMatch{}, false
	}
	d, ok := day(toks[next], false)
	if !ok || !gapAllows(text, toks, next, yearSeparators) {
		return dateMatch{}, false
	}
	y, ok := year(toks[next+1])
	if !ok {
		return dateMatch{}, false
	}
	t, ok := validDate(y, m, d)
	return dateMatch{t, i, next + 2, 0}, ok
}
