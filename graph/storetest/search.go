package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

type match struct {
	id      string
	score   float64
	matched string
}

func testSearch(t *testing.T, s graph.Store) {
	tests := []struct {
		name  string
		q     graph.SearchQuery
		want  []match
		error error
	}{
		{"alias exact", graph.SearchQuery{Text: "حفتر"}, []match{{"khalifa-haftar", arabic.ScoreExact, "حفتر"}}, nil},
		{"diacritics and spaces", graph.SearchQuery{Text: "  حَفْتَر  "}, []match{{"khalifa-haftar", arabic.ScoreExact, "حفتر"}}, nil},
		{"title and surname", graph.SearchQuery{Text: "المشير حفتر"}, []match{{"khalifa-haftar", arabic.ScoreTokens, "المشير خليفة حفتر"}}, nil},
		{"ta marbuta", graph.SearchQuery{Text: "خليفه"}, []match{{"khalifa-haftar", arabic.ScoreTokens, "خليفة حفتر"}}, nil},
		{"hamza finds both spellings", graph.SearchQuery{Text: "أحمد"}, []match{
			{"ahmed-mismari", arabic.ScoreTokens, "احمد المسماري"},
			{"ahmed-maiteeq", arabic.ScoreTokens, "أحمد معيتيق"},
		}, nil},
		{"bare alef finds both spellings", graph.SearchQuery{Text: "احمد"}, []match{
			{"ahmed-mismari", arabic.ScoreTokens, "احمد المسماري"},
			{"ahmed-maiteeq", arabic.ScoreTokens, "أحمد معيتيق"},
		}, nil},
		{"article dropped", graph.SearchQuery{Text: "امارات"}, []match{{"uae", arabic.ScoreNoArticle, "الإمارات"}}, nil},
		{"alias", graph.SearchQuery{Text: "واشنطن"}, []match{{"usa", arabic.ScoreExact, "واشنطن"}}, nil},
		{"words out of order of a long name", graph.SearchQuery{Text: "الجيش الليبي"}, []match{{"lna", arabic.ScoreTokens, "الجيش الوطني الليبي"}}, nil},
		{"apostrophe", graph.SearchQuery{Text: "Mu'ammar"}, []match{{"muammar-gaddafi", arabic.ScoreTokens, "Mu'ammar Gaddafi"}}, nil},
		{"english case folded", graph.SearchQuery{Text: "MUAMMAR"}, []match{{"muammar-gaddafi", arabic.ScoreTokens, "Muammar al-Gaddafi"}}, nil},
		{"score then articles", graph.SearchQuery{Text: "un"}, []match{
			{"un", arabic.ScoreExact, "UN"},
			{"uae", arabic.ScorePrefix, "United Arab Emirates"},
			{"usa", arabic.ScorePrefix, "United States"},
		}, nil},
		{"kinds", graph.SearchQuery{Text: "un", Kinds: []graph.Kind{graph.KindState}}, []match{
			{"uae", arabic.ScorePrefix, "United Arab Emirates"},
			{"usa", arabic.ScorePrefix, "United States"},
		}, nil},
		{"limit", graph.SearchQuery{Text: "un", Limit: 1}, []match{{"un", arabic.ScoreExact, "UN"}}, nil},
		{"word prefix ranked by articles", graph.SearchQuery{Text: "المت"}, []match{
			{"un", arabic.ScoreTokenPrefix, "الأمم المتحدة"},
			{"uae", arabic.ScoreTokenPrefix, "الإمارات العربية المتحدة"},
			{"usa", arabic.ScoreTokenPrefix, "الولايات المتحدة"},
		}, nil},
		{"score, articles, then id", graph.SearchQuery{Text: "al"}, []match{
			{"ahmed-mismari", arabic.ScoreTokens, "Ahmed al-Mismari"},
			{"fayez-al-sarraj", arabic.ScoreTokens, "Fayez al-Sarraj"},
			{"muammar-gaddafi", arabic.ScoreTokens, "Muammar al-Gaddafi"},
			{"khalifa-haftar", arabic.ScoreSubstring, "Khalifa Haftar"},
			{"lna", arabic.ScoreSubstring, "Libyan National Army"},
			{"gna", arabic.ScoreSubstring, "Government of National Accord"},
		}, nil},
		{"no match", graph.SearchQuery{Text: "xyz"}, nil, nil},
		{"empty text", graph.SearchQuery{Text: ""}, nil, graph.ErrInvalid},
		{"only punctuation", graph.SearchQuery{Text: "؟!"}, nil, graph.ErrInvalid},
		{"negative limit", graph.SearchQuery{Text: "un", Limit: -1}, nil, graph.ErrInvalid},
		{"limit too large", graph.SearchQuery{Text: "un", Limit: graph.MaxLimit + 1}, nil, graph.ErrInvalid},
		{"unknown kind", graph.SearchQuery{Text: "un", Kinds: []graph.Kind{"planet"}}, nil, graph.ErrInvalid},
		{"text too long", graph.SearchQuery{Text: strings.Repeat("حفتر ", 60)}, nil, graph.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.SearchActors(ctx, tt.q)
			if !checkErr(t, fmt.Sprintf("SearchActors(%q)", tt.q.Text), err, tt.error) {
				return
			}
			var gotM []match
			for _, m := range got {
				gotM = append(gotM, match{m.Actor.ID, m.Score, m.Matched})
				checkActor(t, "match "+m.Actor.ID, m.Actor, fixtureActor(m.Actor.ID))
			}
			if !slices.Equal(gotM, tt.want) {
				t.Errorf("SearchActors(%q):\n got  %v\n want %v", tt.q.Text, gotM, tt.want)
			}
		})
	}
}

