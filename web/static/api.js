// Calls to the server's JSON API. Every request goes to the page's own
// origin, and every request shows the loading indicator while it runs:
// the page's data-busy attribute counts the requests in flight.

export class APIError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

let inFlight = 0;

function setBusy(delta) {
  inFlight += delta;
  document.body.dataset.busy = String(inFlight);
  const el = document.getElementById('loading');
  if (el) el.hidden = inFlight === 0;
}

// query builds a query string, leaving out empty values; arrays are
// comma-separated.
export function query(params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return q.toString();
}

export async function getJSON(path, params = {}) {
  const q = query(params);
  const url = q ? `${path}?${q}` : path;
  setBusy(1);
  try {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    let body;
    try { body = await res.json(); } catch { body = null; }
    if (!res.ok) throw new APIError(res.status, (body && body.error) || `${res.status} ${res.statusText}`);
    return body;
  } finally {
    setBusy(-1);
  }
}

export const api = {
  meta: () => getJSON('/api/meta'),
  overview: (p) => getJSON('/api/overview', p),
  search: (q, limit = 8) => getJSON('/api/actors', { q, limit }),
  actor: (id) => getJSON(`/api/actors/${encodeURIComponent(id)}`),
  actorArticles: (id, p) => getJSON(`/api/actors/${encodeURIComponent(id)}/articles`, p),
  neighbourhood: (id, p) => getJSON(`/api/actors/${encodeURIComponent(id)}/neighbourhood`, p),
  subgraph: (p) => getJSON('/api/subgraph', p),
  paths: (p) => getJSON('/api/paths', p),
  claims: (p) => getJSON('/api/claims', p),
  article: (id) => getJSON(`/api/articles/${encodeURIComponent(id)}`),
};
