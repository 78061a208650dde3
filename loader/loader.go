// Package loader reads Rawabit's inputs and loads them into a graph store:
// the corpus (.txt articles with optional YAML front matter, JSON Lines
// files, folders of them), the gazetteer (loader/gazetteer), the curated
// claims of claims.yaml and the corrections of corrections.yaml.
//
// Every input file is checked before anything is written: a malformed
// gazetteer, claims or corrections file aborts the load with errors naming
// file and line. Articles are then loaded one by one, each as one
// graph.Document in one transaction; a bad article is reported in
// Summary.Skipped and never partly loaded, and the rest goes on. A store that
// fails (unavailable, timed out) stops the load at once (StoreError).
package loader

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rawabit/rawabit/internal/input"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/loader/corpus"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// Extractor finds mentions and claims in an article. It is implemented by
// loader/extract; the loader never imports it. Returned claims need not
// carry Article or ID: the loader sets Article to the article's id and ID to
// graph.ClaimID. Every actor id returned must be in the gazetteer. The
// loader calls Extract from several goroutines at once (Options.Workers).
type Extractor interface {
	Extract(ctx context.Context, a graph.Article) ([]graph.Mention, []graph.Claim, error)
}

// Discoverer is implemented by an Extractor that finds actors outside the
// gazetteer (persons named after a rank or a title): Discovered returns
// such an actor by the id its claims carry, so the loader can store it.
type Discoverer interface {
	Discovered(id string) (graph.Actor, bool)
}

// Options configures a load.
type Options struct {
	// Corpus lists .txt files, .jsonl files and folders (read recursively,
	// in sorted order).
	Corpus []string
	// Gazetteers are files and folders merged in order (see
	// gazetteer.LoadFiles). New parses them once and merges in the actors
	// of Claims: that one gazetteer is what the checks, the mention counts
	// and the extractor (see Extractor) use.
	Gazetteers []string
	// Claims is the curated claims file; "" for none.
	Claims string
	// Corrections is the corrections file; "" for none.
	Corrections string
	// Extractor builds the extractor that finds mentions and claims on the
	// merged gazetteer (the files of Gazetteers and the actors of Claims);
	// New calls it once, after checking the inputs. When nil, or when it
	// returns a nil Extractor, the loader counts the gazetteer's forms
	// itself (a normalised whole-word scan) and loads the curated claims
	// alone.
	Extractor func(g *gazetteer.Gazetteer) (Extractor, error)
	// Progress, when set, is called after each article with the number of
	// articles done and the total.
	Progress func(done, total int)
	// Workers is the number of articles built (extracted) at once; 0 means
	// one per usable core (runtime.GOMAXPROCS). Documents are written in
	// corpus order whatever their number.
	Workers int
	// PartialCorpus turns a curated claim whose article is not in Corpus
	// from an error into a warning, for loading a few new files into a
	// store that already holds the rest of the corpus.
	PartialCorpus bool
}

// Skip is an article or file that was not loaded.
type Skip struct {
	// Path is the file; Line the line of the problem (of the record in a
	// JSON Lines file), 0 when it concerns the whole file.
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
	// ID is the article id when it is known.
	ID     string `json:"id,omitempty"`
	Reason string `json:"reason"`
}

// String formats the skip as "path[:line] (id): reason".
func (s Skip) String() string {
	where := s.Path
	if s.Line > 0 {
		where = fmt.Sprintf("%s:%d", s.Path, s.Line)
	}
	if s.ID != "" && s.ID != corpus.ArticleID(s.Path) {
		where += " (" + printableID(s.ID) + ")"
	}
	return where + ": " + s.Reason
}

// Summary reports what a load did.
type Summary struct {
	// Articles is the number of articles loaded.
	Articles int `json:"articles"`
	// Actors is the number of distinct actors in the loaded articles.
	Actors int `json:"actors"`
	// Claims is the number of claims loaded: Curated + Extracted.
	Claims    int `json:"claims"`
	Curated   int `json:"curated"`
	Extracted int `json:"extracted"`
	// Rejected counts extracted claims removed by corrections.yaml, and
	// Duplicates extracted claims dropped because a curated claim states the
	// same (type, source, target, article).
	Rejected   int `json:"rejected"`
	Duplicates int `json:"duplicates"`
	// Skipped lists the articles and files not loaded, with the reason.
	Skipped []Skip `json:"skipped,omitempty"`
	// Warnings are problems that did not stop an article from loading, such
	// as an empty article.
	Warnings []string `json:"warnings,omitempty"`
}

