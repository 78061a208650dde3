package memstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// reviewState is what review mode adds to the store: the last decision
// about each reviewed claim and the rejected claims, out of the graph until
// restored. It is guarded by Store.mu.
type reviewState struct {
	// decided holds, by claim id, the last decision of a claim in the graph
	// (confirm, restore, add_claim).
	decided map[string]graph.Decision
	// rejected holds the rejected claims by id.
	rejected map[string]rejectedClaim
	seq      int
}

type rejectedClaim struct {
	claim    graph.Claim
	decision graph.Decision
	seq      int
}

func (r *reviewState) init() {
	if r.decided == nil {
		r.decided = map[string]graph.Decision{}
		r.rejected = map[string]rejectedClaim{}
	}
}

// Store is a graph.Store and a graph.Reviewer.
var (
	_ graph.Store    = (*Store)(nil)
	_ graph.Reviewer = (*Store)(nil)
)

// Review checks d, calls persist with the completed decision and applies
// it, as graph.Reviewer specifies, under the write lock.
func (s *Store) Review(ctx context.Context, d graph.Decision, persist func(graph.Decision) error) (graph.Decision, error) {
	op := fmt.Sprintf("review %s", d.Kind)
	if err := d.Validate(); err != nil {
		return d, fmt.Errorf("memstore: %s: %w", op, err)
	}
	s.lockForWrite()
	defer s.mu.Unlock()
	if err := s.check(ctx, op); err != nil {
		return d, err
	}
	d, apply, err := s.prepare(d, false)
	if err != nil {
		return d, fmt.Errorf("memstore: %s: %w", op, err)
	}
	if persist != nil {
		if err := persist(d); err != nil {
			return d, fmt.Errorf("memstore: %s: %w", op, err)
		}
	}
	apply()
	return d, nil
}

// Replay applies recorded decisions in order, as graph.Reviewer specifies.
func (s *Store) Replay(ctx context.Context, ds []graph.Decision) ([]string, error) {
	s.lockForWrite()
	defer s.mu.Unlock()
	var warnings []string
	for i, d := range ds {
		if err := s.check(ctx, "replay decisions"); err != nil {
			return warnings, err
		}
		err := d.Validate()
		var apply func()
		if err == nil {
			_, apply, err = s.prepare(d, true)
		}
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("decision %d (%s by %s at %s) not replayed: %v", i+1, d.Kind, d.Reviewer, d.Time.Format("2006-01-02 15:04"), err))
			continue
		}
		apply()
	}
	return warnings, nil
}

