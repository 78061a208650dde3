package storetest

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rawabit/rawabit/graph"
)

// FixtureExtractor is the Claim.Extractor of every claim NewDocument builds.
const FixtureExtractor = "storetest/1"

// ClaimSpec describes a claim by its quote; NewDocument works out the rest.
type ClaimSpec struct {
	Type           graph.RelationType
	Source, Target string
	// Quote must occur in the article text; its first occurrence is used.
	Quote      string
	Certainty  graph.Certainty
	Confidence float64
}

// NewDocument builds a valid Document: it sets the article's SHA256 (and
// Language "ar" when empty), finds each claim's quote in the text for its
// offsets, and sets the claim's article, id and extractor. actors must hold
// every actor the mentions and claims name, with their affiliations. It
// panics when a quote is not in the text: that is a mistake in the caller's
// fixture, not an input error.
func NewDocument(a graph.Article, actors []graph.Actor, mentions []graph.Mention, claims ...ClaimSpec) graph.Document {
	a.SHA256 = graph.TextSHA256(a.Text)
	if a.Language == "" {
		a.Language = "ar"
	}
	doc := graph.Document{Article: a, Actors: actors, Mentions: mentions}
	for _, c := range claims {
		start := strings.Index(a.Text, c.Quote)
		if start < 0 || c.Quote == "" {
			panic(fmt.Sprintf("storetest: article %q: quote %q is not in the text", a.ID, c.Quote))
		}
		end := start + len(c.Quote)
		doc.Claims = append(doc.Claims, graph.Claim{
			ID:         graph.ClaimID(a.ID, c.Type, c.Source, c.Target, start, end),
			Type:       c.Type,
			Source:     c.Source,
			Target:     c.Target,
			Article:    a.ID,
			Quote:      c.Quote,
			Start:      start,
			End:        end,
			Certainty:  c.Certainty,
			Confidence: c.Confidence,
			Extractor:  FixtureExtractor,
		})
	}
	return doc
}

// FixtureActors returns the actors of the fixture, sorted by id. Their names
// cover the cases search must handle: hamza on alef (أحمد and احمد), ta
// marbuta, a title before a name (المشير خليفة حفتر), an apostrophe
// (Mu'ammar), and names shared in part by several actors (United ...).
func FixtureActors() []graph.Actor {
	return []graph.Actor{
		{ID: "ahmed-maiteeq", Name: "Ahmed Maiteeq", NameAr: "أحمد معيتيق", Kind: graph.KindPerson, Affiliation: "gna"},
		{ID: "ahmed-mismari", Name: "Ahmed al-Mismari", NameAr: "احمد المسماري", Kind: graph.KindPerson, Affiliation: "lna"},
		{ID: "egypt", Name: "Egypt", NameAr: "مصر", Aliases: []string{"القاهرة"}, Kind: graph.KindState},
		{ID: "fayez-al-sarraj", Name: "Fayez al-Sarraj", NameAr: "فائز السراج", Aliases: []string{"السراج"}, Kind: graph.KindPerson, Affiliation: "gna"},
		{ID: "gna", Name: "Government of National Accord", NameAr: "حكومة الوفاق", Aliases: []string{"GNA"}, Kind: graph.KindOrganisation},
		{ID: "khalifa-haftar", Name: "Khalifa Haftar", NameAr: "خليفة حفتر", Aliases: []string{"المشير خليفة حفتر", "حفتر", "Field Marshal Haftar"}, Kind: graph.KindPerson, Affiliation: "lna"},
		{ID: "lna", Name: "Libyan National Army", NameAr: "الجيش الوطني الليبي", Aliases: []string{"القوات المسلحة الليبية", "LNA"}, Kind: graph.KindOrganisation},
		{ID: "muammar-gaddafi", Name: "Mu'ammar Gaddafi", NameAr: "معمر القذافي", Aliases: []string{"Muammar al-Gaddafi"}, Kind: graph.KindPerson},
		{ID: "turkey", Name: "Turkey", NameAr: "تركيا", Aliases: []string{"أنقرة"}, Kind: graph.KindState},
		{ID: "uae", Name: "United Arab Emirates", NameAr: "الإمارات", Aliases: []string{"الإمارات العربية المتحدة", "أبوظبي"}, Kind: graph.KindState},
		{ID: "un", Name: "United Nations", NameAr: "الأمم المتحدة", Aliases: []string{"UN"}, Kind: graph.KindOrganisation},
		{ID: "usa", Name: "United States", NameAr: "الولايات المتحدة", Aliases: []string{"أمريكا", "واشنطن"}, Kind: graph.KindState},
	}
}

