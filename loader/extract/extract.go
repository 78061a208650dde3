// Package extract is Rawabit's rule-based relation extractor: it reads Arabic
// news, finds the actors of a gazetteer (package loader/gazetteer) and the
// trigger words of a lexicon (data/triggers.yaml), and turns each sentence
// that states a meeting, support or opposition between two actors into a
// graph.Claim carrying the verbatim quote. docs/extraction.md is the guide.
//
// The pipeline works in layers, per sentence (articles are streamed sentence
// by sentence, so memory does not grow with the article), each with one job:
//
//  1. Words: tokens with byte offsets (arabic.AppendTokens); clitics are read
//     off a word only when the rest is a known name or cue; triggers are
//     lexicon entries, written by hand or generated from lemmas (lemmas.go).
//  2. Entities (entities.go, roles.go): gazetteer names by longest match;
//     role titles standing for their holder on the article's date or for the
//     person the article introduced with them; persons discovered after a
//     rank or a title (DiscoveredID); anaphors (الحركة, المملكة) and country
//     pronouns (بلاده).
//  3. Cues and clauses: lexicon cues; clauses cut at punctuation and clause
//     words, short asides between commas or brackets kept inside.
//  4. Readings, as ordered tables of named entries, each with its test
//     sentences: frames written as data (frames.go, the frames: section),
//     the clause reader (clause.go) and its verbal nouns (nouns.go), and
//     meetings as events across sentences (events.go).
//  5. Certainty and negation at clause scope; claims with the rule that
//     produced them (Result.Rule).
//
// Confidence says how a claim was found: each entry's base confidence, minus
// 0.05 for every pair of a list but the first, 0.05 per argument named by a
// capital, demonym, title or pronoun, 0.10 when the claim spans more than 14
// words and 0.05 when it is alleged; clamped to [0.30, 0.95].
package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// Version is the version of the rules; it changes whenever the rules change
// in a way that changes their output.
const Version = "11"

// Name is the Claim.Extractor of every claim this package makes.
const Name = "rawabit-rules/" + Version

