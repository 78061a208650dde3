package loader

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sync"

	"github.com/rawabit/rawabit/graph"
)

// SnapshotFormat is the version of the snapshot file format. A file of
// another format is not read (ErrSnapshotUnreadable) and is replaced at the
// next Save.
const SnapshotFormat = 5

// snapshotMagic opens every snapshot file.
const snapshotMagic = "RAWABIT-SNAPSHOT"

// Errors of OpenSnapshot. Both leave an empty, usable Snapshot: every article
// is extracted again and the next Save writes a fresh file.
var (
	// ErrSnapshotStale: the snapshot was made with another extractor
	// version, gazetteer or lexicon (another fingerprint).
	ErrSnapshotStale = errors.New("snapshot made with other extractor inputs")
	// ErrSnapshotUnreadable: the file is not a snapshot of this format, or
	// is truncated or corrupt.
	ErrSnapshotUnreadable = errors.New("snapshot unreadable")
)

// Snapshot remembers what an extractor found in each article (its mentions,
// claims and discovered actors), keyed by the SHA-256 of the article text,
// together with a fingerprint of everything else extraction depends on (the
// extractor's version, the gazetteer and the lexicon). Wrapped around an
// extractor (Snapshot.Extractor), it answers from memory for every article
// whose text it has seen under the same fingerprint and extracts only the
// others; Save writes what the run used to the file, atomically, for the
// next start.
//
// Entries stay encoded in memory (a byte slice per article, decoded when
// the article is asked for), so that a snapshot of a million claims adds
// almost nothing for the garbage collector to scan.
//
// A Snapshot is safe for concurrent use.
type Snapshot struct {
	path        string
	fingerprint string

	mu sync.Mutex
	// names interns the strings entries refer to by index: actor ids and
	// extractor names. It only grows, so old entries stay valid.
	names   []string
	nameIdx map[string]uint64
	// old holds the encoded entries read from the file, cur those used in
	// this run.
	old, cur map[[32]byte][]byte
	// discovered holds the discovered actors of the entries used.
	discovered map[string]graph.Actor
	// loaded is true when the file was read and is current.
	loaded        bool
	reused, fresh int
}

// snapEntry is what the extractor found in one article text: mentions and
// claims without their article, id and quote (which the loader and the
// text give back), and the actors it discovered outside the gazetteer.
type snapEntry struct {
	// article is the id of the article the claims' ids were made for, ""
	// when they are not kept: the ids are given back to that article only
	// (an id hashes the article's id), and made again by the loader for
	// another article of the same text.
	article    string
	mentions   []graph.Mention
	claims     []graph.Claim
	discovered []graph.Actor
}

// OpenSnapshot reads the snapshot file at path made under fingerprint. A
// missing file is an empty snapshot and no error. A file of another format,
// truncated or corrupt gives an empty snapshot and an error wrapping
// ErrSnapshotUnreadable; one made under another fingerprint an empty
// snapshot and an error wrapping ErrSnapshotStale. Errors name the file.
// The returned Snapshot is usable in every case.
func OpenSnapshot(path, fingerprint string) (*Snapshot, error) {
	s := &Snapshot{path: path, fingerprint: fingerprint, nameIdx: map[string]uint64{},
		old: map[[32]byte][]byte{}, cur: map[[32]byte][]byte{}, discovered: map[string]graph.Actor{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("snapshot %s: %w: %w", path, ErrSnapshotUnreadable, err)
	}
	fp, names, entries, err := decodeSnapshot(data)
	if err != nil {
		return s, fmt.Errorf("snapshot %s: %w: %w", path, ErrSnapshotUnreadable, err)
	}
	if fp != fingerprint {
		return s, fmt.Errorf("snapshot %s: %w", path, ErrSnapshotStale)
	}
	for _, n := range names {
		s.intern(n)
	}
	if len(s.names) != len(names) {
		return s.reset(), fmt.Errorf("snapshot %s: %w: a string listed twice", path, ErrSnapshotUnreadable)
	}
	s.old, s.loaded = entries, true
	return s, nil
}

func (s *Snapshot) reset() *Snapshot {
	s.names, s.nameIdx = nil, map[string]uint64{}
	return s
}

// intern returns the index of name in s.names, adding it when new. The
// caller holds s.mu (or owns s).
func (s *Snapshot) intern(name string) uint64 {
	i, ok := s.nameIdx[name]
	if !ok {
		i = uint64(len(s.names))
		s.nameIdx[name] = i
		s.names = append(s.names, name)
	}
	return i
}

// Len returns the number of articles the file read holds: 0 when it was
// missing, unreadable or stale.
func (s *Snapshot) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.old)
}

