// The path finder: the shortest paths between two actors, highlighted on
// the canvas, with the evidence of every hop as a chain in the panel. The
// ends live in the state (from, to, pathMax); either input accepts a typed
// name that names one actor.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { getState, setState } from './state.js';
import { cy, addElements, filterQuery, current, applyVisibility, renderStatus, fitView } from './view.js';
import { layoutAdded, labelOf } from './graphview.js';
import { nameNode, claimCard } from './panels.js';
import { attachSuggest, resolveTyped } from './suggest.js';

const TYPE_WORD = { MET: 'met', SUPPORTED: 'supported', OPPOSED: 'opposed' };
const $ = (id) => document.getElementById(id);
const panel = () => $('panel-body');

export function initPathFinder(meta) {
  const max = $('path-max');
  replace(max, Array.from({ length: meta.max_path_length }, (_, i) => h('option', { value: String(i + 1) }, String(i + 1))));
  attachSuggest($('path-from'), $('path-from-box').querySelector('ul'), () => {});
  attachSuggest($('path-to'), $('path-to-box').querySelector('ul'), () => {});
  $('path-go').addEventListener('click', async () => {
    for (const box of [$('path-from-box'), $('path-to-box')]) box.querySelector('ul').hidden = true;
    const ends = [];
    for (const input of [$('path-from'), $('path-to')]) {
      const r = await resolveTyped(input);
      if (r.error) { replace(panel(), h('h3', {}, 'Path finder'), h('p', { class: 'error', dataset: { error: 'path' } }, r.error)); return; }
      ends.push(r.actor.id);
    }
    if (ends[0] === ends[1]) { replace(panel(), h('p', { class: 'error', dataset: { error: 'path' } }, 'Choose two different actors.')); return; }
    setState({ from: ends[0], to: ends[1], pathMax: parseInt(max.value, 10), sel: '', article: '', claim: '' });
  });
  $('path-clear').addEventListener('click', () => setState({ from: '', to: '' }));
}

export function syncPathInputs(s) {
  $('path-max').value = String(s.pathMax);
  for (const [input, id] of [[$('path-from'), s.from], [$('path-to'), s.to]]) {
    if (!id) continue;
    if (input.dataset.id !== id) {
      input.dataset.id = id;
      const n = cy.getElementById(id);
      input.value = n.nonempty() ? labelOf(n.data(), s.lang) : id;
    }
  }
}

export function clearPathMarks() {
  cy.elements().removeClass('path dim');
}

// showPaths asks for the state's paths and shows the first.
export async function showPaths(g, s) {
  const res = await api.paths({ from: s.from, to: s.to, max: s.pathMax, limit: 10, ...filterQuery(s) });
  if (!current(g)) return;
  clearPathMarks();
  if (!res.paths.length) {
    replace(panel(), h('h3', {}, 'Path finder'), h('p', { dataset: { notice: 'no-path' } }, `No path of at most ${s.pathMax} hops with the current filters.`));
    return;
  }
  const ends = res.paths[0].nodes;
  for (const [input, actor] of [[$('path-from'), ends[0]], [$('path-to'), ends[ends.length - 1]]]) {
    input.value = labelOf(actor, s.lang);
    input.dataset.id = actor.id;
  }
  await showPath(g, res, 0);
}

async function showPath(g, res, index) {
  const path = res.paths[index];
  const added = addElements(path.nodes.map((n) => ({ ...n, pagerank: 0 })), path.steps.flatMap((st) => st.edges));
  if (added.nonempty()) {
    layoutAdded(cy, added, path.nodes[0].id);
    await applyVisibility(g, getState());
    if (!current(g)) return;
    renderStatus();
  }
  cy.elements().unselect();
  const ids = new Set(path.nodes.map((n) => n.id));
  const edgeIds = new Set(path.steps.flatMap((st) => st.edges.map((e) => e.id)));
  cy.batch(() => {
    cy.elements().removeClass('path').addClass('dim');
    cy.nodes().filter((n) => ids.has(n.id())).removeClass('dim filtered user-hidden').addClass('path');
    cy.edges().filter((e) => edgeIds.has(e.id())).removeClass('dim filtered').addClass('path');
  });
  fitView(cy.elements('.path'));
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  const chooser = res.paths.length > 1 ? h('p', { class: 'hint' }, `Path ${index + 1} of ${res.paths.length} shortest: `,
    res.paths.map((_, i) => (i === index ? h('strong', {}, ` ${i + 1} `) :
      h('button', { type: 'button', class: 'link', onclick: () => showPath(g, res, i) }, ` ${i + 1} `)))) : null;
  panel().dataset.showing = 'path';
  replace(panel(),
    h('h3', {}, 'Path'),
    h('p', { class: 'hint' }, `${path.steps.length} hop${path.steps.length === 1 ? '' : 's'} from `, nameNode(res.from, byId.get(res.from)), ' to ', nameNode(res.to, byId.get(res.to))),
    chooser,
    h('ol', { class: 'chain' }, path.steps.map((st) => h('li', {},
      h('div', { class: 'hop' }, nameNode(st.from, byId.get(st.from)), ' — ', nameNode(st.to, byId.get(st.to)), ' ',
        st.edges.map((e) => h('span', { class: `badge ${e.type}` }, `${TYPE_WORD[e.type] || e.type}${e.type === 'MET' ? '' : e.source === st.from ? ' →' : ' ←'}`))),
      st.claims.map(claimCard)))));
}
