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
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader"
)

// repoRoot is the repository root, relative to this package's directory.
var repoRoot = filepath.Join("..", "..")

// runCLI runs rawabit with args and returns the exit code, stdout and
// stderr.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(t.Context(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestVersion(t *testing.T) {
	clearEnv(t)
	t.Run("from build info", func(t *testing.T) {
		code, out, errOut := runCLI(t, "version")
		if code != exitOK {
			t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
		}
		for _, want := range []string{"rawabit ", "commit ", runtime.Version(), runtime.GOOS + "/" + runtime.GOARCH} {
			if !strings.Contains(out, want) {
				t.Errorf("got output %q, want it to contain %q", out, want)
			}
		}
	})
	t.Run("from ldflags", func(t *testing.T) {
		oldV, oldC := version, commit
		t.Cleanup(func() { version, commit = oldV, oldC })
		version, commit = "v1.2.3", "abc1234"
		_, out, _ := runCLI(t, "version")
		if want := "rawabit v1.2.3\ncommit   abc1234\n"; !strings.HasPrefix(out, want) {
			t.Errorf("got %q, want it to start with %q", out, want)
		}
	})
}

// TestCommandsWithoutConfig checks that version, help and completion work
// whatever the configuration says.
func TestCommandsWithoutConfig(t *testing.T) {
	clearEnv(t)
	t.Setenv("RAWABIT_STORE", "nonsense")
	for _, args := range [][]string{{"version"}, {"help"}, {"help", "serve"}, {"serve", "--help"}, {"completion", "bash"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, errOut := runCLI(t, args...)
			if code != exitOK || out == "" {
				t.Errorf("got exit %d, %d bytes of output (stderr %q), want 0 and some output", code, len(out), errOut)
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	clearEnv(t)
	t.Chdir(t.TempDir())
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"unknown command", nil, []string{"frobnicate"}, exitError, "unknown command"},
		{"unknown flag", nil, []string{"version", "--frob"}, exitUsage, "unknown flag: --frob"},
		{"extra argument", nil, []string{"version", "x"}, exitUsage, "accepts 0 arg"},
		{"bad config value", map[string]string{"RAWABIT_SERVER_ADDR": "nowhere"}, []string{"serve"}, exitError, "RAWABIT_SERVER_ADDR: server.addr"},
		{"bad flag value", nil, []string{"serve", "--addr", "x:y"}, exitError, "flag --addr: server.addr"},
		{"missing config file", nil, []string{"--config", "nope.yaml", "load"}, exitError, "nope.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			code, _, errOut := runCLI(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("got exit %d, want %d (stderr %q)", code, tt.wantCode, errOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("got stderr %q, want it to contain %q", errOut, tt.wantErr)
			}
		})
	}
}

func TestConfigCommand(t *testing.T) {
	clearEnv(t)
	t.Chdir(t.TempDir())
	t.Setenv("RAWABIT_STORE", "neo4j")
	t.Setenv("RAWABIT_NEO4J_PASSWORD", "hunter22")
	code, out, errOut := runCLI(t, "config", "--log-level", "error")
	if code != exitOK {
		t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
	}
	for _, want := range []string{"# config file: (none)", "environment RAWABIT_STORE", "log.level", "flag --log-level", "server.addr"} {
		if !strings.Contains(out, want) {
			t.Errorf("got output\n%s\nwant it to contain %q", out, want)
		}
	}
	if strings.Contains(out, "hunter22") {
		t.Errorf("got the password in the output\n%s", out)
	}
	for _, k := range configKeys {
		if !strings.Contains(out, k.Key) {
			t.Errorf("got output without key %s", k.Key)
		}
	}
}

// writeFiles creates files (name -> content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLoadSeedCorpus loads the repository's data/ into memory, the way the
// README's first command does.
func TestLoadSeedCorpus(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	t.Run("summary", func(t *testing.T) {
		code, out, errOut := runCLI(t, "load")
		if code != exitOK {
			t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
		}
		if !strings.HasPrefix(out, "Loaded 5 articles into the memory store: ") {
			t.Errorf("got summary %q, want it to start with %q", out, "Loaded 5 articles into the memory store: ")
		}
	})
	t.Run("json", func(t *testing.T) {
		code, out, errOut := runCLI(t, "load", "--json", "--strict")
		if code != exitOK {
			t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
		}
		var sum loader.Summary
		if err := json.Unmarshal([]byte(out), &sum); err != nil {
			t.Fatalf("summary is not JSON: %v\n%s", err, out)
		}
		if sum.Articles != 5 || len(sum.Skipped) != 0 {
			t.Errorf("got %d articles and skipped %v, want 5 and none", sum.Articles, sum.Skipped)
		}
		if sum.Actors < 20 || sum.Claims < 30 {
			t.Errorf("got %d actors and %d claims, want at least 20 and 30", sum.Actors, sum.Claims)
		}
	})
}

