// Rawabit viewer: search an actor, explore its neighbourhood, read the
// evidence behind every edge. This module wires the parts together: the
// state (state.js) is the one source of truth, every control changes it
// with setState, and reconcile brings the canvas (view.js), the panel
// (panels.js), the path finder (pathfinder.js) and the timeline
// (timeline.js) in line with it. Every data string reaches the page through
// textContent or text nodes (see dom.js), never as HTML.
import { api } from './api.js';
import { h, replace, arabic } from './dom.js';
import { initState, getState, setState, subscribe, undo, redo, LAYOUTS, RENDERERS } from './state.js';
import {
  initView, cy, syncExploration, placeNew, applyVisibility, applyPins, relabel, relayout, expand, clearCanvas,
  newGeneration, current, renderStatus, renderOutline, selectedNodes, filterQuery, response, fitView, onGraph,
} from './view.js';
import {
  initPanels, message, showError, renderPlaceholder, renderOverview, showActor, showEdge, showArticle,
  centreOn, togglePin, hideNodes,
} from './panels.js';
import { initPathFinder, syncPathInputs, showPaths, clearPathMarks } from './pathfinder.js';
import { attachSuggest } from './suggest.js';
import { initTimeline, setMonths, syncTimeline } from './timeline.js';
import { setupExport } from './export.js';
import { labelOf, HIDDEN } from './graphview.js';
import './review.js';

const $ = (id) => document.getElementById(id);

let meta = null;
let overview = null;
let overviewLoading = null;

// loadOverview asks for the corpus overview once (the start screen and the
// timeline share it); a failed request is asked again next time.
function loadOverview() {
  if (!overviewLoading) {
    overviewLoading = api.overview().then((ov) => {
      overview = ov;
      setMonths(ov.months, ov.undated);
      return ov;
    }, (err) => { overviewLoading = null; throw err; });
  }
  return overviewLoading;
}

// Keys whose change needs no new panel.
const VIEW_ONLY = new Set(['layout', 'renderer']);
// Keys whose change can change which elements are visible.
const VISIBILITY = new Set(['types', 'kinds', 'certs', 'minConf', 'since', 'until', 'hidden', 'pinned', 'centre', 'depth', 'limit', 'expanded']);

async function reconcile(s, changed) {
  const g = newGeneration();
  const t0 = performance.now();
  syncControls(s);
  syncTimeline(s);
  try {
    let sync;
    if (!s.centre) {
      await loadOverview();
      if (!current(g)) return;
      if (overview.counts.actors === 0) {
        clearCanvas();
        message('empty-store', 'The store is empty: no article is loaded.',
          'Load articles with “rawabit load PATH”, or serve them with “rawabit serve PATH”.');
        renderPlaceholder();
        renderStatus();
        return;
      }
      sync = await syncExploration(g, s, overview.whole ? overview.top.map((t) => t.actor.id) : null);
    } else {
      sync = await syncExploration(g, s);
    }
    if (!current(g) || sync === false) return;
    message(null);
    if (!s.centre && !overview.whole) {
      message('start', 'Search for an actor to see who met, supported or opposed whom.', 'ابحث عن فاعل لاستكشاف شبكة العلاقات.');
    }
    if (sync !== true || [...changed].some((k) => VISIBILITY.has(k))) {
      if (!(await applyVisibility(g, s))) return;
    }
    const t1 = performance.now();
    placeNew(sync, s);
    if (sync === true && changed.has('layout')) relayout(s);
    if (changed.has('lang')) relabel(s.lang);
    applyPins(s);
    renderStatus();
    const t2 = performance.now();
    renderOutline();
    // How long the last change took to draw, by phase, for the large-graph
    // benchmark (TestBrowserLargeGraph).
    $('outline').dataset.timings = JSON.stringify({ fetchAndFilter: Math.round(t1 - t0), layout: Math.round(t2 - t1), outline: Math.round(performance.now() - t2) });
    if (s.centre && cy.getElementById(s.centre).nonempty() && (changed.has('centre') || changed.has('lang') || !$('search-input').value)) {
      $('search-input').value = labelOf(cy.getElementById(s.centre).data(), s.lang);
    }
    if (sync !== true && s.centre && cy.getElementById(s.centre).nonempty() && cy.edges().not(HIDDEN).empty() && !s.sel) {
      setState({ sel: `n:${s.centre}` }, { replace: true });
      return;
    }
    if ([...changed].every((k) => VIEW_ONLY.has(k)) && changed.size) return;
    await renderPanel(g, s, changed, sync);
  } catch (err) {
    if (!current(g)) return;
    clearCanvas();
    renderStatus();
    showError(err);
  }
}

