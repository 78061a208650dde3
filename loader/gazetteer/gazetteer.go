// Package gazetteer parses Rawabit's gazetteer files: the list of actors
// (persons, states, organisations) with every Arabic form that names them.
//
// The format (the files of data/gazetteer/):
//
//	actors:
//	  - id: khalifa-haftar
//	    name: Khalifa Haftar
//	    kind: person              # person | state | organisation
//	    names: [خليفة حفتر, حفتر]  # Arabic forms; the first is the canonical Arabic name
//	    aliases: [Haftar]          # optional English alternates
//	    affiliation: lna           # optional, another actor's id
//	    capital: [روما]            # optional, states: forms that stand for the state
//	    demonyms: [الإيطالية]      # optional, states: adjectives used as the actor
//
//	    adjectives: {m: الإيطالي, f: الإيطالية}  # optional, states: fill office titles
//	offices:                     # offices with title templates ({m}, {f}, {name})
//	  - id: prime-minister
//	    titles: ["رئيس الوزراء {m}", "رئيس وزراء {name}"]
//	roles:                       # an office of one owner, with dated holders
//	  - of: italy
//	    office: prime-minister
//	    titles: [...]              # optional extra titles of this role
//	    holders:
//	      - {actor: giuseppe-conte, from: 2018-06-01, to: 2021-02-13}
//	bodies:                      # a body of every state with adjectives
//	  - id: "{state}-armed-forces"
//	    name: "{state} Armed Forces"
//	    names: ["القوات المسلحة {f}", "الجيش {m}", "جيش {name}"]
//
// Several files can be combined with Merge: later files add actors, names
// to actors defined earlier, offices, and roles or holders and titles of
// roles defined earlier. Roles (see Role) are resolved by Merge; titles are
// not actor forms. Merge also generates the actors of the body templates
// (see the bodies: key in bodies.go), which yield to the actors written by
// hand. Every error names the file and line. LoadFiles and LoadFS
// also read folders (see Files).
package gazetteer

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/arabic"
	"github.com/rawabit/rawabit/internal/input"
)

// FormType says how a surface form refers to its actor.
type FormType string

// The form types: an actor's own name, a capital standing for its state, and a
// demonym used as the state.
const (
	FormName    FormType = "name"
	FormCapital FormType = "capital"
	FormDemonym FormType = "demonym"
)

// Form is one surface form of an actor.
type Form struct {
	// Text is the form as written in the gazetteer.
	Text string
	// Normalized is arabic.Normalize(Text); it is never empty and no two
	// actors share one.
	Normalized string
	Type       FormType
}

// Entry is one actor with all its surface forms, in file order: names first,
// then capitals, then demonyms.
type Entry struct {
	ID    string
	Kind  graph.Kind
	Forms []Form
}

type sourced struct {
	text string
	norm string
	pos  graph.Position
}

type actorEntry struct {
	id          string
	pos         graph.Position
	name        string
	kind        graph.Kind
	kindPos     graph.Position
	affiliation string
	affPos      graph.Position
	names       []sourced
	capitals    []sourced
	demonyms    []sourced
	aliases     []string
	adj         *adjectives
}

// Gazetteer is a set of actors with their surface forms. A Gazetteer is
// read-only once built and safe for concurrent use.
type Gazetteer struct {
	order   []string
	entries map[string]*actorEntry
	// offices and roleDefs are as written, in file order; roles are
	// resolved from them by Merge.
	offices  []officeDef
	roleDefs []roleDef
	roles    []Role
	// bodyDefs are the body templates as written; Merge generates their
	// actors and counts them in generated and yielded.
	bodyDefs           []bodyDef
	generated, yielded int
	// cache is built by the first call of Actors, Actor or Entries.
	cacheOnce sync.Once
	cache     actorCache
}

