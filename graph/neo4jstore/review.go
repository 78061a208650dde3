package neo4jstore

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// Review on Neo4j keeps its state in the database, which is its persistence:
//
//	(:Decision {key, seq, kind, reviewer, time, reason, ...the fields of its kind})
//	    -[:CONCERNS]->(:Actor|:Article)    what the decision is about
//	(:Decision)-[:REJECTED]->(:RejectedClaim {id, type, source, target, article,
//	    quote, start, end, certainty, confidence, extractor, rule, status})
//	claim relationships: status ('confirmed'; none when unreviewed) and
//	    decision (the key of the Decision that confirmed, restored or added it)
//	(:ReviewLog {id: 'review', seq})    the lock and the decision counter
//
// A rejected claim leaves the graph (its relationship is deleted, so that no
// query sees it) for a RejectedClaim node, and comes back when restored.
// Every decision is one write transaction that first writes the ReviewLog
// node, so that decisions run one after the other, check the state they
// change and apply in full or not at all. The semantics are those of the
// memory store, which the contract suite (storetest) checks on both.

var _ graph.Reviewer = (*Store)(nil)

// Review checks d, applies it, records it as a Decision node and calls
// persist with the completed decision, all in one write transaction that
// commits only if persist succeeded, as graph.Reviewer specifies. With Neo4j
// the database is the record: persist may be nil. If the commit itself
// fails after persist succeeded, the decision is persisted but not applied
// (persist is called at most once).
func (s *Store) Review(ctx context.Context, d graph.Decision, persist func(graph.Decision) error) (graph.Decision, error) {
	op := fmt.Sprintf("review %s", d.Kind)
	if err := d.Validate(); err != nil {
		return d, fmt.Errorf("neo4jstore: %s: %w", op, err)
	}
	out, persisted := d, false
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		done, err := decide(ctx, tx, d, false)
		if err != nil {
			return err
		}
		if persist != nil && !persisted {
			if err := persist(done); err != nil {
				return err
			}
			persisted = true
		}
		out = done
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("neo4jstore: %s: %w", op, err)
	}
	return out, nil
}

// Replay applies recorded decisions in order, each in its own write
// transaction, as graph.Reviewer specifies: a decision that does not fit is
// skipped with a warning. An unreachable database or a cancelled ctx stops
// it with an error. A decision already recorded (same key) is not recorded
// twice, and one that conflicts with the state is skipped silently, so that
// replaying the database's own log (Decisions) after articles were loaded
// again re-applies what the load undid (names, merges, added claims) and
// nothing else.
func (s *Store) Replay(ctx context.Context, ds []graph.Decision) ([]string, error) {
	var warnings []string
	for i, d := range ds {
		if err := ctx.Err(); err != nil {
			return warnings, fmt.Errorf("neo4jstore: replay decisions: %w", err)
		}
		err := d.Validate()
		if err == nil {
			err = s.write(ctx, func(tx neo4j.ManagedTransaction) error {
				done, err := decide(ctx, tx, d, true)
				if errors.Is(err, graph.ErrConflict) {
					// A decision of this database's own log whose effect
					// holds (a rejected claim that reloading its article
					// left out) or that a later decision superseded.
					recs, rerr := run(ctx, tx, stmtReviewRecorded, keyParams{Key: decisionKey(done)})
					if rerr != nil {
						return rerr
					}
					if recorded, _ := single[bool](recs, "recorded"); recorded {
						return nil
					}
				}
				return err
			})
		}
		if err != nil {
			if errors.Is(err, graph.ErrUnavailable) || ctx.Err() != nil {
				return warnings, fmt.Errorf("neo4jstore: replay decisions: decision %d: %w", i+1, err)
			}
			warnings = append(warnings, fmt.Sprintf("decision %d (%s by %s at %s) not replayed: %v", i+1, d.Kind, d.Reviewer, d.Time.Format("2006-01-02 15:04"), err))
		}
	}
	return warnings, nil
}