// Loader holds the checked inputs of a load: the merged gazetteer (with the
// actors of claims.yaml), the curated claims and the corrections.
type Loader struct {
	opts       Options
	gaz        *gazetteer.Gazetteer
	curated    map[string][]CuratedClaim
	rejections []Rejection
	mentions   *mentionCounter
	// x is the extractor Options.Extractor built on gaz, or nil.
	x Extractor
	// actors holds every actor of gaz (gaz.Actor builds a new Actor at
	// every call), actorIdx their index by id: a map of small values, which
	// workers look up at every mention. Read-only once New returns, so
	// workers share them.
	actors   []graph.Actor
	actorIdx map[string]int32
}

// New parses and checks the gazetteers, the claims file and the corrections
// file of opts (not the corpus). Errors name file and line; several are
// joined. Nothing is written.
func New(opts Options) (*Loader, error) {
	l := &Loader{opts: opts, curated: map[string][]CuratedClaim{}}
	var gs []*gazetteer.Gazetteer
	var errs []error
	// The claims and corrections files are parsed beside the gazetteer.
	var claims *ClaimsFile
	var claimsErr, correctionsErr error
	var wg sync.WaitGroup
	if opts.Claims != "" {
		wg.Go(func() { claims, claimsErr = ParseClaimsFile(opts.Claims) })
	}
	if opts.Corrections != "" {
		wg.Go(func() { l.rejections, correctionsErr = ParseCorrectionsFile(opts.Corrections) })
	}
	g, err := gazetteer.LoadFiles(opts.Gazetteers...)
	wg.Wait()
	if err != nil {
		errs = append(errs, err)
	} else {
		gs = append(gs, g)
	}
	if claimsErr != nil {
		errs = append(errs, claimsErr)
		claims = nil
	} else if claims != nil {
		gs = append(gs, claims.Actors)
	}
	if correctionsErr != nil {
		errs = append(errs, correctionsErr)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("loader: %w", input.JoinCapped(errs))
	}
	// The gazetteer files come merged and checked (gazetteer.LoadFiles):
	// merged again only to add the claims file's actors.
	if len(gs) > 1 {
		var err error
		if g, err = gazetteer.Merge(gs...); err != nil {
			return nil, fmt.Errorf("loader: %w", err)
		}
	}
	l.gaz = g
	all := g.Actors()
	l.actors = all
	l.actorIdx = make(map[string]int32, len(all))
	for i, a := range all {
		l.actorIdx[a.ID] = int32(i)
		if err := a.Validate(); err != nil {
			pos, _ := g.Position(a.ID)
			errs = append(errs, input.Errorf(pos, "%v", err))
		}
	}
	known := func(pos graph.Position, role, id string) {
		if _, ok := g.Actor(id); !ok {
			errs = append(errs, input.Errorf(pos, "%s: unknown actor %q (not in the gazetteer nor in the claims file's actors)", role, id))
		}
	}
	if claims != nil {
		for _, c := range claims.Claims {
			known(c.Pos, "claim: source", c.Source)
			known(c.Pos, "claim: target", c.Target)
			l.curated[c.Article] = append(l.curated[c.Article], c)
		}
	}
	for _, r := range l.rejections {
		known(r.Pos, "reject: source", r.Source)
		known(r.Pos, "reject: target", r.Target)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("loader: %w", input.JoinCapped(errs))
	}
	if opts.Extractor != nil {
		x, err := opts.Extractor(g)
		if err != nil {
			return nil, fmt.Errorf("loader: %w", err)
		}
		l.x = x
	}
	if l.x == nil {
		l.mentions = newMentionCounter(g)
	}
	return l, nil
}

// Gazetteer returns the merged gazetteer, the actors of claims.yaml
// included: the one the extractor was built on.
func (l *Loader) Gazetteer() *gazetteer.Gazetteer { return l.gaz }

