package arabic

import "strings"

// noAccusativeAlef lists the endings after which the indefinite accusative
// takes no written alef (مساعدةً, لقاءً, مستوًى).
var noAccusativeAlef = []string{"ة", "ى", "ا", "اء"}

// noDual lists the endings of nouns whose dual is not generated.
var noDual = []string{"ى", "ا"}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// noun generates a singular verbal noun: itself with its possessives, its
// indefinite accusative, its dual and, for a noun in ة, its plural in ات.
func (g *generator) noun(n string) {
	g.nounForms(n, 1)
	sing := Inflection{Aspect: VerbalNoun, Number: 1}
	if !hasAnySuffix(n, noAccusativeAlef) {
		g.add(n+"ا", sing)
	}
	stem := strings.TrimSuffix(n, "ة")
	if !hasAnySuffix(n, noDual) {
		dual := Inflection{Aspect: VerbalNoun, Number: 2}
		if stem != n {
			stem += "ت"
		}
		g.add(stem+"ان", dual)
		g.add(stem+"ين", dual)
	}
	if plural, ok := strings.CutSuffix(n, "ة"); ok {
		g.nounForms(plural+"ات", 3)
	}
}

// nounForms adds a verbal noun of the given number and its possessives.
func (g *generator) nounForms(n string, number uint8) {
	g.addWithObjects(n, Inflection{Aspect: VerbalNoun, Number: number}, nounPossessives)
}

// participleEnding is one form of a participle: its masculine singular,
// without its last letter when drop is set, plus a suffix.
type participleEnding struct {
	drop   bool
	suffix string
	fem    bool
	number uint8
}

// soundParticiple is the paradigm of a participle such as داعم.
var soundParticiple = []participleEnding{
	{false, "", false, 1}, {false, "ا", false, 1}, {false, "ة", true, 1},
	{false, "ان", false, 2}, {false, "ين", false, 2}, {false, "تان", true, 2}, {false, "تين", true, 2},
	{false, "ون", false, 3}, {false, "ين", false, 3}, {false, "و", false, 3}, {false, "ي", false, 3},
	{false, "ات", true, 3},
}

// defectiveParticiple is the paradigm of a participle written with a final
// ي, such as موالي (indefinite موالٍ).
var defectiveParticiple = []participleEnding{
	{false, "", false, 1}, {true, "", false, 1}, {false, "ا", false, 1}, {false, "ة", true, 1},
	{false, "ان", false, 2}, {false, "ين", false, 2}, {false, "تان", true, 2}, {false, "تين", true, 2},
	{true, "ون", false, 3}, {true, "ين", false, 3}, {true, "و", false, 3},
	{false, "ات", true, 3},
}

// participle generates the forms of a participle (spelled, masculine
// singular). One ending in ى yields only itself.
func (g *generator) participle(p string, a Aspect) {
	paradigm := soundParticiple
	switch {
	case strings.HasSuffix(p, "ى"):
		paradigm = soundParticiple[:1]
	case strings.HasSuffix(p, "ي"):
		paradigm = defectiveParticiple
	}
	dropped := p[:len(p)-len(string(lastRune(p)))]
	for _, e := range paradigm {
		stem := p
		if e.drop {
			stem = dropped
		}
		g.add(stem+e.suffix, Inflection{Aspect: a, Feminine: e.fem, Number: e.number})
	}
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}