// errRecordedBefore rolls back the transaction of a decision that
// ImportDecisions finds recorded by an earlier transaction.
var errRecordedBefore = errors.New("decision recorded before")

// ImportDecisions brings the review log of another store into the database:
// the decisions a memory store kept in its corrections file (the "reviews"
// list), in order, each in its own write transaction, applied and recorded
// as Decision nodes as Replay does, so that they become this database's own
// log. A decision the database has already recorded (same key: same kind,
// fields, reviewer and time) is skipped without being applied again, so
// that importing the same log twice, or after the database's own log was
// re-applied, changes nothing, and a later decision made on Neo4j (a claim
// restored after the imported rejection) stands. A decision that does not
// fit is skipped with a warning, as in Replay. imported counts the decisions
// applied and recorded now; already = len(ds) - imported - len(warnings).
// An unreachable database or a cancelled ctx stops it with an error.
func (s *Store) ImportDecisions(ctx context.Context, ds []graph.Decision) (imported int, warnings []string, err error) {
	for i, d := range ds {
		if err := ctx.Err(); err != nil {
			return imported, warnings, fmt.Errorf("neo4jstore: import decisions: %w", err)
		}
		err := d.Validate()
		if err == nil {
			err = s.write(ctx, func(tx neo4j.ManagedTransaction) error {
				done, err := decide(ctx, tx, d, true)
				if err != nil && !refusal(err) {
					return err
				}
				recs, rerr := run(ctx, tx, stmtReviewRecordedBefore, keyParams{Key: decisionKey(done)})
				if rerr != nil {
					return rerr
				}
				if before, _ := single[bool](recs, "recorded"); before {
					return errRecordedBefore // undo what decide applied again
				}
				return err
			})
		}
		switch {
		case err == nil:
			imported++
		case errors.Is(err, errRecordedBefore):
		case errors.Is(err, graph.ErrUnavailable) || ctx.Err() != nil:
			return imported, warnings, fmt.Errorf("neo4jstore: import decisions: decision %d: %w", i+1, err)
		default:
			warnings = append(warnings, fmt.Sprintf("decision %d (%s by %s at %s) not imported: %v", i+1, d.Kind, d.Reviewer, d.Time.Format("2006-01-02 15:04"), err))
		}
	}
	return imported, warnings, nil
}

// refusal reports whether err is a decision refused by the state of the
// graph (not found, conflict, invalid), after which its transaction can
// still run statements.
func refusal(err error) bool {
	return errors.Is(err, graph.ErrNotFound) || errors.Is(err, graph.ErrConflict) || errors.Is(err, graph.ErrInvalid)
}

// Decisions returns every decision recorded in the database, in the order
// they were made, in the form Replay takes (an added claim without the
// fields the store completes: ID, Quote, Extractor and Occurrence): the
// review log of a Neo4j store.
func (s *Store) Decisions(ctx context.Context) ([]graph.Decision, error) {
	var ds []graph.Decision
	err := s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stmtReviewLog, noParams{})
		if err != nil {
			return err
		}
		ds = make([]graph.Decision, 0, len(recs))
		for _, r := range recs {
			n, err := get[neo4j.Node](r, "d")
			if err != nil {
				return err
			}
			ds = append(ds, replayable(decisionOf(n.Props)))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: decisions: %w", err)
	}
	return ds, nil
}

// ReviewQueue returns the unreviewed claims, lowest confidence first, then
// by id.
func (s *Store) ReviewQueue(ctx context.Context, q graph.ReviewQuery) ([]graph.ReviewedClaim, error) {
	limit, err := q.PageLimit()
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: review queue: %w", err)
	}
	var out []graph.ReviewedClaim
	err = s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stmtReviewQueue, limitParams{Limit: int64(limit)})
		if err != nil {
			return err
		}
		claims, err := claimsOf(recs)
		if err != nil {
			return err
		}
		out = make([]graph.ReviewedClaim, 0, len(claims))
		for _, c := range claims {
			out = append(out, graph.ReviewedClaim{Claim: c, Status: graph.StatusUnreviewed})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: review queue: %w", err)
	}
	return out, nil
}