async function renderPanel(g, s, changed, sync) {
  const isCurrent = () => current(g);
  const pathKeys = ['from', 'to', 'pathMax', 'types', 'kinds', 'certs', 'minConf', 'since', 'until'];
  if (s.from && s.to) {
    syncPathInputs(s);
    if (sync !== true || pathKeys.some((k) => changed.has(k)) || !cy.elements('.path').length) await showPaths(g, s);
    if (!current(g)) return;
  } else {
    clearPathMarks();
  }
  if (s.article) {
    await showArticle(s.article, s.claim, isCurrent);
    return;
  }
  const [kind, ...rest] = s.sel.split(':');
  const el = s.sel ? cy.getElementById(rest.join(':')) : null;
  if (el && el.nonempty()) {
    if (!el.selected() || selectedNodes().length > 1 && changed.has('sel')) { cy.elements().unselect(); el.select(); }
    if (kind === 'n') await showActor(el.id(), isCurrent); else await showEdge(el.id(), isCurrent);
    return;
  }
  if (s.from && s.to) return; // the path is in the panel
  if (kind === 'n' && rest.length) { await showActor(rest.join(':'), isCurrent); return; }
  if (!s.centre && overview) { renderOverview(overview); return; }
  renderPlaceholder();
}

// --- controls --------------------------------------------------------------------
function fillSelect(sel, values, label = String) {
  replace(sel, values.map((v) => h('option', { value: String(v) }, label(v))));
}

function syncControls(s) {
  $('depth').value = String(s.depth);
  if (![...$('limit').options].some((o) => o.value === String(s.limit))) $('limit').append(h('option', { value: String(s.limit) }, String(s.limit)));
  $('limit').value = String(s.limit);
  $('layout').value = s.layout;
  $('renderer').value = s.renderer;
  for (const cb of document.querySelectorAll('input[name=type]')) cb.checked = s.types.includes(cb.value);
  for (const cb of document.querySelectorAll('input[name=kind]')) cb.checked = s.kinds.includes(cb.value);
  for (const cb of document.querySelectorAll('input[name=certainty]')) cb.checked = s.certs.includes(cb.value);
  $('min-conf').value = String(s.minConf);
  $('min-conf-out').textContent = s.minConf.toFixed(2);
  replace($('lang-toggle'), 'Labels: ', s.lang === 'ar' ? arabic('العربية') : 'English');
  $('unhide').hidden = s.hidden.length === 0;
  $('unhide').textContent = `Show ${s.hidden.length} hidden`;
  if (!s.centre) $('search-input').value = '';
  syncPathInputs(s);
}

function checkedValues(name, all) {
  const boxes = [...document.querySelectorAll(`input[name=${name}]`)];
  const v = boxes.filter((b) => b.checked).map((b) => b.value);
  return v.length ? v : [...all];
}

function onFilterChange() {
  setState({
    types: checkedValues('type', meta.types), kinds: checkedValues('kind', meta.kinds),
    certs: checkedValues('certainty', meta.certainties), minConf: parseFloat($('min-conf').value) || 0,
  });
}

// checkboxes builds a filter's checkboxes from the server's enumeration.
function checkboxes(box, name, values, decorate) {
  replace(box, values.map((v) => h('label', {}, h('input', { type: 'checkbox', name, value: v, checked: true }), ' ', decorate(v), ` ${v.toLowerCase()}`)));
}

function buildControls() {
  fillSelect($('depth'), Array.from({ length: meta.max_depth }, (_, i) => i + 1));
  fillSelect($('limit'), meta.node_limits);
  fillSelect($('layout'), LAYOUTS.map(([n]) => n), (n) => LAYOUTS.find(([x]) => x === n)[1]);
  fillSelect($('renderer'), RENDERERS.map(([n]) => n), (n) => RENDERERS.find(([x]) => x === n)[1]);
  checkboxes($('filter-types'), 'type', meta.types, (t) => h('span', { class: `swatch ${t.toLowerCase()}` }));
  checkboxes($('filter-kinds'), 'kind', meta.kinds, (k) => h('span', { class: `shape ${k}` }));
  checkboxes($('filter-certs'), 'certainty', meta.certainties, () => '');
}