// Extractor finds claims in Arabic text. It is safe for concurrent use.
type Extractor struct {
	actors []graph.Actor
	// kinds is actors[i].Kind by index, dense (analyzer.kindOf).
	kinds    []graph.Kind
	byID     map[string]int32
	forms    []form
	names    *trie
	cues     *trie
	specs    []cueSpec
	maxBytes int
	// countryPronouns are the normalised words of the lexicon's
	// country_pronouns; pronounForm[actor] is the form index a state gets
	// when one of them names it.
	countryPronouns map[string]bool
	pronounForm     map[int32]int32
	// demandObjects are the lexicon's demand_objects ("إنهاء", "وقف").
	demandObjects map[string]bool
	// words holds the entries of the lookup sections (stance_nouns,
	// indirect_met, delegations, anaphors, planned_after …: every kind
	// from cueStance on) as normalised phrases, words joined by a space.
	words kindSets
	// firstWords holds the first word of every lookup entry, so a phrase
	// is only assembled where one can start.
	firstWords kindSets
	// orgHeads lists, per organisation, the head nouns of its names that
	// an anaphor refers back to ("حركة حماس" has حركه: "الحركة" is Hamas
	// when Hamas is the last such organisation named).
	orgHeads map[int32][]string
	// orgHeadsAt is orgHeads by actor index, dense (headsOf).
	orgHeadsAt [][]string
	// titleForm and discoveredForm are the forms of the entity layer's
	// mentions (entities.go): a title standing for its holder and a
	// discovered name. Their actor is the mention's, not the form's.
	titleForm, discoveredForm int32
	// discovered holds every actor discovered so far, by id, so that a
	// loader can store them (Discovered).
	discovered sync.Map
	// rankLast holds the last word of every rank, eventFirst the first
	// word of every event construction's words, nameStart the flags
	// (startFirstName, startRankEnd) of the words that may start a
	// discovered name: cheap filters before a phrase is looked up.
	rankLast, eventFirst map[string]bool
	nameStart            map[string]uint8
	// info gathers, per written word, what those lookups say of it
	// (words.go).
	info map[string]*wordInfo
	// vocab holds the words of both tries and of info: each sentence is
	// read against it once (arabic.Vocabulary.Read), and infoByID is info
	// by word id (words.go).
	vocab    *arabic.Vocabulary
	infoByID []*wordInfo
	// firstByID is wordInfo.first by word id, dense (phraseStarts);
	// startsByID is phraseStarts by word id, for the words of the
	// vocabulary when info was built (wordStarts).
	firstByID, startsByID []uint64
	// phrases holds the lookup sections' entries of more than one word
	// as paths of word ids (phrases.go).
	phrases phraseTrie
	// cliticParent marks the cue nodes a trailing clitic preposition may
	// follow; cliticKeys maps its letter to its word id (words.go).
	cliticParent []bool
	cliticKeys   map[rune]int32
	// frameWords is the union of the frames' word sets (objects, after,
	// not_after, then, unless): a token neither in it nor with a clitic
	// stem in it is in none of them (analyzer.mayBeFrameWord).
	frameWords map[string]bool
	// sentences pools the analyzers' arabic.Sentence, whose cache of read
	// words then serves article after article (words.go).
	sentences sync.Pool
	// counts pools the analyzers' mention counts by actor index
	// (*mentionCounts, words.go).
	counts sync.Pool
	// roles are the gazetteer's roles: their titles stand for their holder
	// (roles.go).
	roles []role
	// roleHeads maps the head of a role's title written before a name of
	// its owner ("وزير خارجيه" of "وزير خارجية إيران") and the owner's id,
	// joined by "\x00", to 1 + the role's index, and roleForm holds one
	// title form per role: the title resolves whatever name of the owner
	// follows it (roles.go, roleByHead).
	roleHeads map[string]int32
	roleForm  []int32
	// roleOf maps an office and an owner's id, joined by "\x00", to 1 + the
	// role's index; heldBy maps a holder to the roles it ever held
	// (1 + index): "نظيره العماني" is the role of the subject's office
	// owned by Oman (counterpart).
	roleOf map[string]int32
	heldBy map[int32][]int32
	// calibration maps a rule to its base confidence on the dev gold.
	calibration map[string]float64
	// frames and frameVerbs are the lexicon's frames (frames.go).
	frames     []frame
	frameVerbs map[string][]int32
	// pairModel and pairRecord are the pair model and its trainer's
	// recorder (pairmodel.go); nil when off.
	pairModel  *PairModel
	pairRecord func(pairExample)
	// anaphorAll: the anaphor section has no table bit, so mayAnaphorAt
	// passes every token (markAnaphorStarts).
	anaphorAll bool
	// anaphorProbe, set by tests alone, makes anaphorAt run its readers at
	// every token and report whether the table let it through (may) and
	// whether a reader added a mention or left blocked set (read).
	anaphorProbe func(a *analyzer, i int, may, read bool)
}

// The form types of the entity layer's mentions.
const (
	formBoundTitle gazetteer.FormType = "bound-title"
	formDiscovered gazetteer.FormType = "discovered"
)

// remember records a discovered actor for Discovered.
func (x *Extractor) remember(a graph.Actor) { x.discovered.LoadOrStore(a.ID, a) }

// Discovered returns an actor the extractor discovered outside the
// gazetteer (its id starts with DiscoveredPrefix) in an article it has
// extracted; ok is false for any other id. A loader stores the actors of
// its claims through it.
func (x *Extractor) Discovered(id string) (graph.Actor, bool) {
	v, ok := x.discovered.Load(id)
	if !ok {
		return graph.Actor{}, false
	}
	return v.(graph.Actor), true
}

type form struct {
	actor int32
	// role is 1 + the index in Extractor.roles of the role whose title the
	// form is (gazetteer.FormTitle), 0 for other forms.
	role int32
	typ  gazetteer.FormType
	// adjective is a demonym in adjective form (الأمريكي, الإماراتية): it
	// names its state only as the agent of a trigger noun.
	adjective bool
	text      string
}

// ActorForms is one actor with its surface forms, the input of New.
type ActorForms struct {
	Actor graph.Actor
	Forms []gazetteer.Form
}

