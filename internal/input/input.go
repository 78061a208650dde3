// Package input holds what every parser of a YAML input file shares: the
// position of a node (file, line, column), errors that name it (a
// *graph.Error of kind graph.ErrInvalid), the syntax errors of yaml.v3 turned
// into such errors, and walkers for the shapes the files are made of (a
// mapping of known keys, a single value, a list of strings, required keys).
//
// The gazetteer, the curated claims, the corrections, the corpus front
// matter and the configuration file are read through it, so that every
// input error reads "file:line:column: message" and carries its kind.
package input

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
)

// MaxErrors caps how many errors one file reports (see JoinCapped).
const MaxErrors = 50

// At returns the position of node n in file: its line and column (both
// 1-based).
func At(file string, n *yaml.Node) graph.Position {
	return graph.Position{File: file, Line: n.Line, Column: n.Column}
}

// Line returns the position of a whole line of file (column unknown).
func Line(file string, line int) graph.Position {
	return graph.Position{File: file, Line: line}
}

// Errorf returns an input error (a *graph.Error of kind graph.ErrInvalid)
// at pos.
func Errorf(pos graph.Position, format string, args ...any) error {
	return graph.InputErrorf(pos, format, args...)
}

// NodeErrorf returns an input error at node n of file.
func NodeErrorf(file string, n *yaml.Node, format string, args ...any) error {
	return graph.InputErrorf(At(file, n), format, args...)
}

// Parse parses data, the contents of file, into its YAML node tree and
// returns the document's root node, or nil for an empty document (no
// content, or only a null). A syntax error is an input error naming the
// line yaml.v3 reports.
func Parse(file string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, YAMLError(file, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	return root, nil
}

// yamlLine finds the line yaml.v3 puts in the text of its syntax errors,
// the only place it reports it.
var yamlLine = regexp.MustCompile(`line (\d+): `)

// YAMLError turns an error of yaml.Unmarshal into an input error of file at
// the line yaml.v3 reports (1 when it reports none): "YAML: message".
func YAMLError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.Replace(msg, m[0], "", 1)
	}
	return graph.InputErrorf(Line(file, line), "YAML: %s", msg)
}

// Kind describes a node for error messages: "a mapping", "a list", "an
// alias", the quoted scalar, or "nothing".
func Kind(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

// IsNull reports whether n is absent or an explicit null ("key:" with no
// value).
func IsNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// prefix is "what: " or "".
func prefix(what string) string {
	if what == "" {
		return ""
	}
	return what + ": "
}

// Mapping walks the mapping n of file whose keys must be among keys, in
// order, calling visit for each key and value. what names the mapping in
// messages ("claim", "front matter"; "" for the top level). It returns the
// errors found, each at its node: n not a mapping ("want a mapping with
// keys..."), an unknown key ("unknown key "x" (want one of ...)"), a key
// given twice, and visit's errors. visit is not called for the keys in
// error. A nil keys accepts any key.
func Mapping(file string, n *yaml.Node, what string, keys []string, visit func(key string, k, v *yaml.Node) error) []error {
	if n.Kind != yaml.MappingNode {
		return []error{NodeErrorf(file, n, "%swant a mapping with %s, got %s", prefix(what), strings.Join(keys, ", "), Kind(n))}
	}
	var errs []error
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			errs = append(errs, NodeErrorf(file, k, "%s%s: key already given at line %d", prefix(what), k.Value, first))
			continue
		}
		seen[k.Value] = k.Line
		if keys != nil && !contains(keys, k.Value) {
			errs = append(errs, NodeErrorf(file, k, "%sunknown key %q (want one of %s)", prefix(what), k.Value, strings.Join(keys, ", ")))
			continue
		}
		if err := visit(k.Value, k, v); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Required returns an error at mapping n of file for the first of keys it
// does not hold: "what: missing key".
func Required(file string, n *yaml.Node, what string, keys ...string) error {
	for _, key := range keys {
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				found = true
				break
			}
		}
		if !found {
			return NodeErrorf(file, n, "%smissing %s", prefix(what), key)
		}
	}
	return nil
}

// Scalar returns the value of the scalar v, trimmed; anything else is an
// error at v: "key: want a single value, got ...".
func Scalar(file, key string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", NodeErrorf(file, v, "%s: want a single value, got %s", key, Kind(v))
	}
	return strings.TrimSpace(v.Value), nil
}