// actorCache is what Actors, Actor and Entries build from the entries: the
// ids sorted, the actors in that order (their Aliases clipped, so that an
// append by a caller does not write into another's) and their index by id.
// A load asked for every actor three times, each built and sorted anew.
type actorCache struct {
	ids    []string
	actors []graph.Actor
	at     map[string]int32
}

// cached returns g's actorCache, built on first use (g is read-only by
// then: callers have it from Parse, Merge or LoadFiles).
func (g *Gazetteer) cached() *actorCache {
	g.cacheOnce.Do(func() {
		c := &g.cache
		c.ids = slices.Clone(g.order)
		slices.Sort(c.ids)
		c.actors = make([]graph.Actor, len(c.ids))
		c.at = make(map[string]int32, len(c.ids))
		for i, id := range c.ids {
			a := g.entries[id].actor()
			a.Aliases = slices.Clip(a.Aliases)
			c.actors[i] = a
			c.at[id] = int32(i)
		}
	})
	return &g.cache
}

// ParseFile reads and parses one gazetteer file (see Parse).
func ParseFile(path string) (*Gazetteer, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return Parse(path, data)
}

// LoadFiles parses every file and merges them in order (see Merge): the
// complete check for gazetteers given on a command line. A folder stands for
// its files (see Files).
func LoadFiles(paths ...string) (*Gazetteer, error) {
	return LoadFS(osFS{}, "", paths...)
}

// Parse parses a gazetteer named name (used in error messages): a mapping
// with any of the keys actors, offices, roles and bodies. It reports, each as an
// *Error naming name and the line: YAML syntax errors, unknown keys, a
// missing or malformed id, an unknown kind, a kind that conflicts with the
// same id's kind elsewhere in the file, empty forms, a form claimed by two
// actors, malformed adjectives, an office title with an unknown placeholder,
// a role without of or office, and a holder with a bad date or a to before
// its from. Several errors are joined. Affiliations, missing kinds and roles
// are checked by Merge, since another file may supply them; call Merge (even
// with one gazetteer) before using the result.
func Parse(name string, data []byte) (*Gazetteer, error) {
	root, err := input.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, input.Errorf(input.Line(name, 1), "empty gazetteer (want a mapping with key actors)")
	}
	var actors, offices, roles, bodies *yaml.Node
	if errs := input.Mapping(name, root, "", topKeys, func(key string, _, v *yaml.Node) error {
		switch key {
		case "actors":
			actors = v
		case "offices":
			offices = v
		case "roles":
			roles = v
		case "bodies":
			bodies = v
		}
		return nil
	}); len(errs) > 0 {
		return nil, errs[0]
	}
	if actors == nil && offices == nil && roles == nil && bodies == nil {
		return nil, input.Required(name, root, "", "actors")
	}
	g := &Gazetteer{entries: map[string]*actorEntry{}}
	var errs []error
	if actors != nil {
		var err error
		if g, err = ParseActorsNode(name, actors); err != nil {
			errs = append(errs, err)
			g = &Gazetteer{entries: map[string]*actorEntry{}}
		}
	}
	if offices != nil {
		ofs, oerrs := parseOffices(name, offices)
		g.offices, errs = ofs, append(errs, oerrs...)
	}
	if roles != nil {
		rs, rerrs := parseRoles(name, roles)
		g.roleDefs, errs = rs, append(errs, rerrs...)
	}
	if bodies != nil {
		bs, berrs := parseBodies(name, bodies)
		g.bodyDefs, errs = bs, append(errs, berrs...)
	}
	if len(errs) > 0 {
		return nil, input.JoinCapped(errs)
	}
	return g, nil
}

