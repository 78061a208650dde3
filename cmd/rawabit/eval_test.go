package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestEvalFlags runs "eval" with each of its options on the seed articles
// and checks what it prints, where, and its exit status.
func TestEvalFlags(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	const seeds = "loader/extract/testdata/gold_seeds.json"
	tests := []struct {
		name                string
		args                []string
		code                int
		stdout, stderr      []string
		notStdout, notStder []string
	}{
		{"table", []string{"--gold", seeds, "data/articles"}, exitOK,
			[]string{"overall", "articles scored: 5"}, nil, []string{"threshold", "false positives"}, []string{"note:"}},
		{"verbose lists the rule of each false positive", []string{"--gold", seeds, "data/articles", "-v"}, exitOK,
			[]string{"false positives (", "misses (", "gold:  "}, nil, nil, nil},
		{"curve", []string{"--gold", seeds, "data/articles", "--curve"}, exitOK,
			[]string{"precision/recall by minimum confidence", "     0.30 ", "     0.95 "}, nil, nil, nil},
		{"min confidence out of range", []string{"--gold", seeds, "data/articles", "--min-confidence", "1.5"}, exitUsage,
			nil, []string{"--min-confidence", "outside [0,1]"}, nil, nil},
		{"no gold article read", []string{"--gold", seeds, "loader/extract/testdata/other"}, exitError,
			nil, []string{"warning: no article of the gold file", "nothing to score"}, []string{"overall"}, nil},
		{"gold articles not read are listed", []string{"--gold", "cmd/rawabit/testdata/gold_absent.json", "data/articles"}, exitOK,
			[]string{"articles scored: 1"}, []string{"note: 1 of the 2 articles", "no-such-article"}, nil, nil},
		{"annotation guide in the help", []string{"--help"}, exitOK,
			[]string{"docs/annotation.md", "--curve", "--json", "--min-confidence"}, nil, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, append([]string{"eval"}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("got exit %d (stderr %q), want %d", code, errOut, tc.code)
			}
			for _, w := range tc.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("got stdout %q, want it to contain %q", out, w)
				}
			}
			for _, w := range tc.stderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("got stderr %q, want it to contain %q", errOut, w)
				}
			}
			for _, w := range tc.notStdout {
				if strings.Contains(out, w) {
					t.Errorf("got stdout %q, want no %q", out, w)
				}
			}
			for _, w := range tc.notStder {
				if strings.Contains(errOut, w) {
					t.Errorf("got stderr %q, want no %q", errOut, w)
				}
			}
		})
	}
}

// TestEvalMinConfidence checks that --min-confidence scores only the claims
// "extract --min-confidence" prints: the JSON report's found count at a
// threshold equals the number of distinct claims extract keeps there.
func TestEvalMinConfidence(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	found := func(t *testing.T, min string) (int, float64) {
		t.Helper()
		code, out, errOut := runCLI(t, "eval", "--gold", "loader/extract/testdata/gold_seeds.json", "data/articles", "--json", "--min-confidence", min)
		if code != exitOK {
			t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
		}
		var rep struct {
			Overall struct {
				Found     int     `json:"found"`
				Precision float64 `json:"precision"`
			} `json:"overall"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("got invalid JSON %v: %s", err, out)
		}
		return rep.Overall.Found, rep.Overall.Precision
	}
	lines := func(t *testing.T, min string) int {
		t.Helper()
		code, out, errOut := runCLI(t, "extract", "--min-confidence", min, "data/articles")
		if code != exitOK {
			t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
		}
		return strings.Count(out, "\n")
	}
	all, _ := found(t, "0")
	for _, tc := range []struct {
		min  string
		want func(n int) bool
		what string
	}{
		{"0.7", func(n int) bool { return n > 0 && n < all }, "some but not all"},
		{"0.96", func(n int) bool { return n == 0 }, "none"},
	} {
		t.Run(tc.min, func(t *testing.T) {
			n, _ := found(t, tc.min)
			if !tc.want(n) {
				t.Errorf("got %d claims found at %s (of %d), want %s", n, tc.min, all, tc.what)
			}
			if l := lines(t, tc.min); (l == 0) != (n == 0) || l < n {
				t.Errorf("got %d lines from extract and %d claims scored by eval at %s, want extract to keep at least as many, none only when eval has none", l, n, tc.min)
			}
		})
	}
	if code, _, errOut := runCLI(t, "extract", "--min-confidence", "-0.1", "data/articles"); code != exitUsage || !strings.Contains(errOut, "--min-confidence") {
		t.Errorf("got exit %d and stderr %q for a negative minimum, want %d naming the flag", code, errOut, exitUsage)
	}
}
