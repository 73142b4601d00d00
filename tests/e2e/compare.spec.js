// Compare scenarios: up to four columns (current inputs, saved scenarios, a sample site), each
// figure with its difference from the first, one cash-flow line per scenario, and a scenario
// that cannot be evaluated showing why in its own column while the others still show.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watch, open, setField } from './helpers.js';

const PREFIX = 'minepivot.v1.scenario:';

/** Saves the current inputs under `name` with the power price changed, as a person would. */
async function saveWithPowerPrice(page, name, price) {
  await page.locator('#scenario-name').fill(name);
  await setField(page, 'site.powerPriceUsdPerMwh', price);
  await page.locator('#save').click();
}

/** "$269.0 M", "−$1.23 B", "+$4.5 k", "$950" → USD; the shown rounding comes with it. */
function dollars(text) {
  const m = /^([+−-]?)\$([\d,.]+)(?: ([kMB]))?$/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  const scale = { k: 1e3, M: 1e6, B: 1e9 }[m[3]] ?? 1;
  const step = { k: 100, M: 1e5, B: 1e7 }[m[3]] ?? 1;
  return { value: (m[1] === '' || m[1] === '+' ? 1 : -1) * Number(m[2].replace(/,/g, '')) * scale, step };
}

const results = (page) => page.locator('#compare-results');
const row = (page, label) => results(page).locator('tr').filter({ has: page.locator('th', { hasText: label }) });

/** Four scenarios: the current inputs, two saved ones and the 30 MW hydro sample site. */
async function compareFour(page) {
  await open(page);
  await saveWithPowerPrice(page, 'Cheap power', 30);
  await saveWithPowerPrice(page, 'Dear power', 70);
  // Back to the default power price (45 USD/MWh) in the current inputs.
  await page.locator('#scenario-name').fill('Today');
  await setField(page, 'site.powerPriceUsdPerMwh', 45);
  await page.locator('#compare-slot-1').selectOption({ label: 'Current inputs' });
  await page.locator('#compare-slot-2').selectOption({ label: 'Cheap power' });
  await page.locator('#compare-add').click();
  await page.locator('#compare-slot-3').selectOption({ label: 'Dear power' });
  await page.locator('#compare-add').click();
  await page.locator('#compare-slot-4').selectOption({ label: '30 MW hydro site' });
  await expect(page.locator('#compare-add')).toBeDisabled();
  await page.locator('#compare-run').click();
  await expect(results(page).locator('thead th')).toHaveText(['Figure', 'Current inputs', 'Cheap power', 'Dear power', '30 MW hydro site']);
}

test('four scenarios: a column each, differences from the first, a line each on the chart', async ({ page }) => {
  const problems = watch(page);
  await compareFour(page);
  await expect(page.locator('#compare')).toHaveAttribute('data-computed-in', 'worker');
  await expect(results(page).locator('caption')).toContainText('difference from the first, “Current inputs”');

  // The second column's NPV difference is its NPV less the first's, to the shown rounding
  // (each figure is rounded to its last digit, so the shown difference may be off by one step).
  // Cheaper power (30 against 45 USD/MWh) is worth more to the pathways that pay for power.
  for (const pathway of ['Keep mining', 'Own GPU cloud']) {
    const cells = row(page, `${pathway}: NPV`).locator('td');
    await expect(cells).toHaveCount(4);
    const first = dollars(await cells.nth(0).locator('.figure').innerText());
    const second = dollars(await cells.nth(1).locator('.figure').innerText());
    const delta = await cells.nth(1).locator('.delta').innerText();
    expect(delta).toMatch(/^\+\$/);
    const shown = dollars(delta);
    const step = Math.max(first.step, second.step, shown.step);
    expect(Math.abs(shown.value - (second.value - first.value))).toBeLessThanOrEqual(1.5 * step);
    // The first column is the reference: no difference under its figures.
    await expect(cells.nth(0).locator('.delta')).toHaveCount(0);
  }
  // The colocation tenant pays the power: the lease's NPV does not move with its price.
  const lease = row(page, 'AI colocation lease: NPV').locator('td');
  await expect(lease.nth(1).locator('.delta')).toHaveText('same');
  await expect(lease.nth(1).locator('.figure')).toHaveText(await lease.nth(0).locator('.figure').innerText());
  // IRR differences in percentage points, payback in months, each with its sign.
  await expect(row(page, 'AI colocation lease: IRR').locator('td').nth(3).locator('.delta')).toHaveText(/^([+−][\d.]+ pp|same)$/);
  await expect(row(page, 'AI colocation lease: payback').locator('td').nth(3).locator('.delta')).toHaveText(/^([+−][\d,]+ months?|same)$/);

  // The chart: one line per scenario, named in its legend, and a text alternative.
  const legend = page.locator('#compare-chart .u-legend .u-series');
  await expect(legend).toHaveCount(5);
  await expect(legend.locator('.u-label')).toHaveText(['Month', 'Current inputs', 'Cheap power', 'Dear power', '30 MW hydro site']);
  const canvas = page.locator('#compare-chart canvas[role="img"]');
  await expect(canvas).toHaveAttribute('aria-label', /Cumulative net cash flow of .*Cheap power: .*30 MW hydro site: /);
  // The pathway picker starts on the first scenario's best pathway and redraws on a change.
  const best = await page.locator('#compare-pathway option:checked').getAttribute('value');
  expect(best).toBe(await page.evaluate(() => document.querySelector('.card.best')?.dataset.pathway));
  await page.locator('#compare-pathway').selectOption('mining');
  await expect(canvas).toHaveAttribute('aria-label', /^Cumulative net cash flow of Keep mining/);

  // The inputs that differ: the power price, per column, and the hydro site's own inputs.
  const power = page.locator('#compare-inputs tr').filter({ hasText: 'Power price' }).locator('td');
  await expect(power).toHaveText(['45', '30', '70', /\d/]);
  await expect(page.locator('#compare-inputs tr').filter({ hasText: 'Grid capacity' }).locator('td')).toHaveText(['100', '100', '100', '30']);

  const axe = await new AxeBuilder({ page }).include('#compare-panel').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.locator('#compare-panel').screenshot({ path: 'artifacts/compare.png' });
  // A switch to the dark scheme redraws the chart in its colours, lines and legend kept.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(legend).toHaveCount(5);
  await page.locator('#compare-panel').screenshot({ path: 'artifacts/compare-dark.png' });
  expect(problems).toEqual([]);
});

