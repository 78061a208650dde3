package arabic

import (
	"slices"
	"testing"
)

// TestEnclitics checks the suffix readings of normalised words.
func TestEnclitics(t *testing.T) {
	tests := []struct {
		word string
		want []string // stem+suffix, in order
		not  []string
	}{
		{"حكومته", []string{"حكومت+ه", "حكومه+ه"}, nil},
		{"لقايه", []string{"لقاي+ه", "لقاء+ه"}, []string{"لقاي+ي"}},
		{"لقاوها", []string{"لقاء+ها"}, nil},
		{"التقاه", []string{"التقا+ه", "التقي+ه"}, nil},
		{"استقبلوه", []string{"استقبلو+ه", "استقبلوا+ه"}, nil},
		{"دعمهما", []string{"دعم+هما"}, []string{"دعمهم+ا"}},
		{"استقبلني", []string{"استقبلن+ي", "استقبل+ني"}, nil},
		{"دعمكم", []string{"دعم+كم"}, nil},
		{"له", nil, []string{"ل+ه"}},
		{"حفتر", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			var got []string
			for _, e := range Enclitics(nil, tc.word) {
				got = append(got, e.Stem+"+"+e.Suffix)
			}
			var pos []int
			for _, w := range tc.want {
				i := slices.Index(got, w)
				if i < 0 {
					t.Errorf("got %q, want it to contain %q", got, w)
					continue
				}
				pos = append(pos, i)
			}
			if !slices.IsSorted(pos) {
				t.Errorf("got %q, want %q in this order", got, tc.want)
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("got %q, want no %q", got, n)
				}
			}
			if tc.want == nil && tc.not == nil && len(got) != 0 {
				t.Errorf("got %q, want no reading", got)
			}
		})
	}
}

// TestEncliticsReadInflect checks that Enclitics reads every form Inflect
// builds with a pronoun back into the same form without it.
func TestEncliticsReadInflect(t *testing.T) {
	for _, l := range commonLemmas {
		infl, err := Inflect(l)
		if err != nil {
			t.Fatalf("Inflect(%+v): got error %v, want none", l, err)
		}
		bare := map[Inflection]bool{}
		for _, f := range infl {
			if f.Object == "" {
				bare[f] = true
			}
		}
		for _, f := range infl {
			if f.Object == "" {
				continue
			}
			found := false
			for _, e := range Enclitics(nil, f.Norm) {
				want := f
				want.Norm, want.Object = e.Stem, ""
				if e.Suffix == f.Object && bare[want] {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("got no reading of %q as a form of %s plus %s, want one", f.Norm, l.Perfect+l.Imperfect+l.Active, f.Object)
			}
		}
	}
}
