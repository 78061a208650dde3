package gazetteer

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/internal/input"
)

// A body template (the bodies: key) describes one named body that every
// state has (its armed forces, its foreign ministry, its parliament) once:
// Merge generates an organisation affiliated with each state that carries
// adjectives.
//
//	bodies:
//	  - id: "{state}-armed-forces"       # {state}: the state's id
//	    name: "{state} Armed Forces"     # {state}: the state's English name
//	    names: ["القوات المسلحة {f}", "الجيش {m}", "جيش {name}"]
//
// The names are filled like office titles: {m} and {f} with the state's
// adjectives, {name} with each of its first two names. A body yields to
// the actors written by hand: it is not generated when its id is taken or
// when one of its names is already a form of an actor, and a name that an
// earlier generated body claims is left out of a later one (a body left
// with no name is not generated). Yielding is never an error.

// bodyPlaceholder is the placeholder of a body's id and English name.
const bodyPlaceholder = "{state}"

// bodyKeys are the keys of a body template.
var bodyKeys = []string{"id", "name", "names"}

// bodyDef is one body template as written in a file.
type bodyDef struct {
	id, name string
	names    []sourced
	pos      graph.Position
}

// parseBodies reads the value of a bodies: key. It reports, with file and
// line, a template without id, name or names, an id or name without
// {state}, an id that is not a slug once filled, and a name template with
// an unknown placeholder.
func parseBodies(file string, seq *yaml.Node) ([]bodyDef, []error) {
	items, err := input.List(file, "bodies", seq)
	if err != nil {
		return nil, []error{err}
	}
	var out []bodyDef
	var errs []error
	for _, n := range items {
		pos := input.At(file, n)
		b := bodyDef{pos: pos}
		berrs := input.Mapping(file, n, "body", bodyKeys, func(key string, k, v *yaml.Node) (err error) {
			kpos := input.At(file, k)
			switch key {
			case "id":
				b.id, err = input.Scalar(file, "body: id", v)
				if err == nil && (!strings.Contains(b.id, bodyPlaceholder) || !validID(strings.ReplaceAll(b.id, bodyPlaceholder, "x"))) {
					err = input.Errorf(kpos, "body: id %q: want lower-case letters, digits and '-' with %s", b.id, bodyPlaceholder)
				}
			case "name":
				b.name, err = input.Scalar(file, "body: name", v)
				if err == nil && !strings.Contains(b.name, bodyPlaceholder) {
					err = input.Errorf(kpos, "body: name %q: want %s (the state's English name)", b.name, bodyPlaceholder)
				}
			case "names":
				b.names, err = forms(file, "body: names", v)
				for _, t := range b.names {
					if err == nil {
						err = checkTemplate(t, "body: name")
					}
				}
			}
			return err
		})
		errs = append(errs, berrs...)
		if len(berrs) == 0 {
			if b.id == "" || b.name == "" || len(b.names) == 0 {
				errs = append(errs, input.Errorf(pos, "body: want id, name and names"))
				continue
			}
			out = append(out, b)
		}
		if len(errs) >= input.MaxErrors {
			break
		}
	}
	return out, errs
}

// generateBodies adds to g (merged, its forms checked) the actors of its
// body templates for every state with adjectives, in the order of the
// states and then of the templates, and returns how many it generated and
// how many yielded to an actor written by hand (see the bodies: key).
func (g *Gazetteer) generateBodies() (generated, yielded int) {
	if len(g.bodyDefs) == 0 {
		return 0, 0
	}
	owner := map[string]string{}
	for _, id := range g.order {
		e := g.entries[id]
		for _, l := range [][]sourced{e.names, e.capitals, e.demonyms} {
			for _, f := range l {
				owner[f.norm] = id
			}
		}
	}
	claimed := map[string]bool{} // forms of generated bodies
	states := slices.Clone(g.order)
	for _, sid := range states {
		st := g.entries[sid]
		if st.kind != graph.KindState || st.adj == nil {
			continue
		}
		for _, b := range g.bodyDefs {
			e := b.expand(sid, st)
			if e == nil {
				continue
			}
			taken := g.entries[e.id] != nil
			for _, f := range e.names {
				if _, ok := owner[f.norm]; ok {
					taken = true
				}
			}
			if taken {
				yielded++
				continue
			}
			e.names = slices.DeleteFunc(e.names, func(f sourced) bool { return claimed[f.norm] })
			if len(e.names) == 0 {
				continue
			}
			for _, f := range e.names {
				claimed[f.norm] = true
			}
			g.entries[e.id] = e
			g.order = append(g.order, e.id)
			generated++
		}
	}
	return generated, yielded
}

// expand fills b for the state sid: its actor, with each name once (nil
// when no name template can be filled).
func (b bodyDef) expand(sid string, st *actorEntry) *actorEntry {
	e := &actorEntry{
		id:          strings.ReplaceAll(b.id, bodyPlaceholder, sid),
		pos:         b.pos,
		name:        strings.ReplaceAll(b.name, bodyPlaceholder, st.name),
		kind:        graph.KindOrganisation,
		kindPos:     b.pos,
		affiliation: sid,
		affPos:      b.pos,
	}
	for _, f := range expandForms(b.names, st, b.pos) {
		if !slices.ContainsFunc(e.names, func(o sourced) bool { return o.norm == f.norm }) {
			e.names = append(e.names, f)
		}
	}
	if len(e.names) == 0 {
		return nil
	}
	return e
}

// expandForms fills the templates for owner: {m} and {f} with its
// adjectives, {name} with each of its first two names. A template whose
// placeholder the owner lacks is skipped. The forms carry position pos.
func expandForms(templates []sourced, owner *actorEntry, pos graph.Position) []sourced {
	var names []string
	for i, n := range owner.names {
		if i == 2 {
			break
		}
		names = append(names, n.text)
	}
	var out []sourced
	for _, t := range templates {
		texts := []string{t.text}
		for _, p := range placeholders {
			if !strings.Contains(t.text, p) {
				continue
			}
			var values []string
			switch {
			case p == "{name}":
				values = names
			case owner.adj != nil && p == "{m}":
				values = []string{owner.adj.m}
			case owner.adj != nil && p == "{f}":
				values = []string{owner.adj.f}
			}
			var next []string
			for _, s := range texts {
				for _, v := range values {
					if v != "" {
						next = append(next, strings.ReplaceAll(s, p, v))
					}
				}
			}
			texts = next
		}
		for _, s := range texts {
			if norm := arabic.Normalize(s); norm != "" {
				out = append(out, sourced{text: s, norm: norm, pos: pos})
			}
		}
	}
	return out
}
