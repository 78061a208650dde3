package model

import (
	"slices"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

func TestSearchKeys(t *testing.T) {
	a := graph.Actor{ID: "uae", Name: "United Arab Emirates", NameAr: "الإمارات", Aliases: []string{"الامارات", "أبوظبي", "!!"}, Kind: graph.KindState}
	want := []string{"united arab emirates", "الامارات", "ابوظبي"}
	if got := SearchKeys(a); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRelationshipType(t *testing.T) {
	tests := []struct {
		in   graph.RelationType
		want string
	}{{graph.Met, "MET"}, {graph.Supported, "SUPPORTED"}, {graph.Opposed, "OPPOSED"}, {"LIKES", "MET"}}
	for _, tt := range tests {
		t.Run(string(tt.in), func(t *testing.T) {
			if got := RelationshipType(tt.in); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestCSVHeaderAndConstraints(t *testing.T) {
	var got []string
	for _, p := range ClaimProperties {
		got = append(got, p.CSVHeader())
	}
	want := []string{"id", "article", "quote", "start:long", "end:long", "certainty", "confidence:double", "extractor", "rule"}
	if !slices.Equal(got, want) {
		t.Errorf("got claim headers %q, want %q", got, want)
	}
	var names []string
	for _, ix := range Constraints(Actor, Article) {
		names = append(names, ix.Name)
	}
	if want := []string{"actor_id", "article_id"}; !slices.Equal(names, want) {
		t.Errorf("got constraints %q, want %q", names, want)
	}
}
