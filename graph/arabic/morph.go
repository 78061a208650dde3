package arabic

// Inflection of trigger lemmas. An analyst writes a verb or a verbal noun
// once, as a Lemma, and Inflect spells out the surface forms the extractor
// matches. The generator is conservative on purpose: every form it produces
// is a form of the lemma in standard written Arabic, because a spurious form
// that happens to be another word would create false matches. Forms it cannot
// derive safely (the imperfect of most Form I verbs, hollow and hamza-initial
// verbs) it leaves to the analyst, who can give them in the Lemma.
//
// What is generated (before normalisation, all without the clitics و ف ب ل ك
// ال that the matcher strips itself, see Proclitics):
//
//   - Perfect: every person, gender and number (استقبل استقبلت استقبلا
//     استقبلتا استقبلوا استقبلن استقبلتما استقبلتم استقبلتن استقبلنا), with
//     the stems of doubled (ردّ: ردت, رددت), hollow (أدان: أدانت, أدنت) and
//     final-weak verbs (التقى: التقت التقيا التقوا التقينا; دعا: دعت دعوا
//     دعونا; نسي: نسيت نسوا).
//   - Imperfect: every person, indicative and subjunctive/jussive shapes
//     (يستقبل تستقبل أستقبل نستقبل يستقبلان يستقبلا يستقبلون يستقبلوا يستقبلن
//     تستقبلين تستقبلي), the short jussive of final-weak verbs when it is at
//     least four letters long (يلتق, but not يدع, which is also "leaves"), and
//     the future with س attached to every indicative form (سيستقبل سنستقبل).
//     Hollow verbs get no feminine plural and no jussive (their short stem
//     is often another word: يقل). The imperative is never generated.
//   - Object pronouns (ه ها هما هم هن ك كم نا ني) on every 3rd-person perfect
//     and on every 3rd-person indicative, subjunctive and future imperfect
//     (استقبله استقبلته استقبلوه يستقبلهم سيستقبلها; التقاه يتصداه).
//   - Verbal nouns: the noun, its indefinite accusative with alef (دعما,
//     اتصالا; none after ة, ى or اء), its dual (اتصالان اتصالين مساعدتان),
//     the plural in ات of a noun in ة (مساعدات), and possessive pronouns
//     (ه ها هما هم هن ك كم نا ي) on the singular and the plurals, with ة
//     written ت (مساعدته) and a final hamza on all three seats (لقاءه لقاؤه
//     لقائه). Other plurals are given in Lemma.Plurals (لقاءات, اتصالات).
//   - Participles: masculine and feminine, singular, dual and plural,
//     indefinite accusative and the construct plural (داعم داعما داعمة
//     داعمان داعمين داعمتان داعمتين داعمون داعمات داعمو داعمي); a participle
//     written with a final ي is read as defective (موالي: موال مواليا موالية
//     موالون موالين). A participle ending in ى yields only itself.

import (
	"strconv"
	"strings"
)

// Lemma is a trigger word as an analyst writes it. Every field is one Arabic
// word, written with or without diacritics; a shadda on the last letter of
// Perfect marks a doubled verb (ردّ, استمرّ), one on the middle letter of a
// three-letter Perfect marks Form II (ندّد), which lets Inflect derive more
// imperfects. A Lemma needs at least one non-empty field.
type Lemma struct {
	Perfect   string   // 3rd person masculine singular perfect: استقبل, التقى, ردّ, دعم
	Imperfect string   // 3rd person masculine singular imperfect: يستقبل, يلتقي, يدعم ("" = derive if regular, else none; see DeriveImperfect)
	Nouns     []string // verbal nouns, singular: استقبال, لقاء, دعم
	Plurals   []string // plurals of the verbal nouns other than ة → ات: لقاءات, اتصالات
	Active    string   // active participle, masculine singular, optional: مستقبل, داعم, موالي
	Passive   string   // passive participle, masculine singular, optional: مدعوم
}

// Aspect is the part of a lemma's paradigm an Inflection belongs to.
type Aspect uint8