// ParseActorsNode parses the value of an actors: key (a YAML sequence of
// actor entries) from file name, with the checks of Parse. Other input files
// that may declare actors (the loader's claims.yaml) use it.
func ParseActorsNode(name string, seq *yaml.Node) (*Gazetteer, error) {
	g := &Gazetteer{entries: map[string]*actorEntry{}}
	items, err := input.List(name, "actors", seq)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, item := range items {
		e, itemErrs := parseEntry(name, item)
		errs = append(errs, itemErrs...)
		if e != nil {
			if err := g.add(e); err != nil {
				errs = append(errs, err)
			}
		}
		if len(errs) >= input.MaxErrors {
			break
		}
	}
	errs = append(errs, g.checkForms()...)
	if len(errs) > 0 {
		return nil, input.JoinCapped(errs)
	}
	return g, nil
}

// topKeys are the keys of a gazetteer file.
var topKeys = []string{"actors", "offices", "roles", "bodies"}

// entryKeys are the keys of an actor entry.
var entryKeys = []string{"id", "name", "kind", "names", "aliases", "affiliation", "capital", "demonyms", "adjectives"}

func parseEntry(file string, n *yaml.Node) (*actorEntry, []error) {
	pos := input.At(file, n)
	e := &actorEntry{pos: pos}
	errs := input.Mapping(file, n, "actor", entryKeys, func(key string, k, v *yaml.Node) (err error) {
		kpos := input.At(file, k)
		switch key {
		case "id":
			e.id, err = input.Scalar(file, key, v)
			if err == nil {
				if e.id == "" {
					err = input.Errorf(kpos, "id: empty")
				} else if verr := (graph.Actor{ID: e.id, Kind: graph.KindPerson, Name: "x"}).Validate(); verr != nil {
					err = input.Errorf(kpos, "id %q: want lower-case letters, digits and '-'", e.id)
				}
			}
		case "name":
			e.name, err = input.Scalar(file, key, v)
		case "kind":
			var s string
			s, err = input.Scalar(file, key, v)
			if err == nil {
				e.kind, err = graph.ParseKind(s)
				if err != nil {
					err = input.Errorf(kpos, "unknown kind %q (want person, state or organisation)", s)
				}
				e.kindPos = kpos
			}
		case "affiliation":
			e.affiliation, err = input.Scalar(file, key, v)
			e.affPos = kpos
		case "names":
			e.names, err = forms(file, key, v)
		case "capital":
			e.capitals, err = forms(file, key, v)
		case "demonyms":
			e.demonyms, err = forms(file, key, v)
		case "adjectives":
			e.adj, err = parseAdjectives(file, k, v)
		case "aliases":
			var fs []sourced
			fs, err = forms(file, key, v)
			for _, f := range fs {
				e.aliases = append(e.aliases, f.text)
			}
		}
		return err
	})
	if e.id == "" && len(errs) == 0 {
		errs = append(errs, input.Errorf(pos, "actor without id"))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return e, nil
}

// forms reads a list of strings, or a single string as a one-element list.
func forms(file, key string, v *yaml.Node) ([]sourced, error) {
	items, err := input.Strings(file, key, v)
	if err != nil {
		return nil, err
	}
	out := make([]sourced, 0, len(items))
	for _, it := range items {
		pos := input.At(file, it)
		text := strings.TrimSpace(it.Value)
		norm := arabic.Normalize(text)
		if norm == "" {
			return nil, input.Errorf(pos, "%s: empty form %q", key, it.Value)
		}
		out = append(out, sourced{text: text, norm: norm, pos: pos})
	}
	return out, nil
}

// add merges e into g: a new id is appended, a known id gains e's forms and
// aliases, and e's non-empty name and affiliation replace the earlier ones.
// Conflicting kinds are an error.
func (g *Gazetteer) add(e *actorEntry) error {
	old, ok := g.entries[e.id]
	if !ok {
		// e's lists, clipped: a later add appends to a copy, and
		// checkForms changes none in place, so e is not modified.
		c := *e
		c.names = slices.Clip(e.names)
		c.capitals = slices.Clip(e.capitals)
		c.demonyms = slices.Clip(e.demonyms)
		c.aliases = slices.Clip(e.aliases)
		g.entries[e.id] = &c
		g.order = append(g.order, e.id)
		return nil
	}
	if e.kind != "" {
		if old.kind != "" && old.kind != e.kind {
			return input.Errorf(e.kindPos, "actor %q: kind %s conflicts with kind %s at %s", e.id, e.kind, old.kind, old.kindPos)
		}
		if old.kind == "" {
			old.kind, old.kindPos = e.kind, e.kindPos
		}
	}
	if e.name != "" {
		old.name = e.name
	}
	if e.affiliation != "" {
		old.affiliation, old.affPos = e.affiliation, e.affPos
	}
	if e.adj != nil {
		old.adj = e.adj
	}
	old.names = append(old.names, e.names...)
	old.capitals = append(old.capitals, e.capitals...)
	old.demonyms = append(old.demonyms, e.demonyms...)
	for _, a := range e.aliases {
		if !slices.Contains(old.aliases, a) {
			old.aliases = append(old.aliases, a)
		}
	}
	return nil
}

// checkForms reports every normalised form claimed by two actors, and drops
// repeated forms of one actor.
func (g *Gazetteer) checkForms() []error {
	// owner holds, by normalised form, the first actor that claims it
	// (its index in g.order) and where; the forms of the actor at hand
	// are those it owns at that index.
	type claim struct {
		actor int
		at    sourced
	}
	forms := 0
	for _, id := range g.order {
		e := g.entries[id]
		forms += len(e.names) + len(e.capitals) + len(e.demonyms)
	}
	owner := make(map[string]claim, forms)
	// reported holds the forms reported of an actor (actor index + 1),
	// which it may repeat: reported once.
	var reported map[string]int
	var errs []error
	for k, id := range g.order {
		e := g.entries[id]
		// dedupe returns list without the forms it drops: list itself
		// when it drops none, else a copy (list may be another
		// gazetteer's, see add).
		dedupe := func(list []sourced) []sourced {
			var out []sourced
			for i, f := range list {
				if c, ok := owner[f.norm]; ok {
					if out == nil {
						out = append(make([]sourced, 0, len(list)-1), list[:i]...)
					}
					if c.actor != k && reported[f.norm] != k+1 {
						errs = append(errs, input.Errorf(f.pos, "name %q of actor %q is already claimed by actor %q at %s", f.text, id, g.order[c.actor], c.at.pos))
						if reported == nil {
							reported = map[string]int{}
						}
						reported[f.norm] = k + 1
					}
					continue
				}
				owner[f.norm] = claim{k, f}
				if out != nil {
					out = append(out, f)
				}
			}
			if out == nil {
				return list
			}
			return out
		}
		e.names = dedupe(e.names)
		e.capitals = dedupe(e.capitals)
		e.demonyms = dedupe(e.demonyms)
	}
	return errs
}

// Merge combines gazetteers in order into a new one and checks the result:
// later gazetteers add actors, and forms and aliases to actors already
// defined; a later non-empty name or affiliation replaces an earlier one.
// Errors (each an *Error naming file and line, joined): an id whose kinds
// conflict, a form claimed by two actors (compared after arabic.Normalize),
// an actor with no kind or no name at all, an affiliation naming no actor or
// the actor itself, adjectives on an actor that is not a state.
//
// Merge also combines the offices and roles of every input and resolves them
// into Roles. An office is defined once; a later file may add offices. The
// roles: entries of one role id (<of>/<office>) from every file make one
// role: later entries add holders and titles. Errors (file:line): an office
// defined twice, an unknown office, an unknown of or holder actor, an of that
// is a person, a holder that is not a person, two tenures of one role that
// share more than a handover day, and a title (after normalisation) that
// equals a form of an actor or a title of another role. Bad dates and a to
// before its from are reported by Parse. The inputs are not modified.
func Merge(gs ...*Gazetteer) (*Gazetteer, error) {
	out := &Gazetteer{entries: map[string]*actorEntry{}}
	var errs []error
	for _, g := range gs {
		if g == nil {
			continue
		}
		out.offices = append(out.offices, g.offices...)
		out.roleDefs = append(out.roleDefs, g.roleDefs...)
		out.bodyDefs = append(out.bodyDefs, g.bodyDefs...)
		for _, id := range g.order {
			if err := out.add(g.entries[id]); err != nil {
				errs = append(errs, err)
			}
		}
	}
	errs = append(errs, out.checkForms()...)
	if len(errs) == 0 {
		out.generated, out.yielded = out.generateBodies()
	}
	for _, id := range out.order {
		e := out.entries[id]
		switch {
		case e.kind == "":
			errs = append(errs, input.Errorf(e.pos, "actor %q: missing kind (want person, state or organisation)", id))
		case e.name == "" && len(e.names) == 0:
			errs = append(errs, input.Errorf(e.pos, "actor %q: no name (want name or names)", id))
		}
		if e.affiliation == "" {
			continue
		}
		if e.affiliation == id {
			errs = append(errs, input.Errorf(e.affPos, "actor %q: affiliated with itself", id))
		} else if _, ok := out.entries[e.affiliation]; !ok {
			errs = append(errs, input.Errorf(e.affPos, "actor %q: unknown affiliation %q", id, e.affiliation))
		}
	}
	errs = append(errs, out.resolveRoles()...)
	if len(errs) > 0 {
		return nil, input.JoinCapped(errs)
	}
	return out, nil
}

// Bodies returns how many actors Merge generated from the body templates
// (the bodies: key, see generateBodies) and how many template actors it did
// not generate because an actor written by hand holds their id or a name.
func (g *Gazetteer) Bodies() (generated, yielded int) { return g.generated, g.yielded }

// Len returns the number of actors.
func (g *Gazetteer) Len() int { return len(g.order) }

// Actor returns the actor with the given id, and whether it exists.
func (g *Gazetteer) Actor(id string) (graph.Actor, bool) {
	c := g.cached()
	i, ok := c.at[id]
	if !ok {
		return graph.Actor{}, false
	}
	return c.actors[i], true
}

// graph.Position returns where the actor with the given id was first defined.
func (g *Gazetteer) Position(id string) (graph.Position, bool) {
	e, ok := g.entries[id]
	if !ok {
		return graph.Position{}, false
	}
	return e.pos, true
}

// Actors returns every actor, sorted by id. NameAr is the first Arabic name;
// Aliases are the other Arabic names, the capitals and the English aliases.
func (g *Gazetteer) Actors() []graph.Actor {
	return slices.Clone(g.cached().actors)
}

// Entries returns every actor with its surface forms, sorted by id.
func (g *Gazetteer) Entries() []Entry {
	out := make([]Entry, 0, len(g.order))
	for _, id := range g.cached().ids {
		e := g.entries[id]
		en := Entry{ID: id, Kind: e.kind}
		for _, l := range []struct {
			list []sourced
			t    FormType
		}{{e.names, FormName}, {e.capitals, FormCapital}, {e.demonyms, FormDemonym}} {
			for _, f := range l.list {
				en.Forms = append(en.Forms, Form{Text: f.text, Normalized: f.norm, Type: l.t})
			}
		}
		out = append(out, en)
	}
	return out
}

func (e *actorEntry) actor() graph.Actor {
	a := graph.Actor{ID: e.id, Name: e.name, Kind: e.kind, Affiliation: e.affiliation}
	for i, n := range e.names {
		if i == 0 {
			a.NameAr = n.text
			continue
		}
		a.Aliases = append(a.Aliases, n.text)
	}
	for _, c := range e.capitals {
		a.Aliases = append(a.Aliases, c.text)
	}
	for _, al := range e.aliases {
		if al != a.Name && !slices.Contains(a.Aliases, al) {
			a.Aliases = append(a.Aliases, al)
		}
	}
	return a
}
