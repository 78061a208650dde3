package extract

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/loader/gazetteer"
)

// Titles standing for their holder: the gazetteer's roles ("الرئيس المصري"
// is Egypt's president) are matched like names. A title followed by the
// holder's name is only a description of the name; alone, it names the
// person the article last introduced with that title, else the holder on
// the article's date (graph.Article.Published, or the first date its text
// gives), else nobody.

// role is one gazetteer role as the extractor uses it.
type role struct {
	gazetteer.Role
}

// holderAt returns the actor index of the holder of the role on day t
// (gazetteer.Role.HolderAt), or -1.
func (x *Extractor) holderAt(r *role, t time.Time) int32 {
	id, ok := r.HolderAt(t)
	if !ok {
		return -1
	}
	if i, ok := x.byID[id]; ok {
		return i
	}
	return -1
}

// Option configures an Extractor built by New.
type Option func(*Extractor) error

// WithRoles adds the gazetteer's roles: their titles become forms that
// stand for the holder of the office. A holder must be one of the actors
// given to New; a title may not be a form of an actor or of another role.
func WithRoles(roles []gazetteer.Role) Option {
	return func(x *Extractor) error {
		for _, r := range roles {
			for _, h := range r.Holders {
				if _, ok := x.byID[h.Actor]; !ok {
					return fmt.Errorf("extract: %w: role %q: unknown holder %q", graph.ErrInvalid, r.ID, h.Actor)
				}
			}
			x.roles = append(x.roles, role{r})
			idx := int32(len(x.roles))
			x.roleForm = append(x.roleForm, -1)
			for _, f := range r.Titles {
				words := formWords(f.Text)
				if len(words) == 0 {
					continue
				}
				n := x.names.insert(words)
				if x.names.val[n] >= 0 {
					continue // a name or another role's title: the gazetteer reports it
				}
				x.names.val[n] = int32(len(x.forms))
				if x.roleForm[idx-1] < 0 {
					x.roleForm[idx-1] = int32(len(x.forms))
				}
				x.forms = append(x.forms, form{actor: -1, role: idx, typ: gazetteer.FormTitle, text: f.Text})
			}
		}
		x.indexRoleHeads()
		return nil
	}
}

// indexRoleHeads fills Extractor.roleHeads: every title of a role that
// ends with a name of the role's owner ("رئيس وزراء" + "إسرائيل") gives its
// head, so that the head before any other name of the owner ("رئيس وزراء
// دولة الاحتلال") names the role too. The first words of the heads start
// an entity (startRoleHead).
func (x *Extractor) indexRoleHeads() {
	names := map[int32]map[string]bool{}
	for _, r := range x.roles {
		if o, ok := x.byID[r.Of]; ok {
			names[o] = map[string]bool{}
		}
	}
	for _, f := range x.forms {
		if f.typ == gazetteer.FormName && f.actor >= 0 && names[f.actor] != nil {
			names[f.actor][strings.Join(formWords(f.text), " ")] = true
		}
	}
	x.roleHeads, x.roleOf, x.heldBy = map[string]int32{}, map[string]int32{}, map[int32][]int32{}
	for ri, r := range x.roles {
		x.roleOf[r.Office+"\x00"+r.Of] = int32(ri + 1)
		for _, h := range r.Holders {
			if hi, ok := x.byID[h.Actor]; ok && !slices.Contains(x.heldBy[hi], int32(ri+1)) {
				x.heldBy[hi] = append(x.heldBy[hi], int32(ri+1))
			}
		}
	}
	for _, w := range counterpartWords {
		for _, c := range cliticForms(w) {
			x.nameStart[c] |= startCounterpart
		}
	}
	for ri, r := range x.roles {
		own := names[x.byID[r.Of]]
		if own == nil || x.roleForm[ri] < 0 {
			continue
		}
		for _, t := range r.Titles {
			words := formWords(t.Text)
			for s := 1; s < len(words); s++ {
				if !own[strings.Join(words[s:], " ")] {
					continue
				}
				key := strings.Join(words[:s], " ") + "\x00" + r.Of
				if old, ok := x.roleHeads[key]; ok && old != int32(ri+1) {
					x.roleHeads[key] = -1 // two roles share the head and owner: neither
					continue
				}
				x.roleHeads[key] = int32(ri + 1)
				for _, w := range cliticForms(words[0]) {
					x.nameStart[w] |= startRoleHead
				}
			}
		}
	}
	x.buildWordInfo()
}

// cliticForms returns a word as written alone and after the conjunctions
// and prepositions that may open a title ("وزير", "ووزير", "بوزير" ...).
func cliticForms(w string) []string {
	out := []string{w}
	for _, p := range []string{"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"} {
		out = append(out, p+w)
	}
	if rest, ok := strings.CutPrefix(w, "ال"); ok {
		out = append(out, "لل"+rest, "ولل"+rest, "فلل"+rest)
	}
	return out
}

