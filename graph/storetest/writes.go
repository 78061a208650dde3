package storetest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

type snapshot struct {
	counts   graph.Counts
	claims   map[string][]string // article id -> claim ids in order
	articles map[string]graph.Article
	actors   map[string]graph.Actor
}

func takeSnapshot(t *testing.T, s graph.Store) snapshot {
	t.Helper()
	snap := snapshot{claims: map[string][]string{}, articles: map[string]graph.Article{}, actors: map[string]graph.Actor{}}
	var err error
	if snap.counts, err = s.Counts(ctx); err != nil {
		t.Fatalf("Counts: %v", err)
	}
	for _, d := range Fixture() {
		a, err := s.Article(ctx, d.Article.ID)
		if errors.Is(err, graph.ErrNotFound) {
			continue
		}
		if err != nil {
			t.Fatalf("Article(%q): %v", d.Article.ID, err)
		}
		snap.articles[a.ID] = a
		cs, err := s.ArticleClaims(ctx, a.ID)
		if err != nil {
			t.Fatalf("ArticleClaims(%q): %v", a.ID, err)
		}
		snap.claims[a.ID] = claimIDs(cs)
	}
	for _, want := range FixtureActors() {
		a, err := s.Actor(ctx, want.ID)
		if err != nil {
			t.Fatalf("Actor(%q): %v", want.ID, err)
		}
		snap.actors[a.ID] = a
	}
	return snap
}

func checkSnapshot(t *testing.T, what string, got, want snapshot) {
	t.Helper()
	if got.counts != want.counts {
		t.Errorf("%s: counts: got %+v, want %+v", what, got.counts, want.counts)
	}
	for id, w := range want.claims {
		checkStrings(t, what+": claims of "+id, got.claims[id], w)
	}
	for id, w := range want.articles {
		g := got.articles[id]
		if g.Title != w.Title || g.Text != w.Text || g.SHA256 != w.SHA256 {
			t.Errorf("%s: article %s: got title %q sha %s, want title %q sha %s", what, id, g.Title, g.SHA256, w.Title, w.SHA256)
		}
	}
	for id, w := range want.actors {
		checkActor(t, what+": actor "+id, got.actors[id], w)
	}
}

func testInvalidDocuments(t *testing.T, s graph.Store) {
	loadAll(t, s, Fixture())
	before := takeSnapshot(t, s)
	recompute := func(d *graph.Document, i int) {
		c := &d.Claims[i]
		c.ID = graph.ClaimID(c.Article, c.Type, c.Source, c.Target, c.Start, c.End)
	}
	tests := []struct {
		name   string
		mutate func(d *graph.Document)
	}{
		{"quote not at its offsets", func(d *graph.Document) { d.Claims[1].Start++; d.Claims[1].End++; recompute(d, 1) }},
		{"quote not in the text", func(d *graph.Document) { d.Claims[1].Quote = "دعمت مصر حفتر" }},
		{"offsets beyond the text", func(d *graph.Document) {
			d.Claims[1].End = len(d.Article.Text) + 1
			recompute(d, 1)
		}},
		{"offsets inside a character", func(d *graph.Document) {
			c := &d.Claims[1]
			c.Start++
			c.Quote = d.Article.Text[c.Start:c.End]
			recompute(d, 1)
		}},
		{"unknown actor in a claim", func(d *graph.Document) { d.Claims[1].Target = "nobody"; recompute(d, 1) }},
		{"claim with itself", func(d *graph.Document) { d.Claims[1].Target = d.Claims[1].Source; recompute(d, 1) }},
		{"non-UTF-8 text", func(d *graph.Document) {
			d.Article.Text = "\xff\xfe" + d.Article.Text
			d.Article.SHA256 = graph.TextSHA256(d.Article.Text)
		}},
		{"bad sha256", func(d *graph.Document) { d.Article.SHA256 = strings.Repeat("0", 64) }},
		{"claim id not ClaimID's", func(d *graph.Document) { d.Claims[0].ID = "0000000000000000" }},
		{"duplicate claim", func(d *graph.Document) { d.Claims = append(d.Claims, d.Claims[0]) }},
		{"confidence above 1", func(d *graph.Document) { d.Claims[0].Confidence = 1.5 }},
		{"unknown relation type", func(d *graph.Document) { d.Claims[0].Type = "LIKED"; recompute(d, 0) }},
		{"negated certainty", func(d *graph.Document) { d.Claims[0].Certainty = "negated" }},
		{"claim of another article", func(d *graph.Document) { d.Claims[0].Article = "a2-ankara"; recompute(d, 0) }},
		{"no extractor", func(d *graph.Document) { d.Claims[0].Extractor = "" }},
		{"mention of an unknown actor", func(d *graph.Document) { d.Mentions = append(d.Mentions, graph.Mention{Actor: "nobody", Count: 1}) }},
		{"affiliation outside the document", func(d *graph.Document) {
			d.Actors = slices.DeleteFunc(d.Actors, func(a graph.Actor) bool { return a.ID == "lna" })
			d.Mentions = slices.DeleteFunc(d.Mentions, func(m graph.Mention) bool { return m.Actor == "lna" })
			d.Claims = slices.DeleteFunc(d.Claims, func(c graph.Claim) bool { return c.Target == "lna" })
		}},
		{"actor with a bad id", func(d *graph.Document) {
			d.Actors = append(d.Actors, graph.Actor{ID: "Bad Id", Name: "Bad", Kind: graph.KindPerson})
		}},
		{"actor with an unknown kind", func(d *graph.Document) { d.Actors[0].Kind = "planet" }},
		{"empty article id", func(d *graph.Document) { d.Article.ID = "" }},
	}
	for _, tt := range tests {
		for _, id := range []string{"a1-cairo", "a5-new"} {
			t.Run(tt.name+"/"+id, func(t *testing.T) {
				d := Fixture()[0]
				if id != d.Article.ID {
					d = Retarget(d, id)
				}
				// Changes a successful load would make visible.
				d.Article.Title = "CHANGED"
				for i := range d.Actors {
					if d.Actors[i].ID == "khalifa-haftar" {
						d.Actors[i].Name = "Changed Name"
					}
				}
				tt.mutate(&d)
				err := s.LoadArticle(ctx, d)
				checkErr(t, "LoadArticle", err, graph.ErrInvalid)
				checkSnapshot(t, "after a failed load", takeSnapshot(t, s), before)
				if id == "a5-new" {
					_, err := s.Article(ctx, id)
					checkErr(t, "Article of a failed new article", err, graph.ErrNotFound)
				}
				ms, err := s.SearchActors(ctx, graph.SearchQuery{Text: "Changed Name"})
				if checkErr(t, "SearchActors", err, nil) && len(ms) != 0 {
					t.Errorf("search for a name from a failed load: got %d matches, want 0", len(ms))
				}
			})
		}
	}
}

