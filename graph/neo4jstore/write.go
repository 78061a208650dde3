package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/model"
)

// LoadArticle stores doc in one write transaction: it deletes the claims and
// mentions the article had, then writes the article, upserts its actors (the
// latest version wins, affiliations included), and creates its claims and
// mentions. An invalid document is graph.ErrInvalid and nothing is written;
// any failure rolls the whole transaction back.
func (s *Store) LoadArticle(ctx context.Context, doc graph.Document) error {
	if err := doc.Validate(); err != nil {
		return fmt.Errorf("neo4jstore: load article %q: %w", doc.Article.ID, err)
	}
	w := documentParams(doc)
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error { return s.writeDocument(ctx, tx, w) })
	if err != nil {
		return fmt.Errorf("neo4jstore: load article %q: %w", doc.Article.ID, err)
	}
	return nil
}

// LoadArticles validates every document first and, if all are valid,
// stores them in order in one write transaction, as successive LoadArticle
// calls would (a later version of an actor or article wins): the fast path
// for loading a corpus. If any document is invalid it returns an error
// wrapping graph.ErrInvalid that names the document, and stores nothing; any
// other failure rolls the whole batch back.
func (s *Store) LoadArticles(ctx context.Context, docs []graph.Document) error {
	if len(docs) == 0 {
		return nil
	}
	ws := make([]writeParams, len(docs))
	for i, d := range docs {
		if err := d.Validate(); err != nil {
			return fmt.Errorf("neo4jstore: load articles: document %d (%q): %w", i, d.Article.ID, err)
		}
		ws[i] = documentParams(d)
	}
	// failed is the document being written when the transaction failed; the
	// driver's errors go back to it unwrapped so that it can retry.
	failed := 0
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		for i, w := range ws {
			failed = i
			if err := s.writeDocument(ctx, tx, w); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("neo4jstore: load articles: document %d (%q): %w", failed, docs[failed].Article.ID, err)
	}
	return nil
}

// writeDocument runs, in tx, the statements that store one document, in
// order. After each, s.faultAfter (nil but in tests) may fail the
// transaction, as a failure of the server half-way through would.
func (s *Store) writeDocument(ctx context.Context, tx neo4j.ManagedTransaction, w writeParams) error {
	steps := []struct {
		file string
		run  func() error
	}{
		{stmtClearArticle.file, func() error { _, err := run(ctx, tx, stmtClearArticle, w.article); return err }},
		{stmtMergeArticle.file, func() error { _, err := run(ctx, tx, stmtMergeArticle, w.mergeArticle); return err }},
		{stmtMergeActors.file, func() error { _, err := run(ctx, tx, stmtMergeActors, w.actors); return err }},
		{stmtDeleteAffiliations.file, func() error { _, err := run(ctx, tx, stmtDeleteAffiliations, w.actorIDs); return err }},
		{stmtCreateAffiliations.file, func() error { _, err := run(ctx, tx, stmtCreateAffiliations, w.affiliations); return err }},
		{stmtCreateClaims.file, func() error { _, err := run(ctx, tx, stmtCreateClaims, w.claims); return err }},
		{stmtCreateMentions.file, func() error { _, err := run(ctx, tx, stmtCreateMentions, w.mentions); return err }},
	}
	for _, st := range steps {
		if err := st.run(); err != nil {
			return err
		}
		if s.faultAfter != nil {
			if err := s.faultAfter(st.file); err != nil {
				return err
			}
		}
	}
	return nil
}

// DeleteArticle removes an article with its claims and mentions in one write
// transaction; actors stay. An unknown id is graph.ErrNotFound.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	p := articleParams{Article: id}
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stmtDeleteArticle, p)
		if err != nil {
			return err
		}
		if n, _ := single[int64](recs, "deleted"); n == 0 {
			return graph.NotFound("article", id)
		}
		_, err = run(ctx, tx, stmtClearArticle, p)
		return err
	})
	if err != nil {
		return fmt.Errorf("neo4jstore: delete article %q: %w", id, err)
	}
	return nil
}