// The aspects, in the order Inflect generates them.
const (
	Perfect           Aspect = iota + 1 // finite verb, past: استقبل
	Imperfect                           // finite verb, present or future: يستقبل, سيستقبل
	VerbalNoun                          // masdar: استقبال
	ActiveParticiple                    // مستقبل, داعم
	PassiveParticiple                   // مدعوم
)

var aspectNames = [...]string{
	Perfect:           "perfect",
	Imperfect:         "imperfect",
	VerbalNoun:        "verbal noun",
	ActiveParticiple:  "active participle",
	PassiveParticiple: "passive participle",
}

// String returns the aspect's name in English ("perfect"), or "aspect(N)"
// for a value that is not one of the constants.
func (a Aspect) String() string {
	if int(a) < len(aspectNames) && aspectNames[a] != "" {
		return aspectNames[a]
	}
	return "aspect(" + strconv.Itoa(int(a)) + ")"
}

// Inflection is one surface form of a Lemma with its grammatical features.
// The same Norm may appear in several inflections (استقبلت is 3rd feminine
// and 1st and 2nd person singular); Forms lists each Norm once.
type Inflection struct {
	Norm     string // the normalised surface form (Normalize)
	Aspect   Aspect
	Person   uint8  // 1, 2, 3; 0 for nouns and participles
	Feminine bool   // feminine subject (verbs) or form (participles); false for nouns and common-gender forms
	Number   uint8  // 1 singular, 2 dual, 3 plural (1st person plural included)
	Object   string // attached pronoun suffix (normalised: ه ها هما هم هن ك كم نا ني), "" for none; for nouns it is the possessive (ي for "my")
	Negation bool   // reserved: false
	Future   bool   // the imperfect with the future prefix س attached (سيستقبل)
}

// LemmaError reports a Lemma field Inflect cannot read. Field names the
// field as written in Go ("Perfect", "Nouns[1]").
type LemmaError struct {
	Field   string
	Value   string
	Problem string
}

// Error returns the field, its value and the problem in one line.
func (e *LemmaError) Error() string {
	return "arabic: lemma " + e.Field + " " + strconv.Quote(e.Value) + ": " + e.Problem
}

// Inflect returns every inflection of l (the comment at the top of
// morph.go lists what is generated), normalised and deduplicated (no two
// equal Inflection values), in a stable order: perfect, imperfect, verbal
// nouns, plurals, active and passive participles, each in paradigm order.
// A field that is not one Arabic word, an Imperfect that does not start
// with ي, a participle given in the feminine or an empty Lemma is a
// *LemmaError and yields no inflections.
func Inflect(l Lemma) ([]Inflection, error) {
	s, err := spellLemma(l)
	if err != nil {
		return nil, err
	}
	g := &generator{seen: map[Inflection]bool{}}
	if s.perfect.r != nil {
		g.perfect(s.perfect)
	}
	if s.imperfect != "" {
		g.imperfect(s.imperfect, imperfectClassOf(s.imperfect, s.perfect))
	}
	for _, n := range s.nouns {
		g.noun(n)
	}
	for _, p := range s.plurals {
		g.nounForms(p, 3)
	}
	if s.active != "" {
		g.participle(s.active, ActiveParticiple)
	}
	if s.passive != "" {
		g.participle(s.passive, PassiveParticiple)
	}
	return g.out, nil
}

// Forms returns the distinct normalised forms of l in Inflect's order: the
// words a matcher looks for.
func Forms(l Lemma) ([]string, error) {
	infl, err := Inflect(l)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range infl {
		if !seen[f.Norm] {
			seen[f.Norm] = true
			out = append(out, f.Norm)
		}
	}
	return out, nil
}