func Retarget(d graph.Document, id string) graph.Document {
	d.Article.ID = id
	d.Claims = slices.Clone(d.Claims)
	for i := range d.Claims {
		c := &d.Claims[i]
		c.Article = id
		c.ID = graph.ClaimID(id, c.Type, c.Source, c.Target, c.Start, c.End)
	}
	return d
}

func testIdempotence(t *testing.T, s graph.Store) {
	loadAll(t, s, Fixture())
	once := takeSnapshot(t, s)
	statsOnce, err := s.ActorStats(ctx, "khalifa-haftar")
	if err != nil {
		t.Fatalf("ActorStats: %v", err)
	}
	loadAll(t, s, Fixture())
	twice := takeSnapshot(t, s)
	checkSnapshot(t, "after loading twice", twice, once)
	testCounts(t, s, graph.Counts{Actors: 12, Articles: 4, Claims: 18})
	statsTwice, err := s.ActorStats(ctx, "khalifa-haftar")
	if err != nil {
		t.Fatalf("ActorStats: %v", err)
	}
	if statsTwice.Articles != statsOnce.Articles {
		t.Errorf("articles of khalifa-haftar: got %d after loading twice, want %d", statsTwice.Articles, statsOnce.Articles)
	}
	for _, rt := range graph.RelationTypes {
		if statsTwice.Incoming[rt] != statsOnce.Incoming[rt] || statsTwice.Outgoing[rt] != statsOnce.Outgoing[rt] {
			t.Errorf("%s counts of khalifa-haftar: got %d/%d after loading twice, want %d/%d", rt,
				statsTwice.Outgoing[rt], statsTwice.Incoming[rt], statsOnce.Outgoing[rt], statsOnce.Incoming[rt])
		}
	}
	sg, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: "khalifa-haftar", Depth: 3})
	if checkErr(t, "Neighbourhood", err, nil) {
		checkClaimSet(t, "Neighbourhood after loading twice", sg.Claims, allClaims, fixtureClaims())
	}
}

