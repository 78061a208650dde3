package neo4jstore

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

func TestEscapeLucene(t *testing.T) {
	tests := []struct{ in, want string }{
		{"حفتر", "حفتر"},
		{"haftar", "haftar"},
		{"a+b", `a\+b`},
		{"(x)", `\(x\)`},
		{`"q"`, `\"q\"`},
		{"a:b/c", `a\:b\/c`},
		{"x*?~^", `x\*\?\~\^`},
		{"[a]{b}", `\[a\]\{b\}`},
		{"a&&b||!c", `a\&\&b\|\|\!c`},
		{`back\slash`, `back\\slash`},
		{"-minus", `\-minus`},
		{"AND", "and"},
		{"OR", "or"},
		{"NOT", "not"},
		{"ANDROID", "ANDROID"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := escapeLucene(tt.in); got != tt.want {
				t.Errorf("escapeLucene(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLuceneQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"خليفه حفتر", "خليفه حفتر"},
		{"a b", "a b"},
		{"x-y", `x\-y`},
	}
	for _, tt := range tests {
		if got := luceneQuery(tt.in); got != tt.want {
			t.Errorf("luceneQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNeedleIsInEveryMatch checks the property SearchActors relies on: every
// name that arabic.MatchScore scores above 0 for a query contains
// needle(query), so the CONTAINS scan misses no match.
func TestNeedleIsInEveryMatch(t *testing.T) {
	names := []string{
		"خليفة حفتر", "المشير خليفة حفتر", "حفتر", "الجيش الوطني الليبي", "القوات المسلحة الليبية",
		"حكومة الوفاق", "حكومة الوحدة الوطنية", "الأمم المتحدة", "مجلس الأمن", "الإمارات",
		"الولايات المتحدة", "واشنطن", "روسيا", "مصر", "الالف", "الف باء", "ف باء", "ال",
		"Khalifa Haftar", "United Nations", "UN", "Giuseppe Conte", "Abdul Hamid Dbeibah",
		"بركان الغضب", "أنصار الشريعة", "الإخوان المسلمون", "تنظيم الدولة", "فاغنر",
	}
	var queries []string
	for _, n := range names {
		norm := arabic.Normalize(n)
		queries = append(queries, norm)
		words := strings.Fields(norm)
		for i, w := range words {
			queries = append(queries, w, "ال"+w, strings.TrimPrefix(w, "ال"))
			if r := []rune(w); len(r) > 2 {
				queries = append(queries, string(r[:2]), string(r[1:]))
			}
			if i > 0 {
				queries = append(queries, words[i-1]+" "+w, "ال"+words[i-1]+" "+w)
			}
		}
		queries = append(queries, "ال"+norm)
	}
	matches := 0
	for _, q := range queries {
		if q == "" {
			continue
		}
		n := needle(q)
		for _, name := range names {
			norm := arabic.Normalize(name)
			if arabic.MatchScore(q, norm) > 0 {
				matches++
				if !strings.Contains(norm, n) {
					t.Errorf("MatchScore(%q, %q) > 0 but the name does not contain needle %q", q, norm, n)
				}
			}
		}
	}
	if matches < len(queries) {
		t.Errorf("only %d matches for %d queries: the test data exercises too little", matches, len(queries))
	}
}

func TestBestMatch(t *testing.T) {
	haftar := graph.Actor{ID: "khalifa-haftar", Name: "Khalifa Haftar", NameAr: "خليفة حفتر", Aliases: []string{"حفتر", "المشير خليفة حفتر"}, Kind: graph.KindPerson}
	tests := []struct {
		query       string
		wantScore   float64
		wantMatched string
	}{
		{"حفتر", arabic.ScoreExact, "حفتر"},
		{"خليفه حفتر", arabic.ScoreExact, "خليفة حفتر"},
		{"khalifa", arabic.ScoreTokens, "Khalifa Haftar"},
		{"haf", arabic.ScoreTokenPrefix, "Khalifa Haftar"},
		{"المشير", arabic.ScoreTokens, "المشير خليفة حفتر"},
		{"conte", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			score, matched := bestMatch(arabic.Normalize(tt.query), haftar)
			if score != tt.wantScore || matched != tt.wantMatched {
				t.Errorf("bestMatch(%q) = %v, %q; want %v, %q", tt.query, score, matched, tt.wantScore, tt.wantMatched)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name string
		uri  string
		want error
	}{
		{"empty uri", "", graph.ErrInvalid},
		{"http scheme", "http://localhost:7474", graph.ErrInvalid},
		{"no scheme", "localhost:7687", graph.ErrInvalid},
		// Port 1 on the loopback interface refuses connections at once.
		{"unreachable bolt", "bolt://127.0.0.1:1", graph.ErrUnavailable},
		{"unreachable neo4j", "neo4j://127.0.0.1:1", graph.ErrUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(context.Background(), Config{URI: tt.uri, Username: "neo4j", Password: "x"})
			if err == nil {
				s.Close(context.Background())
				t.Fatalf("Open(%q) succeeded, want an error wrapping %v", tt.uri, tt.want)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Open(%q) = %v, want an error wrapping %v", tt.uri, err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "neo4jstore: open") {
				t.Errorf("Open(%q) error %q does not name the operation", tt.uri, err)
			}
		})
	}
}
