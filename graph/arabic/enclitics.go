package arabic

import (
	"strings"
	"unicode/utf8"
)

// Enclitic is one reading of a normalised word as a stem plus an attached
// pronoun suffix: the mirror of Split, which reads prefixes.
type Enclitic struct {
	// Stem is the word without its suffix, possibly with its ending
	// restored to the spelling it has standing alone (see Enclitics).
	Stem string
	// Suffix is the pronoun removed, normalised: ه ها هما هم هن ك كم نا ني ي.
	Suffix string
}

// pronounSuffixes are the attached pronouns Enclitics removes, the shorter
// first.
var pronounSuffixes = []string{"ه", "ك", "ي", "ها", "هم", "هن", "كم", "نا", "ني", "هما"}

// standAlone maps, first match only, an ending a stem takes before a suffix (normalised) to
// the ending it has standing alone: ta marbuta (حكومته → حكومه), alef
// maqsura (التقاه → التقي), the seats of a final hamza (لقائه, لقاؤه →
// لقاء) and the alef of a plural verb (استقبلوه → استقبلوا).
var standAlone = []struct{ before, alone string }{
	{"ت", "ه"},
	{"اي", "اء"},
	{"او", "اء"},
	{"ا", "ي"},
	{"و", "وا"},
}

// Enclitics appends to dst every reading of the normalised word w as a stem
// of at least two letters plus one attached pronoun suffix (ه ها هما هم هن
// ك كم نا ني ي), most specific first: the fewer letters removed, the
// earlier. After each reading with the stem as written come the readings
// with its ending restored, if one applies (حكومته gives حكومت+ه then حكومه+ه). w itself
// is not included. A reading is only a candidate: "مساعده" (مساعدة) also
// reads as مساعد+ه, so callers keep a reading only when its stem is a known
// word.
func Enclitics(dst []Enclitic, w string) []Enclitic {
	for _, suf := range pronounSuffixes {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || utf8.RuneCountInString(stem) < 2 {
			continue
		}
		dst = append(dst, Enclitic{Stem: stem, Suffix: suf})
		for _, r := range standAlone {
			if base, ok := strings.CutSuffix(stem, r.before); ok {
				if alone := base + r.alone; utf8.RuneCountInString(alone) >= 2 {
					dst = append(dst, Enclitic{Stem: alone, Suffix: suf})
				}
				break
			}
		}
	}
	return dst
}