// FromGazetteer builds the extractor input from a gazetteer.
func FromGazetteer(g *gazetteer.Gazetteer) []ActorForms {
	entries := g.Entries()
	out := make([]ActorForms, 0, len(entries))
	for _, e := range entries {
		a, ok := g.Actor(e.ID)
		if !ok {
			a = graph.Actor{ID: e.ID, Kind: e.Kind}
		}
		out = append(out, ActorForms{Actor: a, Forms: e.Forms})
	}
	return out
}

// New builds an extractor from actors and their forms and a lexicon. It
// returns an error wrapping graph.ErrInvalid when an actor has no id or two
// actors share a form (the gazetteer parser already rejects both).
func New(actors []ActorForms, lex *Lexicon, opts ...Option) (*Extractor, error) {
	if lex == nil {
		return nil, fmt.Errorf("extract: %w: no lexicon", graph.ErrInvalid)
	}
	vocab := arabic.NewVocabulary()
	x := &Extractor{byID: map[string]int32{}, vocab: vocab, names: newTrie(vocab), cues: newTrie(vocab), maxBytes: DefaultMaxSentenceBytes}
	owner := map[int32]string{}
	for _, af := range actors {
		if af.Actor.ID == "" {
			return nil, fmt.Errorf("extract: %w: actor with empty id", graph.ErrInvalid)
		}
		if _, dup := x.byID[af.Actor.ID]; dup {
			return nil, fmt.Errorf("extract: %w: actor %q given twice", graph.ErrInvalid, af.Actor.ID)
		}
		ai := int32(len(x.actors))
		x.byID[af.Actor.ID] = ai
		x.actors = append(x.actors, af.Actor)
		x.kinds = append(x.kinds, af.Actor.Kind)
		for _, f := range af.Forms {
			words := formWords(f.Text)
			if len(words) == 0 {
				continue
			}
			n := x.names.insert(words)
			if v := x.names.val[n]; v >= 0 {
				if x.forms[v].actor != ai {
					return nil, fmt.Errorf("extract: %w: form %q of %q is already a form of %q", graph.ErrInvalid, f.Text, af.Actor.ID, owner[n])
				}
				continue
			}
			x.names.val[n] = int32(len(x.forms))
			owner[n] = af.Actor.ID
			x.forms = append(x.forms, form{actor: ai, typ: f.Type, adjective: f.Type == gazetteer.FormDemonym && isAdjective(words[len(words)-1]), text: f.Text})
		}
	}
	x.countryPronouns = map[string]bool{}
	x.pronounForm = map[int32]int32{}
	x.demandObjects = map[string]bool{}
	for _, e := range lex.entries {
		if k := e.spec.kind; k >= cueStance {
			if x.words[k] == nil {
				x.words[k] = map[string]bool{}
			}
			x.words[k][strings.Join(e.tokens, " ")] = true
			if x.firstWords[k] == nil {
				x.firstWords[k] = map[string]bool{}
			}
			x.firstWords[k][e.tokens[0]] = true
		}
		switch e.spec.kind {
		case cueCountryPronoun:
			x.countryPronouns[strings.Join(e.tokens, " ")] = true
		case cueDemandObject:
			x.demandObjects[e.tokens[0]] = true
		}
	}
	x.orgHeads = map[int32][]string{}
	for _, f := range x.forms {
		if k := x.actors[f.actor].Kind; k != graph.KindOrganisation && k != graph.KindState || f.typ != gazetteer.FormName {
			continue
		}
		// "حركة حماس" and "المملكة المغربية" give the heads حركه and مملكه;
		// "مجموعة فاغنر" the head of a group noun (المجموعة الروسية).
		first, _, _ := strings.Cut(arabic.Normalize(f.text), " ")
		first = strings.TrimPrefix(first, "ال")
		if (x.words[cueAnaphor]["ال"+first] || x.words[cueKindGroup]["ال"+first]) && !slices.Contains(x.orgHeads[f.actor], first) {
			x.orgHeads[f.actor] = append(x.orgHeads[f.actor], first)
		}
	}
	x.orgHeadsAt = make([][]string, len(x.actors))
	for i, h := range x.orgHeads {
		x.orgHeadsAt[i] = h
	}
	for ai, a := range x.actors {
		if a.Kind == graph.KindState || len(x.orgHeads[int32(ai)]) > 0 {
			x.pronounForm[int32(ai)] = int32(len(x.forms))
			x.forms = append(x.forms, form{actor: int32(ai), typ: formPronoun})
		}
	}
	x.frames, x.frameVerbs, x.calibration = lex.frames, lex.frameVerbs, lex.calibration
	x.frameWords = frameWordsOf(x.frames)
	x.rankLast, x.eventFirst = map[string]bool{}, map[string]bool{}
	x.nameStart = map[string]uint8{}
	for p := range x.words[cueRank] {
		last := p[strings.LastIndexByte(p, ' ')+1:]
		x.rankLast[last] = true
		x.nameStart[last] |= startRankEnd
	}
	for w := range x.words[cueFirstName] {
		x.nameStart[w] |= startFirstName
	}
	for _, ec := range eventConstructions {
		for w := range x.firstWords[ec.kind] {
			x.eventFirst[w] = true
		}
	}
	x.buildWordInfo()
	for _, o := range opts {
		if err := o(x); err != nil {
			return nil, err
		}
	}
	x.titleForm = int32(len(x.forms))
	x.forms = append(x.forms, form{actor: -1, typ: formBoundTitle})
	x.discoveredForm = int32(len(x.forms))
	x.forms = append(x.forms, form{actor: -1, typ: formDiscovered})
	for _, e := range lex.entries {
		if e.spec.kind.isLookup() {
			continue // looked up directly, not matched as cues
		}
		spec := e.spec
		words := e.tokens
		if spec.clitic != "" {
			words = append(append([]string(nil), words...), cliticKey+spec.clitic)
		}
		n := x.cues.insert(words)
		x.cues.val[n] = int32(len(x.specs))
		x.specs = append(x.specs, spec)
	}
	x.buildCliticKeys(lex)
	return x, nil
}

