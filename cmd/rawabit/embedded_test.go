package main

import (
	"bufio"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/rawabit/rawabit/data"
	"github.com/rawabit/rawabit/graph"
)

// TestDefaultDataPathsAreEmbedded checks that every default data path of the
// configuration is a file or folder of the embedded data, so that a binary
// run away from the project folder finds all of them.
func TestDefaultDataPathsAreEmbedded(t *testing.T) {
	for _, key := range []string{"data.articles", "data.gazetteer", "data.claims", "data.corrections", "data.triggers"} {
		t.Run(key, func(t *testing.T) {
			k, ok := lookupKey(key)
			if !ok {
				t.Fatalf("got no key %s, want one", key)
			}
			var paths []string
			switch d := k.Default.(type) {
			case string:
				paths = []string{d}
			case []string:
				paths = d
			}
			if len(paths) == 0 {
				t.Fatalf("got no default path for %s, want one", key)
			}
			for _, p := range paths {
				rel, ok := strings.CutPrefix(p, data.Dir+"/")
				if !ok {
					t.Errorf("got default %q, want a path under %s/", p, data.Dir)
					continue
				}
				if _, err := fs.Stat(data.FS, rel); err != nil {
					t.Errorf("got %v, want %s embedded", err, rel)
				}
			}
		})
	}
}

// TestGazetteerFlags checks that --gazetteer adds to the shipped gazetteer
// (read here from the embedded copy: the test runs in an empty folder) and
// that --no-default-gazetteer leaves the shipped one out.
func TestGazetteerFlags(t *testing.T) {
	clearEnv(t)
	t.Chdir(t.TempDir())
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	writeFiles(t, ".", map[string]string{
		"extra.yaml":      "actors:\n  - {id: zz-test-group, name: Test Group, kind: organisation, names: [\"جماعة الاختبار الزرقاء\"]}\n",
		"corpus/one.txt":  "---\ntitle: One\n---\nقالت جماعة الاختبار الزرقاء إن مصر لم ترد.\n",
		"no-default.yaml": "data:\n  no_default_gazetteer: true\n",
	})
	tests := []struct {
		name       string
		args       []string
		wantActors int
	}{
		{"shipped alone", []string{"load", "--json", "--extract=false", "corpus"}, 1},
		{"--gazetteer adds", []string{"load", "--json", "--extract=false", "--gazetteer", "extra.yaml", "corpus"}, 2},
		{"--no-default-gazetteer starts empty", []string{"load", "--json", "--extract=false", "--no-default-gazetteer", "--gazetteer", "extra.yaml", "corpus"}, 1},
		{"config key no_default_gazetteer", []string{"--config", "no-default.yaml", "load", "--json", "--extract=false", "--gazetteer", "extra.yaml", "corpus"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != exitOK {
				t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
			}
			var sum struct{ Actors int }
			if err := json.Unmarshal([]byte(out), &sum); err != nil {
				t.Fatalf("got output %q: %v", out, err)
			}
			if sum.Actors != tt.wantActors {
				t.Errorf("got %d actors mentioned, want %d (stderr %s)", sum.Actors, tt.wantActors, errOut)
			}
			if left, err := os.ReadDir(tmp); err != nil || len(left) != 0 {
				t.Errorf("got %d entries left in the temporary folder (err %v), want the embedded copy removed", len(left), err)
			}
		})
	}
}

var servingURL = regexp.MustCompile(`url=(http://\S+)`)

// TestBinaryServesEmbeddedData copies the rawabit binary (this test binary,
// which runs main when runMainEnv is set) to an empty folder, serves from
// there and checks that /api/stats shows the seed graph, read from the
// embedded data; and that the temporary copy is removed when it stops.
func TestBinaryServesEmbeddedData(t *testing.T) {
	clearEnv(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "rawabit")
	b, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, runMainEnv+"=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var base string
	var logs []string
	for line := range lines {
		logs = append(logs, line)
		if m := servingURL.FindStringSubmatch(line); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		t.Fatalf("got no serving line, want one; logs:\n%s", strings.Join(logs, "\n"))
	}
	go func() {
		for range lines {
		}
	}()
	resp, err := http.Get(base + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	var counts graph.Counts
	if err := json.Unmarshal(body, &counts); err != nil {
		t.Fatalf("GET /api/stats: %v (%s)", err, body)
	}
	if counts.Articles != 5 || counts.Actors < 20 || counts.Claims < 30 {
		t.Errorf("GET /api/stats: got %+v, want the seed graph: 5 articles, at least 20 actors and 30 claims", counts)
	}
	// The README and docs/api.md show this answer; they must show it as
	// the shipped data gives it.
	answer := strings.TrimSpace(string(body))
	for _, doc := range []string{filepath.Join("..", "..", "README.md"), filepath.Join("..", "..", "docs", "api.md")} {
		text, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(text), answer) {
			t.Errorf("%s does not show the seed graph's /api/stats answer %s: update its example", doc, answer)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve: got %v after SIGTERM, want a clean exit", err)
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("got %d entries left in the temporary folder (%s...), want the embedded copy removed", len(left), left[0].Name())
	}
}
