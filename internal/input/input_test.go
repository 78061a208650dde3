package input

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
)

func parse(t *testing.T, src string) *yaml.Node {
	t.Helper()
	root, err := Parse("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, src string
		wantNil   bool
		wantErr   string // user message
	}{
		{"mapping", "a: 1\n", false, ""},
		{"empty", "", true, ""},
		{"null", "~\n", true, ""},
		{"syntax error", "a: 1\n\tb: 2\n", false, "f.yaml:2: YAML: found a tab character that violates indentation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := Parse("f.yaml", []byte(tt.src))
			if tt.wantErr != "" {
				msg, ok := graph.UserMessage(err)
				if !ok || msg != tt.wantErr || !errors.Is(err, graph.ErrInvalid) {
					t.Fatalf("got error %v (message %q), want an input error %q", err, msg, tt.wantErr)
				}
				return
			}
			if err != nil || (root == nil) != tt.wantNil {
				t.Fatalf("got root %v, error %v, want nil root %v", root, err, tt.wantNil)
			}
		})
	}
}

func TestMapping(t *testing.T) {
	keys := []string{"id", "names"}
	tests := []struct {
		name, src string
		want      []string // user messages
		visited   []string
	}{
		{"known keys", "id: x\nnames: [a]\n", nil, []string{"id", "names"}},
		{"unknown key", "id: x\n  \nnmaes: [a]\n", []string{`f.yaml:3:1: actor: unknown key "nmaes" (want one of id, names)`}, []string{"id"}},
		{"key twice", "id: x\nid: y\n", []string{"f.yaml:2:1: actor: id: key already given at line 1"}, []string{"id"}},
		{"not a mapping", "- id\n", []string{"f.yaml:1:1: actor: want a mapping with id, names, got a list"}, nil},
		{"visit error", "id: [x]\n", []string{`f.yaml:1:5: id: want a single value, got a list`}, []string{"id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var visited []string
			errs := Mapping("f.yaml", parse(t, tt.src), "actor", keys, func(key string, _, v *yaml.Node) error {
				visited = append(visited, key)
				if key == "id" {
					_, err := Scalar("f.yaml", key, v)
					return err
				}
				return nil
			})
			if got := Messages(errors.Join(errs...)); !slices.Equal(got, tt.want) {
				t.Errorf("got errors %q, want %q", got, tt.want)
			}
			if !slices.Equal(visited, tt.visited) {
				t.Errorf("got keys visited %q, want %q", visited, tt.visited)
			}
		})
	}
}

func TestRequiredStringsList(t *testing.T) {
	root := parse(t, "id: x\nnames: [a, {b: c}]\nitems: 3\none: s\n")
	if err := Required("f.yaml", root, "actor", "id", "kind"); err == nil || err.Error() != "f.yaml:1:1: invalid: actor: missing kind" {
		t.Errorf("got %v, want f.yaml:1:1: invalid: actor: missing kind", err)
	}
	if err := Required("f.yaml", root, "actor", "id", "names"); err != nil {
		t.Errorf("got %v, want no error", err)
	}
	if _, err := Strings("f.yaml", "names", root.Content[3]); err == nil || err.Error() != "f.yaml:2:12: invalid: names: want a string, got a mapping" {
		t.Errorf("got %v, want the mapping item named at 2:12", err)
	}
	if got, err := Strings("f.yaml", "one", root.Content[7]); err != nil || len(got) != 1 || got[0].Value != "s" {
		t.Errorf("got %v, %v, want the single string as a list", got, err)
	}
	if _, err := List("f.yaml", "items", root.Content[5]); err == nil || err.Error() != `f.yaml:3:8: invalid: items: want a list, got "3"` {
		t.Errorf("got %v, want items: want a list at 3:8", err)
	}
}

func TestShiftLines(t *testing.T) {
	root := parse(t, "a:\n  b: 1\n")
	ShiftLines(root, 1)
	if got := At("f.txt", root.Content[1].Content[0]); got.String() != "f.txt:3:3" {
		t.Errorf("got %s, want f.txt:3:3", got)
	}
}

func TestDecode(t *testing.T) {
	type inner struct {
		Start int `yaml:"start"`
	}
	type entry struct {
		Kind  string    `yaml:"kind"`
		Time  time.Time `yaml:"time"`
		Claim *inner    `yaml:"claim,omitempty"`
	}
	tests := []struct {
		name, src, want string
	}{
		{"good", "kind: x\ntime: 2020-01-02T03:04:05Z\nclaim: {start: 3}\n", ""},
		{"unknown key", "kind: x\nkinds: y\n", `f.yaml:2:1: reviews: unknown key "kinds" (want one of kind, time, claim)`},
		{"unknown nested key", "kind: x\nclaim:\n  begin: 3\n", `f.yaml:3:3: reviews: claim: unknown key "begin" (want one of start)`},
		{"wrong type", "kind: x\nclaim:\n  start: many\n", "f.yaml:3: reviews: cannot unmarshal !!str `many` into int"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e entry
			err := Decode("f.yaml", parse(t, tt.src), "reviews", &e)
			got := ""
			if err != nil {
				got = fmt.Sprint(Messages(err))
				got = got[1 : len(got)-1]
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMessages(t *testing.T) {
	a := Errorf(Line("a.yaml", 2), "bad a")
	b := Errorf(graph.Position{File: "b.yaml", Line: 3, Column: 4}, "bad b")
	err := fmt.Errorf("cmd: %w", fmt.Errorf("loader: %w", errors.Join(a, errors.Join(b, errors.New("plain")))))
	want := []string{"a.yaml:2: bad a", "b.yaml:3:4: bad b", "plain"}
	if got := Messages(err); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := Messages(nil); got != nil {
		t.Errorf("got %q for nil, want nil", got)
	}
}
