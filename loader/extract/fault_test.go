package extract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/loader/corpus"
)

// TestRuleFault checks that a panic in the rules on one sentence refuses
// that article with a *RuleFault naming the sentence, and that the
// extractor reads the next article as before (its pools are not left
// with the faulted analyzer's state).
func TestRuleFault(t *testing.T) {
	x := testExtractor(t)
	const good = "استقبل الرئيس عبد الفتاح السيسي خليفة حفتر في القاهرة."
	want, _, err := x.ExtractText(context.Background(), "before", good)
	if err != nil || len(want) == 0 {
		t.Fatalf("ExtractText(good) = %d claims, %v; want claims and no error", len(want), err)
	}
	const marker = "جملة-تفشل"
	beforeSentence = func(s string) {
		if strings.Contains(s, marker) {
			panic("rule bug for the test")
		}
	}
	t.Cleanup(func() { beforeSentence = nil })

	text := good + " " + marker + " هنا."
	_, _, err = x.ExtractText(context.Background(), "faulty", text)
	var fault *RuleFault
	if !errors.As(err, &fault) {
		t.Fatalf("ExtractText(faulty) error = %v, want a *RuleFault", err)
	}
	if got := strings.TrimSpace(text[fault.Offset:]); !strings.HasPrefix(got, marker) {
		t.Errorf("fault at byte %d, where the text reads %.30q, want the failing sentence's start", fault.Offset, got)
	}
	if !strings.Contains(fault.Sentence, marker) || fault.Value != "rule bug for the test" || len(fault.Stack) == 0 {
		t.Errorf("fault = {Sentence %q, Value %v, %d bytes of stack}, want the sentence, the panic value and a stack", fault.Sentence, fault.Value, len(fault.Stack))
	}
	if !strings.Contains(err.Error(), `article "faulty"`) {
		t.Errorf("error %q does not name the article", err)
	}

	for i := range 3 { // the pools serve the next articles as before
		got, _, err := x.ExtractText(context.Background(), "after", good)
		if err != nil || len(got) != len(want) {
			t.Fatalf("after the fault, round %d: %d claims, %v; want %d claims", i, len(got), err, len(want))
		}
	}
}

func TestTruncateUTF8(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"abc", 2, "ab"},
		{"حفتر", 3, "ح"}, // 2-byte letters: cut back to a rune start
		{"حفتر", 4, "حف"},
	} {
		if got := truncateUTF8(tc.s, tc.n); got != tc.want {
			t.Errorf("truncateUTF8(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

// TestRuleFaultCorpus checks that ExtractCorpus reports an article on which
// the rules fail as a problem naming its file and reads the next one.
func TestRuleFaultCorpus(t *testing.T) {
	x := testExtractor(t)
	const marker = "جملة-تفشل"
	beforeSentence = func(s string) {
		if strings.Contains(s, marker) {
			panic("rule bug for the test")
		}
	}
	t.Cleanup(func() { beforeSentence = nil })
	dir := t.TempDir()
	const good = "استقبل الرئيس عبد الفتاح السيسي خليفة حفتر في القاهرة."
	for name, text := range map[string]string{"a-faulty.txt": marker + " هنا.", "b-good.txt": good} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var problems []Problem
	claims := map[string]int{}
	st, err := x.ExtractCorpus(context.Background(), []string{dir},
		func(p Problem) error { problems = append(problems, p); return nil },
		func(it corpus.Item, r Result) error { claims[it.Article.ID]++; return nil })
	if err != nil {
		t.Fatalf("ExtractCorpus: %v", err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Where, "a-faulty.txt") || problems[0].Warning {
		t.Fatalf("problems = %+v, want one error naming a-faulty.txt", problems)
	}
	if claims["b-good"] == 0 || st.Skipped != 1 {
		t.Errorf("got %d claims of b-good and %d skipped, want claims and 1 skipped", claims["b-good"], st.Skipped)
	}
}
