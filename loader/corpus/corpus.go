// Package corpus reads the articles of a corpus: .txt files with optional
// YAML front matter, JSON Lines files of records, and folders of both. The
// loader and the extractor both read through it.
package corpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/internal/input"
)

// MaxRecordBytes is the longest JSON Lines record (one line) the loader
// reads; a longer one is skipped with an error naming its file and line.
const MaxRecordBytes = 256 << 20

// StdinPath is the path that stands for standard input: one .txt article
// (front matter allowed) whose id is StdinArticleID, read at most once per
// walk however often it is named.
const StdinPath = "-"

// StdinArticleID is the id of the article read from StdinPath.
const StdinArticleID = "stdin"

// Stdin is what StdinPath reads. It is os.Stdin; tests set another reader.
var Stdin io.Reader = os.Stdin

// maxTitleBytes caps a title taken from an article's first line.
const maxTitleBytes = 300

// Item is one article read from the corpus, or one that could not be read.
type Item struct {
	// Article is complete (SHA256 and Language "ar" set) when Err is nil.
	Article graph.Article
	// Path is the file the article came from.
	Path string
	// Line is the line of a JSON Lines record; 0 for a .txt file.
	Line int
	// Err says why the file or record could not be read. Article.ID is set
	// when it is known.
	Err error
	// Empty is true for an article with no text (a warning, not an error).
	Empty bool
	// Warnings are what was changed in the article to make it safe to
	// show: a link that is not http(s) dropped, bidi controls removed from
	// the title or source, an over-long title or source cut.
	Warnings []string
	// record is the undecoded JSON Lines record of an item WalkDeferred
	// gave, until Complete decodes it.
	record []byte
}

// Complete makes an item of WalkDeferred what Walk would have given: it
// decodes and checks a JSON Lines record, then sets what is computed from
// the whole text (see Finish). It does nothing more to an item with Err
// set; on an item of Walk it is Finish again.
func (it *Item) Complete() {
	if it.record != nil {
		*it = checkItem(parseRecord(it.Path, it.Line, it.record, true))
	}
	if it.Err == nil {
		Finish(&it.Article)
	}
}

// Where formats the item's origin as "path" or "path:line".
func (it Item) Where() string {
	if it.Line > 0 {
		return fmt.Sprintf("%s:%d", it.Path, it.Line)
	}
	return it.Path
}

