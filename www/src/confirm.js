// Asks before an action that loses something: a modal <dialog> (focus trapped and returned
// by the browser, Escape cancels), never window.confirm, which a page cannot style or label
// and which some embedding contexts suppress.

import { h } from './dom.js';

/**
 * Resolves true when the person confirms. `action` is the confirming button's text ("Delete"),
 * `keep` the cancelling one's ("Keep it"); the cancelling button has the focus, so Enter on a
 * reflex does not destroy anything.
 */
export function confirmAction({ title, message, action, keep = 'Cancel', danger = false }) {
  return new Promise((resolve) => {
    const titleId = `confirm-title-${Math.random().toString(36).slice(2)}`;
    const cancel = h('button', { type: 'button', class: 'button', value: 'cancel' }, keep);
    const ok = h('button', { type: 'button', class: `button ${danger ? 'danger' : 'primary'}`, value: 'ok' }, action);
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title),
      h('p', {}, message),
      h('div', { class: 'confirm-buttons' }, cancel, ok));
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    cancel.addEventListener('click', () => close(false));
    ok.addEventListener('click', () => close(true));
    // Escape closes the dialog natively; treat it as "keep".
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
