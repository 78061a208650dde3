// The graph view: what is on the canvas and how it is shown.
//
// The exploration (the centre's neighbourhood, the expanded actors, the
// actors a path brought) is fetched without filters; the filters, the date
// range and the analyst's "hide" only hide elements (classes .filtered and
// .user-hidden), so lifting a filter shows the same exploration again.
// Nodes that stay on the canvas keep their positions across reloads; new
// nodes are placed around the node they came from (layoutAdded).
//
// The canvas is mirrored in the DOM by the outline (#outline: one <li> per
// node and edge with data-id, data-kind, data-hidden, data-selected,
// data-pinned, data-faded, data-x / data-y, the node's position in the
// page, and data-mx / data-my, its position on the canvas's own plane), which lists the graph for screen readers and lets a test drive the
// page as a user does.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { getState, setState } from './state.js';
import {
  createGraph, runLayout, layoutAdded, nodeSize, edgeWidth, labelOf, tuneForSize, bigClass, nodeLook, edgeLook, HIDDEN,
  chooseRenderer, webglSupport,
} from './graphview.js';

export let cy = null;
let meta = null;

// applied is the exploration on the canvas: the state keys it was built
// from. A state whose keys equal these needs no fetch.
const applied = { centre: null, depth: 0, limit: 0, expanded: [], whole: false };
let lastResponse = null;
// remembered holds the last position of every node that left the canvas,
// so that undoing and redoing puts it back where it was.
const remembered = new Map();
let notices = { link: '', error: '', renderer: '' };
let gen = 0;
// wirings are the functions that attach the page's handlers to a
// cytoscape instance (see onGraph); a new instance gets them all.
const wirings = [];

const $ = (id) => document.getElementById(id);

export function initView(m) {
  meta = m;
  cy = createGraph($('cy'), 'canvas');
  $('cy').dataset.webgl = webglSupport();
  let outlineTimer = 0;
  // The page's data-settling is "1" while the outline's positions lag the
  // canvas (they follow it 80 ms after it stops moving).
  const outlineSoon = () => {
    document.body.dataset.settling = '1';
    clearTimeout(outlineTimer);
    outlineTimer = setTimeout(updatePositions, 80);
  };
  onGraph((c) => {
    c.on('viewport position', outlineSoon);
    c.on('add remove', () => { outlineVersion++; });
    c.on('select unselect', () => { renderSelectionBar(); outlineSoon(); markSelection(); });
  });
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { cy.resize(); fitView(); updatePositions(); }, 100);
  });
  onGraph(setupHover);
  return cy;
}

// onGraph runs fn on the canvas's cytoscape instance now and on every
// instance that replaces it (useRenderer): the place to attach handlers.
export function onGraph(fn) {
  wirings.push(fn);
  fn(cy);
}

// useRenderer makes the canvas draw with the renderer chooseRenderer picks
// for the analyst's choice and a view of nodes actors. Cytoscape fixes the
// renderer when an instance is made, so a change makes a new instance
// holding the same elements (data, positions, classes, selection, pins)
// and viewport, with every handler of onGraph. An explicit WebGL the
// browser cannot give falls back to canvas, and the status line says so.
function useRenderer(choice, nodes) {
  const container = $('cy');
  const want = chooseRenderer(choice, nodes);
  notices.renderer = choice === 'webgl' && want !== 'webgl' ? 'WebGL is not available in this browser: drawn with canvas' : '';
  if (container.dataset.renderer === want) return;
  const eles = cy.elements().jsons();
  const vp = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  const big = cy.scratch('_rawabitBig');
  cy.destroy();
  cy = createGraph(container, want);
  cy.scratch('_rawabitBig', big);
  for (const fn of wirings) fn(cy);
  cy.add(eles);
  cy.viewport(vp);
  tuneForSize(cy);
}

// exploring reports whether the state asks for the exploration now on the
// canvas.
function exploring(s, whole) {
  return applied.centre === s.centre && applied.depth === s.depth && applied.limit === s.limit &&
    applied.whole === whole && applied.expanded.length === s.expanded.length && applied.expanded.every((x, i) => x === s.expanded[i]);
}

export function newGeneration() { return ++gen; }
export function current(g) { return g === gen; }

