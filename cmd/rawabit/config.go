package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math"
	"net"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/web"
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

// configSource says where loadConfig finds its inputs.
type configSource struct {
	// File is the config file; "" means $RAWABIT_CONFIG, else ./config.yaml
	// when it exists, else none. A named file that does not exist is an error.
	File string
	// Flags holds the flags of the command being run; the ones marked by
	// bindFlag and changed on the command line override their keys.
	Flags *pflag.FlagSet
}

// loadConfig resolves the configuration. Errors name the offending key and
// where its value came from (file:line, environment variable or flag); all
// bad keys are reported at once, joined.
func loadConfig(src configSource) (Config, error) {
	r, err := resolveConfig(src)
	return r.Config, err
}

// resolvedConfig is a Config with, per key, the value that won and where it
// came from ("default", "FILE:LINE", "environment VAR" or "flag --name").
type resolvedConfig struct {
	Config
	Values  map[string]any
	Origins map[string]string
}

// resolveConfig is loadConfig keeping each key's raw value and origin (for
// "rawabit config" and for telling default data paths from chosen ones).
func resolveConfig(src configSource) (resolvedConfig, error) {
	v := viper.New()
	for _, k := range configKeys {
		v.SetDefault(k.Key, k.Default)
	}

	file, explicit := src.File, src.File != ""
	if !explicit {
		if env := os.Getenv(envConfigFile); env != "" {
			file, explicit = env, true
		} else {
			file = defaultConfigFile
		}
	}
	var lines map[string]int
	data, err := os.ReadFile(file)
	switch {
	case err == nil:
		lines, err = checkConfigYAML(file, data)
		if err != nil {
			return resolvedConfig{}, err
		}
		v.SetConfigType("yaml")
		if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
			return resolvedConfig{}, fmt.Errorf("%s: %w", file, err)
		}
	case errors.Is(err, fs.ErrNotExist) && !explicit:
		file = ""
	default:
		return resolvedConfig{}, fmt.Errorf("config file: %w", err)
	}

	if err := checkEnv(os.Environ()); err != nil {
		return resolvedConfig{}, err
	}
	v.SetEnvPrefix(envPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AllowEmptyEnv(true)
	v.AutomaticEnv()

	flagFor := map[string]*pflag.Flag{}
	if src.Flags != nil {
		src.Flags.VisitAll(func(f *pflag.Flag) {
			if keys := f.Annotations[configKeyAnnotation]; len(keys) == 1 {
				flagFor[keys[0]] = f
				if err := v.BindPFlag(keys[0], f); err != nil {
					panic(err) // only for a nil flag
				}
			}
		})
	}

	r := resolvedConfig{Config: Config{File: file}, Values: map[string]any{}, Origins: map[string]string{}}
	var errs []error
	for _, k := range configKeys {
		val, from := v.Get(k.Key), origin(k, flagFor[k.Key], file, lines)
		if env, set := os.LookupEnv(k.EnvVar()); set && env == "" && from == "environment "+k.EnvVar() {
			// An empty variable clears the key: empty where the key
			// accepts it (a string, a list), else the built-in default.
			if k.set(&r.Config, "") != nil {
				val = k.Default
			}
		}
		r.Values[k.Key], r.Origins[k.Key] = val, from
		if err := k.set(&r.Config, val); err != nil {
			errs = append(errs, fmt.Errorf("%s: %s: %w", from, k.Key, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return resolvedConfig{}, fmt.Errorf("config: %w", err)
	}
	return r, nil
}

// origin names where a key's value came from, in viper's order of priority.
func origin(k configKey, f *pflag.Flag, file string, lines map[string]int) string {
	if f != nil && f.Changed {
		return "flag --" + f.Name
	}
	if _, set := os.LookupEnv(k.EnvVar()); set {
		return "environment " + k.EnvVar()
	}
	if line, ok := lines[k.Key]; ok {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return "default"
}

// checkEnv rejects non-empty RAWABIT_* variables that look like a misspelt
// key, so that a typo is not silently ignored: a name under a known section
// (RAWABIT_SERVER_ADRESS) or close to a key's variable (RAWABIT_STROE).
// Other RAWABIT_* variables (test switches, for instance) and empty ones are
// ignored (an empty variable of a known key clears that key).
func checkEnv(environ []string) error {
	known := map[string]bool{envConfigFile: true}
	var prefixes []string
	for _, k := range configKeys {
		known[k.EnvVar()] = true
		if section, _, nested := strings.Cut(k.Key, "."); nested {
			prefixes = append(prefixes, envPrefix+"_"+strings.ToUpper(section)+"_")
		}
	}
	var errs []error
	for _, kv := range environ {
		name, val, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, envPrefix+"_") || known[name] || val == "" {
			continue
		}
		closest, dist := closestEnvVar(name)
		underSection := slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(name, p) })
		if underSection || dist <= 2 {
			errs = append(errs, fmt.Errorf("environment %s: unknown key (did you mean %s?)", name, closest))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return nil
}

func closestEnvVar(name string) (string, int) {
	best, bestDist := "", math.MaxInt
	for _, k := range configKeys {
		if d := editDistance(name, k.EnvVar()); d < bestDist {
			best, bestDist = k.EnvVar(), d
		}
	}
	return best, bestDist
}

// checkConfigYAML checks the shape of a config file: valid YAML, a mapping
// of known sections and keys, no empty values. It returns the line of every
// key it holds.
func checkConfigYAML(file string, data []byte) (map[string]int, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(file, err)
	}
	lines := map[string]int{}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return lines, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return lines, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: want a mapping of keys, such as \"store: memory\"", file, root.Line)
	}
	var errs []error
	var walk func(prefix string, m *yaml.Node)
	walk = func(prefix string, m *yaml.Node) {
		seen := map[string]int{}
		for i := 0; i+1 < len(m.Content); i += 2 {
			kn, vn := m.Content[i], m.Content[i+1]
			key := prefix + kn.Value
			at := fmt.Sprintf("%s:%d", file, kn.Line)
			if first, dup := seen[kn.Value]; dup {
				errs = append(errs, fmt.Errorf("%s: %s: key already set at line %d", at, key, first))
				continue
			}
			seen[kn.Value] = kn.Line
			if spec, ok := lookupKey(key); ok {
				lines[key] = kn.Line
				if err := checkNodeShape(spec, vn); err != nil {
					errs = append(errs, fmt.Errorf("%s: %s: %w", at, key, err))
				}
				continue
			}
			if configSection(key) {
				switch {
				case vn.Kind == yaml.MappingNode:
					walk(key+".", vn)
				case vn.Kind == yaml.ScalarNode && vn.Tag == "!!null":
				default:
					errs = append(errs, fmt.Errorf("%s: %s: want a mapping of keys under it", at, key))
				}
				continue
			}
			errs = append(errs, fmt.Errorf("%s: unknown key %q%s", at, key, suggest(key)))
		}
	}
	walk("", root)
	return lines, errors.Join(errs...)
}

