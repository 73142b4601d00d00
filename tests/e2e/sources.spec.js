// Sources a person can follow (issue 20): the date of the market data beside the verdict, the
// capex estimate's accuracy band with its class and source, and sources that are links.
import { test, expect } from '@playwright/test';
import { watch, open, setField, expectNoNaN } from './helpers.js';

test('the verdict says as of which month its market data are, and which inputs are the user\'s', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  const note = page.locator('#verdict-box #market-data');
  // The defaults: BTC price, hashrate and the lease rate read in May 2026, fees and power in
  // December 2025, GPU rent in November 2025; the latest is May 2026.
  await expect(note).toContainText('Market data as of May 2026');
  await expect(note).toContainText('BTC price, network hashrate, lease rate (May 2026)');
  await expect(note).toContainText('GPU rent (November 2025)');
  await expect(note).not.toContainText('Your own values');
  // A BTC price of the user's own is named as theirs; the date stays the defaults'.
  await setField(page, 'bitcoin.btcPriceUsd', 90000);
  await expect(note).toContainText('Your own values: BTC price');
  await expect(note).toContainText('Market data as of May 2026');
  expect(problems).toEqual([]);
});

test('the capex card shows the estimate\'s class and its band, equal to the core\'s total × 0.8 and × 1.3', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  const band = page.locator('#capex #capex-accuracy');
  await expect(band).toContainText('AACE Class 4, −20 % to +30 %');
  // The core's default facility retrofit is $729,569,078 (shown "$729.6 M"); × 0.8 =
  // $583,655,262.40 → "$583.7 M" and × 1.3 = $948,439,801.40 → "$948.4 M" at format.js's one
  // decimal of millions. The GPU cloud builds the facility and its first GPUs, $2,960,279,604:
  // × 0.8 = $2,368,223,683.2 → "$2.37 B", × 1.3 = $3,848,363,485.2 → "$3.85 B".
  await expect(page.locator('#capex strong').first()).toHaveText('$729.6 M');
  await expect(band.locator('.accuracy-range')).toHaveText('$583.7 M to $948.4 M');
  await expect(band).toContainText('the GPU cloud with its first GPUs $2.96 B ($2.37 B to $3.85 B)');
  // The class's source is a link to AACE's public sample of the practice.
  const link = page.locator('#capex .capex-accuracy-source a');
  await expect(link).toHaveAttribute('href', 'https://web.aacei.org/docs/default-source/toc/toc_18r-97.pdf');
  await expectNoNaN(page);
  expect(problems).toEqual([]);
});

test('sources are links: in the itemised bill and on the methodology page', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await page.locator('details.bills > summary').click();
  // The land and shell lines cite Cushman & Wakefield's 2025 guide, read online.
  const billLinks = page.locator('#capex table.bill td.source a.source-link');
  expect(await billLinks.count()).toBeGreaterThan(0);
  for (const href of await billLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^https:\/\//);
  }
  await page.goto('./methodology.html');
  await expect(page.locator('#sources-status')).toContainText('market data as of May 2026');
  const sourceLinks = page.locator('#sources-tables a.source-link');
  expect(await sourceLinks.count()).toBeGreaterThan(20);
  await expect(page.locator('#sources-tables a[href="https://mempool.space/block/840000"]').first()).toBeVisible();
  // The reference data link their figures too: an ASIC of the default fleet, a GPU system.
  const table = (caption) => page.locator('#sources-tables table', { has: page.locator('caption', { hasText: caption }) });
  await expect(table('ASIC models').locator('tr', { hasText: 'Antminer S21 XP' }).locator('a.source-link'))
    .toHaveAttribute('href', 'https://support.bitmain.com/hc/en-us/articles/35383015643673-S21-XP-Specifications');
  await expect(table('GPU systems').locator('tr', { hasText: 'NVIDIA B200 (DGX B200)' }).locator('a.source-link'))
    .toHaveAttribute('href', 'https://business-news-today.com/iren-adds-2400-nvidia-blackwell-gpus-to-ai-cloud-fleet-targets-20000-gpu-scale-at-prince-george/');
  await expect(page.locator('#sources-tables')).not.toContainText('(press)');
  await expect(page.locator('#sources-tables')).not.toContainText('DATA.md');
  expect(problems).toEqual([]);
});
