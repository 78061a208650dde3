package gazetteer

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/internal/input"
)

// FormTitle is the form type of an office title standing for the holder of a role.
const FormTitle FormType = "title"

// Role is an office of one owner whose title can stand for its holder.
type Role struct {
	ID      string   // "<of>/<office>"
	Of      string   // owner actor id
	Office  string   // office id
	Titles  []Form   // expanded from the office templates plus the role's own titles; Type FormTitle; normalised, unique
	Holders []Tenure // sorted by From
	Pos     graph.Position
}

// Tenure is one holder of a role over a span of days; a zero From or To is open.
// Both ends are inclusive: a holder whose To is the next holder's From hands
// over on that day.
type Tenure struct {
	Actor    string
	From, To time.Time
}

// Roles returns every role, sorted by ID. Roles are resolved by Merge: a
// gazetteer returned by Parse alone has none.
func (g *Gazetteer) Roles() []Role {
	out := make([]Role, len(g.roles))
	for i, r := range g.roles {
		r.Titles = slices.Clone(r.Titles)
		r.Holders = slices.Clone(r.Holders)
		out[i] = r
	}
	return out
}

// HolderAt returns who held the role on day t; ok is false when t is zero or no tenure covers it.
// On a handover day (one holder's To equal to the next one's From) it
// returns the incoming holder.
func (r Role) HolderAt(t time.Time) (actor string, ok bool) {
	if t.IsZero() {
		return "", false
	}
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	for i := len(r.Holders) - 1; i >= 0; i-- {
		h := r.Holders[i]
		if (h.From.IsZero() || !day.Before(h.From)) && (h.To.IsZero() || !day.After(h.To)) {
			return h.Actor, true
		}
	}
	return "", false
}

// adjectives are a state's definite nationality adjectives (masculine and
// feminine) that fill the {m} and {f} placeholders of office titles.
type adjectives struct {
	m, f string
	pos  graph.Position
}

// officeDef is an office with its title templates, as written in a file.
type officeDef struct {
	id        string
	pos       graph.Position
	templates []sourced
}

// roleDef is one roles: entry as written in a file; Merge resolves the
// entries of one role id (possibly from several files) into a Role.
type roleDef struct {
	of, office         string
	pos, ofPos, offPos graph.Position
	titles             []sourced
	holders            []holderDef
}

type holderDef struct {
	actor    string
	from, to time.Time
	pos      graph.Position
}

var (
	officeKeys = []string{"id", "titles"}
	roleKeys   = []string{"of", "office", "titles", "holders"}
	holderKeys = []string{"actor", "from", "to"}
	adjKeys    = []string{"m", "f"}
	// placeholder matches one {...} of a title template.
	placeholder = regexp.MustCompile(`\{[^{}]*\}`)
	// placeholders are the placeholders a title template may use.
	placeholders = []string{"{m}", "{f}", "{name}"}
	dateShape    = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	// dateLayouts are the accepted date layouts; a partial date stands for
	// the first day of its year or month.
	dateLayouts = []string{"2006", "2006-01", "2006-01-02"}
)

// parseAdjectives reads adjectives: {m: ..., f: ...}.
func parseAdjectives(file string, k, v *yaml.Node) (*adjectives, error) {
	a := &adjectives{pos: input.At(file, k)}
	errs := input.Mapping(file, v, "adjectives", adjKeys, func(key string, _, vv *yaml.Node) error {
		s, err := input.Scalar(file, "adjectives: "+key, vv)
		if err != nil {
			return err
		}
		if arabic.Normalize(s) == "" {
			return input.NodeErrorf(file, vv, "adjectives: %s: empty form %q", key, vv.Value)
		}
		if key == "m" {
			a.m = s
		} else {
			a.f = s
		}
		return nil
	})
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return a, nil
}

// parseOffices reads the value of an offices: key.
func parseOffices(file string, seq *yaml.Node) ([]officeDef, []error) {
	items, err := input.List(file, "offices", seq)
	if err != nil {
		return nil, []error{err}
	}
	var out []officeDef
	var errs []error
	for _, n := range items {
		pos := input.At(file, n)
		o := officeDef{pos: pos}
		oerrs := input.Mapping(file, n, "office", officeKeys, func(key string, k, v *yaml.Node) (err error) {
			switch key {
			case "id":
				o.id, err = input.Scalar(file, "office: id", v)
				if err == nil && !validID(o.id) {
					err = input.NodeErrorf(file, k, "office id %q: want lower-case letters, digits and '-'", o.id)
				}
			case "titles":
				o.templates, err = forms(file, "office: titles", v)
				for _, t := range o.templates {
					if err == nil {
						err = checkTemplate(t, "office: title")
					}
				}
			}
			return err
		})
		errs = append(errs, oerrs...)
		ok := len(oerrs) == 0
		if ok && o.id == "" {
			errs = append(errs, input.Errorf(pos, "office without id"))
			ok = false
		}
		if ok {
			out = append(out, o)
		}
	}
	return out, errs
}

