// Rawabit viewer: search an actor, explore its neighbourhood, read the
// evidence behind every edge. Every data string reaches the page through
// textContent or text nodes (see dom.js), never as HTML.
import { api } from './api.js';
import { h, replace, arabic, fields, debounce } from './dom.js';
import { createGraph, runLayout, nodeSize, edgeWidth, labelOf, placeAround, tuneForSize } from './graphview.js';
import { setupExport, exportURL, toSVG } from './export.js';

const ALL_TYPES = ['MET', 'SUPPORTED', 'OPPOSED'];
const ALL_KINDS = ['person', 'state', 'organisation'];
const ALL_CERTS = ['asserted', 'reported', 'alleged'];
const TYPE_WORD = { MET: 'met', SUPPORTED: 'supported', OPPOSED: 'opposed' };
const DEFAULT_LIMIT = 500;

const $ = (id) => document.getElementById(id);

// state is the whole view; it round-trips through the URL hash.
const state = {
  centre: '', depth: 1, limit: DEFAULT_LIMIT,
  types: [...ALL_TYPES], kinds: [...ALL_KINDS], certs: [...ALL_CERTS], minConf: 0,
  lang: 'ar', sel: '', expanded: [], from: '', to: '', pathMax: 4, article: '', claim: '',
};

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const list = (k, all) => {
    if (!p.has(k)) return [...all];
    const v = p.get(k).split(',').filter((x) => all.includes(x));
    return v.length ? v : [...all];
  };
  state.centre = p.get('c') || '';
  state.depth = clampInt(p.get('d'), 1, 3, 1);
  state.limit = clampInt(p.get('n'), 1, 5000, DEFAULT_LIMIT);
  state.types = list('t', ALL_TYPES);
  state.kinds = list('k', ALL_KINDS);
  state.certs = list('ce', ALL_CERTS);
  state.minConf = Math.min(1, Math.max(0, parseFloat(p.get('mc')) || 0));
  state.lang = p.get('lang') === 'en' ? 'en' : 'ar';
  state.sel = p.get('sel') || '';
  state.expanded = (p.get('x') || '').split(',').filter(Boolean);
  state.from = p.get('pf') || '';
  state.to = p.get('pt') || '';
  state.pathMax = clampInt(p.get('pm'), 1, 6, 4);
  state.article = p.get('art') || '';
  state.claim = p.get('cl') || '';
}

function clampInt(v, lo, hi, def) {
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : def;
}

function writeHash() {
  const p = new URLSearchParams();
  if (state.centre) p.set('c', state.centre);
  if (state.depth !== 1) p.set('d', state.depth);
  if (state.limit !== DEFAULT_LIMIT) p.set('n', state.limit);
  if (state.types.length < ALL_TYPES.length) p.set('t', state.types.join(','));
  if (state.kinds.length < ALL_KINDS.length) p.set('k', state.kinds.join(','));
  if (state.certs.length < ALL_CERTS.length) p.set('ce', state.certs.join(','));
  if (state.minConf > 0) p.set('mc', state.minConf.toFixed(2));
  if (state.lang !== 'ar') p.set('lang', state.lang);
  if (state.sel) p.set('sel', state.sel);
  if (state.expanded.length) p.set('x', state.expanded.join(','));
  if (state.from && state.to) { p.set('pf', state.from); p.set('pt', state.to); if (state.pathMax !== 4) p.set('pm', state.pathMax); }
  if (state.article) { p.set('art', state.article); if (state.claim) p.set('cl', state.claim); }
  const hash = p.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
}

// filterParams are the API parameters of the current filters; a filter
// with every value selected is left out.
function filterParams() {
  return {
    types: state.types.length < ALL_TYPES.length ? state.types.map((t) => t.toLowerCase()) : [],
    kinds: state.kinds.length < ALL_KINDS.length ? state.kinds : [],
    certainties: state.certs.length < ALL_CERTS.length ? state.certs : [],
    min_confidence: state.minConf > 0 ? state.minConf : '',
  };
}

// MAX_EXPORT_IDS bounds the ids an export request lists, to keep its URL
// well under the server's header limit.
const MAX_EXPORT_IDS = 2000;

