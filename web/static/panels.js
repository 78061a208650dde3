// The side panel: the start screen's overview, an actor's details, the
// evidence behind an edge, an article with a quote highlighted, messages
// and errors. Every data string goes in as text (dom.js).
import { api } from './api.js';
import { h, replace, arabic } from './dom.js';
import { getState, setState, hashOf } from './state.js';
import { cy, filterQuery } from './view.js';
import { labelOf, HIDDEN } from './graphview.js';

// TOP_SHOWN is how many of the most connected actors the start screen
// lists (the overview may hold every actor, to draw the whole graph).
const TOP_SHOWN = 12;
const TYPE_WORD = { MET: 'met', SUPPORTED: 'supported', OPPOSED: 'opposed' };
const $ = (id) => document.getElementById(id);
const panel = () => $('panel-body');

// showing records what the panel shows in its data-showing attribute
// ("overview", "n:ID", "e:ID", "art:ID", "path", or "" for the placeholder).
function showing(what) { panel().dataset.showing = what; }

let meta = null;
export function initPanels(m) { meta = m; }

// isoDate shows a YYYY-MM-DD date as a left-to-right island, so that it
// reads the same inside right-to-left text.
export function isoDate(d) {
  return h('bdi', { dir: 'ltr', class: 'date' }, d);
}

// message shows a notice over the canvas: kind is a data-message value
// the tests and the styles use ("empty-store", "no-actor", "error", ...).
export function message(kind, ...text) {
  const el = $('message');
  if (!kind) { el.hidden = true; delete el.dataset.message; replace(el); return; }
  el.dataset.message = kind;
  replace(el, text.map((t) => h('p', {}, t)));
  el.hidden = false;
}

export function showError(err) {
  showing('error');
  replace(panel(), h('p', { class: 'error', dataset: { error: 'true' } }, `Error: ${err.message}`));
  message('error', `Error: ${err.message}`);
}

function select(sel) { setState({ sel, article: '', claim: '' }); }

export function nameNode(id, fallback) {
  const n = cy.getElementById(id);
  const d = n.empty() ? fallback || { id } : n.data();
  const lang = getState().lang;
  const text = labelOf(d, lang);
  const useAr = lang === 'ar' && d.name_ar;
  return h('button', { type: 'button', class: 'link', dir: useAr ? 'rtl' : 'auto', lang: useAr ? 'ar' : null, dataset: { actor: d.id },
    onclick: () => { if (cy.getElementById(d.id).nonempty()) select(`n:${d.id}`); else centreOn(d.id); } }, text);
}

export function centreOn(id) {
  setState({ centre: id, sel: `n:${id}`, expanded: [], hidden: [], article: '', claim: '', from: '', to: '' });
}

export function renderPlaceholder() {
  showing('');
  replace(panel(), h('p', { class: 'placeholder' }, 'Click a node for its details, or an edge for the evidence behind it.'));
}

// --- start screen ---------------------------------------------------------------
export function renderOverview(ov) {
  showing('overview');
  const c = ov.counts;
  replace(panel(),
    h('h3', {}, 'The corpus'),
    h('dl', { class: 'overview-counts', dataset: { actors: c.actors, articles: c.articles, claims: c.claims } },
      h('dt', {}, 'articles'), h('dd', {}, String(c.articles)),
      h('dt', {}, 'actors'), h('dd', {}, String(c.actors)),
      h('dt', {}, 'claims'), h('dd', {}, String(c.claims)),
      h('dt', {}, 'dated'), h('dd', {}, ov.months.length ? [isoDate(ov.months[0].month), ' to ', isoDate(ov.months[ov.months.length - 1].month)] : '—')),
    h('h3', {}, 'Most connected actors'),
    h('ol', { class: 'top-actors' }, ov.top.slice(0, TOP_SHOWN).map((t) => h('li', { dataset: { id: t.actor.id } },
      h('button', { type: 'button', class: 'link', onclick: () => centreOn(t.actor.id) }, labelOf(t.actor, getState().lang)),
      ` ${t.neighbours} neighbour${t.neighbours === 1 ? '' : 's'}`))),
    h('p', { class: 'hint' }, ov.whole ? 'The whole graph is drawn: search an actor, or click one, to explore from there.' :
      'Search an actor, or choose one above, to explore its neighbourhood.'));
}

