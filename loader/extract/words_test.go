package extract

import (
	"strings"
	"testing"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
)

// The string lookups the token table replaced (words.go), kept as the
// reference it is checked against.

func isWordByStrings(a *analyzer, kind cueKind, k int) bool {
	if k < 0 || k >= len(a.toks) || a.menAt[k] >= 0 {
		return false
	}
	w := a.toks[k].Norm
	if a.x.words[kind][w] {
		return true
	}
	r := arabic.CutConjunctions(w)
	return r != w && r != "" && a.x.words[kind][r]
}

func phraseAtByStrings(a *analyzer, kind cueKind, k int) int {
	set, first := a.x.words[kind], a.x.firstWords[kind]
	var b []byte
	for n := 0; n < 4 && k+n < len(a.toks); n++ {
		t := a.toks[k+n].Norm
		if n == 0 {
			if !first[t] {
				if r := arabic.CutConjunctions(t); r == t || !first[r] {
					return 0
				}
				t = arabic.CutConjunctions(t)
			}
		} else {
			b = append(b, ' ')
		}
		b = append(b, t...)
		if set[string(b)] {
			return n + 1
		}
	}
	return 0
}

func longestPhraseAtByStrings(a *analyzer, kind cueKind, k int) int {
	set, first := a.x.words[kind], a.x.firstWords[kind]
	w := a.toks[k].Norm
	if !first[w] {
		if w = trimConjunction(w); !first[w] {
			return 0
		}
	}
	best := 0
	if set[w] {
		best = 1
	}
	for n := 2; n <= 4 && k+n <= len(a.toks); n++ {
		w += " " + a.toks[k+n-1].Norm
		if set[w] {
			best = n
		}
	}
	return best
}

// anaphorByStrings is anaphor's test of its word: whether token k, read
// without its clitics, is an anaphor of the lexicon.
func anaphorByStrings(a *analyzer, k int) bool {
	w := a.toks[k].Norm
	w = arabic.CutConjunctions(w)
	switch {
	case strings.HasPrefix(w, "لل"):
		w = "ال" + w[len("لل"):]
	case strings.HasPrefix(w, "بال"):
		w = w[len("ب"):]
	}
	return a.x.words[cueAnaphor][w]
}

func countryPronounByStrings(a *analyzer, k int) (string, bool) {
	w := a.toks[k].Norm
	if a.x.countryPronouns[w] {
		return "", true
	}
	for _, sp := range arabic.Proclitics(nil, w) {
		if a.x.countryPronouns[sp.Stem] {
			return sp.Prefix, true
		}
	}
	return "", false
}

