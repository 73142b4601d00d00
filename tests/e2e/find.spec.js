// Find an input (issue 20): with ~120 inputs behind collapsed groups, typing a word shows the
// inputs that match, their groups opened, and clearing the box restores the form.
import { test, expect } from '@playwright/test';
import { watch, open, field, npv, settled } from './helpers.js';

test('typing "tenor" shows the two loans\' tenors, opened; Escape restores the groups', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  const search = page.getByRole('searchbox', { name: 'Find an input' });
  const openBefore = await page.locator('#inputs details[open]').count();
  await search.fill('tenor');
  await expect(page.locator('#input-search-count')).toHaveText('2 inputs match');
  await expect(field(page, 'colocation.debt.tenorYears')).toBeVisible();
  await expect(field(page, 'gpuCloud.debt.tenorYears')).toBeVisible();
  await expect(field(page, 'site.gridCapacityMw')).toBeHidden();
  await expect(page.locator('#group-site')).toBeHidden();

  // Every word must match: "gpu tenor" is the GPU cloud's only.
  await search.fill('gpu tenor');
  await expect(page.locator('#input-search-count')).toHaveText('1 input matches');
  await expect(field(page, 'colocation.debt.tenorYears')).toBeHidden();

  // A found input is edited as any other, and the answer follows.
  await search.fill('lease rate');
  const before = await npv(page, 'colocation').innerText();
  await field(page, 'colocation.leaseUsdPerKwMonth').fill('160');
  await settled(page);
  await expect(npv(page, 'colocation')).not.toHaveText(before);

  await search.fill('zzz');
  await expect(page.locator('#input-search-count')).toHaveText('No input matches “zzz”.');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(field(page, 'site.gridCapacityMw')).toBeVisible();
  await expect(page.locator('#inputs details[open]')).toHaveCount(openBefore);
  // Ctrl+Z in the search box is the box's own; the scenario's undo stays on its buttons.
  await search.fill('lease');
  await search.press('Control+z');
  await expect(field(page, 'colocation.leaseUsdPerKwMonth')).toHaveValue('160');
  expect(problems).toEqual([]);
});
