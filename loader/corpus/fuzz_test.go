package corpus

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/internal/inputtest"
)

// FuzzParseText checks that ParseText never panics, that its errors name
// the file and a line, and that an article it accepts is valid UTF-8 with
// the SHA-256 of its text.
func FuzzParseText(f *testing.F) {
	inputtest.AddFileSeeds(f, filepath.Join("..", "..", "data", "articles", "*.txt"), filepath.Join("testdata", "corpus", "*", "*.txt"))
	f.Add([]byte("---\ntitle: a\nurl: javascript:alert(1)\npublished: 2020-01-01\n---\nنص\n"))
	f.Add([]byte("\ufeff---\r\ntitle: \"\u202eabc\"\r\n---\r\ntext\r\n"))
	f.Add([]byte("---\na: &a [*a, *a]\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseText("f.txt", "f", data)
		if err != nil {
			inputtest.CheckPositioned(t, err, "f.txt")
			return
		}
		if a.ID != "f" || !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || a.SHA256 != graph.TextSHA256(a.Text) {
			t.Fatalf("got article %+v from %q: want id f, valid UTF-8 and the text's SHA-256", a, data)
		}
	})
}

// FuzzJSONL checks that reading a JSON Lines file never panics, reports
// every record at most once by an increasing line number, and that every
// record it accepts passes the checks made before storing (an id that can
// be opened, a link that is http(s) or none, no bidi control in the title
// or source, no NUL).
func FuzzJSONL(f *testing.F) {
	inputtest.AddFileSeeds(f, filepath.Join("testdata", "corpus", "*", "*.jsonl"))
	f.Add([]byte(`{"id": "a", "text": "نص"}` + "\n" + `{"id": "b", "text": "a\u0000b"}` + "\n"))
	f.Add([]byte("{\"id\": \"a\x00\", \"text\": \"x\"}\r\n{\"id\": \"../x\", \"text\": \"\"}\n{\"id\": \"c\", \"url\": \"data:x\", \"text\": \"y\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "r.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		last := 0
		err := Walk(context.Background(), []string{path}, func(it Item) error {
			if it.Line <= last {
				t.Fatalf("item at line %d after line %d", it.Line, last)
			}
			last = it.Line
			if it.Err != nil {
				return nil
			}
			a := it.Article
			if err := graph.CheckArticleID(a.ID); err != nil {
				t.Fatalf("line %d: accepted %v", it.Line, err)
			}
			if a.URL != "" && !graph.WebURL(a.URL) {
				t.Fatalf("line %d: accepted url %q", it.Line, a.URL)
			}
			for _, s := range []string{a.Title, a.Source, a.Text, a.URL} {
				if strings.IndexFunc(s, graph.IsBidiControl) >= 0 && s != a.Text || strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s) {
					t.Fatalf("line %d: accepted %q", it.Line, s)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if lines := bytes.Count(data, []byte("\n")) + 1; last > lines {
			t.Fatalf("got line %d in a file of %d lines", last, lines)
		}
	})
}

// FuzzReadLine checks that readLine returns every line of the input in
// order, without its newline.
func FuzzReadLine(f *testing.F) {
	f.Add([]byte("a\nb\r\n\nc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bufio.NewReaderSize(bytes.NewReader(data), 16)
		var got [][]byte
		for {
			line, err := readLine(r)
			if len(line) > 0 || err == nil {
				got = append(got, line)
			}
			if err != nil {
				break
			}
		}
		want := bytes.Split(data, []byte("\n"))
		if len(bytes.TrimSuffix(want[len(want)-1], []byte("\r"))) == 0 {
			want = want[:len(want)-1] // a last line without text is the end of the file
		}
		if len(got) != len(want) {
			t.Fatalf("got %d lines, want %d", len(got), len(want))
		}
		for i := range want {
			if w := bytes.TrimSuffix(want[i], []byte("\r")); !bytes.Equal(got[i], w) {
				t.Fatalf("line %d: got %q, want %q", i+1, got[i], w)
			}
		}
	})
}