func TestLoadWithoutExtractor(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	tests := []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"flag", nil, []string{"load", "--json", "--extract=false"}},
		{"environment", map[string]string{"RAWABIT_DATA_EXTRACT": "false"}, []string{"load", "--json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			code, out, errOut := runCLI(t, tt.args...)
			if code != exitOK {
				t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
			}
			var sum loader.Summary
			if err := json.Unmarshal([]byte(out), &sum); err != nil {
				t.Fatalf("summary is not JSON: %v\n%s", err, out)
			}
			if sum.Extracted != 0 || sum.Curated == 0 || sum.Claims != sum.Curated {
				t.Errorf("got %d extracted and %d curated of %d claims, want 0 extracted and only curated ones", sum.Extracted, sum.Curated, sum.Claims)
			}
		})
	}
}

func TestLoadBadInputs(t *testing.T) {
	clearEnv(t)
	t.Chdir(t.TempDir())
	writeFiles(t, ".", map[string]string{
		"corpus/good.txt":  "---\ntitle: Good\n---\nنص عربي.\n",
		"corpus/empty.txt": "",
		"only-bad/x.txt":   "\xff\xfe binary",
		"bad-claims.yaml":  "claims: [\n",
	})
	if err := os.WriteFile("corpus/binary.txt", []byte("abc\xff\xfedef"), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("skipped articles are listed and the rest loads", func(t *testing.T) {
		code, out, errOut := runCLI(t, "load", "corpus")
		if code != exitOK {
			t.Fatalf("got exit %d (stderr %q), want 0", code, errOut)
		}
		for _, want := range []string{"Loaded 2 articles", "Skipped (1):", "corpus/binary.txt", "Warnings (1):", "empty"} {
			if !strings.Contains(out, want) {
				t.Errorf("got summary\n%s\nwant it to contain %q", out, want)
			}
		}
	})
	t.Run("--strict fails on a skipped article", func(t *testing.T) {
		code, out, errOut := runCLI(t, "load", "--strict", "corpus")
		if code != exitError || !strings.Contains(errOut, "1 skipped") {
			t.Errorf("got exit %d, stderr %q, want 1 and %q", code, errOut, "1 skipped")
		}
		if !strings.Contains(out, "corpus/binary.txt") {
			t.Errorf("got summary %q, want it to list corpus/binary.txt", out)
		}
	})
	t.Run("nothing loadable fails", func(t *testing.T) {
		code, _, errOut := runCLI(t, "load", "only-bad")
		if code != exitError || !strings.Contains(errOut, "nothing loaded") {
			t.Errorf("got exit %d, stderr %q, want 1 and %q", code, errOut, "nothing loaded")
		}
	})
	t.Run("a malformed claims file is fatal and names the file", func(t *testing.T) {
		code, out, errOut := runCLI(t, "load", "--claims", "bad-claims.yaml", "corpus")
		if code != exitError || !strings.Contains(errOut, "bad-claims.yaml") {
			t.Errorf("got exit %d, stderr %q, want 1 and an error naming bad-claims.yaml", code, errOut)
		}
		if out != "" {
			t.Errorf("got summary %q, want none", out)
		}
	})
	t.Run("an explicit missing gazetteer is fatal", func(t *testing.T) {
		code, _, errOut := runCLI(t, "load", "--gazetteer", "missing.yaml", "corpus")
		if code != exitError || !strings.Contains(errOut, "missing.yaml") {
			t.Errorf("got exit %d, stderr %q, want 1 and an error naming missing.yaml", code, errOut)
		}
	})
}

// testApp resolves the configuration as a command would, with logs to w.
func testApp(t *testing.T, w io.Writer) *App {
	t.Helper()
	r, err := resolveConfig(configSource{})
	if err != nil {
		t.Fatal(err)
	}
	return &App{Config: r.Config, resolved: r, Logger: newLogger(w, r.Log), Stdout: w, Stderr: w}
}

// TestServe runs "serve" in-process with the shipped config.yaml and the
// seed corpus, and checks /healthz and /api/stats, then a graceful stop.
func TestServe(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	var logs bytes.Buffer
	app := testApp(t, &logs)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- app.serve(ctx, ln, nil) }()
	base := "http://" + ln.Addr().String()

	get := func(path string) []byte {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			cancel()
			t.Fatalf("GET %s: %v (serve returned %v; logs:\n%s)", path, err, <-served, logs.String())
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: got status %d (%s), want 200", path, resp.StatusCode, body)
		}
		return body
	}

	var health struct{ Status string }
	if err := json.Unmarshal(get("/healthz"), &health); err != nil || health.Status != "ok" {
		t.Errorf("GET /healthz: got %+v (err %v), want status ok", health, err)
	}
	var counts graph.Counts
	if err := json.Unmarshal(get("/api/stats"), &counts); err != nil {
		t.Fatalf("GET /api/stats: %v", err)
	}
	if counts.Articles != 5 || counts.Actors < 20 || counts.Claims < 30 {
		t.Errorf("GET /api/stats: got %+v, want 5 articles, at least 20 actors and 30 claims", counts)
	}

	cancel()
	if err := <-served; err != nil {
		t.Errorf("serve: got %v after cancel, want nil", err)
	}
	if t.Failed() {
		t.Logf("server logs:\n%s", logs.String())
	}
}