// --- actor ------------------------------------------------------------------------
export async function showActor(id, isCurrent) {
  const a = await api.actor(id);
  if (!isCurrent()) return;
  const node = cy.getElementById(id);
  const rel = a.relations;
  const total = Object.values(rel.outgoing).reduce((x, y) => x + y, 0) + Object.values(rel.incoming).reduce((x, y) => x + y, 0);
  let mentioning = null;
  if (total === 0 && a.articles > 0) {
    const res = await api.actorArticles(id, { limit: 20 });
    if (!isCurrent()) return;
    mentioning = res.articles;
  }
  renderActor(a, node, mentioning);
}

function renderActor(a, node, mentioning) {
  const act = a.actor;
  const rel = a.relations;
  const types = meta.types;
  const counts = h('table', { class: 'counts' },
    h('tr', {}, h('th', {}, ''), ...types.map((t) => h('th', {}, TYPE_WORD[t] || t))),
    h('tr', {}, h('td', {}, 'as source'), ...types.map((t) => h('td', {}, String(rel.outgoing[t] || 0)))),
    h('tr', {}, h('td', {}, 'as target'), ...types.map((t) => h('td', {}, String(rel.incoming[t] || 0)))));
  const groups = node.empty() ? [] : types.map((t) => {
    const items = node.connectedEdges().not(HIDDEN).filter((e) => e.data('type') === t).map((e) => {
      const out = e.data('source') === node.id();
      const other = out ? e.data('target') : e.data('source');
      const arrow = t === 'MET' ? '—' : out ? '→' : '←';
      return h('li', {}, `${arrow} `, nameNode(other), ` (${e.data('articles')} article${e.data('articles') === 1 ? '' : 's'}) `,
        h('button', { type: 'button', class: 'link', onclick: () => select(`e:${e.id()}`) }, 'evidence'));
    });
    if (!items.length) return null;
    return h('div', { class: 'group' }, h('span', { class: `badge ${t}` }, TYPE_WORD[t] || t), h('ul', {}, items));
  }).filter(Boolean);
  let status = null;
  if (a.articles === 0) {
    status = h('p', { class: 'notice', dataset: { notice: 'no-article' } }, 'Known actor, in no loaded article.');
  } else if (mentioning) {
    status = [h('p', { class: 'notice', dataset: { notice: 'no-relations' } }, `No relation found; mentioned in ${a.articles} article${a.articles === 1 ? '' : 's'}:`),
      h('ul', { class: 'mentioning' }, mentioning.map((art) => h('li', { dataset: { article: art.id } },
        h('a', { href: hashOf({ article: art.id, claim: '' }), dir: 'auto', onclick: (ev) => { ev.preventDefault(); setState({ article: art.id, claim: '' }); } }, art.title || art.id),
        art.published ? [' · ', isoDate(art.published)] : null)))];
  }
  const pinned = getState().pinned.includes(act.id);
  showing(`n:${act.id}`);
  replace(panel(),
    h('div', { class: 'title' }, h('h3', { dir: 'auto' }, act.name || act.id), act.name_ar ? arabic(act.name_ar, 'h3') : null,
      h('span', { class: `badge ${act.kind}` }, act.kind)),
    status,
    h('dl', {},
      h('dt', {}, 'id'), h('dd', {}, h('bdi', {}, act.id)),
      h('dt', {}, 'affiliation'), h('dd', {}, a.affiliation ? nameNode(a.affiliation.id, a.affiliation) : '—'),
      h('dt', {}, 'articles'), h('dd', {}, String(a.articles)),
      node.nonempty() ? [h('dt', {}, 'in view'), h('dd', {}, `degree ${node.data('degree')}, PageRank ${(node.data('pagerank') || 0).toFixed(3)}`)] : null),
    h('h3', {}, 'Names'),
    h('ul', { class: 'names' }, a.names.map((n) => h('li', {}, h('span', { dir: 'auto' }, n)))),
    h('h3', {}, 'Claims in the whole graph'), counts,
    node.nonempty() ? [h('h3', {}, 'Relations in this view'),
      groups.length ? groups : h('p', { class: 'placeholder' }, 'None with the current filters.')] : null,
    h('div', { class: 'row' },
      h('button', { type: 'button', dataset: { action: 'centre' }, onclick: () => centreOn(act.id) }, 'Centre here'), ' ',
      node.nonempty() ? h('button', { type: 'button', dataset: { action: 'expand' }, onclick: () => document.dispatchEvent(new CustomEvent('rawabit:expand', { detail: [act.id] })) }, 'Expand') : null, ' ',
      node.nonempty() ? h('button', { type: 'button', dataset: { action: 'pin' }, onclick: () => togglePin([act.id], !pinned) }, pinned ? 'Unpin' : 'Pin') : null, ' ',
      node.nonempty() ? h('button', { type: 'button', dataset: { action: 'hide' }, onclick: () => hideNodes([act.id]) }, 'Hide') : null));
}

