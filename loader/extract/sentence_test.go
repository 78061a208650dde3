package extract

import (
	"strings"
	"testing"
)

// TestScanSentences checks the sentence splitter: Arabic and Latin
// punctuation and line breaks end a sentence, a decimal point does not, the
// pieces give back the input byte for byte, and an over-long run is cut.
func TestScanSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want []string
	}{
		{"arabic and latin marks", "التقى حفتر كونتي. هل دعمه؟ نعم! لا", 100, []string{"التقى حفتر كونتي.", " هل دعمه؟", " نعم!", " لا"}},
		{"line breaks", "عنوان\n\nنص", 100, []string{"عنوان\n", "\n", "نص"}},
		{"decimal point", "بلغ 3.5 مليار. ثم", 100, []string{"بلغ 3.5 مليار.", " ثم"}},
		{"cut at a space", "aaaa bbbb cccc", 7, []string{"aaaa ", "bbbb ", "cccc"}},
		{"cut without a space", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			next := 0
			err := scanSentences(strings.NewReader(tc.in), tc.max, func(off int, s string) error {
				if off != next {
					t.Errorf("got offset %d, want %d", off, next)
				}
				next = off + len(s)
				got = append(got, s)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestLongArticleOffsets streams an article much longer than the sentence
// cap with no punctuation and checks that offsets still match the text.
func TestLongArticleOffsets(t *testing.T) {
	x := testExtractor(t)
	text := strings.Repeat("كلمة ", 20000) + "ترامب يدعم جهود حفتر في مكافحة الإرهاب"
	res, st, err := x.ExtractText(t.Context(), "long", text)
	if err != nil {
		t.Fatal(err)
	}
	if st.Bytes != len(text) {
		t.Errorf("got %d bytes read, want %d", st.Bytes, len(text))
	}
	if len(res) != 1 {
		t.Fatalf("got %d claims, want 1", len(res))
	}
	c := res[0].Claim
	if text[c.Start:c.End] != c.Quote {
		t.Errorf("got quote %q, want text[%d:%d] = %q", c.Quote, c.Start, c.End, text[c.Start:c.End])
	}
}
