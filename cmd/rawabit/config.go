package main

// The configuration is split along its seams: the Config types (this file),
// the key table with its Markdown rendering (configkeys.go), resolution of
// defaults, config.yaml, environment and flags (configresolve.go), the check
// of config.yaml's shape (configyaml.go) and the value parsers
// (configvalues.go).

import (
	"log/slog"
	"time"
)

// Store names accepted by the "store" key.
const (
	StoreMemory = "memory"
	StoreNeo4j  = "neo4j"
)

// Log formats accepted by the "log.format" key.
const (
	LogText = "text"
	LogJSON = "json"
)

const (
	envPrefix = "RAWABIT"
	// envConfigFile names the config file when --config is not given.
	envConfigFile = "RAWABIT_CONFIG"
	// defaultConfigFile is read when present and neither --config nor
	// RAWABIT_CONFIG is set.
	defaultConfigFile = "config.yaml"
	// configKeyAnnotation marks a flag with the config key it overrides.
	configKeyAnnotation = "rawabit/config-key"
)

// Config is the resolved configuration: defaults, then the config file, then
// RAWABIT_* environment variables, then flags.
type Config struct {
	// Store is StoreMemory or StoreNeo4j.
	Store string
	Neo4j Neo4jConfig
	Data  DataConfig
	// Server configures the HTTP server of "serve".
	Server ServerConfig
	Review ReviewConfig
	Log    LogConfig
	// File is the config file that was read, or "" when none was.
	File string
}

// Neo4jConfig is how to reach Neo4j when Store is StoreNeo4j.
type Neo4jConfig struct {
	URI      string
	Username string
	Password string
	Database string
	// OpenTimeout bounds reaching Neo4j at start-up: connecting, verifying
	// the connection and applying the schema.
	OpenTimeout time.Duration
	// TransactionTimeout bounds each transaction (one article written, one
	// read), retries included.
	TransactionTimeout time.Duration
}

// DataConfig names the corpus and the files that go with it. Relative paths
// are relative to the working directory.
type DataConfig struct {
	// Articles are .txt files, JSON Lines files or folders of them.
	Articles []string
	// Gazetteer files and folders are merged in order: later files add to
	// earlier ones.
	Gazetteer []string
	// NoDefaultGazetteer leaves the shipped gazetteer (the default entry of
	// Gazetteer) out.
	NoDefaultGazetteer bool
	// Claims is the curated claims file; "" means none.
	Claims string
	// Corrections lists rejected extracted claims; "" means none.
	Corrections string
	// Triggers is the extractor's trigger lexicon.
	Triggers string
	// PairModel is the extractor's learned pair scorer; "" means none.
	PairModel string
	// Extract runs the extractor over the corpus when loading.
	Extract bool
	// Snapshot is the memory store's extraction snapshot: SnapshotAuto
	// (a file under the user cache folder), a path, or "" for none.
	Snapshot string
}

// SnapshotAuto is the data.snapshot value that puts the snapshot under the
// user cache folder.
const SnapshotAuto = "auto"

// ReviewConfig configures review mode.
type ReviewConfig struct {
	// Tokens map each access token to its reviewer's name; review mode is
	// on when there is at least one.
	Tokens map[string]string
}

// ServerConfig configures "serve".
type ServerConfig struct {
	Addr string
	// LoadCorpus makes "serve" load Data into a Neo4j store at start-up. The
	// memory store always loads it.
	LoadCorpus        bool
	RequestTimeout    time.Duration
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	ShutdownTimeout   time.Duration
	MaxBodyBytes      int64
	MaxNodes          int
	// MaxHeavy bounds the heavy requests (exports, paths, large subgraphs)
	// served at once; see web.Options.MaxHeavy.
	MaxHeavy int
	// Hosts are the host names the Host header may name; see
	// web.Options.Hosts.
	Hosts []string
}

// LogConfig configures the logger.
type LogConfig struct {
	Level  slog.Level
	Format string
}