// --- elements ----------------------------------------------------------------
function nodeData(n, maxRank, lang) {
  return {
    id: n.id, name: n.name, name_ar: n.name_ar, kind: n.kind, affiliation: n.affiliation || '',
    degree: n.degree, pagerank: n.pagerank, omitted: n.omitted || 0,
    size: nodeSize(n.pagerank || 0, maxRank), label: labelOf(n, lang), ...nodeLook(n.kind),
  };
}

function edgeData(e) {
  return {
    id: e.id, source: e.source, target: e.target, type: e.type, claims: e.claims,
    articles: e.articles, max_confidence: e.max_confidence, certainties: e.certainties, width: edgeWidth(e.articles),
    ...edgeLook(e.type),
  };
}

// addElements adds the nodes and edges cy lacks and returns the new nodes.
// The view's size (big or not, see tuneForSize) is settled before they are
// added, so that each element is styled once, when it arrives.
export function addElements(nodes, edges) {
  const lang = getState().lang;
  let maxRank = 0;
  for (const n of nodes) maxRank = Math.max(maxRank, n.pagerank || 0);
  const seen = new Set(), seenEdges = new Set();
  const fresh = nodes.filter((n) => !seen.has(n.id) && seen.add(n.id) && cy.getElementById(n.id).empty());
  const present = (id) => seen.has(id) || cy.getElementById(id).nonempty();
  const freshEdges = edges.filter((e) => !seenEdges.has(e.id) && seenEdges.add(e.id) && cy.getElementById(e.id).empty() &&
    present(e.source) && present(e.target));
  tuneForSize(cy, cy.nodes().length + fresh.length, cy.edges().length + freshEdges.length);
  const classes = bigClass(cy);
  const added = cy.add(fresh.map((n) => ({ group: 'nodes', data: nodeData(n, maxRank, lang), classes })));
  cy.add(freshEdges.map((e) => ({ group: 'edges', data: edgeData(e), classes })));
  return added;
}

// linkAll draws every edge among the actors on the canvas (their induced
// subgraph, unfiltered) and sizes every node by its centrality in it.
// Above the server's subgraph bound it leaves the canvas as it is and says
// so in the status line.
async function linkAll(g) {
  const ids = cy.nodes().map((n) => n.id());
  if (ids.length > meta.max_subgraph_ids) {
    notices.link = `${ids.length} actors on the canvas (over ${meta.max_subgraph_ids}): links between added actors and earlier ones may be missing`;
    return;
  }
  notices.link = '';
  if (!ids.length) return;
  const sub = await api.subgraph({ ids });
  if (!current(g)) return;
  const maxRank = Math.max(0, ...sub.nodes.map((n) => n.pagerank || 0));
  cy.batch(() => {
    addElements([], sub.edges);
    for (const n of sub.nodes) {
      const node = cy.getElementById(n.id);
      if (node.nonempty()) node.data({ degree: n.degree, pagerank: n.pagerank, size: nodeSize(n.pagerank || 0, maxRank) });
    }
  });
}

// expandParams ask for every neighbour of an expanded actor, not only the
// first max_neighbours a view takes per actor.
function expandParams(s) {
  return { depth: 1, limit: s.limit, max_neighbours: Math.min(meta.max_neighbours, s.limit) };
}