func editedCairo() graph.Document {
	old := Fixture()[0].Article
	a := graph.Article{ID: old.ID, Title: "حفتر في القاهرة (محدث)", Source: old.Source, URL: old.URL, Published: old.Published,
		Text: `قال المشير خليفة حفتر إنه التقى الرئيس المصري. ورفضت تركيا تصريحات حفتر. وأعلنت مصر دعمها للجيش الوطني الليبي.`}
	return NewDocument(a, actorsFor(FixtureActors(), "khalifa-haftar", "egypt", "turkey"),
		mentions("khalifa-haftar", 2, "egypt", 1, "turkey", 1, "lna", 1),
		ClaimSpec{graph.Met, "khalifa-haftar", "egypt", `قال المشير خليفة حفتر إنه التقى الرئيس المصري`, graph.Reported, 0.8},
		ClaimSpec{graph.Opposed, "turkey", "khalifa-haftar", `ورفضت تركيا تصريحات حفتر`, graph.Asserted, 0.6},
		ClaimSpec{graph.Supported, "egypt", "lna", `وأعلنت مصر دعمها للجيش الوطني الليبي`, graph.Asserted, 1},
	)
}

func testReplacement(t *testing.T, s graph.Store) {
	loadAll(t, s, Fixture())
	edited := editedCairo()
	if err := s.LoadArticle(ctx, edited); err != nil {
		t.Fatalf("LoadArticle(edited): %v", err)
	}
	testCounts(t, s, graph.Counts{Actors: 12, Articles: 4, Claims: 18})
	got, err := s.ArticleClaims(ctx, edited.Article.ID)
	if checkErr(t, "ArticleClaims", err, nil) {
		checkStrings(t, "ArticleClaims after the edit", claimIDs(got), claimIDs(edited.Claims))
	}
	a, err := s.Article(ctx, edited.Article.ID)
	if checkErr(t, "Article", err, nil) && (a.Text != edited.Article.Text || a.Title != edited.Article.Title) {
		t.Errorf("Article after the edit: got title %q text %q, want %q %q", a.Title, a.Text, edited.Article.Title, edited.Article.Text)
	}
	claims := fixtureClaims()
	for _, c := range edited.Claims {
		claims[c.ID] = c
	}
	tests := []struct {
		q    graph.ClaimQuery
		want []string
	}{
		{graph.ClaimQuery{Source: "uae"}, []string{c8}},
		{graph.ClaimQuery{Source: "khalifa-haftar", Target: "egypt"}, []string{c1}},
		{graph.ClaimQuery{Source: "turkey", Target: "khalifa-haftar"}, []string{c6, "OPPOSED turkey->khalifa-haftar @a1-cairo"}},
		{graph.ClaimQuery{Source: "egypt", Target: "lna"}, []string{c2, c12}},
	}
	for _, tt := range tests {
		got, err := s.Claims(ctx, tt.q)
		if checkErr(t, "Claims", err, nil) {
			checkClaimSet(t, fmt.Sprintf("Claims(%s->%s) after the edit", tt.q.Source, tt.q.Target), got, tt.want, claims)
		}
	}
	for id, want := range map[string]int{"uae": 1, "turkey": 3, "egypt": 3} {
		st, err := s.ActorStats(ctx, id)
		if checkErr(t, "ActorStats", err, nil) && st.Articles != want {
			t.Errorf("articles of %s after the edit: got %d, want %d", id, st.Articles, want)
		}
	}
	if err := s.LoadArticle(ctx, Fixture()[0]); err != nil {
		t.Fatalf("LoadArticle(original again): %v", err)
	}
	got, err = s.ArticleClaims(ctx, edited.Article.ID)
	if checkErr(t, "ArticleClaims", err, nil) {
		checkStrings(t, "ArticleClaims back to the original", claimKeys(got), sorted(c1, c2, c3))
		for _, c := range got {
			checkClaimValue(t, "ArticleClaims back to the original", c, fixtureClaims())
		}
	}
}