// exportParams are the /api/export parameters of the current view: the
// neighbourhood parameters, or, once nodes were expanded or added by the
// path finder, the ids of every actor on the canvas.
function exportParams() {
  const fromQuery = lastResponse && cy.nodes().length === lastResponse.nodes.length;
  if (fromQuery || cy.nodes().length > MAX_EXPORT_IDS) {
    return { center: state.centre, depth: state.depth, limit: state.limit, ...filterParams() };
  }
  const { types, certainties, min_confidence } = filterParams();
  return { ids: cy.nodes().map((n) => n.id()), types, certainties, min_confidence };
}

const panel = $('panel-body');
const statusEl = $('status');
const cy = createGraph($('cy'));
let loadSeq = 0;
let lastResponse = null;

// --- test and debugging hook -------------------------------------------
window.rawabit = { cy, state, busy: 0, openArticle, findPath, centreOn, showEdge: (id) => selectEdge(cy.getElementById(id)),
  exportURL: (format) => exportURL(format, exportParams()), toSVG: () => toSVG(cy) };
function busy(delta) {
  window.rawabit.busy += delta;
  document.body.dataset.busy = String(window.rawabit.busy);
}

// --- graph data ----------------------------------------------------------
function nodeData(n, maxRank) {
  return {
    id: n.id, name: n.name, name_ar: n.name_ar, kind: n.kind, affiliation: n.affiliation || '',
    degree: n.degree, pagerank: n.pagerank, omitted: n.omitted || 0,
    size: nodeSize(n.pagerank || 0, maxRank), label: labelOf(n, state.lang),
  };
}

function edgeData(e) {
  return {
    id: e.id, source: e.source, target: e.target, type: e.type, claims: e.claims,
    articles: e.articles, max_confidence: e.max_confidence, certainties: e.certainties, width: edgeWidth(e.articles),
  };
}

// addElements adds the nodes and edges cy lacks; it returns the new nodes.
function addElements(nodes, edges) {
  const maxRank = Math.max(0, ...nodes.map((n) => n.pagerank || 0));
  const fresh = nodes.filter((n) => cy.getElementById(n.id).empty());
  const added = cy.add(fresh.map((n) => ({ group: 'nodes', data: nodeData(n, maxRank) })));
  const freshEdges = edges.filter((e) => cy.getElementById(e.id).empty() &&
    !cy.getElementById(e.source).empty() && !cy.getElementById(e.target).empty());
  cy.add(freshEdges.map((e) => ({ group: 'edges', data: edgeData(e) })));
  return added;
}

// MAX_LINK_IDS bounds the actors whose induced subgraph the viewer asks
// for (the server's bound on /api/subgraph ids).
const MAX_LINK_IDS = 2000;
let linkNotice = '';

// linkVisible draws every edge among the actors on the canvas that the
// filters keep, from their induced subgraph (/api/subgraph), and sizes every
// node by its centrality in it. An expansion or a path brings only its own
// edges; this adds the links between its new actors and those already
// shown. Above MAX_LINK_IDS actors it leaves the canvas as it is and says
// so in the status line.
async function linkVisible(seq) {
  const ids = cy.nodes().map((n) => n.id());
  if (ids.length > MAX_LINK_IDS) {
    linkNotice = `${ids.length} actors on the canvas (over ${MAX_LINK_IDS}): links between added actors and earlier ones may be missing`;
    renderStatus();
    return;
  }
  linkNotice = '';
  busy(1);
  try {
    const sub = await api.subgraph({ ids, ...filterParams() });
    if (seq !== loadSeq) return;
    const maxRank = Math.max(0, ...sub.nodes.map((n) => n.pagerank || 0));
    cy.batch(() => {
      addElements([], sub.edges);
      for (const n of sub.nodes) {
        const node = cy.getElementById(n.id);
        if (node.empty()) continue;
        node.data({ degree: n.degree, pagerank: n.pagerank, size: nodeSize(n.pagerank || 0, maxRank) });
      }
    });
    tuneForSize(cy);
    renderStatus();
  } finally {
    busy(-1);
  }
}