func checkNodeShape(spec configKey, n *yaml.Node) error {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	_, wantList := spec.Default.([]string)
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		if wantList {
			return errors.New("no value (write [] for an empty list)")
		}
		return errors.New("no value (write \"\" for an empty string)")
	case wantList && n.Kind != yaml.SequenceNode:
		return errors.New("want a list, such as [a, b]")
	case !wantList && n.Kind != yaml.ScalarNode:
		return errors.New("want a single value, not a list or mapping")
	}
	return nil
}

// suggest proposes the known key closest to a misspelt one.
func suggest(key string) string {
	best, bestDist := "", 4
	for _, k := range configKeys {
		if d := editDistance(key, k.Key); d < bestDist {
			best, bestDist = k.Key, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// yamlError turns yaml.v3's "yaml: line N: msg" into "FILE:N: invalid
// YAML: msg".
func yamlError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, tail, ok := strings.Cut(rest, ": "); ok {
			if _, convErr := strconv.Atoi(n); convErr == nil {
				return fmt.Errorf("%s:%s: invalid YAML: %s", file, n, tail)
			}
		}
	}
	return fmt.Errorf("%s: invalid YAML: %s", file, msg)
}

// Value parsers. Each accepts what viper hands over: the YAML-decoded value
// from the file, a string from the environment or a flag, or the default.

func asString(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case nil:
		return "", errors.New("no value")
	}
	return "", fmt.Errorf("want a string, got %v (quote it)", v)
}

func str(field func(*Config) *string) func(*Config, any) error {
	return func(c *Config, v any) error {
		s, err := asString(v)
		if err != nil {
			return err
		}
		*field(c) = s
		return nil
	}
}

func oneOf(field func(*Config) *string, choices ...string) func(*Config, any) error {
	return func(c *Config, v any) error {
		s, err := asString(v)
		if err != nil {
			return err
		}
		s = strings.ToLower(strings.TrimSpace(s))
		if !slices.Contains(choices, s) {
			return fmt.Errorf("%q is not one of %s", s, strings.Join(choices, ", "))
		}
		*field(c) = s
		return nil
	}
}

func strList(field func(*Config) *[]string) func(*Config, any) error {
	return func(c *Config, v any) error {
		var out []string
		switch x := v.(type) {
		case []string:
			out = x
		case string: // environment: comma-separated
			for p := range strings.SplitSeq(x, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		case []any:
			for i, e := range x {
				s, ok := e.(string)
				if !ok {
					return fmt.Errorf("item %d: want a string, got %v", i+1, e)
				}
				out = append(out, s)
			}
		default:
			return fmt.Errorf("want a list of strings, got %v", v)
		}
		for i, s := range out {
			if strings.TrimSpace(s) == "" {
				return fmt.Errorf("item %d is empty", i+1)
			}
		}
		*field(c) = slices.Clone(out)
		return nil
	}
}

func boolean(field func(*Config) *bool) func(*Config, any) error {
	return func(c *Config, v any) error {
		switch x := v.(type) {
		case bool:
			*field(c) = x
			return nil
		case string:
			b, err := strconv.ParseBool(strings.TrimSpace(x))
			if err != nil {
				return fmt.Errorf("%q is not a boolean (want true or false)", x)
			}
			*field(c) = b
			return nil
		}
		return fmt.Errorf("want true or false, got %v", v)
	}
}

func duration(field func(*Config) *time.Duration) func(*Config, any) error {
	return func(c *Config, v any) error {
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("want a duration such as \"10s\" or \"1m30s\", got %v", v)
		}
		d, err := time.ParseDuration(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("%q is not a duration (want e.g. 10s, 1m30s)", s)
		}
		if d <= 0 {
			return fmt.Errorf("%q: want a positive duration", s)
		}
		*field(c) = d
		return nil
	}
}