// checkTemplate reports a placeholder of t that is not one of
// placeholders; what names t in the error ("office: title").
func checkTemplate(t sourced, what string) error {
	for _, p := range placeholder.FindAllString(t.text, -1) {
		if !slices.Contains(placeholders, p) {
			return input.Errorf(t.pos, "%s %q: unknown placeholder %s (want one of %s)", what, t.text, p, strings.Join(placeholders, ", "))
		}
	}
	return nil
}

// parseRoles reads the value of a roles: key.
func parseRoles(file string, seq *yaml.Node) ([]roleDef, []error) {
	items, err := input.List(file, "roles", seq)
	if err != nil {
		return nil, []error{err}
	}
	var out []roleDef
	var errs []error
	for _, n := range items {
		r, rerrs := parseRole(file, n)
		errs = append(errs, rerrs...)
		if len(rerrs) == 0 {
			out = append(out, r)
		}
		if len(errs) >= input.MaxErrors {
			break
		}
	}
	return out, errs
}

func parseRole(file string, n *yaml.Node) (roleDef, []error) {
	pos := input.At(file, n)
	r := roleDef{pos: pos}
	var errs []error
	errs = append(errs, input.Mapping(file, n, "role", roleKeys, func(key string, k, v *yaml.Node) (err error) {
		kpos := input.At(file, k)
		switch key {
		case "of":
			r.of, err = input.Scalar(file, "role: of", v)
			r.ofPos = kpos
		case "office":
			r.office, err = input.Scalar(file, "role: office", v)
			r.offPos = kpos
		case "titles":
			r.titles, err = forms(file, "role: titles", v)
		case "holders":
			var hs []*yaml.Node
			hs, err = input.List(file, "role: holders", v)
			for _, h := range hs {
				hd, herrs := parseHolder(file, h)
				errs = append(errs, herrs...)
				if len(herrs) == 0 {
					r.holders = append(r.holders, hd)
				}
			}
		}
		return err
	})...)
	if len(errs) == 0 {
		if r.of == "" {
			errs = append(errs, input.Errorf(pos, "role: missing of (the owner's actor id)"))
		}
		if r.office == "" {
			errs = append(errs, input.Errorf(pos, "role: missing office"))
		}
	}
	return r, errs
}

func parseHolder(file string, n *yaml.Node) (holderDef, []error) {
	h := holderDef{pos: input.At(file, n)}
	errs := input.Mapping(file, n, "holder", holderKeys, func(key string, _, v *yaml.Node) (err error) {
		switch key {
		case "actor":
			h.actor, err = input.Scalar(file, "holder: actor", v)
		case "from":
			h.from, err = parseRoleDate(file, "from", v)
		case "to":
			h.to, err = parseRoleDate(file, "to", v)
		}
		return err
	})
	if len(errs) > 0 {
		return h, errs
	}
	if h.actor == "" {
		return h, []error{input.Errorf(h.pos, "holder: missing actor")}
	}
	if !h.from.IsZero() && !h.to.IsZero() && h.to.Before(h.from) {
		return h, []error{input.Errorf(h.pos, "holder %q: to %s is before from %s", h.actor, day(h.to), day(h.from))}
	}
	return h, nil
}

func parseRoleDate(file, key string, v *yaml.Node) (time.Time, error) {
	s, err := input.Scalar(file, "holder: "+key, v)
	if err != nil {
		return time.Time{}, err
	}
	bad := input.Errorf(input.At(file, v), "holder: %s: bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", key, s)
	if !dateShape.MatchString(s) {
		return time.Time{}, bad
	}
	t, err := time.Parse(dateLayouts[strings.Count(s, "-")], s)
	if err != nil {
		return time.Time{}, bad
	}
	return t, nil
}

func day(t time.Time) string { return t.Format("2006-01-02") }

func validID(id string) bool {
	return id != "" && (graph.Actor{ID: id, Kind: graph.KindPerson, Name: "x"}).Validate() == nil
}

