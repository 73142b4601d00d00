// The scenario in the URL: `#s=1.<base64url of the JSON of the fields that differ from the
// default>`. The leading "1" is the link format's version (not the scenario schema's), so a
// later format can still read old links. Anything read from a URL is untrusted: every step
// here fails with a message for people, never an exception, and the core validates the
// result before the page uses it.

import { diff } from './state.js';

export const LINK_VERSION = '1';
/** A real scenario's difference is a few hundred bytes; a longer hash is refused unread. */
export const MAX_HASH_CHARS = 20_000;

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The hash (with `#`) that reproduces `scenario` on top of `defaults`. */
export function encode(scenario, defaults) {
  // The scenario's layout version always travels with the differences, so that a later
  // minepivot completes them with this version's defaults (the core's `upgrade`).
  const partial = { schemaVersion: scenario.schemaVersion, ...diff(defaults, scenario) };
  return `#s=${LINK_VERSION}.${toBase64Url(JSON.stringify(partial))}`;
}

/**
 * Reads a location hash. Returns `{ kind: 'none' }` when there is no scenario in it,
 * `{ kind: 'ok', partial }` with the (still unvalidated) differences, or
 * `{ kind: 'error', message }`.
 */
export function decode(hash) {
  const raw = typeof hash === 'string' ? hash.replace(/^#/, '') : '';
  if (!raw.startsWith('s=')) return { kind: 'none' };
  if (raw.length > MAX_HASH_CHARS) {
    return { kind: 'error', message: `The link is ${raw.length.toLocaleString('en-US')} characters long — far longer than any scenario; it was not read.` };
  }
  const body = raw.slice(2);
  const dot = body.indexOf('.');
  const version = dot < 0 ? '' : body.slice(0, dot);
  if (version !== LINK_VERSION) {
    return { kind: 'error', message: 'The link does not hold a scenario this version of the calculator can read (unknown link format).' };
  }
  const payload = body.slice(dot + 1);
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) {
    return { kind: 'error', message: 'The link is damaged: it contains characters a scenario link never has.' };
  }
  let partial;
  try {
    partial = JSON.parse(fromBase64Url(payload));
  } catch {
    return { kind: 'error', message: 'The link is damaged or incomplete (was it cut off when copied?).' };
  }
  if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
    return { kind: 'error', message: 'The link does not hold a scenario.' };
  }
  // Links of format 1 written before the version travelled with them are all of version 1.
  if (!Object.hasOwn(partial, 'schemaVersion')) partial.schemaVersion = 1;
  return { kind: 'ok', partial };
}