// Load checks every input with New, then loads the corpus of opts into w
// (see Loader.Load).
// The corpus is read, and its records decoded by the workers, while New
// parses the other inputs; nothing is written unless they check.
func Load(ctx context.Context, w graph.Writer, opts Options) (Summary, error) {
	p := startPipeline(ctx, w, opts.Workers)
	type built struct {
		l   *Loader
		err error
	}
	ch := make(chan built, 1)
	go func() {
		l, err := New(opts)
		ch <- built{l, err}
	}()
	readErr := p.read(opts.Corpus)
	b := <-ch
	if b.err != nil {
		p.stop()
		return Summary{}, b.err
	}
	return b.l.finish(p, readErr)
}

// Load reads the corpus once. Reading splits it into records; a pool of
// Options.Workers goroutines decodes them (before building any) and builds
// one graph.Document per article (extraction included) as they come, while
// Load checks the decoded articles in corpus order: it counts them, finds
// duplicate ids and unreadable records, and collects the curated quotes the
// workers could not locate in their article. Once the whole corpus is read
// and checked the documents are written with w.LoadArticle one by one, in
// corpus order, so the store ends the same whatever the number of workers;
// a graph.CheckedWriter (the memory store) instead gets them checked by the
// workers (graph.Document.Check) and written in batches, in the same order
// and with the same summary.
// An unknown article or a quote not in its article is an error naming the
// claims file and line, and then nothing is written. Unreadable files and
// records, duplicate ids and articles the store rejects as invalid
// (graph.ErrInvalid) are listed in Summary.Skipped and the rest goes on;
// any other store failure stops the load at once with a *StoreError, the
// summary counting what was loaded. Load returns early with ctx's error
// when it is cancelled (articles already written stay, each complete).
//
// The articles read are held until they are written, so memory grows with
// the corpus (the memory store holds it all anyway).
func (l *Loader) Load(ctx context.Context, w graph.Writer) (Summary, error) {
	p := startPipeline(ctx, w, l.opts.Workers)
	return l.finish(p, p.read(l.opts.Corpus))
}

// pipeline is the reading and the worker pool of a load. Reading only
// splits the corpus into records (corpus.WalkDeferred); the pool decodes
// them (corpus.Item.Complete), decoding before any building so that the
// checks of finish end early, and, once the Loader is given (finish),
// builds one document per article as they come. The queue is not bounded,
// so that the checks that decide whether anything is written end early and
// writing overlaps extraction.
type pipeline struct {
	ctx    context.Context
	cancel context.CancelFunc
	q      *slotQueue
	wg     sync.WaitGroup
	// slots are the items read, in corpus order.
	slots []*docSlot
	// l is the Loader that builds the documents, set before ready is
	// closed.
	l     *Loader
	ready chan struct{}
	// bulk: the writer is a graph.CheckedWriter (the memory store), which
	// gets the documents checked by the workers and written in batches.
	w    graph.Writer
	bulk bool
}

// startPipeline starts the worker pool of a load into w: workers goroutines,
// or one per usable core when 0.
func startPipeline(ctx context.Context, w graph.Writer, workers int) *pipeline {
	p := &pipeline{q: newSlotQueue(), ready: make(chan struct{}), w: w}
	p.ctx, p.cancel = context.WithCancel(ctx)
	_, p.bulk = w.(graph.CheckedWriter)
	if workers <= 0 {
		workers = max(1, runtime.GOMAXPROCS(0))
	}
	for range workers {
		p.wg.Go(p.work)
	}
	return p
}

// work is one worker of the pool: it decodes slots while any is left to
// decode, else builds one.
func (p *pipeline) work() {
	ctx := p.ctx
	for {
		s, decode, ok := p.q.next()
		if !ok {
			return
		}
		if decode {
			if ctx.Err() == nil {
				s.item.Complete()
			}
			close(s.decoded)
			if s.item.Err == nil && ctx.Err() == nil {
				p.q.built(s)
			} else {
				s.err = cmp.Or(ctx.Err(), s.item.Err)
				close(s.done)
			}
			p.q.decoded()
			continue
		}
		select {
		case <-p.ready:
		case <-ctx.Done():
		}
		if ctx.Err() == nil {
			p.l.build(ctx, s, p.bulk)
		} else {
			s.err = ctx.Err()
		}
		close(s.done)
	}
}

// read walks the corpus into the queue and closes it; it returns the
// walk's error.
func (p *pipeline) read(paths []string) error {
	err := corpus.WalkDeferred(p.ctx, paths, func(it corpus.Item) error {
		s := &docSlot{item: it, decoded: make(chan struct{}), done: make(chan struct{})}
		p.slots = append(p.slots, s)
		p.q.push(s)
		return nil
	})
	p.q.close()
	return err
}