// stateNouns are the words that open a state's formal name ("جمهورية
// إيران الإسلامية", "دولة قطر", "سلطنة عمان"), normalised: after a role's
// head they lead to the owner's name.
var stateNouns = map[string]bool{"جمهوريه": true, "مملكه": true, "دوله": true, "سلطنه": true, "اماره": true, "امارات": true}

// maxRoleHead is how many words a role's head (roleHeads) may span.
const maxRoleHead = 6

// roleByHead returns the mention of a role whose head starts at token i
// and is followed by a name of the role's owner, possibly after a state
// noun ("بوزير خارجية جمهورية إيران الإسلامية": Iran's foreign minister of
// the article's date); the owner's formal adjectives after the name
// ("الإسلامية") belong to the title. ok is false when there is none or
// roleMention gives none.
func (a *analyzer) roleByHead(i int) (mention, bool) {
	_, _, prefix := a.rawCuePrefix(i)
	prefix = strings.TrimSuffix(prefix, "ال")
	for j := i + 1; j <= i+maxRoleHead && j < len(a.toks); j++ {
		if a.sep[j] != 0 {
			return mention{}, false
		}
		for _, n := range []int{j, j + 1} {
			if n > j && (n >= len(a.toks) || a.sep[n] != 0 || !stateNouns[a.toks[j].Norm]) {
				break
			}
			nm, ok := a.x.names.at(&a.sent, n, nil)
			if !ok || nm.prefix != "" || a.x.forms[nm.val].role != 0 || a.x.forms[nm.val].actor < 0 {
				continue
			}
			key := append(append(a.appendTitleKey(i, j), 0), a.actor(a.x.forms[nm.val].actor).ID...) // in the scratch buffer
			r := a.x.roleHeads[string(key)]
			if r <= 0 {
				continue
			}
			end := nm.end
			for end < len(a.toks) && a.sep[end] == 0 && definite(a.toks[end].Norm) && adjectiveShaped(a.toks[end].Norm) {
				if adj, named := a.x.names.at(&a.sent, end, nil); named {
					if a.x.forms[adj.val].actor != a.x.forms[nm.val].actor {
						break // another actor's adjective
					}
					end = adj.end - 1 // "جماعة أنصار الله الحوثية": the owner's own
				}
				end++
			}
			return a.roleMention(a.x.roleForm[r-1], i, end, prefix)
		}
	}
	return mention{}, false
}

// roleMention returns the mention a role title matched at tokens [i, end)
// stands for, or ok false: when a name follows (the title describes it;
// the role is then bound to that person for the article) or when no holder
// is known.
func (a *analyzer) roleMention(fi int32, i, end int, prefix string) (mention, bool) {
	r := a.x.forms[fi].role
	if a.subordinateBefore(i) || a.otherTenure(end) {
		return mention{}, false
	}
	if end < len(a.toks) && a.sep[end] == 0 {
		if m, ok := a.x.names.at(&a.sent, end, nil); ok && a.x.forms[m.val].role == 0 && a.x.forms[m.val].actor >= 0 &&
			a.kindOf(a.x.forms[m.val].actor) == graph.KindPerson {
			a.doc.roles[r] = a.x.forms[m.val].actor
			return mention{}, false
		}
		if a.firstNameAt(end) || a.rankBeforeName(end) {
			return mention{}, false // a name the entity layer discovers
		}
	}
	holder, ok := a.doc.roles[r]
	if !ok {
		holder = a.x.holderAt(&a.x.roles[r-1], a.date)
	}
	if holder < 0 {
		holder = a.namedHolder(&a.x.roles[r-1])
	}
	if holder < 0 {
		return mention{}, false
	}
	return mention{form: fi, actor: holder, i: i, j: end, prefix: prefix, next: -1, prev: -1}, true
}

// subordinateBefore reports whether the title at token i is the
// complement of an indefinite title word right before it ("نائب رئيس
// وزراء إثيوبيا", "مستشار الرئيس الأمريكي", "مبعوث الرئيس"): the office
// is another one, held by someone else, and names neither the holder of
// the complement's role nor the person the article introduced with it. An
// honorific ("حضرة أمير دولة قطر") is no office.
func (a *analyzer) subordinateBefore(i int) bool {
	if i == 0 || a.sep[i] != 0 {
		return false
	}
	if a.envoyOf(i) {
		return true
	}
	if kind, _ := a.rawCue(i - 1); kind != cueTitle {
		return false
	}
	w := a.toks[i-1].Norm
	return !strings.HasPrefix(arabic.CutConjunctions(w), "ال") && !a.lookupWord(cueHonorific, w)
}

