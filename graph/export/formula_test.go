package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestGephiCSVNeutralisesFormulas checks that no cell of the Gephi CSV that
// comes from data starts with a formula character (= + - @ tab CR) unless it
// is a number, and that such cells keep their text after the added quote.
func TestGephiCSVNeutralisesFormulas(t *testing.T) {
	hostile := []string{`=HYPERLINK("http://evil.example","x")`, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tx", "\rx"}
	in := fixtureInput(t)
	in.Subgraph.Nodes = slices.Clone(in.Subgraph.Nodes)
	in.Articles = maps.Clone(in.Articles)
	for i, h := range hostile {
		in.Subgraph.Nodes[i%len(in.Subgraph.Nodes)].Name = h
	}
	for id, a := range in.Articles {
		a.Title, a.Source = hostile[0], hostile[3]
		in.Articles[id] = a
	}
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, GephiCSV, in); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for name, text := range unzip(t, buf.Bytes()) {
		records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, rec := range records {
			for j, cell := range rec {
				if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
					if _, err := strconv.ParseFloat(cell, 64); err != nil {
						t.Errorf("%s: row %d, column %d: got %q, a formula", name, i+1, j+1, cell)
					}
				}
				for _, h := range hostile {
					if strings.Contains(cell, "'"+h) {
						seen[h] = true
					}
				}
			}
		}
	}
	for _, h := range hostile {
		if !seen[h] {
			t.Errorf("no cell holds %q neutralised as '%s", h, h)
		}
	}
}

func TestNeutraliseFormulas(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+cmd", "'+cmd"},
		{"-cmd", "'-cmd"},
		{"@x", "'@x"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-0.5", "-0.5"},
		{"+3", "+3"},
		{"حفتر", "حفتر"},
		{"a=b", "a=b"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := neutraliseFormulas([]string{tt.in})[0]; got != tt.want {
			t.Errorf("neutraliseFormulas(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
