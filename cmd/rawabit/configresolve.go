package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/rawabit/rawabit/graph"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

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
	var lines map[string]graph.Position
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
			if pos, ok := lines[k.Key]; ok && from == fileOrigin(pos) {
				errs = append(errs, &graph.Error{Kind: graph.ErrInvalid, Pos: pos, Field: k.Key, Message: err.Error()})
			} else {
				errs = append(errs, fmt.Errorf("%s: %s: %w", from, k.Key, err))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return resolvedConfig{}, fmt.Errorf("config: %w", err)
	}
	return r, nil
}

// origin names where a key's value came from, in viper's order of priority.
func origin(k configKey, f *pflag.Flag, file string, lines map[string]graph.Position) string {
	if f != nil && f.Changed {
		return "flag --" + f.Name
	}
	if _, set := os.LookupEnv(k.EnvVar()); set {
		return "environment " + k.EnvVar()
	}
	if pos, ok := lines[k.Key]; ok {
		return fileOrigin(pos)
	}
	return "default"
}

// fileOrigin is the origin of a key set in the config file at pos:
// "file:line".
func fileOrigin(pos graph.Position) string { return fmt.Sprintf("%s:%d", pos.File, pos.Line) }

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
