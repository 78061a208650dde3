package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// readmeCommand is one line of a README shell block: environment
// assignments, then "rawabit" and its arguments, then an optional comment.
type readmeCommand struct {
	line string
	env  map[string]string
	args []string
}

// readmeCommands returns the commands of the first ```sh block of the README
// section titled heading.
func readmeCommands(t *testing.T, heading string) []readmeCommand {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## "+heading+"\n")
	if !ok {
		t.Fatalf("README.md: no section %q", heading)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	_, block, ok := strings.Cut(section, "```sh\n")
	if !ok {
		t.Fatalf("README.md, section %q: no sh block", heading)
	}
	block, _, _ = strings.Cut(block, "```")
	var cmds []readmeCommand
	for line := range strings.SplitSeq(strings.TrimSpace(block), "\n") {
		code, _, _ := strings.Cut(line, "#")
		c := readmeCommand{line: strings.TrimSpace(code), env: map[string]string{}}
		words := strings.Fields(code)
		for len(words) > 0 && strings.Contains(words[0], "=") {
			k, v, _ := strings.Cut(words[0], "=")
			c.env[k] = v
			words = words[1:]
		}
		if len(words) < 2 || words[0] != "rawabit" {
			t.Fatalf("README.md, section %q: %q is not a rawabit command", heading, line)
		}
		c.args = words[1:]
		cmds = append(cmds, c)
	}
	return cmds
}

// Two articles written for this test: a .txt file with front matter and a
// JSON Lines record, each stating one relation between gazetteer actors.
var ownArticles = map[string]string{
	"my-articles/cairo.txt": "---\ntitle: \"لقاء في القاهرة\"\npublished: 2024-03-02\n---\n" +
		"التقى الرئيس المصري عبد الفتاح السيسي المشير خليفة حفتر في القاهرة يوم الأحد.\n",
	"my-articles/wire/news.jsonl": `{"id":"wire-1","title":"دعم","text":"أعلنت تركيا دعمها لحكومة الوفاق الوطني في طرابلس."}` + "\n",
}

// TestReadmeOwnArticles runs the commands of the README's "Your own
// articles" section, in a folder holding the shipped data files and a
// folder of two articles: load reports them, and serve serves exactly them
// with their claims (the seed articles' curated claims only warned about).
func TestReadmeOwnArticles(t *testing.T) {
	clearEnv(t)
	cmds := readmeCommands(t, "Your own articles")
	dir := t.TempDir()
	shipped, err := filepath.Glob(filepath.Join(repoRoot, "data", "*.yaml"))
	if err != nil || len(shipped) == 0 {
		t.Fatalf("no shipped data files: %v", err)
	}
	files := map[string]string{}
	for _, f := range shipped {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Join("data", filepath.Base(f))] = string(data)
	}
	for name, text := range ownArticles {
		files[name] = text
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	t.Setenv("RAWABIT_DATA_SNAPSHOT", filepath.Join(dir, "cache", "snapshot.bin"))

	for _, c := range cmds {
		t.Run(c.line, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			switch c.args[0] {
			case "load":
				code, out, errOut := runCLI(t, c.args...)
				if code != exitOK || !strings.Contains(out, "Loaded 2 articles") {
					t.Errorf("got exit %d, stdout %q, stderr %q; want 0 and 2 articles loaded", code, out, errOut)
				}
			case "serve":
				counts, logs := serveStats(t, c.args)
				if counts.Articles != 2 || counts.Claims < 2 {
					t.Errorf("got %+v, want 2 articles and at least 2 claims; logs:\n%s", counts, logs)
				}
				if n := strings.Count(logs, "not in the corpus"); n != 1 {
					t.Errorf("got %d warnings about claims outside the corpus, want 1; logs:\n%s", n, logs)
				}
			default:
				t.Fatalf("no check for command %q", c.line)
			}
		})
	}
}

