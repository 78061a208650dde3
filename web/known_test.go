package web

import (
	"net/http"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// TestKnownActors checks that an actor of the gazetteer that no loaded
// article mentions is found by search and answered for by every endpoint
// as an actor alone, with no article, while unknown ids stay 404s.
func TestKnownActors(t *testing.T) {
	ghost := graph.Actor{ID: "ghost", Name: "Ghost Council", NameAr: "مجلس الأشباح", Kind: graph.KindOrganisation}
	un := graph.Actor{ID: "un", Name: "United Nations", NameAr: "الأمم المتحدة", Kind: graph.KindOrganisation}
	h := testServer(t, fixtureStore(t), Options{Known: []graph.Actor{ghost, un}}).Handler()

	var search struct {
		Actors []actorMatchView `json:"actors"`
	}
	getJSON(t, h, "/api/actors?q=%D8%A7%D9%84%D8%A3%D8%B4%D8%A8%D8%A7%D8%AD", &search) // الأشباح
	if len(search.Actors) != 1 || search.Actors[0].ID != "ghost" {
		t.Errorf("search الأشباح: got %+v, want the known actor ghost", search.Actors)
	}
	getJSON(t, h, "/api/actors?q=Nations", &search)
	if len(search.Actors) != 1 || search.Actors[0].ID != "un" || len(search.Actors[0].Aliases) == 0 {
		t.Errorf("search Nations: got %+v, want un once, the store's (with its aliases)", search.Actors)
	}

	var actor actorView
	getJSON(t, h, "/api/actors/ghost", &actor)
	if actor.Actor.ID != "ghost" || actor.Articles != 0 || actor.Relations.Outgoing[graph.Met] != 0 {
		t.Errorf("got %+v for ghost, want the actor with no article and no claim", actor)
	}
	var nb neighbourhoodView
	getJSON(t, h, "/api/actors/ghost/neighbourhood?depth=2", &nb)
	if len(nb.Nodes) != 1 || nb.Nodes[0].ID != "ghost" || len(nb.Edges) != 0 {
		t.Errorf("got neighbourhood %+v of ghost, want ghost alone", nb)
	}
	var sub subgraphView
	getJSON(t, h, "/api/subgraph?ids=un,ghost,usa", &sub)
	if len(sub.Nodes) != 3 || sub.Nodes[0].ID != "ghost" || len(sub.Edges) != 1 {
		t.Errorf("got subgraph %d nodes (first %s), %d edges; want ghost, un, usa and the un–usa edge", len(sub.Nodes), sub.Nodes[0].ID, len(sub.Edges))
	}
	var paths struct {
		Paths []pathView `json:"paths"`
	}
	getJSON(t, h, "/api/paths?from=ghost&to=un", &paths)
	if len(paths.Paths) != 0 {
		t.Errorf("got %d paths from ghost, want none", len(paths.Paths))
	}
	var claims struct {
		Claims []claimView `json:"claims"`
	}
	getJSON(t, h, "/api/claims?source=ghost", &claims)
	if len(claims.Claims) != 0 {
		t.Errorf("got %d claims of ghost, want none", len(claims.Claims))
	}
	var arts struct {
		Articles []mentionView `json:"articles"`
	}
	getJSON(t, h, "/api/actors/ghost/articles", &arts)
	if len(arts.Articles) != 0 {
		t.Errorf("got %d articles mentioning ghost, want none", len(arts.Articles))
	}
	for _, target := range []string{"/api/actors/nobody", "/api/subgraph?ids=ghost,nobody", "/api/paths?from=ghost&to=nobody", "/api/actors/nobody/neighbourhood"} {
		if rec := do(t, h, http.MethodGet, target); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: got status %d, want 404", target, rec.Code)
		}
	}
}
