// One input's value as a reader sees it: units from the registry, choices by their label,
// a year of hourly prices by its name and length. Used by the assumptions list and the board
// summary's "inputs that differ".

import { num, plain } from './format.js';
import { getPath } from './state.js';

/** `f` is a field of fields.js allFields(); `presets` the core's catalogue (choices' labels). */
export function inputText(f, scenario, presets) {
  const v = getPath(scenario, f.path);
  if (f.kind === 'profile') {
    // A year of hours is named, not listed.
    const hours = Array.isArray(v) ? v : [];
    return hours.length ? `${getPath(scenario, 'power.importedProfileName') || 'imported'}: ${num(hours.length)} hours` : 'none';
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return `${plain(v)}${f.unit ? ` ${f.unit}` : ''}`;
  if (f.kind === 'select' && f.options === 'gpuSystems') return presets.gpuSystems.find((g) => g.id === v)?.label ?? v;
  if (f.kind === 'select' && f.options === 'cooling') return presets.cooling.find((c) => c.id === v)?.label ?? v;
  if (f.kind === 'select' && Array.isArray(f.options)) return f.options.find(([id]) => id === v)?.[1] ?? v;
  return v ?? '';
}