// prepare checks d against the store and returns it completed with the
// function that applies it. The caller holds the write lock and calls apply
// at most once, before anything else changes the store. In replay, an
// add_claim, add_actor or add_name that is already in the store (loaded
// from the files the decision was persisted to) is accepted.
func (s *Store) prepare(d graph.Decision, replay bool) (graph.Decision, func(), error) {
	s.review.init()
	r := &s.review
	switch d.Kind {
	case graph.DecisionConfirm:
		if _, ok := r.rejected[d.ClaimID]; ok {
			return d, nil, graph.Conflictf("claim %s is rejected: restore it instead", d.ClaimID)
		}
		if _, _, ok := s.findClaim(d.ClaimID); !ok {
			return d, nil, graph.NotFound("claim", d.ClaimID)
		}
		return d, func() { r.decided[d.ClaimID] = d }, nil

	case graph.DecisionReject:
		if _, ok := r.rejected[d.ClaimID]; ok {
			return d, nil, graph.Conflictf("claim %s is already rejected", d.ClaimID)
		}
		slot, idx, ok := s.findClaim(d.ClaimID)
		if !ok {
			return d, nil, graph.NotFound("claim", d.ClaimID)
		}
		return d, func() {
			doc := s.document(slot)
			c := doc.Claims[idx]
			doc.Claims = slices.Delete(doc.Claims, idx, idx+1)
			s.load(doc)
			delete(r.decided, d.ClaimID)
			r.seq++
			r.rejected[d.ClaimID] = rejectedClaim{claim: c, decision: d, seq: r.seq}
		}, nil

	case graph.DecisionRestore:
		rc, ok := r.rejected[d.ClaimID]
		if !ok {
			if _, _, live := s.findClaim(d.ClaimID); live {
				return d, nil, graph.Conflictf("claim %s is not rejected", d.ClaimID)
			}
			return d, nil, graph.NotFound("rejected claim", d.ClaimID)
		}
		slot, ok := s.articles[rc.claim.Article]
		if !ok {
			return d, nil, fmt.Errorf("claim %s: %w", d.ClaimID, graph.NotFound("article", rc.claim.Article))
		}
		for _, id := range []string{rc.claim.Source, rc.claim.Target} {
			if _, ok := s.actors[id]; !ok {
				return d, nil, fmt.Errorf("claim %s: %w", d.ClaimID, graph.NotFound("actor", id))
			}
		}
		return d, func() {
			s.loadWithClaim(slot, rc.claim)
			delete(r.rejected, d.ClaimID)
			r.decided[d.ClaimID] = d
		}, nil

	case graph.DecisionAddClaim:
		c, occurrence, err := s.newClaim(*d.NewClaim)
		if err != nil {
			return d, nil, err
		}
		d.NewClaim, d.Occurrence = &c, occurrence
		slot := s.articles[c.Article]
		if _, _, live := s.findClaim(c.ID); live {
			if replay {
				return d, func() { r.decided[c.ID] = d }, nil
			}
			return d, nil, graph.Conflictf("the graph already holds this claim (%s)", c.ID)
		}
		if _, ok := r.rejected[c.ID]; ok {
			return d, nil, graph.Conflictf("this claim (%s) was rejected: restore it instead", c.ID)
		}
		return d, func() {
			s.loadWithClaim(slot, c)
			r.decided[c.ID] = d
		}, nil

	case graph.DecisionAddActor:
		a := *d.Actor
		a.Kind, _ = graph.ParseKind(string(a.Kind))
		a.Aliases = slices.Clone(a.Aliases)
		d.Actor = &a
		if err := a.Validate(); err != nil {
			return d, nil, err
		}
		if _, ok := s.actors[a.ID]; ok {
			if replay {
				return d, func() {}, nil
			}
			return d, nil, graph.Conflictf("actor %q already exists", a.ID)
		}
		if a.Affiliation != "" {
			if _, ok := s.actors[a.Affiliation]; !ok {
				return d, nil, graph.NotFound("affiliation", a.Affiliation)
			}
		}
		return d, func() {
			s.upsertActor(a)
			s.search.Store(nil)
		}, nil

	case graph.DecisionAddName:
		e, ok := s.actors[d.ActorID]
		if !ok {
			return d, nil, graph.NotFound("actor", d.ActorID)
		}
		d.Name = strings.TrimSpace(d.Name)
		if slices.Contains(e.names(), arabic.Normalize(d.Name)) {
			if replay {
				return d, func() {}, nil
			}
			return d, nil, graph.Conflictf("actor %q already has the name %q", d.ActorID, d.Name)
		}
		return d, func() {
			a := e.copyActor()
			a.Aliases = append(a.Aliases, d.Name)
			s.upsertActor(a)
			s.search.Store(nil)
		}, nil

	case graph.DecisionMerge:
		for _, id := range []string{d.ActorID, d.Into} {
			if _, ok := s.actors[id]; !ok {
				return d, nil, graph.NotFound("actor", id)
			}
		}
		return d, func() { s.merge(d.ActorID, d.Into) }, nil
	}
	return d, nil, graph.Invalidf("kind", "unknown decision %q", d.Kind)
}

// newClaim completes a claim a reviewer added: its article and actors must
// exist, its offsets select whole characters of non-blank text, and the
// quote must be reachable as the n-th non-overlapping occurrence (so that
// claims.yaml can name it). It returns the claim and that occurrence.
func (s *Store) newClaim(c graph.Claim) (graph.Claim, int, error) {
	slot, ok := s.articles[c.Article]
	if !ok {
		return c, 0, graph.NotFound("article", c.Article)
	}
	for _, id := range []string{c.Source, c.Target} {
		if _, ok := s.actors[id]; !ok {
			return c, 0, graph.NotFound("actor", id)
		}
	}
	return graph.CompleteAddedClaim(c, s.hot[slot].text)
}