// DeriveImperfect returns the 3rd person masculine singular imperfect of a
// perfect, unnormalised, when its spelling follows from the perfect alone,
// or "" when it does not. It derives: Forms VII, VIII and X and a bare-alef
// Form IV (اجتمع يجتمع, التقى يلتقي, استقبل يستقبل, اعلن يعلن), Form IV with
// a written hamza (أعلن يعلن, أجرى يجري, أحبّ يحب), Forms V and VI and
// quadriliterals in ت (تحدث يتحدث, تصدى يتصدى), Form III (ساند يساند, نادى
// ينادي), Form II marked with a shadda (ندّد يندد, أيّد يؤيد), sound Form I
// without weak letters or hamza (دعم يدعم) and doubled Form I (ردّ يرد). It
// derives nothing for hollow verbs (قال, أدان), final-weak Form I (دعا،
// رمى), hamza-initial Form I (أخذ) and verbs with a hamza after their
// first letter (سأل, أنشأ ينشئ): their vowels or hamza seats are not
// written.
func DeriveImperfect(perfect string) string {
	w, err := spell("Perfect", perfect)
	if err != nil || len(w.r) < 2 {
		return ""
	}
	return deriveImperfect(w)
}

// word is a lemma field letter by letter, diacritics removed; shadda[i]
// tells whether letter i carried a shadda.
type word struct {
	r      []rune
	shadda []bool
}

func (w word) String() string { return string(w.r) }

func (w word) last() rune { return w.r[len(w.r)-1] }

// spell reads one lemma field.
func spell(field, s string) (word, error) {
	var w word
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == 'ّ':
			if len(w.r) == 0 {
				return word{}, &LemmaError{field, s, "a shadda before any letter"}
			}
			w.shadda[len(w.r)-1] = true
		case r == 'ـ' || isDiacritic(r):
		case r == 'ٱ':
			w.r, w.shadda = append(w.r, 'ا'), append(w.shadda, false)
		case r >= 'ء' && r <= 'غ' || r >= 'ف' && r <= 'ي':
			w.r, w.shadda = append(w.r, r), append(w.shadda, false)
		case r == ' ' || r == '\t':
			return word{}, &LemmaError{field, s, "one word expected; list several words as separate triggers"}
		default:
			return word{}, &LemmaError{field, s, "not an Arabic letter: " + strconv.QuoteRune(r)}
		}
	}
	return w, nil
}

// spelled is a Lemma read letter by letter.
type spelled struct {
	perfect         word
	imperfect       string
	nouns, plurals  []string
	active, passive string
}

func spellLemma(l Lemma) (spelled, error) {
	var s spelled
	if l.Perfect == "" && l.Imperfect == "" && len(l.Nouns) == 0 && len(l.Plurals) == 0 && l.Active == "" && l.Passive == "" {
		return s, &LemmaError{"Lemma", "", "empty: give at least a perfect, an imperfect or a noun"}
	}
	var err error
	if l.Perfect != "" {
		if s.perfect, err = spell("Perfect", l.Perfect); err != nil {
			return s, err
		}
		if len(s.perfect.r) < 2 {
			return s, &LemmaError{"Perfect", l.Perfect, "a verb has at least two letters"}
		}
	}
	if s.imperfect, err = spellImperfect(l.Imperfect, s.perfect); err != nil {
		return s, err
	}
	if s.nouns, err = spellAll("Nouns", l.Nouns); err != nil {
		return s, err
	}
	if s.plurals, err = spellAll("Plurals", l.Plurals); err != nil {
		return s, err
	}
	if s.active, err = spellParticiple("Active", l.Active); err != nil {
		return s, err
	}
	s.passive, err = spellParticiple("Passive", l.Passive)
	return s, err
}

func spellImperfect(imperfect string, perfect word) (string, error) {
	if imperfect == "" {
		if perfect.r == nil {
			return "", nil
		}
		return deriveImperfect(perfect), nil
	}
	w, err := spell("Imperfect", imperfect)
	if err != nil {
		return "", err
	}
	if len(w.r) < 3 || w.r[0] != 'ي' {
		return "", &LemmaError{"Imperfect", imperfect, "give the 3rd person masculine singular, starting with ي"}
	}
	return w.String(), nil
}

