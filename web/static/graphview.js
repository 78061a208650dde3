// The graph canvas: cytoscape.js (vendored in vendor/cytoscape) with the
// styles, sizing and layouts of the viewer.
import cytoscape from './vendor/cytoscape/cytoscape.esm.min.mjs';

export const COLOURS = {
  MET: '#7a8796', SUPPORTED: '#2e9d4f', OPPOSED: '#d1393a',
  person: '#4e79a7', state: '#8e6bb8', organisation: '#e08a2c',
};
const SHAPES = { person: 'ellipse', state: 'round-rectangle', organisation: 'diamond' };

// nodeLook and edgeLook are the colour and shape data of an element: the
// styles map them from its data (data(colour)), which cytoscape reads
// without calling a function per element.
export function nodeLook(kind) {
  return { colour: COLOURS[kind] || '#888', shape: SHAPES[kind] || 'ellipse' };
}
export function edgeLook(type) {
  return { colour: COLOURS[type] || '#999', arrow: type === 'MET' ? 'none' : 'triangle' };
}

// A view of more than BIG_NODES actors or BIG_EDGES edges is big: its
// elements carry the class big, whose edges are haystack lines (no
// arrows, no bundling of parallel edges) and whose labels appear only
// when zoomed in further; while the analyst pans and zooms it draws a
// cached texture without edges.
export const BIG_NODES = 800;
export const BIG_EDGES = 2000;
export function isBig(nodes, edges) { return nodes > BIG_NODES || edges > BIG_EDGES; }
// Labels are drawn on the canvas with a font Chromium has for Arabic
// (Debian's fonts-dejavu-core), so letters join and read right to left.
const FONT = '"DejaVu Sans", "Noto Sans Arabic", "Noto Sans", sans-serif';

// Above this many nodes the layout is concentric by hop (instant) instead of
// the force-directed cose.
export const COSE_MAX_NODES = 250;
const RING_SIZE = 150;

// HIDDEN selects the elements that filters or the analyst hid; they stay
// on the canvas, undrawn (coll.not(HIDDEN) is what is shown).
export const HIDDEN = '.filtered, .user-hidden';

// WEBGL_MIN_NODES: the renderer "auto" draws a view of more actors than
// this with WebGL where the browser has a GPU.
export const WEBGL_MIN_NODES = 1000;

// SOFTWARE_GL names the software implementations of WebGL (no GPU):
// SwiftShader, llvmpipe and the like.
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

let webglProbe = null;

// webglSupport tells whether the browser gives a WebGL 2 context (which
// cytoscape's WebGL renderer needs) and whether a GPU draws it: "gpu",
// "software" or "none". It asks once.
export function webglSupport() {
  if (webglProbe) return webglProbe;
  webglProbe = 'none';
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
      webglProbe = SOFTWARE_GL.test(name) ? 'software' : 'gpu';
      const lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();
    }
  } catch {
    webglProbe = 'none';
  }
  return webglProbe;
}

// chooseRenderer returns the renderer ("canvas" or "webgl") for the
// analyst's choice (state key renderer: auto, canvas or webgl) and a view
// of nodes actors: auto takes WebGL above WEBGL_MIN_NODES where a GPU draws
// it; webgl takes it wherever WebGL 2 exists, even drawn in software; with
// no WebGL 2 both fall back to canvas.
export function chooseRenderer(choice, nodes, support = webglSupport()) {
  if (choice === 'canvas' || support === 'none') return 'canvas';
  if (choice === 'webgl') return 'webgl';
  return support === 'gpu' && nodes > WEBGL_MIN_NODES ? 'webgl' : 'canvas';
}