async function loadView() {
  const seq = ++loadSeq;
  linkNotice = '';
  clearPath(false);
  if (!state.centre) { cy.elements().remove(); $('empty').hidden = false; renderStatus(); return; }
  $('empty').hidden = true;
  busy(1);
  try {
    const t0 = performance.now();
    const data = await api.neighbourhood(state.centre, { depth: state.depth, limit: state.limit, ...filterParams() });
    if (seq !== loadSeq) return;
    const t1 = performance.now();
    cy.batch(() => {
      cy.elements().remove();
      addElements(data.nodes, data.edges);
      cy.getElementById(state.centre).addClass('centre');
    });
    const centreNode = cy.getElementById(state.centre);
    if (!centreNode.empty() && !$('search-input').value) $('search-input').value = labelOf(centreNode.data(), state.lang);
    lastResponse = data;
    for (const id of state.expanded) {
      if (cy.getElementById(id).empty()) continue;
      const more = await api.neighbourhood(id, expandParams());
      if (seq !== loadSeq) return;
      addElements(more.nodes, more.edges);
    }
    if (state.expanded.length) await linkVisible(seq);
    if (seq !== loadSeq) return;
    const t2 = performance.now();
    tuneForSize(cy);
    const t2b = performance.now();
    runLayout(cy, state.centre);
    const t3 = performance.now();
    cy.fit(undefined, 30);
    renderStatus();
    window.rawabit.timings = { fetch: t1 - t0, add: t2 - t1, tune: t2b - t2, layout: t3 - t2b };
    await restoreSelection();
    if (state.from && state.to) await findPath(state.from, state.to, state.pathMax, false);
    if (state.article) await openArticle(state.article, state.claim, false);
  } catch (err) {
    if (seq === loadSeq) showError(err);
  } finally {
    busy(-1);
  }
}

// expandParams ask for every neighbour of an expanded actor, not only the
// first 50 (the server's default max_neighbours) a view takes per actor.
function expandParams() {
  return { depth: 1, limit: state.limit, max_neighbours: Math.min(1000, state.limit), ...filterParams() };
}

async function expandNode(id) {
  if (state.expanded.includes(id)) return;
  const seq = loadSeq;
  busy(1);
  try {
    const data = await api.neighbourhood(id, expandParams());
    if (seq !== loadSeq) return;
    const added = addElements(data.nodes, data.edges);
    placeAround(cy, id, added.toArray());
    state.expanded.push(id);
    writeHash();
    tuneForSize(cy);
    renderStatus();
    await linkVisible(seq);
  } catch (err) {
    showError(err);
  } finally {
    busy(-1);
  }
}

function renderStatus(extra) {
  const parts = [];
  if (cy.nodes().length) parts.push(`${cy.nodes().length} actors · ${cy.edges().length} edges`);
  if (lastResponse && lastResponse.truncated) parts.push(h('span', { class: 'warn' }, `node limit ${state.limit} reached`));
  const omitted = lastResponse ? lastResponse.omitted.reduce((s, o) => s + o.count, 0) : 0;
  if (omitted) parts.push(h('span', { class: 'warn' }, `${omitted} neighbours beyond the per-actor cap (double-click a node to expand)`));
  if (linkNotice) parts.push(h('span', { class: 'warn' }, linkNotice));
  if (extra) parts.push(extra);
  replace(statusEl, parts.flatMap((p, i) => (i ? [' · ', p] : [p])));
}

function showError(err) {
  replace(panel, h('p', { class: 'error' }, `Error: ${err.message}`));
  renderStatus(h('span', { class: 'error' }, err.message));
}

function actorName(id) {
  const n = cy.getElementById(id);
  if (n.empty()) return id;
  return labelOf(n.data(), state.lang);
}

function nameNode(id, fallback) {
  const n = cy.getElementById(id);
  const d = n.empty() ? fallback || { id } : n.data();
  const text = labelOf(d, state.lang);
  const useAr = state.lang === 'ar' && d.name_ar;
  return h('button', { type: 'button', class: 'link', dir: useAr ? 'rtl' : 'auto', lang: useAr ? 'ar' : null,
    onclick: () => { const el = cy.getElementById(d.id); if (!el.empty()) selectNode(el); else centreOn(d.id); } }, text);
}

// --- selection -----------------------------------------------------------
async function restoreSelection() {
  if (!state.sel) { renderPlaceholder(); return; }
  const [kind, ...rest] = state.sel.split(':');
  const el = cy.getElementById(rest.join(':'));
  if (el.empty()) { state.sel = ''; renderPlaceholder(); return; }
  if (kind === 'n') await selectNode(el); else await selectEdge(el);
}