func testSearchHostile(t *testing.T, s graph.Store) {
	haftar := []match{{"khalifa-haftar", arabic.ScoreExact, "حفتر"}}
	tests := []struct {
		name  string
		text  string
		want  []match
		error error
	}{
		{"quote inside a word", `a"b`, nil, nil},
		{"lone backslash", `\`, nil, graph.ErrInvalid},
		{"open parenthesis", `(x`, nil, nil},
		{"field syntax", `x:y`, nil, nil},
		{"trailing AND", `حفتر AND`, nil, nil},
		{"leading OR", `OR حفتر`, nil, nil},
		{"NOT alone", `NOT`, nil, nil},
		{"wildcard alone", `*`, nil, graph.ErrInvalid},
		{"trailing wildcard", `حف*`, []match{{"khalifa-haftar", arabic.ScorePrefix, "حفتر"}}, nil},
		{"leading fuzzy", `~حفتر`, haftar, nil},
		{"range", `[a TO z]`, nil, nil},
		{"open brace", `{`, nil, graph.ErrInvalid},
		{"boost", `حفتر^2`, nil, nil},
		{"unbalanced quote", `"حفتر`, haftar, nil},
		{"slash (regular expression)", `un/`, []match{
			{"un", arabic.ScoreExact, "UN"},
			{"uae", arabic.ScorePrefix, "United Arab Emirates"},
			{"usa", arabic.ScorePrefix, "United States"},
		}, nil},
		{"only operators", `+-&&||!`, nil, graph.ErrInvalid},
		{"trailing hyphen", `al-`, []match{
			{"ahmed-mismari", arabic.ScoreTokens, "Ahmed al-Mismari"},
			{"fayez-al-sarraj", arabic.ScoreTokens, "Fayez al-Sarraj"},
			{"muammar-gaddafi", arabic.ScoreTokens, "Muammar al-Gaddafi"},
			{"khalifa-haftar", arabic.ScoreSubstring, "Khalifa Haftar"},
			{"lna", arabic.ScoreSubstring, "Libyan National Army"},
			{"gna", arabic.ScoreSubstring, "Government of National Accord"},
		}, nil},
		{"question mark", `? حفتر`, haftar, nil},
		{"closing parenthesis", `حفتر)`, haftar, nil},
		{"the article alone", `ال`, []match{
			{"khalifa-haftar", arabic.ScorePrefix, "المشير خليفة حفتر"},
			{"egypt", arabic.ScorePrefix, "القاهرة"},
			{"un", arabic.ScorePrefix, "الأمم المتحدة"},
			{"fayez-al-sarraj", arabic.ScorePrefix, "السراج"},
			{"lna", arabic.ScorePrefix, "الجيش الوطني الليبي"},
			{"uae", arabic.ScorePrefix, "الإمارات"},
			{"usa", arabic.ScorePrefix, "الولايات المتحدة"},
			{"ahmed-mismari", arabic.ScoreTokenPrefix, "احمد المسماري"},
			{"gna", arabic.ScoreTokenPrefix, "حكومة الوفاق"},
			{"muammar-gaddafi", arabic.ScoreTokenPrefix, "معمر القذافي"},
		}, nil},
		{"the article twice", `ال ال`, nil, nil},
		{"10 KB", strings.Repeat("حفتر ", 2048), nil, graph.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.SearchActors(ctx, graph.SearchQuery{Text: tt.text})
			if !checkErr(t, "SearchActors", err, tt.error) {
				return
			}
			var gotM []match
			for _, m := range got {
				gotM = append(gotM, match{m.Actor.ID, m.Score, m.Matched})
			}
			if !slices.Equal(gotM, tt.want) {
				t.Errorf("SearchActors(%.40q):\n got  %v\n want %v", tt.text, gotM, tt.want)
			}
		})
	}
}
