package memstore

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"time"

	"github.com/rawabit/rawabit/graph"
)

// How claims and articles are kept (fixed-size records, interned metas)
// and rebuilt as graph values, sorted and filtered.

// articleHot is an article's id, text, claims (sorted by Start then ID)
// and day: what rebuilding and filtering its claims reads.
type articleHot struct {
	id, text string
	claims   []claimRec
	day      int32 // the article's day (dayNumber), for date ranges
}

// An entry keeps what the article has besides its ID and Text (which are in
// Store.hot): its title and URL, its date, its source, language and date
// source interned in Store.extractors, and its SHA256 decoded (32 bytes
// rather than 64 hex digits). Store.article gives the article back.
type articleEntry struct {
	title, url string
	published  time.Time
	// source, language and dateSource index Store.extractors.
	source, language, dateSource uint32
	sha                          [sha256.Size]byte
	// The article's claims are in Store.hot.
	mentions []mentionRec
}

// article returns the article stored in slot.
func (s *Store) article(slot int32) graph.Article {
	e, h := s.bySlot[slot], &s.hot[slot]
	return graph.Article{
		ID:         h.id,
		Title:      e.title,
		Source:     s.extractors[e.source],
		URL:        e.url,
		Published:  e.published,
		DateSource: graph.DateSource(s.extractors[e.dateSource]),
		Language:   s.extractors[e.language],
		Text:       h.text,
		SHA256:     hex.EncodeToString(e.sha[:]),
	}
}

// idLen is the length of a claim id: graph.ClaimID's 16 hex digits, which
// Document.Validate enforces.
const idLen = 16

// The id's key is kept as two 32-bit halves, so that a record is 28 bytes
// rather than 32 aligned.
type claimRec struct {
	keyHi, keyLo uint32 // idKey of the id
	src, dst     int32  // actor indexes
	start, end   int32
	meta         uint32 // index in Store.metas
}

// key returns the idKey of the claim's id.
func (r *claimRec) key() uint64 { return uint64(r.keyHi)<<32 | uint64(r.keyLo) }

// claimMeta is what many claims share: their confidence, extractor, rule,
// type and certainty, kept once in Store.metas.
type claimMeta struct {
	confidence float64
	extractor  uint32 // index in Store.extractors
	rule       uint32 // index in Store.extractors of Claim.Rule
	bits       uint8  // typeBit | certaintyBit
}

// internMeta returns the index of m in s.metas, adding it if needed.
func (s *Store) internMeta(m claimMeta) uint32 {
	if id, ok := s.metaIDs[m]; ok {
		return id
	}
	id := uint32(len(s.metas))
	s.metas = append(s.metas, m)
	s.metaIDs[m] = id
	return id
}

func (s *Store) internExtractor(name string) uint32 {
	if id, ok := s.extractorIDs[name]; ok {
		return id
	}
	id := uint32(len(s.extractors))
	s.extractors = append(s.extractors, name)
	s.extractorIDs[name] = id
	return id
}

// mentionRec is a mention in 4 bytes: the actor's index (below maxActors)
// and the count in the bits above it; a count of manyMentions or more is
// kept in Store.bigMentions.
type mentionRec uint32

// manyMentions is the count a mentionRec cannot hold.
const manyMentions = 1<<(32-classShift) - 1

// actor returns the index of the actor mentioned.
func (m mentionRec) actor() int32 { return int32(m & (maxActors - 1)) }

// mentionCount returns the count of mention m of the article in slot.
func (s *Store) mentionCount(slot int32, m mentionRec) int {
	if c := int(m >> classShift); c < manyMentions {
		return c
	}
	return int(s.bigMentions[bigMention(slot, m.actor())])
}

// bigMention is the key in Store.bigMentions of actor's mention in slot.
func bigMention(slot, actor int32) uint64 { return uint64(slot)<<32 | uint64(uint32(actor)) }

// claim rebuilds the claim at position i of the article in slot. Its
// strings share the store's memory but for its id, rebuilt from its key.
func (s *Store) claim(slot, i int32) graph.Claim {
	var b [idLen]byte
	return s.claimAs(slot, i, string(appendID(b[:0], s.hot[slot].claims[i].key())))
}

