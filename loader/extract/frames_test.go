package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/internal/input"
)

// TestFrames reads every test sentence of every frame of the shipped
// lexicon and checks that it gives exactly the frame's wanted claims by
// that frame ("opposed bahrain -> iran"), and nothing by it otherwise.
func TestFrames(t *testing.T) {
	x := testExtractor(t)
	if len(x.frames) == 0 {
		t.Fatal("the shipped lexicon has no frames")
	}
	for _, f := range x.frames {
		for _, tc := range f.tests {
			t.Run(f.name+"/"+tc.Text, func(t *testing.T) {
				res, _, err := x.ExtractText(context.Background(), "t", tc.Text)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range res {
					if r.Rule == "frame/"+f.name {
						got = append(got, strings.ToLower(string(r.Claim.Type))+" "+r.Claim.Source+" -> "+r.Claim.Target)
					}
				}
				want := slices.Clone(tc.Want)
				slices.Sort(got)
				slices.Sort(want)
				got = slices.Compact(got)
				if !slices.Equal(got, want) {
					var all []string
					for _, r := range res {
						all = append(all, r.Rule+": "+r.Claim.Source+" -> "+r.Claim.Target)
					}
					t.Errorf("got %q, want %q (all claims: %q)", got, want, all)
				}
			})
		}
	}
}

// TestFrameErrors checks that a malformed frame is refused with its line.
func TestFrameErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"no name", "frames:\n  - relation: met\n    confidence: 0.7\n    verbs: [قابل]\n    source: subject\n    target: object\n    tests: [{text: x}]\n", "t.yaml:2: frame \"\": no name"},
		{"bad relation", "frames:\n  - name: a\n    relation: likes\n    confidence: 0.7\n    verbs: [قابل]\n    source: subject\n    target: object\n    tests: [{text: x}]\n", "t.yaml:2: frame \"a\": relation"},
		{"bad confidence", "frames:\n  - name: a\n    relation: met\n    confidence: 1.5\n    verbs: [قابل]\n    source: subject\n    target: object\n    tests: [{text: x}]\n", "confidence 1.5"},
		{"no tests", "frames:\n  - name: a\n    relation: met\n    confidence: 0.7\n    verbs: [قابل]\n    source: subject\n    target: object\n", "no test sentences"},
		{"bad slot", "frames:\n  - name: a\n    relation: met\n    confidence: 0.7\n    verbs: [قابل]\n    source: subject\n    target: nowhere\n    tests: [{text: x}]\n", "want two of subject"},
		{"after without markers", "frames:\n  - name: a\n    relation: met\n    confidence: 0.7\n    verbs: [قابل]\n    source: subject\n    target: after\n    tests: [{text: x}]\n", "an after slot needs markers"},
		{"a verb of two words", "frames:\n  - name: a\n    relation: met\n    confidence: 0.7\n    verbs: [قابل, قرر لقاء]\n    source: subject\n    target: object\n    tests: [{text: x}]\n", "t.yaml:2: frame \"a\": verbs: \"قرر لقاء\" is more than one word"},
		{"an object of two words", "frames:\n  - name: a\n    relation: met\n    confidence: 0.7\n    verbs: [أجرى]\n    objects: [اتصالا هاتفيا]\n    source: subject\n    target: object\n    tests: [{text: x}]\n", "frame \"a\": objects: \"اتصالا هاتفيا\" is more than one word"},
		{"twice", "frames:\n  - name: a\n    relation: met\n    confidence: 0.7\n    verbs: [قابل]\n    source: subject\n    target: object\n    tests: [{text: x}]\n  - name: a\n    relation: met\n    confidence: 0.7\n    verbs: [قابل]\n    source: subject\n    target: object\n    tests: [{text: x}]\n", "t.yaml:9: frame \"a\": already defined at line 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseLexicon("t.yaml", []byte(tc.yaml))
			if got := strings.Join(input.Messages(err), "\n"); err == nil || !strings.Contains(got, tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestEventConstructions reads the test sentences of every entry of the
// event table and checks that it gives exactly the wanted claims by that
// entry.
func TestEventConstructions(t *testing.T) {
	x := testExtractor(t)
	for _, ec := range eventConstructions {
		if len(ec.tests) == 0 {
			t.Errorf("%s: no test sentences", ec.name)
		}
		for _, tc := range ec.tests {
			t.Run(ec.name, func(t *testing.T) {
				res, _, err := x.ExtractText(context.Background(), "t", tc.Text)
				if err != nil {
					t.Fatal(err)
				}
				var got, all []string
				for _, r := range res {
					c := strings.ToLower(string(r.Claim.Type)) + " " + r.Claim.Source + " -> " + r.Claim.Target
					all = append(all, r.Rule+": "+c)
					if r.Rule == ec.name {
						got = append(got, c)
					}
				}
				want := slices.Clone(tc.Want)
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("got %q, want %q (all claims: %q)", got, want, all)
				}
			})
		}
	}
}

// TestReadings reads the test sentences of every entry of the clause
// reader's, the noun and the embedded events' tables and checks that each gives its claim by the
// rule it names.
func TestReadings(t *testing.T) {
	x := testExtractor(t)
	type entry struct {
		name  string
		tests []readingTest
	}
	var entries []entry
	for _, r := range clauseReadings {
		entries = append(entries, entry{r.name, r.tests})
	}
	for _, r := range nounReadings {
		entries = append(entries, entry{r.name, r.tests})
	}
	for _, r := range eventAgents {
		entries = append(entries, entry{r.name, r.tests})
	}
	for _, r := range eventStances {
		entries = append(entries, entry{r.name, r.tests})
	}
	for _, e := range entries {
		if len(e.tests) == 0 {
			t.Errorf("%s: no test sentence", e.name)
		}
		for _, tc := range e.tests {
			t.Run(e.name, func(t *testing.T) {
				res, _, err := x.ExtractText(context.Background(), "t", tc.text)
				if err != nil {
					t.Fatal(err)
				}
				if tc.want == "" {
					// A veto: the sentence gives no claim at all.
					if len(res) > 0 {
						t.Errorf("%s: got %d claims (%s by %s), want none", tc.text, len(res), res[0].Claim.Type, res[0].Rule)
					}
					return
				}
				var all []string
				for _, r := range res {
					c := strings.ToLower(string(r.Claim.Type)) + " " + r.Claim.Source + " -> " + r.Claim.Target
					if c == tc.want && r.Rule == tc.rule {
						return
					}
					all = append(all, c+" ["+r.Rule+"]")
				}
				t.Errorf("%s: got %q, want %q by %s", tc.text, all, tc.want, tc.rule)
			})
		}
	}
}