// findClaim returns the article slot and position of the claim with the
// given id in the graph.
func (s *Store) findClaim(id string) (int32, int, bool) {
	if len(id) != idLen {
		return 0, 0, false
	}
	key := idKey(id)
	var b [idLen]byte
	if string(appendID(b[:0], key)) != id {
		return 0, 0, false // not a claim id: keys and ids correspond one to one
	}
	for slot, e := range s.bySlot {
		if e == nil {
			continue
		}
		for i, r := range s.hot[slot].claims {
			if r.key() == key {
				return int32(slot), i, true
			}
		}
	}
	return 0, 0, false
}

// document rebuilds the document of the article in slot: the article, its
// claims (in the store's order), its mentions and every actor these name
// with their affiliations. The caller holds the lock.
func (s *Store) document(slot int32) graph.Document {
	e := s.bySlot[slot]
	doc := graph.Document{Article: s.article(slot)}
	for i := range s.hot[slot].claims {
		doc.Claims = append(doc.Claims, s.claim(slot, int32(i)))
	}
	for _, m := range e.mentions {
		doc.Mentions = append(doc.Mentions, graph.Mention{Actor: s.byIndex[m.actor()].actor.ID, Count: s.mentionCount(slot, m)})
	}
	doc.Actors = s.actorsOf(doc)
	return doc
}

