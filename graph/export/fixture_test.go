package export

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
)

// The fixed subgraph of the golden files: Arabic names, a name with an
// apostrophe, quotes holding quotation marks (ASCII and Arabic), commas
// (ASCII and Arabic), a single quote and a backslash, a MET claim written
// target-first, an actor without claims and an omission.

var fixtureActors = []graph.Actor{
	{ID: "gna", Name: "Government of National Accord", NameAr: "حكومة الوفاق", Aliases: []string{"GNA", "حكومة الوفاق الوطني"}, Kind: graph.KindOrganisation},
	{ID: "khalifa-haftar", Name: "Khalifa Haftar", NameAr: "خليفة حفتر", Aliases: []string{"حفتر", "المشير خليفة حفتر"}, Kind: graph.KindPerson, Affiliation: "lna"},
	{ID: "lna", Name: "Libyan National Army", NameAr: "الجيش الوطني الليبي", Kind: graph.KindOrganisation},
	{ID: "muammar-gaddafi", Name: "Mu'ammar al-Gaddafi", NameAr: "معمر القذافي", Aliases: []string{"القذافي", "Mu'ammar Qadhafi"}, Kind: graph.KindPerson},
	{ID: "uae", Name: "United Arab Emirates", NameAr: "الإمارات", Aliases: []string{"أبوظبي"}, Kind: graph.KindState},
	{ID: "usa", Name: "United States", NameAr: "الولايات المتحدة", Aliases: []string{"واشنطن", "USA"}, Kind: graph.KindState},
}

type fixtureArticle struct {
	article graph.Article
	claims  []fixtureClaim
}

type fixtureClaim struct {
	t              graph.RelationType
	source, target string
	quote          string
	certainty      graph.Certainty
	confidence     float64
	extractor      string
}

var fixtureArticles = []fixtureArticle{
	{
		article: graph.Article{
			ID: "001_d522f629676ca2b6", Title: `واشنطن تدعم "حفتر"، وأبوظبي ترحب`, Source: "الجزيرة نت",
			URL: "https://example.org/news/001?a=1&b=2", Published: time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC), Language: "ar",
			Text: "طرابلس - قالت واشنطن إنها \"تدعم حفتر، وقواته, في الحرب\" على الإرهاب.\n" +
				"والتقى المبعوث الأمريكي بالمشير خليفة حفتر في بنغازي.\n" +
				"وأكدت الإمارات دعمها للجيش الوطني الليبي.",
		},
		claims: []fixtureClaim{
			{graph.Supported, "usa", "khalifa-haftar", "قالت واشنطن إنها \"تدعم حفتر، وقواته, في الحرب\" على الإرهاب", graph.Reported, 0.8, "rules/1"},
			{graph.Met, "usa", "khalifa-haftar", "والتقى المبعوث الأمريكي بالمشير خليفة حفتر في بنغازي", graph.Asserted, 0.75, "rules/1"},
			{graph.Supported, "uae", "lna", "وأكدت الإمارات دعمها للجيش الوطني الليبي", graph.Asserted, 1, graph.ExtractorManual},
		},
	},
	{
		article: graph.Article{
			ID: "002_haftar_offensive", Title: "Haftar's offensive, day one", Source: "Reuters, Arabic service", Language: "ar",
			Text: "اتهمت حكومة الوفاق 'حفتر' بالهجوم على طرابلس، وقالت: «لن نقبل» \\ بيان.\n" +
				"وتدعم الولايات المتحدة حفتر منذ سنوات.",
		},
		claims: []fixtureClaim{
			{graph.Opposed, "gna", "khalifa-haftar", "اتهمت حكومة الوفاق 'حفتر' بالهجوم على طرابلس، وقالت: «لن نقبل» \\ بيان", graph.Alleged, 0.6, "rules/1"},
			{graph.Supported, "usa", "khalifa-haftar", "وتدعم الولايات المتحدة حفتر منذ سنوات", graph.Asserted, 0.9, "rules/1"},
		},
	},
}