// RejectedClaims returns the rejected claims with the decisions that
// rejected them, most recently rejected first.
func (s *Store) RejectedClaims(ctx context.Context, q graph.ReviewQuery) ([]graph.ReviewedClaim, error) {
	limit, err := q.PageLimit()
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: rejected claims: %w", err)
	}
	var out []graph.ReviewedClaim
	err = s.read(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stmtReviewRejectedList, limitParams{Limit: int64(limit)})
		if err != nil {
			return err
		}
		out = make([]graph.ReviewedClaim, 0, len(recs))
		for _, r := range recs {
			rc, err := rejectedOf(r)
			if err != nil {
				return err
			}
			out = append(out, rc)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: rejected claims: %w", err)
	}
	return out, nil
}

// rejectedOf reads a record of (rc, d): a rejected claim and its decision.
func rejectedOf(r *neo4j.Record) (graph.ReviewedClaim, error) {
	rc, err1 := get[neo4j.Node](r, "rc")
	d, err2 := get[neo4j.Node](r, "d")
	if err := errors.Join(err1, err2); err != nil {
		return graph.ReviewedClaim{}, err
	}
	dec := decisionOf(d.Props)
	return graph.ReviewedClaim{Claim: rejectedClaimOf(rc.Props), Status: graph.StatusRejected, Decision: &dec}, nil
}

func rejectedClaimOf(p map[string]any) graph.Claim {
	return claimOf(str(p, "type"), str(p, "source"), str(p, "target"), p)
}

// claimRef is a claim in the graph with its relationship's element id and
// properties.
type claimRef struct {
	claim   graph.Claim
	element string
	props   map[string]any
}

func claimRefsOf(recs []*neo4j.Record) ([]claimRef, error) {
	claims, err := claimsOf(recs)
	if err != nil {
		return nil, err
	}
	refs := make([]claimRef, len(recs))
	for i, r := range recs {
		rel, err1 := get[neo4j.Relationship](r, "r")
		element, err2 := get[string](r, "element")
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		refs[i] = claimRef{claim: claims[i], element: element, props: rel.Props}
	}
	return refs, nil
}

// findClaim returns the claim in the graph with the given id.
func findClaim(ctx context.Context, tx neo4j.ManagedTransaction, id string) (claimRef, bool, error) {
	recs, err := run(ctx, tx, stmtReviewClaim, idParams{ID: id})
	if err != nil || len(recs) == 0 {
		return claimRef{}, false, err
	}
	refs, err := claimRefsOf(recs[:1])
	if err != nil {
		return claimRef{}, false, err
	}
	return refs[0], true, nil
}

// findRejected returns the rejected claim with the given id and the
// properties of its node.
func findRejected(ctx context.Context, tx neo4j.ManagedTransaction, id string) (map[string]any, bool, error) {
	recs, err := run(ctx, tx, stmtReviewRejected, idParams{ID: id})
	if err != nil || len(recs) == 0 {
		return nil, false, err
	}
	n, err := get[neo4j.Node](recs[0], "rc")
	if err != nil {
		return nil, false, err
	}
	return n.Props, true, nil
}

// decide checks d against the database, applies it and records it, in tx,
// after taking the review lock; it returns d completed. In replay, an
// add_claim, add_actor or add_name already in the graph is accepted (and
// an added claim marked as reviewed), as in the memory store.
func decide(ctx context.Context, tx neo4j.ManagedTransaction, d graph.Decision, replay bool) (graph.Decision, error) {
	recs, err := run(ctx, tx, stmtReviewLock, noParams{})
	if err != nil {
		return d, err
	}
	seq, err := single[int64](recs, "seq")
	if err != nil {
		return d, err
	}
	rec := recorder{ctx: ctx, tx: tx, seq: seq}
	apply, ok := deciders[d.Kind]
	if !ok {
		return d, fmt.Errorf("%w: kind: unknown decision %q", graph.ErrInvalid, d.Kind)
	}
	return apply(ctx, tx, rec, d, replay)
}