// stop cancels the pool and waits for it.
func (p *pipeline) stop() {
	p.q.close()
	p.cancel()
	p.wg.Wait()
}

// build builds the document of slot s (its curated claims located first);
// with bulk it also checks it.
func (l *Loader) build(ctx context.Context, s *docSlot, bulk bool) {
	a := s.item.Article
	var located []graph.Claim
	for _, c := range l.curated[a.ID] {
		// finish checked that every quote is found.
		if claim, err := c.Locate(a.Text); err == nil {
			located = append(located, claim)
		}
	}
	s.doc, s.stats, s.err = l.document(ctx, a, located, false)
	if s.err == nil && bulk {
		// Checked here, on all cores, rather than by the store's one
		// writer; Item.Complete has just hashed the text.
		s.checked, s.err = s.doc.CheckHashed()
	}
}

// finish is Load once the corpus is read (readErr the reading's error): it
// gives the pool l, checks the articles in corpus order and writes them.
func (l *Loader) finish(p *pipeline, readErr error) (Summary, error) {
	ctx, cancel, w := p.ctx, p.cancel, p.w
	defer cancel()
	p.l = l
	close(p.ready)
	stop := p.stop
	var sum Summary
	firstSeen := map[string]string{}
	unreadable := map[string]string{}
	var errs []error
	var slots []*docSlot
	if readErr != nil {
		stop()
		return sum, fmt.Errorf("loader: reading the corpus: %w", readErr)
	}
	read := p.slots
	p.slots = nil
	// The checks, in corpus order, as the records are decoded: unreadable
	// records, duplicate ids, curated quotes not in their article.
	for i, s := range read {
		read[i] = nil
		select {
		case <-s.decoded:
		case <-ctx.Done():
			stop()
			return sum, fmt.Errorf("loader: %w", ctx.Err())
		}
		it := s.item
		if it.Err != nil {
			sk := skipOf(it)
			sum.Skipped = append(sum.Skipped, sk)
			if sk.ID != "" {
				unreadable[sk.ID] = sk.String()
			}
			continue
		}
		id := it.Article.ID
		if prev, dup := firstSeen[id]; dup {
			sum.Skipped = append(sum.Skipped, Skip{Path: it.Path, Line: it.Line, ID: id, Reason: fmt.Sprintf("duplicate article id %q (first in %s)", id, prev)})
			continue
		}
		firstSeen[id] = it.Where()
		for _, c := range l.curated[id] {
			if _, err := c.Locate(it.Article.Text); err != nil {
				errs = append(errs, err)
			}
		}
		slots = append(slots, s)
	}
	var absent outsideCorpus
	for _, id := range sortedKeys(l.curated) {
		if _, ok := firstSeen[id]; ok {
			continue
		}
		for _, c := range l.curated[id] {
			if l.opts.PartialCorpus {
				absent.add(c.Pos, id)
				continue
			}
			if reason, ok := unreadable[id]; ok {
				errs = append(errs, input.Errorf(c.Pos, "claim: article %q could not be read: %s", id, reason))
				continue
			}
			errs = append(errs, input.Errorf(c.Pos, "claim: unknown article %q (not in the corpus %s)", id, strings.Join(l.opts.Corpus, " ")))
		}
	}
	if len(errs) > 0 {
		stop()
		return sum, fmt.Errorf("loader: nothing loaded: %w", input.JoinCapped(errs))
	}
	defer stop()
	if w := absent.warning("curated claim", "curated claims", "not loaded"); w != "" {
		sum.Warnings = append(sum.Warnings, w)
	}
	var unused outsideCorpus
	for _, r := range l.rejections {
		if _, ok := firstSeen[r.Article]; r.Article != "" && !ok {
			unused.add(r.Pos, r.Article)
		}
	}
	if w := unused.warning("correction", "corrections", "not used"); w != "" {
		sum.Warnings = append(sum.Warnings, w)
	}

	actors := map[string]bool{}
	total := len(slots)
	if cw, ok := w.(graph.CheckedWriter); ok {
		err := l.writeChecked(ctx, cw, slots, &sum, actors)
		sum.Actors = len(actors)
		return sum, err
	}
	for done, s := range slots {
		slots[done] = nil // what is written is the store's to keep
		select {
		case <-s.done:
		case <-ctx.Done():
			return sum, fmt.Errorf("loader: %w", ctx.Err())
		}
		if err := l.write(ctx, w, s, &sum, actors, done, total); err != nil {
			sum.Actors = len(actors)
			return sum, fmt.Errorf("loader: %w", err)
		}
		if l.opts.Progress != nil {
			l.opts.Progress(done+1, total)
		}
	}
	sum.Actors = len(actors)
	return sum, nil
}