// Stats returns how many articles were answered from the snapshot and how
// many were extracted since it was opened.
func (s *Snapshot) Stats() (reused, extracted int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reused, s.fresh
}

// Extractor returns x answering from the snapshot: an article whose text
// the snapshot holds is not extracted again; any other is extracted by x and
// remembered. The result is the same as x's. The returned Extractor is a
// Discoverer: actors x discovered outside the gazetteer are remembered with
// the article.
func (s *Snapshot) Extractor(x Extractor) Extractor { return snapExtractor{s, x} }

type snapExtractor struct {
	s *Snapshot
	x Extractor
}

// Discovered returns an actor discovered in an article answered from the
// snapshot, or else by the wrapped extractor.
func (e snapExtractor) Discovered(id string) (graph.Actor, bool) {
	e.s.mu.Lock()
	a, ok := e.s.discovered[id]
	e.s.mu.Unlock()
	if ok {
		return a, true
	}
	if d, isD := e.x.(Discoverer); isD {
		return d.Discovered(id)
	}
	return graph.Actor{}, false
}

func (e snapExtractor) Extract(ctx context.Context, a graph.Article) ([]graph.Mention, []graph.Claim, error) {
	key, err := textKey(a)
	if err != nil {
		return e.x.Extract(ctx, a)
	}
	if mentions, claims, ok := e.s.lookup(key, a); ok {
		return mentions, claims, nil
	}
	mentions, claims, err := e.x.Extract(ctx, a)
	if err != nil {
		return mentions, claims, err
	}
	ent := snapEntry{article: a.ID, mentions: mentions, claims: claims}
	for _, c := range claims {
		if !claimIDKept(c, a.ID) {
			ent.article = ""
			break
		}
	}
	if d, isD := e.x.(Discoverer); isD {
		seen := map[string]bool{}
		check := func(id string) {
			if !seen[id] {
				seen[id] = true
				if a, ok := d.Discovered(id); ok {
					ent.discovered = append(ent.discovered, a)
				}
			}
		}
		for _, m := range mentions {
			check(m.Actor)
		}
		for _, c := range claims {
			check(c.Source)
			check(c.Target)
		}
	}
	e.s.mu.Lock()
	e.s.cur[key] = encodeEntry(e.s.intern, ent)
	e.s.fresh++
	e.s.mu.Unlock()
	return mentions, claims, nil
}

// lookup answers from the snapshot: the mentions and claims of the entry of
// key, quotes taken from text. An entry that does not decode, or whose
// offsets do not fit text, is a miss.
func (s *Snapshot) lookup(key [32]byte, a graph.Article) ([]graph.Mention, []graph.Claim, bool) {
	text := a.Text
	// Decoding happens outside the lock, so that workers answering from
	// the snapshot do not wait for each other: entries and the string
	// table only grow, and a slice of names read under the lock stays
	// valid.
	s.mu.Lock()
	raw, ok := s.cur[key]
	if !ok {
		raw, ok = s.old[key]
	}
	names := s.names
	s.mu.Unlock()
	if !ok {
		return nil, nil, false
	}
	ent, err := decodeEntry(raw, names)
	if err != nil {
		return nil, nil, false
	}
	for i := range ent.claims {
		c := &ent.claims[i]
		if c.Start < 0 || c.End > len(text) || c.Start > c.End {
			return nil, nil, false
		}
		c.Quote = text[c.Start:c.End]
		if ent.article != a.ID {
			c.ID, c.Article = "", ""
		}
	}
	s.mu.Lock()
	s.cur[key] = raw
	s.reused++
	for _, a := range ent.discovered {
		s.discovered[a.ID] = a
	}
	s.mu.Unlock()
	return ent.mentions, ent.claims, true
}

func textKey(a graph.Article) ([32]byte, error) {
	var key [32]byte
	sum := a.SHA256
	if sum == "" {
		sum = graph.TextSHA256(a.Text)
	}
	if n, err := hex.Decode(key[:], []byte(sum)); err != nil || n != len(key) {
		return key, fmt.Errorf("snapshot: article %q: bad sha256 %q", a.ID, sum)
	}
	return key, nil
}

