package loader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/memstore"
	"github.com/rawabit/rawabit/internal/input"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

var seedGazetteer = filepath.Join("testdata", "seed_gazetteer.yaml")

const (
	art1Text = "التقى المشير خليفة حفتر في روما رئيس الحكومة الإيطالية جوزيبي كونتي.\nوقالت مصادر إن الإمارات تدعم حفتر.\n"
	art2Text = "انتقدت فرنسا ممارسات حفتر في طرابلس.\n"
)

const goodClaims = `claims:
  - article: art1
    type: met
    source: khalifa-haftar
    target: giuseppe-conte
    quote: التقى المشير خليفة حفتر في روما رئيس الحكومة الإيطالية جوزيبي كونتي
  - article: art1
    type: Supported
    source: uae
    target: khalifa-haftar
    quote: الإمارات تدعم حفتر
    certainty: reported
  - article: art2
    type: opposed
    source: france
    target: khalifa-haftar
    quote: انتقدت فرنسا ممارسات حفتر
    confidence: 0.9
`

// fixture writes a corpus folder, claims.yaml and corrections.yaml into a
// temporary directory and returns Options for it.
func fixture(t *testing.T, articles map[string]string, claims, corrections string) Options {
	t.Helper()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "articles")
	if err := os.Mkdir(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range articles {
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := Options{Corpus: []string{corpus}, Gazetteers: []string{seedGazetteer}}
	if claims != "" {
		opts.Claims = filepath.Join(dir, "claims.yaml")
		if err := os.WriteFile(opts.Claims, []byte(claims), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if corrections != "" {
		opts.Corrections = filepath.Join(dir, "corrections.yaml")
		if err := os.WriteFile(opts.Corrections, []byte(corrections), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return opts
}

func counts(t *testing.T, s *memstore.Store) graph.Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoadBadInputLoadsNothing(t *testing.T) {
	articles := map[string]string{"art1.txt": art1Text, "art2.txt": art2Text, "latin1.txt": "Caf\xe9"}
	claim := func(extra string) string {
		return "claims:\n  - article: art1\n    type: met\n    source: khalifa-haftar\n    target: giuseppe-conte\n" + extra
	}
	tests := []struct {
		name        string
		claims      string
		corrections string
		want        string // "file:line: message" with file claims.yaml or corrections.yaml
	}{
		{"quote not in article", claim("    quote: التقى حفتر بكونتي\n"), "",
			`claims.yaml:2:5: claim: quote "التقى حفتر بكونتي" is not in article "art1"`},
		{"quote differing only in diacritics", claim("    quote: التَقى المشير خليفة حفتر\n"), "",
			`claims.yaml:2:5: claim: quote "التَقى المشير خليفة حفتر" is not in article "art1" (it differs from the text in spelling`},
		{"occurrence beyond the quote's count", claim("    quote: حفتر\n    occurrence: 3\n"), "",
			`claims.yaml:2:5: claim: quote "حفتر" is not in article "art1" (found 2 times, occurrence 3 asked)`},
		{"unknown actor", "claims:\n  - article: art1\n    type: met\n    source: khalifa-hafter\n    target: giuseppe-conte\n    quote: حفتر\n", "",
			`claims.yaml:2:5: claim: source: unknown actor "khalifa-hafter"`},
		{"unknown article", "claims:\n  - article: art9\n    type: met\n    source: khalifa-haftar\n    target: giuseppe-conte\n    quote: حفتر\n", "",
			`claims.yaml:2:5: claim: unknown article "art9"`},
		{"article unreadable", "claims:\n  - article: latin1\n    type: met\n    source: khalifa-haftar\n    target: giuseppe-conte\n    quote: حفتر\n", "",
			`claims.yaml:2:5: claim: article "latin1" could not be read: `},
		{"bad type", "claims:\n  - article: art1\n    type: visited\n    source: khalifa-haftar\n    target: giuseppe-conte\n    quote: حفتر\n", "",
			`claims.yaml:3:5: claim: unknown type "visited" (want met, supported or opposed)`},
		{"unknown key", claim("    quote: حفتر\n    evidence: x\n"), "",
			`claims.yaml:7:5: claim: unknown key "evidence"`},
		{"negated certainty", claim("    quote: حفتر\n    certainty: negated\n"), "",
			`claims.yaml:7:5: claim: certainty negated: a negated statement is never a claim`},
		{"confidence out of range", claim("    quote: حفتر\n    confidence: 1.5\n"), "",
			`claims.yaml:7:5: claim: confidence "1.5": want a number from 0 to 1`},
		{"missing quote", claim(""), "", `claims.yaml:2:5: claim: missing quote`},
		{"same actor twice", "claims:\n  - article: art1\n    type: met\n    source: uae\n    target: uae\n    quote: حفتر\n", "",
			`claims.yaml:2:5: claim: source and target are the same actor "uae"`},
		{"claim repeated", claim("    quote: حفتر\n") + "  - article: art1\n    type: MET\n    source: khalifa-haftar\n    target: giuseppe-conte\n    quote: حفتر\n", "",
			`claims.yaml:7:5: claim repeats the claim at`},
		{"unknown top-level key", "claim:\n  - article: art1\n", "", `claims.yaml:1:1: unknown key "claim" (want one of actors, claims)`},
		{"YAML syntax", "claims:\n  - article: [art1\n", "", `claims.yaml:`},
		{"declared actor claims a gazetteer name", "actors:\n  - id: haftar-2\n    kind: person\n    names: [حفتر]\n", "",
			`claims.yaml:4:13: name "حفتر" of actor "haftar-2" is already claimed by actor "khalifa-haftar" at testdata/seed_gazetteer.yaml:`},
		{"declared actor with unknown kind", "actors:\n  - id: x\n    kind: militia\n    names: [س]\n", "",
			`claims.yaml:3:5: unknown kind "militia"`},
		{"rejection of an unknown actor", "", "reject:\n  - type: met\n    source: usa\n    target: haftar\n",
			`corrections.yaml:2:5: reject: target: unknown actor "haftar"`},
		{"rejection without target", "", "reject:\n  - type: met\n    source: usa\n",
			`corrections.yaml:2:5: reject: missing target`},
		{"rejection with unknown key", "", "reject:\n  - type: met\n    source: usa\n    target: uae\n    quote: x\n",
			`corrections.yaml:5:5: reject: unknown key "quote"`},
		{"rejection with bad type", "", "reject:\n  - type: likes\n    source: usa\n    target: uae\n",
			`corrections.yaml:2:5: reject: unknown type "likes"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := fixture(t, articles, tt.claims, tt.corrections)
			s := memstore.New()
			sum, err := Load(context.Background(), s, opts)
			if err == nil {
				t.Fatalf("got summary %+v and no error, want an error containing %q", sum, tt.want)
			}
			if msgs := strings.Join(input.Messages(err), "\n"); !strings.Contains(msgs, tt.want) {
				t.Errorf("got error messages %q, want them to contain %q", msgs, tt.want)
			}
			if !errors.Is(err, graph.ErrInvalid) {
				t.Errorf("got error %v, want it to wrap graph.ErrInvalid", err)
			}
			if got := counts(t, s); got != (graph.Counts{}) {
				t.Errorf("got store counts %+v after a failed load, want nothing loaded", got)
			}
		})
	}
}

func TestLoadCorpusWithBadFiles(t *testing.T) {
	opts := fixture(t, map[string]string{
		"art1.txt":   art1Text,
		"art2.txt":   "---\ntitle: فرنسا\nsource: Wire\npublished: 2019-11-14\n---\n" + art2Text,
		"latin1.txt": "Caf\xe9",
		"empty.txt":  "---\ntitle: nothing\n---\n\n",
		"dup.jsonl":  `{"id": "art2", "text": "نص آخر"}` + "\n",
	}, goodClaims, "")
	var progress [][2]int
	opts.Progress = func(done, total int) { progress = append(progress, [2]int{done, total}) }
	s := memstore.New()
	sum, err := Load(context.Background(), s, opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := opts.Corpus[0]
	wantSkipped := []Skip{
		{Path: filepath.Join(dir, "dup.jsonl"), Line: 1, ID: "art2", Reason: `duplicate article id "art2" (first in ` + filepath.Join(dir, "art2.txt") + `)`},
		{Path: filepath.Join(dir, "latin1.txt"), Line: 1, ID: "latin1", Reason: "not UTF-8 (invalid byte at offset 3)"},
	}
	if !reflect.DeepEqual(sum.Skipped, wantSkipped) {
		t.Errorf("got skipped\n%+v\nwant\n%+v", sum.Skipped, wantSkipped)
	}
	wantWarnings := []string{filepath.Join(dir, "empty.txt") + `: article "empty" is empty: loaded without claims`}
	if !slices.Equal(sum.Warnings, wantWarnings) {
		t.Errorf("got warnings %q, want %q", sum.Warnings, wantWarnings)
	}
	if want := [][2]int{{1, 3}, {2, 3}, {3, 3}}; !reflect.DeepEqual(progress, want) {
		t.Errorf("got progress %v, want %v", progress, want)
	}
}

func TestLoadPartialCorpus(t *testing.T) {
	opts := fixture(t, map[string]string{"art1.txt": art1Text}, goodClaims, "")
	s := memstore.New()
	if _, err := Load(context.Background(), s, opts); err == nil || !strings.Contains(strings.Join(input.Messages(err), "\n"), `claims.yaml:13:5: claim: unknown article "art2"`) {
		t.Fatalf("got error %v, want the claim of art2 (line 13) reported as an unknown article", err)
	}
	opts.PartialCorpus = true
	sum, err := Load(context.Background(), s, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 1 || sum.Claims != 2 || len(sum.Warnings) != 1 || !strings.HasSuffix(sum.Warnings[0], `claims.yaml:13:5: 1 curated claim of 1 article not in the corpus not loaded (art2)`) {
		t.Errorf("got summary %+v, want art1 with its 2 claims and a warning for the claim of art2", sum)
	}
}

func TestLoadSummaryAndDocuments(t *testing.T) {
	opts := fixture(t, map[string]string{"art1.txt": art1Text, "art2.txt": art2Text, "empty.txt": "  \n"}, goodClaims, "")
	s := memstore.New()
	sum, err := Load(context.Background(), s, opts)
	if err != nil {
		t.Fatal(err)
	}
	// art1 names haftar (lna), conte (italy), italy, uae; art2 haftar, france;
	// haftar's affiliation lna, conte's italy.
	wantSum := Summary{Articles: 3, Actors: 6, Claims: 3, Curated: 3,
		Warnings: []string{filepath.Join(opts.Corpus[0], "empty.txt") + `: article "empty" is empty: loaded without claims`}}
	if !reflect.DeepEqual(sum, wantSum) {
		t.Errorf("got summary %+v\nwant %+v", sum, wantSum)
	}
	if got, want := counts(t, s), (graph.Counts{Actors: 6, Articles: 3, Claims: 3}); got != want {
		t.Errorf("got counts %+v, want %+v", got, want)
	}
	claims, err := s.ArticleClaims(context.Background(), "art1")
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Claim{Type: graph.Supported, Source: "uae", Target: "khalifa-haftar", Article: "art1",
		Quote: "الإمارات تدعم حفتر", Certainty: graph.Reported, Confidence: 1, Extractor: graph.ExtractorManual}
	want.Start = strings.Index(art1Text, want.Quote)
	want.End = want.Start + len(want.Quote)
	want.ID = graph.ClaimID("art1", want.Type, want.Source, want.Target, want.Start, want.End)
	if len(claims) != 2 || claims[1] != want {
		t.Errorf("got claims %+v\nwant the second to be %+v", claims, want)
	}
	stats, err := s.ActorStats(context.Background(), "italy")
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 1 {
		t.Errorf("got italy mentioned in %d articles, want 1 (روما, الإيطالية in art1)", stats.Articles)
	}
}

// scriptedExtractor is an Extractor whose output per article is given by
// the test, so that the loader's handling of extracted claims (corrections,
// deduplication against curated claims, invalid claims) can be checked.
type scriptedExtractor map[string][]graph.Claim

func (e scriptedExtractor) Extract(_ context.Context, a graph.Article) ([]graph.Mention, []graph.Claim, error) {
	var mentions []graph.Mention
	seen := map[string]bool{}
	for _, c := range e[a.ID] {
		for _, id := range []string{c.Source, c.Target} {
			if !seen[id] {
				seen[id] = true
				mentions = append(mentions, graph.Mention{Actor: id, Count: 1})
			}
		}
	}
	return mentions, slices.Clone(e[a.ID]), nil
}

func extracted(article, text string, t graph.RelationType, source, target, quote string) graph.Claim {
	start := strings.Index(text, quote)
	return graph.Claim{Type: t, Source: source, Target: target, Quote: quote, Start: start, End: start + len(quote),
		Certainty: graph.Asserted, Confidence: 0.7, Extractor: "test/1", Article: article}
}

func TestLoadExtractedClaims(t *testing.T) {
	ex := scriptedExtractor{
		"art1": {
			// the same relation as a curated claim, in the other direction: dropped
			extracted("art1", art1Text, graph.Met, "giuseppe-conte", "khalifa-haftar", "التقى المشير خليفة حفتر"),
			// rejected by corrections.yaml for every article
			extracted("art1", art1Text, graph.Supported, "italy", "khalifa-haftar", "روما"),
			// kept
			extracted("art1", art1Text, graph.Opposed, "uae", "italy", "الإمارات"),
			// the same claim twice: kept once
			extracted("art1", art1Text, graph.Opposed, "uae", "italy", "الإمارات"),
		},
		"art2": {
			// offsets outside the text: the whole article is skipped
			{Type: graph.Opposed, Source: "france", Target: "khalifa-haftar", Quote: "x", Start: 500, End: 501, Certainty: graph.Asserted, Confidence: 1, Extractor: "test/1"},
		},
		"art3": {
			// an actor the gazetteer does not know: the article is skipped
			extracted("art3", art2Text, graph.Opposed, "france", "someone", "فرنسا"),
		},
	}
	opts := fixture(t, map[string]string{"art1.txt": art1Text, "art2.txt": art2Text, "art3.txt": art2Text},
		strings.Split(goodClaims, "  - article: art2")[0],
		"reject:\n  - type: supported\n    source: italy\n    target: khalifa-haftar\n")
	opts.Extractor = func(*gazetteer.Gazetteer) (Extractor, error) { return ex, nil }
	s := memstore.New()
	sum, err := Load(context.Background(), s, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := [6]int{sum.Articles, sum.Claims, sum.Curated, sum.Extracted, sum.Rejected, sum.Duplicates}, [6]int{1, 3, 2, 1, 1, 1}; got != want {
		t.Errorf("got articles, claims, curated, extracted, rejected, duplicates = %v, want %v", got, want)
	}
	if len(sum.Skipped) != 2 || !strings.Contains(sum.Skipped[0].Reason, "offsets [500,501) are outside the text") ||
		!strings.Contains(sum.Skipped[1].Reason, `unknown actor "someone"`) {
		t.Errorf("got skipped %+v, want art2 (bad offsets) and art3 (unknown actor)", sum.Skipped)
	}
	for _, id := range []string{"art2", "art3"} {
		if _, err := s.Article(context.Background(), id); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("got Article(%s) error %v, want ErrNotFound: a failed article must leave nothing", id, err)
		}
	}
	if _, err := s.Actor(context.Background(), "france"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("got Actor(france) error %v, want ErrNotFound: only the failed articles name france", err)
	}
	claims, err := s.ArticleClaims(context.Background(), "art1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range claims {
		got = append(got, string(c.Type)+" "+c.Source+"->"+c.Target+" "+c.Extractor)
	}
	want := []string{"MET khalifa-haftar->giuseppe-conte manual", "OPPOSED uae->italy test/1", "SUPPORTED uae->khalifa-haftar manual"}
	if !slices.Equal(got, want) {
		t.Errorf("got claims %q, want %q", got, want)
	}
}

func TestLoadEditedArticleReplacesClaims(t *testing.T) {
	opts := fixture(t, map[string]string{"art1.txt": art1Text, "art2.txt": art2Text}, goodClaims, "")
	s := memstore.New()
	if _, err := Load(context.Background(), s, opts); err != nil {
		t.Fatal(err)
	}
	edited := "وقالت مصادر إن الإمارات تدعم حفتر.\n"
	if err := os.WriteFile(filepath.Join(opts.Corpus[0], "art1.txt"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	newClaims := strings.Replace(goodClaims, "  - article: art1\n    type: met\n    source: khalifa-haftar\n    target: giuseppe-conte\n    quote: التقى المشير خليفة حفتر في روما رئيس الحكومة الإيطالية جوزيبي كونتي\n", "", 1)
	if err := os.WriteFile(opts.Claims, []byte(newClaims), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(context.Background(), s, opts); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(context.Background(), "art1")
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != edited {
		t.Errorf("got text %q, want the edited %q", a.Text, edited)
	}
	claims, err := s.ArticleClaims(context.Background(), "art1")
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) != 1 || claims[0].Source != "uae" || claims[0].Start != strings.Index(edited, "الإمارات") || edited[claims[0].Start:claims[0].End] != claims[0].Quote {
		t.Errorf("got claims %+v, want only uae->khalifa-haftar at its new offsets", claims)
	}
	if got, want := counts(t, s).Claims, 2; got != want {
		t.Errorf("got %d claims in the store, want %d", got, want)
	}
}

func TestMentionCounter(t *testing.T) {
	g, err := gazetteer.LoadFiles(seedGazetteer)
	if err != nil {
		t.Fatal(err)
	}
	mc := newMentionCounter(g)
	tests := []struct {
		name, text string
		want       []graph.Mention
	}{
		{"full name and surname", "التقى الجنرال خليفة حفتر ثم قال حفتر", []graph.Mention{{Actor: "khalifa-haftar", Count: 2}}},
		{"longest form wins", "وزارة الخارجية الأمريكية", []graph.Mention{{Actor: "us-state-department", Count: 1}}},
		{"clitic prefixes", "لحفتر وحفتر بروما والسعودية للجيش الوطني الليبي", []graph.Mention{
			{Actor: "italy", Count: 1}, {Actor: "khalifa-haftar", Count: 2}, {Actor: "lna", Count: 1}, {Actor: "saudi-arabia", Count: 1}}},
		{"normalised spelling and diacritics", "إيطاليا ايطاليا الأميركية", []graph.Mention{{Actor: "italy", Count: 2}, {Actor: "usa", Count: 1}}},
		{"whole words only", "حفترية ماكرون", []graph.Mention{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mc.Count(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// realData returns Options for the project's data/ directory; the gazetteer
// is the folder data/gazetteer, or the seed gazetteer of testdata until it exists.
func realData(t *testing.T) Options {
	t.Helper()
	data := filepath.Join("..", "data")
	opts := Options{Corpus: []string{filepath.Join(data, "articles")}, Claims: filepath.Join(data, "claims.yaml")}
	if _, err := os.Stat(filepath.Join(data, "gazetteer")); err == nil {
		opts.Gazetteers = []string{filepath.Join(data, "gazetteer")}
	} else {
		opts.Gazetteers = []string{seedGazetteer}
	}
	if _, err := os.Stat(filepath.Join(data, "corrections.yaml")); err == nil {
		opts.Corrections = filepath.Join(data, "corrections.yaml")
	}
	return opts
}

// seedDates are the publication days of the seed articles whose text or
// context dates them (the others give no date).
var seedDates = map[string]string{
	"001_d522f629676ca2b6": "2019-04-19",
	"002_d1884a80d073445c": "2019-11-17",
	"004_c47be89a000dbc28": "2023-01-18",
}

func TestLoadRealData(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	sum, err := Load(ctx, s, realData(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Skipped) > 0 || len(sum.Warnings) > 0 {
		t.Errorf("got skipped %+v and warnings %q, want none", sum.Skipped, sum.Warnings)
	}
	c := counts(t, s)
	if c.Articles != 5 || c.Actors < 20 || c.Claims < 30 {
		t.Errorf("got %+v, want 5 articles, at least 20 actors and 30 claims", c)
	}
	claimActors := map[string]bool{}
	for _, id := range []string{"000_8d29e9a6e18a0c13", "001_d522f629676ca2b6", "002_d1884a80d073445c", "003_8a1d0575458f8996", "004_c47be89a000dbc28"} {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		seed, err := os.ReadFile(filepath.Join("..", "data", "articles", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(string(seed), "\n---\n"+a.Text) || a.Title == "" || a.Source == "unknown" {
			t.Errorf("article %s: got title %q, source %q and a text that is not the file's body after its front matter", id, a.Title, a.Source)
		}
		if want, dated := seedDates[id]; dated && (a.Published.Format(time.DateOnly) != want || a.DateSource != graph.DateFrontMatter) {
			t.Errorf("article %s: got date %v from %q, want %s from the front matter", id, a.Published, a.DateSource, want)
		}
		claims, err := s.ArticleClaims(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(claims) == 0 {
			t.Errorf("article %s: got no claims, want curated claims", id)
		}
		for _, cl := range claims {
			if a.Text[cl.Start:cl.End] != cl.Quote {
				t.Errorf("article %s: claim %s: got text[%d:%d] = %q, want the quote %q", id, cl.ID, cl.Start, cl.End, a.Text[cl.Start:cl.End], cl.Quote)
			}
			claimActors[cl.Source], claimActors[cl.Target] = true, true
		}
	}
	if len(claimActors) < 20 {
		t.Errorf("got %d distinct actors in claims, want at least 20", len(claimActors))
	}
}

func TestLoadIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	first, err := Load(ctx, s, realData(t))
	if err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	second, err := Load(ctx, s, realData(t))
	if err != nil {
		t.Fatal(err)
	}
	if after := counts(t, s); after != before {
		t.Errorf("got counts %+v after loading twice, want %+v as after once", after, before)
	}
	if !reflect.DeepEqual(first, second) {
		t.Errorf("got summaries %+v and %+v, want them equal", first, second)
	}
}

func TestLoadWarnsOnceForCorrectionsOutsideCorpus(t *testing.T) {
	corrections := "reject:\n  - {type: supported, source: uae, target: khalifa-haftar, article: gone}\n  - {type: met, source: uae, target: khalifa-haftar, article: gone2}\n  - {type: met, source: uae, target: khalifa-haftar}\n"
	opts := fixture(t, map[string]string{"art1.txt": art1Text}, "", corrections)
	sum, err := Load(context.Background(), memstore.New(), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{opts.Corrections + ":2:5: 2 corrections of 2 articles not in the corpus not used (gone, gone2)"}
	if !slices.Equal(sum.Warnings, want) {
		t.Errorf("got warnings %q, want %q", sum.Warnings, want)
	}
}

// TestLoadSameFileTwice checks that a corpus file reached several times (the
// folder given twice under other spellings, through a symbolic link, or a
// hard link) loads once, with nothing skipped, while a true duplicate id in
// another file is skipped naming both files.
func TestLoadSameFileTwice(t *testing.T) {
	opts := fixture(t, map[string]string{"art1.txt": art1Text, "art2.txt": art2Text}, "", "")
	dir := opts.Corpus[0]
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(cwd, dir)
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(filepath.Dir(dir), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(filepath.Dir(dir), "other")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(dir, "art1.txt"), filepath.Join(other, "art1.txt")); err != nil {
		t.Fatal(err)
	}
	dup := filepath.Join(filepath.Dir(dir), "dup", "art2.txt")
	if err := os.MkdirAll(filepath.Dir(dup), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dup, []byte("نص آخر"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		corpus      []string
		wantSkipped []Skip
	}{
		{"folder twice", []string{dir, dir}, nil},
		{"folder and ./folder/", []string{dir, dir + "/./", "./" + rel}, nil},
		{"file and its folder", []string{filepath.Join(dir, "art1.txt"), dir}, nil},
		{"symbolic link to the folder", []string{dir, filepath.Join(link, "art1.txt")}, nil},
		{"hard link to a file", []string{dir, other}, nil},
		{"same id in another file", []string{dir, dup}, []Skip{{Path: dup, ID: "art2",
			Reason: `duplicate article id "art2" (first in ` + filepath.Join(dir, "art2.txt") + `)`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts.Corpus = tt.corpus
			s := memstore.New()
			sum, err := Load(context.Background(), s, opts)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Articles != 2 {
				t.Errorf("got %d articles loaded, want 2", sum.Articles)
			}
			if !reflect.DeepEqual(sum.Skipped, tt.wantSkipped) {
				t.Errorf("got skipped %+v, want %+v", sum.Skipped, tt.wantSkipped)
			}
		})
	}
}

// failingStore is a memstore whose writes fail with graph.ErrUnavailable
// from the article number failAt on (counting from 1), as a Neo4j that goes
// down mid-load does. It writes one article at a time: the memstore's bulk
// path (LoadChecked) is hidden behind graph.Store.
type failingStore struct {
	graph.Store
	failAt, writes int
}

func (f *failingStore) LoadArticle(ctx context.Context, d graph.Document) error {
	f.writes++
	if f.writes >= f.failAt {
		return fmt.Errorf("fakedown: %w: connection refused", graph.ErrUnavailable)
	}
	return f.Store.LoadArticle(ctx, d)
}

// failingBulkStore is a memstore whose bulk writes (LoadChecked) fail with
// graph.ErrUnavailable from the call number failAt on.
type failingBulkStore struct {
	*memstore.Store
	failAt, writes int
}

func (f *failingBulkStore) LoadChecked(ctx context.Context, docs []graph.CheckedDocument) error {
	f.writes++
	if f.writes >= f.failAt {
		return fmt.Errorf("fakedown: %w: connection refused", graph.ErrUnavailable)
	}
	return f.Store.LoadChecked(ctx, docs)
}

// TestLoadStopsWhenTheBulkStoreFails: a store failing on its bulk path
// stops the load with a StoreError naming the first article of the batch
// that failed, and nothing of that batch is counted as loaded.
func TestLoadStopsWhenTheBulkStoreFails(t *testing.T) {
	opts := fixture(t, map[string]string{"a1.txt": art1Text, "a2.txt": art2Text, "a3.txt": art1Text + "\n"}, "", "")
	s := &failingBulkStore{Store: memstore.New(), failAt: 1}
	sum, err := Load(context.Background(), s, opts)
	var se *StoreError
	if !errors.As(err, &se) || !errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("got error %v, want a *StoreError wrapping graph.ErrUnavailable", err)
	}
	if se.ID != "a1" || se.Loaded != 0 || se.NotLoaded != 3 {
		t.Errorf("got failure at %q with %d loaded, %d not loaded; want a1, 0, 3", se.ID, se.Loaded, se.NotLoaded)
	}
	if c, _ := s.Counts(context.Background()); sum.Articles != 0 || c.Articles != 0 {
		t.Errorf("got %d articles in the summary and %d in the store, want none", sum.Articles, c.Articles)
	}
}

// TestLoadStopsWhenTheStoreFails checks that a store failing mid-load stops
// the load at once with a StoreError naming the article and counting what
// was and was not loaded, instead of skipping every later article.
func TestLoadStopsWhenTheStoreFails(t *testing.T) {
	opts := fixture(t, map[string]string{"a1.txt": art1Text, "a2.txt": art2Text, "a3.txt": art1Text + "\n"}, "", "")
	s := &failingStore{Store: memstore.New(), failAt: 2}
	sum, err := Load(context.Background(), s, opts)
	var se *StoreError
	if !errors.As(err, &se) {
		t.Fatalf("got error %v, want a *StoreError", err)
	}
	if !errors.Is(err, graph.ErrUnavailable) {
		t.Errorf("got error %v, want it to wrap graph.ErrUnavailable", err)
	}
	if se.ID != "a2" || se.Loaded != 1 || se.NotLoaded != 2 {
		t.Errorf("got failure at %q with %d loaded, %d not loaded; want a2, 1, 2", se.ID, se.Loaded, se.NotLoaded)
	}
	for _, want := range []string{`"a2"`, "a2.txt", "1 article loaded", "2 not loaded", "connection refused"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("got error %q, want it to contain %q", err, want)
		}
	}
	if s.writes != 2 {
		t.Errorf("got %d writes, want 2 (none after the failure)", s.writes)
	}
	if sum.Articles != 1 || len(sum.Skipped) != 0 {
		t.Errorf("got %d articles loaded and skipped %v, want 1 and none", sum.Articles, sum.Skipped)
	}
}