// createGraph makes the cytoscape instance of the canvas, drawn by the
// renderer "canvas" or "webgl" (cytoscape's experimental WebGL renderer,
// which draws nodes and edges from texture atlases on the GPU).
export function createGraph(container, renderer = 'canvas') {
  container.dataset.renderer = renderer;
  const cy = cytoscape({
    container,
    renderer: renderer === 'webgl' ? { name: 'canvas', webgl: true } : { name: 'canvas' },
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    // Shift-drag on the background draws a selection box; shift-click adds
    // to the selection.
    boxSelectionEnabled: true,
    selectionType: 'single',
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    style: [
      { selector: 'node', style: {
        'label': 'data(label)', 'font-family': FONT, 'font-size': 14,
        'text-valign': 'bottom', 'text-margin-y': 3, 'color': '#1d2430',
        'text-outline-color': '#ffffff', 'text-outline-width': 2,
        // A light backing keeps a label readable where edges cross it.
        'text-background-color': '#ffffff', 'text-background-opacity': 0.75,
        'text-background-padding': 1, 'text-background-shape': 'round-rectangle',
        'min-zoomed-font-size': 7,
        'width': 'data(size)', 'height': 'data(size)',
        'background-color': 'data(colour)', 'shape': 'data(shape)',
        'border-width': 1, 'border-color': '#ffffff',
      } },
      { selector: 'node.centre', style: { 'border-width': 4, 'border-color': '#1d2430', 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f2c94c' } },
      { selector: 'edge', style: {
        'width': 'data(width)', 'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'data(arrow)',
        'arrow-scale': 0.9, 'curve-style': 'bezier', 'opacity': 0.8,
      } },
      // Big views: a label shows from 10 px on screen (the default 14 px
      // font at zoom 0.7); edges are haystack lines between the centres.
      { selector: 'node.big', style: { 'min-zoomed-font-size': 10 } },
      { selector: 'edge.big', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' } },
      { selector: 'edge:selected', style: { 'opacity': 1, 'underlay-color': '#f2c94c', 'underlay-opacity': 0.6, 'underlay-padding': 4 } },
      { selector: '.dim', style: { 'opacity': 0.15 } },
      // Hovering a node fades everything outside its neighbourhood.
      { selector: '.faded', style: { 'opacity': 0.12, 'text-opacity': 0.2 } },
      { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#1d2430' } },
      // Filters and the analyst's hide only hide: the elements stay.
      { selector: '.filtered, .user-hidden', style: { 'display': 'none' } },
      { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#f2c94c', 'opacity': 1 } },
      { selector: 'edge.path', style: { 'opacity': 1, 'underlay-color': '#f2c94c', 'underlay-opacity': 0.8, 'underlay-padding': 5 } },
    ],
  });
  return cy;
}

// tuneForSize marks the view big or not (see isBig) for nodes and edges
// on the canvas: it sets the class big on every element when the view
// crosses the bound (elements added to a big view get it when they are
// added, see bigClass), and makes a big view skip edge drawing and use a
// cached texture while the analyst pans and zooms (cytoscape reads these
// renderer fields on every frame). It returns whether the view is big.
export function tuneForSize(cy, nodes = cy.nodes().length, edges = cy.edges().length) {
  const big = isBig(nodes, edges);
  if (big !== !!cy.scratch('_rawabitBig')) {
    cy.scratch('_rawabitBig', big);
    cy.elements().toggleClass('big', big);
  }
  // WebGL draws every frame whole; the 2D canvas of a big view draws a
  // cached texture while the viewport moves.
  const canvas2d = cy.container().dataset.renderer !== 'webgl';
  const r = cy.renderer();
  r.hideEdgesOnViewport = big && canvas2d;
  r.textureOnViewport = big && canvas2d;
  return big;
}

// bigClass is the class of an element added to the canvas: big when the
// view is big.
export function bigClass(cy) { return cy.scratch('_rawabitBig') ? 'big' : ''; }

// nodeSize maps PageRank relative to the largest in the view to 22..66 px.
export function nodeSize(pagerank, maxRank) {
  const r = maxRank > 0 ? pagerank / maxRank : 0;
  return Math.round(22 + 44 * Math.sqrt(r));
}

export function edgeWidth(articles) {
  return Math.min(12, 1.5 + 2 * Math.log2(1 + (articles || 1)));
}

// BIDI_CONTROLS are the embeddings, overrides and isolates (U+202A..U+202E,
// U+2066..U+2069): the loader refuses them in names, and a canvas label
// cannot isolate them, so labels drop any that reach the viewer.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

// MAX_LABEL is the longest label, in characters: a longer name (up to the
// loader's 300 bytes) is cut with an ellipsis so that it cannot shrink the
// canvas; panels show names whole.
const MAX_LABEL = 60;

export function labelOf(d, lang) {
  const label = String(lang === 'ar' ? (d.name_ar || d.name || d.id) : (d.name || d.name_ar || d.id)).replace(BIDI_CONTROLS, '');
  const chars = [...label];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : label;
}

// hopLevels returns each node's hop distance from the centre over the
// edges in eles (a breadth-first search over the edges' data, which makes
// no collection per step).
function hopLevels(eles, centre) {
  const level = new Map();
  if (eles.getElementById(centre).empty()) return level;
  const adj = new Map();
  const link = (a, b) => { if (!adj.has(a)) adj.set(a, []); adj.get(a).push(b); };
  eles.edges().forEach((e) => { const d = e.data(); link(d.source, d.target); link(d.target, d.source); });
  level.set(centre, 0);
  let frontier = [centre];
  for (let depth = 1; frontier.length; depth++) {
    const next = [];
    for (const id of frontier) {
      for (const m of adj.get(id) || []) {
        if (!level.has(m)) { level.set(m, depth); next.push(m); }
      }
    }
    frontier = next;
  }
  return level;
}

// forceOptions are cose's options (force-directed, no animation).
function forceOptions(randomize) {
  return { name: 'cose', animate: false, fit: false, randomize, nodeDimensionsIncludeLabels: true,
    // Edges of a hub are longer, so that its many neighbours find room
    // on a wider circle instead of piling up around it.
    nodeRepulsion: () => 20000, edgeElasticity: () => 100, gravity: 0.8,
    idealEdgeLength: (e) => Math.min(220, 60 + 6 * Math.max(e.source().degree(), e.target().degree())),
    nodeOverlap: 20, numIter: 1500, padding: 30, componentSpacing: 80 };
}

// ringOptions place the nodes in rings by hop from the centre; a hop with
// many actors is split into rings of at most RING_SIZE by PageRank, the
// most central inside. Instant, for large views: the positions are
// computed here from the nodes' data (their size is data(size)), the way
// cytoscape's concentric layout with avoidOverlap spaces its rings, and
// placed by the preset layout, so that no node's style or bounding box is
// needed.
function ringOptions(eles, centre, cy) {
  const level = hopLevels(eles, centre);
  const byLevel = new Map();
  let maxSize = 0;
  eles.nodes().forEach((node) => {
    const d = node.data();
    const l = level.has(d.id) ? level.get(d.id) : 99;
    if (!byLevel.has(l)) byLevel.set(l, []);
    byLevel.get(l).push(d);
    maxSize = Math.max(maxSize, (d.size || 0) + 2); // the 1 px border each side
  });
  const minDist = maxSize + 2; // minNodeSpacing 2
  const c = { x: cy.width() / 2, y: cy.height() / 2 };
  const pos = new Map();
  let r = 0;
  for (const l of [...byLevel.keys()].sort((a, b) => a - b)) {
    const all = byLevel.get(l).sort((a, b) => (b.pagerank || 0) - (a.pagerank || 0));
    for (let i = 0; i < all.length; i += RING_SIZE) {
      const ring = all.slice(i, i + RING_SIZE);
      const dTheta = (2 * Math.PI) / ring.length;
      if (ring.length > 1) {
        const dcos = Math.cos(dTheta) - 1, dsin = Math.sin(dTheta);
        r = Math.max(r, Math.sqrt((minDist * minDist) / (dcos * dcos + dsin * dsin)));
      }
      ring.forEach((d, j) => {
        const theta = 1.5 * Math.PI + dTheta * j;
        pos.set(d.id, { x: c.x + r * Math.cos(theta), y: c.y + r * Math.sin(theta) });
      });
      r += minDist;
    }
  }
  return { name: 'preset', animate: false, fit: false, positions: (node) => pos.get(node.id()) };
}

// LAYOUT_OPTIONS builds the options of each layout the viewer offers (see
// state.js LAYOUTS) for the elements eles around the centre.
const LAYOUT_OPTIONS = {
  force: (eles, centre, cy) => (eles.nodes().length <= COSE_MAX_NODES ? forceOptions(true) : ringOptions(eles, centre, cy)),
  concentric: (eles) => {
    const max = Math.max(1e-9, ...eles.nodes().map((n) => n.data('pagerank') || 0));
    return { name: 'concentric', animate: false, fit: false, padding: 30, minNodeSpacing: 10, avoidOverlap: true,
      concentric: (n) => (n.data('pagerank') || 0) / max, levelWidth: () => 0.2 };
  },
  hierarchy: (eles, centre) => {
    const root = eles.getElementById(centre);
    const roots = root.nonempty() ? root : eles.nodes().max((n) => n.data('pagerank') || 0).ele;
    return { name: 'breadthfirst', animate: false, fit: false, padding: 30, directed: false, spacingFactor: 1.1,
      avoidOverlap: true, nodeDimensionsIncludeLabels: true, roots };
  },
};

// runLayout lays out the visible elements with the named layout. Pinned
// (locked) nodes stay where they are. Layouts do not fit the view: the
// caller fits it once, with fitView.
export function runLayout(cy, name, centre) {
  const eles = cy.elements().not(HIDDEN);
  if (eles.nodes().length === 0) return;
  const opts = (LAYOUT_OPTIONS[name] || LAYOUT_OPTIONS.force)(eles, centre, cy);
  eles.layout(opts).run();
}

// layoutAdded places nodes just added on rings around the node they came
// from (the anchor), first on the side away from the rest of the graph,
// skipping spots where a node already is. Nothing else moves: what the
// analyst arranged stays.
export function layoutAdded(cy, added, anchorId) {
  const free = added.filter((n) => !n.locked());
  if (free.empty()) return;
  const anchor = cy.getElementById(anchorId);
  const others = cy.nodes().difference(added);
  const centre = anchor.nonempty() ? { ...anchor.position() } : others.nonempty() ? others.boundingBox() : { x: 0, y: 0 };
  const c = 'x1' in centre ? { x: (centre.x1 + centre.x2) / 2, y: (centre.y1 + centre.y2) / 2 } : centre;
  // The direction from the rest of the graph to the anchor.
  let away = 0;
  if (others.length > 1) {
    const bb = others.boundingBox();
    away = Math.atan2(c.y - (bb.y1 + bb.y2) / 2, c.x - (bb.x1 + bb.x2) / 2);
  }
  const taken = others.map((n) => n.position());
  const clear = (x, y) => taken.every((q) => Math.hypot(q.x - x, q.y - y) > 40);
  const spacing = 52;
  let ring = 1, slot = 0, placed = 0;
  const nodes = free.toArray();
  while (placed < nodes.length && ring < 60) {
    const r = 70 + (ring - 1) * 55;
    const cap = Math.max(6, Math.floor((2 * Math.PI * r) / spacing));
    if (slot >= cap) { ring++; slot = 0; continue; }
    // Slots alternate either side of the away direction.
    const k = Math.ceil(slot / 2) * (slot % 2 ? 1 : -1);
    const a = away + (2 * Math.PI * k) / cap;
    const x = c.x + r * Math.cos(a), y = c.y + r * Math.sin(a);
    slot++;
    if (!clear(x, y)) continue;
    nodes[placed].position({ x, y });
    taken.push({ x, y });
    placed++;
  }
}