function renderPlaceholder() {
  replace(panel, h('p', { class: 'placeholder' }, 'Click a node for its details, or an edge for the evidence behind it.'));
}

async function selectNode(node) {
  cy.elements().unselect();
  node.select();
  state.sel = `n:${node.id()}`;
  state.article = ''; state.claim = '';
  writeHash();
  busy(1);
  try {
    const a = await api.actor(node.id());
    if (state.sel !== `n:${node.id()}`) return;
    renderActor(a, node);
  } catch (err) {
    showError(err);
  } finally {
    busy(-1);
  }
}

function renderActor(a, node) {
  const act = a.actor;
  const rel = a.relations;
  const counts = h('table', { class: 'counts' },
    h('tr', {}, h('th', {}, ''), ...['MET', 'SUPPORTED', 'OPPOSED'].map((t) => h('th', {}, TYPE_WORD[t]))),
    h('tr', {}, h('td', {}, 'as source'), ...['MET', 'SUPPORTED', 'OPPOSED'].map((t) => h('td', {}, String(rel.outgoing[t] || 0)))),
    h('tr', {}, h('td', {}, 'as target'), ...['MET', 'SUPPORTED', 'OPPOSED'].map((t) => h('td', {}, String(rel.incoming[t] || 0)))));
  const groups = ALL_TYPES.map((t) => {
    const items = node.connectedEdges().filter((e) => e.data('type') === t).map((e) => {
      const out = e.data('source') === node.id();
      const other = out ? e.data('target') : e.data('source');
      const arrow = t === 'MET' ? '—' : out ? '→' : '←';
      return h('li', {}, `${arrow} `, nameNode(other), ` (${e.data('articles')} article${e.data('articles') === 1 ? '' : 's'}) `,
        h('button', { type: 'button', class: 'link', onclick: () => selectEdge(e) }, 'evidence'));
    });
    if (!items.length) return null;
    return h('div', { class: 'group' }, h('span', { class: `badge ${t}` }, TYPE_WORD[t]), h('ul', {}, items));
  }).filter(Boolean);
  replace(panel,
    h('div', { class: 'title' }, h('h3', { dir: 'auto' }, act.name || act.id), act.name_ar ? arabic(act.name_ar, 'h3') : null,
      h('span', { class: `badge ${act.kind}` }, act.kind)),
    h('dl', {},
      h('dt', {}, 'id'), h('dd', {}, h('bdi', {}, act.id)),
      h('dt', {}, 'affiliation'), h('dd', {}, a.affiliation ? nameNode(a.affiliation.id, a.affiliation) : '—'),
      h('dt', {}, 'articles'), h('dd', {}, String(a.articles)),
      h('dt', {}, 'in view'), h('dd', {}, `degree ${node.data('degree')}, PageRank ${(node.data('pagerank') || 0).toFixed(3)}`)),
    h('h3', {}, 'Names'),
    h('ul', { class: 'names' }, a.names.map((n) => h('li', {}, h('span', { dir: 'auto' }, n)))),
    h('h3', {}, 'Claims in the whole graph'), counts,
    h('h3', {}, 'Relations in this view'),
    groups.length ? groups : h('p', { class: 'placeholder' }, 'None with the current filters.'),
    h('div', { class: 'row' },
      h('button', { type: 'button', onclick: () => centreOn(act.id) }, 'Centre here'), ' ',
      h('button', { type: 'button', onclick: () => expandNode(act.id) }, 'Expand')));
}

async function selectEdge(edge) {
  if (edge.empty && edge.empty()) return;
  cy.elements().unselect();
  edge.select();
  state.sel = `e:${edge.id()}`;
  state.article = ''; state.claim = '';
  writeHash();
  busy(1);
  try {
    const d = edge.data();
    const res = await api.claims({ source: d.source, target: d.target, type: d.type.toLowerCase(),
      certainties: filterParams().certainties, min_confidence: filterParams().min_confidence });
    if (state.sel !== `e:${edge.id()}`) return;
    renderEvidence(d, res.claims);
  } catch (err) {
    showError(err);
  } finally {
    busy(-1);
  }
}

