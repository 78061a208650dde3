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
const SnapshotFormat = 2

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

// Snapshot remembers what an extractor found in each article (its mentions
// and claims), keyed by the SHA-256 of the article text, together with a
// fingerprint of everything else extraction depends on (the extractor's
// version, the gazetteer and the lexicon). Wrapped around an extractor
// (Snapshot.Extractor), it answers from memory for every article whose text
// it has seen under the same fingerprint and extracts only the others; Save
// writes what the run used to the file, atomically, for the next start.
//
// A Snapshot is safe for concurrent use.
type Snapshot struct {
	path        string
	fingerprint string

	mu sync.Mutex
	// old holds the entries read from the file, cur those used in this run.
	old, cur map[[32]byte]snapEntry
	// discovered holds the discovered actors of the entries used.
	discovered map[string]graph.Actor
	// loaded is true when the file was read and is current.
	loaded bool
	reused int
	fresh  int
}

// snapEntry is what the extractor found in one article text: mentions and
// claims without their article, id and quote (which the loader and the
// text give back).
type snapEntry struct {
	mentions []graph.Mention
	claims   []graph.Claim
	// discovered are the actors outside the gazetteer the extractor found
	// in the article (see Discoverer).
	discovered []graph.Actor
}

// OpenSnapshot reads the snapshot file at path made under fingerprint. A
// missing file is an empty snapshot and no error. A file of another format,
// truncated or corrupt gives an empty snapshot and an error wrapping
// ErrSnapshotUnreadable; one made under another fingerprint an empty
// snapshot and an error wrapping ErrSnapshotStale. Errors name the file.
// The returned Snapshot is usable in every case.
func OpenSnapshot(path, fingerprint string) (*Snapshot, error) {
	s := &Snapshot{path: path, fingerprint: fingerprint, old: map[[32]byte]snapEntry{}, cur: map[[32]byte]snapEntry{}, discovered: map[string]graph.Actor{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("snapshot %s: %w: %w", path, ErrSnapshotUnreadable, err)
	}
	fp, entries, err := decodeSnapshot(data)
	if err != nil {
		return s, fmt.Errorf("snapshot %s: %w: %w", path, ErrSnapshotUnreadable, err)
	}
	if fp != fingerprint {
		return s, fmt.Errorf("snapshot %s: %w", path, ErrSnapshotStale)
	}
	s.old, s.loaded = entries, true
	return s, nil
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
	e.s.mu.Lock()
	ent, ok := e.s.cur[key]
	if !ok {
		ent, ok = e.s.old[key]
	}
	if ok {
		e.s.cur[key] = ent
		e.s.reused++
		for _, a := range ent.discovered {
			e.s.discovered[a.ID] = a
		}
		e.s.mu.Unlock()
		return ent.restore(a.Text)
	}
	e.s.mu.Unlock()

	mentions, claims, err := e.x.Extract(ctx, a)
	if err != nil {
		return mentions, claims, err
	}
	ent = snapEntry{mentions: mentions, claims: make([]graph.Claim, len(claims))}
	for i, c := range claims {
		c.ID, c.Article, c.Quote = "", "", ""
		ent.claims[i] = c
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
	e.s.cur[key] = ent
	e.s.fresh++
	e.s.mu.Unlock()
	return mentions, claims, nil
}

// restore gives the entry's mentions and claims back, quotes taken from
// text, as fresh slices the caller may change.
func (ent snapEntry) restore(text string) ([]graph.Mention, []graph.Claim, error) {
	mentions := append([]graph.Mention(nil), ent.mentions...)
	claims := make([]graph.Claim, len(ent.claims))
	for i, c := range ent.claims {
		if c.Start < 0 || c.End > len(text) || c.Start > c.End {
			return nil, nil, fmt.Errorf("snapshot: claim offsets %d..%d outside the text", c.Start, c.End)
		}
		c.Quote = text[c.Start:c.End]
		claims[i] = c
	}
	return mentions, claims, nil
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
// current (every entry used, none added): to a temporary file in the
// same folder, synced, then renamed over the old one, so that a crash leaves
// the old file or the new one, never a mix. The folder is created when
// missing.
func (s *Snapshot) Save() error {
	s.mu.Lock()
	if s.fresh == 0 && len(s.cur) == len(s.old) && s.loaded {
		s.mu.Unlock()
		return nil // every entry read was used and none added: the file is current
	}
	data := encodeSnapshot(s.fingerprint, s.cur)
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
// payload, then the payload: the fingerprint, a table of strings (actor ids
// and extractor names), and the entries, each its SHA-256, its mentions
// (string index, count), its claims (type, certainty, source, target,
// extractor, start, end as uvarints, confidence as 8 bytes) and its
// discovered actors (id, name, Arabic name, kind, affiliation, aliases).

var (
	typeCodes      = []graph.RelationType{graph.Met, graph.Supported, graph.Opposed}
	certaintyCodes = []graph.Certainty{graph.Asserted, graph.Reported, graph.Alleged}
)

func encodeSnapshot(fingerprint string, entries map[[32]byte]snapEntry) []byte {
	index := map[string]uint64{}
	var names []string
	intern := func(s string) uint64 {
		i, ok := index[s]
		if !ok {
			i = uint64(len(names))
			index[s] = i
			names = append(names, s)
		}
		return i
	}
	var body []byte
	body = binary.AppendUvarint(body, uint64(len(entries)))
	for key, ent := range entries {
		body = append(body, key[:]...)
		body = binary.AppendUvarint(body, uint64(len(ent.mentions)))
		for _, m := range ent.mentions {
			body = binary.AppendUvarint(body, intern(m.Actor))
			body = binary.AppendUvarint(body, uint64(m.Count))
		}
		body = binary.AppendUvarint(body, uint64(len(ent.claims)))
		for _, c := range ent.claims {
			body = binary.AppendUvarint(body, uint64(codeOf(typeCodes, c.Type)))
			body = binary.AppendUvarint(body, uint64(codeOf(certaintyCodes, c.Certainty)))
			body = binary.AppendUvarint(body, intern(c.Source))
			body = binary.AppendUvarint(body, intern(c.Target))
			body = binary.AppendUvarint(body, intern(c.Extractor))
			body = binary.AppendUvarint(body, uint64(c.Start))
			body = binary.AppendUvarint(body, uint64(c.End))
			body = binary.LittleEndian.AppendUint64(body, math.Float64bits(c.Confidence))
		}
		body = binary.AppendUvarint(body, uint64(len(ent.discovered)))
		for _, a := range ent.discovered {
			for _, f := range []string{a.ID, a.Name, a.NameAr, string(a.Kind), a.Affiliation} {
				body = appendString(body, f)
			}
			body = binary.AppendUvarint(body, uint64(len(a.Aliases)))
			for _, al := range a.Aliases {
				body = appendString(body, al)
			}
		}
	}
	var payload []byte
	payload = appendString(payload, fingerprint)
	payload = binary.AppendUvarint(payload, uint64(len(names)))
	for _, n := range names {
		payload = appendString(payload, n)
	}
	payload = append(payload, body...)

	out := make([]byte, 0, len(snapshotMagic)+8+len(payload))
	out = append(out, snapshotMagic...)
	out = binary.LittleEndian.AppendUint32(out, SnapshotFormat)
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(payload))
	return append(out, payload...)
}

// codeOf is the index of v in codes, or len(codes) for a value outside
// them (which decodeSnapshot then refuses).
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

// snapReader reads the payload; the first error sticks.
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

func decodeSnapshot(data []byte) (string, map[[32]byte]snapEntry, error) {
	head := len(snapshotMagic) + 8
	if len(data) < head || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return "", nil, errors.New("not a rawabit snapshot")
	}
	if f := binary.LittleEndian.Uint32(data[len(snapshotMagic):]); f != SnapshotFormat {
		return "", nil, fmt.Errorf("format %d, want %d", f, SnapshotFormat)
	}
	payload := data[head:]
	if crc32.ChecksumIEEE(payload) != binary.LittleEndian.Uint32(data[len(snapshotMagic)+4:]) {
		return "", nil, errors.New("checksum mismatch (corrupt or truncated)")
	}
	r := &snapReader{b: payload}
	fp := r.string()
	names := make([]string, r.count(1))
	for i := range names {
		names[i] = r.string()
	}
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
		return int(c)
	}
	n := r.count(35) // a key and three counts at least
	entries := make(map[[32]byte]snapEntry, n)
	for range n {
		var key [32]byte
		copy(key[:], r.bytes(len(key)))
		var ent snapEntry
		if m := r.count(2); m > 0 {
			ent.mentions = make([]graph.Mention, m)
			for i := range ent.mentions {
				ent.mentions[i] = graph.Mention{Actor: name(), Count: int(r.uvarint())}
			}
		}
		if m := r.count(15); m > 0 {
			ent.claims = make([]graph.Claim, m)
			for i := range ent.claims {
				c := &ent.claims[i]
				c.Type = typeCodes[code(len(typeCodes))%len(typeCodes)]
				c.Certainty = certaintyCodes[code(len(certaintyCodes))%len(certaintyCodes)]
				c.Source, c.Target, c.Extractor = name(), name(), name()
				c.Start, c.End = int(r.uvarint()), int(r.uvarint())
				if b := r.bytes(8); b != nil {
					c.Confidence = math.Float64frombits(binary.LittleEndian.Uint64(b))
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
		if r.err != nil {
			break
		}
		entries[key] = ent
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = fmt.Errorf("%d bytes after the last entry", len(r.b))
	}
	if r.err != nil {
		return "", nil, r.err
	}
	return fp, entries, nil
}
