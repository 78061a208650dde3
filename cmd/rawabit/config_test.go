package main

import (
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func defaultConfig() Config {
	return Config{
		Store: StoreMemory,
		Neo4j: Neo4jConfig{URI: "bolt://localhost:7687", Username: "neo4j", Password: "", Database: "neo4j",
			OpenTimeout: 60 * time.Second, TransactionTimeout: 60 * time.Second},
		Data: DataConfig{
			Articles:    []string{"data/articles"},
			Gazetteer:   []string{"data/gazetteer"},
			Claims:      "data/claims.yaml",
			Corrections: "data/corrections.yaml",
			Triggers:    "data/triggers.yaml",
			Extract:     true,
			Snapshot:    SnapshotAuto,
		},
		Review: ReviewConfig{Tokens: map[string]string{}},
		Server: ServerConfig{
			Addr:              "127.0.0.1:8080",
			RequestTimeout:    10 * time.Second,
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       15 * time.Second,
			WriteTimeout:      60 * time.Second,
			IdleTimeout:       120 * time.Second,
			ShutdownTimeout:   10 * time.Second,
			MaxBodyBytes:      1 << 20,
			MaxNodes:          500,
			MaxHeavy:          4,
			Hosts:             []string{"localhost", "127.0.0.1", "::1"},
		},
		Log: LogConfig{Level: slog.LevelInfo, Format: LogText},
	}
}

// clearEnv removes every RAWABIT_* variable for the duration of the test.
func clearEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, envPrefix+"_") {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
}

// testFlags is a flag set like the commands': --store, --addr and
// --gazetteer bound to their keys.
func testFlags(t *testing.T, args []string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	fs.String("store", "", "")
	bindFlag(fs, "store", "store")
	fs.String("addr", "", "")
	bindFlag(fs, "addr", "server.addr")
	fs.StringArray("gazetteer", nil, "")
	bindFlag(fs, "gazetteer", "data.gazetteer")
	fs.Int("max-nodes", 0, "")
	bindFlag(fs, "max-nodes", "server.max_nodes")
	if err := fs.Parse(args); err != nil {
		t.Fatalf("parse flags %q: %v", args, err)
	}
	return fs
}

type configCase struct {
	name string
	yaml string // written to config.yaml in a temporary working directory; "" for no file
	env  map[string]string
	args []string
}