// writeParams are the parameters of every statement LoadArticle runs.
type writeParams struct {
	article      articleParams
	mergeArticle mergeArticleParams
	actors       actorsParams
	actorIDs     idsParams
	affiliations affiliationsParams
	claims       claimsParams
	mentions     mentionsParams
}

// documentParams turns a valid document into statement parameters. Slices
// are never nil, so that UNWIND gets an empty list rather than null.
func documentParams(doc graph.Document) writeParams {
	a := doc.Article
	var published any
	if !a.Published.IsZero() {
		published = neo4j.DateOf(a.Published)
	}
	w := writeParams{
		article: articleParams{Article: a.ID},
		mergeArticle: mergeArticleParams{Article: a.ID, Props: map[string]any{
			"title":       a.Title,
			"source":      a.Source,
			"url":         a.URL,
			"published":   published,
			"date_source": nullIfEmpty(string(a.DateSource)),
			"language":    a.Language,
			"text":        a.Text,
			"sha256":      a.SHA256,
		}},
		actors:       actorsParams{Actors: make([]map[string]any, 0, len(doc.Actors))},
		actorIDs:     idsParams{IDs: make([]string, 0, len(doc.Actors))},
		affiliations: affiliationsParams{Affiliations: []map[string]any{}},
		claims:       claimsParams{Claims: make([]map[string]any, 0, len(doc.Claims))},
		mentions:     mentionsParams{Article: a.ID, Mentions: make([]map[string]any, 0, len(doc.Mentions))},
	}
	for _, act := range doc.Actors {
		if act.Affiliation != "" {
			w.affiliations.Affiliations = append(w.affiliations.Affiliations, affiliationRow(act))
		}
		w.actors.Actors = append(w.actors.Actors, actorRow(act))
		w.actorIDs.IDs = append(w.actorIDs.IDs, act.ID)
	}
	for _, c := range doc.Claims {
		w.claims.Claims = append(w.claims.Claims, claimRow(c.Type, c.Source, c.Target, claimProps(c)))
	}
	for _, m := range doc.Mentions {
		w.mentions.Mentions = append(w.mentions.Mentions, map[string]any{
			"actor": m.Actor,
			"count": int64(m.Count),
		})
	}
	return w
}

// actorRow is the row of merge_actors.cypher for an actor.
func actorRow(act graph.Actor) map[string]any {
	// A nil Aliases is stored as no property and an empty one as an
	// empty list, so that both read back as they were loaded.
	var aliases any
	if act.Aliases != nil {
		aliases = slices.Clone(act.Aliases)
	}
	var affiliation any
	if act.Affiliation != "" {
		affiliation = act.Affiliation
	}
	return map[string]any{
		"id":           act.ID,
		"name":         act.Name,
		"name_ar":      act.NameAr,
		"aliases":      aliases,
		"aliases_text": strings.Join(act.Aliases, "\n"),
		"search_keys":  model.SearchKeys(act),
		"kind":         string(act.Kind),
		"affiliation":  affiliation,
	}
}

// affiliationRow is the row of create_affiliations.cypher for an actor with
// an affiliation.
func affiliationRow(act graph.Actor) map[string]any {
	return map[string]any{"actor": act.ID, "affiliation": act.Affiliation}
}

// claimRow is the row of create_claims.cypher for a claim with the given
// relationship properties.
func claimRow(t graph.RelationType, source, target string, props map[string]any) map[string]any {
	return map[string]any{"type": string(t), "source": source, "target": target, "props": props}
}

// claimProps are the properties of a claim's relationship.
func claimProps(c graph.Claim) map[string]any {
	return map[string]any{
		"id":         c.ID,
		"article":    c.Article,
		"quote":      c.Quote,
		"start":      int64(c.Start),
		"end":        int64(c.End),
		"certainty":  string(c.Certainty),
		"confidence": c.Confidence,
		"extractor":  c.Extractor,
		"rule":       c.Rule,
	}
}