// Files expands paths into the corpus files they hold: a file is taken
// as given; a folder is walked recursively for .txt and .jsonl files (hidden
// entries skipped), in sorted order. A file reached twice (the same cleaned
// absolute path, or the same file through another name such as a link) is
// kept once, where it is first reached. A path that cannot be read is
// returned in bad with its error, and the rest goes on. StdinPath is
// kept as given, once.
func Files(paths []string) (files []string, bad []Item) {
	seen := newFileSet()
	add := func(path string) {
		if err := seen.add(path); err != nil {
			bad = append(bad, Item{Path: path, Err: err})
			return
		}
		if seen.added {
			files = append(files, path)
		}
	}
	stdinSeen := false
	for _, p := range paths {
		if p == StdinPath {
			if !stdinSeen {
				files = append(files, p)
			}
			stdinSeen = true
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			bad = append(bad, Item{Path: p, Err: err})
			continue
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				bad = append(bad, Item{Path: path, Err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && isCorpusFile(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			bad = append(bad, Item{Path: p, Err: err})
		}
		slices.Sort(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, bad
}

// fileSet remembers files by cleaned absolute path and by identity
// (os.SameFile, compared among files of the same size).
type fileSet struct {
	paths  map[string]bool
	bySize map[int64][]os.FileInfo
	// added says whether the last add added a new file.
	added bool
}

func newFileSet() *fileSet {
	return &fileSet{paths: map[string]bool{}, bySize: map[int64][]os.FileInfo{}}
}

// add records path; added is false when it was already there.
func (set *fileSet) add(path string) error {
	set.added = false
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if set.paths[abs] {
		return nil
	}
	set.paths[abs] = true
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	for _, other := range set.bySize[info.Size()] {
		if os.SameFile(info, other) {
			return nil
		}
	}
	set.bySize[info.Size()] = append(set.bySize[info.Size()], info)
	set.added = true
	return nil
}

func isCorpusFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".jsonl":
		return true
	}
	return false
}

// Walk reads the articles under paths (see Files) in order and
// calls visit once per article or per unreadable file or record (Item.Err
// set): a non-UTF-8 or binary file, a malformed front matter or record, an
// unsupported extension. Reading goes on after such an item. .txt files are
// read whole; .jsonl files are streamed record by record, so memory is
// bounded by the largest article. Walk stops with visit's error, or
// with ctx's error when it is cancelled.
func Walk(ctx context.Context, paths []string, visit func(Item) error) error {
	return walkCorpus(ctx, paths, false, visit)
}

// WalkDeferred is Walk, except that the items are given unfinished, for the
// caller to complete with Item.Complete on other goroutines (that is the
// work that grows with the text): the records of JSON Lines files
// undecoded (Article and Err not yet set), the articles of .txt files
// without their SHA256 and without a date found in their text. Reading is
// then little more than splitting the files into records.
func WalkDeferred(ctx context.Context, paths []string, visit func(Item) error) error {
	return walkCorpus(ctx, paths, true, visit)
}

// walkCorpus is Walk, or WalkDeferred with lazy.
func walkCorpus(ctx context.Context, paths []string, lazy bool, visit func(Item) error) error {
	files, bad := Files(paths)
	for _, it := range bad {
		if err := visit(it); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case f == StdinPath:
			err = visit(checkItem(readText(StdinPath, StdinArticleID, Stdin, lazy)))
		default:
			err = visitFile(ctx, f, lazy, visit)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// visitFile gives visit the articles of the corpus file f.
func visitFile(ctx context.Context, f string, lazy bool, visit func(Item) error) error {
	var err error
	switch strings.ToLower(filepath.Ext(f)) {
	case ".txt":
		err = visit(checkItem(readTextFile(f, lazy)))
	case ".jsonl":
		err = walkJSONL(ctx, f, lazy, func(it Item) error { return visit(checkItem(it)) })
	default:
		err = visit(Item{Path: f, Err: fmt.Errorf("unsupported file type %q (want .txt or .jsonl)", filepath.Ext(f))})
	}
	return err
}

// Finish sets what reading an article computes from its whole text:
// its SHA256, and its date from the text when it has none.
func Finish(a *graph.Article) {
	a.SHA256 = graph.TextSHA256(a.Text)
	dateFromText(a)
}

// ArticleID is the id of the article of a .txt file: its name without the
// extension.
func ArticleID(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func readTextFile(path string, lazy bool) Item {
	data, err := os.ReadFile(path) // sized from the file, unlike io.ReadAll
	return textItem(path, ArticleID(path), data, err, lazy)
}

// readText reads the .txt article id from r; path names it in errors.
func readText(path, id string, r io.Reader, lazy bool) Item {
	data, err := io.ReadAll(r)
	return textItem(path, id, data, err, lazy)
}

// textItem is the item of the .txt article id whose bytes are data, or
// of the error err that reading them gave.
func textItem(path, id string, data []byte, err error, lazy bool) Item {
	it := Item{Path: path, Article: graph.Article{ID: id}}
	if err != nil {
		it.Err = err
		return it
	}
	a, err := parseText(path, it.Article.ID, data, lazy)
	if err != nil {
		it.Err = err
		return it
	}
	it.Article = a
	it.Empty = strings.TrimSpace(a.Text) == ""
	return it
}

// ParseText parses a .txt article: optional YAML front matter between two
// "---" lines at the very start (keys title, source, url, published as
// YYYY-MM-DD), then the text, which starts right after the closing "---"
// line and is kept byte for byte. Without a title in the front matter the
// title is the text's first non-empty line. Errors name file and line: a NUL
// byte (binary file), invalid UTF-8, an unclosed front matter, malformed
// YAML, an unknown key, a bad date.
func ParseText(file, id string, data []byte) (graph.Article, error) {
	return parseText(file, id, data, false)
}

// parseText is ParseText; with lazy, the article is left for
// Finish.
func parseText(file, id string, data []byte, lazy bool) (graph.Article, error) {
	a := graph.Article{ID: id, Language: "ar"}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return a, input.Errorf(input.Line(file, lineAt(data, i)), "binary file (NUL byte at offset %d)", i)
	}
	if !utf8.Valid(data) {
		i := firstInvalidUTF8(data)
		return a, input.Errorf(input.Line(file, lineAt(data, i)), "not UTF-8 (invalid byte at offset %d)", i)
	}
	body := bytes.TrimPrefix(data, []byte("\ufeff"))
	fm, rest, ok, err := splitFrontMatter(file, body)
	if err != nil {
		return a, err
	}
	if ok {
		if err := parseFrontMatter(file, fm, &a); err != nil {
			return a, err
		}
		body = rest
	}
	a.Text = string(body)
	if !lazy {
		Finish(&a)
	}
	if a.Title == "" {
		a.Title = firstLine(a.Text)
	}
	return a, nil
}

// splitFrontMatter returns the YAML between a leading "---" line and the
// next "---" line, and the text after it.
func splitFrontMatter(file string, data []byte) (fm, rest []byte, ok bool, err error) {
	first, after, found := bytes.Cut(data, []byte("\n"))
	if !found || strings.TrimRight(string(first), " \t\r") != "---" {
		return nil, nil, false, nil
	}
	for off := 0; ; {
		line, _, more := bytes.Cut(after[off:], []byte("\n"))
		if strings.TrimRight(string(line), " \t\r") == "---" {
			end := off + len(line)
			if more {
				end++
			}
			return after[:off], after[end:], true, nil
		}
		if !more {
			break
		}
		off += len(line) + 1
	}
	return nil, nil, false, input.Errorf(input.Line(file, 1), "front matter opened by --- is never closed by a --- line")
}

var frontMatterKeys = []string{"title", "source", "url", "published"}

func parseFrontMatter(file string, fm []byte, a *graph.Article) error {
	root, err := input.Parse(file, fm)
	if err != nil {
		// The front matter starts on the file's second line.
		if e := graph.AsError(err); e != nil {
			e.Pos.Line++
		}
		return err
	}
	if root == nil {
		return nil
	}
	input.ShiftLines(root, 1)
	errs := input.Mapping(file, root, "front matter", frontMatterKeys, func(key string, k, v *yaml.Node) error {
		val, err := input.Scalar(file, "front matter: "+key, v)
		if err != nil {
			return err
		}
		switch key {
		case "title":
			a.Title = val
		case "source":
			a.Source = val
		case "url":
			a.URL = val
		case "published":
			t, err := parseDate(val)
			if err != nil {
				return input.NodeErrorf(file, k, "front matter: published: %v", err)
			}
			a.Published = t
			a.DateSource = graph.DateFrontMatter
		}
		return nil
	})
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// parseDate accepts YYYY-MM-DD, or an RFC 3339 time whose day is kept.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
}

func firstLine(text string) string {
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		if len(line) > 4*maxTitleBytes {
			line = line[:4*maxTitleBytes]
		}
		if l := strings.TrimSpace(line); l != "" {
			return Truncate(l, maxTitleBytes)
		}
		text = rest
	}
	return ""
}

// Truncate cuts s to at most n bytes on a rune boundary.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.ToValidUTF8(s[:n], "")
}

func lineAt(data []byte, off int) int { return 1 + bytes.Count(data[:off], []byte("\n")) }

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

type jsonRecord struct {
	ID        *string `json:"id"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	URL       string  `json:"url"`
	Published string  `json:"published"`
	Text      *string `json:"text"`
}

func walkJSONL(ctx context.Context, path string, lazy bool, visit func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return visit(Item{Path: path, Err: err})
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := readLine(r)
		if errors.Is(err, io.EOF) && len(rec) == 0 {
			return nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			if errors.Is(err, errLineTooLong) {
				if verr := visit(Item{Path: path, Line: line, Err: fmt.Errorf("record longer than %d bytes", MaxRecordBytes)}); verr != nil {
					return verr
				}
				continue
			}
			return visit(Item{Path: path, Line: line, Err: err})
		}
		if len(bytes.TrimSpace(rec)) == 0 {
			continue
		}
		if i := bytes.IndexByte(rec, 0); i >= 0 {
			// Like an escaped \u0000: this record is skipped, the rest read.
			if verr := visit(Item{Path: path, Line: line, Err: input.Errorf(input.Line(path, line),
				"record: NUL byte at offset %d", i)}); verr != nil {
				return verr
			}
			continue
		}
		it := Item{Path: path, Line: line, record: rec}
		if !lazy {
			it = parseRecord(path, line, rec, false)
		}
		if verr := visit(it); verr != nil {
			return verr
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its newline, reading at most
// MaxRecordBytes; a longer line is consumed and errLineTooLong returned.
func readLine(r *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(buf)+len(chunk) > MaxRecordBytes {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		return buf, err
	}
}

func parseRecord(path string, line int, rec []byte, lazy bool) Item {
	it := Item{Path: path, Line: line}
	pos := input.Line(path, line)
	if !utf8.Valid(rec) {
		it.Err = input.Errorf(pos, "not UTF-8 (invalid byte at offset %d of the record)", firstInvalidUTF8(rec))
		return it
	}
	dec := json.NewDecoder(bytes.NewReader(rec))
	dec.DisallowUnknownFields()
	var r jsonRecord
	if err := dec.Decode(&r); err != nil {
		it.Err = input.Errorf(pos, "record: %v", err)
		return it
	}
	if dec.More() {
		it.Err = input.Errorf(pos, "record: more than one JSON value on the line")
		return it
	}
	if r.ID == nil || strings.TrimSpace(*r.ID) == "" {
		it.Err = input.Errorf(pos, "record: missing id")
		return it
	}
	it.Article.ID = *r.ID
	for _, f := range []struct{ name, value string }{{"id", *r.ID}, {"title", r.Title}, {"source", r.Source}, {"url", r.URL}, {"published", r.Published}} {
		if i := strings.IndexByte(f.value, 0); i >= 0 {
			it.Err = input.Errorf(pos, "record: %s: NUL character (\\u0000) at offset %d", f.name, i)
			return it
		}
	}
	if r.Text != nil {
		if i := strings.IndexByte(*r.Text, 0); i >= 0 {
			it.Err = input.Errorf(pos, "record %q: text: NUL character (\\u0000) at offset %d", *r.ID, i)
			return it
		}
	}
	if r.Text == nil {
		it.Err = input.Errorf(pos, "record %q: missing text", *r.ID)
		return it
	}
	published, err := parseDate(strings.TrimSpace(r.Published))
	if err != nil {
		it.Err = input.Errorf(pos, "record %q: published: %v", *r.ID, err)
		return it
	}
	it.Article = graph.Article{
		ID: *r.ID, Title: r.Title, Source: r.Source, URL: r.URL, Published: published,
		Language: "ar", Text: *r.Text,
	}
	if !published.IsZero() {
		it.Article.DateSource = graph.DateJSONL
	}
	if !lazy {
		Finish(&it.Article)
	}
	if it.Article.Title == "" {
		it.Article.Title = firstLine(it.Article.Text)
	}
	it.Empty = strings.TrimSpace(it.Article.Text) == ""
	return it
}