// actorsFor returns the fixture actors with the given ids plus their
// affiliations, sorted by id.
func actorsFor(all []graph.Actor, ids ...string) []graph.Actor {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	for _, a := range all {
		if want[a.ID] && a.Affiliation != "" {
			want[a.Affiliation] = true
		}
	}
	var out []graph.Actor
	for _, a := range all {
		if want[a.ID] {
			out = append(out, a)
			delete(want, a.ID)
		}
	}
	if len(want) > 0 {
		panic(fmt.Sprintf("storetest: unknown fixture actors %v", want))
	}
	return out
}

func mentions(pairs ...any) []graph.Mention {
	var ms []graph.Mention
	for i := 0; i < len(pairs); i += 2 {
		ms = append(ms, graph.Mention{Actor: pairs[i].(string), Count: pairs[i+1].(int)})
	}
	return ms
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// The fixture's article texts; tests and editors of the fixture refer to them.
const (
	textCairo = `قال المشير خليفة حفتر، قائد الجيش الوطني الليبي، إنه "التقى الرئيس المصري في القاهرة، وبحث معه الوضع في طرابلس". ` +
		`وأعلنت مصر دعمها للجيش الوطني الليبي، فيما قالت الإمارات إنها "تدعم جهود المشير حفتر".`
	textAnkara = `استقبل الرئيس التركي في أنقرة فائز السراج، رئيس حكومة الوفاق. وأكدت تركيا دعمها لحكومة الوفاق ورفضها لهجوم حفتر على طرابلس. ` +
		`والتقى السراج المبعوث الأممي.`
	textTripoli = `أفادت تقارير بأن الإمارات زودت حفتر بالسلاح. وذكرت مصادر أن السراج التقى الرئيس التركي مجددا. ` +
		`والتقى أحمد معيتيق ممثل الأمم المتحدة، كما التقى الناطق احمد المسماري وفدا مصريا. وقالت مصر إنها تدعم الجيش الوطني الليبي. ` +
		`وقال المتحدث إن "الأمم المتحدة التقت السراج مرة ثانية".`
	textNewYork = `التقى المبعوث الأممي المشير حفتر في بنغازي. كما التقى ممثل الأمم المتحدة مسؤولين من الولايات المتحدة ومن مصر. ` +
		`وعارضت الولايات المتحدة نظام معمر القذافي في الماضي. والتقى احمد المسماري مسؤولا أمريكيا.`
)

// Fixture returns four small hand-made documents over FixtureActors: 12
// actors, 4 articles, 18 claims, with parallel claims (the same pair and
// type in two articles), MET claims in both directions, overlapping quotes
// that start at the same offset, quotes holding quotation marks and commas,
// a hub (un, five neighbours) and every type and certainty. Each call
// returns fresh values. The contract suite's expected answers and other
// packages' golden files (web/testdata) are derived from it: change it only
// together with them.
func Fixture() []graph.Document {
	all := FixtureActors()
	return []graph.Document{
		NewDocument(graph.Article{ID: "a1-cairo", Title: "حفتر في القاهرة", Source: "Fixture News", URL: "https://example.org/a1", Published: day("2020-01-15"), DateSource: graph.DateFrontMatter, Text: textCairo},
			actorsFor(all, "khalifa-haftar", "egypt", "uae"),
			mentions("khalifa-haftar", 2, "lna", 2, "egypt", 2, "uae", 1),
			ClaimSpec{graph.Met, "khalifa-haftar", "egypt", `"التقى الرئيس المصري في القاهرة، وبحث معه الوضع في طرابلس"`, graph.Asserted, 0.9},
			ClaimSpec{graph.Supported, "egypt", "lna", `وأعلنت مصر دعمها للجيش الوطني الليبي`, graph.Asserted, 1},
			ClaimSpec{graph.Supported, "uae", "khalifa-haftar", `قالت الإمارات إنها "تدعم جهود المشير حفتر"`, graph.Reported, 0.8},
		),
		NewDocument(graph.Article{ID: "a2-ankara", Title: "السراج في أنقرة", Source: "Fixture News", Published: day("2020-01-20"), Text: textAnkara},
			actorsFor(all, "turkey", "fayez-al-sarraj", "khalifa-haftar", "un"),
			mentions("turkey", 2, "fayez-al-sarraj", 2, "gna", 2, "khalifa-haftar", 1, "un", 1),
			ClaimSpec{graph.Met, "turkey", "fayez-al-sarraj", `استقبل الرئيس التركي في أنقرة فائز السراج`, graph.Asserted, 0.9},
			ClaimSpec{graph.Supported, "turkey", "gna", `وأكدت تركيا دعمها لحكومة الوفاق`, graph.Asserted, 0.95},
			ClaimSpec{graph.Opposed, "turkey", "khalifa-haftar", `ورفضها لهجوم حفتر على طرابلس`, graph.Asserted, 0.7},
			ClaimSpec{graph.Met, "fayez-al-sarraj", "un", `والتقى السراج المبعوث الأممي`, graph.Asserted, 0.9},
		),
		NewDocument(graph.Article{ID: "a3-tripoli", Title: "تقارير من طرابلس", Source: "Other Wire", Text: textTripoli},
			actorsFor(all, "uae", "khalifa-haftar", "fayez-al-sarraj", "turkey", "ahmed-maiteeq", "un", "ahmed-mismari", "egypt"),
			mentions("uae", 1, "khalifa-haftar", 1, "fayez-al-sarraj", 1, "turkey", 1, "ahmed-maiteeq", 1, "un", 2, "ahmed-mismari", 1, "egypt", 2, "lna", 1),
			ClaimSpec{graph.Supported, "uae", "khalifa-haftar", `أفادت تقارير بأن الإمارات زودت حفتر بالسلاح`, graph.Alleged, 0.4},
			ClaimSpec{graph.Met, "fayez-al-sarraj", "turkey", `السراج التقى الرئيس التركي مجددا`, graph.Reported, 0.6},
			ClaimSpec{graph.Met, "ahmed-maiteeq", "un", `والتقى أحمد معيتيق ممثل الأمم المتحدة`, graph.Asserted, 0.85},
			ClaimSpec{graph.Met, "ahmed-mismari", "egypt", `التقى الناطق احمد المسماري وفدا مصريا`, graph.Asserted, 0.8},
			ClaimSpec{graph.Supported, "egypt", "lna", `وقالت مصر إنها تدعم الجيش الوطني الليبي`, graph.Asserted, 0.9},
			ClaimSpec{graph.Met, "un", "fayez-al-sarraj", `"الأمم المتحدة التقت السراج مرة ثانية"`, graph.Reported, 0.75},
		),
		NewDocument(graph.Article{ID: "a4-new-york", Title: "الأمم المتحدة وليبيا", Source: "Fixture News", Published: day("2020-02-01"), DateSource: graph.DateText, Text: textNewYork},
			actorsFor(all, "un", "khalifa-haftar", "usa", "egypt", "muammar-gaddafi", "ahmed-mismari"),
			mentions("un", 2, "khalifa-haftar", 1, "usa", 3, "egypt", 1, "muammar-gaddafi", 1, "ahmed-mismari", 1),
			ClaimSpec{graph.Met, "un", "khalifa-haftar", `التقى المبعوث الأممي المشير حفتر في بنغازي`, graph.Asserted, 0.9},
			ClaimSpec{graph.Met, "un", "usa", `التقى ممثل الأمم المتحدة مسؤولين من الولايات المتحدة`, graph.Asserted, 0.9},
			ClaimSpec{graph.Met, "un", "egypt", `التقى ممثل الأمم المتحدة مسؤولين من الولايات المتحدة ومن مصر`, graph.Asserted, 0.9},
			ClaimSpec{graph.Opposed, "usa", "muammar-gaddafi", `وعارضت الولايات المتحدة نظام معمر القذافي`, graph.Asserted, 1},
			ClaimSpec{graph.Met, "ahmed-mismari", "usa", `والتقى احمد المسماري مسؤولا أمريكيا`, graph.Reported, 0.7},
		),
	}
}

// ClaimKey names a claim for tests and messages: "TYPE source->target @article".
func ClaimKey(c graph.Claim) string {
	return fmt.Sprintf("%s %s->%s @%s", c.Type, c.Source, c.Target, c.Article)
}

func claimKeys(cs []graph.Claim) []string {
	keys := make([]string, len(cs))
	for i, c := range cs {
		keys[i] = ClaimKey(c)
	}
	slices.Sort(keys)
	return keys
}