// claimAs is claim with the id already built.
func (s *Store) claimAs(slot, i int32, id string) graph.Claim {
	h := &s.hot[slot]
	return s.claimOf(h, &h.claims[i], id)
}

// claimOf builds the claim of record r of article h.
func (s *Store) claimOf(h *articleHot, r *claimRec, id string) graph.Claim {
	var c graph.Claim
	s.fillClaim(&c, h, r, id)
	return c
}

// fillClaim writes the claim of record r of article h into c, a zero
// claim, field by field rather than as a copy of a whole graph.Claim.
func (s *Store) fillClaim(c *graph.Claim, h *articleHot, r *claimRec, id string) {
	mt := &s.metas[r.meta]
	c.ID = id
	c.Type = typeOf(mt.bits)
	c.Source = s.byIndex[r.src].actor.ID
	c.Target = s.byIndex[r.dst].actor.ID
	c.Article = h.id
	c.Quote = h.text[r.start:r.end]
	c.Start, c.End = int(r.start), int(r.end)
	c.Certainty = certaintyOf(mt.bits)
	c.Confidence = mt.confidence
	c.Extractor = s.extractors[mt.extractor]
	c.Rule = s.extractors[mt.rule]
}

// sortedClaims rebuilds claims sorted by ID, at most limit of them.
func (s *Store) sortedClaims(cs []edgeClaim, limit int) []graph.Claim {
	var b claimBufs
	return s.sortedClaimsWith(&b, cs, limit)
}

// claimBufs is the reusable working memory of sortedClaimsWith and
// induced. It holds numbers only: no pointer is written into it, so that
// filling and sorting it costs no write barrier while the collector runs.
type claimBufs struct {
	found     []edgeClaim
	refs, tmp []claimRef
	starts    []int32
	pairs     []int32
	ids       []byte
	// touched keeps what the passes that only bring data into the cache
	// read, so that the compiler keeps them.
	touched uint32
}

// sortedClaimsWith is sortedClaims with its working memory in b.
func (s *Store) sortedClaimsWith(b *claimBufs, cs []edgeClaim, limit int) []graph.Claim {
	// Claims live in their articles, scattered in memory: the loads of
	// their keys do not depend on one another and overlap; then sort, and
	// build from records that are now in the cache.
	hot := s.hot
	refs := slices.Grow(b.refs[:0], len(cs))[:len(cs)]
	b.refs = refs
	// First the articles' entries alone, one independent load each, then
	// the records they lead to.
	n := 0
	for _, ec := range cs {
		n += len(hot[ec.slot].claims)
	}
	b.touched ^= uint32(n)
	// A 28-byte record may straddle two cache lines: its meta, at its
	// end, is read here too, so that both lines load in this pass.
	var metas uint32
	for i, ec := range cs {
		r := &hot[ec.slot].claims[ec.idx]
		refs[i] = claimRef{key: r.key(), ec: ec}
		metas ^= r.meta
	}
	b.touched ^= metas
	refs = b.sortByKey(refs)
	if len(refs) > limit {
		refs = refs[:limit]
	}
	buf := slices.Grow(b.ids[:0], idLen*len(refs))[:idLen*len(refs)]
	b.ids = buf
	for i, r := range refs {
		var k [8]byte
		binary.BigEndian.PutUint64(k[:], r.key)
		hex.Encode(buf[i*idLen:], k[:])
	}
	ids := string(buf)
	out := make([]graph.Claim, len(refs))
	for i, r := range refs {
		h := &hot[r.ec.slot]
		s.fillClaim(&out[i], h, &h.claims[r.ec.idx], ids[i*idLen:(i+1)*idLen])
	}
	return out
}

// claimRef is a claim being sorted by its key.
type claimRef struct {
	key uint64
	ec  edgeClaim
}

// sortByKey returns cs sorted by key, that is by claim id, in a new slice
// or in cs. Keys are the leading bits of a SHA-256, evenly spread, so a
// distribution on their top bits leaves buckets of one or two claims that an
// insertion sort finishes.
func sortByKey(cs []claimRef) []claimRef {
	var b claimBufs
	return b.sortByKey(cs)
}

