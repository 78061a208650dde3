// Package model is the data model of Rawabit's Neo4j store: its node labels,
// relationship types, the properties of actors, articles and claims, the
// normalised search keys, and the indexes and constraints of its schema.
//
// graph/neo4jstore writes and checks the database with it; graph/export
// writes its Cypher script and its neo4j-admin CSV files with it, so that
// an export lands in the same model as a load. The package does not import
// the Neo4j driver, so the exports need not either. Tests check that the
// .cypher files of graph/neo4jstore agree with these tables.
package model

import (
	"slices"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// Node labels and relationship types besides the claim types.
const (
	// Actor labels every actor node; it also has its kind's label
	// (graph.Kind.Label: Person, State or Organisation).
	Actor = "Actor"
	// Article labels every article node.
	Article = "Article"
	// AffiliatedWith links an actor to the actor it belongs to.
	AffiliatedWith = "AFFILIATED_WITH"
)

// KindLabels are the labels of the actor kinds, in graph.Kinds order.
func KindLabels() []string {
	out := make([]string, len(graph.Kinds))
	for i, k := range graph.Kinds {
		out[i] = k.Label()
	}
	return out
}

// RelationshipType is the relationship type of a claim of type t: MET,
// SUPPORTED or OPPOSED. An unknown type (which no store holds:
// Document.Validate rejects it) gives MET, so that no input text becomes a
// relationship type.
func RelationshipType(t graph.RelationType) string {
	switch t {
	case graph.Supported:
		return "SUPPORTED"
	case graph.Opposed:
		return "OPPOSED"
	}
	return "MET"
}

// Type is the Neo4j type of a property.
type Type string

// The property types.
const (
	String     Type = "string"
	StringList Type = "string[]"
	Long       Type = "long"
	Double     Type = "double"
	Date       Type = "date"
)

// Property is one property of a node or relationship.
type Property struct {
	Name string
	Type Type
}

// CSVHeader is the property's column header in neo4j-admin's import
// format: the name, with ":type" for any type but string.
func (p Property) CSVHeader() string {
	if p.Type == String {
		return p.Name
	}
	return p.Name + ":" + string(p.Type)
}

// ActorProperties are the properties of an :Actor node, id first. aliases
// is the list of aliases and aliases_text the same joined by line breaks
// (full-text indexes index only strings); search_keys are SearchKeys.
var ActorProperties = []Property{
	{"id", String}, {"name", String}, {"name_ar", String}, {"aliases", StringList},
	{"aliases_text", String}, {"search_keys", StringList}, {"kind", String}, {"affiliation", String},
}

// ArticleProperties are the properties of an :Article node, id first, as
// exported: the store also keeps the article's text (ArticleText).
var ArticleProperties = []Property{
	{"id", String}, {"title", String}, {"source", String}, {"url", String},
	{"published", Date}, {"date_source", String}, {"language", String}, {"sha256", String},
}

// ArticleText is the property holding an article's text in the store (not
// exported).
const ArticleText = "text"

// ClaimProperties are the properties of a claim's relationship, id first.
// A claim moved or restored in review also has ClaimReviewProperties.
var ClaimProperties = []Property{
	{"id", String}, {"article", String}, {"quote", String}, {"start", Long}, {"end", Long},
	{"certainty", String}, {"confidence", Double}, {"extractor", String}, {"rule", String},
}

// ClaimReviewProperties are the properties review adds to a claim's
// relationship.
var ClaimReviewProperties = []Property{{"status", String}, {"decision", String}}

// Names returns the names of props, in order.
func Names(props []Property) []string {
	out := make([]string, len(props))
	for i, p := range props {
		out[i] = p.Name
	}
	return out
}

// SearchKeys returns the arabic.Normalize form of every name of a (Name,
// NameAr, Aliases), without empties or repeats: the values the store's
// search scans, stored as search_keys.
func SearchKeys(a graph.Actor) []string {
	keys := []string{}
	for _, n := range append([]string{a.Name, a.NameAr}, a.Aliases...) {
		if k := arabic.Normalize(n); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// Index is one index of the store's schema, as SHOW INDEXES describes it.
type Index struct {
	Name   string
	Kind   string // SHOW INDEXES type: RANGE, FULLTEXT
	Entity string // NODE or RELATIONSHIP
	// Labels are the node labels or relationship types it covers.
	Labels     []string
	Properties []string
	// Constraint: the index backs a uniqueness constraint of the same name.
	Constraint bool
	// Analyzer is the fulltext.analyzer of a FULLTEXT index.
	Analyzer string
}

// Schema is every index and constraint the store creates (one
// schema_<name>.cypher file each) and checks at Open.
var Schema = []Index{
	{Name: "actor_id", Kind: "RANGE", Entity: "NODE", Labels: []string{Actor}, Properties: []string{"id"}, Constraint: true},
	{Name: "article_id", Kind: "RANGE", Entity: "NODE", Labels: []string{Article}, Properties: []string{"id"}, Constraint: true},
	{Name: "actor_names", Kind: "FULLTEXT", Entity: "NODE", Labels: []string{Actor}, Properties: []string{"name", "name_ar", "aliases_text"}, Analyzer: "arabic"},
	{Name: "met_article", Kind: "RANGE", Entity: "RELATIONSHIP", Labels: []string{"MET"}, Properties: []string{"article"}},
	{Name: "supported_article", Kind: "RANGE", Entity: "RELATIONSHIP", Labels: []string{"SUPPORTED"}, Properties: []string{"article"}},
	{Name: "opposed_article", Kind: "RANGE", Entity: "RELATIONSHIP", Labels: []string{"OPPOSED"}, Properties: []string{"article"}},
	{Name: "met_id", Kind: "RANGE", Entity: "RELATIONSHIP", Labels: []string{"MET"}, Properties: []string{"id"}},
	{Name: "supported_id", Kind: "RANGE", Entity: "RELATIONSHIP", Labels: []string{"SUPPORTED"}, Properties: []string{"id"}},
	{Name: "opposed_id", Kind: "RANGE", Entity: "RELATIONSHIP", Labels: []string{"OPPOSED"}, Properties: []string{"id"}},
	{Name: "decision_key", Kind: "RANGE", Entity: "NODE", Labels: []string{"Decision"}, Properties: []string{"key"}, Constraint: true},
	{Name: "decision_claim", Kind: "RANGE", Entity: "NODE", Labels: []string{"Decision"}, Properties: []string{"claim"}},
	{Name: "rejected_claim_id", Kind: "RANGE", Entity: "NODE", Labels: []string{"RejectedClaim"}, Properties: []string{"id"}, Constraint: true},
	{Name: "review_log_id", Kind: "RANGE", Entity: "NODE", Labels: []string{"ReviewLog"}, Properties: []string{"id"}, Constraint: true},
}

// Constraints returns the indexes of Schema that back a uniqueness
// constraint on a node label among labels.
func Constraints(labels ...string) []Index {
	var out []Index
	for _, ix := range Schema {
		if ix.Constraint && ix.Entity == "NODE" && slices.Contains(labels, ix.Labels[0]) {
			out = append(out, ix)
		}
	}
	return out
}