// docSlot is one article of the corpus on its way to the store: read,
// then decoded by a worker (decoded closed), then built (done closed), then
// written. checked is the document as Document.CheckHashed returned it,
// when the store is a graph.CheckedWriter.
type docSlot struct {
	item    corpus.Item
	decoded chan struct{}
	done    chan struct{}
	doc     graph.Document
	checked graph.CheckedDocument
	stats   docStats
	err     error
}

// writeChecked is Load's writing loop for a graph.CheckedWriter: the slots, in
// order, in batches of those already built (at least one), with the same
// summary, skips and progress as writing them one by one.
func (l *Loader) writeChecked(ctx context.Context, w graph.CheckedWriter, slots []*docSlot, sum *Summary, actors map[string]bool) error {
	total := len(slots)
	least := batchSize(total)
	var batch []*docSlot
	var docs []graph.CheckedDocument
	for done := 0; done < total; done += len(batch) {
		// A batch is the next least articles (or all that are left),
		// waited for, and those after them already built: the store links
		// a batch in one pass, which pays when batches are large.
		batch, docs = batch[:0], docs[:0]
		// Towards the end batches shrink, so that what is left to write
		// once the last article is built (when the other cores have
		// nothing left to do) is small.
		want := min(least, max(minTailBatch, (total-done)/4))
		for i, s := range slots[done:] {
			if i >= want && !isDone(s) {
				break
			}
			select {
			case <-s.done:
			case <-ctx.Done():
				return fmt.Errorf("loader: %w", ctx.Err())
			}
			batch = append(batch, s)
		}
		for _, s := range batch {
			l.noteItem(s.item, sum)
			if s.err == nil {
				docs = append(docs, s.checked)
			}
		}
		if err := w.LoadChecked(ctx, docs); err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("loader: %w", ctx.Err())
			}
			first := batch[0]
			for _, s := range batch {
				if s.err == nil {
					first = s
					break
				}
			}
			return fmt.Errorf("loader: %w", &StoreError{Where: first.item.Where(), ID: first.item.Article.ID, Loaded: sum.Articles, NotLoaded: total - done, Err: err})
		}
		for i, s := range batch {
			slots[done+i] = nil // what is written is the store's to keep
			if s.err != nil {
				if ctx.Err() != nil {
					return fmt.Errorf("loader: %w", ctx.Err())
				}
				it := s.item
				sum.Skipped = append(sum.Skipped, Skip{Path: it.Path, Line: it.Line, ID: it.Article.ID, Reason: s.err.Error()})
			} else {
				l.count(s, sum, actors)
			}
			if l.opts.Progress != nil {
				l.opts.Progress(done+i+1, total)
			}
		}
	}
	return nil
}

// batchSize is the fewest articles writeChecked writes in one batch (unless
// fewer are left) for a corpus of total articles: minBatch, or a
// thirty-second of the corpus when that is more. Every batch re-sorts the
// neighbour lists it touches, so fewer batches cost less; but the documents
// built wait for their batch, and while they wait they are the largest
// part of the heap (4,096 of them were: 70,000 page faults for a
// 10,000-article load, where 1,024 take 45,000, and the faults of two
// threads on two cores cost each other a TLB flush).
func batchSize(total int) int { return max(minBatch, total/32) }

// minBatch is the least batchSize.
const minBatch = 1024

// minTailBatch is the fewest articles writeChecked waits for in a batch
// near the end of the corpus, where batches shrink to a quarter of what is
// left.
const minTailBatch = 64

// isDone reports whether the slot's document is built.
func isDone(s *docSlot) bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// slotQueue hands the articles read to the workers in corpus order, to
// decode first, then, once decoded, to build; it grows without bound.
type slotQueue struct {
	mu   sync.Mutex
	cond *sync.Cond
	// raw are the slots to decode, ready those decoded, to build;
	// decoding counts the slots being decoded (each may add to ready).
	raw, ready []*docSlot
	decoding   int
	closed     bool
}

