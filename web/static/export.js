// The export menu: data formats from the server's /api/export (with the
// current view's parameters) and pictures of the view drawn in the page.
import { h } from './dom.js';
import { COLOURS, HIDDEN } from './graphview.js';

// FORMAT_TITLES describe the formats of GET /api/export?format=...; the
// formats themselves come from the server (meta.export_formats).
const FORMAT_TITLES = {
  graphml: 'GraphML (Gephi, yEd)', gexf: 'GEXF (Gephi)', json: 'Cytoscape.js JSON', csv: 'CSV (Gephi)',
  'neo4j-csv': 'Neo4j CSV', cypher: 'Cypher script', jsonl: 'JSON Lines',
};

export function setupExport(graph, meta, viewParams, getState) {
  // graph returns the canvas's cytoscape instance (the renderer can change
  // it); viewParams returns the /api/export parameters of the current view.
  const errorEl = document.getElementById('export-error');
  const showError = (msg) => { errorEl.textContent = msg; errorEl.hidden = !msg; };
  const box = document.getElementById('export-formats');
  for (const format of meta.export_formats) {
    const label = FORMAT_TITLES[format] || format;
    box.append(h('button', { type: 'button', title: label, dataset: { format },
      onclick: () => exportData(format, viewParams(), showError) }, format));
  }
  document.getElementById('export-png').addEventListener('click', () => {
    showError('');
    const cy = graph();
    if (cy.nodes().empty()) { showError('Nothing to export yet.'); return; }
    const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
    download(blob, `${baseName(getState())}.png`);
  });
  document.getElementById('export-svg').addEventListener('click', () => {
    showError('');
    const cy = graph();
    if (cy.nodes().empty()) { showError('Nothing to export yet.'); return; }
    const svg = toSVG(cy);
    download(new Blob([svg], { type: 'image/svg+xml' }), `${baseName(getState())}.svg`);
  });
}

function baseName(state) {
  const range = state.since || state.until ? `-${state.since || 'start'}_${state.until || 'end'}` : '';
  return `rawabit-${state.centre || 'graph'}-d${state.depth}${range}`;
}

// exportURL is the /api/export address of the view described by params
// (the neighbourhood parameters of the current view).
export function exportURL(format, params) {
  const q = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(params)) {
    if (v === '' || v === undefined || (Array.isArray(v) && !v.length)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return `/api/export?${q}`;
}

async function exportData(format, params, showError) {
  showError('');
  if (!params.center && !(params.ids && params.ids.length)) { showError('Choose an actor first.'); return; }
  const link = document.getElementById('export-link');
  link.href = exportURL(format, params);
  link.dataset.format = format;
  try {
    const res = await fetch(exportURL(format, params));
    if (!res.ok) {
      let msg = `${res.status} ${res.statusText}`;
      try { msg = (await res.json()).error || msg; } catch { /* not JSON */ }
      showError(`Export failed: ${msg}`);
      return;
    }
    const cd = res.headers.get('Content-Disposition') || '';
    const m = /filename="?([^";]+)"?/.exec(cd);
    download(await res.blob(), m ? m[1] : `rawabit-${params.center}.${format}`);
  } catch (err) {
    showError(`Export failed: ${err.message}`);
  }
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs, text) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

// toSVG draws the visible graph as SVG from cytoscape's model positions:
// nodes by kind and size, edges by type and width (straight or through
// their bezier control point), arrows on directed types, labels as text.
export function toSVG(cy) {
  const bb = cy.elements().not(HIDDEN).boundingBox({ includeLabels: true });
  const pad = 20;
  const svg = svgEl('svg', { xmlns: SVG_NS, viewBox: `${bb.x1 - pad} ${bb.y1 - pad} ${bb.w + 2 * pad} ${bb.h + 2 * pad}`,
    width: Math.ceil(bb.w + 2 * pad), height: Math.ceil(bb.h + 2 * pad),
    'font-family': 'DejaVu Sans, Noto Sans Arabic, sans-serif' });
  const defs = svgEl('defs', {});
  for (const t of ['SUPPORTED', 'OPPOSED']) {
    const marker = svgEl('marker', { id: `arrow-${t}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6,
      orient: 'auto-start-reverse', markerUnits: 'strokeWidth' });
    marker.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: COLOURS[t] }));
    defs.append(marker);
  }
  svg.append(defs, svgEl('rect', { x: bb.x1 - pad, y: bb.y1 - pad, width: bb.w + 2 * pad, height: bb.h + 2 * pad, fill: '#ffffff' }));
  const edges = svgEl('g', { fill: 'none' });
  cy.edges().not(HIDDEN).forEach((e) => {
    const s = e.sourceEndpoint(), t = e.targetEndpoint();
    const cps = e.controlPoints();
    const d = cps && cps.length ? `M${s.x},${s.y} Q${cps[0].x},${cps[0].y} ${t.x},${t.y}` : `M${s.x},${s.y} L${t.x},${t.y}`;
    const type = e.data('type');
    const attrs = { d, stroke: COLOURS[type] || '#999', 'stroke-width': e.data('width'), 'stroke-opacity': 0.8 };
    if (type !== 'MET') attrs['marker-end'] = `url(#arrow-${type})`;
    edges.append(svgEl('path', attrs));
  });
  const nodes = svgEl('g', {});
  cy.nodes().not(HIDDEN).forEach((n) => {
    const p = n.position(), r = n.data('size') / 2, fill = COLOURS[n.data('kind')] || '#888';
    let shape;
    if (n.data('kind') === 'state') shape = svgEl('rect', { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r, rx: r / 4, fill });
    else if (n.data('kind') === 'organisation') shape = svgEl('polygon', { points: `${p.x},${p.y - r} ${p.x + r},${p.y} ${p.x},${p.y + r} ${p.x - r},${p.y}`, fill });
    else shape = svgEl('circle', { cx: p.x, cy: p.y, r, fill });
    shape.setAttribute('stroke', '#ffffff');
    nodes.append(shape);
    nodes.append(svgEl('text', { x: p.x, y: p.y + r + 14, 'text-anchor': 'middle', 'font-size': 12, fill: '#1d2430',
      stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' }, n.data('label')));
  });
  svg.append(edges, nodes);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}
