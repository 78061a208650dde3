package arabic

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// appendTokensReference is AppendTokens as first written (commit 783735e),
// before its fast path for Arabic letters.
func appendTokensReference(dst []Token, s string, base int) []Token {
	// b is never reset: each token's Norm is a slice of what b holds when
	// the token ends, and a strings.Builder never changes bytes it has
	// given out, even when it grows.
	var b strings.Builder
	b.Grow(len(s))
	start, from := -1, 0
	cur := scriptNone
	flush := func(end int) {
		if start >= 0 && b.Len() > from {
			dst = append(dst, Token{Norm: b.String()[from:], Start: base + start, End: base + end})
		}
		from = b.Len()
		start = -1
		cur = scriptNone
	}
	lastEnd := 0
	for i, r := range s {
		f := fold(r)
		if f == " " {
			flush(lastEnd)
			continue
		}
		if f == "" {
			if start >= 0 {
				lastEnd = i + utf8.RuneLen(r)
				if r == utf8.RuneError {
					lastEnd = i + 1
				}
			}
			continue
		}
		sc := scriptOf(r)
		if start >= 0 && sc != scriptNone && cur != scriptNone && sc != cur {
			flush(lastEnd)
		}
		if start < 0 {
			start = i
		}
		if sc != scriptNone {
			cur = sc
		}
		b.WriteString(f)
		n := utf8.RuneLen(r)
		if n < 0 {
			n = 1
		}
		lastEnd = i + n
	}
	flush(lastEnd)
	return dst
}

// TestAppendTokensAsReference compares AppendTokens with its first version
// on the seed articles.
func TestAppendTokensAsReference(t *testing.T) {
	files, err := filepath.Glob("../../data/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.SplitAfter(string(data), "\n") {
			if got, want := AppendTokens(nil, line, 7), appendTokensReference(nil, line, 7); !slices.Equal(got, want) {
				t.Fatalf("%s: AppendTokens(%q) = %v, want %v", f, line, got, want)
			}
		}
	}
}

// FuzzAppendTokens compares AppendTokens with its first version.
func FuzzAppendTokens(f *testing.F) {
	for _, s := range []string{"الـCIA في 2024م، قال: «نعم»", "\xd8", "\xd8\xa7\xcc\x81x", "ﻻ بأس\u200cهنا", "٣٤ مَدْرَسَةٌ", "\ufffd\xffب"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppendTokens(nil, s, 3), appendTokensReference(nil, s, 3); !slices.Equal(got, want) {
			t.Errorf("AppendTokens(%q) = %v, want %v", s, got, want)
		}
	})
}
