package main

import (
	"fmt"
	"log/slog"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/web"
)

// configKey is one configuration key: its default (as it is written in
// config.yaml), what it means, and how its value is checked and stored.
type configKey struct {
	Key     string
	Default any
	Doc     string
	set     func(c *Config, v any) error
}

// EnvVar is the environment variable that overrides the key.
func (k configKey) EnvVar() string {
	return envPrefix + "_" + strings.ToUpper(strings.ReplaceAll(k.Key, ".", "_"))
}

// configKeys lists every configuration key, in the order of config.yaml.
var configKeys = []configKey{
	{"store", StoreMemory, "Graph store: memory (embedded, loads data at start) or neo4j.",
		oneOf(func(c *Config) *string { return &c.Store }, StoreMemory, StoreNeo4j)},
	{"neo4j.uri", "bolt://localhost:7687", "Neo4j URI: bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s:// or neo4j+ssc://.",
		neo4jURI(func(c *Config) *string { return &c.Neo4j.URI })},
	{"neo4j.username", "neo4j", "Neo4j user.",
		str(func(c *Config) *string { return &c.Neo4j.Username })},
	{"neo4j.password", "", "Neo4j password (prefer RAWABIT_NEO4J_PASSWORD to writing it here).",
		str(func(c *Config) *string { return &c.Neo4j.Password })},
	{"neo4j.database", "neo4j", "Neo4j database name; \"\" uses the server's default database.",
		str(func(c *Config) *string { return &c.Neo4j.Database })},
	{"neo4j.open_timeout", "60s", "Time limit for reaching Neo4j at start-up: connecting, verifying, applying the schema.",
		duration(func(c *Config) *time.Duration { return &c.Neo4j.OpenTimeout })},
	{"neo4j.transaction_timeout", "60s", "Time limit of one Neo4j transaction (one article written, one read), retries included.",
		duration(func(c *Config) *time.Duration { return &c.Neo4j.TransactionTimeout })},
	{"data.articles", []string{"data/articles"}, "Corpus: .txt files, .jsonl files or folders of them.",
		strList(func(c *Config) *[]string { return &c.Data.Articles })},
	{"data.gazetteer", []string{"data/gazetteer"}, "Gazetteer files and folders (a folder: its offices.yaml, then every .yaml in name order), merged in order.",
		strList(func(c *Config) *[]string { return &c.Data.Gazetteer })},
	{"data.no_default_gazetteer", false, "Leave the shipped gazetteer (data/gazetteer) out of data.gazetteer; --gazetteer files are still read.",
		boolean(func(c *Config) *bool { return &c.Data.NoDefaultGazetteer })},
	{"data.claims", "data/claims.yaml", "Curated claims file; \"\" for none.",
		str(func(c *Config) *string { return &c.Data.Claims })},
	{"data.corrections", "data/corrections.yaml", "Rejected extracted claims; \"\" for none.",
		str(func(c *Config) *string { return &c.Data.Corrections })},
	{"data.triggers", "data/triggers.yaml", "Extractor trigger lexicon.",
		str(func(c *Config) *string { return &c.Data.Triggers })},
	{"data.pair_model", "", "Extractor's learned pair scorer, an experiment (docs/extraction.md): \"\" for none, data/pairmodel.json for the shipped one.",
		str(func(c *Config) *string { return &c.Data.PairModel })},
	{"data.extract", true, "Run the extractor over the corpus when loading (false: curated claims only).",
		boolean(func(c *Config) *bool { return &c.Data.Extract })},
	{"data.snapshot", SnapshotAuto, "Memory store: file remembering what was extracted from each article, so that a restart extracts only new or changed ones; \"auto\" for one under the user cache folder, \"\" for none.",
		str(func(c *Config) *string { return &c.Data.Snapshot })},
	{"server.addr", "127.0.0.1:8080", "HOST:PORT to listen on (\":8080\" for every interface).",
		hostPort(func(c *Config) *string { return &c.Server.Addr })},
	{"server.load_corpus", false, "With store neo4j, load the data files at start-up (the memory store always does).",
		boolean(func(c *Config) *bool { return &c.Server.LoadCorpus })},
	{"server.request_timeout", "10s", "Time limit of one API request.",
		duration(func(c *Config) *time.Duration { return &c.Server.RequestTimeout })},
	{"server.read_header_timeout", "5s", "Time limit for reading request headers.",
		duration(func(c *Config) *time.Duration { return &c.Server.ReadHeaderTimeout })},
	{"server.read_timeout", "15s", "Time limit for reading a whole request.",
		duration(func(c *Config) *time.Duration { return &c.Server.ReadTimeout })},
	{"server.write_timeout", "60s", "Time limit for writing a response (exports included).",
		duration(func(c *Config) *time.Duration { return &c.Server.WriteTimeout })},
	{"server.idle_timeout", "120s", "How long an idle keep-alive connection stays open.",
		duration(func(c *Config) *time.Duration { return &c.Server.IdleTimeout })},
	{"server.shutdown_timeout", "10s", "Grace period for requests in flight on SIGINT/SIGTERM.",
		duration(func(c *Config) *time.Duration { return &c.Server.ShutdownTimeout })},
	{"server.max_body_bytes", 1 << 20, "Largest request body accepted, in bytes.",
		integer(func(c *Config) *int64 { return &c.Server.MaxBodyBytes }, 1, math.MaxInt32)},
	{"server.max_nodes", graph.DefaultMaxNodes, fmt.Sprintf("Largest and default number of actors in one neighbourhood answer (1..%d).", graph.MaxMaxNodes),
		integer(func(c *Config) *int { return &c.Server.MaxNodes }, 1, graph.MaxMaxNodes)},
	{"server.max_heavy", web.DefaultMaxHeavy, "Heavy requests (exports, paths, subgraphs of many actors) served at once; more get 503 with Retry-After.",
		integer(func(c *Config) *int { return &c.Server.MaxHeavy }, 1, 1024)},
	{"server.hosts", web.LoopbackHosts, "Host names the server answers to (the Host header, without port); others get 421. Add the name a proxy or other machines use.",
		strList(func(c *Config) *[]string { return &c.Server.Hosts })},
	{"review.tokens", []string{}, fmt.Sprintf("Review mode: access tokens, each NAME=TOKEN naming its reviewer (TOKEN of %d..%d characters A-Z a-z 0-9 - _ . ~); none keeps the API read-only.", minTokenLen, maxTokenLen),
		reviewTokens(func(c *Config) *map[string]string { return &c.Review.Tokens })},
	{"log.level", "info", "Log level: debug, info, warn or error.",
		logLevel(func(c *Config) *slog.Level { return &c.Log.Level })},
	{"log.format", LogText, "Log format: text or json.",
		oneOf(func(c *Config) *string { return &c.Log.Format }, LogText, LogJSON)},
}

