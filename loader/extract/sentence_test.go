package extract

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
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

// splitSentencesReference is splitSentences as first written (commit
// 783735e), before its fast path for two-byte runes.
func splitSentencesReference(max int) bufio.SplitFunc {
	return func(data []byte, atEOF bool) (int, []byte, error) {
		for i := 0; i < len(data); {
			if i >= max {
				cut := bytes.LastIndexAny(data[:i], " \t")
				if cut <= 0 {
					cut = i
				} else {
					cut++
				}
				return cut, data[:cut], nil
			}
			c := data[i]
			if c < utf8.RuneSelf {
				if c == '.' {
					if i+1 >= len(data) && !atEOF {
						return 0, nil, nil
					}
					if i > 0 && isDigit(data[i-1]) && i+1 < len(data) && isDigit(data[i+1]) {
						i++
						continue
					}
				}
				if c == '\n' || c == '.' || c == '!' || c == '?' {
					return i + 1, data[:i+1], nil
				}
				i++
				continue
			}
			if !atEOF && !utf8.FullRune(data[i:]) {
				return 0, nil, nil
			}
			r, n := utf8.DecodeRune(data[i:])
			if isSentenceEnd(r) {
				return i + n, data[:i+n], nil
			}
			i += n
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	}
}

// FuzzSplitSentences checks splitSentences against its first version on
// any bytes, at and before the end of the input.
func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{"قال: نعم؟ لا. 3.5 بالمئة…\n", "أ۔ب", "\xd8", "\xd8\x9f", "abc\xdb\x94", "x\u2029y", "\xc2\x80\xdf", "وقال الرئيس إن الحل سياسي؟ وأضاف أن\xe3\x80\x80 المفاوضات\xd8\x9fمستمرة\xdb\x94 بين الجانبين… الطرفين\u2029 اليوم", "abcdefg\xd8\x9fabcdefgh\xd8\x9f", "abcdefgh\xe3\x80\x80abcdefgh\xd8"} {
		f.Add(s, true, 8)
		f.Add(s, false, 64)
		f.Add(s, true, 17)
		f.Add(s, false, 1<<10)
	}
	f.Fuzz(func(t *testing.T, s string, atEOF bool, max int) {
		if max < 1 || max > 1<<10 {
			return
		}
		n1, tok1, err1 := splitSentences(max)([]byte(s), atEOF)
		n2, tok2, err2 := splitSentencesReference(max)([]byte(s), atEOF)
		if n1 != n2 || !bytes.Equal(tok1, tok2) || err1 != err2 {
			t.Errorf("split(%q, %v, %d) = %d, %q, %v; want %d, %q, %v", s, atEOF, max, n1, tok1, err1, n2, tok2, err2)
		}
	})
}