// TestTokenTable checks the token table's answers (wordAt, cutInfo and
// the bits they hold) against the string lookups they replaced, for every
// token of the seed articles and of sentences written for the test, and
// every lookup section.
func TestTokenTable(t *testing.T) {
	x := testExtractor(t)
	a := x.newAnalyzer()
	defer x.releaseAnalyzer(a)
	texts := []string{
		"وقالت الحركة إن المملكة وبلاده وللحركة وبالحركة وفالحركة ولبلاده ترفض ذلك.",
		"والتقى وزير الخارجية الفريق أول محمد بن سلمان في إطار مفاوضات غير مباشرة عبر وسطاء، إلى جانب وفد برئاسة هنية.",
		"و ف وو فال لل ال x 12 وفي",
		"وأجرى الرئيس محادثات معه ومعها فمعه ومعهم بمعه.",
		"وقالت هذه الجماعة ولهذه الدولة وبهذا التنظيم إن البلدين والبلدان فالجماعة وهذ تلك في بيان وببيانها وبيانه فبيانا بيانات وقواته جيشها والجانبان الجانبين فالطرفان بالهجوم للهجوم والهجوم وبالهجمات فلهجوم في جامعة وبمطار ولمطار مطارات.",
	}
	for _, it := range readCorpus(t, seedsDir) {
		texts = append(texts, it.Article.Text)
	}
	kinds := 0
	for _, text := range texts {
		_ = scanSentences(strings.NewReader(text), DefaultMaxSentenceBytes, func(_ int, s string) error {
			a.text = s
			a.toks = arabic.AppendTokens(a.toks[:0], s, 0)
			a.readSentence()
			a.menAt = grow(a.menAt, len(a.toks))
			for k := range a.toks {
				for ki := int(cueStance); ki < len(a.x.words); ki++ {
					kind := cueKind(ki)
					if a.x.words[kind] == nil {
						continue
					}
					kinds++
					if got, want := a.isWord(kind, k), isWordByStrings(a, kind, k); got != want {
						t.Errorf("isWord(%d, %q) = %v, want %v", kind, a.toks[k].Norm, got, want)
					}
					if got, want := a.phraseAt(kind, k), phraseAtByStrings(a, kind, k); got != want {
						t.Errorf("phraseAt(%d, %q) = %d, want %d", kind, a.toks[k].Norm, got, want)
					}
					if got, want := a.longestPhraseAt(kind, k), longestPhraseAtByStrings(a, kind, k); got != want {
						t.Errorf("longestPhraseAt(%d, %q) = %d, want %d", kind, a.toks[k].Norm, got, want)
					}
				}
				if got, want := a.rankLastAt(k), a.x.rankLast[a.toks[k].Norm]; got != want {
					t.Errorf("rankLastAt(%q) = %v, want %v", a.toks[k].Norm, got, want)
				}
				for _, set := range []struct {
					name  string
					words map[string]bool
					last  lastBytes
				}{{"forcesWords", forcesWords, forcesWordsLast}, {"placeNouns", placeNouns, placeNounsLast}} {
					w := a.toks[k].Norm
					for _, p := range []string{"", "و", "ف", "ب", "ل", "وب", "ول"} {
						if rest, ok := strings.CutPrefix(w, p); ok && set.words[rest] && !set.last.may(w) {
							t.Errorf("%s: may(%q) = false, want true (%q is an entry)", set.name, w, rest)
						}
					}
				}
				if want := anaphorByStrings(a, k); want && !a.mayBeAnaphor(k) {
					t.Errorf("mayBeAnaphor(%q) = false, want true", a.toks[k].Norm)
				}
				gp, gok := a.countryPronounAt(k)
				if wp, wok := countryPronounByStrings(a, k); gp != wp || gok != wok {
					t.Errorf("countryPronounAt(%q) = %q, %v, want %q, %v", a.toks[k].Norm, gp, gok, wp, wok)
				}
				gd, gdok := a.demonstrativeAt(k)
				wd, wdok := "", false
				for _, p := range demonstrativeClitics {
					if rest, ok := strings.CutPrefix(a.toks[k].Norm, p); ok && a.x.words[cueDemonstrative][rest] {
						wd, wdok = p, true
						break
					}
				}
				if gd != wd || gdok != wdok {
					t.Errorf("demonstrativeAt(%q) = %q, %v, want %q, %v", a.toks[k].Norm, gd, gdok, wd, wdok)
				}
				gc := anaphorNone
				if in := a.wordAt(k); in != nil {
					gc = in.kindClass
				}
				if want := a.x.kindClassOf(a.toks[k].Norm); gc != want {
					t.Errorf("kindClass(%q) = %d, want %d", a.toks[k].Norm, gc, want)
				}
				if got, want := a.wordAt(k) != nil && a.wordAt(k).statement, isStatementWord(a.toks[k].Norm); got != want {
					t.Errorf("statement(%q) = %v, want %v", a.toks[k].Norm, got, want)
				}
				if in := a.wordAt(k); (in != nil && in.forces) != isForcesWord(a.toks[k].Norm) || (in != nil && in.dual) != isDualWord(a.toks[k].Norm) {
					t.Errorf("forces, dual(%q) = %v, want %v, %v", a.toks[k].Norm, in, isForcesWord(a.toks[k].Norm), isDualWord(a.toks[k].Norm))
				}
				if in := a.wordAt(k); (in != nil && in.placeNoun) != isPlaceNoun(a.toks[k].Norm) {
					t.Errorf("placeNoun(%q) = %v, want %v", a.toks[k].Norm, !isPlaceNoun(a.toks[k].Norm), isPlaceNoun(a.toks[k].Norm))
				}
				if got, want := a.startsAt(k), a.phraseStarts(k); got != want {
					t.Errorf("startsAt(%q) = %x, want %x", a.toks[k].Norm, got, want)
				}
				if got, want := a.partnerAt(k), partnerWords[trimConjunction(a.toks[k].Norm)]; got != want {
					t.Errorf("partnerAt(%q) = %v, want %v", a.toks[k].Norm, got, want)
				}
				if got, want := a.eventNoun(k), eventNounByStrings(a, k); got != want {
					t.Errorf("eventNoun(%q) = %v, want %v", a.toks[k].Norm, got, want)
				}
				if got, want := a.firstNameAt(k), a.x.words[cueFirstName][a.toks[k].Norm] && !strings.HasSuffix(s[a.toks[k].Start:a.toks[k].End], "ى"); got != want {
					t.Errorf("firstNameAt(%q) = %v, want %v", a.toks[k].Norm, got, want)
				}
			}
			return nil
		})
	}
	if kinds == 0 {
		t.Fatal("no token read")
	}
}

func TestLastBytes(t *testing.T) {
	f := lastBytesOf(map[string]bool{"قواته": true, "جيشنا": true})
	tests := []struct {
		w    string
		want bool
	}{
		{"قواته", true},
		{"وقواته", true}, // a prefix before an entry
		{"جيشنا", true},
		{"سفيره", true}, // ends like an entry: the map decides
		{"قوات", false},
		{"جيش", false},
		{"", true},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			if got := f.may(tt.w); got != tt.want {
				t.Errorf("may(%q) = %v, want %v", tt.w, got, tt.want)
			}
		})
	}
}