func lookupKey(key string) (configKey, bool) {
	i := slices.IndexFunc(configKeys, func(k configKey) bool { return k.Key == key })
	if i < 0 {
		return configKey{}, false
	}
	return configKeys[i], true
}

// configSection reports whether name is the first part of some key.
func configSection(name string) bool {
	return slices.ContainsFunc(configKeys, func(k configKey) bool {
		return strings.HasPrefix(k.Key, name+".")
	})
}

// bindFlag makes the flag named flagName in flags override the config key
// when it is given on the command line. It panics when the flag or key does not exist (a programming
// error caught by any test that builds the command).
func bindFlag(flags *pflag.FlagSet, flagName, key string) {
	if _, ok := lookupKey(key); !ok {
		panic(fmt.Sprintf("bindFlag: unknown config key %q", key))
	}
	if err := flags.SetAnnotation(flagName, configKeyAnnotation, []string{key}); err != nil {
		panic(fmt.Sprintf("bindFlag: %v", err))
	}
}

// configTable renders every key as a Markdown table: key, default,
// environment variable, meaning. The key table of docs/configuration.md is
// this output (checked by TestConfigurationDoc).
func configTable() string {
	var b strings.Builder
	b.WriteString("| Key | Default | Environment variable | Meaning |\n|---|---|---|---|\n")
	for _, k := range configKeys {
		def := fmt.Sprint(k.Default)
		switch d := k.Default.(type) {
		case string:
			if d == "" {
				def = `""`
			}
		case []string:
			def = "[" + strings.Join(d, ", ") + "]"
		}
		fmt.Fprintf(&b, "| `%s` | `%s` | `%s` | %s |\n", k.Key, def, k.EnvVar(), strings.ReplaceAll(k.Doc, "|", `\|`))
	}
	return b.String()
}
