// Search suggestions for an actor input: the search box and the two ends of
// the path finder. "No actor found" is said in the list when a search finds
// nothing.
import { api } from './api.js';
import { h, replace, debounce } from './dom.js';
import { getState } from './state.js';
import { labelOf } from './graphview.js';

// attachSuggest wires input to the suggestion list; onChoose(actor) runs
// when the analyst picks one (click, or Enter on the highlighted one). The
// chosen actor's id is kept in input.dataset.id until the text changes.
export function attachSuggest(input, list, onChoose) {
  let items = [];
  let active = -1;
  let none = '';
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
  const render = () => {
    if (!items.length && none) {
      replace(list, h('li', { class: 'none', dataset: { none: 'true' }, 'aria-disabled': 'true' }, `No actor found for “${none}”`));
    } else {
      replace(list, items.map((m, i) => h('li', { role: 'option', 'aria-selected': i === active ? 'true' : 'false', dataset: { id: m.id },
        onmousedown: (ev) => { ev.preventDefault(); choose(i); } },
      h('span', { class: 'ar', dir: 'rtl', lang: 'ar' }, m.name_ar || ''), h('span', { class: 'en', dir: 'auto' }, m.name || m.id),
      h('span', { class: `badge ${m.kind}` }, m.kind))));
    }
    list.hidden = items.length === 0 && !none;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const choose = (i) => {
    const m = items[i];
    if (!m) return;
    input.value = labelOf(m, getState().lang);
    input.dataset.id = m.id;
    close();
    onChoose(m);
  };
  const query = debounce(async () => {
    const q = input.value.trim();
    if (!q) { items = []; none = ''; close(); return; }
    try {
      const res = await api.search(q, 8);
      if (input.value.trim() !== q || document.activeElement !== input) return;
      items = res.actors; none = items.length ? '' : q; active = items.length ? 0 : -1; render();
    } catch { items = []; none = ''; close(); }
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

// resolveTyped returns the actor a typed name stands for: the one the
// suggestions chose, else the only search result, else the one result
// whose name or alias equals the text. It returns { actor } or
// { error } saying why not.
export async function resolveTyped(input) {
  if (input.dataset.id) return { actor: { id: input.dataset.id } };
  const q = input.value.trim();
  if (!q) return { error: `${input.getAttribute('aria-label')}: type or choose an actor` };
  const res = await api.search(q, 8);
  const exact = res.actors.filter((m) => m.matched === q || m.name === q || m.name_ar === q || m.id === q);
  const one = res.actors.length === 1 ? res.actors[0] : exact.length === 1 ? exact[0] : null;
  if (one) { input.dataset.id = one.id; return { actor: one }; }
  if (!res.actors.length) return { error: `No actor found for “${q}”` };
  return { error: `“${q}” names ${res.actors.length} actors: choose one from the suggestions` };
}
