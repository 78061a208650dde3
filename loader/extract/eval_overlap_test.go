package extract

import (
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// TestDiscoveredOverlap checks how a gold form aligns to a name the
// extractor discovered when their ends differ.
func TestDiscoveredOverlap(t *testing.T) {
	d := DiscoveredID(graph.KindPerson, "محمد بن نايف بن عبدالعزيز")
	produced := map[string]map[string]int{
		"محمد بن نايف بن عبدالعزيز": {d: 1},
		"محمد بن سلمان":             {"mohammed-bin-salman": 1},
	}
	tests := []struct{ form, want string }{
		{"الامير محمد بن نايف", d},
		{"محمد بن نايف", d},
		{"محمد بن زايد", ""},      // "محمد بن" holds one word that is not a particle
		{"محمد بن سلمان", ""},     // a gazetteer actor is aligned by resolve, not here
		{"نايف بن عبدالعزيز", ""}, // the run must start with the discovered name's first word
	}
	for _, tc := range tests {
		t.Run(tc.form, func(t *testing.T) {
			if got := discoveredOverlap(tc.form, produced); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