function edgeTitle(d) {
  const arrow = d.type === 'MET' ? '—' : '→';
  return h('div', { class: 'title' }, nameNode(d.source), ` ${arrow} `, h('span', { class: `badge ${d.type}` }, TYPE_WORD[d.type]),
    ` ${arrow} `, nameNode(d.target));
}

function renderEvidence(d, claims) {
  replace(panel,
    h('h3', {}, 'Evidence'),
    edgeTitle(d),
    h('p', { class: 'hint' }, `${claims.length} claim${claims.length === 1 ? '' : 's'} from ${d.articles} article${d.articles === 1 ? '' : 's'}`),
    h('div', { class: 'evidence' }, claims.map(claimCard)));
}

function claimCard(c) {
  return h('div', { class: 'claim', dataset: { claim: c.id, article: c.article } },
    h('div', { class: 'head' },
      h('span', { class: `badge ${c.type}` }, TYPE_WORD[c.type]), nameNode(c.source), c.type === 'MET' ? '—' : '→', nameNode(c.target)),
    h('div', { class: 'head' },
      h('span', { class: `cert ${c.certainty}` }, c.certainty), h('span', {}, `confidence ${Number(c.confidence).toFixed(2)}`)),
    h('blockquote', { class: 'quote', dir: 'rtl', lang: 'ar' }, c.quote),
    h('div', { class: 'meta' },
      h('div', { class: 'art-title', dir: 'auto' }, c.article_title || c.article),
      h('div', { class: 'art-source' }, fields(c.article_source, c.article_published))),
    h('a', { href: articleHref(c.article, c.id), class: 'open-article',
      onclick: (ev) => { ev.preventDefault(); openArticle(c.article, c.id); } }, 'Open the article with the quote highlighted'));
}

function articleHref(article, claim) {
  const p = new URLSearchParams(location.hash.slice(1));
  p.set('art', article); p.set('cl', claim);
  return `#${p}`;
}

// openArticle shows an article in the panel with one claim's quote in a
// <mark>, placed by the claim's UTF-16 offsets.
async function openArticle(id, claimId, record = true) {
  const back = panel.cloneNode(false);
  back.append(...[...panel.childNodes]);
  busy(1);
  try {
    const a = await api.article(id);
    state.article = id; state.claim = claimId || '';
    if (record) writeHash();
    const c = a.claims.find((x) => x.id === claimId);
    const text = h('div', { class: 'article-text', dir: 'rtl', lang: 'ar' });
    if (c) {
      let s = c.start_utf16, e = c.end_utf16;
      if (a.text.slice(s, e) !== c.quote) { s = a.text.indexOf(c.quote); e = s + c.quote.length; }
      const mark = h('mark', { id: 'quote-mark' }, a.text.slice(s, e));
      text.append(document.createTextNode(a.text.slice(0, s)), mark, document.createTextNode(a.text.slice(e)));
    } else {
      text.append(document.createTextNode(a.text));
    }
    replace(panel,
      h('button', { type: 'button', class: 'back', onclick: () => {
        state.article = ''; state.claim = ''; writeHash();
        if (back.childNodes.length) replace(panel, ...back.childNodes); else renderPlaceholder();
      } }, '← Back'),
      h('h3', { dir: 'auto' }, a.title || a.id),
      h('p', { class: 'hint' }, fields(a.source, a.published, `${a.claims.length} claims`)),
      a.url ? h('p', { class: 'hint' }, h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'original article')) : null,
      c ? claimCard(c) : null,
      text);
    const mark = document.getElementById('quote-mark');
    if (mark) mark.scrollIntoView({ block: 'center' });
  } catch (err) {
    showError(err);
  } finally {
    busy(-1);
  }
}

async function centreOn(id) {
  state.centre = id;
  state.sel = `n:${id}`;
  state.expanded = [];
  state.article = ''; state.claim = '';
  writeHash();
  await loadView();
}

// --- path finder -----------------------------------------------------------
function clearPath(record = true) {
  cy.elements().removeClass('path dim');
  if (record) { state.from = ''; state.to = ''; writeHash(); }
}