// decider applies and records one kind of decision in tx (see decide).
type decider func(ctx context.Context, tx neo4j.ManagedTransaction, rec recorder, d graph.Decision, replay bool) (graph.Decision, error)

// deciders holds the decider of every decision kind.
var deciders = map[graph.DecisionKind]decider{
	graph.DecisionConfirm:  decideConfirm,
	graph.DecisionReject:   decideReject,
	graph.DecisionRestore:  decideRestore,
	graph.DecisionAddClaim: decideAddClaim,
	graph.DecisionAddActor: decideAddActor,
	graph.DecisionAddName:  decideAddName,
	graph.DecisionMerge:    decideMerge,
}

// decideConfirm confirms a live claim (see decide).
func decideConfirm(ctx context.Context, tx neo4j.ManagedTransaction, rec recorder, d graph.Decision, replay bool) (graph.Decision, error) {
	ref, key, err := rec.recordOnLiveClaim(d, "is rejected: restore it instead")
	if err != nil {
		return d, err
	}
	_, err = run(ctx, tx, stmtReviewConfirmClaim, confirmParams{Decision: key, Element: ref.element})
	return d, err
}

// decideReject moves a live claim to a RejectedClaim node (see decide).
func decideReject(ctx context.Context, tx neo4j.ManagedTransaction, rec recorder, d graph.Decision, replay bool) (graph.Decision, error) {
	ref, key, err := rec.recordOnLiveClaim(d, "is already rejected")
	if err != nil {
		return d, err
	}
	if _, err := run(ctx, tx, stmtReviewDeleteClaim, elementParams{Element: ref.element}); err != nil {
		return d, err
	}
	props := maps.Clone(ref.props)
	delete(props, "decision")
	props["type"], props["source"], props["target"] = string(ref.claim.Type), ref.claim.Source, ref.claim.Target
	props["status"] = string(graph.StatusRejected)
	_, err = run(ctx, tx, stmtReviewReject, rejectParams{Claim: props, Decision: key})
	return d, err
}

// decideRestore brings a rejected claim back, confirmed (see decide).
func decideRestore(ctx context.Context, tx neo4j.ManagedTransaction, rec recorder, d graph.Decision, replay bool) (graph.Decision, error) {
	props, ok, err := findRejected(ctx, tx, d.ClaimID)
	if err != nil {
		return d, err
	}
	if !ok {
		if _, live, err := findClaim(ctx, tx, d.ClaimID); err != nil || live {
			return d, cmp.Or(err, fmt.Errorf("%w: claim %s is not rejected", graph.ErrConflict, d.ClaimID))
		}
		return d, fmt.Errorf("rejected claim %s: %w", d.ClaimID, graph.ErrNotFound)
	}
	c := rejectedClaimOf(props)
	if _, err := article(ctx, tx, c.Article); err != nil {
		return d, notFoundAs(err, fmt.Sprintf("article %q of claim %s", c.Article, d.ClaimID))
	}
	for _, id := range []string{c.Source, c.Target} {
		if _, err := actor(ctx, tx, id); err != nil {
			return d, notFoundAs(err, fmt.Sprintf("actor %q of claim %s", id, d.ClaimID))
		}
	}
	key, err := rec.record(d, c.Article, c.Source, c.Target)
	if err != nil {
		return d, err
	}
	if _, err := run(ctx, tx, stmtReviewDeleteRejected, idParams{ID: c.ID}); err != nil {
		return d, err
	}
	return d, createClaim(ctx, tx, c, confirmedProps(props, key))
}

