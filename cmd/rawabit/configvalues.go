package main

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rawabit/rawabit/graph/neo4jstore"
)

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
		if schemes := neo4jstore.URISchemes(); !slices.Contains(schemes, u.Scheme) {
			return fmt.Errorf("%q: scheme %q is not one of %s", s, u.Scheme, strings.Join(schemes, ", "))
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