func integer[T int | int64](field func(*Config) *T, lo, hi int64) func(*Config, any) error {
	return func(c *Config, v any) error {
		var n int64
		switch x := v.(type) {
		case int:
			n = int64(x)
		case int64:
			n = x
		case uint64:
			if x > math.MaxInt64 {
				return fmt.Errorf("%d is outside %d..%d", x, lo, hi)
			}
			n = int64(x)
		case string:
			var err error
			if n, err = strconv.ParseInt(strings.TrimSpace(x), 10, 64); err != nil {
				return fmt.Errorf("%q is not a whole number", x)
			}
		default:
			return fmt.Errorf("want a whole number, got %v", v)
		}
		if n < lo || n > hi {
			return fmt.Errorf("%d is outside %d..%d", n, lo, hi)
		}
		*field(c) = T(n)
		return nil
	}
}

func hostPort(field func(*Config) *string) func(*Config, any) error {
	return func(c *Config, v any) error {
		s, err := asString(v)
		if err != nil {
			return err
		}
		_, port, err := net.SplitHostPort(s)
		if err != nil {
			return fmt.Errorf("%q is not HOST:PORT (e.g. 127.0.0.1:8080 or :8080)", s)
		}
		if _, err := strconv.ParseUint(port, 10, 16); err != nil {
			return fmt.Errorf("%q: port %q is not a number in 0..65535", s, port)
		}
		*field(c) = s
		return nil
	}
}

var neo4jSchemes = []string{"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}

func neo4jURI(field func(*Config) *string) func(*Config, any) error {
	return func(c *Config, v any) error {
		s, err := asString(v)
		if err != nil {
			return err
		}
		u, err := url.Parse(s)
		if err != nil || u.Host == "" {
			return fmt.Errorf("%q is not a URI such as bolt://localhost:7687", s)
		}
		if !slices.Contains(neo4jSchemes, u.Scheme) {
			return fmt.Errorf("%q: scheme %q is not one of %s", s, u.Scheme, strings.Join(neo4jSchemes, ", "))
		}
		*field(c) = s
		return nil
	}
}

func logLevel(field func(*Config) *slog.Level) func(*Config, any) error {
	return func(c *Config, v any) error {
		s, err := asString(v)
		if err != nil {
			return err
		}
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "debug":
			*field(c) = slog.LevelDebug
		case "info":
			*field(c) = slog.LevelInfo
		case "warn", "warning":
			*field(c) = slog.LevelWarn
		case "error":
			*field(c) = slog.LevelError
		default:
			return fmt.Errorf("%q is not one of debug, info, warn, error", s)
		}
		return nil
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

// Review tokens: long enough not to be guessed, short enough for a header.
const (
	minTokenLen = 16
	maxTokenLen = 256
)

// reviewTokens parses a list of NAME=TOKEN into token → name. A name is
// 1..64 letters, digits, "-", "_" or "."; a token minTokenLen..maxTokenLen
// characters of the same set and "~"; the same token twice is an error.
func reviewTokens(field func(*Config) *map[string]string) func(*Config, any) error {
	return func(c *Config, v any) error {
		var list []string
		if err := strList(func(*Config) *[]string { return &list })(c, v); err != nil {
			return err
		}
		out := map[string]string{}
		for i, item := range list {
			name, token, ok := strings.Cut(strings.TrimSpace(item), "=")
			switch {
			case !ok:
				return fmt.Errorf("item %d: want NAME=TOKEN", i+1)
			case !validReviewer(name):
				return fmt.Errorf("item %d: reviewer name %q: want 1..64 letters, digits, -, _ or .", i+1, name)
			case len(token) < minTokenLen || len(token) > maxTokenLen || strings.Trim(token, tokenChars) != "":
				return fmt.Errorf("item %d (%s): want a token of %d..%d characters A-Z a-z 0-9 - _ . ~", i+1, name, minTokenLen, maxTokenLen)
			case out[token] != "":
				return fmt.Errorf("item %d (%s): the same token as %s", i+1, name, out[token])
			}
			out[token] = name
		}
		*field(c) = out
		return nil
	}
}

const tokenChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"

func validReviewer(name string) bool {
	return len(name) >= 1 && len(name) <= 64 && strings.Trim(name, tokenChars[:len(tokenChars)-1]) == ""
}
