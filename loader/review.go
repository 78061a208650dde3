package loader

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/rawabit/rawabit/internal/input"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
)

// reviewsKey is the key of the review log in the corrections file.
const reviewsKey = "reviews"

// ReviewFiles persists review decisions in the two files an analyst already
// edits by hand: every decision is appended to the "reviews" list of the
// corrections file (the log replayed at start-up), an added claim also to
// the "claims" list of the claims file, an added actor to its "actors"
// list and an added name as an alias of an "actors" entry, so that a load
// without review mode sees them too. Each write replaces the file
// atomically (WriteFileAtomic); a missing file is created. Comments and
// entries already in the files are kept; the YAML is re-indented.
// ReviewFiles is safe for concurrent use.
type ReviewFiles struct {
	Claims, Corrections string
	mu                  sync.Mutex
}

// Record persists d (a decision completed by the store: an added claim
// carries its quote and occurrence). The claims file is written first, so
// that a decision in the log always has its claim or actor on disk. Errors
// name the file.
func (f *ReviewFiles) Record(d graph.Decision) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch d.Kind {
	case graph.DecisionAddClaim:
		c := d.NewClaim
		entry := curatedEntry{Article: c.Article, Type: strings.ToLower(string(c.Type)), Source: c.Source, Target: c.Target,
			Quote: c.Quote, Certainty: string(c.Certainty), Confidence: c.Confidence}
		if d.Occurrence > 1 {
			entry.Occurrence = d.Occurrence
		}
		if err := appendYAML(f.Claims, "claims", entry); err != nil {
			return err
		}
	case graph.DecisionAddActor:
		a := d.Actor
		entry := actorYAML{ID: a.ID, Name: a.Name, Kind: string(a.Kind), Names: []string{a.NameAr}, Aliases: a.Aliases, Affiliation: a.Affiliation}
		if err := appendYAML(f.Claims, "actors", entry); err != nil {
			return err
		}
	case graph.DecisionAddName:
		if err := appendYAML(f.Claims, "actors", actorYAML{ID: d.ActorID, Aliases: []string{d.Name}}); err != nil {
			return err
		}
	}
	return appendYAML(f.Corrections, reviewsKey, reviewEntryOf(d))
}

// curatedEntry is a claim of claims.yaml as Record writes it.
type curatedEntry struct {
	Article    string  `yaml:"article"`
	Type       string  `yaml:"type"`
	Source     string  `yaml:"source"`
	Target     string  `yaml:"target"`
	Quote      string  `yaml:"quote"`
	Occurrence int     `yaml:"occurrence,omitempty"`
	Certainty  string  `yaml:"certainty"`
	Confidence float64 `yaml:"confidence"`
}

// actorYAML is a gazetteer entry as Record writes it.
type actorYAML struct {
	ID          string   `yaml:"id"`
	Name        string   `yaml:"name,omitempty"`
	Kind        string   `yaml:"kind,omitempty"`
	Names       []string `yaml:"names,omitempty,flow"`
	Aliases     []string `yaml:"aliases,omitempty,flow"`
	Affiliation string   `yaml:"affiliation,omitempty"`
}

// reviewEntry is one decision of the review log.
type reviewEntry struct {
	Kind       string          `yaml:"kind"`
	Reviewer   string          `yaml:"reviewer"`
	Time       time.Time       `yaml:"time"`
	Reason     string          `yaml:"reason,omitempty"`
	Claim      string          `yaml:"claim,omitempty"`
	NewClaim   *newClaimYAML   `yaml:"new_claim,omitempty"`
	Occurrence int             `yaml:"occurrence,omitempty"`
	Actor      *reviewActorYML `yaml:"actor,omitempty"`
	ActorID    string          `yaml:"actor_id,omitempty"`
	Name       string          `yaml:"name,omitempty"`
	Into       string          `yaml:"into,omitempty"`
}

type newClaimYAML struct {
	Article    string  `yaml:"article"`
	Type       string  `yaml:"type"`
	Source     string  `yaml:"source"`
	Target     string  `yaml:"target"`
	Start      int     `yaml:"start"`
	End        int     `yaml:"end"`
	Certainty  string  `yaml:"certainty,omitempty"`
	Confidence float64 `yaml:"confidence,omitempty"`
}

type reviewActorYML struct {
	ID          string   `yaml:"id"`
	Name        string   `yaml:"name"`
	NameAr      string   `yaml:"name_ar"`
	Kind        string   `yaml:"kind"`
	Aliases     []string `yaml:"aliases,omitempty,flow"`
	Affiliation string   `yaml:"affiliation,omitempty"`
}

