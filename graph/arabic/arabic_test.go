package arabic

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"alef with hamza above", "أحمد", "احمد"},
		{"alef with hamza below", "إيطاليا", "ايطاليا"},
		{"alef madda", "آبار", "ابار"},
		{"alef wasla", "ٱلله", "الله"},
		{"hamza on waw", "مؤتمر", "موتمر"},
		{"hamza on ya", "رئيس", "رييس"},
		{"ta marbuta", "حكومة الوفاق", "حكومه الوفاق"},
		{"alef maqsura", "موسى", "موسي"},
		{"diacritics", "دَعَمَ", "دعم"},
		{"shadda and tanwin", "تعاونًا", "تعاونا"},
		{"tatweel", "حفـــتر", "حفتر"},
		{"arabic-indic digits", "٢٠١٩", "2019"},
		{"persian digits", "۱۴", "14"},
		{"persian yeh, keheh and heh", "ولي العھد الشیخ کمال", "ولي العهد الشيخ كمال"},
		{"urdu heh goal", "ہادی", "هادي"},
		{"presentation forms", "\uFEDF\uFEE0\uFEEB", "لله"},
		{"lam-alef ligature", "\uFEFB", "لا"},
		{"quotes and punctuation glued", "”حفتر“،", "حفتر"},
		{"latin lower-cased", "CIA", "cia"},
		{"whitespace collapsed", "  خليفة \n\t حفتر  ", "خليفه حفتر"},
		{"spelling variants fold together", "الأميركية", "الاميركيه"},
		{"zero-width joiner dropped", "حف\u200dتر", "حفتر"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, s := range []string{"المشير خليفة حفتر", "الإمارات العربية المتحدة", "وزارة الخارجية الأمريكية", "Khalifa Haftar"} {
		once := Normalize(s)
		if twice := Normalize(once); twice != once {
			t.Errorf("Normalize(Normalize(%q)) = %q, want %q", s, twice, once)
		}
	}
}

func TestMatchScore(t *testing.T) {
	tests := []struct {
		name, query, text string
		want              float64
	}{
		{"exact", "احمد", "احمد", ScoreExact},
		{"hamza folded before matching", Normalize("أحمد"), Normalize("احمد"), ScoreExact},
		{"article dropped", "الامارات", "امارات", ScoreNoArticle},
		{"surname is a word of the name", "حفتر", Normalize("المشير خليفة حفتر"), ScoreTokens},
		{"every word in any order", "حفتر خليفه", "خليفه حفتر", ScoreTokens},
		{"prefix of the name", "خلي", "خليفه حفتر", ScorePrefix},
		{"prefix of a word", "حف", "خليفه حفتر", ScoreTokenPrefix},
		{"prefix of a word after its article", "وفا", "حكومه الوفاق", ScoreTokenPrefix},
		{"substring", "ليف", "خليفه حفتر", ScoreSubstring},
		{"english words", "haftar", "khalifa haftar", ScoreTokens},
		{"no match", "سراج", "خليفه حفتر", 0},
		{"empty query", "", "حفتر", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MatchScore(tt.query, tt.text); got != tt.want {
				t.Errorf("MatchScore(%q, %q) = %v, want %v", tt.query, tt.text, got, tt.want)
			}
		})
	}
}