// syncExploration makes the canvas hold the exploration the state asks
// for: nodes it no longer includes leave, nodes it adds arrive around the
// node they came from, and nodes that stay keep their positions. With no
// centre it shows the start screen's whole graph when the overview has one
// (wholeIDs). It returns false when a newer change overtook it.
export async function syncExploration(g, s, wholeIDs) {
  const whole = !s.centre && !!wholeIDs;
  if (exploring(s, whole) && cy.nodes().length) {
    useRenderer(s.renderer, cy.nodes().length);
    return true;
  }
  const fresh = applied.centre !== s.centre || cy.nodes().empty() || applied.whole !== whole;
  notices = { link: '', error: '', renderer: '' };
  let nodes = [], edges = [];
  lastResponse = null;
  if (whole) {
    if (wholeIDs.length) {
      const sub = await api.subgraph({ ids: wholeIDs });
      if (!current(g)) return false;
      ({ nodes, edges } = sub);
    }
  } else if (s.centre) {
    const data = await api.neighbourhood(s.centre, { depth: s.depth, limit: s.limit });
    if (!current(g)) return false;
    lastResponse = data;
    nodes = data.nodes; edges = data.edges;
    const more = await Promise.all(s.expanded.map((id) => api.neighbourhood(id, expandParams(s)).catch(() => null)));
    if (!current(g)) return false;
    for (const m of more) if (m) { nodes = nodes.concat(m.nodes); edges = edges.concat(m.edges); }
  }
  const keep = new Set(nodes.map((n) => n.id));
  useRenderer(s.renderer, keep.size);
  let added;
  let restored;
  cy.batch(() => {
    const leaving = cy.nodes().filter((n) => !keep.has(n.id()));
    leaving.forEach((n) => remembered.set(n.id(), { ...n.position() }));
    leaving.remove();
    cy.nodes().removeClass('centre');
    added = addElements(nodes, edges);
    restored = added.filter((n) => remembered.has(n.id()));
    if (!fresh) restored.forEach((n) => { n.position(remembered.get(n.id())); });
    if (s.centre) cy.getElementById(s.centre).addClass('centre');
  });
  if (!fresh) added = added.not(restored);
  if (s.expanded.length || whole) await linkAll(g);
  if (!current(g)) return false;
  Object.assign(applied, { centre: s.centre, depth: s.depth, limit: s.limit, expanded: [...s.expanded], whole });
  tuneForSize(cy);
  return { fresh, added };
}

// placeNew lays out what syncExploration brought: everything when the
// view is new, otherwise only the added nodes, around the centre.
export function placeNew(sync, s) {
  if (!sync || sync === true) return;
  if (sync.fresh) {
    const t0 = performance.now();
    const outline = $('outline');
    runLayout(cy, s.layout, s.centre);
    outline.dataset.layoutMs = String(Math.round(performance.now() - t0));
    fitView();
    // When the laid-out view was first drawn, in ms since the page's
    // navigation, for the viewer measurement (TestBrowserViewerPerf).
    // The canvas renderer says when it has drawn; the WebGL one draws in
    // its next animation frame and does not say.
    delete outline.dataset.drawnAt;
    const drawn = () => { outline.dataset.drawnAt = String(Math.round(performance.now())); };
    if ($('cy').dataset.renderer === 'webgl') requestAnimationFrame(() => requestAnimationFrame(drawn));
    else cy.one('render', drawn);
  } else if (sync.added.nonempty()) {
    layoutAdded(cy, sync.added, s.centre);
  }
}

// clearCanvas empties the canvas (after an error, so that no stale graph
// stays).
export function clearCanvas() {
  cy.elements().remove();
  Object.assign(applied, { centre: null, depth: 0, limit: 0, expanded: [], whole: false });
  lastResponse = null;
  renderOutline();
}

// expand adds the neighbours of the actors ids to the canvas, around each
// of them, links them to what is shown, brings them into view and records
// the expansion as one history entry.
export async function expand(idsToExpand) {
  const s = getState();
  const todo = idsToExpand.filter((id) => !s.expanded.includes(id) && cy.getElementById(id).nonempty());
  if (!todo.length) return;
  const g = newGeneration();
  const results = await Promise.all(todo.map((id) => api.neighbourhood(id, expandParams(s))));
  if (!current(g)) return;
  let all = cy.collection();
  results.forEach((data, i) => {
    const added = addElements(data.nodes, data.edges);
    layoutAdded(cy, added, todo[i]);
    all = all.union(added).union(cy.getElementById(todo[i]));
  });
  await linkAll(g);
  if (!current(g)) return;
  applied.expanded = [...s.expanded, ...todo];
  tuneForSize(cy);
  setState({ expanded: applied.expanded });
  await applyVisibility(g, getState());
  bringIntoView(all);
}

// fitView fits eles (by default everything shown) in the canvas, zooming
// in no further than MAX_FIT_ZOOM so that a small graph keeps its scale.
// It sets the viewport once, from the bounding box of the nodes (edges run
// between them); a big view's box leaves out the labels, which its fitted
// zoom does not draw, and is computed from the nodes' data (nodeBox).
const MAX_FIT_ZOOM = 1.6;

