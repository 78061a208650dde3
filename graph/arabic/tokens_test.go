package arabic

import (
	"strings"
	"testing"
)

// TestTokens checks normalised tokens and that text[Start:End] is each word
// as written.
func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string // norm@original
	}{
		{"التقى حفترُ بـ«كونتي»،", []string{"التقي@التقى", "حفتر@حفترُ", "ب@بـ", "كونتي@كونتي"}},
		{"الـCIA وإيطاليا", []string{"ال@الـ", "cia@CIA", "وايطاليا@وإيطاليا"}},
		{"٢٠١٩ ﻻ", []string{"2019@٢٠١٩", "لا@ﻻ"}},
		{"مؤتمر  ــ  القمة", []string{"موتمر@مؤتمر", "القمه@القمة"}},
		{"", nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var got []string
			for _, tok := range Tokens(tc.in) {
				got = append(got, tok.Norm+"@"+tc.in[tok.Start:tok.End])
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTokensMatchNormalize checks that tokens joined by spaces give
// Normalize's output on text without script changes.
func TestTokensMatchNormalize(t *testing.T) {
	for _, s := range []string{"قال البيتُ الأبيض: إن ترامب «تحدث» هاتفيًا!", "وزارة الخارجية الأميركية، والأمم المتحدة"} {
		var parts []string
		for _, tok := range Tokens(s) {
			parts = append(parts, tok.Norm)
		}
		if got, want := strings.Join(parts, " "), Normalize(s); got != want {
			t.Errorf("got %q, want Normalize's %q", got, want)
		}
	}
}

// TestProclitics checks the clitic readings of a word.
func TestProclitics(t *testing.T) {
	tests := []struct {
		word string
		want []string // prefix+stem, in order
		not  []string
	}{
		{"وواشنطن", []string{"و+واشنطن"}, nil},
		{"للجيش", []string{"لل+الجيش", "ل+لجيش"}, nil},
		{"بالقاهره", []string{"ب+القاهره", "بال+قاهره"}, nil},
		{"والسعوديه", []string{"و+السعوديه", "وال+سعوديه"}, nil},
		{"لحفتر", []string{"ل+حفتر"}, nil},
		{"ولم", []string{"و+لم"}, nil},
		{"ول", nil, []string{"و+ل"}},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			var got []string
			for _, s := range Proclitics(nil, tc.word) {
				got = append(got, s.Prefix+"+"+s.Stem)
			}
			joined := " " + strings.Join(got, " ") + " "
			for _, w := range tc.want {
				if !strings.Contains(joined, " "+w+" ") {
					t.Errorf("got %q, want it to contain %q", got, w)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(joined, " "+n+" ") {
					t.Errorf("got %q, want no %q", got, n)
				}
			}
		})
	}
}