// envoyOf reports whether the title at token i, written with ل, is the
// complement of a subordinate's title one or two words before
// ("المبعوث الخاص للرئيس الروسي", "مستشار الأمن القومي للرئيس"): the
// envoy or aide of the holder, not the holder.
func (a *analyzer) envoyOf(i int) bool {
	if !strings.HasPrefix(a.toks[i].Norm, "لل") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if a.sep[k+1] != 0 {
			return false
		}
		w := strings.TrimPrefix(arabic.CutConjunctions(a.toks[k].Norm), "ال")
		if a.lookupWord(cueSubordinate, w) {
			return true
		}
	}
	return false
}

// rankBeforeName reports whether a rank starts at token k and a word that
// may be a name follows it: not "الرئيس الأمريكي الأمير على ...", where
// the rank stands alone for a person named before.
func (a *analyzer) rankBeforeName(k int) bool {
	n := a.longestPhraseAt(cueRank, k)
	if n == 0 {
		return false
	}
	next := k + n
	if next >= len(a.toks) || a.sep[next] != 0 {
		return false
	}
	kind, _ := a.rawCue(next)
	return kind == cueNone
}

// namedHolder returns the one holder of a role, over all its tenures, whom
// the article has named so far, or -1 (none, or several): "ولي العهد
// السعودي" in an article that names محمد بن سلمان and no other crown
// prince.
func (a *analyzer) namedHolder(r *role) int32 {
	found := int32(-1)
	for _, h := range r.Holders {
		i, ok := a.x.byID[h.Actor]
		if !ok || !a.doc.named[i] || i == found {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// otherTenures are the words after a title that make it name another
// holder than the present one ("الرئيس الأمريكي السابق", "وزير الخارجية
// الأسبق", "الرئيس المنتخب", "الملك الراحل"), normalised.
var otherTenures = map[string]bool{
	"السابق": true, "السابقه": true, "الاسبق": true, "الاسبقه": true, "المنتخب": true, "المنتخبه": true,
	"الراحل": true, "الراحله": true, "المخلوع": true, "المعزول": true, "المقال": true, "المقاله": true,
	"المستقيل": true, "المستقيله": true, "المنتهيه": true, "المرتقب": true, "المقبل": true, "القادم": true,
}

// otherTenure reports whether the word at token k, right after a title,
// makes the title name a former or future holder (otherTenures): neither
// the holder on the article's date nor the person the article introduced
// with the title.
func (a *analyzer) otherTenure(k int) bool {
	return k < len(a.toks) && a.sep[k] == 0 && otherTenures[a.toks[k].Norm]
}

// counterpartWords are "his/her counterpart" written before the
// counterpart's nationality ("نظيره الإيراني"), normalised.
var counterpartWords = []string{"نظيره", "نظيرته", "نظيرها"}

// counterpart returns the mention of the person a counterpart word at
// token i names: "استقبل وزير الخارجية العماني نظيره الإيراني" is the
// holder, on the article's date, of the office that the sentence's last
// person before it holds, owned by the state of the adjective after the
// word. ok is false when a name follows (it names the counterpart), when
// no person with a known office precedes, or when that state has no such
// role.
func (a *analyzer) counterpart(i int) (mention, bool) {
	j := i + 1
	if j >= len(a.toks) || a.sep[j] != 0 {
		return mention{}, false
	}
	nm, ok := a.x.names.at(&a.sent, j, nil)
	if !ok || nm.prefix != "" || a.x.forms[nm.val].actor < 0 {
		return mention{}, false
	}
	state := a.actor(a.x.forms[nm.val].actor)
	if state.Kind != graph.KindState {
		return mention{}, false
	}
	for _, office := range a.officesBefore(i) {
		r := a.x.roleOf[office+"\x00"+state.ID]
		if r <= 0 || a.x.roleForm[r-1] < 0 {
			continue
		}
		prefix, _ := splitConjunction(a.toks[i].Norm)
		return a.roleMention(a.x.roleForm[r-1], i, nm.end, prefix)
	}
	return mention{}, false
}

// officesBefore returns the offices of the last person mentioned before
// token i in the sentence: the role of the title that named them, else
// the roles the gazetteer says they held on the article's date ("محمد بن
// سلمان": crown prince and prime minister); none when unknown.
func (a *analyzer) officesBefore(i int) []string {
	for mi := len(a.men) - 1; mi >= 0; mi-- {
		m := a.men[mi]
		if m.j > i || a.kindOf(m.actor) != graph.KindPerson {
			continue
		}
		if r := a.x.forms[m.form].role; r > 0 {
			return []string{a.x.roles[r-1].Office}
		}
		var out []string
		for _, r := range a.x.heldBy[m.actor] {
			if a.x.holderAt(&a.x.roles[r-1], a.date) == m.actor {
				out = append(out, a.x.roles[r-1].Office)
			}
		}
		return out
	}
	return nil
}