function setupControls() {
  attachSuggest($('search-input'), $('search-list'), (m) => centreOn(m.id));
  $('depth').addEventListener('change', () => setState({ depth: parseInt($('depth').value, 10) }));
  $('limit').addEventListener('change', () => setState({ limit: parseInt($('limit').value, 10) }));
  $('layout').addEventListener('change', () => setState({ layout: $('layout').value }));
  $('renderer').addEventListener('change', () => setState({ renderer: $('renderer').value }));
  $('relayout').addEventListener('click', () => relayout(getState()));
  for (const cb of document.querySelectorAll('.sidebar input[type=checkbox]')) cb.addEventListener('change', onFilterChange);
  $('min-conf').addEventListener('input', () => { $('min-conf-out').textContent = Number($('min-conf').value).toFixed(2); });
  $('min-conf').addEventListener('change', onFilterChange);
  $('lang-toggle').addEventListener('click', () => setState({ lang: getState().lang === 'ar' ? 'en' : 'ar' }));
  $('fit').addEventListener('click', () => fitView());
  $('undo').addEventListener('click', undo);
  $('redo').addEventListener('click', redo);
  $('home').addEventListener('click', () => setState({ centre: '', sel: '', expanded: [], hidden: [], pinned: [], from: '', to: '', article: '', claim: '' }));
  $('unhide').addEventListener('click', () => setState({ hidden: [] }));
  $('expand-selected').addEventListener('click', () => expand(selectedNodes().map((n) => n.id())));
  $('pin-selected').addEventListener('click', () => {
    const ids = selectedNodes().map((n) => n.id());
    togglePin(ids, !ids.every((id) => getState().pinned.includes(id)));
  });
  $('hide-selected').addEventListener('click', () => hideNodes(selectedNodes().map((n) => n.id())));
  $('clear-selection').addEventListener('click', () => { cy.elements().unselect(); setState({ sel: '' }); });
  $('sidebar-toggle').addEventListener('click', () => { $('sidebar').classList.toggle('open'); });
  document.addEventListener('rawabit:expand', (ev) => expand(ev.detail));

  onGraph(wireCanvas);
  // Menus and the narrow-screen sidebar close on a click outside them, and
  // on Escape.
  const closeMenus = (except) => {
    for (const d of document.querySelectorAll('details.menu[open]')) if (!d.contains(except)) d.open = false;
    if (!$('sidebar').contains(except) && except !== $('sidebar-toggle')) $('sidebar').classList.remove('open');
  };
  document.addEventListener('click', (ev) => closeMenus(ev.target));
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') closeMenus(null); });
}

// wireCanvas attaches the canvas's click, double-click and drag handlers
// to the cytoscape instance cy.
function wireCanvas(cy) {
  // A node's click selects it once the double-click window has passed
  // (onetap), so that a double-click expands without a selection first.
  cy.on('onetap', 'node', (ev) => {
    if (ev.originalEvent && (ev.originalEvent.shiftKey || ev.originalEvent.ctrlKey || ev.originalEvent.metaKey)) return; // added to the selection
    setState({ sel: `n:${ev.target.id()}`, article: '', claim: '' });
  });
  cy.on('tap', 'edge', (ev) => setState({ sel: `e:${ev.target.id()}`, article: '', claim: '' }));
  cy.on('dbltap', 'node', (ev) => expand([ev.target.id()]));
  cy.on('tap', (ev) => {
    if (ev.target === cy && !(ev.originalEvent && ev.originalEvent.shiftKey) && getState().sel) setState({ sel: '' });
  });
  // A dragged node stays where the analyst put it: it is pinned.
  cy.on('dragfree', 'node', (ev) => {
    const id = ev.target.id();
    if (!getState().pinned.includes(id)) togglePin([id], true);
  });
}

async function init() {
  try {
    meta = await api.meta();
  } catch (err) {
    replace($('panel-body'), h('p', { class: 'error', dataset: { error: 'true' } }, `Error: the server did not describe itself (${err.message}).`));
    return;
  }
  await initState(meta);
  initView(meta);
  initPanels(meta);
  buildControls();
  setupControls();
  initPathFinder(meta);
  initTimeline();
  setupExport(() => cy, meta, exportParams, getState);
  subscribe((s, changed) => { reconcile(s, changed); });
  const s = getState();
  // A page opened on an actor draws its view first and then asks for the
  // overview (the timeline's months), so that the server computes the
  // corpus overview after the view rather than alongside it; the start
  // screen asks for it at once.
  const first = reconcile(s, new Set(Object.keys(s)));
  const timeline = () => loadOverview().catch(() => {}); // the start screen reports its own errors
  if (s.centre) first.finally(timeline); else timeline();
}

// exportParams are the /api/export parameters of the current view: the
// neighbourhood parameters, or, once nodes were expanded or added by the
// path finder, the ids of every actor on the canvas.
function exportParams() {
  const s = getState();
  const f = filterQuery(s);
  const res = response();
  const fromQuery = res && cy.nodes().length === res.nodes.length;
  if (s.centre && (fromQuery || cy.nodes().length > meta.max_subgraph_ids)) {
    return { center: s.centre, depth: s.depth, limit: s.limit, ...f };
  }
  const { kinds, ...claimFilter } = f; // eslint-disable-line no-unused-vars
  return { ids: cy.nodes().not(HIDDEN).map((n) => n.id()), ...claimFilter };
}

init();