// Save writes the entries used since OpenSnapshot (those of articles no
// longer read are dropped) to the snapshot file, unless the file read was
// current (every entry used, none added): to a temporary file in the same
// folder, synced, then renamed over the old one, so that a crash leaves the
// old file or the new one, never a mix. The folder is created when missing.
func (s *Snapshot) Save() error {
	s.mu.Lock()
	if s.fresh == 0 && len(s.cur) == len(s.old) && s.loaded {
		s.mu.Unlock()
		return nil
	}
	data := encodeSnapshot(s.fingerprint, s.names, s.cur)
	s.mu.Unlock()
	if err := WriteFileAtomic(s.path, data, 0o644); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

// WriteFileAtomic replaces the file at path with data: it writes a
// temporary file in the same folder (created when missing), syncs it,
// renames it over path and syncs the folder. A reader sees the old content
// or the new, never a part; on error the old file is left as it was.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // not supported everywhere; the rename is done
		d.Close()
	}
	return nil
}

// The file: magic, format (uint32 LE), CRC-32 (IEEE, uint32 LE) of the
// payload, then the payload: the fingerprint, the table of strings (actor
// ids, extractor names), and the entries, each its SHA-256 key, its length
// and its encoding: the article id its claim ids were made for ("" when
// not kept), its mentions (string index, count), its claims (type,
// certainty, source, target, extractor, rule, start, end as uvarints,
// confidence as 8 bytes, then the id as 8 bytes when the entry names an
// article) and its discovered actors (id, name, Arabic name, kind,
// affiliation, aliases).

var (
	typeCodes      = []graph.RelationType{graph.Met, graph.Supported, graph.Opposed}
	certaintyCodes = []graph.Certainty{graph.Asserted, graph.Reported, graph.Alleged}
)

// claimIDKept reports whether c's id can be kept in an entry for article:
// c names it and has an id of graph.ClaimID's shape (16 hex digits).
func claimIDKept(c graph.Claim, article string) bool {
	if c.Article != article || len(c.ID) != claimIDBytes*2 {
		return false
	}
	_, err := hex.DecodeString(c.ID)
	return err == nil
}

// claimIDBytes is the size of a claim id (graph.ClaimID) once hex-decoded.
const claimIDBytes = 8

// encodeEntry encodes one entry, interning its strings with intern. The
// claims' ids are written when ent.article is set, in which case every
// claim must satisfy claimIDKept.
func encodeEntry(intern func(string) uint64, ent snapEntry) []byte {
	var b []byte
	b = appendString(b, ent.article)
	b = binary.AppendUvarint(b, uint64(len(ent.mentions)))
	for _, m := range ent.mentions {
		b = binary.AppendUvarint(b, intern(m.Actor))
		b = binary.AppendUvarint(b, uint64(m.Count))
	}
	b = binary.AppendUvarint(b, uint64(len(ent.claims)))
	for _, c := range ent.claims {
		b = binary.AppendUvarint(b, uint64(codeOf(typeCodes, c.Type)))
		b = binary.AppendUvarint(b, uint64(codeOf(certaintyCodes, c.Certainty)))
		b = binary.AppendUvarint(b, intern(c.Source))
		b = binary.AppendUvarint(b, intern(c.Target))
		b = binary.AppendUvarint(b, intern(c.Extractor))
		b = binary.AppendUvarint(b, intern(c.Rule))
		b = binary.AppendUvarint(b, uint64(c.Start))
		b = binary.AppendUvarint(b, uint64(c.End))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c.Confidence))
		if ent.article != "" {
			b, _ = hex.AppendDecode(b, []byte(c.ID))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(ent.discovered)))
	for _, a := range ent.discovered {
		for _, f := range []string{a.ID, a.Name, a.NameAr, string(a.Kind), a.Affiliation} {
			b = appendString(b, f)
		}
		b = binary.AppendUvarint(b, uint64(len(a.Aliases)))
		for _, al := range a.Aliases {
			b = appendString(b, al)
		}
	}
	return b
}

