// A small element builder. Text is always set through textContent, so user-provided strings
// (scenario names, fleet models, imported files) can never become markup.

/**
 * h('p', { class: 'x', dataset: { path: 'a.b' } }, 'text', child, …)
 * Attributes are set with setAttribute (never `innerHTML`); `on*` keys add listeners.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'text') el.textContent = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A custom property of the page's theme, read at draw time (light or dark). */
export const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** A link to where a source can be read, when it is a public https page (opened only on a click). */
export function sourceLink(url) {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return null;
  return h('a', { class: 'source-link', href: url, target: '_blank', rel: 'noopener noreferrer external' }, 'read the source');
}

/**
 * Every `.table-scroll` box under `root`, now and later: a box that scrolls sideways must be
 * reachable by keyboard (Tab, then the arrow keys), so it is a focusable, named region. Named
 * by its table's caption, or else by its section's heading.
 */
export function keepScrollersFocusable(root) {
  const mark = (box) => {
    if (box.hasAttribute('tabindex')) return;
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    const caption = box.querySelector('caption')?.textContent;
    const heading = box.closest('section, details, figure')?.querySelector('h2, h3, summary, figcaption')?.textContent;
    box.setAttribute('aria-label', (caption || heading || 'Table').trim().slice(0, 120));
  };
  const sweep = () => root.querySelectorAll('.table-scroll').forEach(mark);
  sweep();
  new MutationObserver(sweep).observe(root, { childList: true, subtree: true });
}
