package arabic

import (
	"strings"
	"testing"
	"time"
	"unicode"
)

// TestFindDate checks the dates found in text and their byte ranges.
func TestFindDate(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // 2006-01-02, "" for no date
		span       string // text[start:end], "" to take the whole text
	}{
		{"iso", "2025-12-08", "2025-12-08", ""},
		{"iso with time", "نشر في 2025-12-08T10:30:00Z", "2025-12-08", "2025-12-08"},
		{"iso with slashes", "2025/12/08", "2025-12-08", ""},
		{"day month year slashes", "بتاريخ 8/12/2025 أعلن", "2025-12-08", "8/12/2025"},
		{"day month year dashes", "08-12-2025", "2025-12-08", ""},
		{"day month year dots", "08.12.2025", "2025-12-08", ""},
		{"spaces around separators", "8 / 12 / 2025", "2025-12-08", ""},
		{"mixed separators", "8/12-2025", "", ""},
		{"arabic-indic digits", "٨/١٢/٢٠٢٥", "2025-12-08", ""},
		{"persian digits", "۸/۱۲/۲۰۲۵", "2025-12-08", ""},
		{"arabic month", "15 أغسطس 2019", "2019-08-15", ""},
		{"arabic month unhamzated", "15 اغسطس 2019", "2019-08-15", ""},
		{"syriac month", "3 حزيران 2020", "2020-06-03", ""},
		{"syriac two-word month", "في 1 كانون الثاني 2021 قال", "2021-01-01", "1 كانون الثاني 2021"},
		{"syriac month without article", "1 تشرين أول 2021", "2021-10-01", ""},
		{"maghrebi month", "12 جويلية 2022", "2022-07-12", ""},
		{"weekday and both series", "الأحد 15 آب/أغسطس 2019", "2019-08-15", ""},
		{"weekday comma", "الخميس، 5 ديسمبر 2024", "2024-12-05", ""},
		{"weekday without article", "خميس 5 ديسمبر 2024", "2024-12-05", ""},
		{"parenthesised second series", "15 آب (أغسطس) 2019", "2019-08-15", ""},
		{"series that disagree", "15 آب (أيلول) 2019", "", ""},
		{"year with meem", "15 أغسطس 2019م", "2019-08-15", ""},
		{"arabic-indic with month", "١٥ أغسطس ٢٠١٩", "2019-08-15", ""},
		{"english day first", "Monday 8 December 2025", "2025-12-08", ""},
		{"english month first", "Updated: December 8, 2025 at noon", "2025-12-08", "December 8, 2025"},
		{"english abbreviation", "Dec. 8th 2025", "2025-12-08", ""},
		{"french", "lundi 1er décembre 2025", "2025-12-01", ""},
		{"french without accent", "3 fevrier 2020", "2020-02-03", ""},
		{"first of two", "12/1/2020 ثم 13/1/2020", "2020-01-12", "12/1/2020"},
		{"impossible day skipped", "31 فبراير 2020 و 29 فبراير 2020", "2020-02-29", "29 فبراير 2020"},
		{"31 february", "31/2/2020", "", ""},
		{"not a leap year", "29 February 2019", "", ""},
		{"year too early", "15 أغسطس 1989", "", ""},
		{"year too late", "15/8/2101", "", ""},
		{"month 13", "15/13/2020", "", ""},
		{"phone number", "هاتف 0912-345-678", "", ""},
		{"month and year only", "أغسطس 2019", "", ""},
		{"number and word", "15 جنديا 2019", "", ""},
		{"empty", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, start, end, ok := FindDate(tc.text)
			if tc.want == "" {
				if ok {
					t.Errorf("got %s at %q, want no date", got.Format(time.DateOnly), tc.text[start:end])
				}
				return
			}
			if !ok {
				t.Fatalf("got no date, want %s", tc.want)
			}
			if got.Format(time.DateOnly) != tc.want || got.Location() != time.UTC || got.Hour() != 0 {
				t.Errorf("got %v, want %s at midnight UTC", got, tc.want)
			}
			span := tc.span
			if span == "" {
				span = tc.text
			}
			if tc.text[start:end] != span {
				t.Errorf("got span %q, want %q", tc.text[start:end], span)
			}
		})
	}
}

// gapOfRef is gapOf as first written.
func gapOfRef(text string, toks []Token, i int) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || FoldRune(r) == "" {
			return -1
		}
		return r
	}, text[toks[i].End:toks[i+1].Start])
}

// findDateEveryToken is FindDate trying the patterns at every token, as
// first written, without mayStartDate.
func findDateEveryToken(text string) (time.Time, int, int, bool) {
	toks := Tokens(text)
	for i := range toks {
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

func FuzzFindDateFastPaths(f *testing.F) {
	for _, s := range []string{"الأحد 15 آب/أغسطس 2019", "8 December 2025", "2025-12-08T10:30", "في ١٥ كانون الثاني ٢٠٢٠م",
		"a \u200f- b", "1 \xff 2", "Dec. 8th, 2025", "15 آب (أغسطس) 2019", "x ، y", "08.12.2025", "٢٠١٩-١٢-٠٨", "８ December ２０２５", "15 آب 20\u064e19", "2\u200c019-01-02"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		for i := 0; i+1 < len(toks); i++ {
			if got, want := gapOf(s, toks, i), gapOfRef(s, toks, i); got != want {
				t.Fatalf("gapOf(%q, %d) = %q, want %q", s, i, got, want)
			}
		}
		gt, gs, ge, gok := FindDate(s)
		wt, ws, we, wok := findDateEveryToken(s)
		if !gt.Equal(wt) || gs != ws || ge != we || gok != wok {
			t.Fatalf("FindDate(%q) = %v %d %d %v, want %v %d %d %v", s, gt, gs, ge, gok, wt, ws, we, wok)
		}
	})
}