// Strings returns the scalar items of v, a list of strings or a single
// string taken as a one-element list (nil for a null); anything else is an
// error at the node at fault.
func Strings(file, key string, v *yaml.Node) ([]*yaml.Node, error) {
	var items []*yaml.Node
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil, nil
		}
		items = []*yaml.Node{v}
	case yaml.SequenceNode:
		items = v.Content
	default:
		return nil, NodeErrorf(file, v, "%s: want a list of strings, got %s", key, Kind(v))
	}
	for _, it := range items {
		if it.Kind != yaml.ScalarNode {
			return nil, NodeErrorf(file, it, "%s: want a string, got %s", key, Kind(it))
		}
	}
	return items, nil
}

// List returns the items of the sequence v (nil for a null); anything else
// is an error at v: "key: want a list, got ...".
func List(file, key string, v *yaml.Node) ([]*yaml.Node, error) {
	if IsNull(v) {
		return nil, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, NodeErrorf(file, v, "%s: want a list, got %s", key, Kind(v))
	}
	return v.Content, nil
}

// JoinCapped joins errs, keeping the first MaxErrors and one more line
// counting those left out; nil when errs is empty.
func JoinCapped(errs []error) error {
	if len(errs) > MaxErrors {
		errs = append(errs[:MaxErrors:MaxErrors], fmt.Errorf("... and %d more errors", len(errs)-MaxErrors))
	}
	return errors.Join(errs...)
}

// ShiftLines adds lines to the line of n and of every node under it, for a
// YAML document that starts lines lines into its file (a front matter
// after its opening "---" line), so that At gives positions in the file.
func ShiftLines(n *yaml.Node, lines int) {
	if n == nil {
		return
	}
	n.Line += lines
	for _, c := range n.Content {
		ShiftLines(c, lines)
	}
}

// Decode decodes node n of file into v (a pointer, as yaml.Node.Decode
// takes), refusing what v has no field for: a key that no yaml tag of the
// struct (or of a struct under it) names is an error at that key, "what:
// unknown key "x" (want one of ...)". A value of the wrong type is an error
// at the line yaml.v3 reports.
func Decode(file string, n *yaml.Node, what string, v any) error {
	if err := knownKeys(file, n, what, reflect.TypeOf(v)); err != nil {
		return err
	}
	if err := n.Decode(v); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			e := YAMLError(file, errors.New(te.Errors[0])).(*graph.Error)
			e.Message = prefix(what) + strings.TrimPrefix(e.Message, "YAML: ")
			return e
		}
		return NodeErrorf(file, n, "%s%v", prefix(what), err)
	}
	return nil
}

var timeType = reflect.TypeOf(time.Time{})

// knownKeys checks the keys of the mapping n against the yaml tags of the
// struct t (through pointers), and the mappings under them.
func knownKeys(file string, n *yaml.Node, what string, t reflect.Type) error {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct || t == timeType || n.Kind != yaml.MappingNode {
		return nil
	}
	fields := map[string]reflect.Type{}
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
		names = append(names, name)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ft, ok := fields[k.Value]
		if !ok {
			return NodeErrorf(file, k, "%sunknown key %q (want one of %s)", prefix(what), k.Value, strings.Join(names, ", "))
		}
		if err := knownKeys(file, v, strings.TrimSuffix(prefix(what)+k.Value, ": "), ft); err != nil {
			return err
		}
	}
	return nil
}

// Messages returns the user messages of every error joined in err (through
// wrapping and errors.Join), in order: "file:line:column: message" for an
// input error, graph.UserMessage for another *graph.Error, and the text of
// an error that holds none.
func Messages(err error) []string {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []string
		for _, e := range j.Unwrap() {
			out = append(out, Messages(e)...)
		}
		return out
	}
	// Through the wrappers that add an operation ("loader: %w") to a join.
	for next := err; ; {
		if _, ok := next.(*graph.Error); ok {
			break
		}
		if next = errors.Unwrap(next); next == nil {
			break
		}
		if _, joined := next.(interface{ Unwrap() []error }); joined {
			return Messages(next)
		}
	}
	if msg, ok := graph.UserMessage(err); ok {
		return []string{msg}
	}
	return []string{err.Error()}
}