// nodeBox is the bounding box of nodes from their positions and sizes
// (data(size)), without labels: no style is computed for it.
function nodeBox(nodes) {
  const bb = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  nodes.forEach((n) => {
    const p = n.position(), half = (n.data('size') || 0) / 2 + 1;
    bb.x1 = Math.min(bb.x1, p.x - half); bb.x2 = Math.max(bb.x2, p.x + half);
    bb.y1 = Math.min(bb.y1, p.y - half); bb.y2 = Math.max(bb.y2, p.y + half);
  });
  return bb;
}
const FIT_PADDING = 30;
export function fitView(eles) {
  const shown = (eles || cy.elements()).not(HIDDEN);
  if (shown.empty()) return;
  const nodes = shown.nodes().nonempty() ? shown.nodes() : shown;
  const bb = shown.first().hasClass('big') ? nodeBox(nodes) : nodes.boundingBox({ includeOverlays: false });
  const vp = cy.getFitViewport(bb, FIT_PADDING);
  if (!vp) { cy.fit(shown, FIT_PADDING); return; }
  if (vp.zoom > MAX_FIT_ZOOM) {
    vp.zoom = MAX_FIT_ZOOM;
    vp.pan = { x: cy.width() / 2 - vp.zoom * (bb.x1 + bb.x2) / 2, y: cy.height() / 2 - vp.zoom * (bb.y1 + bb.y2) / 2 };
  }
  cy.viewport(vp);
}

// bringIntoView pans (and zooms out if it must) so that eles are on screen.
export function bringIntoView(eles) {
  const vis = eles.not(HIDDEN);
  if (vis.empty()) return;
  const bb = vis.renderedBoundingBox();
  const w = cy.width(), hgt = cy.height();
  if (bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= w && bb.y2 <= hgt) return;
  fitView();
}

// --- visibility ---------------------------------------------------------------
// filterActive reports whether the state's claim filters keep fewer claims
// than all.
function filterActive(s) {
  return s.types.length < meta.types.length || s.certs.length < meta.certainties.length || s.minConf > 0 || !!s.since || !!s.until;
}

// filterQuery is the API parameters of the state's filters; a filter with
// every value selected is left out.
export function filterQuery(s) {
  return {
    types: s.types.length < meta.types.length ? s.types.map((t) => t.toLowerCase()) : [],
    kinds: s.kinds.length < meta.kinds.length ? s.kinds : [],
    certainties: s.certs.length < meta.certainties.length ? s.certs : [],
    min_confidence: s.minConf > 0 ? s.minConf : '',
    since: s.since, until: s.until,
  };
}

// applyVisibility hides the edges the filters reject (the server says which:
// the canvas's subgraph with the filters), the nodes of unchecked kinds,
// the nodes the analyst hid, and the nodes left with no visible edge
// (except the centre and pinned nodes).
export async function applyVisibility(g, s) {
  let keepEdges = null;
  const ids = cy.nodes().map((n) => n.id());
  if (filterActive(s) && ids.length && ids.length <= meta.max_subgraph_ids) {
    const { kinds, ...claimFilter } = filterQuery(s); // eslint-disable-line no-unused-vars
    const sub = await api.subgraph({ ids, ...claimFilter });
    if (!current(g)) return false;
    keepEdges = new Set(sub.edges.map((e) => e.id));
  }
  const hidden = new Set(s.hidden);
  const pinned = new Set(s.pinned);
  cy.batch(() => {
    cy.elements(HIDDEN).removeClass('filtered user-hidden');
    // off: the ids of the nodes hidden here, whose edges are hidden too.
    const off = new Set();
    const allKinds = meta.kinds.every((k) => s.kinds.includes(k));
    if (hidden.size || !allKinds) {
      cy.nodes().forEach((n) => {
        const d = n.data();
        if (hidden.has(d.id)) { n.addClass('user-hidden'); off.add(d.id); } else if (!s.kinds.includes(d.kind) && d.id !== s.centre) { n.addClass('filtered'); off.add(d.id); }
      });
    }
    if (keepEdges || off.size) {
      cy.edges().forEach((e) => {
        const d = e.data();
        if ((keepEdges && !keepEdges.has(d.id)) || off.has(d.source) || off.has(d.target)) e.addClass('filtered');
      });
    }
    if (keepEdges || s.kinds.length < meta.kinds.length) {
      cy.nodes().forEach((n) => {
        if (n.id() === s.centre || pinned.has(n.id()) || isHidden(n)) return;
        if (n.connectedEdges().not('.filtered').empty()) n.addClass('filtered');
      });
    }
  });
  applyPins(s);
  renderOutline();
  return true;
}