// formPronoun is the form type of a state named by "بلاده" and the like.
const formPronoun gazetteer.FormType = "pronoun"

// isAdjective reports whether a normalised demonym is an adjective
// (الامريكي, الاماراتيه) rather than a plural noun (الامريكيين, الروس).
func isAdjective(w string) bool {
	return strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه")
}

// Actor returns the actor with the given id.
func (x *Extractor) Actor(id string) (graph.Actor, bool) {
	i, ok := x.byID[id]
	if !ok {
		return graph.Actor{}, false
	}
	return x.actors[i], true
}

// Resolve returns the id of the actor a surface form names (normalised the
// same way as the text, clitics stripped when the rest is a known name),
// or "" when it names none.
func (x *Extractor) Resolve(surface string) string {
	toks := arabic.Tokens(surface)
	if len(toks) == 0 {
		return ""
	}
	m, _, ok := x.names.longest(toks, 0, nil, nil)
	if !ok || m.end != len(toks) {
		return ""
	}
	f := x.forms[m.val]
	if f.actor < 0 {
		// A role's title: its holder is known only on a date.
		return ""
	}
	return x.actors[f.actor].ID
}

// Argument is one side of a claim as the article names it.
type Argument struct {
	Actor graph.Actor
	// Mention is the text of the article that names the actor:
	// article.Text[Start:End].
	Mention    string
	Start, End int
}

// Result is one claim with the mentions of its two actors and the rule that
// found it.
type Result struct {
	Claim          graph.Claim
	Source, Target Argument
	// Rule names the construction that matched, e.g. "verb/subject-first".
	Rule string
}

// Stats summarises one extraction run over an article.
type Stats struct {
	Bytes     int
	Sentences int
	// Mentions counts, per actor id, how often the article names it.
	Mentions map[string]int
}

// DefaultMaxSentenceBytes caps a sentence: a longer run of text without a
// sentence end is cut at a space, so memory stays bounded on any input.
const DefaultMaxSentenceBytes = 16 << 10

// ExtractReader streams an article's text from r sentence by sentence and
// calls emit for every claim found, in text order; offsets are byte offsets
// from the start of r. It stops with ctx's error when ctx is cancelled, with
// emit's error, or with r's read error (wrapped). Memory is bounded by the
// longest sentence (at most DefaultMaxSentenceBytes), not by the article.
func (x *Extractor) ExtractReader(ctx context.Context, article string, r io.Reader, emit func(Result) error) (Stats, error) {
	return x.extractReader(ctx, article, time.Time{}, r, emit)
}

