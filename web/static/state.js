// The viewer's one state, and the only code that reads or writes the URL
// hash.
//
// API (for every module of the viewer, review.js included):
//
//   await initState(meta)   builds SCHEMA from the server's limits and
//                           enumerations (GET /api/meta) and reads the hash.
//                           Call it once, before anything else here.
//   getState()              the current state: a frozen object whose keys
//                           are SCHEMA's. Never mutate it; use setState.
//   setState(patch, opts)   merges patch (SCHEMA keys only; values are
//                           parsed and clamped as if read from the hash),
//                           writes the hash, records one browser-history
//                           entry and notifies the subscribers. Nothing
//                           happens when the patch changes nothing.
//                           opts.replace: amend the current history entry
//                           instead of adding one (for changes that are not
//                           a step of their own, such as filling in a
//                           default).
//   subscribe(fn)           fn(state, changed, prev) after every change,
//                           whether from setState or from history (Back,
//                           Forward, Ctrl+Z, Ctrl+Shift+Z, an edited URL).
//                           changed is a Set of the keys that differ from
//                           prev. Returns a function that unsubscribes.
//   undo(), redo()          move through the history (browser Back and
//                           Forward). Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y)
//                           call them when focus is not in a text field.
//   addKeys(fields)         adds SCHEMA entries ({ key, hash, def, parse,
//                           format }, as below) for another module's own
//                           state (review.js, say); call it after
//                           initState. Their values are read from the hash
//                           at once; a key or hash name already taken throws.
//   hashOf(patch)           the "#..." of the current state with patch
//                           applied, for links that open a state.
//   SCHEMA                  [{ key, hash, def, parse(string), format(value) }]:
//                           format returns '' for the default, which the
//                           hash leaves out.

export let SCHEMA = [];

let state = Object.freeze({});
let lastHash = null;
const subscribers = new Set();

const str = { parse: (v) => v, format: (v) => v };

function intIn(lo, hi) {
  return {
    parse: (v) => { const n = parseInt(v, 10); return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : undefined; },
    format: (v) => String(v),
  };
}

function oneOf(values) {
  return { parse: (v) => (values.includes(v) ? v : undefined), format: (v) => v };
}

// subsetOf is a comma-separated subset of values; every value is the
// default, and an empty subset falls back to every value.
function subsetOf(values) {
  return {
    parse: (v) => { const s = v.split(',').filter((x) => values.includes(x)); return s.length ? values.filter((x) => s.includes(x)) : undefined; },
    format: (v) => (v.length === values.length ? '' : v.join(',')),
  };
}

const ids = {
  parse: (v) => [...new Set(v.split(',').filter(Boolean))],
  format: (v) => v.join(','),
};

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const day = { parse: (v) => (isoDay.test(v) ? v : undefined), format: (v) => v };

const confidence = {
  parse: (v) => { const f = parseFloat(v); return Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : undefined; },
  format: (v) => v.toFixed(2),
};

// RENDERERS are the ways the viewer can draw the graph, by name and label
// (see graphview.js chooseRenderer).
export const RENDERERS = [['auto', 'auto'], ['canvas', 'canvas'], ['webgl', 'WebGL']];

// LAYOUTS are the layouts the viewer offers, by name and label.
export const LAYOUTS = [['force', 'force-directed'], ['concentric', 'concentric by centrality'], ['hierarchy', 'hierarchical']];

function buildSchema(meta) {
  return [
    { key: 'centre', hash: 'c', def: '', ...str },
    { key: 'depth', hash: 'd', def: 1, ...intIn(1, meta.max_depth) },
    { key: 'limit', hash: 'n', def: meta.max_nodes, ...intIn(1, meta.max_nodes) },
    { key: 'types', hash: 't', def: [...meta.types], ...subsetOf(meta.types) },
    { key: 'kinds', hash: 'k', def: [...meta.kinds], ...subsetOf(meta.kinds) },
    { key: 'certs', hash: 'ce', def: [...meta.certainties], ...subsetOf(meta.certainties) },
    { key: 'minConf', hash: 'mc', def: 0, ...confidence },
    { key: 'since', hash: 'since', def: '', ...day },
    { key: 'until', hash: 'until', def: '', ...day },
    { key: 'lang', hash: 'lang', def: 'ar', ...oneOf(['ar', 'en']) },
    { key: 'layout', hash: 'lay', def: 'force', ...oneOf(LAYOUTS.map(([n]) => n)) },
    { key: 'renderer', hash: 'r', def: 'auto', ...oneOf(RENDERERS.map(([n]) => n)) },
    { key: 'sel', hash: 'sel', def: '', ...str },
    { key: 'expanded', hash: 'x', def: [], ...ids },
    { key: 'hidden', hash: 'hide', def: [], ...ids },
    { key: 'pinned', hash: 'pin', def: [], ...ids },
    { key: 'from', hash: 'pf', def: '', ...str },
    { key: 'to', hash: 'pt', def: '', ...str },
    { key: 'pathMax', hash: 'pm', def: meta.default_path_length, ...intIn(1, meta.max_path_length) },
    { key: 'article', hash: 'art', def: '', ...str },
    { key: 'claim', hash: 'cl', def: '', ...str },
  ];
}

