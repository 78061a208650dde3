package loader

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader/corpus"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// CuratedClaim is one claim of claims.yaml, before its quote is located.
type CuratedClaim struct {
	// Pos is where the claim starts in claims.yaml.
	Pos     gazetteer.Position
	Article string
	Type    graph.RelationType
	Source  string
	Target  string
	// Quote is a verbatim substring of the article text.
	Quote string
	// Occurrence picks which occurrence of Quote is meant, from 1.
	Occurrence int
	Certainty  graph.Certainty
	Confidence float64
}

// ClaimsFile is a parsed claims.yaml.
type ClaimsFile struct {
	// Actors are the actors the file declares, in gazetteer format; never nil.
	Actors *gazetteer.Gazetteer
	Claims []CuratedClaim
}

// ParseClaimsFile reads and parses a claims file (see ParseClaims).
func ParseClaimsFile(path string) (*ClaimsFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loader: claims: %w", err)
	}
	return ParseClaims(path, data)
}

var claimKeys = []string{"article", "type", "source", "target", "quote", "occurrence", "certainty", "confidence"}

// ParseClaims parses a claims file named name:
//
//	actors: [...]          # optional, gazetteer format
//	claims:
//	  - article: 001_d522f629676ca2b6
//	    type: met          # met | supported | opposed, any case
//	    source: donald-trump
//	    target: khalifa-haftar
//	    quote: "..."       # verbatim substring of the article text
//	    occurrence: 1      # optional, which occurrence of the quote
//	    certainty: asserted  # optional: asserted (default), reported, alleged
//	    confidence: 1.0    # optional, default 1
//
// Errors, each an *gazetteer.Error naming the file and line and all joined:
// malformed YAML, unknown keys, a missing field, a bad type, certainty,
// confidence or occurrence, a claim whose source is its target, the same
// claim twice. Actor ids, articles and quotes are checked by the Loader,
// which knows the gazetteer and the corpus.
func ParseClaims(name string, data []byte) (*ClaimsFile, error) {
	cf := &ClaimsFile{Actors: emptyGazetteer()}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, gazetteer.YAMLError(name, err)
	}
	if len(doc.Content) == 0 {
		return cf, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, gazetteer.Errorf(gazetteer.Position{File: name, Line: root.Line}, "want a mapping with keys actors and claims, got %s", gazetteer.NodeKind(root))
	}
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "actors":
			g, err := gazetteer.ParseActorsNode(name, v)
			if err != nil {
				errs = append(errs, err)
			} else {
				cf.Actors = g
			}
		case "claims":
			claims, cerrs := parseClaimList(name, v)
			cf.Claims = append(cf.Claims, claims...)
			errs = append(errs, cerrs...)
		default:
			errs = append(errs, gazetteer.Errorf(gazetteer.Position{File: name, Line: k.Line}, "unknown key %q (want actors or claims)", k.Value))
		}
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return cf, nil
}

func emptyGazetteer() *gazetteer.Gazetteer {
	g, _ := gazetteer.Merge()
	return g
}

type claimKey struct {
	article        string
	t              graph.RelationType
	source, target string
	quote          string
	occurrence     int
}