func (c configCase) load(t *testing.T) (Config, error) {
	t.Helper()
	clearEnv(t)
	t.Chdir(t.TempDir())
	if c.yaml != "" {
		if err := os.WriteFile("config.yaml", []byte(c.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for k, v := range c.env {
		t.Setenv(k, v)
	}
	return loadConfig(configSource{Flags: testFlags(t, c.args)})
}

func TestLoadConfig(t *testing.T) {
	tests := []struct {
		configCase
		want func(*Config)
	}{
		{configCase{name: "defaults without a file"}, func(c *Config) {}},
		{configCase{name: "empty file", yaml: "# nothing\n"}, func(c *Config) { c.File = "config.yaml" }},
		{configCase{name: "file overrides defaults", yaml: `
store: neo4j
neo4j:
  uri: neo4j+s://db.example.org:7687
  password: "s3cret"
  database: ""
data:
  articles: [a, b/c.jsonl]
  claims: ""
  extract: false
server:
  addr: ":9090"
  request_timeout: 2m30s
  max_nodes: 42
  max_body_bytes: 2048
log: {level: DEBUG, format: json}
`}, func(c *Config) {
			c.File = "config.yaml"
			c.Store = StoreNeo4j
			c.Neo4j.URI = "neo4j+s://db.example.org:7687"
			c.Neo4j.Password = "s3cret"
			c.Neo4j.Database = ""
			c.Data.Articles = []string{"a", "b/c.jsonl"}
			c.Data.Claims = ""
			c.Data.Extract = false
			c.Server.Addr = ":9090"
			c.Server.RequestTimeout = 150 * time.Second
			c.Server.MaxNodes = 42
			c.Server.MaxBodyBytes = 2048
			c.Log = LogConfig{Level: slog.LevelDebug, Format: LogJSON}
		}},
		{configCase{name: "environment overrides defaults", env: map[string]string{
			"RAWABIT_STORE":                   "neo4j",
			"RAWABIT_NEO4J_URI":               "bolt://neo4j:7687",
			"RAWABIT_NEO4J_PASSWORD":          "pw",
			"RAWABIT_DATA_ARTICLES":           "x, y/z.txt",
			"RAWABIT_SERVER_LOAD_CORPUS":      "true",
			"RAWABIT_SERVER_SHUTDOWN_TIMEOUT": "3s",
			"RAWABIT_SERVER_MAX_BODY_BYTES":   "10",
			"RAWABIT_LOG_LEVEL":               "warn",
		}}, func(c *Config) {
			c.Store = StoreNeo4j
			c.Neo4j.URI = "bolt://neo4j:7687"
			c.Neo4j.Password = "pw"
			c.Data.Articles = []string{"x", "y/z.txt"}
			c.Server.LoadCorpus = true
			c.Server.ShutdownTimeout = 3 * time.Second
			c.Server.MaxBodyBytes = 10
			c.Log.Level = slog.LevelWarn
		}},
		{configCase{name: "empty environment variables clear their keys",
			yaml: "store: neo4j\nneo4j:\n  password: pw\ndata:\n  articles: [a]\nserver:\n  max_nodes: 42\n",
			env: map[string]string{"RAWABIT_STORE": "", "RAWABIT_SERVER_NO_SUCH_KEY": "", "RAWABIT_DATA_CLAIMS": "",
				"RAWABIT_DATA_ARTICLES": "", "RAWABIT_NEO4J_PASSWORD": "", "RAWABIT_SERVER_MAX_NODES": ""},
		}, func(c *Config) {
			c.File = "config.yaml"
			c.Data.Claims = ""
			c.Data.Articles = nil
		}},
		{configCase{name: "review tokens name their reviewers",
			yaml: "review:\n  tokens: [alice=0123456789abcdef]\n",
			env:  map[string]string{"RAWABIT_REVIEW_TOKENS": "alice=0123456789abcdef, bob.k=tok-_.~567890ABCDEF"},
		}, func(c *Config) {
			c.File = "config.yaml"
			c.Review.Tokens = map[string]string{"0123456789abcdef": "alice", "tok-_.~567890ABCDEF": "bob.k"}
		}},
		{configCase{name: "environment variables unlike any key are ignored",
			env: map[string]string{"RAWABIT_SHOTS": "/tmp/x", "RAWABIT_BROWSER_BIG": "1"},
		}, func(c *Config) {}},
		{configCase{name: "environment overrides file",
			yaml: "store: memory\nserver:\n  addr: 127.0.0.1:1\n",
			env:  map[string]string{"RAWABIT_STORE": "neo4j"},
		}, func(c *Config) {
			c.File = "config.yaml"
			c.Store = StoreNeo4j
			c.Server.Addr = "127.0.0.1:1"
		}},
		{configCase{name: "flags override environment and file",
			yaml: "store: memory\nserver:\n  addr: 127.0.0.1:1\ndata:\n  gazetteer: [g1.yaml]\n",
			env:  map[string]string{"RAWABIT_STORE": "memory", "RAWABIT_SERVER_ADDR": "127.0.0.1:2"},
			args: []string{"--store", "neo4j", "--addr", "localhost:3", "--gazetteer", "g2.yaml", "--gazetteer", "g3.yaml", "--max-nodes", "7"},
		}, func(c *Config) {
			c.File = "config.yaml"
			c.Store = StoreNeo4j
			c.Server.Addr = "localhost:3"
			c.Data.Gazetteer = []string{"g2.yaml", "g3.yaml"}
			c.Server.MaxNodes = 7
		}},
		{configCase{name: "unchanged flags leave the file's values",
			yaml: "server:\n  addr: 127.0.0.1:1\n",
		}, func(c *Config) {
			c.File = "config.yaml"
			c.Server.Addr = "127.0.0.1:1"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.load(t)
			if err != nil {
				t.Fatalf("loadConfig: %v", err)
			}
			want := defaultConfig()
			tt.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		configCase
		// wantIn are substrings the error must contain: the key and where
		// the value came from.
		wantIn []string
	}{
		{configCase{name: "bad store in file", yaml: "store: postgres\n"},
			[]string{"config.yaml:1", "store", `"postgres" is not one of memory, neo4j`}},
		{configCase{name: "bad store in environment", env: map[string]string{"RAWABIT_STORE": "sqlite"}},
			[]string{"environment RAWABIT_STORE", "store:", "sqlite"}},
		{configCase{name: "bad store flag", args: []string{"--store", "mongo"}},
			[]string{"flag --store", "store:", "mongo"}},
		{configCase{name: "bad duration", yaml: "server:\n  request_timeout: 5 sec\n"},
			[]string{"config.yaml:2", "server.request_timeout", `"5 sec" is not a duration`}},
		{configCase{name: "duration without unit", yaml: "server:\n  read_timeout: 10\n"},
			[]string{"config.yaml:2", "server.read_timeout", "want a duration"}},
		{configCase{name: "negative duration", env: map[string]string{"RAWABIT_SERVER_IDLE_TIMEOUT": "-1s"}},
			[]string{"RAWABIT_SERVER_IDLE_TIMEOUT", "server.idle_timeout", "positive"}},
		{configCase{name: "bad addr", yaml: "server:\n  addr: localhost\n"},
			[]string{"config.yaml:2", "server.addr", "not HOST:PORT"}},
		{configCase{name: "bad port", args: []string{"--addr", "localhost:http"}},
			[]string{"flag --addr", "server.addr", `port "http"`}},
		{configCase{name: "port out of range", env: map[string]string{"RAWABIT_SERVER_ADDR": ":70000"}},
			[]string{"RAWABIT_SERVER_ADDR", "server.addr", "0..65535"}},
		{configCase{name: "bad log level", yaml: "log:\n  level: verbose\n"},
			[]string{"config.yaml:2", "log.level", "verbose"}},
		{configCase{name: "bad log format", env: map[string]string{"RAWABIT_LOG_FORMAT": "xml"}},
			[]string{"RAWABIT_LOG_FORMAT", "log.format", "xml"}},
		{configCase{name: "bad neo4j scheme", yaml: "neo4j:\n  uri: http://localhost:7474\n"},
			[]string{"config.yaml:2", "neo4j.uri", `scheme "http"`}},
		{configCase{name: "neo4j uri without host", env: map[string]string{"RAWABIT_NEO4J_URI": "localhost"}},
			[]string{"RAWABIT_NEO4J_URI", "neo4j.uri", "not a URI"}},
		{configCase{name: "max_nodes not a number", yaml: "server:\n  max_nodes: lots\n"},
			[]string{"config.yaml:2", "server.max_nodes", "whole number"}},
		{configCase{name: "max_nodes too large", args: []string{"--max-nodes", "999999"}},
			[]string{"flag --max-nodes", "server.max_nodes", "outside 1..5000"}},
		{configCase{name: "max_body_bytes fraction", yaml: "server:\n  max_body_bytes: 1.5\n"},
			[]string{"config.yaml:2", "server.max_body_bytes", "whole number"}},
		{configCase{name: "bad boolean", env: map[string]string{"RAWABIT_DATA_EXTRACT": "maybe"}},
			[]string{"RAWABIT_DATA_EXTRACT", "data.extract", "not a boolean"}},
		{configCase{name: "string key given a number", yaml: "neo4j:\n  password: 12345\n"},
			[]string{"config.yaml:2", "neo4j.password", "want a string"}},
		{configCase{name: "list key given a scalar", yaml: "data:\n  articles: data/articles\n"},
			[]string{"config.yaml:2", "data.articles", "want a list"}},
		{configCase{name: "scalar key given a list", yaml: "data:\n  claims: [a, b]\n"},
			[]string{"config.yaml:2", "data.claims", "single value"}},
		{configCase{name: "key without a value", yaml: "neo4j:\n  password:\n"},
			[]string{"config.yaml:2", "neo4j.password", "no value"}},
		{configCase{name: "review token too short", env: map[string]string{"RAWABIT_REVIEW_TOKENS": "alice=short"}},
			[]string{"environment RAWABIT_REVIEW_TOKENS", "review.tokens", "item 1 (alice): want a token of 16..256 characters"}},
		{configCase{name: "review token without a name", yaml: "review:\n  tokens: [0123456789abcdef0]\n"},
			[]string{"config.yaml:2", "review.tokens", "item 1: want NAME=TOKEN"}},
		{configCase{name: "review token with a bad character", yaml: "review:\n  tokens: [\"a=0123456789abcdef<\"]\n"},
			[]string{"review.tokens", "item 1 (a): want a token"}},
		{configCase{name: "the same review token twice", yaml: "review:\n  tokens: [a=0123456789abcdef, b=0123456789abcdef]\n"},
			[]string{"review.tokens", "item 2 (b): the same token as a"}},
		{configCase{name: "empty list item", yaml: "data:\n  gazetteer: [a, \"\"]\n"},
			[]string{"data.gazetteer", "item 2 is empty"}},
		{configCase{name: "unknown top-level key", yaml: "store: memory\nstroe: neo4j\n"},
			[]string{"config.yaml:2", `unknown key "stroe"`, `did you mean "store"`}},
		{configCase{name: "unknown nested key", yaml: "server:\n  addr: :1\n  adress: :2\n"},
			[]string{"config.yaml:3", `unknown key "server.adress"`}},
		{configCase{name: "section given a scalar", yaml: "server: 8080\n"},
			[]string{"config.yaml:1", "server", "mapping"}},
		{configCase{name: "unknown environment variable under a section", env: map[string]string{"RAWABIT_SERVER_ADRESS": ":1"}},
			[]string{"environment RAWABIT_SERVER_ADRESS: unknown key (did you mean RAWABIT_SERVER_ADDR?)"}},
		{configCase{name: "misspelt environment variable", env: map[string]string{"RAWABIT_STROE": "neo4j"}},
			[]string{"environment RAWABIT_STROE: unknown key (did you mean RAWABIT_STORE?)"}},
		{configCase{name: "malformed YAML", yaml: "store: memory\nserver:\n  addr: [unclosed\n"},
			[]string{"config.yaml:2: invalid: YAML: "}},
		{configCase{name: "duplicate key", yaml: "store: memory\nstore: neo4j\n"},
			[]string{"config.yaml:2:1: invalid: store: key already given at line 1"}},
		{configCase{name: "top level is a list", yaml: "- store\n"},
			[]string{"config.yaml:1", "want a mapping"}},
		{configCase{name: "every bad key reported", yaml: "store: x\nlog:\n  level: y\n"},
			[]string{"config.yaml:1:1: invalid: store", "config.yaml:3:3: invalid: log.level"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.load(t)
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tt.wantIn)
			}
			for _, s := range tt.wantIn {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("got error %q, want it to contain %q", err, s)
				}
			}
		})
	}
}

func TestLoadConfigFileSelection(t *testing.T) {
	clearEnv(t)
	dir := t.TempDir()
	t.Chdir(dir)
	other := filepath.Join(dir, "other.yaml")
	if err := os.WriteFile(other, []byte("store: neo4j\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("config.yaml", []byte("log:\n  format: json\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("--config replaces config.yaml", func(t *testing.T) {
		got, err := loadConfig(configSource{File: other})
		if err != nil {
			t.Fatal(err)
		}
		if got.Store != StoreNeo4j || got.Log.Format != LogText || got.File != other {
			t.Errorf("got store %q, format %q, file %q; want neo4j, text, %s", got.Store, got.Log.Format, got.File, other)
		}
	})
	t.Run("RAWABIT_CONFIG names the file", func(t *testing.T) {
		t.Setenv("RAWABIT_CONFIG", other)
		got, err := loadConfig(configSource{})
		if err != nil {
			t.Fatal(err)
		}
		if got.File != other {
			t.Errorf("got file %q, want %q", got.File, other)
		}
	})
	t.Run("a missing named file is an error", func(t *testing.T) {
		_, err := loadConfig(configSource{File: filepath.Join(dir, "nope.yaml")})
		if err == nil || !strings.Contains(err.Error(), "nope.yaml") {
			t.Errorf("got %v, want an error naming nope.yaml", err)
		}
	})
	t.Run("errors name the file given", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.yaml")
		if err := os.WriteFile(bad, []byte("\n\nstore: nope\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadConfig(configSource{File: bad})
		if err == nil || !strings.Contains(err.Error(), bad+":3:1: invalid: store") {
			t.Errorf("got %v, want an error containing %q", err, bad+":3:1: invalid: store")
		}
	})
}

// TestShippedConfig checks that the repository's config.yaml lists every key
// with exactly its default.
func TestShippedConfig(t *testing.T) {
	clearEnv(t)
	path := filepath.Join("..", "..", "config.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := checkConfigYAML(path, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range configKeys {
		if _, ok := lines[k.Key]; !ok {
			t.Errorf("config.yaml does not list key %s", k.Key)
		}
	}
	got, err := loadConfig(configSource{File: path})
	if err != nil {
		t.Fatal(err)
	}
	want := defaultConfig()
	want.File = path
	if !reflect.DeepEqual(got, want) {
		t.Errorf("config.yaml values differ from the defaults:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestBindFlagUnknownKeyPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("got no panic for an unknown key, want one")
		}
	}()
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.String("x", "", "")
	bindFlag(fs, "x", "no.such.key")
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")
