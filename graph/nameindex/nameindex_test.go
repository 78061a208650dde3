package nameindex

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/rawabit/rawabit/graph/arabic"
)

// bruteForce is what Search must return: for each owner, the best
// arabic.MatchScore of its names (the first name on a tie).
func bruteForce(names [][]string, query string, accept func(int) bool) []Match {
	var out []Match
	for owner, list := range names {
		if accept != nil && !accept(owner) {
			continue
		}
		best := Match{Owner: owner, Field: -1}
		for field, n := range list {
			if s := arabic.MatchScore(query, n); s > best.Score {
				best.Score, best.Field = s, field
			}
		}
		if best.Field >= 0 {
			out = append(out, best)
		}
	}
	return out
}

func sorted(ms []Match) []Match {
	ms = slices.Clone(ms)
	slices.SortFunc(ms, func(a, b Match) int { return a.Owner - b.Owner })
	return ms
}

func TestSearchAsBruteForce(t *testing.T) {
	raw := [][]string{
		{"Khalifa Haftar", "خليفة حفتر", "حفتر", "المشير خليفة حفتر"},
		{"", "الجيش الوطني الليبي", "الجيش الليبي"},
		{"Egypt", "مصر", "جمهورية مصر العربية"},
		{"Recep Tayyip Erdogan", "رجب طيب أردوغان", "أردوغان"},
		{"United Nations", "الأمم المتحدة"},
		{"Libya", "ليبيا", "الدولة الليبية"},
		{},
		{"Haftar's son", "صدام حفتر"},
	}
	names := make([][]string, len(raw))
	for i, list := range raw {
		for _, n := range list {
			names[i] = append(names[i], arabic.Normalize(n))
		}
	}
	idx, err := Build(context.Background(), len(names), func(i int) []string { return names[i] })
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query string
		accept      func(int) bool
	}{
		{"whole name", "خليفة حفتر", nil},
		{"one word in two owners", "حفتر", nil},
		{"without the article", "جيش الوطني", nil},
		{"prefix", "أردو", nil},
		{"substring", "ليب", nil},
		{"latin", "egy", nil},
		{"words out of order", "حفتر خليفة", nil},
		{"no match", "موسكو", nil},
		{"accept filters owners", "حفتر", func(o int) bool { return o != 0 }},
		{"field after an empty name", "الجيش الليبي", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := arabic.Normalize(tt.query)
			got, err := idx.Search(context.Background(), q, tt.accept)
			if err != nil {
				t.Fatal(err)
			}
			want := bruteForce(names, q, tt.accept)
			if g, w := fmt.Sprint(sorted(got)), fmt.Sprint(sorted(want)); g != w {
				t.Errorf("Search(%q): got %s, want %s", tt.query, g, w)
			}
		})
	}
}

// TestSearchRandomNames compares Search with the brute-force scan on
// generated names and queries cut from them.
func TestSearchRandomNames(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"ال", "حفتر", "مصر", "جيش", "الوطني", "ليبيا", "رجب", "اردوغان", "الامم", "مجلس", "الامن", "سعيد"}
	names := make([][]string, 300)
	for i := range names {
		for range 1 + r.IntN(3) {
			var n string
			for k := range 1 + r.IntN(3) {
				if k > 0 {
					n += " "
				}
				n += words[r.IntN(len(words))]
			}
			names[i] = append(names[i], arabic.Normalize(n))
		}
	}
	idx, err := Build(context.Background(), len(names), func(i int) []string { return names[i] })
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		src := names[r.IntN(len(names))]
		n := []rune(src[r.IntN(len(src))])
		a := r.IntN(len(n))
		b := a + 1 + r.IntN(len(n)-a)
		q := arabic.Normalize(string(n[a:b]))
		if q == "" {
			continue
		}
		got, err := idx.Search(context.Background(), q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := fmt.Sprint(sorted(got)), fmt.Sprint(sorted(bruteForce(names, q, nil))); g != w {
			t.Errorf("query %d %q: got %s, want %s", i, q, g, w)
		}
	}
}

func TestBuildHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, 10, func(int) []string { return []string{"x"} }); err != context.Canceled {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