// decodeEntry decodes an entry encoded by encodeEntry with the table names.
func decodeEntry(raw []byte, names []string) (snapEntry, error) {
	r := &snapReader{b: raw}
	name := func() string {
		i := r.uvarint()
		if r.err == nil && i >= uint64(len(names)) {
			r.err = fmt.Errorf("string %d of %d", i, len(names))
		}
		if r.err != nil {
			return ""
		}
		return names[i]
	}
	code := func(n int) int {
		c := r.uvarint()
		if r.err == nil && c >= uint64(n) {
			r.err = fmt.Errorf("code %d out of range", c)
		}
		return int(c % uint64(n))
	}
	var ent snapEntry
	ent.article = r.string()
	if m := r.count(2); m > 0 {
		ent.mentions = make([]graph.Mention, m)
		for i := range ent.mentions {
			ent.mentions[i] = graph.Mention{Actor: name(), Count: int(r.uvarint())}
		}
	}
	if m := r.count(16); m > 0 {
		ent.claims = make([]graph.Claim, m)
		for i := range ent.claims {
			c := &ent.claims[i]
			c.Type = typeCodes[code(len(typeCodes))]
			c.Certainty = certaintyCodes[code(len(certaintyCodes))]
			c.Source, c.Target, c.Extractor, c.Rule = name(), name(), name(), name()
			c.Start, c.End = int(r.uvarint()), int(r.uvarint())
			if b := r.bytes(8); b != nil {
				c.Confidence = math.Float64frombits(binary.LittleEndian.Uint64(b))
			}
			if ent.article != "" {
				if b := r.bytes(claimIDBytes); b != nil {
					c.ID, c.Article = hex.EncodeToString(b), ent.article
				}
			}
		}
	}
	if m := r.count(6); m > 0 {
		ent.discovered = make([]graph.Actor, m)
		for i := range ent.discovered {
			a := &ent.discovered[i]
			a.ID, a.Name, a.NameAr, a.Kind, a.Affiliation = r.string(), r.string(), r.string(), graph.Kind(r.string()), r.string()
			if k := r.count(1); k > 0 {
				a.Aliases = make([]string, k)
				for j := range a.Aliases {
					a.Aliases[j] = r.string()
				}
			}
		}
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = fmt.Errorf("%d bytes after the entry", len(r.b))
	}
	return ent, r.err
}

func encodeSnapshot(fingerprint string, names []string, entries map[[32]byte][]byte) []byte {
	var payload []byte
	payload = appendString(payload, fingerprint)
	payload = binary.AppendUvarint(payload, uint64(len(names)))
	for _, n := range names {
		payload = appendString(payload, n)
	}
	payload = binary.AppendUvarint(payload, uint64(len(entries)))
	for key, raw := range entries {
		payload = append(payload, key[:]...)
		payload = binary.AppendUvarint(payload, uint64(len(raw)))
		payload = append(payload, raw...)
	}
	out := make([]byte, 0, len(snapshotMagic)+8+len(payload))
	out = append(out, snapshotMagic...)
	out = binary.LittleEndian.AppendUint32(out, SnapshotFormat)
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(payload))
	return append(out, payload...)
}

// codeOf is the index of v in codes, or len(codes) for a value outside
// them (which decodeEntry then refuses).
func codeOf[T comparable](codes []T, v T) int {
	for i, c := range codes {
		if c == v {
			return i
		}
	}
	return len(codes)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// snapReader reads an encoding; the first error sticks.
type snapReader struct {
	b   []byte
	err error
}

func (r *snapReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("truncated")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length that must fit in what is left, each item taking at
// least min bytes.
func (r *snapReader) count(min int) int {
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)/min) {
		r.err = fmt.Errorf("count %d beyond the end", n)
		return 0
	}
	return int(n)
}

func (r *snapReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b) {
		r.err = errors.New("truncated")
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *snapReader) string() string { return string(r.bytes(r.count(1))) }

// decodeSnapshot checks a snapshot file and returns its fingerprint, its
// string table and its entries, still encoded (sub-slices of data).
func decodeSnapshot(data []byte) (string, []string, map[[32]byte][]byte, error) {
	head := len(snapshotMagic) + 8
	if len(data) < head || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return "", nil, nil, errors.New("not a rawabit snapshot")
	}
	if f := binary.LittleEndian.Uint32(data[len(snapshotMagic):]); f != SnapshotFormat {
		return "", nil, nil, fmt.Errorf("format %d, want %d", f, SnapshotFormat)
	}
	payload := data[head:]
	if crc32.ChecksumIEEE(payload) != binary.LittleEndian.Uint32(data[len(snapshotMagic)+4:]) {
		return "", nil, nil, errors.New("checksum mismatch (corrupt or truncated)")
	}
	r := &snapReader{b: payload}
	fp := r.string()
	names := make([]string, r.count(1))
	for i := range names {
		names[i] = r.string()
	}
	n := r.count(33) // a key and a length at least
	entries := make(map[[32]byte][]byte, n)
	for range n {
		var key [32]byte
		copy(key[:], r.bytes(len(key)))
		raw := r.bytes(r.count(1))
		if r.err != nil {
			break
		}
		entries[key] = raw
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = fmt.Errorf("%d bytes after the last entry", len(r.b))
	}
	if r.err != nil {
		return "", nil, nil, r.err
	}
	return fp, names, entries, nil
}
