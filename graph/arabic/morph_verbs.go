package arabic

import "strings"

// perfectClass is how a perfect behaves before its suffixes.
type perfectClass uint8

const (
	perfectSound   perfectClass = iota // استقبل
	perfectDoubled                     // ردّ: ردت, رددت
	perfectHollow                      // أدان: أدانت, أدنت
	perfectMaqsura                     // التقى, تصدى, رمى: التقت, التقيا, التقيت
	perfectAlif                        // دعا: دعت, دعوا, دعوت
	perfectYa                          // نسي: نسيت, نسوا
)

// perfectClassOf classifies a spelled perfect: a shadda on the last letter
// or two letters make it doubled; a final ى (or ي after four letters or
// more, as analysts write normalised text) makes it final-weak in ى, a
// final bare ا after three letters final-weak in و, a final ي after three
// letters final-weak in ي; a bare ا before the last letter makes it hollow.
func perfectClassOf(w word) perfectClass {
	n := len(w.r)
	switch last := w.last(); {
	case n == 2 || w.shadda[n-1]:
		return perfectDoubled
	case last == 'ى':
		return perfectMaqsura
	case last == 'ا' && n == 3:
		return perfectAlif
	case last == 'ا', last == 'ي' && n > 3:
		return perfectMaqsura
	case last == 'ي':
		return perfectYa
	case w.r[n-2] == 'ا':
		return perfectHollow
	}
	return perfectSound
}

// perfectEnding is a 3rd-person perfect ending on the long stem.
type perfectEnding struct {
	slot   slot
	drop   bool // the perfect loses its last letter first
	suffix string
}

// perfectThird lists, per class, the 3rd-person perfect forms other than
// the 3rd masculine singular (the lemma itself) and the feminine plural
// (built on the short stem).
var perfectThird = map[perfectClass][]perfectEnding{
	perfectSound:   {{s3fs, false, "ت"}, {s3md, false, "ا"}, {s3fd, false, "تا"}, {s3mp, false, "وا"}},
	perfectMaqsura: {{s3fs, true, "ت"}, {s3md, true, "يا"}, {s3fd, true, "تا"}, {s3mp, true, "وا"}},
	perfectAlif:    {{s3fs, true, "ت"}, {s3md, true, "وا"}, {s3fd, true, "تا"}, {s3mp, true, "وا"}},
	perfectYa:      {{s3fs, false, "ت"}, {s3md, false, "ا"}, {s3fd, false, "تا"}, {s3mp, true, "وا"}},
}

func init() {
	perfectThird[perfectDoubled] = perfectThird[perfectSound]
	perfectThird[perfectHollow] = perfectThird[perfectSound]
}

// perfectShort lists the perfect endings that go on the short stem: the
// consonant-initial suffixes.
var perfectShort = []struct {
	slot   slot
	suffix string
}{
	{s3fp, "ن"}, {s2ms, "ت"}, {s2fs, "ت"}, {s2d, "تما"}, {s2mp, "تم"}, {s2fp, "تن"}, {s1s, "ت"}, {s1p, "نا"},
}

// shortStem is the perfect's stem before a consonant-initial suffix.
func shortStem(c perfectClass, w word) string {
	r := w.r
	n := len(r)
	switch c {
	case perfectDoubled:
		return string(r) + string(r[n-1]) // ردد
	case perfectHollow:
		return string(r[:n-2]) + string(r[n-1]) // أدن
	case perfectMaqsura:
		return string(r[:n-1]) + "ي" // التقي
	case perfectAlif:
		return string(r[:n-1]) + "و" // دعو
	}
	return string(r)
}

// joinSuffix appends a subject suffix to a stem, writing a doubled ت or ن
// once, as Arabic does (أعلن + نا = أعلنّا, ثبت + ت = ثبتّ).
func joinSuffix(stem, suffix string) string {
	for _, geminate := range []string{"ن", "ت"} {
		if strings.HasSuffix(stem, geminate) && strings.HasPrefix(suffix, geminate) {
			return stem + strings.TrimPrefix(suffix, geminate)
		}
	}
	return stem + suffix
}

// perfect generates the perfect paradigm of w, with objects on the 3rd
// person.
func (g *generator) perfect(w word) {
	c := perfectClassOf(w)
	lemma := w.String()
	g.addWithObjects(lemma, s3ms.inflection(Perfect), verbObjects)
	dropped := string(w.r[:len(w.r)-1])
	for _, e := range perfectThird[c] {
		stem := lemma
		if e.drop {
			stem = dropped
		}
		g.addWithObjects(stem+e.suffix, e.slot.inflection(Perfect), verbObjects)
	}
	short := shortStem(c, w)
	for _, e := range perfectShort {
		form := joinSuffix(short, e.suffix)
		if e.slot.person == 3 {
			g.addWithObjects(form, e.slot.inflection(Perfect), verbObjects)
		} else {
			g.add(form, e.slot.inflection(Perfect))
		}
	}
}