// sortByKey is the function sortByKey with its working memory in b: the
// slice it returns is cs or b.tmp.
func (b *claimBufs) sortByKey(cs []claimRef) []claimRef {
	if len(cs) < 64 {
		slices.SortFunc(cs, func(a, b claimRef) int { return cmp.Compare(a.key, b.key) })
		return cs
	}
	shift := 64 - bits.Len(uint(len(cs)))
	starts := slices.Grow(b.starts[:0], 1<<(64-shift)+1)[:1<<(64-shift)+1]
	clear(starts)
	b.starts = starts
	for _, c := range cs {
		starts[c.key>>shift+1]++
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	out := slices.Grow(b.tmp[:0], len(cs))[:len(cs)]
	b.tmp = out
	for _, c := range cs {
		b := c.key >> shift
		out[starts[b]] = c
		starts[b]++
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].key < out[j-1].key; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// appendID appends the claim id whose key is k: its 16 lower-case hex
// digits.
func appendID(b []byte, k uint64) []byte {
	const digits = "0123456789abcdef"
	for shift := 60; shift >= 0; shift -= 4 {
		b = append(b, digits[k>>shift&15])
	}
	return b
}

// idKey maps a claim id to a number in the same order as the ids:
// Document.Validate makes every id ClaimID's 16 lower-case hex digits,
// whose value orders like their text, so equal keys are equal ids.
func idKey(id string) uint64 {
	k, err := strconv.ParseUint(id, 16, 64)
	if err != nil {
		return 0
	}
	return k
}

// matcher is graph.Filter.MatchClaim and MatchDate over claim metas and
// days.
type matcher struct {
	metas         []claimMeta
	hot           []articleHot
	every         bool // the filter keeps every claim
	mask          uint8
	minConfidence float64
	dated         bool
	since, until  int32
}

// newMatcher returns the matcher of f. The caller holds the lock.
func (s *Store) newMatcher(f graph.Filter) matcher {
	m := matcher{metas: s.metas, hot: s.hot, minConfidence: f.MinConfidence, dated: f.Dated(), since: math.MinInt32 + 1, until: math.MaxInt32}
	if !f.Since.IsZero() {
		m.since = dayNumber(f.Since)
	}
	if !f.Until.IsZero() {
		m.until = dayNumber(f.Until)
	}
	for _, t := range f.TypesOrAll() {
		m.mask |= typeBit(t)
	}
	for _, c := range f.CertaintiesOrAll() {
		m.mask |= certaintyBit(c)
	}
	m.every = m.mask == 1|2|4|8|16|32 && m.minConfidence <= 0 && !m.dated
	return m
}

// all reports whether the matcher keeps every claim (an empty filter).
func (m matcher) all() bool { return m.every }

// match matches the claim of a pair.
func (m matcher) match(ec edgeClaim) bool {
	if m.every {
		return true
	}
	h := &m.hot[ec.slot]
	return m.matchMeta(h.claims[ec.idx].meta, h.day)
}

// matchMeta matches a claim by its meta and its article's day.
func (m matcher) matchMeta(meta uint32, day int32) bool {
	mt := &m.metas[meta]
	return mt.bits&m.mask == mt.bits && mt.confidence >= m.minConfidence &&
		(!m.dated || (day != noDay && day >= m.since && day <= m.until))
}

func typeBit(t graph.RelationType) uint8 {
	switch t {
	case graph.Met:
		return 1
	case graph.Supported:
		return 2
	case graph.Opposed:
		return 4
	}
	return 0
}

func certaintyBit(c graph.Certainty) uint8 {
	switch c {
	case graph.Asserted:
		return 8
	case graph.Reported:
		return 16
	case graph.Alleged:
		return 32
	}
	return 0
}

func typeOf(bits uint8) graph.RelationType {
	switch {
	case bits&1 != 0:
		return graph.Met
	case bits&2 != 0:
		return graph.Supported
	}
	return graph.Opposed
}

func certaintyOf(bits uint8) graph.Certainty {
	switch {
	case bits&8 != 0:
		return graph.Asserted
	case bits&16 != 0:
		return graph.Reported
	}
	return graph.Alleged
}
