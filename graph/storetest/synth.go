package storetest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
)

// SyntheticClaimsPerArticle is how many claims each synthetic article holds.
const SyntheticClaimsPerArticle = 10

// SyntheticActorID returns the id of synthetic actor i ("actor-000042").
// Low indexes are the hubs: actor 0 has the most claims.
func SyntheticActorID(i int) string { return fmt.Sprintf("actor-%06d", i) }

// SyntheticActors returns the n actors of a synthetic graph: actor i has id
// SyntheticActorID(i), English name "Actor i", a made-up two-word Arabic
// name, and a kind (60% person, 15% state, 25% organisation).
func SyntheticActors(n int) []graph.Actor {
	actors := make([]graph.Actor, n)
	for i := range actors {
		kind := graph.KindPerson
		switch r := i % 20; {
		case r >= 17:
			kind = graph.KindState
		case r >= 12:
			kind = graph.KindOrganisation
		}
		actors[i] = graph.Actor{
			ID:     SyntheticActorID(i),
			Name:   "Actor " + strconv.Itoa(i),
			NameAr: syntheticArabicName(i),
			Kind:   kind,
		}
	}
	return actors
}

const arabicLetters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"

// syntheticArabicName spells i in base 28 with Arabic letters, after a
// first word taken from a short list, so that names share words as real
// ones do.
func syntheticArabicName(i int) string {
	first := []string{"عبد", "محمد", "أحمد", "مجلس", "جبهة", "دولة", "حركة"}[i%7]
	letters := []rune(arabicLetters)
	var b strings.Builder
	b.WriteString(first)
	b.WriteByte(' ')
	for n := i; ; n /= len(letters) {
		b.WriteRune(letters[n%len(letters)])
		if n < len(letters) {
			break
		}
	}
	return b.String()
}