test('a removed slot leaves the comparison, which redraws with the others', async ({ page }) => {
  const problems = watch(page);
  await compareFour(page);
  await page.locator('[aria-label="Remove scenario 3"]').click();
  await expect(page.locator('#compare-slots select')).toHaveCount(3);
  await expect(page.locator('#compare-slot-3')).toHaveValue('sample:hydro-30');
  await expect(page.locator('#compare-slot-3')).toBeFocused();
  await expect(results(page).locator('thead th')).toHaveText(['Figure', 'Current inputs', 'Cheap power', '30 MW hydro site']);
  await expect(page.locator('#compare-chart .u-legend .u-series')).toHaveCount(4);
  await expect(page.locator('#compare-add')).toBeEnabled();
  // Two slots are the least: they carry no remove button.
  await page.locator('[aria-label="Remove scenario 3"]').click();
  await expect(page.locator('#compare-slots button')).toHaveCount(0);
  await expect(results(page).locator('thead th')).toHaveCount(3);
  // A compared scenario deleted from the browser gives its slot to the first option not shown
  // (the current inputs are, so the next saved one).
  await page.locator('#saved-list').selectOption('Cheap power');
  await page.locator('#delete-saved').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(results(page).locator('thead th')).toHaveText(['Figure', 'Current inputs', 'Dear power']);
  expect(problems).toEqual([]);
});

test('a saved scenario the core refuses shows its errors in its column; the others still show', async ({ page }) => {
  const problems = watch(page);
  // Valid JSON, a saved scenario in form, with a power price above the field's range.
  await page.addInitScript((key) => {
    if (!localStorage.getItem(key)) {
      localStorage.setItem(key, JSON.stringify({ v: 1, savedAt: '2026-01-01T00:00:00Z', scenario: { name: 'Broken', site: { powerPriceUsdPerMwh: 5000 } } }));
    }
  }, `${PREFIX}Broken`);
  await open(page);
  await page.locator('#compare-slot-2').selectOption({ label: 'Broken' });
  await page.locator('#compare-add').click();
  await page.locator('#compare-slot-3').selectOption({ label: '30 MW hydro site' });
  await page.locator('#compare-run').click();
  await expect(results(page).locator('thead th')).toHaveText(['Figure', 'Current inputs', 'Broken', '30 MW hydro site']);
  const verdicts = row(page, 'Verdict').locator('td');
  await expect(verdicts.nth(1)).toHaveClass(/compare-error/);
  await expect(verdicts.nth(1)).toContainText('site.powerPriceUsdPerMwh');
  await expect(verdicts.nth(0)).toContainText('NPV');
  await expect(verdicts.nth(2)).toContainText('NPV');
  // The failed column's cell spans the table; the others' NPVs are numbers, the hydro site's
  // with its difference from the first.
  const npvs = row(page, 'Keep mining: NPV').locator('td');
  await expect(npvs).toHaveCount(2);
  await expect(npvs.nth(0)).toHaveText(/^−?\$[\d,.]+ [kMB]$/);
  await expect(npvs.nth(1).locator('.delta')).toHaveText(/^[+−]\$/);
  await expect(page.locator('#compare-chart .u-legend .u-series')).toHaveCount(3);
  // The refused value is there to see among the inputs that differ.
  await expect(page.locator('#compare-inputs tr').filter({ hasText: 'Power price' }).locator('td').nth(1)).toHaveText('5,000');
  await page.locator('#compare-results').screenshot({ path: 'artifacts/compare-error.png' });
  expect(problems).toEqual([]);
});

test('at 360 px the panel fits: the tables scroll inside their strip, the page does not', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await compareFour(page);
  await expect(page.locator('#compare-chart canvas').first()).toBeVisible();
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(inner);
  const strip = page.locator('#compare .table-scroll').first();
  expect(await strip.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await strip.focus();
  await expect(strip).toBeFocused();
  await page.locator('#compare-panel').screenshot({ path: 'artifacts/compare-mobile.png' });
  expect(problems).toEqual([]);
});
