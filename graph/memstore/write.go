package memstore

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/rawabit/rawabit/graph"
)

// The writers: loading and deleting articles.

// LoadArticle stores doc after doc.Validate, replacing the claims and
// mentions of any earlier version of the article, as graph.Writer
// specifies. An invalid document is an error wrapping graph.ErrInvalid and
// leaves the store unchanged.
func (s *Store) LoadArticle(ctx context.Context, doc graph.Document) error {
	if err := doc.Validate(); err != nil {
		return fmt.Errorf("memstore: load article %q: %w", doc.Article.ID, err)
	}
	s.lockForWrite()
	defer s.mu.Unlock()
	if err := s.check(ctx, fmt.Sprintf("load article %q", doc.Article.ID)); err != nil {
		return err
	}
	s.load(doc)
	return nil
}

// load stores a valid document. The caller holds the write lock.
func (s *Store) load(doc graph.Document) {
	slot, recs := s.addArticle(doc, nil)
	for i := range recs {
		r := &recs[i]
		pi := s.pairOf(r.src, r.dst)
		p := &s.pairList[pi]
		s.addToPair(p, edgeClaim{slot: slot, idx: int32(i)})
	}
	s.nClaims += len(recs)
}

// addArticle stores a valid document's article, actors, mentions and claim
// records, replacing any earlier version of the article, but does not link
// the claims to their pairs: it returns the article's slot and claim
// records for that. The caller holds the write lock.
// With an arena (loadBulk, after loadMany), the article is new, its
// strings are already the store's own copy, its claims are sorted, and its
// records come from the arena; without one (nil), each is allocated.
func (s *Store) addArticle(doc graph.Document, ar *batchArena) (slot int32, recs []claimRec) {
	owned := ar != nil
	// The store keeps its own copy of the text, of its exact size, rather
	// than the caller's, which may be part of a larger buffer; a reload of
	// the same text (review) keeps the copy it has.
	art := doc.Article
	if slot, ok := s.articles[art.ID]; ok {
		if old := s.hot[slot].text; old == art.Text {
			art.Text = old
		} else {
			art.Text = strings.Clone(art.Text)
		}
		s.unlink(slot)
	} else if !owned {
		art.Text = strings.Clone(art.Text)
	}
	namesChanged := false
	for _, a := range doc.Actors {
		if s.upsertActor(a) {
			namesChanged = true
		}
	}
	if namesChanged {
		s.search.Store(nil)
	}
	claims := doc.Claims
	if !owned && !slices.IsSortedFunc(claims, byStartThenID) {
		claims = slices.Clone(claims)
		slices.SortFunc(claims, byStartThenID)
	}
	e := ar.entry()
	*e = articleEntry{
		title:      art.Title,
		url:        art.URL,
		published:  art.Published,
		source:     s.internExtractor(art.Source),
		language:   s.internExtractor(art.Language),
		dateSource: s.internExtractor(string(art.DateSource)),
		sha:        decodeSHA256(doc.Article.SHA256),
		mentions:   ar.mentionRecs(len(doc.Mentions)),
	}
	recs = ar.claimRecs(len(claims))
	for i, c := range claims {
		if len(c.ID) != idLen {
			panic(fmt.Sprintf("memstore: claim id %q passed validation but is not %d bytes", c.ID, idLen))
		}
		k := idKey(c.ID)
		recs[i] = claimRec{
			keyHi: uint32(k >> 32),
			keyLo: uint32(k),
			src:   s.actors[c.Source].index,
			dst:   s.actors[c.Target].index,
			start: int32(c.Start),
			end:   int32(c.End),
			meta: s.internMeta(claimMeta{
				confidence: c.Confidence,
				extractor:  s.internExtractor(c.Extractor),
				rule:       s.internExtractor(c.Rule),
				bits:       typeBit(c.Type) | certaintyBit(c.Certainty),
			}),
		}
	}
	if n := len(s.freeSlots); n > 0 {
		slot = s.freeSlots[n-1]
		s.freeSlots = s.freeSlots[:n-1]
		s.bySlot[slot] = e
		s.hot[slot] = articleHot{id: art.ID, text: art.Text, claims: recs, day: dayNumber(art.Published)}
	} else {
		slot = int32(len(s.bySlot))
		s.bySlot = append(s.bySlot, e)
		s.hot = append(s.hot, articleHot{id: art.ID, text: art.Text, claims: recs, day: dayNumber(art.Published)})
	}
	s.articles[doc.Article.ID] = slot
	for i, m := range doc.Mentions {
		a := s.actors[m.Actor]
		c := min(m.Count, manyMentions)
		if c == manyMentions {
			s.bigMentions[bigMention(slot, a.index)] = int32(m.Count)
		}
		e.mentions[i] = mentionRec(uint32(c)<<classShift | uint32(a.index))
		a.articles++
	}
	return slot, recs
}