// decideAddClaim adds a reviewer's claim, confirmed (see decide).
func decideAddClaim(ctx context.Context, tx neo4j.ManagedTransaction, rec recorder, d graph.Decision, replay bool) (graph.Decision, error) {
	art, err := article(ctx, tx, d.NewClaim.Article)
	if err != nil {
		return d, notFoundAs(err, fmt.Sprintf("article %q", d.NewClaim.Article))
	}
	for _, id := range []string{d.NewClaim.Source, d.NewClaim.Target} {
		if _, err := actor(ctx, tx, id); err != nil {
			return d, notFoundAs(err, fmt.Sprintf("actor %q", id))
		}
	}
	c, occurrence, err := graph.CompleteAddedClaim(*d.NewClaim, art.Text)
	if err != nil {
		return d, err
	}
	d.NewClaim, d.Occurrence = &c, occurrence
	ref, live, err := findClaim(ctx, tx, c.ID)
	if err != nil {
		return d, err
	}
	if live {
		if !replay {
			return d, fmt.Errorf("%w: the graph already holds this claim (%s)", graph.ErrConflict, c.ID)
		}
		key, err := rec.record(d, c.Article, c.Source, c.Target)
		if err != nil {
			return d, err
		}
		_, err = run(ctx, tx, stmtReviewConfirmClaim, confirmParams{Decision: key, Element: ref.element})
		return d, err
	}
	if _, ok, err := findRejected(ctx, tx, c.ID); err != nil || ok {
		return d, cmp.Or(err, fmt.Errorf("%w: this claim (%s) was rejected: restore it instead", graph.ErrConflict, c.ID))
	}
	key, err := rec.record(d, c.Article, c.Source, c.Target)
	if err != nil {
		return d, err
	}
	return d, createClaim(ctx, tx, c, confirmedProps(claimProps(c), key))
}

// decideAddActor adds an actor (see decide).
func decideAddActor(ctx context.Context, tx neo4j.ManagedTransaction, rec recorder, d graph.Decision, replay bool) (graph.Decision, error) {
	a := *d.Actor
	a.Kind, _ = graph.ParseKind(string(a.Kind))
	a.Aliases = slices.Clone(a.Aliases)
	d.Actor = &a
	if err := a.Validate(); err != nil {
		return d, err
	}
	if _, err := actor(ctx, tx, a.ID); err == nil {
		if !replay {
			return d, fmt.Errorf("%w: actor %q already exists", graph.ErrConflict, a.ID)
		}
		_, err := rec.record(d, "", a.ID)
		return d, err
	} else if !errors.Is(err, graph.ErrNotFound) {
		return d, err
	}
	if a.Affiliation != "" {
		if _, err := actor(ctx, tx, a.Affiliation); err != nil {
			return d, notFoundAs(err, fmt.Sprintf("affiliation %q", a.Affiliation))
		}
	}
	if err := upsertActor(ctx, tx, a); err != nil {
		return d, err
	}
	_, err := rec.record(d, "", a.ID)
	return d, err
}

// decideAddName adds a name to an actor (see decide).
func decideAddName(ctx context.Context, tx neo4j.ManagedTransaction, rec recorder, d graph.Decision, replay bool) (graph.Decision, error) {
	a, err := actor(ctx, tx, d.ActorID)
	if err != nil {
		return d, notFoundAs(err, fmt.Sprintf("actor %q", d.ActorID))
	}
	d.Name = strings.TrimSpace(d.Name)
	if slices.Contains(normalisedNames(a), arabic.Normalize(d.Name)) {
		if !replay {
			return d, fmt.Errorf("%w: actor %q already has the name %q", graph.ErrConflict, d.ActorID, d.Name)
		}
		_, err := rec.record(d, "", a.ID)
		return d, err
	}
	a.Aliases = append(a.Aliases, d.Name)
	if err := upsertActor(ctx, tx, a); err != nil {
		return d, err
	}
	_, err = rec.record(d, "", a.ID)
	return d, err
}