// isHidden reports whether el has a class of HIDDEN (without parsing a
// selector per element).
function isHidden(el) { return el.hasClass('filtered') || el.hasClass('user-hidden'); }

export function applyPins(s) {
  let want = cy.collection();
  for (const id of s.pinned) want = want.union(cy.getElementById(id));
  cy.batch(() => {
    cy.nodes('.pinned').difference(want).removeClass('pinned').unlock();
    want.addClass('pinned').lock();
  });
}

export function relabel(lang) {
  cy.batch(() => cy.nodes().forEach((n) => n.data('label', labelOf(n.data(), lang))));
  renderOutline();
}

export function relayout(s) {
  runLayout(cy, s.layout, s.centre);
  fitView();
  updatePositions();
}

// --- hover and tooltips ---------------------------------------------------------
function setupHover(cy) {
  const tip = $('tooltip');
  const showTip = (ev, lines) => {
    replace(tip, lines.map((l) => h('div', { dir: 'auto' }, l)));
    const r = cy.container().getBoundingClientRect();
    tip.style.left = `${Math.min(r.width - 240, ev.renderedPosition.x + 14)}px`;
    tip.style.top = `${ev.renderedPosition.y + 14}px`;
    tip.hidden = false;
  };
  cy.on('mouseover', 'node', (ev) => {
    const n = ev.target;
    const near = n.closedNeighborhood();
    cy.batch(() => { cy.elements().not(near).addClass('faded'); near.removeClass('faded'); });
    document.body.dataset.hover = n.id();
    markFaded();
    const d = n.data();
    showTip(ev, [d.name_ar || '', `${d.name || d.id} · ${d.kind}`, `${n.connectedEdges().not(HIDDEN).length} edges in view`].filter(Boolean));
    tip.dataset.for = n.id();
  });
  cy.on('mouseover', 'edge', (ev) => {
    const d = ev.target.data();
    const arrow = d.type === 'MET' ? '—' : '→';
    showTip(ev, [`${labelOf(ev.target.source().data(), getState().lang)} ${arrow} ${labelOf(ev.target.target().data(), getState().lang)}`,
      `${d.type.toLowerCase()} · ${d.claims.length} claim${d.claims.length === 1 ? '' : 's'}, ${d.articles} article${d.articles === 1 ? '' : 's'}`,
      `certainty ${d.certainties.join(', ')} · max confidence ${Number(d.max_confidence).toFixed(2)}`]);
    tip.dataset.for = d.id;
  });
  const out = () => {
    cy.elements().removeClass('faded');
    delete document.body.dataset.hover;
    tip.hidden = true;
    delete tip.dataset.for;
    markFaded();
  };
  cy.on('mouseout', 'node, edge', out);
  cy.on('pan zoom', () => { tip.hidden = true; });
}

// --- selection bar ----------------------------------------------------------------
export function selectedNodes() {
  return cy.nodes(':selected');
}

function renderSelectionBar() {
  const bar = $('selection-bar');
  const n = selectedNodes().length;
  bar.dataset.count = String(n);
  bar.hidden = n < 2;
  $('selection-count').textContent = `${n} selected`;
}

// --- status line ---------------------------------------------------------------------
export function renderStatus(extra) {
  const s = getState();
  const parts = [];
  const shown = cy.nodes().not(HIDDEN).length;
  if (cy.nodes().length) {
    parts.push(`${shown} actors · ${cy.edges().not(HIDDEN).length} edges`);
    const hiddenN = cy.nodes().length - shown;
    if (hiddenN) parts.push(h('span', { class: 'warn', dataset: { notice: 'hidden' } }, `${hiddenN} hidden by filters or by you`));
  }
  if (lastResponse && lastResponse.truncated) parts.push(h('span', { class: 'warn' }, `node limit ${s.limit} reached`));
  const omitted = lastResponse ? lastResponse.omitted.reduce((sum, o) => sum + o.count, 0) : 0;
  if (omitted) parts.push(h('span', { class: 'warn' }, `${omitted} neighbours beyond the per-actor cap (double-click a node to expand)`));
  if (notices.link) parts.push(h('span', { class: 'warn' }, notices.link));
  if (notices.renderer) parts.push(h('span', { class: 'warn', dataset: { notice: 'renderer' } }, notices.renderer));
  if (extra) parts.push(extra);
  replace($('status'), parts.flatMap((p, i) => (i ? [' · ', p] : [p])));
}