// imperfectClass is how an imperfect behaves before its suffixes.
type imperfectClass uint8

const (
	imperfectSound   imperfectClass = iota // يستقبل
	imperfectDoubled                       // يرد: يرددن
	imperfectHollow                        // يدين: no feminine plural, no jussive
	imperfectYa                            // يلتقي
	imperfectWaw                           // يدعو
	imperfectAlif                          // يتصدى
)

// imperfectClassOf classifies an imperfect by its last letter, and by its
// perfect for doubled and hollow verbs.
func imperfectClassOf(imperfect string, perfect word) imperfectClass {
	switch {
	case strings.HasSuffix(imperfect, "ي"):
		return imperfectYa
	case strings.HasSuffix(imperfect, "و"):
		return imperfectWaw
	case strings.HasSuffix(imperfect, "ى"):
		return imperfectAlif
	case perfect.r == nil:
		return imperfectSound
	}
	switch perfectClassOf(perfect) {
	case perfectDoubled:
		return imperfectDoubled
	case perfectHollow:
		return imperfectHollow
	}
	return imperfectSound
}

// ending is an imperfect ending, named by what it marks.
type ending uint8

const (
	endSingular    ending = iota // يستقبل
	endJussive                   // يلتق (final-weak verbs only)
	endDual                      // يستقبلان
	endDualSubj                  // يستقبلا
	endPlural                    // يستقبلون
	endPluralSubj                // يستقبلوا
	endFemPlural                 // يستقبلن
	endFemSing                   // تستقبلين
	endFemSingSubj               // تستقبلي
)

// indicative tells which endings take the future prefix س.
var indicative = map[ending]bool{endSingular: true, endDual: true, endPlural: true, endFemPlural: true, endFemSing: true}

// stemEnd is how one imperfect ending is written on the stem: drop its
// last letter (the weak one), repeat its last letter (يرددن), then add the
// suffix.
type stemEnd struct {
	drop, double bool
	suffix       string
}

var soundEndings = map[ending]stemEnd{
	endSingular: {}, endDual: {suffix: "ان"}, endDualSubj: {suffix: "ا"}, endPlural: {suffix: "ون"},
	endPluralSubj: {suffix: "وا"}, endFemPlural: {suffix: "ن"}, endFemSing: {suffix: "ين"}, endFemSingSubj: {suffix: "ي"},
}

// imperfectEndings lists, per class, the endings it has; an ending missing
// from a class is not generated.
var imperfectEndings = map[imperfectClass]map[ending]stemEnd{
	imperfectSound:   soundEndings,
	imperfectDoubled: withEnding(soundEndings, endFemPlural, stemEnd{double: true, suffix: "ن"}),
	imperfectHollow:  withoutEnding(soundEndings, endFemPlural),
	imperfectYa: {
		endSingular: {}, endJussive: {drop: true}, endDual: {true, false, "يان"}, endDualSubj: {true, false, "يا"},
		endPlural: {true, false, "ون"}, endPluralSubj: {true, false, "وا"}, endFemPlural: {true, false, "ين"},
		endFemSing: {true, false, "ين"}, endFemSingSubj: {true, false, "ي"},
	},
	imperfectWaw: {
		endSingular: {}, endJussive: {drop: true}, endDual: {true, false, "وان"}, endDualSubj: {true, false, "وا"},
		endPlural: {true, false, "ون"}, endPluralSubj: {true, false, "وا"}, endFemPlural: {true, false, "ون"},
		endFemSing: {true, false, "ين"}, endFemSingSubj: {true, false, "ي"},
	},
	imperfectAlif: {
		endSingular: {}, endJussive: {drop: true}, endDual: {true, false, "يان"}, endDualSubj: {true, false, "يا"},
		endPlural: {true, false, "ون"}, endPluralSubj: {true, false, "وا"}, endFemPlural: {true, false, "ين"},
		endFemSing: {true, false, "ين"}, endFemSingSubj: {true, false, "ي"},
	},
}

func withEnding(m map[ending]stemEnd, e ending, s stemEnd) map[ending]stemEnd {
	out := withoutEnding(m, e)
	out[e] = s
	return out
}

func withoutEnding(m map[ending]stemEnd, e ending) map[ending]stemEnd {
	out := make(map[ending]stemEnd, len(m))
	for k, v := range m {
		if k != e {
			out[k] = v
		}
	}
	return out
}