// decideMerge merges one actor into another (see decide).
func decideMerge(ctx context.Context, tx neo4j.ManagedTransaction, rec recorder, d graph.Decision, replay bool) (graph.Decision, error) {
	var both [2]graph.Actor
	for i, id := range []string{d.ActorID, d.Into} {
		a, err := actor(ctx, tx, id)
		if err != nil {
			return d, notFoundAs(err, fmt.Sprintf("actor %q", id))
		}
		both[i] = a
	}
	if _, err := rec.record(d, "", d.ActorID, d.Into); err != nil {
		return d, err
	}
	return d, merge(ctx, tx, both[0], both[1])
}

// notFoundAs names what was not found in a graph.ErrNotFound; other errors
// are returned as they are.
func notFoundAs(err error, what string) error {
	if errors.Is(err, graph.ErrNotFound) {
		return fmt.Errorf("%s: %w", what, graph.ErrNotFound)
	}
	return err
}

// normalisedNames returns the arabic.Normalize form of each name of a, as
// the memory store compares added names.
func normalisedNames(a graph.Actor) []string {
	names := actorNames(a)
	for i, n := range names {
		names[i] = arabic.Normalize(n)
	}
	return names
}

// confirmedProps returns claim relationship properties (from props, without
// the keys of a RejectedClaim node) confirmed by the decision key.
func confirmedProps(props map[string]any, key string) map[string]any {
	p := maps.Clone(props)
	for _, k := range []string{"type", "source", "target"} {
		delete(p, k)
	}
	p["status"], p["decision"] = string(graph.StatusConfirmed), key
	return p
}

// createClaim creates claim c with the relationship properties props and
// makes its actors mentioned in its article, once if they were not.
func createClaim(ctx context.Context, tx neo4j.ManagedTransaction, c graph.Claim, props map[string]any) error {
	if _, err := run(ctx, tx, stmtCreateClaims, claimsParams{Claims: []map[string]any{claimRow(c.Type, c.Source, c.Target, props)}}); err != nil {
		return err
	}
	_, err := run(ctx, tx, stmtReviewEnsureMentions, ensureMentionsParams{Article: c.Article, Actors: []string{c.Source, c.Target}})
	return err
}

// upsertActor writes a, its affiliation included.
func upsertActor(ctx context.Context, tx neo4j.ManagedTransaction, a graph.Actor) error {
	if _, err := run(ctx, tx, stmtMergeActors, actorsParams{Actors: []map[string]any{actorRow(a)}}); err != nil {
		return err
	}
	if _, err := run(ctx, tx, stmtDeleteAffiliations, idsParams{IDs: []string{a.ID}}); err != nil {
		return err
	}
	if a.Affiliation == "" {
		return nil
	}
	_, err := run(ctx, tx, stmtCreateAffiliations, affiliationsParams{Affiliations: []map[string]any{affiliationRow(a)}})
	return err
}