func parseClaimList(file string, seq *yaml.Node) ([]CuratedClaim, []error) {
	if seq.Kind == yaml.ScalarNode && seq.Tag == "!!null" {
		return nil, nil
	}
	if seq.Kind != yaml.SequenceNode {
		return nil, []error{gazetteer.Errorf(gazetteer.Position{File: file, Line: seq.Line}, "claims: want a list, got %s", gazetteer.NodeKind(seq))}
	}
	var out []CuratedClaim
	var errs []error
	seen := map[claimKey]gazetteer.Position{}
	for _, n := range seq.Content {
		c, err := parseClaim(file, n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		k := claimKey{c.Article, c.Type, c.Source, c.Target, c.Quote, c.Occurrence}
		if prev, ok := seen[k]; ok {
			errs = append(errs, gazetteer.Errorf(c.Pos, "claim repeats the claim at %s", prev))
			continue
		}
		seen[k] = c.Pos
		out = append(out, c)
	}
	return out, errs
}

func parseClaim(file string, n *yaml.Node) (CuratedClaim, error) {
	c := CuratedClaim{Pos: gazetteer.Position{File: file, Line: n.Line}, Occurrence: 1, Certainty: graph.Asserted, Confidence: 1}
	if n.Kind != yaml.MappingNode {
		return c, gazetteer.Errorf(c.Pos, "claim: want a mapping with %s, got %s", strings.Join(claimKeys, ", "), gazetteer.NodeKind(n))
	}
	have := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		pos := gazetteer.Position{File: file, Line: k.Line}
		if v.Kind != yaml.ScalarNode {
			return c, gazetteer.Errorf(pos, "claim: %s: want a single value, got %s", k.Value, gazetteer.NodeKind(v))
		}
		val := v.Value
		if k.Value != "quote" {
			val = strings.TrimSpace(val)
		}
		have[k.Value] = true
		var err error
		switch k.Value {
		case "article":
			c.Article = val
		case "type":
			if c.Type, err = graph.ParseRelationType(val); err != nil {
				return c, gazetteer.Errorf(pos, "claim: unknown type %q (want met, supported or opposed)", val)
			}
		case "source":
			c.Source = val
		case "target":
			c.Target = val
		case "quote":
			c.Quote = val
		case "occurrence":
			if c.Occurrence, err = strconv.Atoi(val); err != nil || c.Occurrence < 1 {
				return c, gazetteer.Errorf(pos, "claim: occurrence %q: want a whole number from 1", val)
			}
		case "certainty":
			if strings.EqualFold(val, "negated") {
				return c, gazetteer.Errorf(pos, "claim: certainty negated: a negated statement is never a claim; leave it out")
			}
			if c.Certainty, err = graph.ParseCertainty(val); err != nil {
				return c, gazetteer.Errorf(pos, "claim: unknown certainty %q (want asserted, reported or alleged)", val)
			}
		case "confidence":
			c.Confidence, err = strconv.ParseFloat(val, 64)
			if err != nil || math.IsNaN(c.Confidence) || c.Confidence < 0 || c.Confidence > 1 {
				return c, gazetteer.Errorf(pos, "claim: confidence %q: want a number from 0 to 1", val)
			}
		default:
			return c, gazetteer.Errorf(pos, "claim: unknown key %q (want one of %s)", k.Value, strings.Join(claimKeys, ", "))
		}
	}
	for _, req := range []string{"article", "type", "source", "target", "quote"} {
		if !have[req] {
			return c, gazetteer.Errorf(c.Pos, "claim: missing %s", req)
		}
	}
	switch {
	case c.Article == "" || c.Source == "" || c.Target == "":
		return c, gazetteer.Errorf(c.Pos, "claim: empty article, source or target")
	case strings.TrimSpace(c.Quote) == "":
		return c, gazetteer.Errorf(c.Pos, "claim: empty quote")
	case c.Source == c.Target:
		return c, gazetteer.Errorf(c.Pos, "claim: source and target are the same actor %q", c.Source)
	}
	return c, nil
}

// Locate finds the claim's quote in text (its Occurrence-th occurrence) and
// returns the claim with its byte offsets and ClaimID. A quote not present
// is an *gazetteer.Error at the claim's position.
func (c CuratedClaim) Locate(text string) (graph.Claim, error) {
	start, from := -1, 0
	for n := 0; n < c.Occurrence; n++ {
		i := strings.Index(text[from:], c.Quote)
		if i < 0 {
			start = -1
			break
		}
		start = from + i
		from = start + len(c.Quote)
	}
	if start < 0 {
		hint := ""
		if c.Occurrence > 1 && strings.Contains(text, c.Quote) {
			hint = fmt.Sprintf(" (found %d times, occurrence %d asked)", strings.Count(text, c.Quote), c.Occurrence)
		} else if strings.Contains(arabic.Normalize(text), arabic.Normalize(c.Quote)) {
			hint = " (it differs from the text in spelling, diacritics, spaces or punctuation; quote it verbatim)"
		}
		return graph.Claim{}, gazetteer.Errorf(c.Pos, "claim: quote %q is not in article %q%s", shorten(c.Quote), c.Article, hint)
	}
	end := start + len(c.Quote)
	return graph.Claim{
		ID:         graph.ClaimID(c.Article, c.Type, c.Source, c.Target, start, end),
		Type:       c.Type,
		Source:     c.Source,
		Target:     c.Target,
		Article:    c.Article,
		Quote:      c.Quote,
		Start:      start,
		End:        end,
		Certainty:  c.Certainty,
		Confidence: c.Confidence,
		Extractor:  graph.ExtractorManual,
	}, nil
}

