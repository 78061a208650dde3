package extract

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader/corpus"
)

// Line converts a result found in the article at path to its JSON Lines
// record, the shape graph/export's jsonl format shares.
func (r Result) Line(path string) graph.ClaimLine {
	actor := func(a Argument) graph.LineActor {
		return graph.LineActor{ID: a.Actor.ID, Name: a.Actor.Name, NameAr: a.Actor.NameAr, Kind: string(a.Actor.Kind), Mention: a.Mention}
	}
	return graph.ClaimLine{
		Type:       strings.ToLower(string(r.Claim.Type)),
		Source:     actor(r.Source),
		Target:     actor(r.Target),
		Article:    graph.LineArticle{ID: r.Claim.Article, Path: path},
		Evidence:   graph.LineEvidence{Quote: r.Claim.Quote, Start: r.Claim.Start, End: r.Claim.End},
		Certainty:  string(r.Claim.Certainty),
		Confidence: r.Claim.Confidence,
		Rule:       r.Rule,
	}
}

// WriteJSONL writes one result as one JSON line (no HTML escaping). It
// returns w's error.
func WriteJSONL(w io.Writer, path string, r Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(r.Line(path))
}

// Problem is an input that was skipped or yielded a warning.
type Problem struct {
	// Where is "path" or "path:line".
	Where string
	Err   error
	// Warning is true for an empty article (no claims, not an error).
	Warning bool
}

// CorpusStats counts one run over a corpus.
type CorpusStats struct {
	Articles int
	Skipped  int
	Empty    int
	Claims   int
	Bytes    int
}

// ExtractCorpus reads the articles under paths (.txt files with optional
// front matter, .jsonl corpora, folders; see corpus.Walk) and calls
// emit for every claim, in corpus and text order; an article's published
// date (front matter or record) is the day its titles are resolved on. A file or record that
// cannot be read (non-UTF-8, binary, malformed) and an empty article are
// reported to problem and the run goes on, as is an article on which the
// rules fail (a *RuleFault, after the claims of its earlier sentences). It stops with ctx's error, emit's
// error or problem's error.
func (x *Extractor) ExtractCorpus(ctx context.Context, paths []string, problem func(Problem) error, emit func(it corpus.Item, r Result) error) (CorpusStats, error) {
	var st CorpusStats
	err := corpus.Walk(ctx, paths, func(it corpus.Item) error {
		switch {
		case it.Err != nil:
			st.Skipped++
			return problem(Problem{Where: it.Where(), Err: it.Err})
		case it.Empty:
			st.Empty++
			return problem(Problem{Where: it.Where(), Err: fmt.Errorf("article %q is empty: no claims", it.Article.ID), Warning: true})
		}
		st.Articles++
		st.Bytes += len(it.Article.Text)
		_, err := x.extractReader(ctx, it.Article.ID, it.Article.Published, strings.NewReader(it.Article.Text), func(r Result) error {
			st.Claims++
			return emit(it, r)
		})
		if fault := (*RuleFault)(nil); errors.As(err, &fault) {
			// A bug of the rules on one sentence: reported with the
			// article's file, and the run goes on. The claims of the
			// sentences before it were emitted.
			st.Skipped++
			return problem(Problem{Where: it.Where(), Err: err})
		}
		return err
	})
	return st, err
}
