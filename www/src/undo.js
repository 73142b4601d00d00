// Undo and redo over the scenario. Every entry is a whole scenario (a few kilobytes, ~70 KB
// with an imported year of hourly prices), so undoing a Reset that replaced thirty inputs is
// one step, like undoing one typed digit.
// Keystrokes into the same field within a pause are one entry, as in a text editor.

/** Most steps kept; the oldest give way. */
const LIMIT = 100;
/** Edits of one field closer together than this are one step. */
const COALESCE_MS = 1000;

/**
 * `createUndo()` → { record, undo, redo, canUndo, canRedo, nextUndo, nextRedo, clear }.
 * `record(before, label, key)` stores the scenario as it was before a change; `key` names
 * the field for coalescing (null for a replacing action, which is always its own step).
 */
export function createUndo({ now = () => Date.now() } = {}) {
  let past = [];
  let future = [];
  let lastKey = null;
  let lastAt = -Infinity;

  function record(before, label, key = null) {
    const t = now();
    const coalesce = key !== null && key === lastKey && t - lastAt < COALESCE_MS && past.length > 0;
    lastKey = key;
    lastAt = t;
    future = [];
    if (coalesce) return;
    past.push({ scenario: before, label });
    if (past.length > LIMIT) past.shift();
  }

  /** Moves one step back: returns the scenario to show, given the one shown now. */
  function undo(current) {
    const step = past.pop();
    if (!step) return null;
    future.push({ scenario: current, label: step.label });
    lastKey = null;
    return step;
  }

  function redo(current) {
    const step = future.pop();
    if (!step) return null;
    past.push({ scenario: current, label: step.label });
    lastKey = null;
    return step;
  }

  return {
    record,
    undo,
    redo,
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    /** The label of the step an undo would revert ("Power price", "Reset"). */
    nextUndo: () => past.at(-1)?.label ?? null,
    nextRedo: () => future.at(-1)?.label ?? null,
  };
}
