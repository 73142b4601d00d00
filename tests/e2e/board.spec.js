// The board summary (issue 20): one printed page, A4 and Letter, beside the full report.
import { mkdir } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { watch, open, setField } from './helpers.js';

const ART = 'artifacts';

/** Pages of a PDF written by Chrome: the page tree's root counts them. */
function pageCount(pdf) {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)]
    .map((m) => Number(m[1] ?? m[2]));
  return Math.max(...counts);
}

/** Prints the way the Board summary button does (headless Chromium has no print dialog). */
async function boardPrint(page) {
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.locator('#print-board').click();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
}

test.beforeAll(async () => {
  await mkdir(ART, { recursive: true });
});

test('the board summary is one page on A4 and on Letter: verdict, cards, chart, capex, risk, changed inputs', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await setField(page, 'site.powerPriceUsdPerMwh', 41);
  await setField(page, 'colocation.leaseUsdPerKwMonth', 150);
  // A quick risk run, so its table is on the page to be summarised.
  await page.locator('#risk-paths').fill('500');
  await page.locator('#risk-run').click();
  await expect(page.locator('#risk .risk-results table.risk-table').first()).toBeVisible({ timeout: 20_000 });

  await boardPrint(page);
  await expect(page.locator('#verdict')).toBeVisible();
  await expect(page.locator('[data-npv="colocation"]')).toBeVisible();
  await expect(page.locator('#chart-cashflow')).toBeVisible();
  await expect(page.locator('#capex .stack')).toBeVisible();
  await expect(page.locator('table.bill').first()).toBeHidden();
  await expect(page.locator('#tornado')).toBeHidden();
  await expect(page.locator('#years')).toBeHidden();
  const extra = page.locator('#board-extra');
  await expect(extra).toBeVisible();
  await expect(extra.locator('.board-risk table')).toBeVisible();
  await expect(extra.locator('h2').last()).toHaveText('Inputs that differ from the defaults (2)');
  await expect(extra.locator('.board-inputs li')).toHaveText([
    'Site · Power price: 41 USD/MWh (default 45 USD/MWh)',
    'Colocation lease · Lease rate: 150 USD per kW-month (default 130 USD per kW-month)',
  ]);
  await expect(page.locator('#print-meta')).toContainText(/Printed \d{4}-\d{2}-\d{2} from minepivot \d+\.\d+\.\d+\. This scenario: http/);

  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: `${ART}/board.png`, fullPage: true });
  const a4 = await page.pdf({ path: `${ART}/board-a4.pdf`, format: 'A4', printBackground: true });
  expect(pageCount(a4)).toBe(1);
  // Chrome's PDF export fires beforeprint and afterprint itself: the A4 export ended the
  // board mode, as closing the print dialog does. The button starts it again.
  await expect(page.locator('html')).not.toHaveAttribute('data-print');
  await page.emulateMedia({ media: 'screen' });
  await page.locator('#print-board').click();
  await page.emulateMedia({ media: 'print' });
  const letter = await page.pdf({ path: `${ART}/board-letter.pdf`, format: 'Letter', printBackground: true });
  expect(pageCount(letter)).toBe(1);

  // After printing the page is as it was; the next print is the full report again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(extra).toBeEmpty();
  await expect(page.locator('html')).not.toHaveAttribute('data-print');
  expect(problems).toEqual([]);
});

test('the full report is still the whole report, several pages', async ({ page }) => {
  await open(page);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('html')).toHaveAttribute('data-print', 'full');
  await expect(page.locator('#board-extra')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pageCount(pdf)).toBeGreaterThan(3);
});
