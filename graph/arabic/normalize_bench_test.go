package arabic

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// normalizeRef is Normalize as first written, rune by rune on FoldRune: the
// reference the fast paths are checked against.
func normalizeRef(s string) string {
	var b strings.Builder
	space := true
	for _, r := range s {
		f := FoldRune(r)
		if f == " " {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		if f != "" {
			b.WriteString(f)
			space = false
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}

var normalizeCases = []string{"", " ", "a", " a", "a ", "a  b", "a b", "حفتر", "خليفه حفتر", "خليفة حفتر", "CIA", "\xff", "a\xffb",
	"حف\u200dتر", "\uFEFB", "٢٠١٩", "x\ty", "ـ", "Ωmega", "ﷺ", "a\u0301"}

func TestNormalizeAsReference(t *testing.T) {
	for _, in := range normalizeCases {
		want := normalizeRef(in)
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
		if got := string(AppendNormalize([]byte("pre"), in)); got != "pre"+want {
			t.Errorf("AppendNormalize(pre, %q) = %q, want %q", in, got, "pre"+want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, in := range normalizeCases {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		want := normalizeRef(in)
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
		if got := string(AppendNormalize(nil, in)); got != want {
			t.Errorf("AppendNormalize(%q) = %q, want %q", in, got, want)
		}
	})
}

// seedText is the text of the seed articles, or a skip when they are absent.
func seedText(b *testing.B) string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "data", "articles", "*.txt"))
	if len(files) == 0 {
		b.Skip("no seed articles in ../../data/articles")
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
	}
	return sb.String()
}

// BenchmarkNormalize normalises the seed articles line by line (names,
// queries and sentences are normalised one at a time): MB/s and allocations
// per line (one, the result, for a line that changes; none otherwise).
func BenchmarkNormalize(b *testing.B) {
	lines := strings.Split(seedText(b), "\n")
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	b.Run("text", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range lines {
				_ = Normalize(l)
			}
		}
		b.ReportMetric(float64(testing.AllocsPerRun(1, func() {
			for _, l := range lines {
				_ = Normalize(l)
			}
		}))/float64(len(lines)), "allocs/line")
	})
	normalised := make([]string, len(lines))
	for i, l := range lines {
		normalised[i] = Normalize(l)
	}
	b.Run("normalised", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range normalised {
				_ = Normalize(l)
			}
		}
	})
	b.Run("append", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		buf := make([]byte, 0, 64<<10)
		for b.Loop() {
			for _, l := range lines {
				buf = AppendNormalize(buf[:0], l)
			}
		}
	})
	b.Run("reference", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range lines {
				_ = normalizeRef(l)
			}
		}
	})
}