func newSlotQueue() *slotQueue {
	q := &slotQueue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// push adds a slot read, to decode.
func (q *slotQueue) push(s *docSlot) {
	q.mu.Lock()
	q.raw = append(q.raw, s)
	q.mu.Unlock()
	q.cond.Signal()
}

// built adds a slot decoded, to build.
func (q *slotQueue) built(s *docSlot) {
	q.mu.Lock()
	q.ready = append(q.ready, s)
	q.mu.Unlock()
	q.cond.Signal()
}

// decoded ends the decoding of a slot next returned.
func (q *slotQueue) decoded() {
	q.mu.Lock()
	q.decoding--
	q.mu.Unlock()
	q.cond.Broadcast()
}

// close ends the reading: next returns what is left, then false.
func (q *slotQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

// next waits for the next slot to decode (decode true; the caller then
// calls decoded), or else to build; false when the queue is closed and
// nothing is left or being decoded.
func (q *slotQueue) next() (s *docSlot, decode, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.raw) == 0 && len(q.ready) == 0 && !(q.closed && q.decoding == 0) {
		q.cond.Wait()
	}
	switch {
	case len(q.raw) > 0:
		s, q.raw[0] = q.raw[0], nil
		q.raw = q.raw[1:]
		q.decoding++
		return s, true, true
	case len(q.ready) > 0:
		s, q.ready[0] = q.ready[0], nil
		q.ready = q.ready[1:]
		return s, false, true
	}
	return nil, false, false
}

// write stores the document of slot s (done articles were handled before
// it, of total) and adds it to sum; an article the store refuses as
// invalid is skipped. It returns ctx's error or a *StoreError.
func (l *Loader) write(ctx context.Context, w graph.Writer, s *docSlot, sum *Summary, actors map[string]bool, done, total int) error {
	it := s.item
	l.noteItem(it, sum)
	err := s.err
	if err == nil {
		// The store validates the document (graph.Writer): the loader
		// does not check it a second time.
		if err = w.LoadArticle(ctx, s.doc); err != nil && ctx.Err() == nil && !errors.Is(err, graph.ErrInvalid) {
			// Not this article's fault: the store failed. Stop now.
			return &StoreError{Where: it.Where(), ID: it.Article.ID, Loaded: sum.Articles, NotLoaded: total - done, Err: err}
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		sum.Skipped = append(sum.Skipped, Skip{Path: it.Path, Line: it.Line, ID: it.Article.ID, Reason: err.Error()})
		return nil
	}
	l.count(s, sum, actors)
	return nil
}

// noteItem adds the warnings of an article read to sum.
func (l *Loader) noteItem(it corpus.Item, sum *Summary) {
	if it.Empty {
		sum.Warnings = append(sum.Warnings, fmt.Sprintf("%s: article %q is empty: loaded without claims", it.Where(), it.Article.ID))
	}
	for _, w := range it.Warnings {
		sum.Warnings = append(sum.Warnings, fmt.Sprintf("%s: article %q: %s", it.Where(), it.Article.ID, w))
	}
}

// count adds the document of slot s, written, to sum and its actors to
// actors.
func (l *Loader) count(s *docSlot, sum *Summary, actors map[string]bool) {
	doc := s.doc
	sum.Articles++
	sum.Claims += len(doc.Claims)
	sum.Curated += s.stats.curated
	sum.Extracted += len(doc.Claims) - s.stats.curated
	sum.Rejected += s.stats.rejected
	sum.Duplicates += s.stats.duplicates
	for _, a := range doc.Actors {
		actors[a.ID] = true
	}
}

// StoreError stops a load when the store fails to write an article for a
// reason other than the article itself (graph.ErrUnavailable, a time-out, any
// error not wrapping graph.ErrInvalid). The articles written before it stay,
// each complete; this one and every later one in corpus order are not
// loaded.
type StoreError struct {
	// Where is the file (and line) of the article being written, ID its id.
	Where, ID string
	// Loaded counts the articles written before the failure, NotLoaded
	// those left: this one and every later one.
	Loaded, NotLoaded int
	// Err is the store's error.
	Err error
}

// Error names the article being written, what was loaded and what was not.
func (e *StoreError) Error() string {
	return fmt.Sprintf("the store failed while writing article %q (%s): %v; load stopped: %d %s loaded, %d not loaded (%q and every article after it)",
		e.ID, e.Where, e.Err, e.Loaded, pluralWord(e.Loaded, "article", "articles"), e.NotLoaded, e.ID)
}

// Unwrap returns the store's error.
func (e *StoreError) Unwrap() error { return e.Err }

// printableID is id as it is, or quoted and cut to 60 bytes when it is long
// or holds characters a terminal would not show as they are.
func printableID(id string) string {
	switch {
	case len(id) > 60:
		return fmt.Sprintf("%.60q...", id)
	case strings.IndexFunc(id, func(r rune) bool { return !unicode.IsGraphic(r) }) >= 0 || !utf8.ValidString(id):
		return fmt.Sprintf("%q", id)
	}
	return id
}

// skipOf turns an unreadable item into a Skip; the line of an input error
// goes into Skip.Line rather than the reason.
func skipOf(it corpus.Item) Skip {
	sk := Skip{Path: it.Path, Line: it.Line, ID: it.Article.ID, Reason: it.Err.Error()}
	if ie := graph.AsError(it.Err); ie != nil && ie.Pos.File == it.Path {
		sk.Line, sk.Reason = ie.Pos.Line, ie.UserMessage()
	}
	return sk
}

type docStats struct {
	curated, rejected, duplicates int
}

// Document builds the document of one article: the mentions and claims of the
// Extractor (or, without one, the gazetteer mention counts), minus the
// claims corrections.yaml rejects and those a curated claim already states,
// plus the curated claims of the article (which must be located in a.Text:
// an unlocatable quote is an error naming the claims file and line), and
// every actor these refer to with their affiliations, transitively. An
// actor id the gazetteer does not know, an Extractor error or an invalid
// document is an error; the document is checked with graph.Document.Validate.
func (l *Loader) Document(ctx context.Context, a graph.Article) (graph.Document, error) {
	var curated []graph.Claim
	for _, c := range l.curated[a.ID] {
		claim, err := c.Locate(a.Text)
		if err != nil {
			return graph.Document{}, err
		}
		curated = append(curated, claim)
	}
	doc, _, err := l.document(ctx, a, curated, true)
	return doc, err
}

// document builds the document of a; with validate it is checked with
// graph.Document.Validate (Load leaves that to the store, which checks
// every document it is given).
func (l *Loader) document(ctx context.Context, a graph.Article, curated []graph.Claim, validate bool) (graph.Document, docStats, error) {
	var stats docStats
	doc := graph.Document{Article: a}
	var mentions []graph.Mention
	var extracted []graph.Claim
	if strings.TrimSpace(a.Text) != "" {
		if l.x != nil {
			var err error
			mentions, extracted, err = l.x.Extract(ctx, a)
			if err != nil {
				return doc, stats, fmt.Errorf("extract: %w", err)
			}
		} else {
			mentions = l.mentions.Count(a.Text)
		}
	}

	// Sized once: growing these maps was a tenth of loading an article.
	curatedKeys := make(map[edgeKey]bool, len(curated))
	seenIDs := make(map[string]bool, len(curated)+len(extracted))
	doc.Claims = make([]graph.Claim, 0, len(curated)+len(extracted))
	for _, c := range curated {
		curatedKeys[keyOf(c)] = true
		seenIDs[c.ID] = true
		doc.Claims = append(doc.Claims, c)
	}
	stats.curated = len(curated)
	for _, c := range extracted {
		if c.Article != a.ID || c.ID == "" {
			// An extractor's claim id is kept when it names this
			// article (the store checks it); any other is made here.
			c.Article = a.ID
			c.ID = graph.ClaimID(c.Article, c.Type, c.Source, c.Target, c.Start, c.End)
		}
		c.Quote = quoteOf(a.Text, c)
		switch {
		case l.rejected(c):
			stats.rejected++
		case curatedKeys[keyOf(c)]:
			stats.duplicates++
		case seenIDs[c.ID]:
		default:
			seenIDs[c.ID] = true
			doc.Claims = append(doc.Claims, c)
		}
	}
	slices.SortFunc(doc.Claims, func(x, y graph.Claim) int {
		if x.Start != y.Start {
			return cmp.Compare(x.Start, y.Start)
		}
		return strings.Compare(x.ID, y.ID)
	})

	counts := make(map[string]int, len(mentions)+2*len(doc.Claims))
	for _, m := range mentions {
		counts[m.Actor] += m.Count
	}
	for _, c := range doc.Claims {
		for _, id := range []string{c.Source, c.Target} {
			if counts[id] < 1 {
				counts[id] = 1
			}
		}
	}
	ids := make(map[string]bool, len(counts))
	doc.Mentions, doc.Actors = sized(len(counts))
	for _, id := range sortedKeys(counts) {
		if counts[id] < 1 {
			continue
		}
		doc.Mentions = append(doc.Mentions, graph.Mention{Actor: id, Count: counts[id]})
		for next := id; next != "" && !ids[next]; {
			act, ok := l.actor(next)
			if !ok {
				if d, isD := l.x.(Discoverer); isD {
					act, ok = d.Discovered(next)
				}
			}
			if !ok {
				return doc, stats, fmt.Errorf("%w: article %q: unknown actor %q (not in the gazetteer)", graph.ErrInvalid, a.ID, next)
			}
			ids[next] = true
			doc.Actors = append(doc.Actors, act)
			next = act.Affiliation
		}
	}
	slices.SortFunc(doc.Actors, func(x, y graph.Actor) int { return strings.Compare(x.ID, y.ID) })
	if validate {
		if err := doc.Validate(); err != nil {
			return doc, stats, err
		}
	}
	return doc, stats, nil
}

// quoteOf returns c's quote from text, the same bytes, when it is text at
// c's offsets, else c.Quote as it is: the extractor's quote is part of its
// copy of the sentence, which a document would keep alive until it is
// written.
func quoteOf(text string, c graph.Claim) string {
	if c.Start >= 0 && c.Start <= c.End && c.End <= len(text) && text[c.Start:c.End] == c.Quote {
		return text[c.Start:c.End]
	}
	return c.Quote
}

// sized returns a document's mentions and actors, empty, for n actors
// mentioned (an affiliation may add actors), or nil for none: growing them
// was most of what the loader itself allocated.
func sized(n int) ([]graph.Mention, []graph.Actor) {
	if n == 0 {
		return nil, nil
	}
	return make([]graph.Mention, 0, n), make([]graph.Actor, 0, n+n/4)
}

// actor is l.gaz.Actor from l.actors: documents share the returned Actor
// values (and their Aliases, which nobody changes).
func (l *Loader) actor(id string) (graph.Actor, bool) {
	i, ok := l.actorIdx[id]
	if !ok {
		return graph.Actor{}, false
	}
	return l.actors[i], true
}

func (l *Loader) rejected(c graph.Claim) bool {
	for _, r := range l.rejections {
		if r.Matches(c) {
			return true
		}
	}
	return false
}

type edgeKey struct {
	t              graph.RelationType
	source, target string
}

// keyOf identifies a claim's relation within its article; MET is symmetric.
func keyOf(c graph.Claim) edgeKey {
	s, t := c.Source, c.Target
	if c.Type == graph.Met && t < s {
		s, t = t, s
	}
	return edgeKey{c.Type, s, t}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// outsideCorpus collects the entries of an input file that name articles not
// in the corpus, to report them in one warning rather than one per entry.
type outsideCorpus struct {
	first    graph.Position
	entries  int
	articles map[string]bool
}

func (o *outsideCorpus) add(pos graph.Position, article string) {
	if o.entries == 0 {
		o.first, o.articles = pos, map[string]bool{}
	}
	o.entries++
	o.articles[article] = true
}

// warning is the one warning for every entry added, or "" when none was:
// "FILE:LINE: 3 curated claims of 2 articles not in the corpus not
// loaded (a1, a2)", naming the first entry's line and at most five articles.
func (o *outsideCorpus) warning(one, many, outcome string) string {
	if o.entries == 0 {
		return ""
	}
	ids := sortedKeys(o.articles)
	more := ""
	if len(ids) > 5 {
		ids, more = ids[:5], fmt.Sprintf(" and %d more", len(ids)-5)
	}
	return fmt.Sprintf("%s: %d %s of %d %s not in the corpus %s (%s%s)", o.first, o.entries, pluralWord(o.entries, one, many),
		len(o.articles), pluralWord(len(o.articles), "article", "articles"), outcome, strings.Join(ids, ", "), more)
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
