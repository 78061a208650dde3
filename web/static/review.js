// Review mode: an analyst with a reviewer token confirms or rejects the
// claims of the review queue (lowest confidence first), restores rejected
// claims, adds a claim by selecting its quote in the article view, adds an
// actor or a name, and merges two actors. The module mounts itself in the
// toolbar's #review-menu when the server says review mode is on
// (GET /api/review); with it off, nothing of it shows.
//
// Security: the token lives in sessionStorage (this tab only) and is sent
// as "Authorization: Bearer" with the X-Rawabit-Review header the server
// requires on every decision; data reaches the page as text only (dom.js).
import { h, replace, fields } from './dom.js';
import { getState } from './state.js';

const TOKEN_KEY = 'rawabit.review.token';
const $ = (id) => document.getElementById(id);

let header = 'X-Rawabit-Review';
let reviewer = '';

function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }

// call sends a review request with the token and returns the JSON answer,
// or throws an Error with the server's message.
async function call(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token()}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers[header] = '1';
  }
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  if (!res.ok) {
    const err = new Error((data && data.error) || `${res.status} ${res.statusText}`);
    err.status = res.status;
    throw err;
  }
  return data;
}

// say shows a message in the review menu and in the claim form, if open.
function say(text, kind = 'info') {
  for (const el of [$('review-status'), document.querySelector('#review-claim-form .review-status-inline')]) {
    if (!el) continue;
    el.dataset.kind = kind;
    replace(el, text);
  }
}

// decide posts one decision; a change of the graph offers to refresh the
// view (the URL keeps the exploration, so a reload restores it).
async function decide(req, what) {
  try {
    const out = await call('POST', '/api/review/decisions', req);
    const d = out.decision;
    say(`${what}: done (${d.reviewer}, ${d.time}).`, 'ok');
    if (req.kind !== 'confirm') offerRefresh();
    await loadLists();
    return d;
  } catch (err) {
    say(`${what}: ${err.message}`, 'error');
    if (err.status === 401) signOut();
    return null;
  }
}

function offerRefresh() {
  const el = $('review-refresh');
  if (el) el.hidden = false;
}

function reasonInput() {
  return h('input', { type: 'text', class: 'review-reason', maxlength: '1000', placeholder: 'Reason (optional)', 'aria-label': 'Reason', dir: 'auto' });
}

function claimLine(c) {
  return h('div', { class: 'review-claim-head' },
    h('span', { class: `badge ${c.type}` }, c.type), ' ',
    fields(`${c.source} ${c.type === 'MET' ? '—' : '→'} ${c.target}`, `confidence ${Number(c.confidence).toFixed(2)}`, c.certainty));
}

function claimItem(c, actions) {
  const reason = reasonInput();
  return h('li', { class: 'review-item', dataset: { review: 'claim', claim: c.id, status: c.status } },
    claimLine(c),
    h('blockquote', { class: 'quote', dir: 'rtl', lang: 'ar' }, c.quote),
    h('div', { class: 'hint', dir: 'auto' }, c.article_title || c.article),
    c.decision ? h('div', { class: 'hint' }, fields(`by ${c.decision.reviewer}`, c.decision.time, c.decision.reason)) : null,
    reason,
    h('div', { class: 'review-actions' }, actions.map(([label, kind]) =>
      h('button', { type: 'button', dataset: { action: kind }, onclick: () => decide({ kind, claim: c.id, reason: reason.value }, `${label} ${c.id}`) }, label))));
}

async function loadLists() {
  const queue = $('review-queue');
  const rejected = $('review-rejected');
  if (!queue || !rejected) return;
  try {
    const [q, r] = await Promise.all([call('GET', '/api/review/queue?limit=20'), call('GET', '/api/review/rejected?limit=20')]);
    replace(queue, q.claims.length ? q.claims.map((c) => claimItem(c, [['Confirm', 'confirm'], ['Reject', 'reject']])) : h('li', { class: 'hint' }, 'Nothing left to review.'));
    replace(rejected, r.claims.length ? r.claims.map((c) => claimItem(c, [['Restore', 'restore']])) : h('li', { class: 'hint' }, 'No rejected claim.'));
  } catch (err) {
    say(err.message, 'error');
    if (err.status === 401) signOut();
  }
}