// --- outline ---------------------------------------------------------------------------
// OUTLINE_MAX_EDGES bounds the edges the outline lists: above it (a large
// view) it lists the actors only, and says so in data-edges-listed.
const OUTLINE_MAX_EDGES = 2000;
let outlineVersion = 0, outlineBuilt = -1, outlineLang = '';

// renderOutline brings the DOM mirror of the canvas up to date: it rebuilds
// the list when elements were added or removed (or the label language
// changed), and otherwise only refreshes the items' attributes.
export function renderOutline() {
  const list = $('outline-list');
  const s = getState();
  const hiddenNow = cy.elements(HIDDEN);
  $('outline').dataset.visibleNodes = String(cy.nodes().length - hiddenNow.nodes().length);
  $('outline').dataset.visibleEdges = String(cy.edges().length - hiddenNow.edges().length);
  if (outlineBuilt === outlineVersion && outlineLang === s.lang) {
    markFaded();
    updatePositions();
    return;
  }
  outlineBuilt = outlineVersion;
  outlineLang = s.lang;
  const listEdges = cy.edges().length <= OUTLINE_MAX_EDGES;
  const items = [];
  outlineItems = [];
  cy.nodes().forEach((n) => {
    outlineItems.push({ el: n, shown: {} });
    items.push(h('li', { dataset: { id: n.id(), kind: n.data('kind'), type: 'node' } },
      h('button', { type: 'button', class: 'link', onclick: () => setState({ sel: `n:${n.id()}`, article: '', claim: '' }) },
        labelOf(n.data(), s.lang))));
  });
  if (listEdges) cy.edges().forEach((e) => {
    outlineItems.push({ el: e, shown: {} });
    items.push(h('li', { dataset: { id: e.id(), type: 'edge', edgeType: e.data('type'), source: e.data('source'), target: e.data('target') } },
      h('button', { type: 'button', class: 'link', onclick: () => setState({ sel: `e:${e.id()}`, article: '', claim: '' }) },
        `${labelOf(e.source().data(), s.lang)} ${e.data('type').toLowerCase()} ${labelOf(e.target().data(), s.lang)}`)));
  });
  replace(list, items);
  items.forEach((li, i) => { outlineItems[i].li = li; });
  $('outline').dataset.nodes = String(cy.nodes().length);
  $('outline').dataset.edges = String(cy.edges().length);
  $('outline').dataset.edgesListed = String(listEdges);
  markFaded();
  updatePositions();
}

// outlineItems are the outline's items with their elements and the
// attribute values last written (shown), so that a refresh writes only
// what changed.
let outlineItems = [];

function eachItem(fn) {
  for (const it of outlineItems) {
    if (!it.el.removed()) fn(it);
  }
}

// mark writes data-key of an outline item when its value changed.
function mark(it, key, value) {
  if (it.shown[key] === value) return;
  it.shown[key] = value;
  it.li.dataset[key] = value;
}

function markSelection() {
  eachItem((it) => {
    const el = it.el;
    mark(it, 'selected', String(el.selected()));
    mark(it, 'hidden', String(isHidden(el)));
    if (el.isNode()) mark(it, 'pinned', String(el.hasClass('pinned')));
  });
}

function markFaded() {
  eachItem((it) => { mark(it, 'faded', String(it.el.hasClass('faded'))); });
}

// updatePositions writes each node's position in the page into its
// outline item.
export function updatePositions() {
  delete document.body.dataset.settling;
  const r = cy.container().getBoundingClientRect();
  const zoom = cy.zoom(), pan = cy.pan();
  eachItem((it) => {
    const el = it.el;
    if (!el.isNode()) {
      if (el.visible()) {
        const m = el.renderedMidpoint();
        mark(it, 'x', String(Math.round(r.left + m.x))); mark(it, 'y', String(Math.round(r.top + m.y)));
      }
      return;
    }
    // The rendered position, from the model position and the viewport.
    const m = el.position();
    mark(it, 'x', String(Math.round(r.left + m.x * zoom + pan.x)));
    mark(it, 'y', String(Math.round(r.top + m.y * zoom + pan.y)));
    mark(it, 'mx', String(Math.round(m.x)));
    mark(it, 'my', String(Math.round(m.y)));
  });
  markSelection();
}

export function response() { return lastResponse; }