func TestServeListenError(t *testing.T) {
	clearEnv(t)
	t.Chdir(t.TempDir())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, errOut := runCLI(t, "serve", "--addr", ln.Addr().String())
	if code != exitError || !strings.Contains(errOut, "address already in use") {
		t.Errorf("got exit %d, stderr %q, want 1 and %q", code, errOut, "address already in use")
	}
}

func TestDisplayAddr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"127.0.0.1:8080", "127.0.0.1:8080"},
		{"0.0.0.0:8080", "localhost:8080"},
		{"[::]:9000", "localhost:9000"},
		{"[::1]:9000", "[::1]:9000"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			addr, err := net.ResolveTCPAddr("tcp", tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := displayAddr(addr); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// deadNeo4j listens on a loopback port, accepts every connection and never
// answers (a hung server, not a fake Neo4j), until t ends; it returns a
// bolt:// URI for it.
func deadNeo4j(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns := make(chan net.Conn, 64)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			select {
			case conns <- c:
			default:
				c.Close()
			}
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		for {
			select {
			case c := <-conns:
				c.Close()
			default:
				return
			}
		}
	})
	return "bolt://" + ln.Addr().String()
}

// TestServeDeadNeo4j checks that "serve" and "load" on a Neo4j that accepts
// connections but never answers stop with "store unavailable" after
// neo4j.open_timeout, and that a signal (the cancelled context) ends
// start-up at once whatever the time-out.
func TestServeDeadNeo4j(t *testing.T) {
	clearEnv(t)
	t.Chdir(repoRoot)
	t.Setenv("RAWABIT_STORE", "neo4j")
	t.Setenv("RAWABIT_NEO4J_URI", deadNeo4j(t))
	t.Run("timeout", func(t *testing.T) {
		t.Setenv("RAWABIT_NEO4J_OPEN_TIMEOUT", "300ms")
		for _, args := range [][]string{{"serve", "--addr", "127.0.0.1:0"}, {"load"}} {
			code, _, errOut := runCLI(t, args...)
			if code != exitError || !strings.Contains(errOut, "store unavailable") || !strings.Contains(errOut, "no answer within 300ms") {
				t.Errorf("%s: got exit %d, stderr %q, want 1 and store unavailable, no answer within 300ms", args[0], code, errOut)
			}
		}
	})
	t.Run("signal", func(t *testing.T) {
		t.Setenv("RAWABIT_NEO4J_OPEN_TIMEOUT", "1h")
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(300*time.Millisecond, cancel)
		var out, errOut bytes.Buffer
		code := run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, &out, &errOut)
		if code != exitError || !strings.Contains(errOut.String(), "context canceled") {
			t.Errorf("got exit %d, stderr %q, want 1 and context canceled", code, errOut.String())
		}
	})
}

// TestInputErrorMessages runs commands on bad input files and checks that
// the command line prints the user message of each error: the file, line
// and column, and what is wrong, without the kind or the operation.
func TestInputErrorMessages(t *testing.T) {
	clearEnv(t)
	dir := t.TempDir()
	t.Chdir(dir)
	write := func(name, data string) string {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return name
	}
	articles := filepath.Join(dir, "articles")
	if err := os.Mkdir(articles, 0o755); err != nil {
		t.Fatal(err)
	}
	write("articles/a1.txt", "نص")
	tests := []struct {
		name string
		args []string
		want []string // whole lines of stderr
	}{
		{"gazetteer with an unknown key",
			[]string{"load", "--no-default-gazetteer", "--gazetteer", write("gaz.yaml", "actors:\n  - id: x\n    kind: state\n    nmaes: [س]\n"), articles},
			[]string{"rawabit: gaz.yaml:4:5: actor: unknown key \"nmaes\" (want one of id, name, kind, names, aliases, affiliation, capital, demonyms, adjectives)"}},
		{"claims file with two bad claims",
			[]string{"load", "--claims", write("claims.yaml", "claims:\n  - {article: a1, type: likes, source: a, target: b, quote: q}\n  - article: a1\n    type: met\n"), articles},
			[]string{"rawabit: claims.yaml:2:19: claim: unknown type \"likes\" (want met, supported or opposed)", "rawabit: claims.yaml:3:5: claim: missing source"}},
		{"config file with a bad value",
			[]string{"--config", write("bad-config.yaml", "store: memory\nlog:\n  level: loud\n"), "load", articles},
			[]string{`rawabit: bad-config.yaml:3:3: log.level: "loud" is not one of debug, info, warn, error`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, tt.args...)
			if code != exitError {
				t.Errorf("got exit %d, want %d (stderr %q)", code, exitError, errOut)
			}
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			for _, w := range tt.want {
				if !slices.Contains(lines, w) {
					t.Errorf("got stderr %q, want the line %q", errOut, w)
				}
			}
		})
	}
}
