// The scenario as plain data: field paths, copies, the difference from the default and
// its inverse. Used by the form, the share link, saved scenarios and imports. Untrusted
// documents pass through `overlay`, which never writes to an object's prototype.

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** `mining.fleet[2].units` → ['mining', 'fleet', 2, 'units']. */
export function parsePath(path) {
  const parts = [];
  for (const piece of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(piece);
    if (!m) return null;
    if (m[1]) parts.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(idx[1]));
  }
  return parts;
}

export function getPath(obj, path) {
  const parts = parsePath(path);
  if (!parts) return undefined;
  let cur = obj;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, p)) return undefined;
    cur = cur[p];
  }
  return cur;
}

export function setPath(obj, path, value) {
  const parts = parsePath(path);
  if (!parts || parts.some((p) => FORBIDDEN.has(p))) return;
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    if (cur[p] === null || typeof cur[p] !== 'object') cur[p] = {};
    cur = cur[p];
  }
  cur[parts[parts.length - 1]] = value;
}

export const clone = (value) => structuredClone(value);

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether two plain documents are equal, field by field (key order included). */
export function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields of `current` that differ from `base`, nested the same way. Arrays (the fleet,
 * cost overrides) are compared whole and written whole: a fleet is one decision.
 */
export function diff(base, current) {
  const out = {};
  for (const [key, value] of Object.entries(current)) {
    const b = base ? base[key] : undefined;
    if (isPlainObject(value) && isPlainObject(b)) {
      const inner = diff(b, value);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else if (!sameJson(value, b)) {
      out[key] = value;
    }
  }
  return out;
}

/**
 * `base` with `partial` laid over it: objects merged key by key, everything else replaced.
 * Keys that could reach a prototype are dropped. Unknown keys are kept so that the core
 * reports them by path (a misspelled field in an imported file is shown, not swallowed).
 */
export function overlay(base, partial) {
  const out = clone(base);
  if (!isPlainObject(partial)) return out;
  const walk = (target, source) => {
    for (const [key, value] of Object.entries(source)) {
      if (FORBIDDEN.has(key)) continue;
      if (isPlainObject(value) && isPlainObject(target[key])) walk(target[key], value);
      else target[key] = clone(value);
    }
  };
  walk(out, partial);
  return out;
}

/** Every leaf path whose value differs between two scenarios (for the compare view). */
export function changedPaths(a, b, prefix = '') {
  const paths = [];
  const keys = new Set([...Object.keys(a || {}), ...Object.keys(b || {})]);
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const va = a ? a[key] : undefined;
    const vb = b ? b[key] : undefined;
    if (isPlainObject(va) && isPlainObject(vb)) paths.push(...changedPaths(va, vb, path));
    else if (!sameJson(va, vb)) paths.push(path);
  }
  return paths;
}
