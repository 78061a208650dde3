package storetest

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// testBulkLoad checks a store's bulk paths (BatchWriter, graph.CheckedWriter)
// against LoadArticle: the same documents loaded one by one and in batches,
// into an empty store and into one already holding articles, with a
// replaced article among a batch, give the same answers to every query of
// the suite (Dump). Stores without a bulk path skip it.
func testBulkLoad(t *testing.T, open func(t *testing.T) graph.Store) {
	docs := append(Fixture(), Synthetic(60, 600, 3)...)
	// A batch that replaces an article stored before it.
	again := Retarget(Synthetic(60, 20, 4)[0], docs[len(docs)-1].Article.ID)
	oneByOne := func(s graph.Store, ds []graph.Document) {
		t.Helper()
		for _, d := range ds {
			if err := s.LoadArticle(ctx, d); err != nil {
				t.Fatalf("LoadArticle(%q): %v", d.Article.ID, err)
			}
		}
	}
	ref := open(t)
	oneByOne(ref, docs)
	oneByOne(ref, []graph.Document{again})
	want := Dump(t, ref, docs)

	bulks := map[string]func(s graph.Store, ds []graph.Document) error{}
	probe := open(t)
	if _, ok := probe.(BatchWriter); ok {
		bulks["LoadArticles"] = func(s graph.Store, ds []graph.Document) error { return s.(BatchWriter).LoadArticles(ctx, ds) }
	}
	if _, ok := probe.(graph.CheckedWriter); ok {
		bulks["LoadChecked"] = func(s graph.Store, ds []graph.Document) error {
			checked := make([]graph.CheckedDocument, len(ds))
			for i, d := range ds {
				c, err := d.Check()
				if err != nil {
					return err
				}
				checked[i] = c
			}
			return s.(graph.CheckedWriter).LoadChecked(ctx, checked)
		}
	}
	if len(bulks) == 0 {
		t.Skip("the store has no bulk path")
	}
	for _, name := range slices.Sorted(maps.Keys(bulks)) {
		load := bulks[name]
		for _, split := range []struct {
			name  string
			first int // loaded one by one before the batches
			batch int
		}{
			{"one batch into an empty store", 0, len(docs)},
			{"batches of 7 into an empty store", 0, 7},
			{"batches of 25 after 30 one by one", 30, 25},
		} {
			t.Run(name+"/"+split.name, func(t *testing.T) {
				s := open(t)
				oneByOne(s, docs[:split.first])
				for i := split.first; i < len(docs); i += split.batch {
					if err := load(s, docs[i:min(len(docs), i+split.batch)]); err != nil {
						t.Fatalf("%s of documents %d..: %v", name, i, err)
					}
				}
				if err := load(s, []graph.Document{docs[0], again}); err != nil {
					t.Fatalf("%s of a batch replacing articles: %v", name, err)
				}
				if got := Dump(t, s, docs); got != want {
					t.Errorf("got a store that answers differently from one loaded article by article:\n%s", dumpDiff(got, want))
				}
			})
		}
	}
}

// Dump writes every answer of s that the suite's queries read, over the
// actors and articles of docs, as text: two stores with the same contents
// give the same dump.
func Dump(t *testing.T, s graph.Store, docs []graph.Document) string {
	t.Helper()
	var b strings.Builder
	put := func(what string, v any, err error) {
		if err != nil {
			t.Fatalf("dump: %s: %v", what, err)
		}
		fmt.Fprintf(&b, "%s: %+v\n", what, v)
	}
	counts, err := s.Counts(ctx)
	put("counts", counts, err)
	ov, err := s.Overview(ctx, graph.OverviewQuery{Top: graph.MaxSubgraphIDs})
	put("overview", ov, err)
	articles, ids := map[string]bool{}, map[string]bool{}
	for _, d := range docs {
		articles[d.Article.ID] = true
		for _, a := range d.Actors {
			ids[a.ID] = true
		}
	}
	actors := slices.Sorted(maps.Keys(ids))
	for _, id := range actors {
		a, err := s.Actor(ctx, id)
		put("actor "+id, a, err)
		st, err := s.ActorStats(ctx, id)
		put("stats "+id, st, err)
		arts, err := s.MentioningArticles(ctx, id, graph.MaxLimit)
		put("mentioning "+id, arts, err)
		cs, err := s.Claims(ctx, graph.ClaimQuery{Source: id})
		put("claims from "+id, cs, err)
		for _, depth := range []int{1, 2} {
			sg, err := s.Neighbourhood(ctx, graph.NeighbourhoodQuery{Center: id, Depth: depth, MaxNeighbours: 5, MaxNodes: 40})
			put(fmt.Sprintf("neighbourhood %s depth %d", id, depth), sg, err)
		}
		matches, err := s.SearchActors(ctx, graph.SearchQuery{Text: a.NameAr})
		put("search "+a.NameAr, matches, err)
	}
	for i := 0; i+1 < len(actors); i += 7 {
		ps, err := s.ShortestPaths(ctx, graph.PathQuery{From: actors[i], To: actors[len(actors)-1-i], MaxLength: 4})
		put("paths "+actors[i]+" "+actors[len(actors)-1-i], ps, err)
	}
	if len(actors) > 0 {
		sg, err := s.Subgraph(ctx, actors[:min(len(actors), graph.MaxSubgraphIDs)], graph.Filter{})
		put("subgraph", sg, err)
	}
	for _, id := range slices.Sorted(maps.Keys(articles)) {
		a, err := s.Article(ctx, id)
		put("article "+id, a, err)
		cs, err := s.ArticleClaims(ctx, id)
		put("article claims "+id, cs, err)
	}
	return b.String()
}

// dumpDiff shows the first line where got and want differ.
func dumpDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\ngot  %.600s\nwant %.600s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}
