package arabic

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// readingsByStrings is what Vocabulary.Read must give for one word: the
// readings of Proclitics whose stem v holds as a stem, each followed, after لل, by
// the reading without the stem's article when v holds that.
func readingsByStrings(v *Vocabulary, w string) []Reading {
	var out []Reading
	for _, s := range Proclitics(nil, w) {
		short := len([]rune(s.Stem)) <= 2
		if id := v.ID(s.Stem); id != NoWord && int(id) < len(v.stem) && v.stem[id] {
			out = append(out, Reading{Prefix: s.Prefix, Word: id, Short: short})
		}
		if strings.HasSuffix(s.Prefix, "لل") {
			if id := v.ID(strings.TrimPrefix(s.Stem, "ال")); id != NoWord && int(id) < len(v.stem) && v.stem[id] {
				out = append(out, Reading{Prefix: s.Prefix, Word: id, Short: short, Bare: true})
			}
		}
	}
	return out
}

func testVocabulary() *Vocabulary {
	v := NewVocabulary()
	for _, w := range []string{"مصر", "الجيش", "جيش", "ليبيا", "اليبيا", "يبيا", "اعتداءات", "الاعتداءات", "له", "ه", "ال", "حركه", "الحركه"} {
		v.MarkStem(v.Add(w))
	}
	v.Add("فالحركه") // a word, not a stem
	return v
}

func TestVocabulary(t *testing.T) {
	v := NewVocabulary()
	words := []string{"مصر", "الجيش", "", "a", "مصر"}
	want := []int32{0, 1, 2, 3, 0}
	for i, w := range words {
		if got := v.Add(w); got != want[i] {
			t.Errorf("Add(%q) = %d, want %d", w, got, want[i])
		}
	}
	for i := range 1000 { // past several growths of the table
		w := strings.Repeat("ب", i%7+1) + string(rune('a'+i%26)) + strings.Repeat("x", i/26)
		if id := v.Add(w); v.ID(w) != id || v.Word(id) != w {
			t.Fatalf("word %q: ID %d, Word %q after Add gave %d", w, v.ID(w), v.Word(id), id)
		}
	}
	tests := []struct {
		w    string
		want int32
	}{{"مصر", 0}, {"الجيش", 1}, {"", 2}, {"جيش", NoWord}, {"مص", NoWord}, {"مصرر", NoWord}}
	for _, tt := range tests {
		if got := v.ID(tt.w); got != tt.want {
			t.Errorf("ID(%q) = %d, want %d", tt.w, got, tt.want)
		}
	}
	if v.Len() != 1004 {
		t.Errorf("Len() = %d, want 1004", v.Len())
	}
}

func TestReadReadings(t *testing.T) {
	v := testVocabulary()
	words := []string{"مصر", "ومصر", "لمصر", "وبالجيش", "بالجيش", "للجيش", "لليبيا", "فلليبيا", "للاعتداءات", "لله", "لل", "ولل",
		"الجيش", "والجيش", "كالجيش", "فالحركه", "للحركه", "ب", "", "x", "ووو", "ال"}
	var toks []Token
	for _, w := range words {
		toks = append(toks, Token{Norm: w})
	}
	var s Sentence
	v.Read(&s, toks)
	for k, w := range words {
		if got, want := s.Words[k], v.ID(w); got != want {
			t.Errorf("%q: word id %d, want %d", w, got, want)
		}
		if got, want := s.Cut[k], cutByString(v, w); got != want {
			t.Errorf("%q: cut id %d, want %d", w, got, want)
		}
		got, want := s.Readings(k), readingsByStrings(v, w)
		if !slices.Equal(got, want) {
			t.Errorf("%q: got readings %v, want %v", w, got, want)
		}
	}
	// Read again, from the cache, and after the vocabulary changed.
	for round, add := range []string{"", "", "جيش", "", "لحركه", ""} {
		if add != "" {
			v.MarkStem(v.Add(add))
		}
		v.Read(&s, toks)
		for k, w := range words {
			if got, want := s.Words[k], v.ID(w); got != want {
				t.Errorf("round %d, %q: word id %d, want %d", round, w, got, want)
			}
			if got, want := s.Cut[k], cutByString(v, w); got != want {
				t.Errorf("round %d, %q: cut id %d, want %d", round, w, got, want)
			}
			if got, want := s.Readings(k), readingsByStrings(v, w); !slices.Equal(got, want) {
				t.Errorf("round %d, %q: got readings %v, want %v", round, w, got, want)
			}
		}
	}
	if got := s.Readings(slices.Index(words, "لليبيا")); len(got) == 0 {
		t.Errorf("لليبيا: no reading, want ليبيا after ل")
	}
}

