package loader

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
)

// TestLoadHostileArticles checks what the loader does with articles made to
// break the viewer: a NUL byte in a JSON Lines record, raw or escaped, skips
// that record alone by line; ids that cannot be opened are skipped with a
// clear error; a javascript: url is dropped, bidi controls in a title or
// source removed and an over-long title cut, each with a warning, and those
// articles still load.
func TestLoadHostileArticles(t *testing.T) {
	longID := strings.Repeat("x", graph.MaxArticleIDBytes+1)
	records := strings.Join([]string{
		`{"id": "ok1", "text": "نص أول"}`,
		"{\"id\": \"raw-nul\", \"text\": \"a\x00b\"}",
		`{"id": "escaped-nul", "text": "a\u0000b"}`,
		`{"id": "nul-title", "title": "t\u0000", "text": "نص"}`,
		`{"id": "a/b", "text": "نص"}`,
		`{"id": "ctl\u0007", "text": "نص"}`,
		`{"id": "` + longID + `", "text": "نص"}`,
		`{"id": "js-url", "url": "javascript:alert(1)", "text": "نص"}`,
		`{"id": "bidi", "title": "abc\u202eFDP.exe", "source": "\u2066Wire\u2069", "text": "نص"}`,
		`{"id": "long-title", "title": "` + strings.Repeat("ع", graph.MaxTitleBytes) + `", "text": "نص"}`,
		`{"id": "ok2", "url": "https://news.example/ok2", "text": "نص ثان"}`,
	}, "\n") + "\n"
	opts := fixture(t, map[string]string{"records.jsonl": records}, "", "")
	file := filepath.Join(opts.Corpus[0], "records.jsonl")
	s := memstore.New()
	sum, err := Load(context.Background(), s, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 5 {
		t.Errorf("got %d articles loaded, want 5 (ok1, js-url, bidi, long-title, ok2)", sum.Articles)
	}
	var skipped []string
	for _, sk := range sum.Skipped {
		skipped = append(skipped, sk.String())
	}
	wantSkipped := []string{
		file + ":2: record: NUL byte at offset 28",
		file + `:3 (escaped-nul): record "escaped-nul": text: NUL character (\u0000) at offset 1`,
		file + `:4 (nul-title): record: title: NUL character (\u0000) at offset 1`,
		file + `:5 (a/b): invalid: article id "a/b": contains / or \`,
		file + `:6 ("ctl\a"): invalid: article id "ctl\a": contains a control or invisible character`,
		file + `:7 ("` + longID[:60] + `"...): invalid: article id "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"...: 201 bytes, more than 200`,
	}
	if !slices.Equal(skipped, wantSkipped) {
		t.Errorf("got skipped\n%s\nwant\n%s", strings.Join(skipped, "\n"), strings.Join(wantSkipped, "\n"))
	}
	wantWarnings := []string{
		file + `:8: article "js-url": url "javascript:alert(1)" is not an http or https URL: not linked`,
		file + `:9: article "bidi": title: 1 bidi control character (U+202A..U+202E, U+2066..U+2069) removed`,
		file + `:9: article "bidi": source: 2 bidi control characters (U+202A..U+202E, U+2066..U+2069) removed`,
		file + `:10: article "long-title": title: 600 bytes, cut to 300`,
	}
	if !slices.Equal(sum.Warnings, wantWarnings) {
		t.Errorf("got warnings\n%s\nwant\n%s", strings.Join(sum.Warnings, "\n"), strings.Join(wantWarnings, "\n"))
	}
	for id, want := range map[string]graph.Article{
		"js-url":     {URL: ""},
		"bidi":       {Title: "abcFDP.exe", Source: "Wire"},
		"long-title": {Title: strings.Repeat("ع", graph.MaxTitleBytes/2)},
		"ok2":        {URL: "https://news.example/ok2"},
	} {
		a, err := s.Article(context.Background(), id)
		if err != nil {
			t.Errorf("article %s: %v", id, err)
			continue
		}
		got := graph.Article{URL: a.URL}
		if want.Title != "" {
			got.Title, got.Source = a.Title, a.Source
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("article %s: got %+v, want %+v", id, got, want)
		}
	}
}

// TestGazetteerNamesChecked checks that an actor name longer than
// graph.MaxNameBytes, or holding a bidi control, stops the load before
// anything is written, with an error naming the gazetteer file and line.
func TestGazetteerNamesChecked(t *testing.T) {
	for _, tt := range []struct{ name, value, want string }{
		{"long name", strings.Repeat("a", graph.MaxNameBytes+1), "301 bytes, more than 300"},
		{"bidi control", "Ev\u202eil", "bidi control"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opts := fixture(t, map[string]string{"a.txt": art1Text}, "", "")
			gaz := filepath.Join(t.TempDir(), "g.yaml")
			yaml := "actors:\n  - id: evil\n    kind: person\n    name: \"" + tt.value + "\"\n    names: [شرير]\n"
			if err := os.WriteFile(gaz, []byte(yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			opts.Gazetteers = append(opts.Gazetteers, gaz)
			s := memstore.New()
			_, err := Load(context.Background(), s, opts)
			if err == nil || !strings.Contains(err.Error(), gaz+":2:") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one naming %s:2 and %q", err, gaz, tt.want)
			}
			if got := counts(t, s); got != (graph.Counts{}) {
				t.Errorf("got %+v loaded, want nothing", got)
			}
		})
	}
}
