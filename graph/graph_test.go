package graph

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

const text = `قال البيت الأبيض إن ترامب تحدث هاتفيا مع حفتر، و"أقر بدوره".`

func testDoc() Document {
	quote := `ترامب تحدث هاتفيا مع حفتر`
	start := strings.Index(text, quote)
	return Document{
		Article: Article{ID: "a1", Title: "t", Language: "ar", Text: text, SHA256: TextSHA256(text)},
		Actors: []Actor{
			{ID: "donald-trump", Name: "Donald Trump", NameAr: "دونالد ترامب", Kind: KindPerson, Affiliation: "usa"},
			{ID: "khalifa-haftar", Name: "Khalifa Haftar", NameAr: "خليفة حفتر", Kind: KindPerson},
			{ID: "usa", Name: "United States", NameAr: "الولايات المتحدة", Kind: KindState},
		},
		Mentions: []Mention{{Actor: "donald-trump", Count: 1}, {Actor: "khalifa-haftar", Count: 1}},
		Claims: []Claim{{
			ID:   ClaimID("a1", Met, "donald-trump", "khalifa-haftar", start, start+len(quote)),
			Type: Met, Source: "donald-trump", Target: "khalifa-haftar", Article: "a1",
			Quote: quote, Start: start, End: start + len(quote),
			Certainty: Reported, Confidence: 0.9, Extractor: ExtractorManual,
		}},
	}
}

func TestDocumentValidate(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(d *Document)
		wantErr string // "" means valid
	}{
		{"valid", func(d *Document) {}, ""},
		{"empty article id", func(d *Document) { d.Article.ID = "" }, "empty id"},
		{"non-UTF-8 text", func(d *Document) {
			d.Article.Text = "\xff\xfe"
			d.Article.SHA256 = TextSHA256(d.Article.Text)
		}, "not valid UTF-8"},
		{"stale sha256", func(d *Document) { d.Article.SHA256 = "00" }, "does not match"},
		{"quote not at offsets", func(d *Document) { d.Claims[0].Quote = "حفتر" }, "quote is not the text"},
		{"offsets past the end", func(d *Document) { d.Claims[0].End = len(text) + 1 }, "outside the text"},
		{"offsets inside a character", func(d *Document) {
			d.Claims[0].Start++
			c := &d.Claims[0]
			c.Quote = text[c.Start:c.End]
			c.ID = ClaimID(c.Article, c.Type, c.Source, c.Target, c.Start, c.End)
		}, "split a character"},
		{"unknown source actor", func(d *Document) { d.Claims[0].Source = "nobody" }, `source "nobody"`},
		{"unknown type", func(d *Document) { d.Claims[0].Type = "LIKED" }, `type "LIKED"`},
		{"lower-case type", func(d *Document) { d.Claims[0].Type = "met" }, `type "met"`},
		{"negated is no certainty", func(d *Document) { d.Claims[0].Certainty = "negated" }, `certainty "negated"`},
		{"confidence above one", func(d *Document) { d.Claims[0].Confidence = 1.5 }, "confidence 1.5"},
		{"self loop", func(d *Document) { d.Claims[0].Target = "donald-trump" }, "same actor"},
		{"wrong claim id", func(d *Document) { d.Claims[0].ID = "x" }, `id "x"`},
		{"duplicate claim", func(d *Document) { d.Claims = append(d.Claims, d.Claims[0]) }, "duplicate claim"},
		{"claim of another article", func(d *Document) { d.Claims[0].Article = "a2" }, `article "a2"`},
		{"missing extractor", func(d *Document) { d.Claims[0].Extractor = "" }, "no extractor"},
		{"unknown affiliation", func(d *Document) { d.Actors[0].Affiliation = "lna" }, `affiliation "lna"`},
		{"bad actor kind", func(d *Document) { d.Actors[1].Kind = "city" }, `unknown kind "city"`},
		{"bad actor id", func(d *Document) { d.Actors[1].ID = "Khalifa Haftar" }, "lower-case"},
		{"actor twice", func(d *Document) { d.Actors = append(d.Actors, d.Actors[1]) }, "listed twice"},
		{"mention of unknown actor", func(d *Document) { d.Mentions[0].Actor = "nobody" }, `unknown actor "nobody"`},
		{"zero mention count", func(d *Document) { d.Mentions[0].Count = 0 }, "count 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDoc()
			tt.edit(&d)
			err := d.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Validate() = %v, want ErrInvalid containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, s := range []string{"met", "MET", " Supported ", "opposed"} {
		if _, err := ParseRelationType(s); err != nil {
			t.Errorf("ParseRelationType(%q) = %v, want nil", s, err)
		}
	}
	if _, err := ParseRelationType("liked"); !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseRelationType(liked) = %v, want ErrInvalid", err)
	}
	if k, err := ParseKind("Organization"); err != nil || k != KindOrganisation {
		t.Errorf("ParseKind(Organization) = %q, %v, want organisation", k, err)
	}
	if _, err := ParseCertainty("negated"); !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseCertainty(negated) = %v, want ErrInvalid", err)
	}
}

