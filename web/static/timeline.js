// The timeline: claims per month of their article's date (from
// /api/overview), a brush that sets the date range (since, until in the
// state) by dragging across the months, two date fields for the same
// range, and a playback button that grows the range month by month. The
// range filters the graph (view.js hides what falls outside it), the
// evidence and the exports.
import { h, replace } from './dom.js';
import { getState, setState } from './state.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);
const MAX_MONTHS = 600;

let months = []; // [{ month: 'YYYY-MM', claims }], every month from first to last
let playing = 0;

function svg(tag, attrs) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function nextMonth(m) {
  let [y, mo] = m.split('-').map(Number);
  mo += 1;
  if (mo > 12) { mo = 1; y += 1; }
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`;
}

function lastDay(m) {
  const [y, mo] = m.split('-').map(Number);
  const d = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${m}-${String(d).padStart(2, '0')}`;
}

// fillMonths returns every month from the first to the last of counts,
// with zero for the months without claims.
function fillMonths(counts) {
  if (!counts.length) return [];
  const by = new Map(counts.map((c) => [c.month, c.claims]));
  const out = [];
  for (let m = counts[0].month; out.length < MAX_MONTHS; m = nextMonth(m)) {
    out.push({ month: m, claims: by.get(m) || 0 });
    if (m >= counts[counts.length - 1].month) break;
  }
  return out;
}

export function initTimeline() {
  $('play').addEventListener('click', () => (playing ? stop() : play()));
  $('range-clear').addEventListener('click', () => { stop(); setState({ since: '', until: '' }); });
  for (const [id, key] of [['since', 'since'], ['until', 'until']]) {
    $(id).addEventListener('change', () => setState({ [key]: $(id).value }));
  }
}

// setMonths draws the bars of an overview's months and its undated count.
export function setMonths(counts, undated) {
  months = fillMonths(counts);
  const box = $('timeline');
  box.hidden = months.length === 0;
  box.dataset.months = String(months.length);
  $('undated').textContent = undated ? `· ${undated} claims undated` : '';
  replace($('timeline-span'), months.length ? ['months ', h('bdi', { dir: 'ltr' }, months[0].month), ' to ', h('bdi', { dir: 'ltr' }, months[months.length - 1].month)] : '');
  draw();
}

function draw() {
  const chart = $('timeline-chart');
  if (!months.length) { replace(chart); return; }
  const W = 1000, H = 40;
  const max = Math.max(1, ...months.map((m) => m.claims));
  const bw = W / months.length;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': 'Claims per month' });
  const s = getState();
  const inRange = (m) => (!s.since || lastDay(m) >= s.since) && (!s.until || `${m}-01` <= s.until);
  months.forEach((m, i) => {
    const bh = m.claims ? Math.max(2, (H - 2) * (m.claims / max)) : 0;
    const rect = svg('rect', { x: i * bw + 0.5, y: H - bh, width: Math.max(0.5, bw - 1), height: bh, class: inRange(m.month) ? 'bar in' : 'bar' });
    rect.dataset.month = m.month;
    rect.dataset.claims = String(m.claims);
    const title = svg('title', {});
    title.textContent = `${m.month}: ${m.claims} claims`;
    rect.append(title);
    root.append(rect);
    const hit = svg('rect', { x: i * bw, y: 0, width: bw, height: H, class: 'hit' });
    hit.dataset.month = m.month;
    root.append(hit);
  });
  replace(chart, root);
  let start = -1;
  const indexAt = (ev) => {
    const r = root.getBoundingClientRect();
    return Math.min(months.length - 1, Math.max(0, Math.floor(((ev.clientX - r.left) / r.width) * months.length)));
  };
  root.addEventListener('pointerdown', (ev) => { stop(); start = indexAt(ev); root.setPointerCapture(ev.pointerId); ev.preventDefault(); });
  root.addEventListener('pointermove', (ev) => {
    if (start < 0) return;
    const [a, b] = [start, indexAt(ev)].sort((x, y) => x - y);
    root.querySelectorAll('rect.bar').forEach((el, i) => el.classList.toggle('in', i >= a && i <= b));
  });
  root.addEventListener('pointerup', (ev) => {
    if (start < 0) return;
    const [a, b] = [start, indexAt(ev)].sort((x, y) => x - y);
    start = -1;
    setState({ since: `${months[a].month}-01`, until: lastDay(months[b].month) });
  });
}

// syncTimeline shows the state's range on the bars and in the fields.
export function syncTimeline(s) {
  $('since').value = s.since;
  $('until').value = s.until;
  const out = $('range-out');
  replace(out, s.since || s.until ? [h('bdi', { dir: 'ltr' }, s.since || '…'), ' – ', h('bdi', { dir: 'ltr' }, s.until || '…')] : 'all dates');
  out.dataset.since = s.since;
  out.dataset.until = s.until;
  draw();
}

// play grows the range from the first month, one month per step, each step
// waiting for the graph to be redrawn. Steps amend one history entry.
async function play() {
  if (!months.length) return;
  const run = ++playing;
  $('play').textContent = '■ Stop';
  $('play').dataset.playing = 'true';
  const first = `${months[0].month}-01`;
  setState({ since: first, until: lastDay(months[0].month) });
  for (let i = 1; i < months.length && playing === run; i++) {
    if (!months[i].claims && i < months.length - 1) continue;
    await new Promise((r) => setTimeout(r, 700));
    while (playing === run && document.body.dataset.busy !== '0') await new Promise((r) => setTimeout(r, 50));
    if (playing !== run) return;
    setState({ since: first, until: lastDay(months[i].month) }, { replace: true });
  }
  if (playing === run) stop();
}

function stop() {
  playing = 0;
  $('play').textContent = '▶ Play';
  $('play').dataset.playing = 'false';
}
