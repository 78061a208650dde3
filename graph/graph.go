// Package graph holds Rawabit's domain model: the actors found in Arabic news,
// the articles they appear in, the claims (met, supported, opposed) that link
// them, and the Store interface every storage engine implements.
//
// The package imports only the standard library. Implementations live in
// their own packages (graph/memstore, graph/neo4jstore) and are checked by one
// contract suite (graph/storetest).
package graph

import (
	"strings"
	"time"
)

// Kind is the kind of an actor. The zero value is invalid.
type Kind string

// The actor kinds defined by ANNOTATION.md.
const (
	KindPerson       Kind = "person"
	KindState        Kind = "state"
	KindOrganisation Kind = "organisation"
)

// Kinds lists every valid Kind in a fixed order.
var Kinds = []Kind{KindPerson, KindState, KindOrganisation}

// ParseKind parses a kind name case-insensitively ("organization" is accepted
// as a spelling of "organisation"). It returns an error wrapping ErrInvalid
// for anything else.
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "person":
		return KindPerson, nil
	case "state":
		return KindState, nil
	case "organisation", "organization":
		return KindOrganisation, nil
	}
	return "", Invalidf("", "unknown actor kind %q (want person, state or organisation)", s)
}

// Label is the Neo4j label of the kind ("Person", "State", "Organisation").
func (k Kind) Label() string {
	switch k {
	case KindPerson:
		return "Person"
	case KindState:
		return "State"
	case KindOrganisation:
		return "Organisation"
	}
	return ""
}

// RelationType is the type of a claim. Its values are the Neo4j relationship
// types, so they are never built from user input.
type RelationType string

// The relation types defined by ANNOTATION.md.
const (
	Met       RelationType = "MET"
	Supported RelationType = "SUPPORTED"
	Opposed   RelationType = "OPPOSED"
)

// RelationTypes lists every valid RelationType in a fixed order.
var RelationTypes = []RelationType{Met, Supported, Opposed}

// ParseRelationType parses a relation type in any case ("met", "MET",
// "Supported"). It returns an error wrapping ErrInvalid for anything else.
func ParseRelationType(s string) (RelationType, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "MET":
		return Met, nil
	case "SUPPORTED":
		return Supported, nil
	case "OPPOSED":
		return Opposed, nil
	}
	return "", Invalidf("", "unknown relation type %q (want met, supported or opposed)", s)
}

// Directed reports whether the relation has a direction. MET is symmetric:
// its source is only the grammatical subject or the host.
func (t RelationType) Directed() bool { return t != Met }

// Certainty is how an article states a claim.
type Certainty string

// The certainties defined by ANNOTATION.md. A negated statement never
// becomes a claim, so it has no Certainty value here.
const (
	Asserted Certainty = "asserted"
	Reported Certainty = "reported"
	Alleged  Certainty = "alleged"
)

// Certainties lists every valid Certainty, from the strongest.
var Certainties = []Certainty{Asserted, Reported, Alleged}

// ParseCertainty parses a certainty case-insensitively. It returns an error
// wrapping ErrInvalid for anything else, "negated" included.
func ParseCertainty(s string) (Certainty, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "asserted":
		return Asserted, nil
	case "reported":
		return Reported, nil
	case "alleged":
		return Alleged, nil
	}
	return "", Invalidf("", "unknown certainty %q (want asserted, reported or alleged)", s)
}

// ExtractorManual is the Claim.Extractor of a claim written by hand.
const ExtractorManual = "manual"

// Actor is a person, state or organisation.
type Actor struct {
	// ID is a stable slug such as "khalifa-haftar".
	ID string `json:"id"`
	// Name is the English name.
	Name string `json:"name"`
	// NameAr is the canonical Arabic name.
	NameAr string `json:"name_ar"`
	// Aliases are the other names, Arabic or English, the actor goes by.
	Aliases []string `json:"aliases,omitempty"`
	Kind    Kind     `json:"kind"`
	// Affiliation is the id of another actor this one belongs to, or "".
	Affiliation string `json:"affiliation,omitempty"`
}

// Article is one news article.
type Article struct {
	// ID is the file name without extension, or a JSON Lines record's id.
	ID     string `json:"id"`
	Title  string `json:"title"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	// Published is the publication day; the zero time means unknown.
	Published time.Time `json:"published,omitzero"`
	// DateSource says where Published came from; "" when it is unknown.
	DateSource DateSource `json:"date_source,omitempty"`
	// Language is a BCP 47 tag, "ar" for the corpus.
	Language string `json:"language"`
	// Text is the full text; claim offsets are byte offsets into it.
	Text string `json:"text"`
	// SHA256 is the hex SHA-256 of Text.
	SHA256 string `json:"sha256"`
}

// DateSource says where an article's publication date was found.
type DateSource string

// The places a date is read from, in the order the loader tries them.
const (
	// DateFrontMatter: the published key of a text file's front matter.
	DateFrontMatter DateSource = "front_matter"
	// DateJSONL: the published field of a JSON Lines record.
	DateJSONL DateSource = "jsonl"
	// DateText: a date written in the article's text.
	DateText DateSource = "text"
)

// DateSources lists every DateSource in the order the loader tries them.
var DateSources = []DateSource{DateFrontMatter, DateJSONL, DateText}

// Claim is one relation stated by one article, with its evidence.
type Claim struct {
	// ID is stable for the same article, type, actors and offsets (see ClaimID).
	ID      string       `json:"id"`
	Type    RelationType `json:"type"`
	Source  string       `json:"source"`
	Target  string       `json:"target"`
	Article string       `json:"article"`
	// Quote is verbatim: Quote == article.Text[Start:End] (byte offsets).
	Quote      string    `json:"quote"`
	Start      int       `json:"start"`
	End        int       `json:"end"`
	Certainty  Certainty `json:"certainty"`
	Confidence float64   `json:"confidence"`
	// Extractor names what produced the claim: "name/version", or "manual".
	Extractor string `json:"extractor"`
	// Rule names the extractor's construction that found the claim
	// ("frame/ties/cut", "verb/subject-first"); "" for a claim written by
	// hand.
	Rule string `json:"rule,omitempty"`
}

// Mention says how often an article names an actor.
type Mention struct {
	Actor string `json:"actor"`
	Count int    `json:"count"`
}

// Document is the unit of loading: one article with every actor it refers to,
// the mentions and the claims. Stores load a Document all or nothing.
type Document struct {
	Article Article
	// Actors holds every actor named by Mentions, Claims and affiliations.
	// Stores upsert them: the last loaded version of an actor wins.
	Actors   []Actor
	Mentions []Mention
	Claims   []Claim
}

// Counts is the size of a store.
type Counts struct {
	Actors   int `json:"actors"`
	Articles int `json:"articles"`
	Claims   int `json:"claims"`
}