// adjacency is a LinkFunc over a fixed undirected edge list, for testing the
// shared traversals without a store.
type adjacency struct {
	kinds map[string]Kind
	edges [][2]string // one entry per claim
}

func (a adjacency) links(_ context.Context, frontier []string, _ Filter) ([]Link, error) {
	count := map[[2]string]int{}
	for _, from := range frontier {
		for _, e := range a.edges {
			switch from {
			case e[0]:
				count[[2]string{from, e[1]}]++
			case e[1]:
				count[[2]string{from, e[0]}]++
			}
		}
	}
	var out []Link
	for k, n := range count {
		out = append(out, Link{From: k[0], To: k[1], ToKind: a.kinds[k[1]], Claims: n})
	}
	return out, nil
}

func star() adjacency {
	// c is a hub with neighbours n1..n5; n1 has two claims with c; n5 leads to
	// far; s is a state.
	return adjacency{
		kinds: map[string]Kind{"c": KindPerson, "n1": KindPerson, "n2": KindPerson, "n3": KindPerson,
			"n4": KindPerson, "n5": KindPerson, "far": KindPerson, "s": KindState},
		edges: [][2]string{{"c", "n1"}, {"n1", "c"}, {"c", "n2"}, {"c", "n3"}, {"c", "n4"}, {"c", "n5"},
			{"n5", "far"}, {"c", "s"}},
	}
}

func TestExpandNeighbourhood(t *testing.T) {
	tests := []struct {
		name          string
		q             NeighbourhoodQuery
		wantIDs       []string
		wantOmitted   []Omission
		wantTruncated bool
	}{
		{"depth 1", NeighbourhoodQuery{Center: "c", Depth: 1},
			[]string{"c", "n1", "n2", "n3", "n4", "n5", "s"}, nil, false},
		{"depth 2 reaches far", NeighbourhoodQuery{Center: "c", Depth: 2},
			[]string{"c", "far", "n1", "n2", "n3", "n4", "n5", "s"}, nil, false},
		{"cap keeps the strongest then by id", NeighbourhoodQuery{Center: "c", Depth: 2, MaxNeighbours: 2},
			[]string{"c", "n1", "n2"}, []Omission{{Actor: "c", Count: 4}}, false},
		{"kind filter", NeighbourhoodQuery{Center: "c", Depth: 1, Filter: Filter{Kinds: []Kind{KindState}}},
			[]string{"c", "s"}, nil, false},
		{"node limit truncates", NeighbourhoodQuery{Center: "c", Depth: 2, MaxNodes: 3},
			[]string{"c", "n1", "n2"}, []Omission{{Actor: "c", Count: 4}}, true},
		{"isolated centre", NeighbourhoodQuery{Center: "alone", Depth: 3}, []string{"alone"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := tt.q.Normalize()
			if err != nil {
				t.Fatal(err)
			}
			ids, omitted, truncated, err := ExpandNeighbourhood(context.Background(), q, star().links)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids, tt.wantIDs) {
				t.Errorf("ids = %v, want %v", ids, tt.wantIDs)
			}
			if !reflect.DeepEqual(omitted, tt.wantOmitted) {
				t.Errorf("omitted = %v, want %v", omitted, tt.wantOmitted)
			}
			if truncated != tt.wantTruncated {
				t.Errorf("truncated = %v, want %v", truncated, tt.wantTruncated)
			}
		})
	}
}

