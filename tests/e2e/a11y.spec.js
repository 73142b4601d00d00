// Accessibility (issue 20): zero axe-core violations in every state the issue lists — desktop,
// 360 px, dark, invalid input with stale results, a warning with its fix, the comparison shown,
// a risk run, the methodology page — with the page's own open sections and dialogs as a person sees them.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watch, open, setField } from './helpers.js';

// axe walks every element of a page that holds a few thousand (the year table, the bills, the
// assumptions): ~5 s on a quiet machine, several times that on a busy one.
test.setTimeout(120_000);

/** The violations, one line each, so a failure says what and where. */
async function violations(page) {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}

/** Opens every collapsed section of the results, so what hides inside is checked too. */
async function openAll(page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('#results details, #inputs details')) d.open = true;
  });
}

test('desktop, every section open', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await openAll(page);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('phone, 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await open(page);
  await openAll(page);
  expect(await violations(page)).toEqual([]);
});

test('dark', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await open(page);
  await openAll(page);
  expect(await violations(page)).toEqual([]);
  await context.close();
});

test('invalid input: the field marked, the last valid results shown as stale', async ({ page }) => {
  await open(page);
  await setField(page, 'site.gridCapacityMw', -5);
  await expect(page.locator('#app')).toHaveClass(/stale/);
  expect(await violations(page)).toEqual([]);
});

test('a warning with its one-click fix, light and dark', async ({ browser }) => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await open(page);
    await page.locator('#group-gpuCloud > summary').click();
    await page.locator('[data-path="gpuCloud.system"]').selectOption('h100');
    await expect(page.locator('#warnings button.fix')).toHaveCount(2);
    expect(await violations(page)).toEqual([]);
    await context.close();
  }
});

test('the comparison shown', async ({ page }) => {
  await open(page);
  await page.locator('#compare-run').click();
  await expect(page.locator('#compare table').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('a risk run with its charts, contributions and map', async ({ page }) => {
  await open(page);
  await page.locator('#risk-paths').fill('500');
  await page.locator('#risk-run').click();
  await expect(page.locator('#risk .risk-results table.risk-table').first()).toBeVisible({ timeout: 20_000 });
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('#risk details')) d.open = true;
  });
  expect(await violations(page)).toEqual([]);
});

test('a confirmation dialog', async ({ page }) => {
  await open(page);
  await setField(page, 'site.powerPriceUsdPerMwh', 41);
  await page.locator('#reset').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the methodology page', async ({ page }) => {
  await page.goto('./methodology.html');
  await page.waitForSelector('table');
  expect(await violations(page)).toEqual([]);
});