// merge makes every claim and mention of actor from one of into (claims
// that would link into to itself are dropped, duplicates kept once, claim
// ids recomputed with their review status carried over), renames rejected
// claims alike, gives into from's names as aliases, moves from's
// affiliated actors and decisions to into and deletes from: the memory
// store's merge.
func merge(ctx context.Context, tx neo4j.ManagedTransaction, from, into graph.Actor) error {
	moveClaim := func(c graph.Claim) (graph.Claim, bool) { return graph.MergedClaim(c, from.ID, into.ID) }
	recs, err := run(ctx, tx, stmtReviewClaimsOfActor, idParams{ID: from.ID})
	if err != nil {
		return err
	}
	refs, err := claimRefsOf(recs)
	if err != nil {
		return err
	}
	slices.SortFunc(refs, func(a, b claimRef) int { return cmp.Compare(a.claim.ID, b.claim.ID) })
	var articles []string
	for _, ref := range refs {
		if _, err := run(ctx, tx, stmtReviewDeleteClaim, elementParams{Element: ref.element}); err != nil {
			return err
		}
		if !slices.Contains(articles, ref.claim.Article) {
			articles = append(articles, ref.claim.Article)
		}
	}
	var rows []map[string]any
	for _, ref := range refs {
		moved, ok := moveClaim(ref.claim)
		if !ok {
			continue
		}
		if _, dup, err := findClaim(ctx, tx, moved.ID); err != nil || dup {
			if err != nil {
				return err
			}
			continue
		}
		props := maps.Clone(ref.props)
		props["id"] = moved.ID
		rows = append(rows, claimRow(moved.Type, moved.Source, moved.Target, props))
		if _, err := run(ctx, tx, stmtCreateClaims, claimsParams{Claims: rows[len(rows)-1:]}); err != nil {
			return err
		}
	}
	p := mergeParams{From: from.ID, Into: into.ID}
	if _, err := run(ctx, tx, stmtReviewMergeMentions, p); err != nil {
		return err
	}
	for _, art := range articles {
		if _, err := run(ctx, tx, stmtReviewEnsureMentions, ensureMentionsParams{Article: art, Actors: []string{into.ID}}); err != nil {
			return err
		}
	}
	recs, err = run(ctx, tx, stmtReviewRejectedOfActor, idParams{ID: from.ID})
	if err != nil {
		return err
	}
	for _, r := range recs {
		n, err := get[neo4j.Node](r, "rc")
		if err != nil {
			return err
		}
		c := rejectedClaimOf(n.Props)
		moved, ok := moveClaim(c)
		if !ok || moved.ID == c.ID {
			continue
		}
		if _, err := run(ctx, tx, stmtReviewDeleteRejected, idParams{ID: moved.ID}); err != nil {
			return err
		}
		props := map[string]any{"id": moved.ID, "source": moved.Source, "target": moved.Target}
		if _, err := run(ctx, tx, stmtReviewUpdateRejected, updateRejectedParams{ID: c.ID, Props: props}); err != nil {
			return err
		}
	}
	names := normalisedNames(into)
	a := into
	for _, n := range actorNames(from) {
		if n != "" && !slices.Contains(names, arabic.Normalize(n)) && !slices.Contains(a.Aliases, n) {
			a.Aliases = append(a.Aliases, n)
		}
	}
	if _, err := run(ctx, tx, stmtMergeActors, actorsParams{Actors: []map[string]any{actorRow(a)}}); err != nil {
		return err
	}
	for _, st := range []statement[mergeParams]{stmtReviewMergeAffiliation, stmtReviewMergeDecisions} {
		if _, err := run(ctx, tx, st, p); err != nil {
			return err
		}
	}
	_, err = run(ctx, tx, stmtReviewDeleteActor, idParams{ID: from.ID})
	return err
}

// recorder records decisions as Decision nodes.
type recorder struct {
	ctx context.Context
	tx  neo4j.ManagedTransaction
	seq int64
}

// recordOnLiveClaim records d about the claim d.ClaimID, which must be in the
// graph: a rejected claim is graph.ErrConflict with "claim ID <ifRejected>",
// an unknown one graph.ErrNotFound. It returns the claim and the decision's key.
func (r recorder) recordOnLiveClaim(d graph.Decision, ifRejected string) (claimRef, string, error) {
	if _, ok, err := findRejected(r.ctx, r.tx, d.ClaimID); err != nil || ok {
		return claimRef{}, "", cmp.Or(err, fmt.Errorf("%w: claim %s %s", graph.ErrConflict, d.ClaimID, ifRejected))
	}
	ref, ok, err := findClaim(r.ctx, r.tx, d.ClaimID)
	if err != nil || !ok {
		return claimRef{}, "", cmp.Or(err, fmt.Errorf("claim %s: %w", d.ClaimID, graph.ErrNotFound))
	}
	key, err := r.record(d, ref.claim.Article, ref.claim.Source, ref.claim.Target)
	return ref, key, err
}