// upsertActor stores a and reports whether its searchable names changed.
func (s *Store) upsertActor(a graph.Actor) bool {
	if e, ok := s.actors[a.ID]; ok && sameActor(e.actor, a) {
		return false
	}
	a.Aliases = slices.Clone(a.Aliases)
	if e, ok := s.actors[a.ID]; ok {
		changed := !slices.Equal(e.names(), normalNames(a)) || e.actor.Kind != a.Kind
		e.actor = a
		return changed
	}
	if len(s.byIndex) >= maxActors {
		panic(fmt.Sprintf("memstore: more than %d actors", maxActors))
	}
	e := &actorEntry{actor: a, index: int32(len(s.byIndex))}
	s.actors[a.ID] = e
	s.byIndex = append(s.byIndex, e)
	s.rankIdx.Store(nil)
	return true
}

func sameActor(a, b graph.Actor) bool {
	return a.ID == b.ID && a.Name == b.Name && a.NameAr == b.NameAr && a.Kind == b.Kind &&
		a.Affiliation == b.Affiliation && slices.Equal(a.Aliases, b.Aliases)
}

// unlink removes the article in slot with its claims and mentions from the
// indexes. The caller holds the write lock.
func (s *Store) unlink(slot int32) {
	e, recs := s.bySlot[slot], s.hot[slot].claims
	for i := range recs {
		r := &recs[i]
		pi, _ := s.pairOfActors(r.src, r.dst)
		p := &s.pairList[pi]
		s.removeFromPair(p, slices.IndexFunc(s.claimsOfPair(pi), func(ec edgeClaim) bool { return ec.slot == slot && ec.idx == int32(i) }))
		if p.n == 0 {
			lo, hi := s.byIndex[r.src], s.byIndex[r.dst]
			i := lo.nbrAt(hi.index, hi.class)
			lo.nbrs = slices.Delete(lo.nbrs, i, i+1)
			i = hi.nbrAt(lo.index, lo.class)
			hi.nbrs = slices.Delete(hi.nbrs, i, i+1)
			lo.reup()
			hi.reup()
			*p = pair{}
			s.freePairs = append(s.freePairs, pi)
		}
	}
	for _, m := range e.mentions {
		s.byIndex[m.actor()].articles--
		delete(s.bigMentions, bigMention(slot, m.actor()))
	}
	s.nClaims -= len(recs)
	delete(s.articles, s.hot[slot].id)
	s.bySlot[slot] = nil
	s.hot[slot] = articleHot{}
	s.freeSlots = append(s.freeSlots, slot)
}

// DeleteArticle removes an article with its claims and mentions; its actors
// stay. An unknown id is an error wrapping graph.ErrNotFound.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	s.lockForWrite()
	defer s.mu.Unlock()
	if err := s.check(ctx, fmt.Sprintf("delete article %q", id)); err != nil {
		return err
	}
	slot, ok := s.articles[id]
	if !ok {
		return fmt.Errorf("memstore: delete: %w", graph.NotFound("article", id))
	}
	s.unlink(slot)
	return nil
}

// byStartThenID is the order of an article's claims.
func byStartThenID(a, b graph.Claim) int {
	// Not cmp.Or, which compares the ids of claims that differ by start
	// too: that was a tenth of writing a batch.
	if a.Start != b.Start {
		return cmp.Compare(a.Start, b.Start)
	}
	return cmp.Compare(a.ID, b.ID)
}

// decodeSHA256 decodes an article's SHA256, which Document.Validate checked
// to be the hex digits of its text's hash.
func decodeSHA256(h string) [sha256.Size]byte {
	var b [sha256.Size]byte
	if n, err := hex.Decode(b[:], []byte(h)); err != nil || n != len(b) {
		panic(fmt.Sprintf("memstore: article sha256 %q passed validation but is not %d hex bytes", h, len(b)))
	}
	return b
}