func testDelete(t *testing.T, s graph.Store) {
	loadAll(t, s, Fixture())
	if err := s.DeleteArticle(ctx, "a3-tripoli"); err != nil {
		t.Fatalf("DeleteArticle: %v", err)
	}
	testCounts(t, s, graph.Counts{Actors: 12, Articles: 3, Claims: 12})
	_, err := s.Article(ctx, "a3-tripoli")
	checkErr(t, "Article of a deleted article", err, graph.ErrNotFound)
	_, err = s.ArticleClaims(ctx, "a3-tripoli")
	checkErr(t, "ArticleClaims of a deleted article", err, graph.ErrNotFound)
	a, err := s.Actor(ctx, "ahmed-maiteeq")
	if checkErr(t, "Actor of a deleted article", err, nil) {
		checkActor(t, "Actor of a deleted article", a, fixtureActor("ahmed-maiteeq"))
	}
	st, err := s.ActorStats(ctx, "ahmed-maiteeq")
	if checkErr(t, "ActorStats", err, nil) {
		if st.Articles != 0 || st.Outgoing[graph.Met] != 0 {
			t.Errorf("ActorStats(ahmed-maiteeq) after the delete: got %+v, want no articles and no claims", st)
		}
	}
	got, err := s.Claims(ctx, graph.ClaimQuery{Source: "egypt", Target: "lna"})
	if checkErr(t, "Claims", err, nil) {
		checkClaimSet(t, "Claims(egypt->lna) after the delete", got, []string{c2}, fixtureClaims())
	}
	sg, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: "ahmed-maiteeq", Depth: 1})
	if checkErr(t, "Neighbourhood", err, nil) {
		checkNodes(t, "Neighbourhood(ahmed-maiteeq) after the delete", sg.Nodes, []string{"ahmed-maiteeq"})
	}
	ms, err := s.SearchActors(ctx, graph.SearchQuery{Text: "أحمد"})
	if checkErr(t, "SearchActors", err, nil) {
		var ids []string
		for _, m := range ms {
			ids = append(ids, m.Actor.ID)
		}
		checkStrings(t, "SearchActors(أحمد) after the delete", ids, []string{"ahmed-mismari", "ahmed-maiteeq"})
	}
	err = s.DeleteArticle(ctx, "a3-tripoli")
	checkErr(t, "DeleteArticle twice", err, graph.ErrNotFound)
	err = s.DeleteArticle(ctx, "nobody")
	checkErr(t, "DeleteArticle(nobody)", err, graph.ErrNotFound)
	loadAll(t, s, Fixture()[2:3])
	testCounts(t, s, graph.Counts{Actors: 12, Articles: 4, Claims: 18})
}

func testUpsert(t *testing.T, s graph.Store) {
	loadAll(t, s, Fixture())
	haftar := fixtureActor("khalifa-haftar")
	haftar.Name = "Khalifa Belqasim Haftar"
	haftar.Aliases = []string{"حفتر"}
	a := graph.Article{ID: "a5-benghazi", Title: "بنغازي", Text: "التقى حفتر وفدا مصريا في بنغازي."}
	d := NewDocument(a, []graph.Actor{haftar, fixtureActor("lna"), fixtureActor("egypt")},
		mentions("khalifa-haftar", 1, "egypt", 1),
		ClaimSpec{graph.Met, "khalifa-haftar", "egypt", "التقى حفتر وفدا مصريا", graph.Asserted, 0.9})
	if err := s.LoadArticle(ctx, d); err != nil {
		t.Fatalf("LoadArticle: %v", err)
	}
	testCounts(t, s, graph.Counts{Actors: 12, Articles: 5, Claims: 19})
	got, err := s.Actor(ctx, "khalifa-haftar")
	if checkErr(t, "Actor", err, nil) {
		checkActor(t, "Actor after an upsert", got, haftar)
	}
	tests := []struct {
		text string
		want []match
	}{
		{"belqasim", []match{{"khalifa-haftar", arabic.ScoreTokens, "Khalifa Belqasim Haftar"}}},
		{"marshal", nil},
		{"المشير", nil},
		{"حفتر", []match{{"khalifa-haftar", arabic.ScoreExact, "حفتر"}}},
	}
	for _, tt := range tests {
		ms, err := s.SearchActors(ctx, graph.SearchQuery{Text: tt.text})
		if !checkErr(t, "SearchActors", err, nil) {
			continue
		}
		var gotM []match
		for _, m := range ms {
			gotM = append(gotM, match{m.Actor.ID, m.Score, m.Matched})
		}
		if !slices.Equal(gotM, tt.want) {
			t.Errorf("SearchActors(%q) after an upsert:\n got  %v\n want %v", tt.text, gotM, tt.want)
		}
	}
}

func testClaimRule(t *testing.T, s graph.Store) {
	d := Fixture()[0]
	d.Claims = slices.Clone(d.Claims)
	d.Claims[0].Rule = "verb/subject-first"
	loadAll(t, s, []graph.Document{d})
	got, err := s.ArticleClaims(ctx, d.Article.ID)
	if !checkErr(t, "ArticleClaims", err, nil) {
		return
	}
	for _, c := range got {
		want := ""
		if c.ID == d.Claims[0].ID {
			want = d.Claims[0].Rule
		}
		if c.Rule != want {
			t.Errorf("claim %s: got rule %q, want %q", c.ID, c.Rule, want)
		}
	}
}