// actorsOf returns the actors a document's claims and mentions name, with
// their affiliations transitively, sorted by id, adding a mention of one
// for every claim actor not mentioned.
func (s *Store) actorsOf(doc graph.Document) []graph.Actor {
	seen := map[string]bool{}
	var out []graph.Actor
	var add func(id string)
	add = func(id string) {
		e, ok := s.actors[id]
		if seen[id] || !ok {
			return
		}
		seen[id] = true
		out = append(out, e.copyActor())
		add(e.actor.Affiliation)
	}
	for _, m := range doc.Mentions {
		add(m.Actor)
	}
	for _, c := range doc.Claims {
		add(c.Source)
		add(c.Target)
	}
	slices.SortFunc(out, func(a, b graph.Actor) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// loadWithClaim reloads the article in slot with claim c added (and its
// actors mentioned). The caller holds the write lock.
func (s *Store) loadWithClaim(slot int32, c graph.Claim) {
	doc := s.document(slot)
	doc.Claims = append(doc.Claims, c)
	doc.Mentions = withMentions(doc.Mentions, c.Source, c.Target)
	doc.Actors = s.actorsOf(doc)
	s.load(doc)
}

// withMentions adds a mention of one for each id not yet mentioned.
func withMentions(ms []graph.Mention, ids ...string) []graph.Mention {
	for _, id := range ids {
		if !slices.ContainsFunc(ms, func(m graph.Mention) bool { return m.Actor == id }) {
			ms = append(ms, graph.Mention{Actor: id, Count: 1})
		}
	}
	return ms
}

// merge makes every claim and mention of actor from one of into (claims
// that would link into to itself are dropped, duplicates kept once, claim
// ids recomputed and their review state carried over), gives into from's
// names as aliases and removes from. The caller holds the write lock.
func (s *Store) merge(from, into string) {
	fe := s.actors[from]
	r := &s.review
	rename := func(id string) string {
		if id == from {
			return into
		}
		return id
	}
	moveClaim := func(c graph.Claim) (graph.Claim, bool) { return graph.MergedClaim(c, from, into) }
	for slot, e := range s.bySlot {
		if e == nil || !slices.ContainsFunc(e.mentions, func(m mentionRec) bool { return m.actor() == fe.index }) &&
			!slices.ContainsFunc(s.hot[slot].claims, func(c claimRec) bool { return c.src == fe.index || c.dst == fe.index }) {
			continue
		}
		doc := s.document(int32(slot))
		var claims []graph.Claim
		seen := map[string]bool{}
		for _, c := range doc.Claims {
			moved, ok := moveClaim(c)
			if ok && !seen[moved.ID] {
				seen[moved.ID] = true
				claims = append(claims, moved)
			}
			if d, ok := r.decided[c.ID]; ok && moved.ID != c.ID {
				delete(r.decided, c.ID)
				r.decided[moved.ID] = d
			}
		}
		counts := map[string]int{}
		var order []string
		for _, m := range doc.Mentions {
			id := rename(m.Actor)
			if _, ok := counts[id]; !ok {
				order = append(order, id)
			}
			counts[id] += m.Count
		}
		doc.Claims, doc.Mentions = claims, nil
		for _, id := range order {
			doc.Mentions = append(doc.Mentions, graph.Mention{Actor: id, Count: counts[id]})
		}
		doc.Mentions = withMentions(doc.Mentions, into)
		doc.Actors = s.actorsOf(doc)
		s.load(doc)
	}
	for id, rc := range r.rejected {
		if moved, ok := moveClaim(rc.claim); ok && moved.ID != id {
			delete(r.rejected, id)
			rc.claim = moved
			r.rejected[moved.ID] = rc
		}
	}
	ie := s.actors[into]
	a := ie.copyActor()
	ieNames := ie.names()
	for _, n := range append([]string{fe.actor.Name, fe.actor.NameAr}, fe.actor.Aliases...) {
		if n != "" && !slices.Contains(ieNames, arabic.Normalize(n)) && !slices.Contains(a.Aliases, n) {
			a.Aliases = append(a.Aliases, n)
		}
	}
	s.upsertActor(a)
	for _, e := range s.actors {
		if e.actor.Affiliation == from {
			b := e.copyActor()
			b.Affiliation = into
			s.upsertActor(b)
		}
	}
	delete(s.actors, from)
	fe.nbrs, fe.merged, fe.up = nil, true, 0
	s.search.Store(nil)
}

// ReviewQueue returns the unreviewed claims, lowest confidence first, then
// by id.
func (s *Store) ReviewQueue(ctx context.Context, q graph.ReviewQuery) ([]graph.ReviewedClaim, error) {
	limit, err := q.PageLimit()
	if err != nil {
		return nil, fmt.Errorf("memstore: review: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "review queue"); err != nil {
		return nil, err
	}
	type ref struct {
		confidence float64
		key        uint64 // ordered as the ids
		slot, idx  int32
	}
	var b [idLen]byte
	var refs []ref
	for slot, e := range s.bySlot {
		if slot%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("memstore: review queue: %w", err)
			}
		}
		if e == nil {
			continue
		}
		for i, r := range s.hot[slot].claims {
			key := r.key()
			if _, done := s.review.decided[string(appendID(b[:0], key))]; !done {
				refs = append(refs, ref{s.metas[r.meta].confidence, key, int32(slot), int32(i)})
			}
		}
	}
	slices.SortFunc(refs, func(a, b ref) int {
		return cmp.Or(cmp.Compare(a.confidence, b.confidence), cmp.Compare(a.key, b.key))
	})
	out := make([]graph.ReviewedClaim, 0, min(limit, len(refs)))
	for _, r := range refs[:min(limit, len(refs))] {
		out = append(out, graph.ReviewedClaim{Claim: s.claim(r.slot, r.idx), Status: graph.StatusUnreviewed})
	}
	return out, nil
}

// RejectedClaims returns the rejected claims, most recently rejected first.
func (s *Store) RejectedClaims(ctx context.Context, q graph.ReviewQuery) ([]graph.ReviewedClaim, error) {
	limit, err := q.PageLimit()
	if err != nil {
		return nil, fmt.Errorf("memstore: review: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx, "rejected claims"); err != nil {
		return nil, err
	}
	rs := make([]rejectedClaim, 0, len(s.review.rejected))
	for _, rc := range s.review.rejected {
		rs = append(rs, rc)
	}
	slices.SortFunc(rs, func(a, b rejectedClaim) int { return cmp.Compare(b.seq, a.seq) })
	out := make([]graph.ReviewedClaim, 0, min(limit, len(rs)))
	for _, rc := range rs[:min(limit, len(rs))] {
		d := rc.decision
		out = append(out, graph.ReviewedClaim{Claim: rc.claim, Status: graph.StatusRejected, Decision: &d})
	}
	return out, nil
}