// serveStats runs "rawabit ARGS" in-process on a free port, reads
// /api/stats, stops the server and returns the counts and the logs.
func serveStats(t *testing.T, args []string) (graph.Counts, string) {
	t.Helper()
	var counts graph.Counts
	logs := serveWhile(t, args, func(base string) {
		getJSON(t, base+"/api/stats", "", &counts)
	})
	return counts, logs
}

// serveWhile runs "rawabit ARGS" in-process on a free port, calls fn with
// the server's base URL, stops the server and returns its logs.
func serveWhile(t *testing.T, args []string, fn func(base string)) string {
	t.Helper()
	var logs bytes.Buffer
	listening := make(chan net.Listener, 1)
	app := &App{Stdout: &logs, Stderr: &logs, Listen: func(string) (net.Listener, error) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err == nil {
			listening <- ln
		}
		return ln, err
	}}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	exited := make(chan int, 1)
	go func() { exited <- runApp(ctx, app, args) }()
	var ln net.Listener
	select {
	case ln = <-listening:
	case code := <-exited:
		t.Fatalf("rawabit %s: exit %d before listening; logs:\n%s", strings.Join(args, " "), code, logs.String())
	}
	fn("http://" + ln.Addr().String())
	cancel()
	if code := <-exited; code != exitOK {
		t.Errorf("got exit %d after stop, want 0", code)
	}
	return logs.String()
}

// getJSON GETs url (with a bearer token unless "") into v, failing the test
// on a status other than 200.
func getJSON(t *testing.T, url, token string, v any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: got %d %s", url, resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v (%s)", url, err, body)
	}
}

// TestServeSnapshot serves the same folder twice, away from the project
// folder (so with the embedded gazetteer and lexicon): the first start extracts
// every article and writes the snapshot, the second extracts none and
// serves the same graph; a gazetteer added makes every article extracted
// again, once; after an article changes, only it is extracted.
func TestServeSnapshot(t *testing.T) {
	clearEnv(t)
	dir := t.TempDir()
	for name, text := range ownArticles {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir) // away from the project: the shipped data is the embedded copy
	snapshot := filepath.Join(dir, "snap", "snapshot.bin")
	t.Setenv("RAWABIT_DATA_SNAPSHOT", snapshot)
	args := []string{"serve", filepath.Join(dir, "my-articles")}
	extra := filepath.Join(dir, "extra.yaml")
	withExtra := []string{"serve", "--gazetteer", extra, filepath.Join(dir, "my-articles")}
	steps := []struct {
		name   string
		before func(t *testing.T)
		want   string
	}{
		{"first start", func(*testing.T) {}, "reused=0 extracted=2"},
		{"unchanged", func(*testing.T) {}, "reused=2 extracted=0"},
		{"a gazetteer added", func(t *testing.T) {
			if err := os.WriteFile(extra, []byte("actors:\n  - {id: test-extra, name: Extra, kind: person, names: [\"سليم الإضافي\"]}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			args = withExtra
		}, "reused=0 extracted=2"},
		{"unchanged with it", func(*testing.T) {}, "reused=2 extracted=0"},
		{"one article changed", func(t *testing.T) {
			f, err := os.OpenFile(filepath.Join(dir, "my-articles", "cairo.txt"), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("وأيدت تركيا حكومة الوفاق الوطني.\n")
			f.Close()
		}, "reused=1 extracted=1"},
	}
	var first graph.Counts
	for i, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.before(t)
			counts, logs := serveStats(t, args)
			if !strings.Contains(logs, st.want) {
				t.Errorf("got logs\n%s\nwant them to say %q", logs, st.want)
			}
			if i == 0 {
				first = counts
			}
			if (i == 1 || i == 3) && counts != first {
				t.Errorf("got %+v from the snapshot, want %+v as extracted", counts, first)
			}
		})
	}
	if _, err := os.Stat(snapshot); err != nil {
		t.Errorf("snapshot: %v", err)
	}
}