// FuzzRead checks Vocabulary.Read against Proclitics on any word.
func FuzzRead(f *testing.F) {
	for _, w := range []string{"وبالجيش", "للاعتداءات", "لل", "فلليبيا", "\xd9", "والال"} {
		f.Add(w)
	}
	v := testVocabulary()
	f.Fuzz(func(t *testing.T, w string) {
		var s Sentence
		v.Read(&s, []Token{{Norm: w}})
		if got, want := s.Readings(0), readingsByStrings(v, w); !slices.Equal(got, want) {
			t.Errorf("%q: got readings %v, want %v", w, got, want)
		}
		if got, want := s.Cut[0], cutByString(v, w); got != want {
			t.Errorf("%q: cut id %d, want %d", w, got, want)
		}
	})
}

func TestTrieLongest(t *testing.T) {
	v := NewVocabulary()
	tr := NewTrie(v)
	patterns := map[string]int32{}
	for _, p := range []string{"مجلس الامن", "مجلس الامن الدولي", "الجيش", "الجيش الوطني الليبي", "ليبيا", "رجب طيب اردوغان", "اردوغان"} {
		patterns[p] = tr.Insert(strings.Fields(p))
	}
	if tr.MaxWords() != 3 {
		t.Errorf("MaxWords() = %d, want 3", tr.MaxWords())
	}
	tests := []struct {
		text   string
		i      int
		want   string // the pattern found, "" none
		end    int
		prefix string
	}{
		{"قرار مجلس الامن الدولي", 1, "مجلس الامن الدولي", 4, ""},
		{"قرار مجلس الامن اليوم", 1, "مجلس الامن", 3, ""},
		{"قرار مجلس الامن", 2, "", 0, ""},
		{"وبالجيش الوطني الليبي", 0, "الجيش الوطني الليبي", 3, "وب"},
		{"وبالجيش الوطني", 0, "الجيش", 1, "وب"},
		{"لليبيا", 0, "ليبيا", 1, "ل"},
		{"قال رجب طيب اردوغان", 1, "رجب طيب اردوغان", 4, ""},
		{"قال رجب طيب", 1, "", 0, ""},
		{"واردوغان", 0, "اردوغان", 1, "و"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var s Sentence
			v.Read(&s, Tokens(tt.text))
			m, ok := tr.Longest(&s, tt.i, nil)
			if tt.want == "" {
				if ok {
					t.Errorf("got a match %+v, want none", m)
				}
				return
			}
			if !ok || m.Node != patterns[tt.want] || m.End != tt.end || m.Prefix != tt.prefix {
				t.Errorf("got %+v (ok %v), want node %d (%s), end %d, prefix %q", m, ok, patterns[tt.want], tt.want, tt.end, tt.prefix)
			}
		})
	}
	// keep refuses a reading: وب is then not read off.
	var s Sentence
	v.Read(&s, Tokens("وبالجيش"))
	if m, ok := tr.Longest(&s, 0, func(r Reading) bool { return r.Prefix != "وب" }); ok {
		t.Errorf("got %+v with وب refused, want none", m)
	}
}

func TestCutConjunctions(t *testing.T) {
	for _, w := range []string{"وفد", "ووالجيش", "فوق", "مصر", "", "و", "\xd9", "وف"} {
		if got, want := CutConjunctions(w), strings.TrimLeft(w, "وف"); got != want {
			t.Errorf("CutConjunctions(%q) = %q, want %q", w, got, want)
		}
	}
}

