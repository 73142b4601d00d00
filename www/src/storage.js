// Named scenarios in localStorage, one key per scenario so that a damaged entry costs only
// itself. Keys are versioned: a later storage layout uses a new prefix and can migrate these.
// Storage may be missing or full (private windows, quotas): every call reports, none throws.

export const PREFIX = 'minepivot.v1.scenario:';
const MAX_NAME = 80;

function store() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const cleanName = (name) => String(name ?? '').trim().slice(0, MAX_NAME);

/**
 * Every saved scenario, sorted by name: `{ saved: [{ name, savedAt, scenario }],
 * corrupt: [{ key, name, reason }] }`. The scenarios are not validated here; the core does
 * that when one is opened.
 */
export function list() {
  const s = store();
  const saved = [];
  const corrupt = [];
  if (!s) return { saved, corrupt, unavailable: true };
  const keys = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key && key.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) {
    const name = key.slice(PREFIX.length);
    let entry;
    try {
      entry = JSON.parse(s.getItem(key));
    } catch {
      corrupt.push({ key, name, reason: 'it is not valid JSON' });
      continue;
    }
    if (!entry || typeof entry !== 'object' || entry.v !== 1 || !entry.scenario || typeof entry.scenario !== 'object' || Array.isArray(entry.scenario)) {
      corrupt.push({ key, name, reason: 'it is not a saved scenario of this calculator' });
      continue;
    }
    saved.push({ name, savedAt: typeof entry.savedAt === 'string' ? entry.savedAt : '', scenario: entry.scenario });
  }
  saved.sort((a, b) => a.name.localeCompare(b.name));
  corrupt.sort((a, b) => a.name.localeCompare(b.name));
  return { saved, corrupt, unavailable: false };
}

/** Saves (or replaces) a named scenario. Returns an error message or ''. */
export function save(name, scenario) {
  const s = store();
  const clean = cleanName(name);
  if (!clean) return 'Give the scenario a name first.';
  if (!s) return 'This browser does not allow saving (storage is switched off).';
  try {
    s.setItem(PREFIX + clean, JSON.stringify({ v: 1, savedAt: new Date().toISOString(), scenario }));
    return '';
  } catch {
    return 'The browser refused to save (storage full or switched off).';
  }
}

export function remove(key) {
  const s = store();
  if (!s || !key.startsWith(PREFIX)) return;
  try {
    s.removeItem(key);
  } catch {
    // Nothing to do: the entry stays listed and can be removed later.
  }
}

export const keyOf = (name) => PREFIX + cleanName(name);