func spellAll(field string, words []string) ([]string, error) {
	out := make([]string, 0, len(words))
	for i, s := range words {
		f := field + "[" + strconv.Itoa(i) + "]"
		w, err := spell(f, s)
		if err != nil {
			return nil, err
		}
		if len(w.r) < 2 {
			return nil, &LemmaError{f, s, "a noun has at least two letters"}
		}
		out = append(out, w.String())
	}
	return out, nil
}

func spellParticiple(field, s string) (string, error) {
	if s == "" {
		return "", nil
	}
	w, err := spell(field, s)
	if err != nil {
		return "", err
	}
	if len(w.r) < 3 {
		return "", &LemmaError{field, s, "a participle has at least three letters"}
	}
	if w.last() == 'ة' {
		return "", &LemmaError{field, s, "give the masculine singular; the feminine is generated"}
	}
	return w.String(), nil
}

// generator collects inflections in order, dropping repeats.
type generator struct {
	out  []Inflection
	seen map[Inflection]bool
}

func (g *generator) add(raw string, inf Inflection) {
	inf.Norm = Normalize(raw)
	if inf.Norm == "" || g.seen[inf] {
		return
	}
	g.seen[inf] = true
	g.out = append(g.out, inf)
}

// addWithObjects adds raw and raw with each pronoun of prons attached.
func (g *generator) addWithObjects(raw string, inf Inflection, prons []string) {
	g.add(raw, inf)
	plural := inf.Number == 3 && !inf.Feminine && inf.Aspect <= Imperfect
	for _, p := range prons {
		inf.Object = Normalize(p)
		for _, stem := range suffixStems(raw, plural) {
			g.add(stem+p, inf)
		}
	}
}

// Attached pronouns: objects of verbs and possessives of nouns.
var (
	verbObjects     = []string{"ه", "ها", "هما", "هم", "هن", "ك", "كم", "نا", "ني"}
	nounPossessives = []string{"ه", "ها", "هما", "هم", "هن", "ك", "كم", "نا", "ي"}
)

// stemChange is how a word's ending is spelled before an attached pronoun.
type stemChange struct {
	ending     string
	into       []string // replacements of ending, each one spelling
	pluralVerb bool     // only on a masculine plural verb
}

// stemChanges are tried in order; the first whose ending matches applies.
var stemChanges = []stemChange{
	{ending: "وا", into: []string{"و"}, pluralVerb: true}, // استقبلوا → استقبلوه
	{ending: "ى", into: []string{"ا"}},                    // التقى → التقاه
	{ending: "ة", into: []string{"ت"}},                    // مساعدة → مساعدته
	{ending: "ء", into: []string{"ء", "ؤ", "ئ"}},          // لقاء → لقاءه لقاؤه لقائه
}

// suffixStems returns the spellings of w before an attached pronoun.
func suffixStems(w string, pluralVerb bool) []string {
	for _, c := range stemChanges {
		if c.pluralVerb && !pluralVerb {
			continue
		}
		if stem, ok := strings.CutSuffix(w, c.ending); ok {
			out := make([]string, len(c.into))
			for i, e := range c.into {
				out[i] = stem + e
			}
			return out
		}
	}
	return []string{w}
}

// slot is a person, gender and number of a finite verb.
type slot struct {
	person, number uint8
	fem            bool
}

var (
	s3ms = slot{3, 1, false}
	s3fs = slot{3, 1, true}
	s3md = slot{3, 2, false}
	s3fd = slot{3, 2, true}
	s3mp = slot{3, 3, false}
	s3fp = slot{3, 3, true}
	s2ms = slot{2, 1, false}
	s2fs = slot{2, 1, true}
	s2d  = slot{2, 2, false}
	s2mp = slot{2, 3, false}
	s2fp = slot{2, 3, true}
	s1s  = slot{1, 1, false}
	s1p  = slot{1, 3, false}
)

func (s slot) inflection(a Aspect) Inflection {
	return Inflection{Aspect: a, Person: s.person, Feminine: s.fem, Number: s.number}
}