export function togglePin(ids, on) {
  const s = getState();
  const pinned = on ? [...new Set([...s.pinned, ...ids])] : s.pinned.filter((x) => !ids.includes(x));
  setState({ pinned });
}

export function hideNodes(ids) {
  const s = getState();
  const sel = ids.some((id) => s.sel === `n:${id}`) ? '' : s.sel;
  setState({ hidden: [...new Set([...s.hidden, ...ids])], sel });
}

// --- evidence ---------------------------------------------------------------------
export async function showEdge(edgeId, isCurrent) {
  const edge = cy.getElementById(edgeId);
  if (edge.empty()) return;
  const d = edge.data();
  const f = filterQuery(getState());
  const res = await api.claims({ source: d.source, target: d.target, type: d.type.toLowerCase(),
    certainties: f.certainties, min_confidence: f.min_confidence, since: f.since, until: f.until });
  if (!isCurrent()) return;
  showing(`e:${edgeId}`);
  replace(panel(),
    h('h3', {}, 'Evidence'),
    edgeTitle(d),
    h('p', { class: 'hint' }, `${res.claims.length} claim${res.claims.length === 1 ? '' : 's'} from ${d.articles} article${d.articles === 1 ? '' : 's'}`),
    h('div', { class: 'evidence' }, res.claims.map(claimCard)));
}

function edgeTitle(d) {
  const arrow = d.type === 'MET' ? '—' : '→';
  return h('div', { class: 'title' }, nameNode(d.source), ` ${arrow} `, h('span', { class: `badge ${d.type}` }, TYPE_WORD[d.type] || d.type),
    ` ${arrow} `, nameNode(d.target));
}

// sourceLine is an article's source and date; an unknown source is left
// out rather than shown as "unknown".
function sourceLine(source, published) {
  const parts = [];
  if (source) parts.push(h('span', { class: 'art-source-name', dir: 'auto' }, source));
  if (published) parts.push(isoDate(published));
  return parts.flatMap((p, i) => (i ? [' · ', p] : [p]));
}

export function claimCard(c) {
  return h('div', { class: 'claim', dataset: { claim: c.id, article: c.article } },
    h('div', { class: 'head' },
      h('span', { class: `badge ${c.type}` }, TYPE_WORD[c.type] || c.type), nameNode(c.source), c.type === 'MET' ? '—' : '→', nameNode(c.target)),
    h('div', { class: 'head' },
      h('span', { class: `cert ${c.certainty}` }, c.certainty), h('span', {}, `confidence ${Number(c.confidence).toFixed(2)}`)),
    h('blockquote', { class: 'quote', dir: 'rtl', lang: 'ar' }, c.quote),
    h('div', { class: 'meta' },
      h('div', { class: 'art-title', dir: 'auto' }, c.article_title || c.article),
      h('div', { class: 'art-source', dir: 'auto' }, sourceLine(c.article_source, c.article_published))),
    h('a', { href: hashOf({ article: c.article, claim: c.id }), class: 'open-article',
      onclick: (ev) => { ev.preventDefault(); setState({ article: c.article, claim: c.id }); } }, 'Open the article with the quote highlighted'));
}

// --- article ----------------------------------------------------------------------
// showArticle shows an article in the panel with one claim's quote in a
// <mark>, placed by the claim's UTF-16 offsets. Back returns to the state
// before the article was opened.
export async function showArticle(id, claimId, isCurrent) {
  const a = await api.article(id);
  if (!isCurrent()) return;
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
  showing(`art:${id}`);
  const dateNote = a.published ? [isoDate(a.published), a.date_source ? h('span', { class: 'date-source', dataset: { dateSource: a.date_source } }, ` (date from ${a.date_source.replace('_', ' ')})`) : null] : null;
  replace(panel(),
    h('button', { type: 'button', class: 'back', onclick: () => setState({ article: '', claim: '' }) }, '← Back'),
    h('h3', { dir: 'auto' }, a.title || a.id),
    h('p', { class: 'hint art-meta' }, sourceLine(a.source, ''), a.source && dateNote ? ' · ' : '', dateNote, ` · ${a.claims.length} claims`),
    a.url ? h('p', { class: 'hint' }, h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'original article')) : null,
    c ? claimCard(c) : null,
    text);
  const mark = document.getElementById('quote-mark');
  if (mark) mark.scrollIntoView({ block: 'center' });
}