async function findPath(from, to, max = state.pathMax, record = true) {
  if (!from || !to) { replace(panel, h('p', { class: 'error' }, 'Choose both ends of the path from the suggestions.')); return; }
  busy(1);
  try {
    const res = await api.paths({ from, to, max, limit: 10, ...filterParams() });
    state.from = from; state.to = to; state.pathMax = max;
    if (record) writeHash();
    clearPath(false);
    if (res.paths.length) {
      const ends = res.paths[0].nodes;
      for (const [input, actor] of [[$('path-from'), ends[0]], [$('path-to'), ends[ends.length - 1]]]) {
        input.value = labelOf(actor, state.lang);
        input.dataset.id = actor.id;
      }
    }
    if (!res.paths.length) {
      replace(panel, h('h3', {}, 'Path finder'), h('p', {}, `No path of at most ${max} hops with the current filters.`));
      return;
    }
    await showPath(res, 0);
  } catch (err) {
    showError(err);
  } finally {
    busy(-1);
  }
}

async function showPath(res, index) {
  const seq = loadSeq;
  const path = res.paths[index];
  const added = addElements(path.nodes.map((n) => ({ ...n, pagerank: 0 })), path.steps.flatMap((s) => s.edges));
  if (added.length) {
    await linkVisible(seq);
    if (seq !== loadSeq) return;
    runLayout(cy, state.centre || path.nodes[0].id);
    $('empty').hidden = true;
    renderStatus();
  }
  cy.elements().unselect();
  const ids = new Set(path.nodes.map((n) => n.id));
  const edgeIds = new Set(path.steps.flatMap((s) => s.edges.map((e) => e.id)));
  cy.batch(() => {
    cy.elements().removeClass('path').addClass('dim');
    cy.nodes().filter((n) => ids.has(n.id())).removeClass('dim').addClass('path');
    cy.edges().filter((e) => edgeIds.has(e.id())).removeClass('dim').addClass('path');
  });
  cy.fit(cy.elements('.path'), 60);
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  const chooser = res.paths.length > 1 ? h('p', { class: 'hint' }, `Path ${index + 1} of ${res.paths.length} shortest: `,
    res.paths.map((_, i) => (i === index ? h('strong', {}, ` ${i + 1} `) :
      h('button', { type: 'button', class: 'link', onclick: () => showPath(res, i).catch(showError) }, ` ${i + 1} `)))) : null;
  replace(panel,
    h('h3', {}, 'Path'),
    h('p', { class: 'hint' }, `${path.steps.length} hop${path.steps.length === 1 ? '' : 's'} from `, nameNode(res.from, byId.get(res.from)), ' to ', nameNode(res.to, byId.get(res.to))),
    chooser,
    h('ol', { class: 'chain' }, path.steps.map((st) => h('li', {},
      h('div', { class: 'hop' }, nameNode(st.from, byId.get(st.from)), ' — ', nameNode(st.to, byId.get(st.to)), ' ',
        st.edges.map((e) => h('span', { class: `badge ${e.type}` }, `${TYPE_WORD[e.type]}${e.type === 'MET' ? '' : e.source === st.from ? ' →' : ' ←'}`))),
      st.claims.map(claimCard)))));
}