// fixtureDocuments returns the fixture as valid documents.
func fixtureDocuments(t testing.TB) []graph.Document {
	t.Helper()
	var docs []graph.Document
	for _, fa := range fixtureArticles {
		a := fa.article
		a.SHA256 = graph.TextSHA256(a.Text)
		doc := graph.Document{Article: a, Actors: fixtureActors}
		counts := map[string]int{}
		for _, fc := range fa.claims {
			start := strings.Index(a.Text, fc.quote)
			if start < 0 {
				t.Fatalf("fixture: quote %q not in article %s", fc.quote, a.ID)
			}
			end := start + len(fc.quote)
			doc.Claims = append(doc.Claims, graph.Claim{
				ID: graph.ClaimID(a.ID, fc.t, fc.source, fc.target, start, end), Type: fc.t,
				Source: fc.source, Target: fc.target, Article: a.ID, Quote: fc.quote, Start: start, End: end,
				Certainty: fc.certainty, Confidence: fc.confidence, Extractor: fc.extractor,
			})
			counts[fc.source]++
			counts[fc.target]++
		}
		for _, act := range fixtureActors {
			if counts[act.ID] > 0 {
				doc.Mentions = append(doc.Mentions, graph.Mention{Actor: act.ID, Count: counts[act.ID]})
			}
		}
		if err := doc.Validate(); err != nil {
			t.Fatalf("fixture: %v", err)
		}
		docs = append(docs, doc)
	}
	return docs
}

// fixtureInput returns the fixed subgraph with its article metadata.
func fixtureInput(t testing.TB) Input {
	t.Helper()
	in := Input{
		Subgraph: graph.Subgraph{
			Nodes:   fixtureActors,
			Omitted: []graph.Omission{{Actor: "khalifa-haftar", Count: 3}},
		},
		Articles:    map[string]graph.Article{},
		Description: `neighbourhood of khalifa-haftar, depth 1 — "حفتر"`,
	}
	for _, doc := range fixtureDocuments(t) {
		in.Subgraph.Claims = append(in.Subgraph.Claims, doc.Claims...)
		a := doc.Article
		a.Text = ""
		in.Articles[a.ID] = a
	}
	sortSubgraph(&in.Subgraph)
	return in
}

// syntheticInput returns a subgraph with exactly edges aggregated edges over
// actors actors: every fourth edge has two claims from two articles, the
// others one. Types cycle through MET, SUPPORTED and OPPOSED.
func syntheticInput(actors, edges int) Input {
	in := Input{Articles: map[string]graph.Article{}}
	for i := range actors {
		in.Subgraph.Nodes = append(in.Subgraph.Nodes, graph.Actor{
			ID: fmt.Sprintf("actor-%05d", i), Name: fmt.Sprintf("Actor %d", i),
			NameAr: "الفاعل " + fmt.Sprint(i), Kind: graph.Kinds[i%3], Aliases: []string{"اسم آخر"},
		})
	}
	for i := range 100 {
		id := fmt.Sprintf("art-%03d", i)
		in.Articles[id] = graph.Article{ID: id, Title: "عنوان المقال " + fmt.Sprint(i), Source: "Source", URL: "https://example.org/" + id,
			Published: time.Date(2020, 1, 1+i%28, 0, 0, 0, 0, time.UTC)}
	}
	quote := "قالت مصادر إن \"الدعم\"، مستمر, حسب البيان"
	n := 0
	for e := 0; n < edges; e++ {
		s, t := e%actors, (e/actors+1+e)%actors
		if s == t {
			continue
		}
		typ := graph.RelationTypes[e%3]
		src, dst := in.Subgraph.Nodes[s].ID, in.Subgraph.Nodes[t].ID
		if typ == graph.Met && dst < src {
			src, dst = dst, src
		}
		claims := 1
		if n%4 == 0 {
			claims = 2
		}
		for k := range claims {
			art := fmt.Sprintf("art-%03d", (e+k)%100)
			start := 10 * k
			in.Subgraph.Claims = append(in.Subgraph.Claims, graph.Claim{
				ID: graph.ClaimID(art, typ, src, dst, start, start+len(quote)), Type: typ, Source: src, Target: dst,
				Article: art, Quote: quote, Start: start, End: start + len(quote),
				Certainty: graph.Certainties[(e+k)%3], Confidence: float64((e+k)%10) / 10, Extractor: "synthetic/1",
			})
		}
		n++
	}
	sortSubgraph(&in.Subgraph)
	return in
}