func TestFindShortestPaths(t *testing.T) {
	// Two shortest routes a-b-d and a-c-d, a longer one a-e-f-d, and x alone.
	g := adjacency{
		kinds: map[string]Kind{"a": KindPerson, "b": KindPerson, "c": KindState, "d": KindPerson,
			"e": KindPerson, "f": KindPerson, "x": KindPerson},
		edges: [][2]string{{"a", "b"}, {"b", "d"}, {"a", "c"}, {"d", "c"}, {"a", "e"}, {"e", "f"}, {"f", "d"}},
	}
	tests := []struct {
		name string
		q    PathQuery
		want [][]string
	}{
		{"all shortest in order", PathQuery{From: "a", To: "d", MaxLength: 4}, [][]string{{"a", "b", "d"}, {"a", "c", "d"}}},
		{"limit", PathQuery{From: "a", To: "d", MaxLength: 4, Limit: 1}, [][]string{{"a", "b", "d"}}},
		{"kinds exclude an intermediate", PathQuery{From: "a", To: "d", MaxLength: 4, Filter: Filter{Kinds: []Kind{KindPerson}}}, [][]string{{"a", "b", "d"}}},
		{"ends exempt from kinds", PathQuery{From: "b", To: "c", MaxLength: 4, Filter: Filter{Kinds: []Kind{KindPerson}}}, [][]string{{"b", "a", "c"}, {"b", "d", "c"}}},
		{"too short", PathQuery{From: "a", To: "d", MaxLength: 1}, [][]string{}},
		{"direct", PathQuery{From: "e", To: "f", MaxLength: 6}, [][]string{{"e", "f"}}},
		{"no path", PathQuery{From: "a", To: "x", MaxLength: 6}, [][]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := tt.q.Normalize()
			if err != nil {
				t.Fatal(err)
			}
			got, err := FindShortestPaths(context.Background(), q, g.links)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paths = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestQueryNormalizeErrors(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		field string
	}{
		{"depth 0", second(NeighbourhoodQuery{Center: "c"}.Normalize()), "depth"},
		{"depth 4", second(NeighbourhoodQuery{Center: "c", Depth: 4}.Normalize()), "depth"},
		{"no centre", second(NeighbourhoodQuery{Depth: 1}.Normalize()), "center"},
		{"huge node limit", second(NeighbourhoodQuery{Center: "c", Depth: 1, MaxNodes: 1e6}.Normalize()), "max_nodes"},
		{"bad type", second(NeighbourhoodQuery{Center: "c", Depth: 1, Filter: Filter{Types: []RelationType{"met"}}}.Normalize()), "types"},
		{"bad confidence", second(NeighbourhoodQuery{Center: "c", Depth: 1, Filter: Filter{MinConfidence: 2}}.Normalize()), "min_confidence"},
		{"until before since", second(OverviewQuery{Filter: Filter{Since: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}}.Normalize()), "until"},
		{"same ends", second(PathQuery{From: "a", To: "a", MaxLength: 2}.Normalize()), "to"},
		{"path too long", second(PathQuery{From: "a", To: "b", MaxLength: 7}.Normalize()), "max_length"},
		{"empty search", second(SearchQuery{}.Normalize()), "text"},
		{"long search", second(SearchQuery{Text: strings.Repeat("x", MaxSearchTextBytes+1)}.Normalize()), "text"},
		{"no ids", second(SubgraphQuery{}.Normalize()), "ids"},
		{"too many ids", second(SubgraphQuery{IDs: manyIDs(MaxSubgraphIDs + 1)}.Normalize()), "ids"},
		{"claims without actors", second(ClaimQuery{}.Normalize()), "source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := AsError(tt.err)
			if !errors.Is(tt.err, ErrInvalid) || e == nil || e.Field != tt.field || e.Message == "" {
				t.Errorf("err = %#v, want an *Error of kind ErrInvalid with field %q and a message", tt.err, tt.field)
			}
		})
	}
}

func TestSubgraphQueryDropsRepeatedIDs(t *testing.T) {
	ids := append(manyIDs(MaxSubgraphIDs), manyIDs(MaxSubgraphIDs)...)
	q, err := SubgraphQuery{IDs: ids}.Normalize()
	if err != nil || len(q.IDs) != MaxSubgraphIDs {
		t.Errorf("%d ids, each twice: got %d ids, %v; want %d, nil", MaxSubgraphIDs, len(q.IDs), err, MaxSubgraphIDs)
	}
}

func manyIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = "a" + strconv.Itoa(i)
	}
	return ids
}

func second[T any](_ T, err error) error { return err }