// imperfectRows is the imperfect paradigm: a person prefix and an ending
// per slot.
var imperfectRows = []struct {
	slot   slot
	prefix string
	end    ending
}{
	{s3ms, "ي", endSingular}, {s3fs, "ت", endSingular}, {s2ms, "ت", endSingular}, {s1s, "أ", endSingular}, {s1p, "ن", endSingular},
	{s3md, "ي", endDual}, {s3md, "ي", endDualSubj}, {s3fd, "ت", endDual}, {s3fd, "ت", endDualSubj},
	{s2d, "ت", endDual}, {s2d, "ت", endDualSubj},
	{s3mp, "ي", endPlural}, {s3mp, "ي", endPluralSubj}, {s2mp, "ت", endPlural}, {s2mp, "ت", endPluralSubj},
	{s3fp, "ي", endFemPlural}, {s2fp, "ت", endFemPlural},
	{s2fs, "ت", endFemSing}, {s2fs, "ت", endFemSingSubj},
	{s3ms, "ي", endJussive}, {s3fs, "ت", endJussive}, {s2ms, "ت", endJussive}, {s1s, "أ", endJussive}, {s1p, "ن", endJussive},
}

// minJussiveLetters is the shortest jussive generated: shorter ones (يدع,
// ترم) are too often other words.
const minJussiveLetters = 4

// futurePrefix is the future particle written attached to the imperfect.
const futurePrefix = "س"

// imperfect generates the imperfect paradigm of imperfect (spelled, starting
// with ي), with its future and, on the 3rd person, its objects.
func (g *generator) imperfect(imperfect string, c imperfectClass) {
	base := []rune(strings.TrimPrefix(imperfect, "ي"))
	endings := imperfectEndings[c]
	for _, row := range imperfectRows {
		e, ok := endings[row.end]
		if !ok {
			continue
		}
		stem := base
		if e.drop {
			stem = base[:len(base)-1]
		}
		if row.end == endJussive && 1+len(stem) < minJussiveLetters {
			continue
		}
		tail := string(stem)
		if e.double {
			tail += string(stem[len(stem)-1])
		}
		form := row.prefix + joinSuffix(tail, e.suffix)
		g.imperfectForm(form, row.slot, row.end)
	}
}

// imperfectForm adds one imperfect form, its future and its objects.
func (g *generator) imperfectForm(form string, s slot, end ending) {
	inf := s.inflection(Imperfect)
	objects := verbObjects
	if s.person != 3 || end == endJussive {
		objects = nil
	}
	g.addWithObjects(form, inf, objects)
	if indicative[end] {
		inf.Future = true
		g.addWithObjects(futurePrefix+form, inf, objects)
	}
}

// hamzas are the letters of a hamza, whose seat may change between the
// perfect and the imperfect (أنشأ ينشئ, اطمأن يطمئن).
const hamzas = "ءأإؤئ"

// Letters that make a Form I verb's imperfect unpredictable from its
// spelling: weak letters and hamzas.
const weakOrHamza = "اويىءأإآؤئ"

// deriveImperfect implements DeriveImperfect on a spelled perfect.
func deriveImperfect(w word) string {
	r := w.r
	n := len(r)
	c := perfectClassOf(w)
	if c == perfectHollow || strings.ContainsAny(string(r[1:]), hamzas) {
		return ""
	}
	// finalYa turns the perfect's final ى into the imperfect's ي.
	finalYa := func(s string) string {
		if c == perfectMaqsura {
			if stem, ok := strings.CutSuffix(s, "ى"); ok {
				return stem + "ي"
			}
			if stem, ok := strings.CutSuffix(s, "ا"); ok {
				return stem + "ي"
			}
		}
		return s
	}
	formII := n == 3 && w.shadda[1]
	switch {
	case r[0] == 'ا' && n >= 4: // VII, VIII, X, IV without hamza
		return "ي" + finalYa(string(r[1:]))
	case (r[0] == 'أ' || r[0] == 'إ' || r[0] == 'ا') && formII: // أيّد يؤيد
		return "يؤ" + finalYa(string(r[1:]))
	case (r[0] == 'أ' || r[0] == 'إ') && (n == 4 || n == 3 && c == perfectDoubled): // IV
		return "ي" + finalYa(string(r[1:]))
	case r[0] == 'ت' && n >= 4: // V, VI, quadriliteral in ت: ى stays
		return "ي" + string(r)
	case n == 4 && r[1] == 'ا', formII: // III, II
		return "ي" + finalYa(string(r))
	case n == 2 || n == 3 && c == perfectDoubled && !strings.ContainsAny(string(r[:n-1]), weakOrHamza): // ردّ
		return "ي" + string(r)
	case n == 3 || n == 4 && r[0] != 'أ' && r[0] != 'إ' && r[0] != 'آ': // sound I, quadriliteral
		if strings.ContainsAny(string(r), weakOrHamza) {
			return ""
		}
		return "ي" + string(r)
	}
	return ""
}
