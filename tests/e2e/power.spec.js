// Power as it is priced (issue 18): a real ERCOT year imported through the page, its duration
// curve and curtailment shown, kept across a reload; a broken file refused by its row.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { watch, open, npv } from './helpers.js';

const year2021 = readFileSync(new URL('../../data/ercot-dam-hb-hubavg/2021.csv', import.meta.url));

test('the duration curve shows where each ASIC line curtails, and each pathway its price per MWh', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  const panel = page.locator('#power-title').locator('..');
  await expect(panel).toContainText('ERCOT 2024, day-ahead hub average, scaled to the site\'s price');
  await expect(panel.locator('#chart-duration canvas')).toHaveCount(1);
  // The three default lines, each with its break-even and its share of the year's hours.
  await expect(panel.locator('table').nth(1).locator('tbody tr')).toHaveCount(3);
  await expect(panel).toContainText('Antminer S19j Pro (29.5 J/TH)');
  await expect(page.locator('article[data-pathway="mining"]')).toContainText('Power paid');
  expect(problems).toEqual([]);
});

test('an ERCOT year imported through the page prices the months, survives a reload, and a broken one is refused by its row', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  const before = await npv(page, 'mining').textContent();
  await page.locator('#group-power > summary').click();
  const box = page.locator('.curve.profile');
  await box.locator('input[type="file"]').setInputFiles({ name: '2021.csv', mimeType: 'text/csv', buffer: year2021 });
  // data/README.md: 8,760 hours, from −$0.12 to $8,994 (Winter Storm Uri), one negative hour.
  await expect(box.locator('.curve-summary')).toContainText('2021.csv (2021): 8,760 hours, average $145.61/MWh, from −$0.12 to $8,994.10, 1 negative');
  await expect(page.locator('[data-path="power.profile"]')).toHaveValue('imported');
  const panel = page.locator('#power-title').locator('..');
  await expect(panel).toContainText('Imported: 2021.csv (2021), scaled to the site\'s price');
  await expect(npv(page, 'mining')).not.toHaveText(before);
  const after = await npv(page, 'mining').textContent();
  // The link cannot carry 8,760 numbers; this tab keeps them, so a reload shows the same.
  const hash = await page.evaluate(() => location.hash);
  expect(hash.startsWith('#s=1.') && hash.length < 2_000, hash.slice(0, 80)).toBe(true);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await expect(page.locator('.curve.profile .curve-summary')).toContainText('2021.csv (2021): 8,760 hours');
  await expect(npv(page, 'mining')).toHaveText(after);
  // A file with a broken row: named, and the year in use kept.
  await page.locator('#group-power > summary').click();
  const broken = year2021.toString().replace('2021-01-01 05:00:00+00:00', '2021-01-01 05:00:00+00:00,,oops');
  await page.locator('.curve.profile input[type="file"]').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken.replace(/(2021-01-01 05:00:00\+00:00,,oops)[^\n]*/, '$1')) });
  await expect(page.locator('.curve.profile .error')).toContainText('row 7');
  await expect(page.locator('.curve.profile .curve-summary')).toContainText('2021.csv (2021)');
  await expect(npv(page, 'mining')).toHaveText(after);
  expect(problems).toEqual([]);
});

test('a link made with an imported year opens on the built-in year elsewhere, and says so', async ({ page, context }) => {
  await open(page);
  await page.locator('#group-power > summary').click();
  await page.locator('.curve.profile input[type="file"]').setInputFiles({ name: '2021.csv', mimeType: 'text/csv', buffer: year2021 });
  await expect(page.locator('.curve.profile .curve-summary')).toContainText('2021.csv (2021)');
  await expect(page.locator('#power-note')).toContainText('Imported: 2021.csv (2021)');
  const hash = await page.evaluate(() => location.hash);
  expect(hash).toContain('#s=1.');
  // Another tab has no session storage of this one.
  const other = await context.newPage();
  await open(other, hash);
  await expect(other.locator('#messages')).toContainText('imported year of hourly prices (“2021.csv (2021)”), which a link cannot carry');
  await expect(other.locator('[data-path="power.profile"]')).toHaveValue('ercot2024');
});