function same(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function parseHash(hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const out = {};
  for (const f of SCHEMA) {
    const raw = p.get(f.hash);
    const v = raw === null || raw === '' ? undefined : f.parse(raw);
    out[f.key] = v === undefined ? structuredClone(f.def) : v;
  }
  return out;
}

function formatHash(s) {
  const p = new URLSearchParams();
  for (const f of SCHEMA) {
    if (same(s[f.key], f.def)) continue;
    const v = f.format(s[f.key]);
    if (v !== '') p.set(f.hash, v);
  }
  const h = p.toString();
  return h ? `#${h}` : '';
}

// normalise passes a patch value through format and parse, so that a value
// set in code obeys the same bounds as one read from the URL.
function normalise(f, v) {
  if (v === undefined || v === null) return structuredClone(f.def);
  const text = f.format(v);
  if (text === '') return structuredClone(f.def);
  const parsed = f.parse(text);
  return parsed === undefined ? structuredClone(f.def) : parsed;
}

function notify(prev) {
  const changed = new Set(SCHEMA.filter((f) => !same(prev[f.key], state[f.key])).map((f) => f.key));
  if (!changed.size) return;
  for (const fn of [...subscribers]) {
    try { fn(state, changed, prev); } catch (err) { console.error(err); } // eslint-disable-line no-console
  }
}

function fromLocation() {
  if (location.hash === lastHash) return;
  lastHash = location.hash;
  const prev = state;
  state = Object.freeze(parseHash(location.hash));
  notify(prev);
}

export async function initState(meta) {
  SCHEMA = buildSchema(meta);
  state = Object.freeze(parseHash(location.hash));
  lastHash = location.hash;
  window.addEventListener('popstate', fromLocation);
  window.addEventListener('hashchange', fromLocation);
  document.addEventListener('keydown', (ev) => {
    const t = ev.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    if (!(ev.ctrlKey || ev.metaKey)) return;
    const k = ev.key.toLowerCase();
    if (k === 'z' && !ev.shiftKey) { ev.preventDefault(); undo(); }
    else if ((k === 'z' && ev.shiftKey) || k === 'y') { ev.preventDefault(); redo(); }
  });
  return state;
}

export function addKeys(fields) {
  for (const f of fields) {
    if (SCHEMA.some((x) => x.key === f.key || x.hash === f.hash)) throw new Error(`addKeys: ${f.key} (#${f.hash}) is taken`);
  }
  SCHEMA = [...SCHEMA, ...fields];
  state = Object.freeze({ ...state, ...parseHash(location.hash) });
}

export function getState() { return state; }

export function setState(patch, opts = {}) {
  const next = { ...state };
  for (const [k, v] of Object.entries(patch)) {
    const f = SCHEMA.find((x) => x.key === k);
    if (!f) throw new Error(`setState: unknown key ${k}`);
    next[k] = normalise(f, v);
  }
  const hash = formatHash(next);
  const prev = state;
  state = Object.freeze(next);
  if (hash !== formatHash(prev) || location.hash !== hash) {
    const url = hash || `${location.pathname}${location.search}`;
    if (opts.replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    lastHash = location.hash;
  }
  notify(prev);
}

export function subscribe(fn) {
  subscribers.add(fn);
  return () => subscribers.delete(fn);
}

export function undo() { history.back(); }
export function redo() { history.forward(); }

export function hashOf(patch) {
  const next = { ...state };
  for (const [k, v] of Object.entries(patch)) {
    const f = SCHEMA.find((x) => x.key === k);
    if (f) next[k] = normalise(f, v);
  }
  return formatHash(next) || '#';
}