// TestMayBeFrameWord checks that mayBeFrameWord holds for every token
// that is a word of a frame's word set, as written or read without its
// clitics: inSet passes over the others without asking the set.
func TestMayBeFrameWord(t *testing.T) {
	x := testExtractor(t)
	a := x.newAnalyzer()
	defer x.releaseAnalyzer(a)
	texts := []string{"وأكد الجانبان على عمق العلاقات وللعلاقات بالعلاقات والعلاقة فبالعلاقات كالعلاقات فللعلاقة بينهما."}
	for _, it := range readCorpus(t, seedsDir) {
		texts = append(texts, it.Article.Text)
	}
	in := 0
	for _, text := range texts {
		_ = scanSentences(strings.NewReader(text), DefaultMaxSentenceBytes, func(_ int, s string) error {
			a.toks = arabic.AppendTokens(a.toks[:0], s, 0)
			a.readSentence()
			for k := range a.toks {
				for _, f := range x.frames {
					for _, set := range []map[string]bool{f.objects, f.after, f.notAfter, f.then, f.unless} {
						want := set[a.toks[k].Norm]
						for _, sp := range arabic.Proclitics(nil, a.toks[k].Norm) {
							want = want || set[sp.Stem]
						}
						if want {
							in++
						}
						if got := a.inSet(set, k); got != want {
							t.Errorf("inSet(%q) = %v, want %v", a.toks[k].Norm, got, want)
						}
					}
				}
			}
			return nil
		})
	}
	if in == 0 {
		t.Fatal("no token in a frame's word set")
	}
}

// TestKindOf checks kindOf against the actor's own kind for every actor
// of the gazetteer and for one discovered in the article.
func TestKindOf(t *testing.T) {
	x := testExtractor(t)
	a := x.newAnalyzer()
	defer x.releaseAnalyzer(a)
	a.doc.extra = append(a.doc.extra, graph.Actor{ID: "discovered", Kind: graph.KindPerson})
	for i := range int32(len(x.actors) + 1) {
		if got, want := a.kindOf(i), a.actor(i).Kind; got != want {
			t.Errorf("kindOf(%d) = %q, want %q", i, got, want)
		}
	}
}

// eventNounByStrings is eventNoun by string lookups, as it was before the
// token table answered it.
func eventNounByStrings(a *analyzer, k int) bool {
	if k < 0 || k >= len(a.toks) || a.menAt[k] >= 0 {
		return false
	}
	if isWordByStrings(a, cueAttackNoun, k) {
		return true
	}
	w := arabic.CutConjunctions(a.toks[k].Norm)
	set := a.x.words[cueAttackNoun]
	switch {
	case strings.HasPrefix(w, "لل"):
		return set["ال"+w[len("لل"):]]
	case strings.HasPrefix(w, "ب"), strings.HasPrefix(w, "ل"):
		return set[w[len("ب"):]]
	}
	return false
}

// TestPhraseTrie checks phraseTrie against the string lookup it replaced
// (phraseAtByStrings, longestPhraseAtByStrings) for entries of two to
// five words, which the lexicon's sections do not all have.
func TestPhraseTrie(t *testing.T) {
	v := arabic.NewVocabulary()
	var words kindSets
	words[cueRank] = map[string]bool{"س": true, "س ب": true, "س ب ج": true, "س ب ج د": true, "ك ل": true, "ك ل ز ح ط": true}
	pt := buildPhraseTrie(v, &words)
	bit, ok := pt.byID(cueRank)
	if !ok {
		t.Fatal("byID(cueRank) = false, want true")
	}
	tests := []struct {
		text              string
		shortest, longest int
	}{
		{"س ب ج د ك", 2, 4},
		{"س ب ج ك", 2, 3},
		{"س ب ك", 2, 2},
		{"س ج", 0, 0},
		{"ك ل ز ح ط", 2, 2}, // five words: never found
		{"ب ج د", 0, 0},
		{"س", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var s arabic.Sentence
			v.Read(&s, arabic.AppendTokens(nil, tt.text, 0))
			if got := pt.shortest(bit, s.Words[0], &s, 0); got != tt.shortest {
				t.Errorf("shortest = %d, want %d", got, tt.shortest)
			}
			if got := pt.longest(bit, s.Words[0], &s, 0); got != tt.longest {
				t.Errorf("longest = %d, want %d", got, tt.longest)
			}
		})
	}
	words[cueStance] = map[string]bool{"س  ب": true}
	if pt = buildPhraseTrie(v, &words); pt.odd == 0 {
		t.Errorf("odd = 0 with an entry of an empty word, want its bit")
	}
}
