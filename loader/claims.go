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
	"github.com/rawabit/rawabit/internal/input"
	"github.com/rawabit/rawabit/loader/corpus"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// CuratedClaim is one claim of claims.yaml, before its quote is located.
type CuratedClaim struct {
	// Pos is where the claim starts in claims.yaml.
	Pos     graph.Position
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
// Errors, each an input error (*graph.Error) naming the file and line and all joined:
// malformed YAML, unknown keys, a missing field, a bad type, certainty,
// confidence or occurrence, a claim whose source is its target, the same
// claim twice. Actor ids, articles and quotes are checked by the Loader,
// which knows the gazetteer and the corpus.
func ParseClaims(name string, data []byte) (*ClaimsFile, error) {
	cf := &ClaimsFile{Actors: emptyGazetteer()}
	root, err := input.Parse(name, data)
	if err != nil || root == nil {
		return cf, err
	}
	var listErrs []error // one per claim, not joined
	errs := input.Mapping(name, root, "", []string{"actors", "claims"}, func(key string, _, v *yaml.Node) error {
		switch key {
		case "actors":
			g, err := gazetteer.ParseActorsNode(name, v)
			if err != nil {
				return err
			}
			cf.Actors = g
		case "claims":
			claims, cerrs := parseClaimList(name, v)
			cf.Claims = append(cf.Claims, claims...)
			listErrs = append(listErrs, cerrs...)
		}
		return nil
	})
	if errs = append(errs, listErrs...); len(errs) > 0 {
		return nil, input.JoinCapped(errs)
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
	items, err := input.List(file, "claims", seq)
	if err != nil {
		return nil, []error{err}
	}
	var out []CuratedClaim
	var errs []error
	seen := map[claimKey]graph.Position{}
	for _, n := range items {
		c, err := parseClaim(file, n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		k := claimKey{c.Article, c.Type, c.Source, c.Target, c.Quote, c.Occurrence}
		if prev, ok := seen[k]; ok {
			errs = append(errs, input.Errorf(c.Pos, "claim repeats the claim at %s", prev))
			continue
		}
		seen[k] = c.Pos
		out = append(out, c)
	}
	return out, errs
}

func parseClaim(file string, n *yaml.Node) (CuratedClaim, error) {
	c := CuratedClaim{Pos: input.At(file, n), Occurrence: 1, Certainty: graph.Asserted, Confidence: 1}
	errs := input.Mapping(file, n, "claim", claimKeys, func(key string, k, v *yaml.Node) error {
		pos := input.At(file, k)
		if v.Kind != yaml.ScalarNode {
			return input.NodeErrorf(file, v, "claim: %s: want a single value, got %s", key, input.Kind(v))
		}
		val := v.Value
		if key != "quote" {
			val = strings.TrimSpace(val)
		}
		var err error
		switch key {
		case "article":
			c.Article = val
		case "type":
			if c.Type, err = graph.ParseRelationType(val); err != nil {
				return input.Errorf(pos, "claim: unknown type %q (want met, supported or opposed)", val)
			}
		case "source":
			c.Source = val
		case "target":
			c.Target = val
		case "quote":
			c.Quote = val
		case "occurrence":
			if c.Occurrence, err = strconv.Atoi(val); err != nil || c.Occurrence < 1 {
				return input.Errorf(pos, "claim: occurrence %q: want a whole number from 1", val)
			}
		case "certainty":
			if strings.EqualFold(val, "negated") {
				return input.Errorf(pos, "claim: certainty negated: a negated statement is never a claim; leave it out")
			}
			if c.Certainty, err = graph.ParseCertainty(val); err != nil {
				return input.Errorf(pos, "claim: unknown certainty %q (want asserted, reported or alleged)", val)
			}
		case "confidence":
			c.Confidence, err = strconv.ParseFloat(val, 64)
			if err != nil || math.IsNaN(c.Confidence) || c.Confidence < 0 || c.Confidence > 1 {
				return input.Errorf(pos, "claim: confidence %q: want a number from 0 to 1", val)
			}
		}
		return nil
	})
	if len(errs) > 0 {
		return c, errs[0]
	}
	if err := input.Required(file, n, "claim", "article", "type", "source", "target", "quote"); err != nil {
		return c, err
	}
	switch {
	case c.Article == "" || c.Source == "" || c.Target == "":
		return c, input.Errorf(c.Pos, "claim: empty article, source or target")
	case strings.TrimSpace(c.Quote) == "":
		return c, input.Errorf(c.Pos, "claim: empty quote")
	case c.Source == c.Target:
		return c, input.Errorf(c.Pos, "claim: source and target are the same actor %q", c.Source)
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
		return graph.Claim{}, input.Errorf(c.Pos, "claim: quote %q is not in article %q%s", shorten(c.Quote), c.Article, hint)
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
	Pos     graph.Position
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
	root, err := input.Parse(name, data)
	if err != nil || root == nil {
		return nil, err
	}
	var out []Rejection
	var listErrs []error // one per entry, not joined
	errs := input.Mapping(name, root, "", []string{"reject", reviewsKey}, func(key string, _, v *yaml.Node) error {
		if key == reviewsKey {
			return nil // the review log: see ParseReviews
		}
		items, err := input.List(name, "reject", v)
		if err != nil {
			return err
		}
		for _, n := range items {
			r, err := parseRejection(name, n)
			if err != nil {
				listErrs = append(listErrs, err)
				continue
			}
			out = append(out, r)
		}
		return nil
	})
	if errs = append(errs, listErrs...); len(errs) > 0 {
		return nil, input.JoinCapped(errs)
	}
	return out, nil
}

func parseRejection(file string, n *yaml.Node) (Rejection, error) {
	r := Rejection{Pos: input.At(file, n)}
	errs := input.Mapping(file, n, "reject", rejectionKeys, func(key string, k, v *yaml.Node) error {
		val, err := input.Scalar(file, "reject: "+key, v)
		if err != nil {
			return err
		}
		switch key {
		case "type":
			t, err := graph.ParseRelationType(val)
			if err != nil {
				return input.NodeErrorf(file, k, "reject: unknown type %q (want met, supported or opposed)", val)
			}
			r.Type = t
		case "source":
			r.Source = val
		case "target":
			r.Target = val
		case "article":
			r.Article = val
		}
		return nil
	})
	if len(errs) > 0 {
		return r, errs[0]
	}
	switch {
	case r.Type == "":
		return r, input.Errorf(r.Pos, "reject: missing type")
	case r.Source == "":
		return r, input.Errorf(r.Pos, "reject: missing source")
	case r.Target == "":
		return r, input.Errorf(r.Pos, "reject: missing target")
	}
	return r, nil
}
