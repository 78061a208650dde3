// DOM helpers. Data is only ever inserted as text (textContent or text
// nodes), never parsed as HTML.

// h creates an element. attrs sets attributes (class, dir, lang, href, ...)
// and on* listeners; children are nodes or strings (inserted as text).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// replace empties el and appends children.
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

// arabic wraps Arabic text in a right-to-left span.
export function arabic(text, tag = 'span', cls = '') {
  return h(tag, { dir: 'rtl', lang: 'ar', class: cls || null }, text);
}

// fields joins data fields with ' · ', each in its own <bdi> so that the
// direction of one (or a bidi control in it) never reorders the others;
// empty fields are left out.
export function fields(...values) {
  const out = [];
  for (const v of values) {
    if (v === undefined || v === null || v === '') continue;
    if (out.length) out.push(' · ');
    out.push(h('bdi', {}, String(v)));
  }
  return out;
}

export function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}
