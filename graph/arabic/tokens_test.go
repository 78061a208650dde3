package arabic

import (
	"slices"
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

// TestProcliticForms checks that every reading Proclitics gives of every
// word of up to five clitic letters (and of a few real words) is among
// the ProcliticForms of its stem.
func TestProcliticForms(t *testing.T) {
	letters := []string{"و", "ف", "ب", "ل", "ك", "ا", "م"}
	words := []string{"", "للجيش", "وبالقاهره", "فللعلاقات", "كالعاده"}
	for n := 1; n <= 5; n++ {
		for _, w := range words {
			if len([]rune(w)) == n-1 {
				for _, l := range letters {
					words = append(words, w+l)
				}
			}
		}
	}
	readings := 0
	for _, w := range words {
		for _, s := range Proclitics(nil, w) {
			readings++
			if !slices.Contains(ProcliticForms(s.Stem), w) {
				t.Errorf("ProcliticForms(%q) has no %q, whose reading %q+%q it is", s.Stem, w, s.Prefix, s.Stem)
			}
		}
	}
	if readings == 0 {
		t.Fatal("no reading")
	}
}