// resolveRoles checks the offices and role entries of g (whose actors are
// merged and checked) and builds g.roles. See Merge for the errors.
func (g *Gazetteer) resolveRoles() []error {
	var errs []error
	offices := map[string]officeDef{}
	for _, o := range g.offices {
		if prev, ok := offices[o.id]; ok {
			errs = append(errs, input.Errorf(o.pos, "office %q is already defined at %s", o.id, prev.pos))
			continue
		}
		offices[o.id] = o
	}
	formOwner := g.formOwners()
	for _, id := range g.order {
		e := g.entries[id]
		if e.adj != nil && e.kind != graph.KindState {
			errs = append(errs, input.Errorf(e.adj.pos, "actor %q: adjectives are for states only, got kind %s", id, e.kind))
		}
	}
	type titleOwner struct {
		role string
		pos  graph.Position
	}
	titleOwners := map[string]titleOwner{}
	byID := map[string]*Role{}
	holderPos := map[string][]graph.Position{}
	var ids []string
	for _, d := range g.roleDefs {
		derrs := g.checkRoleDef(d, offices)
		errs = append(errs, derrs...)
		if len(derrs) > 0 {
			continue
		}
		id := d.of + "/" + d.office
		r, ok := byID[id]
		if !ok {
			r = &Role{ID: id, Of: d.of, Office: d.office, Pos: d.pos}
			byID[id] = r
			ids = append(ids, id)
		}
		var cands []sourced
		if !ok {
			cands = g.expandTemplates(offices[d.office], d)
		}
		cands = append(cands, d.titles...)
		for _, c := range cands {
			if slices.ContainsFunc(r.Titles, func(f Form) bool { return f.Normalized == c.norm }) {
				continue
			}
			if a, ok := formOwner[c.norm]; ok {
				errs = append(errs, input.Errorf(c.pos, "role %q: title %q equals a name of actor %q", id, c.text, a))
				continue
			}
			if o, ok := titleOwners[c.norm]; ok && o.role != id {
				errs = append(errs, input.Errorf(c.pos, "role %q: title %q is already a title of role %q at %s", id, c.text, o.role, o.pos))
				continue
			}
			titleOwners[c.norm] = titleOwner{id, c.pos}
			r.Titles = append(r.Titles, Form{Text: c.text, Normalized: c.norm, Type: FormTitle})
		}
		for _, h := range d.holders {
			r.Holders = append(r.Holders, Tenure{Actor: h.actor, From: h.from, To: h.to})
			holderPos[id] = append(holderPos[id], h.pos)
		}
	}
	slices.Sort(ids)
	g.roles = nil
	for _, id := range ids {
		r := byID[id]
		errs = append(errs, checkTenures(id, r.Holders, holderPos[id])...)
		slices.SortStableFunc(r.Holders, func(a, b Tenure) int { return a.From.Compare(b.From) })
		g.roles = append(g.roles, *r)
	}
	return errs
}

// formOwners maps every normalised actor form to its actor, for the roles'
// titles to be checked against; nil when there are no roles. The map is
// sized once: it holds every form.
func (g *Gazetteer) formOwners() map[string]string {
	if len(g.roleDefs) == 0 {
		return nil
	}
	n := 0
	for _, e := range g.entries {
		n += len(e.names) + len(e.capitals) + len(e.demonyms)
	}
	owner := make(map[string]string, n)
	for _, id := range g.order {
		e := g.entries[id]
		for _, l := range [][]sourced{e.names, e.capitals, e.demonyms} {
			for _, f := range l {
				owner[f.norm] = id
			}
		}
	}
	return owner
}

// checkRoleDef reports an unknown office, an unknown owner or one that is a
// person, and holders that are unknown or not persons.
func (g *Gazetteer) checkRoleDef(d roleDef, offices map[string]officeDef) []error {
	var errs []error
	if _, ok := offices[d.office]; !ok {
		errs = append(errs, input.Errorf(d.offPos, "role: unknown office %q", d.office))
	}
	if o, ok := g.entries[d.of]; !ok {
		errs = append(errs, input.Errorf(d.ofPos, "role: unknown actor %q in of", d.of))
	} else if o.kind == graph.KindPerson {
		errs = append(errs, input.Errorf(d.ofPos, "role: of %q is a person (want a state or organisation)", d.of))
	}
	for _, h := range d.holders {
		if a, ok := g.entries[h.actor]; !ok {
			errs = append(errs, input.Errorf(h.pos, "role %s/%s: unknown holder actor %q", d.of, d.office, h.actor))
		} else if a.kind != graph.KindPerson {
			errs = append(errs, input.Errorf(h.pos, "role %s/%s: holder %q has kind %s (want a person)", d.of, d.office, h.actor, a.kind))
		}
	}
	return errs
}

// checkTenures reports two tenures of one role that share more than a
// handover day, at the position of the one written later. hs and pos are
// parallel, in file order.
func checkTenures(id string, hs []Tenure, pos []graph.Position) []error {
	var errs []error
	for j := range hs {
		for i := range j {
			if overlap(hs[i], hs[j]) {
				errs = append(errs, input.Errorf(pos[j], "role %q: tenure of %q (%s) overlaps tenure of %q (%s) at %s", id, hs[j].Actor, span(hs[j]), hs[i].Actor, span(hs[i]), pos[i]))
			}
		}
	}
	return errs
}

// overlap says whether two tenures share more than a handover day.
func overlap(a, b Tenure) bool {
	if b.From.Before(a.From) {
		a, b = b, a
	}
	// a starts no later than b.
	return a.From.Equal(b.From) || a.To.IsZero() || a.To.After(b.From)
}

func span(t Tenure) string {
	from, to := "…", "…"
	if !t.From.IsZero() {
		from = day(t.From)
	}
	if !t.To.IsZero() {
		to = day(t.To)
	}
	return from + " to " + to
}

// expandTemplates fills the office's title templates for the owner of d
// (see expandForms). Titles carry the position of the role entry.
func (g *Gazetteer) expandTemplates(o officeDef, d roleDef) []sourced {
	return expandForms(o.templates, g.entries[d.of], d.pos)
}
