package corpus

import (
	"bufio"
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
)

func TestParseText(t *testing.T) {
	date := time.Date(2019, 11, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		in      string
		want    graph.Article
		wantErr string
	}{
		{
			name: "front matter",
			in:   "---\ntitle: عنوان\nsource: Wire\nurl: https://example.org/x\npublished: 2019-11-14\n---\nالنص.\n",
			want: graph.Article{Title: "عنوان", Source: "Wire", URL: "https://example.org/x", Published: date, DateSource: graph.DateFrontMatter, Text: "النص.\n"},
		},
		{
			name: "no front matter: title is the first non-empty line",
			in:   "\n  \nالسطر الأول  \nالثاني",
			want: graph.Article{Title: "السطر الأول", Text: "\n  \nالسطر الأول  \nالثاني"},
		},
		{
			name: "front matter without title",
			in:   "---\nsource: Wire\n---\nأول\nثان",
			want: graph.Article{Title: "أول", Source: "Wire", Text: "أول\nثان"},
		},
		{
			name: "CRLF front matter and byte order mark",
			in:   "\ufeff---\r\ntitle: t\r\n---\r\nنص",
			want: graph.Article{Title: "t", Text: "نص"},
		},
		{
			name: "empty front matter",
			in:   "---\n---\nنص",
			want: graph.Article{Title: "نص", Text: "نص"},
		},
		{
			name: "text after front matter kept byte for byte",
			in:   "---\ntitle: t\n---\n\n  نص مع مسافات  \n\n",
			want: graph.Article{Title: "t", Text: "\n  نص مع مسافات  \n\n"},
		},
		{name: "unknown key", in: "---\ntitle: t\nauthor: x\n---\nنص", wantErr: `f.txt:3:1: front matter: unknown key "author"`},
		{name: "bad date", in: "---\npublished: 14/11/2019\n---\nنص", wantErr: `f.txt:2:1: front matter: published: date "14/11/2019": want YYYY-MM-DD`},
		{name: "unclosed front matter", in: "---\ntitle: t\nنص", wantErr: "f.txt:1: front matter opened by --- is never closed"},
		{name: "malformed YAML", in: "---\ntitle: [t\n---\nنص", wantErr: "f.txt:"},
		{name: "list value", in: "---\ntitle: t\nsource: [a, b]\n---\nنص", wantErr: "f.txt:3:9: front matter: source: want a single value"},
		{name: "not UTF-8", in: "سطر\nCaf\xe9", wantErr: "f.txt:2: not UTF-8 (invalid byte at offset 10)"},
		{name: "binary", in: "abc\x00def", wantErr: "f.txt:1: binary file (NUL byte at offset 3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseText("f.txt", "f", []byte(tt.in))
			if tt.wantErr != "" {
				msg, ok := graph.UserMessage(err)
				if !ok || !strings.Contains(msg, tt.wantErr) {
					t.Fatalf("got error %v (user message %q), want a *graph.Error whose message contains %q", err, msg, tt.wantErr)
				}
				if !errors.Is(err, graph.ErrInvalid) {
					t.Errorf("got error %v, want it to wrap graph.ErrInvalid", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			want.ID, want.Language, want.SHA256 = "f", "ar", graph.TextSHA256(want.Text)
			if got != want {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

// walk collects what Walk reports: "where id" for articles and
// "where: error" for failures.
func walk(t *testing.T, paths ...string) (articles map[string]graph.Article, got []string) {
	t.Helper()
	articles = map[string]graph.Article{}
	err := Walk(context.Background(), paths, func(it Item) error {
		if it.Err != nil {
			msg, ok := graph.UserMessage(it.Err)
			if !ok {
				msg = "(not a *graph.Error) " + it.Err.Error()
			}
			got = append(got, it.Where()+": ERROR "+msg)
			return nil
		}
		articles[it.Article.ID] = it.Article
		line := it.Where() + " " + it.Article.ID
		if it.Empty {
			line += " (empty)"
		}
		got = append(got, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return articles, got
}

func TestWalk(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	jsonl := filepath.Join(dir, "more", "records.jsonl")
	articles, got := walk(t, dir)
	want := []string{
		"testdata/corpus/more/blob.txt: ERROR testdata/corpus/more/blob.txt:1: binary file (NUL byte at offset 3)",
		"testdata/corpus/more/latin1.txt: ERROR testdata/corpus/more/latin1.txt:1: not UTF-8 (invalid byte at offset 3)",
		jsonl + ":1 j1",
		jsonl + ":3 j2",
		jsonl + `:4: ERROR ` + jsonl + `:4: record: json: unknown field "author"`,
		jsonl + `:5: ERROR ` + jsonl + `:5: record: unexpected EOF`,
		jsonl + `:6: ERROR ` + jsonl + `:6: record: missing id`,
		jsonl + `:7: ERROR ` + jsonl + `:7: record "j5": published: date "15/04/2019": want YYYY-MM-DD`,
		jsonl + `:8: ERROR ` + jsonl + `:8: not UTF-8 (invalid byte at offset 25 of the record)`,
		jsonl + ":9 j7",
		"testdata/corpus/news/a1.txt a1",
		"testdata/corpus/news/a2.txt a2",
		"testdata/corpus/news/empty.txt empty (empty)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	j1 := articles["j1"]
	wantJ1 := graph.Article{ID: "j1", Title: "سجل أول", Source: "Wire", URL: "https://news.example/j1", Published: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), DateSource: graph.DateJSONL,
		Language: "ar", Text: "استقبل الرئيس التركي رجب طيب أردوغان فائز السراج في أنقرة."}
	wantJ1.SHA256 = graph.TextSHA256(wantJ1.Text)
	if j1 != wantJ1 {
		t.Errorf("got j1 %+v\nwant %+v", j1, wantJ1)
	}
	if got, want := articles["j2"].Title, "دعمت روسيا حفتر."; got != want {
		t.Errorf("got j2 title %q, want %q (the first line)", got, want)
	}
}

func TestWalkMissingPathGoesOn(t *testing.T) {
	_, got := walk(t, filepath.Join("testdata", "nope"), filepath.Join("testdata", "corpus", "news", "a2.txt"))
	if len(got) != 2 || !strings.Contains(got[0], "testdata/nope: ERROR") || got[1] != "testdata/corpus/news/a2.txt a2" {
		t.Errorf("got %q, want an error for testdata/nope and then article a2", got)
	}
}

func TestWalkStdin(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		paths []string
		want  []string
	}{
		{
			name:  "stdin among files, named twice, read once in its place",
			stdin: "---\ntitle: من الدخل\n---\nالتقى أردوغان السراج.\n",
			paths: []string{StdinPath, filepath.Join("testdata", "corpus", "news", "a2.txt"), StdinPath},
			want:  []string{"- stdin", "testdata/corpus/news/a2.txt a2"},
		},
		{
			name:  "empty stdin is an empty article",
			stdin: "",
			paths: []string{StdinPath},
			want:  []string{"- stdin (empty)"},
		},
		{
			name:  "binary stdin is an error naming -",
			stdin: "ab\x00c",
			paths: []string{StdinPath},
			want:  []string{"-: ERROR -:1: binary file (NUL byte at offset 2)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := Stdin
			Stdin = strings.NewReader(tt.stdin)
			t.Cleanup(func() { Stdin = old })
			articles, got := walk(t, tt.paths...)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if a, ok := articles[StdinArticleID]; ok && a.SHA256 != graph.TextSHA256(a.Text) {
				t.Errorf("got stdin SHA256 %q, want the text's", a.SHA256)
			}
		})
	}
}

func TestReadLineBounded(t *testing.T) {
	long := strings.Repeat("x", 3<<20)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"short lines", "a\nb\r\nc", []string{"a", "b", "c"}},
		{"line longer than the reader's buffer", long + "\nz\n", []string{long, "z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := bufioReader(tt.in)
			var got []string
			for {
				line, err := readLine(r)
				if len(line) > 0 || err == nil {
					got = append(got, string(line))
				}
				if err != nil {
					break
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d lines, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("line %d: got %d bytes, want %d", i, len(got[i]), len(tt.want[i]))
				}
			}
		})
	}
}

func bufioReader(s string) *bufio.Reader { return bufio.NewReaderSize(strings.NewReader(s), 1<<20) }

// TestArticleDates checks where an article's date comes from: the front
// matter or the JSON Lines field wins, and an article without either is
// dated from its text when the text has a date.
func TestArticleDates(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name   string
		file   string
		data   string
		want   time.Time
		source graph.DateSource
	}{
		{"front matter", "a.txt", "---\npublished: 2019-11-14\n---\nقال في 15 أغسطس 2019 إن", day("2019-11-14"), graph.DateFrontMatter},
		{"text", "b.txt", "---\ntitle: x\n---\nطرابلس - الأحد 15 آب/أغسطس 2019: قال", day("2019-08-15"), graph.DateText},
		{"text without front matter", "c.txt", "نشر في ١٥ أغسطس ٢٠١٩", day("2019-08-15"), graph.DateText},
		{"no date", "d.txt", "لا تاريخ هنا", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseText(tt.file, "x", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if !a.Published.Equal(tt.want) || a.DateSource != tt.source {
				t.Errorf("got %v from %q, want %v from %q", a.Published, a.DateSource, tt.want, tt.source)
			}
		})
	}
	t.Run("jsonl", func(t *testing.T) {
		it := parseRecord("r.jsonl", 1, []byte(`{"id": "j", "text": "في 15 أغسطس 2019", "published": "2020-01-02"}`), false)
		if it.Err != nil || it.Article.Published != day("2020-01-02") || it.Article.DateSource != graph.DateJSONL {
			t.Errorf("got %v from %q (%v), want 2020-01-02 from jsonl", it.Article.Published, it.Article.DateSource, it.Err)
		}
		it = parseRecord("r.jsonl", 2, []byte(`{"id": "k", "text": "في 15 أغسطس 2019"}`), false)
		if it.Err != nil || it.Article.Published != day("2019-08-15") || it.Article.DateSource != graph.DateText {
			t.Errorf("got %v from %q (%v), want 2019-08-15 from the text", it.Article.Published, it.Article.DateSource, it.Err)
		}
	})
}

// TestWalkDeferred checks that the items of WalkDeferred, completed with
// Item.Complete, are those of Walk, in the same order, for every kind of
// file and error in the test corpus.
func TestWalkDeferred(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
	}{
		{"corpus folder", []string{filepath.Join("testdata", "corpus")}},
		{"one JSON Lines file", []string{filepath.Join("testdata", "corpus", "more", "records.jsonl")}},
		{"a missing path and a text file", []string{filepath.Join("testdata", "nope"), filepath.Join("testdata", "corpus", "news", "a2.txt")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want, got []Item
			if err := Walk(context.Background(), tt.paths, func(it Item) error { want = append(want, it); return nil }); err != nil {
				t.Fatal(err)
			}
			if err := WalkDeferred(context.Background(), tt.paths, func(it Item) error { got = append(got, it); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("got %d items, want %d", len(got), len(want))
			}
			for i := range got {
				got[i].Complete()
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("item %d: got %+v\nwant %+v", i, got[i], want[i])
				}
			}
		})
	}
}