// procliticsReference is Proclitics as first written (commit 783735e),
// before it shared appendProclitics with Vocabulary.Read.
func procliticsReference(dst []Split, w string) []Split {
	add := func(prefix, stem string) {
		if utf8.RuneCountInString(stem) >= 2 {
			dst = append(dst, Split{Prefix: prefix, Stem: stem})
		}
	}
	n0 := len(dst)
	for i, c := range conjunctions {
		rest, ok := strings.CutPrefix(w, c)
		if !ok {
			continue
		}
		if c != "" {
			add(c, rest)
		}
		for j, p := range prepositions {
			stem, ok := strings.CutPrefix(rest, p)
			if !ok {
				continue
			}
			add(withPrep[i][j], stem)
			if p == "ل" && strings.HasPrefix(stem, "ل") {
				add(withLamLam[i], "ا"+stem)
			}
		}
	}
	n := len(dst)
	for k := n0; k < n; k++ {
		if stem, ok := strings.CutPrefix(dst[k].Stem, "ال"); ok && !strings.HasSuffix(dst[k].Prefix, "لل") {
			add(withArticle[dst[k].Prefix], stem)
		}
	}
	if stem, ok := strings.CutPrefix(w, "ال"); ok {
		add("ال", stem)
	}
	return dst
}

// FuzzProclitics checks Proclitics against its first version.
func FuzzProclitics(f *testing.F) {
	for _, w := range []string{"وبالجيش", "للاعتداءات", "لل", "فلليبيا", "\xd9", "والال", "كالب", "فللا"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := Proclitics(nil, w), procliticsReference(nil, w); !slices.Equal(got, want) {
			t.Errorf("Proclitics(%q) = %v, want %v", w, got, want)
		}
	})
}

// TestProcliticsExhaustive compares Proclitics with its first version, and
// Vocabulary.Read with Proclitics, on every word of up to five letters
// written with the clitic letters and two others.
func TestProcliticsExhaustive(t *testing.T) {
	letters := []string{"و", "ف", "ب", "ل", "ك", "ا", "م"}
	v := NewVocabulary()
	words := []string{""}
	for n := 1; n <= 5; n++ {
		for _, w := range words {
			if len([]rune(w)) == n-1 {
				for _, l := range letters {
					words = append(words, w+l)
				}
			}
		}
	}
	for i, w := range words {
		if i%3 == 0 {
			v.Add(w) // a third of the words are known
		}
		if i%6 == 0 {
			v.MarkStem(v.ID(w)) // half of them as stems
		}
	}
	var s Sentence
	for pass := range 2 { // the second from Read's cache, where it holds the word
		for _, w := range words {
			if got, want := Proclitics(nil, w), procliticsReference(nil, w); pass == 0 && !slices.Equal(got, want) {
				t.Fatalf("Proclitics(%q) = %v, want %v", w, got, want)
			}
			v.Read(&s, []Token{{Norm: w}})
			if got, want := s.Words[0], v.ID(w); got != want {
				t.Fatalf("pass %d, Read(%q): word id %d, want %d", pass, w, got, want)
			}
			if got, want := s.Cut[0], cutByString(v, w); got != want {
				t.Fatalf("pass %d, Read(%q): cut id %d, want %d", pass, w, got, want)
			}
			if got, want := s.Readings(0), readingsByStrings(v, w); !slices.Equal(got, want) {
				t.Fatalf("pass %d, Read(%q): got readings %v, want %v", pass, w, got, want)
			}
		}
	}
}

// cutByString is Sentence.Cut by strings: the id of w without its leading
// و and ف, NoWord when it has none or nothing remains.
func cutByString(v *Vocabulary, w string) int32 {
	r := strings.TrimLeft(w, "وف")
	if r == w || r == "" {
		return NoWord
	}
	return v.ID(r)
}