// actorInput is a text input suggesting actor ids from the search API.
let listCount = 0;
function actorInput(label) {
  const list = h('datalist', { id: `review-actors-${++listCount}` });
  const input = h('input', { type: 'text', list: list.id, placeholder: `${label} (actor id)`, 'aria-label': label, autocomplete: 'off', spellcheck: 'false' });
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return;
    timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/actors?${new URLSearchParams({ q, limit: '8' })}`, { headers: { Accept: 'application/json' } });
        if (!res.ok) return;
        const data = await res.json();
        replace(list, data.actors.map((a) => h('option', { value: a.id }, `${a.name} · ${a.name_ar}`)));
      } catch { /* suggestions are optional */ }
    }, 200);
  });
  return [input, list];
}

function select(label, values) {
  return h('select', { 'aria-label': label }, values.map((v) => h('option', { value: v }, v)));
}

function actorForms() {
  const [nameActor, nameActorList] = actorInput('Actor');
  const newName = h('input', { type: 'text', placeholder: 'New name form', 'aria-label': 'New name form', dir: 'auto', maxlength: '300' });
  const [from, fromList] = actorInput('Merge this actor');
  const [into, intoList] = actorInput('into this one');
  const id = h('input', { type: 'text', placeholder: 'id (e.g. new-envoy)', 'aria-label': 'Actor id', pattern: '[a-z0-9]+(-[a-z0-9]+)*' });
  const name = h('input', { type: 'text', placeholder: 'English name', 'aria-label': 'English name', maxlength: '300' });
  const nameAr = h('input', { type: 'text', placeholder: 'الاسم بالعربية', 'aria-label': 'Arabic name', dir: 'rtl', lang: 'ar', maxlength: '300' });
  const kind = select('Kind', ['person', 'state', 'organisation']);
  const [affiliation, affList] = actorInput('Affiliation (optional)');
  const reasons = [reasonInput(), reasonInput(), reasonInput()];
  return h('div', { class: 'review-forms' },
    h('form', { dataset: { review: 'add-actor' }, onsubmit: (ev) => {
      ev.preventDefault();
      const actor = { id: id.value.trim(), name: name.value.trim(), name_ar: nameAr.value.trim(), kind: kind.value };
      if (affiliation.value.trim()) actor.affiliation = affiliation.value.trim();
      decide({ kind: 'add_actor', actor, reason: reasons[0].value }, `Add actor ${actor.id}`);
    } }, h('h4', {}, 'Add an actor'), id, name, nameAr, kind, affiliation, affList, reasons[0], h('button', { type: 'submit' }, 'Add actor')),
    h('form', { dataset: { review: 'add-name' }, onsubmit: (ev) => {
      ev.preventDefault();
      decide({ kind: 'add_name', actor_id: nameActor.value.trim(), name: newName.value.trim(), reason: reasons[1].value }, `Add a name to ${nameActor.value}`);
    } }, h('h4', {}, 'Add a name to an actor'), nameActor, nameActorList, newName, reasons[1], h('button', { type: 'submit' }, 'Add name')),
    h('form', { dataset: { review: 'merge' }, onsubmit: (ev) => {
      ev.preventDefault();
      decide({ kind: 'merge', actor_id: from.value.trim(), into: into.value.trim(), reason: reasons[2].value }, `Merge ${from.value} into ${into.value}`);
    } }, h('h4', {}, 'Merge two actors that are the same'), from, fromList, into, intoList, reasons[2], h('button', { type: 'submit' }, 'Merge')));
}

// --- adding a claim from a selection in the article view ---------------------------

// selectionIn returns the selected text of container as UTF-16 offsets into
// its text, or null when the selection is empty or not inside it.
function selectionIn(container) {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

const utf8 = new TextEncoder();

function claimForm(articleId, text, sel) {
  const quote = text.slice(sel.start, sel.end);
  // The API takes byte offsets into the UTF-8 text.
  const start = utf8.encode(text.slice(0, sel.start)).length;
  const end = start + utf8.encode(quote).length;
  const type = select('Relation type', ['met', 'supported', 'opposed']);
  const certainty = select('Certainty', ['asserted', 'reported', 'alleged']);
  const [source, sourceList] = actorInput('Source');
  const [target, targetList] = actorInput('Target');
  const reason = reasonInput();
  return h('form', { id: 'review-claim-form', class: 'review-claim-form', dataset: { review: 'add-claim', start: String(start), end: String(end) }, onsubmit: async (ev) => {
    ev.preventDefault();
    const form = ev.target;
    const d = await decide({ kind: 'add_claim', reason: reason.value,
      new_claim: { article: articleId, type: type.value, source: source.value.trim(), target: target.value.trim(), start, end, certainty: certainty.value } },
    'Add claim');
    if (d) form.remove();
  } },
  h('h4', {}, 'Add a claim with this quote'),
  h('blockquote', { class: 'quote', dir: 'rtl', lang: 'ar' }, quote),
  type, source, sourceList, target, targetList, certainty, reason,
  h('button', { type: 'submit' }, 'Add claim'),
  h('button', { type: 'button', onclick: (ev) => ev.target.closest('form').remove() }, 'Cancel'),
  h('p', { class: 'hint review-status-inline', role: 'status' }));
}

function onArticleSelection(ev) {
  if (!reviewer) return;
  const container = ev.target.closest && ev.target.closest('.article-text');
  if (!container) return;
  const sel = selectionIn(container);
  const articleId = getState().article;
  if (!sel || !articleId) return;
  const old = $('review-claim-form');
  if (old) old.remove();
  container.before(claimForm(articleId, container.textContent, sel));
}

// --- mounting ---------------------------------------------------------------------

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  reviewer = '';
  document.body.dataset.reviewer = '';
  renderBody();
}

async function signIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
  try {
    const me = await call('GET', '/api/review/me');
    reviewer = me.reviewer;
    document.body.dataset.reviewer = reviewer;
    renderBody();
    await loadLists();
  } catch (err) {
    sessionStorage.removeItem(TOKEN_KEY);
    reviewer = '';
    renderBody();
    say(err.status === 401 ? 'This token is not a reviewer token.' : err.message, 'error');
  }
}

function renderBody() {
  const body = $('review-body');
  if (!body) return;
  if (!reviewer) {
    const input = h('input', { type: 'password', id: 'review-token', autocomplete: 'off', placeholder: 'Reviewer token', 'aria-label': 'Reviewer token' });
    replace(body,
      h('form', { dataset: { review: 'sign-in' }, onsubmit: (ev) => { ev.preventDefault(); signIn(input.value.trim()); } },
        h('p', { class: 'hint' }, 'Review mode is on. Enter your reviewer token to confirm, reject and add claims.'),
        input, h('button', { type: 'submit' }, 'Start reviewing')),
      h('p', { id: 'review-status', class: 'hint', role: 'status' }));
    return;
  }
  replace(body,
    h('p', {}, 'Reviewing as ', h('strong', { id: 'review-who' }, reviewer), ' ',
      h('button', { type: 'button', class: 'link', onclick: signOut }, 'sign out')),
    h('p', { id: 'review-status', class: 'hint', role: 'status' }),
    h('button', { type: 'button', id: 'review-refresh', hidden: true, onclick: () => location.reload() }, 'The graph changed: refresh the view'),
    h('p', { class: 'hint' }, 'To add a claim, open an article and select its quote.'),
    h('h4', {}, 'Review queue (lowest confidence first)'),
    h('ul', { id: 'review-queue', class: 'review-list' }),
    h('h4', {}, 'Rejected claims'),
    h('ul', { id: 'review-rejected', class: 'review-list' }),
    actorForms());
}

async function init() {
  const menu = $('review-menu');
  if (!menu) return;
  let status;
  try {
    const res = await fetch('/api/review', { headers: { Accept: 'application/json' } });
    status = await res.json();
  } catch { return; }
  if (!status || !status.enabled) return;
  header = status.header || header;
  menu.hidden = false;
  document.addEventListener('mouseup', onArticleSelection);
  document.addEventListener('keyup', (ev) => { if (ev.key === 'Shift') onArticleSelection(ev); });
  if (token()) await signIn(token());
  else renderBody();
}

init();
