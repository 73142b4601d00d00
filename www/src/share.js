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

/** Where the page keeps an imported year of hourly prices for this tab (see `encode`). */
const PROFILE_KEY = 'minepivot.v1.importedProfile';
/** Link keys that are not scenario fields: the name of an imported year the link leaves out. */
const META_PREFIX = '~';

/**
 * The hash (with `#`) that reproduces `scenario` on top of `defaults`. An imported year of
 * hourly prices (8,760 numbers, ~100 KB) does not fit a link: the link leaves it out, names it
 * (`~importedProfile`) and prices on the built-in ERCOT 2024 year instead; this tab keeps the
 * year in session storage, so that a reload, whose link names it, restores it (`restoreProfile`).
 */
export function encode(scenario, defaults) {
  // The scenario's layout version always travels with the differences, so that a later
  // minepivot completes them with this version's defaults (the core's `upgrade`).
  const partial = { schemaVersion: scenario.schemaVersion, ...diff(defaults, scenario) };
  const hours = scenario.power?.importedProfile;
  if (Array.isArray(hours) && hours.length > 0 && partial.power) {
    const name = scenario.power.importedProfileName || 'Imported year';
    delete partial.power.importedProfile;
    delete partial.power.importedProfileName;
    partial[`${META_PREFIX}importedProfile`] = name;
    if (scenario.power.profile === 'imported') {
      partial.power.profile = 'ercot2024';
      partial[`${META_PREFIX}profileImported`] = true;
    }
    keepProfile(name, hours);
  }
  return `#s=${LINK_VERSION}.${toBase64Url(JSON.stringify(partial))}`;
}

/** Whether `scenario` holds an imported year, which a link cannot carry. */
export function hasImportedProfile(scenario) {
  return Array.isArray(scenario?.power?.importedProfile) && scenario.power.importedProfile.length > 0;
}

function keepProfile(name, hours) {
  try {
    const kept = sessionStorage.getItem(PROFILE_KEY);
    if (kept && JSON.parse(kept).name === name) return;
    sessionStorage.setItem(PROFILE_KEY, JSON.stringify({ name, hours }));
  } catch {
    // No session storage (or full): a reload then prices on the built-in year, and says so.
  }
}

/**
 * Puts back into `partial` the imported year a link names, when this tab still keeps it.
 * Returns a note for people when the link names a year this tab does not have, else ''.
 */
export function restoreProfile(partial, meta) {
  const name = meta.importedProfile;
  if (typeof name !== 'string') return '';
  let kept = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(PROFILE_KEY) || 'null');
  } catch {
    kept = null;
  }
  if (kept && kept.name === name && Array.isArray(kept.hours)) {
    partial.power = { ...(partial.power || {}), importedProfile: kept.hours, importedProfileName: name };
    if (meta.profileImported === true) partial.power.profile = 'imported';
    return '';
  }
  return `The link was made with an imported year of hourly prices (“${name}”), which a link cannot carry: it is priced on the built-in ERCOT 2024 year instead. Import the year again, or ask for the scenario's JSON file.`;
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
  // What the link says about itself, not a scenario field (see `encode`).
  const meta = {};
  for (const key of Object.keys(partial)) {
    if (key.startsWith(META_PREFIX)) {
      meta[key.slice(META_PREFIX.length)] = partial[key];
      delete partial[key];
    }
  }
  return { kind: 'ok', partial, meta };
}