// --- search suggestions ---------------------------------------------------
function attachSuggest(input, list, onChoose) {
  let items = [];
  let active = -1;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
  const render = () => {
    replace(list, items.map((m, i) => h('li', { role: 'option', 'aria-selected': i === active ? 'true' : 'false', dataset: { id: m.id },
      onmousedown: (ev) => { ev.preventDefault(); choose(i); } },
    h('span', { class: 'ar', dir: 'rtl', lang: 'ar' }, m.name_ar || ''), h('span', { class: 'en', dir: 'auto' }, m.name || m.id),
    h('span', { class: `badge ${m.kind}` }, m.kind))));
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const choose = (i) => {
    const m = items[i];
    if (!m) return;
    input.value = labelOf(m, state.lang);
    input.dataset.id = m.id;
    close();
    onChoose(m);
  };
  const query = debounce(async () => {
    const q = input.value.trim();
    if (!q) { items = []; close(); return; }
    try {
      const res = await api.search(q, 8);
      if (input.value.trim() !== q) return;
      items = res.actors; active = items.length ? 0 : -1; render();
    } catch { items = []; close(); }
  }, 120);
  input.addEventListener('input', () => { delete input.dataset.id; query(); });
  input.addEventListener('keydown', (ev) => {
    if (list.hidden) return;
    if (ev.key === 'ArrowDown') { active = Math.min(items.length - 1, active + 1); render(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { active = Math.max(0, active - 1); render(); ev.preventDefault(); }
    else if (ev.key === 'Enter') { choose(active); ev.preventDefault(); }
    else if (ev.key === 'Escape') { close(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}

// --- controls ----------------------------------------------------------------
function syncControls() {
  $('depth').value = String(state.depth);
  if (![...$('limit').options].some((o) => o.value === String(state.limit))) $('limit').append(h('option', {}, String(state.limit)));
  $('limit').value = String(state.limit);
  for (const cb of document.querySelectorAll('input[name=type]')) cb.checked = state.types.includes(cb.value);
  for (const cb of document.querySelectorAll('input[name=kind]')) cb.checked = state.kinds.includes(cb.value);
  for (const cb of document.querySelectorAll('input[name=certainty]')) cb.checked = state.certs.includes(cb.value);
  $('min-conf').value = String(state.minConf);
  $('min-conf-out').textContent = state.minConf.toFixed(2);
  replace($('lang-toggle'), 'Labels: ', state.lang === 'ar' ? arabic('العربية') : 'English');
  $('path-max').value = String(state.pathMax);
}

function checkedValues(name, all) {
  const boxes = [...document.querySelectorAll(`input[name=${name}]`)];
  let v = boxes.filter((b) => b.checked).map((b) => b.value);
  if (!v.length) { v = [...all]; boxes.forEach((b) => { b.checked = true; }); }
  return v;
}

function onFilterChange() {
  state.types = checkedValues('type', ALL_TYPES);
  state.kinds = checkedValues('kind', ALL_KINDS);
  state.certs = checkedValues('certainty', ALL_CERTS);
  state.minConf = parseFloat($('min-conf').value) || 0;
  $('min-conf-out').textContent = state.minConf.toFixed(2);
  writeHash();
  loadView();
}

function setLang(lang) {
  state.lang = lang;
  cy.batch(() => cy.nodes().forEach((n) => n.data('label', labelOf(n.data(), lang))));
  syncControls();
  writeHash();
}

function init() {
  readHash();
  syncControls();
  attachSuggest($('search-input'), $('search-list'), (m) => centreOn(m.id));
  const fromBox = $('path-from-box'), toBox = $('path-to-box');
  attachSuggest($('path-from'), fromBox.querySelector('ul'), () => {});
  attachSuggest($('path-to'), toBox.querySelector('ul'), () => {});
  $('path-go').addEventListener('click', () => findPath($('path-from').dataset.id, $('path-to').dataset.id, parseInt($('path-max').value, 10)));
  $('path-clear').addEventListener('click', () => { clearPath(); renderPlaceholder(); });
  $('depth').addEventListener('change', () => { state.depth = parseInt($('depth').value, 10); writeHash(); loadView(); });
  $('limit').addEventListener('change', () => { state.limit = parseInt($('limit').value, 10); writeHash(); loadView(); });
  for (const cb of document.querySelectorAll('.sidebar input[type=checkbox]')) cb.addEventListener('change', onFilterChange);
  $('min-conf').addEventListener('input', () => { $('min-conf-out').textContent = Number($('min-conf').value).toFixed(2); });
  $('min-conf').addEventListener('change', onFilterChange);
  $('lang-toggle').addEventListener('click', () => setLang(state.lang === 'ar' ? 'en' : 'ar'));
  $('fit').addEventListener('click', () => cy.fit(undefined, 30));
  cy.on('tap', 'node', (ev) => selectNode(ev.target));
  cy.on('tap', 'edge', (ev) => selectEdge(ev.target));
  cy.on('dbltap', 'node', (ev) => expandNode(ev.target.id()));
  cy.on('tap', (ev) => {
    if (ev.target === cy) { cy.elements().unselect(); state.sel = ''; writeHash(); renderPlaceholder(); }
  });
  window.addEventListener('hashchange', () => { readHash(); syncControls(); loadView(); });
  setupExport(cy, exportParams, () => state);
  if (state.from && state.to) {
    $('path-from').dataset.id = state.from; $('path-from').value = state.from;
    $('path-to').dataset.id = state.to; $('path-to').value = state.to;
  }
  renderPlaceholder();
  loadView();
}

init();
