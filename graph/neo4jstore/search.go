package neo4jstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// SearchActors returns the actors whose name, Arabic name or an alias
// matches q.Text after arabic.Normalize, best first: arabic.MatchScore
// descending, then mentioned articles descending, then id. An invalid query
// (empty text or one with no letter or digit, bad kind or limit) is
// graph.ErrInvalid; no match is an empty slice and a nil error.
//
// Candidates come from the full-text index actor_names and from a CONTAINS
// scan of the stored normalised names (search_keys) for needle(q): every
// name MatchScore scores above 0 contains it, so the candidates include every
// match and the ranking, done here in Go, is exactly that of other stores.
func (s *Store) SearchActors(ctx context.Context, q graph.SearchQuery) ([]graph.ActorMatch, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: search actors %q: %w", q.Text, err)
	}
	query := arabic.Normalize(q.Text)
	if query == "" {
		return nil, fmt.Errorf("neo4jstore: search actors %q: %w", q.Text, graph.Invalidf("text", "no letter or digit to search for"))
	}
	p := searchParams{Lucene: luceneQuery(query), Needle: needle(query)}
	for _, k := range (graph.Filter{Kinds: q.Kinds}).KindsOrAll() {
		p.Kinds = append(p.Kinds, string(k))
	}
	matches, err := s.search(ctx, query, p)
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: search actors %q: %w", q.Text, err)
	}
	if len(matches) > q.Limit {
		matches = matches[:q.Limit]
	}
	return matches, nil
}

// search returns the actors matching the normalised query, best first. Their
// candidates come from the full-text index and the CONTAINS scan together;
// should the index refuse the query (a client error, such as Lucene syntax
// that the escaping missed), from the scan alone, which finds every match by
// itself (the index only speeds the common case up), so the answer is the
// same.
func (s *Store) search(ctx context.Context, query string, p searchParams) ([]graph.ActorMatch, error) {
	matches, err := s.searchWith(ctx, query, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
		return run(ctx, tx, stmtSearchActors, p)
	})
	var nerr *neo4j.Neo4jError
	if err != nil && errors.As(err, &nerr) && strings.HasPrefix(nerr.Code, "Neo.ClientError.") && !errors.Is(err, graph.ErrUnavailable) {
		return s.searchWith(ctx, query, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
			return run(ctx, tx, stmtSearchScan, scanParams{Needle: p.Needle, Kinds: p.Kinds})
		})
	}
	return matches, err
}

// searchWith runs candidates in a read transaction and keeps the candidates
// arabic.MatchScore matches with query.
func (s *Store) searchWith(ctx context.Context, query string, candidates func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error)) ([]graph.ActorMatch, error) {
	var matches []graph.ActorMatch
	articles := map[string]int64{}
	err := s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := candidates(tx)
		if err != nil {
			return err
		}
		matches = []graph.ActorMatch{}
		clear(articles)
		for _, r := range recs {
			n, err1 := get[neo4j.Node](r, "a")
			count, err2 := get[int64](r, "articles")
			if err := errors.Join(err1, err2); err != nil {
				return err
			}
			a := actorOf(n.Props)
			if score, matched := bestMatch(query, a); score > 0 {
				matches = append(matches, graph.ActorMatch{Actor: a, Score: score, Matched: matched})
				articles[a.ID] = count
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(matches, func(a, b graph.ActorMatch) int {
		return cmp.Or(
			cmp.Compare(b.Score, a.Score),
			cmp.Compare(articles[b.Actor.ID], articles[a.Actor.ID]),
			cmp.Compare(a.Actor.ID, b.Actor.ID))
	})
	return matches, nil
}

// bestMatch scores every name of a against the normalised query and returns
// the best score with the first name reaching it.
func bestMatch(query string, a graph.Actor) (float64, string) {
	var best float64
	var matched string
	for _, name := range actorNames(a) {
		if score := arabic.MatchScore(query, arabic.Normalize(name)); score > best {
			best, matched = score, name
		}
	}
	return best, matched
}

// needle returns a string that every name MatchScore matches with query
// (both normalised) contains: the longest query word, without a leading
// article ال. For each kind of match, each query word w is in the name, or w
// with its article dropped is (whole-name and word matches compare names
// with a leading ال removed), so w without ال always is.
func needle(query string) string {
	var best string
	for _, w := range strings.Fields(query) {
		w = strings.TrimPrefix(w, "ال")
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// luceneQuery turns a normalised query into a Lucene query matching any of
// its words, every Lucene special character escaped.
func luceneQuery(query string) string {
	words := strings.Fields(query)
	for i, w := range words {
		words[i] = escapeLucene(w)
	}
	return strings.Join(words, " ")
}

// escapeLucene escapes the characters Lucene's query parser treats as
// syntax (+ - & | ! ( ) { } [ ] ^ " ~ * ? : \ /), and lower-cases the
// operators AND, OR and NOT so that they are searched as words.
func escapeLucene(s string) string {
	switch s {
	case "AND", "OR", "NOT":
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