func TestClaimQueryMatch(t *testing.T) {
	met := Claim{Type: Met, Source: "a", Target: "b"}
	sup := Claim{Type: Supported, Source: "a", Target: "b"}
	tests := []struct {
		name string
		q    ClaimQuery
		c    Claim
		want bool
	}{
		{"forward", ClaimQuery{Source: "a", Target: "b"}, sup, true},
		{"directed reverse", ClaimQuery{Source: "b", Target: "a"}, sup, false},
		{"directed reverse with either", ClaimQuery{Source: "b", Target: "a", Either: true}, sup, true},
		{"met is symmetric", ClaimQuery{Source: "b", Target: "a"}, met, true},
		{"source only", ClaimQuery{Source: "a"}, sup, true},
		{"target only, either", ClaimQuery{Target: "a", Either: true}, sup, true},
		{"type filter", ClaimQuery{Source: "a", Filter: Filter{Types: []RelationType{Opposed}}}, sup, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.q.MatchClaim(tt.c); got != tt.want {
				t.Errorf("MatchClaim = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAggregate(t *testing.T) {
	claims := []Claim{
		{ID: "3", Type: Met, Source: "b", Target: "a", Article: "x", Certainty: Reported, Confidence: 0.5},
		{ID: "1", Type: Met, Source: "a", Target: "b", Article: "y", Certainty: Asserted, Confidence: 0.9},
		{ID: "2", Type: Supported, Source: "b", Target: "a", Article: "x", Certainty: Alleged, Confidence: 0.4},
		{ID: "4", Type: Supported, Source: "b", Target: "a", Article: "x", Certainty: Asserted, Confidence: 0.6},
	}
	want := []Edge{
		{Source: "a", Target: "b", Type: Met, Claims: []string{"1", "3"}, Articles: 2, MaxConfidence: 0.9, Certainties: []Certainty{Asserted, Reported}},
		{Source: "b", Target: "a", Type: Supported, Claims: []string{"2", "4"}, Articles: 1, MaxConfidence: 0.6, Certainties: []Certainty{Asserted, Alleged}},
	}
	if got := Aggregate(claims); !reflect.DeepEqual(got, want) {
		t.Errorf("Aggregate = %+v, want %+v", got, want)
	}
}

func TestEdgeID(t *testing.T) {
	tests := []struct {
		t              RelationType
		source, target string
		want           string
	}{
		{Supported, "uae", "khalifa-haftar", "SUPPORTED:uae:khalifa-haftar"},
		{Met, "a", "b", "MET:a:b"},
		{Opposed, "gna", "lna", "OPPOSED:gna:lna"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			id := EdgeID(tt.t, tt.source, tt.target)
			if id != tt.want {
				t.Errorf("EdgeID: got %q, want %q", id, tt.want)
			}
			ty, s, tg, err := ParseEdgeID(id)
			if err != nil || ty != tt.t || s != tt.source || tg != tt.target {
				t.Errorf("ParseEdgeID(%q): got %q %q %q %v, want %q %q %q nil", id, ty, s, tg, err, tt.t, tt.source, tt.target)
			}
		})
	}
	for _, bad := range []string{"", "uae:SUPPORTED:lna", "MET:a", "MET::b", "MET:a:b:c"} {
		t.Run("bad "+bad, func(t *testing.T) {
			if _, _, _, err := ParseEdgeID(bad); !errors.Is(err, ErrInvalid) {
				t.Errorf("ParseEdgeID(%q): got %v, want ErrInvalid", bad, err)
			}
		})
	}
}

// TestCheckHashed checks that CheckHashed takes the article's sha256 as
// given (a well-formed one) and checks everything else as Check does.
func TestCheckHashed(t *testing.T) {
	tests := []struct {
		name                  string
		edit                  func(d *Document)
		wantCheck, wantHashed bool // valid for Check, for CheckHashed
	}{
		{"valid", func(*Document) {}, true, true},
		{"sha256 of another text", func(d *Document) { d.Article.SHA256 = TextSHA256("other") }, false, true},
		{"no sha256", func(d *Document) { d.Article.SHA256 = "" }, false, false},
		{"claim of an unknown actor", func(d *Document) { d.Claims[0].Source = "nobody" }, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDoc()
			tt.edit(&d)
			_, err := d.Check()
			if got := err == nil; got != tt.wantCheck {
				t.Errorf("Check: got valid %v (%v), want %v", got, err, tt.wantCheck)
			}
			c, err := d.CheckHashed()
			if got := err == nil; got != tt.wantHashed || got != c.Checked() {
				t.Errorf("CheckHashed: got valid %v, checked %v (%v), want %v", got, c.Checked(), err, tt.wantHashed)
			}
		})
	}
}