// record creates the Decision node of d (completed), unless one with its
// key exists, linked to the article (if not "") and actors it concerns, and
// returns its key.
func (r recorder) record(d graph.Decision, article string, actors ...string) (string, error) {
	key := decisionKey(d)
	var art any
	if article != "" {
		art = article
	}
	_, err := run(r.ctx, r.tx, stmtReviewRecord, recordParams{Actors: actors, Article: art, Key: key, Props: decisionProps(d, r.seq)})
	return key, err
}

// replayable returns d without the fields the store completes.
func replayable(d graph.Decision) graph.Decision {
	if c := d.NewClaim; c != nil {
		d.NewClaim = &graph.Claim{Article: c.Article, Type: c.Type, Source: c.Source, Target: c.Target,
			Start: c.Start, End: c.End, Certainty: c.Certainty, Confidence: c.Confidence}
		d.Occurrence = 0
	}
	return d
}

// decisionKey identifies a completed decision: what was decided, by whom
// and when. Replaying a decision gives the same key.
func decisionKey(d graph.Decision) string {
	d.Time = d.Time.UTC()
	b, _ := json.Marshal(d)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// decisionProps are the properties of the Decision node of d: the kind,
// reviewer, time, reason and sequence number, and the fields of its kind.
// decisionOf reads them back.
func decisionProps(d graph.Decision, seq int64) map[string]any {
	p := map[string]any{
		"seq":      seq,
		"kind":     string(d.Kind),
		"reviewer": d.Reviewer,
		"time":     d.Time.UTC(),
		"reason":   d.Reason,
	}
	switch d.Kind {
	case graph.DecisionConfirm, graph.DecisionReject, graph.DecisionRestore:
		p["claim"] = d.ClaimID
	case graph.DecisionAddClaim:
		maps.Copy(p, claimProps(*d.NewClaim))
		delete(p, "id")
		p["claim"] = d.NewClaim.ID
		p["type"], p["source"], p["target"] = string(d.NewClaim.Type), d.NewClaim.Source, d.NewClaim.Target
		p["occurrence"] = int64(d.Occurrence)
	case graph.DecisionAddActor:
		for k, v := range actorRow(*d.Actor) {
			switch k {
			case "id", "name", "name_ar", "aliases", "affiliation":
				p["actor_"+k] = v
			case "kind":
				p["actor_kind"] = v
			}
		}
	case graph.DecisionAddName:
		p["actor_id"], p["name"] = d.ActorID, d.Name
	case graph.DecisionMerge:
		p["actor_id"], p["into"] = d.ActorID, d.Into
	}
	return p
}

// decisionOf reads the properties of a Decision node.
func decisionOf(p map[string]any) graph.Decision {
	d := graph.Decision{
		Kind:     graph.DecisionKind(str(p, "kind")),
		Reviewer: str(p, "reviewer"),
		Reason:   str(p, "reason"),
	}
	if t, ok := p["time"].(time.Time); ok {
		d.Time = t.UTC()
	}
	switch d.Kind {
	case graph.DecisionConfirm, graph.DecisionReject, graph.DecisionRestore:
		d.ClaimID = str(p, "claim")
	case graph.DecisionAddClaim:
		c := claimOf(str(p, "type"), str(p, "source"), str(p, "target"), p)
		c.ID = str(p, "claim")
		d.NewClaim = &c
		occurrence, _ := p["occurrence"].(int64)
		d.Occurrence = int(occurrence)
	case graph.DecisionAddActor:
		d.Actor = &graph.Actor{
			ID:          str(p, "actor_id"),
			Name:        str(p, "actor_name"),
			NameAr:      str(p, "actor_name_ar"),
			Aliases:     strs(p, "actor_aliases"),
			Kind:        graph.Kind(str(p, "actor_kind")),
			Affiliation: str(p, "actor_affiliation"),
		}
	case graph.DecisionAddName:
		d.ActorID, d.Name = str(p, "actor_id"), str(p, "name")
	case graph.DecisionMerge:
		d.ActorID, d.Into = str(p, "actor_id"), str(p, "into")
	}
	return d
}