func shorten(s string) string {
	if len(s) <= 80 {
		return s
	}
	return corpus.Truncate(s, 77) + "..."
}

// Rejection is one entry of corrections.yaml: extracted claims of this type
// between these actors (in this article, or in every article when Article is
// empty) are dropped. A MET rejection matches either direction.
type Rejection struct {
	Pos     gazetteer.Position
	Type    graph.RelationType
	Source  string
	Target  string
	Article string
}

// Matches reports whether r rejects c.
func (r Rejection) Matches(c graph.Claim) bool {
	if c.Type != r.Type || (r.Article != "" && c.Article != r.Article) {
		return false
	}
	if c.Source == r.Source && c.Target == r.Target {
		return true
	}
	return r.Type == graph.Met && c.Source == r.Target && c.Target == r.Source
}

// ParseCorrectionsFile reads and parses a corrections file (see
// ParseCorrections).
func ParseCorrectionsFile(path string) ([]Rejection, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loader: corrections: %w", err)
	}
	return ParseCorrections(path, data)
}

var rejectionKeys = []string{"type", "source", "target", "article"}

// ParseCorrections parses a corrections file named name:
//
//	reject:
//	  - type: supported      # required
//	    source: usa          # required
//	    target: khalifa-haftar  # required
//	    article: 001_d522f629676ca2b6  # optional: every article when left out
//	reviews: [...]           # the review log, read by ParseReviews
//
// Errors, each naming the file and line and all joined: malformed YAML,
// unknown keys, a missing field, a bad type. Actor ids are checked by the
// Loader.
func ParseCorrections(name string, data []byte) ([]Rejection, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, gazetteer.YAMLError(name, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, gazetteer.Errorf(gazetteer.Position{File: name, Line: root.Line}, "want a mapping with key reject, got %s", gazetteer.NodeKind(root))
	}
	var out []Rejection
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value == reviewsKey {
			continue // the review log: see ParseReviews
		}
		if k.Value != "reject" {
			errs = append(errs, gazetteer.Errorf(gazetteer.Position{File: name, Line: k.Line}, "unknown key %q (want reject or reviews)", k.Value))
			continue
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue
		}
		if v.Kind != yaml.SequenceNode {
			errs = append(errs, gazetteer.Errorf(gazetteer.Position{File: name, Line: v.Line}, "reject: want a list, got %s", gazetteer.NodeKind(v)))
			continue
		}
		for _, n := range v.Content {
			r, err := parseRejection(name, n)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			out = append(out, r)
		}
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return out, nil
}

func parseRejection(file string, n *yaml.Node) (Rejection, error) {
	r := Rejection{Pos: gazetteer.Position{File: file, Line: n.Line}}
	if n.Kind != yaml.MappingNode {
		return r, gazetteer.Errorf(r.Pos, "reject: want a mapping with %s, got %s", strings.Join(rejectionKeys, ", "), gazetteer.NodeKind(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		pos := gazetteer.Position{File: file, Line: k.Line}
		if v.Kind != yaml.ScalarNode {
			return r, gazetteer.Errorf(pos, "reject: %s: want a single value, got %s", k.Value, gazetteer.NodeKind(v))
		}
		val := strings.TrimSpace(v.Value)
		switch k.Value {
		case "type":
			t, err := graph.ParseRelationType(val)
			if err != nil {
				return r, gazetteer.Errorf(pos, "reject: unknown type %q (want met, supported or opposed)", val)
			}
			r.Type = t
		case "source":
			r.Source = val
		case "target":
			r.Target = val
		case "article":
			r.Article = val
		default:
			return r, gazetteer.Errorf(pos, "reject: unknown key %q (want one of %s)", k.Value, strings.Join(rejectionKeys, ", "))
		}
	}
	switch {
	case r.Type == "":
		return r, gazetteer.Errorf(r.Pos, "reject: missing type")
	case r.Source == "":
		return r, gazetteer.Errorf(r.Pos, "reject: missing source")
	case r.Target == "":
		return r, gazetteer.Errorf(r.Pos, "reject: missing target")
	}
	return r, nil
}