// extractReader is ExtractReader for an article published on day
// published (zero: unknown, then the first date of its text is used).
func (x *Extractor) extractReader(ctx context.Context, article string, published time.Time, r io.Reader, emit func(Result) error) (Stats, error) {
	st := Stats{Mentions: map[string]int{}}
	a := x.newAnalyzer()
	x.takeCounts(a)
	faulted := false
	defer func() {
		if !faulted { // a faulted analyzer's buffers go to no pool
			x.releaseAnalyzer(a)
		}
	}()
	a.date = published
	// Claim ids include the offsets, so duplicates can only come from one
	// sentence: remembering that sentence's ids keeps memory bounded.
	var seen []string
	err := scanSentences(r, x.maxBytes, func(off int, s string) error {
		if st.Sentences%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		st.Sentences++
		st.Bytes = off + len(s)
		seen = seen[:0]
		return readGuarded(off, s, func() error {
			return a.sentence(article, off, s, &st, func(res Result) error {
				if slices.Contains(seen, res.Claim.ID) {
					return nil
				}
				seen = append(seen, res.Claim.ID)
				return emit(res)
			})
		})
	})
	var fault *RuleFault
	if faulted = errors.As(err, &fault); faulted {
		return st, fmt.Errorf("extract: article %q: %w", article, fault)
	}
	a.flushMentions(&st)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return st, err
		}
		return st, fmt.Errorf("extract: article %q: %w", article, err)
	}
	return st, nil
}

// RuleFault is the error of an article whose reading panicked in the
// rules: a bug of the extractor on one sentence. The article is refused
// with this error (the loader skips it, naming its file) instead of the
// panic ending the program, and the other articles are read as usual.
type RuleFault struct {
	// Offset is the byte offset of the sentence in the article.
	Offset int
	// Sentence is the sentence's first 200 bytes, to report the bug with.
	Sentence string
	// Value is what the rules panicked with, and Stack where.
	Value any
	Stack []byte
}

// Error says which sentence the rules failed on and what they panicked with.
func (f *RuleFault) Error() string {
	return fmt.Sprintf("the rules failed on the sentence at byte %d (%v): an extractor bug, please report it with that sentence", f.Offset, f.Value)
}

// beforeSentence, when set (by tests only), is called with each sentence
// before the rules read it.
var beforeSentence func(sentence string)

// readGuarded runs read, the rules over the sentence s at byte off, and
// returns its error; a panic in read is returned as a *RuleFault.
func readGuarded(off int, s string, read func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &RuleFault{Offset: off, Sentence: truncateUTF8(s, 200), Value: v, Stack: debug.Stack()}
		}
	}()
	if beforeSentence != nil {
		beforeSentence(s)
	}
	return read()
}

// truncateUTF8 returns at most n bytes of s, cut at a rune boundary.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// ExtractText is ExtractReader over a string, collecting the results.
func (x *Extractor) ExtractText(ctx context.Context, article, text string) ([]Result, Stats, error) {
	var out []Result
	st, err := x.ExtractReader(ctx, article, strings.NewReader(text), func(r Result) error {
		out = append(out, r)
		return nil
	})
	return out, st, err
}

// Extract implements loader.Extractor: the mentions (sorted by actor id) and
// claims of one article. Claims carry graph.ClaimID ids, Extractor Name and
// quotes equal to a.Text[Start:End]. An article with empty text gives no
// mentions, no claims and no error. It returns ctx's error when ctx is
// cancelled.
func (x *Extractor) Extract(ctx context.Context, a graph.Article) ([]graph.Mention, []graph.Claim, error) {
	var claims []graph.Claim
	st, err := x.extractReader(ctx, a.ID, a.Published, strings.NewReader(a.Text), func(r Result) error {
		claims = append(claims, r.Claim)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return mentionList(st.Mentions), claims, nil
}

func mentionList(m map[string]int) []graph.Mention {
	out := make([]graph.Mention, 0, len(m))
	for id, n := range m {
		out = append(out, graph.Mention{Actor: id, Count: n})
	}
	sortMentions(out)
	return out
}

// formWords returns the normalised words of a gazetteer form, the keys of
// the names trie.
func formWords(text string) []string {
	toks := arabic.Tokens(text)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Norm
	}
	return words
}
