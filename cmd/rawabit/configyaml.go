package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/internal/input"

	"gopkg.in/yaml.v3"
)

// checkConfigYAML checks the shape of a config file: valid YAML, a mapping
// of known sections and keys, no key given twice, no empty values. It
// returns the position of every key it holds. Errors are input errors
// (*graph.Error) naming file, line and column, all joined.
func checkConfigYAML(file string, data []byte) (map[string]graph.Position, error) {
	root, err := input.Parse(file, data)
	if err != nil {
		return nil, err
	}
	at := map[string]graph.Position{}
	if root == nil {
		return at, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, input.NodeErrorf(file, root, "want a mapping of keys, such as \"store: memory\"")
	}
	var errs []error
	var walk func(prefix string, m *yaml.Node)
	walk = func(prefix string, m *yaml.Node) {
		errs = append(errs, input.Mapping(file, m, strings.TrimSuffix(prefix, "."), nil, func(name string, kn, vn *yaml.Node) error {
			key := prefix + name
			if spec, ok := lookupKey(key); ok {
				at[key] = input.At(file, kn)
				if err := checkNodeShape(spec, vn); err != nil {
					return &graph.Error{Kind: graph.ErrInvalid, Pos: input.At(file, kn), Field: key, Message: err.Error()}
				}
				return nil
			}
			if configSection(key) {
				switch {
				case vn.Kind == yaml.MappingNode:
					walk(key+".", vn)
				case input.IsNull(vn):
				default:
					return &graph.Error{Kind: graph.ErrInvalid, Pos: input.At(file, kn), Field: key, Message: "want a mapping of keys under it"}
				}
				return nil
			}
			return input.NodeErrorf(file, kn, "unknown key %q%s", key, suggest(key))
		})...)
	}
	walk("", root)
	return at, errors.Join(errs...)
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

// Value parsers. Each accepts what viper hands over: the YAML-decoded value
// from the file, a string from the environment or a flag, or the default.
