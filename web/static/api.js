// Calls to the server's JSON API. Every request goes to the page's own
// origin.

export class APIError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function getJSON(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const url = q.toString() ? `${path}?${q}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) throw new APIError(res.status, (body && body.error) || `${res.status} ${res.statusText}`);
  return body;
}

export const api = {
  search: (q, limit = 8) => getJSON('/api/actors', { q, limit }),
  actor: (id) => getJSON(`/api/actors/${encodeURIComponent(id)}`),
  neighbourhood: (id, p) => getJSON(`/api/actors/${encodeURIComponent(id)}/neighbourhood`, p),
  subgraph: (p) => getJSON('/api/subgraph', p),
  paths: (p) => getJSON('/api/paths', p),
  claims: (p) => getJSON('/api/claims', p),
  article: (id) => getJSON(`/api/articles/${encodeURIComponent(id)}`),
};
