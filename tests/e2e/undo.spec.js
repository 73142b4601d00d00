// Undo, redo, the browser's Back, and the questions asked before something is lost (issue 20).
import { test, expect } from '@playwright/test';
import { watch, open, npv, field, setField, settled } from './helpers.js';

const dialog = (page) => page.getByRole('dialog');

test('undo and redo every change: buttons, Ctrl+Z and Ctrl+Shift+Z, typed digits one step', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await expect(page.locator('#undo')).toBeDisabled();
  const before = await npv(page, 'colocation').innerText();

  // Typed key by key, as a person types: "160" is one step, not three.
  const lease = field(page, 'colocation.leaseUsdPerKwMonth');
  await lease.evaluate((el) => {
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
  });
  await lease.selectText();
  await page.keyboard.type('160');
  await settled(page);
  const edited = await npv(page, 'colocation').innerText();
  expect(edited).not.toBe(before);
  await expect(page.locator('#undo')).toBeEnabled();
  await expect(page.locator('#undo')).toHaveAttribute('title', /^Undo: .*Lease rate \(Ctrl\+Z\)$/);

  await page.locator('#undo').click();
  await expect(lease).not.toHaveValue('160');
  await expect(npv(page, 'colocation')).toHaveText(before);
  await expect(page.locator('#undo')).toBeDisabled();
  await expect(page.locator('#undo-status')).toHaveText('Undone: Colocation lease · Lease rate.');

  await page.locator('#redo').click();
  await expect(lease).toHaveValue('160');
  await expect(npv(page, 'colocation')).toHaveText(edited);

  // The keyboard, from inside the field: the scenario's undo, not the text box's.
  await lease.focus();
  await page.keyboard.press('Control+z');
  await expect(npv(page, 'colocation')).toHaveText(before);
  await page.keyboard.press('Control+Shift+z');
  await expect(npv(page, 'colocation')).toHaveText(edited);

  // A second field is a second step; undoing both returns to the start, in order.
  await setField(page, 'site.powerPriceUsdPerMwh', 60);
  await page.keyboard.press('Control+z');
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('45');
  await expect(npv(page, 'colocation')).toHaveText(edited);
  await page.keyboard.press('Control+z');
  await expect(npv(page, 'colocation')).toHaveText(before);
  // A new change after undoing clears what could be redone.
  await setField(page, 'site.powerPriceUsdPerMwh', 50);
  await expect(page.locator('#redo')).toBeDisabled();
  expect(problems).toEqual([]);
});

test('a sample is a history entry: Back returns to the scenario before it, Forward to the sample', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await setField(page, 'site.powerPriceUsdPerMwh', 41);
  const mine = await npv(page, 'colocation').innerText();
  const url = page.url();
  // An unsaved edit: the sample asks first. "Keep editing" keeps everything.
  await page.locator('#sample-site').selectOption('hydro-30');
  await expect(dialog(page)).toContainText('Replace your unsaved edits?');
  await dialog(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('41');
  await page.locator('#sample-site').selectOption('hydro-30');
  await dialog(page).getByRole('button', { name: 'Replace them' }).click();
  await expect(field(page, 'site.gridCapacityMw')).toHaveValue('30');
  const sample = await npv(page, 'colocation').innerText();

  // Back stays on the page (it used to leave it for about:blank) and shows the edited inputs.
  await page.goBack();
  await expect(field(page, 'site.gridCapacityMw')).not.toHaveValue('30');
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('41');
  await expect(npv(page, 'colocation')).toHaveText(mine);
  expect(page.url()).toBe(url);
  await page.goForward();
  await expect(field(page, 'site.gridCapacityMw')).toHaveValue('30');
  await expect(npv(page, 'colocation')).toHaveText(sample);

  // Reset is an entry too, and the undo of it brings back the sample in one step.
  await page.locator('#reset').click();
  await expect(field(page, 'site.gridCapacityMw')).not.toHaveValue('30');
  await page.keyboard.press('Control+z');
  await expect(field(page, 'site.gridCapacityMw')).toHaveValue('30');
  // Back walks the entries: Reset's entry → the sample's → the edited default's.
  await page.goBack();
  await expect(field(page, 'site.gridCapacityMw')).toHaveValue('30');
  await page.goBack();
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('41');
  await expect(npv(page, 'colocation')).toHaveText(mine);
  expect(problems).toEqual([]);
});

test('deleting a saved scenario and saving over a name ask first', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await setField(page, 'site.powerPriceUsdPerMwh', 41);
  await page.locator('#scenario-name').fill('Board case');
  await page.locator('#save').click();
  await expect(page.locator('.message')).toContainText('Saved “Board case”');

  // The same name with other inputs: replacing it asks, and "keep" keeps the saved one.
  await setField(page, 'site.powerPriceUsdPerMwh', 52);
  await page.locator('#save').click();
  await expect(dialog(page)).toContainText('Replace the saved “Board case”?');
  await dialog(page).getByRole('button', { name: 'Keep the saved one' }).click();
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('minepivot.v1.scenario:Board case')).scenario.site.powerPriceUsdPerMwh);
  expect(await stored()).toBe(41);
  await page.locator('#save').click();
  await dialog(page).getByRole('button', { name: 'Replace it' }).click();
  await expect(page.locator('.message').last()).toContainText('Replaced the saved “Board case”');
  expect(await stored()).toBe(52);
  // Saving the same inputs again under the same name is not a question.
  await page.locator('#save').click();
  await expect(dialog(page)).toHaveCount(0);

  // Delete asks; Escape keeps it, the button deletes it.
  await page.locator('#saved-list').selectOption('Board case');
  await page.locator('#delete-saved').click();
  await expect(dialog(page)).toContainText('Delete “Board case”?');
  // The cautious answer has the focus, so a reflexive Enter deletes nothing.
  await expect(dialog(page).getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.screenshot({ path: 'artifacts/confirm.png' });
  await page.keyboard.press('Escape');
  await expect(page.locator('#saved-list option')).toHaveText(['Board case']);
  await page.locator('#delete-saved').click();
  await dialog(page).getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('#saved-list option')).toHaveText(['no saved scenarios']);

  // Open after edits asks too (the entry is gone; import the same question through a file).
  await setField(page, 'site.powerPriceUsdPerMwh', 47);
  await page.locator('#import-json').setInputFiles({
    name: 'case.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ schemaVersion: 5, site: { powerPriceUsdPerMwh: 39 } })),
  });
  await expect(dialog(page)).toContainText('Importing case.json replaces every input');
  await dialog(page).getByRole('button', { name: 'Replace them' }).click();
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('39');
  await page.goBack();
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('47');
  expect(problems).toEqual([]);
});
