package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

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