// SyntheticEach generates a random but reproducible graph of the given
// number of actors and claims, and calls fn with each of its documents in
// turn (SyntheticClaimsPerArticle claims each), so that a large graph never
// needs to be held twice in memory. Every document is valid. Claim ends are
// skewed towards low actor indexes, which gives a few hubs with thousands of
// neighbours while the median actor has about 2*claims/actors claims; every
// actor is in at least one claim when claims >= actors. The same arguments
// always give the same documents. It stops at, and returns, fn's first
// error.
func SyntheticEach(actors, claims int, seed int64, fn func(graph.Document) error) error {
	if actors < 2 {
		return fmt.Errorf("storetest: synthetic graph needs at least 2 actors, got %d", actors)
	}
	all := SyntheticActors(actors)
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	skewed := func() int {
		u := rng.Float64()
		return int(u * u * float64(actors))
	}
	types := []graph.RelationType{graph.Met, graph.Met, graph.Met, graph.Met, graph.Supported, graph.Supported, graph.Supported, graph.Supported, graph.Opposed, graph.Opposed}
	certainties := []graph.Certainty{graph.Asserted, graph.Asserted, graph.Asserted, graph.Asserted, graph.Asserted, graph.Asserted, graph.Reported, graph.Reported, graph.Reported, graph.Alleged}
	verbs := map[graph.RelationType]string{graph.Met: "التقى", graph.Supported: "دعم", graph.Opposed: "عارض"}
	made := 0
	for article := 0; made < claims; article++ {
		id := fmt.Sprintf("synthetic-%07d", article)
		var text strings.Builder
		var specs []graph.Claim
		inDoc := map[int]bool{}
		var docActors []graph.Actor
		var docMentions []graph.Mention
		use := func(i int) {
			if !inDoc[i] {
				inDoc[i] = true
				docActors = append(docActors, all[i])
				docMentions = append(docMentions, graph.Mention{Actor: all[i].ID, Count: 1})
			}
		}
		for k := 0; k < SyntheticClaimsPerArticle && made < claims; k++ {
			src := skewed()
			if made < actors {
				src = made
			}
			dst := skewed()
			for dst == src {
				dst = rng.IntN(actors)
			}
			use(src)
			use(dst)
			t := types[rng.IntN(len(types))]
			quote := fmt.Sprintf("%s %s %s في البيان رقم %d", all[src].NameAr, verbs[t], all[dst].NameAr, made)
			start := text.Len()
			text.WriteString(quote)
			text.WriteString(". ")
			specs = append(specs, graph.Claim{
				ID:         graph.ClaimID(id, t, all[src].ID, all[dst].ID, start, start+len(quote)),
				Type:       t,
				Source:     all[src].ID,
				Target:     all[dst].ID,
				Article:    id,
				Start:      start,
				End:        start + len(quote),
				Certainty:  certainties[rng.IntN(len(certainties))],
				Confidence: float64(30+rng.IntN(71)) / 100,
				Extractor:  FixtureExtractor,
			})
			made++
		}
		body := text.String()
		for i := range specs {
			specs[i].Quote = body[specs[i].Start:specs[i].End]
		}
		doc := graph.Document{
			Article: graph.Article{
				ID:       id,
				Title:    "مقال اصطناعي " + strconv.Itoa(article),
				Source:   "synthetic",
				Language: "ar",
				Text:     body,
				SHA256:   graph.TextSHA256(body),
			},
			Actors:   docActors,
			Mentions: docMentions,
			Claims:   specs,
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
	return nil
}

// Synthetic returns the documents SyntheticEach generates, all at once. It
// panics when actors < 2.
func Synthetic(actors, claims int, seed int64) []graph.Document {
	var docs []graph.Document
	err := SyntheticEach(actors, claims, seed, func(d graph.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		panic(err)
	}
	return docs
}

// BatchWriter is a graph.Writer with a bulk path, such as memstore.Store.
type BatchWriter interface {
	LoadArticles(ctx context.Context, docs []graph.Document) error
}

// LoadSynthetic loads the graph SyntheticEach generates into w, in batches
// of 1,000 documents when w is a BatchWriter and one LoadArticle per
// document otherwise. It returns the first load error.
func LoadSynthetic(ctx context.Context, w graph.Writer, actors, claims int, seed int64) error {
	bw, batched := w.(BatchWriter)
	batch := make([]graph.Document, 0, 1000)
	flush := func() error {
		err := bw.LoadArticles(ctx, batch)
		batch = batch[:0]
		return err
	}
	err := SyntheticEach(actors, claims, seed, func(d graph.Document) error {
		if !batched {
			return w.LoadArticle(ctx, d)
		}
		batch = append(batch, d)
		if len(batch) == cap(batch) {
			return flush()
		}
		return nil
	})
	if err == nil && batched && len(batch) > 0 {
		err = flush()
	}
	return err
}

// WriteSyntheticCorpus writes the texts of SyntheticEach(actors,
// articles*SyntheticClaimsPerArticle, seed 1) as one JSON Lines corpus
// (corpus.jsonl) and a gazetteer naming its actors by their synthetic Arabic
// names (gazetteer.yaml) under dir, and returns both paths: the input of
// the loading and start-up benchmarks.
func WriteSyntheticCorpus(dir string, actors, articles int) (corpus, gaz string, err error) {
	gaz = filepath.Join(dir, "gazetteer.yaml")
	var gb bytes.Buffer
	gb.WriteString("actors:\n")
	for _, a := range SyntheticActors(actors) {
		fmt.Fprintf(&gb, "  - {id: %s, name: %q, kind: %s, names: [%q]}\n", a.ID, a.Name, a.Kind, a.NameAr)
	}
	if err := os.WriteFile(gaz, gb.Bytes(), 0o644); err != nil {
		return "", "", err
	}
	corpus = filepath.Join(dir, "corpus.jsonl")
	f, err := os.Create(corpus)
	if err != nil {
		return "", "", err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	err = SyntheticEach(actors, articles*SyntheticClaimsPerArticle, 1, func(d graph.Document) error {
		return enc.Encode(map[string]string{"id": d.Article.ID, "title": d.Article.Title, "text": d.Article.Text})
	})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", "", fmt.Errorf("synthetic corpus %s: %w", corpus, err)
	}
	return corpus, gaz, nil
}

// BenchArticles is the size of the synthetic corpus of the loading and
// start-up benchmarks: RAWABIT_BENCH_ARTICLES, or 10,000 when it is unset.
// A value that is not a number fails tb.
func BenchArticles(tb testing.TB) int {
	tb.Helper()
	s := os.Getenv("RAWABIT_BENCH_ARTICLES")
	if s == "" {
		return 10000
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		tb.Fatalf("RAWABIT_BENCH_ARTICLES: %v", err)
	}
	return n
}

// MustWriteSyntheticCorpus is WriteSyntheticCorpus failing tb on error.
func MustWriteSyntheticCorpus(tb testing.TB, dir string, actors, articles int) (corpus, gaz string) {
	tb.Helper()
	corpus, gaz, err := WriteSyntheticCorpus(dir, actors, articles)
	if err != nil {
		tb.Fatal(err)
	}
	return corpus, gaz
}