func reviewEntryOf(d graph.Decision) reviewEntry {
	e := reviewEntry{Kind: string(d.Kind), Reviewer: d.Reviewer, Time: d.Time.UTC(), Reason: d.Reason, Claim: d.ClaimID,
		Occurrence: d.Occurrence, ActorID: d.ActorID, Name: d.Name, Into: d.Into}
	if c := d.NewClaim; c != nil {
		e.NewClaim = &newClaimYAML{Article: c.Article, Type: strings.ToLower(string(c.Type)), Source: c.Source, Target: c.Target,
			Start: c.Start, End: c.End, Certainty: string(c.Certainty), Confidence: c.Confidence}
	}
	if a := d.Actor; a != nil {
		e.Actor = &reviewActorYML{ID: a.ID, Name: a.Name, NameAr: a.NameAr, Kind: string(a.Kind), Aliases: a.Aliases, Affiliation: a.Affiliation}
	}
	return e
}

func (e reviewEntry) decision() graph.Decision {
	d := graph.Decision{Kind: graph.DecisionKind(e.Kind), Reviewer: e.Reviewer, Time: e.Time, Reason: e.Reason, ClaimID: e.Claim,
		ActorID: e.ActorID, Name: e.Name, Into: e.Into}
	if c := e.NewClaim; c != nil {
		// The occurrence and the other fields the store completes are left
		// for the store to compute again.
		d.NewClaim = &graph.Claim{Article: c.Article, Type: graph.RelationType(strings.ToUpper(c.Type)), Source: c.Source, Target: c.Target,
			Start: c.Start, End: c.End, Certainty: graph.Certainty(c.Certainty), Confidence: c.Confidence}
	}
	if a := e.Actor; a != nil {
		d.Actor = &graph.Actor{ID: a.ID, Name: a.Name, NameAr: a.NameAr, Kind: graph.Kind(a.Kind), Aliases: a.Aliases, Affiliation: a.Affiliation}
	}
	return d
}

// ParseReviewsFile reads the review log (the "reviews" list) of a
// corrections file. A missing file has no decisions. Each entry is checked
// with graph.Decision.Validate; errors name the file and line, all joined.
func ParseReviewsFile(path string) ([]graph.Decision, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("loader: reviews: %w", err)
	}
	return ParseReviews(path, data)
}

// ParseReviews parses the "reviews" list of a corrections file named name
// (see ParseReviewsFile).
func ParseReviews(name string, data []byte) ([]graph.Decision, error) {
	root, err := input.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, nil // ParseCorrections reports a bad shape
	}
	var out []graph.Decision
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != reviewsKey {
			continue
		}
		items, err := input.List(name, reviewsKey, root.Content[i+1])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, n := range items {
			var e reviewEntry
			if err := input.Decode(name, n, reviewsKey, &e); err != nil {
				errs = append(errs, err)
				continue
			}
			d := e.decision()
			if err := d.Validate(); err != nil {
				errs = append(errs, input.NodeErrorf(name, n, "reviews: %s", userText(err)))
				continue
			}
			out = append(out, d)
		}
	}
	if len(errs) > 0 {
		return nil, input.JoinCapped(errs)
	}
	return out, nil
}

// userText is the user message of err when it holds a *graph.Error, else
// its text.
func userText(err error) string {
	if msg, ok := graph.UserMessage(err); ok {
		return msg
	}
	return err.Error()
}

// appendYAML appends entry to the list under the top-level key of the YAML
// file at path (creating the file, the key or the list when missing) and
// replaces the file atomically.
func appendYAML(path, key string, entry any) error {
	if path == "" {
		return fmt.Errorf("review: no file to record %s in", key)
	}
	perm := fs.FileMode(0o644)
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("review: %w", err)
	default:
		if st, err := os.Stat(path); err == nil {
			perm = st.Mode().Perm()
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return input.YAMLError(path, err)
	}
	if len(doc.Content) == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		*root = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: root.HeadComment}
	}
	if root.Kind != yaml.MappingNode {
		return input.NodeErrorf(path, root, "want a mapping, got %s", input.Kind(root))
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			list = root.Content[i+1]
		}
	}
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, list)
	}
	if list.Kind == yaml.ScalarNode && list.Tag == "!!null" {
		*list = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", LineComment: list.LineComment}
	}
	if list.Kind != yaml.SequenceNode {
		return input.NodeErrorf(path, list, "%s: want a list, got %s", key, input.Kind(list))
	}
	list.Style = 0 // block style, whatever it was ([] in an empty file)
	var n yaml.Node
	if err := n.Encode(entry); err != nil {
		return fmt.Errorf("review: %w", err)
	}
	list.Content = append(list.Content, &n)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return fmt.Errorf("review: %s: %w", path, err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("review: %s: %w", path, err)
	}
	return WriteFileAtomic(path, buf.Bytes(), perm)
}
