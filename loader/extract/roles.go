package extract

import (
	"fmt"
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
				x.forms = append(x.forms, form{actor: -1, role: idx, typ: gazetteer.FormTitle, text: f.Text})
			}
		}
		return nil
	}
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
			a.actor(a.x.forms[m.val].actor).Kind == graph.KindPerson {
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
	if kind, _ := a.rawCue(i - 1); kind != cueTitle {
		return false
	}
	w := a.toks[i-1].Norm
	return !strings.HasPrefix(arabic.CutConjunctions(w), "ال") && !a.lookupWord(cueHonorific, w)
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
