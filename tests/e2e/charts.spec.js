// The charts as a board reads them: each has a summary in words whose numbers are the report's,
// a data table reachable by keyboard, a legend operated by keyboard, labels that do not collide
// on a phone, PNG and SVG downloads, and no accessibility violations in light or dark.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watch, open } from './helpers.js';

const MAIN = ['#chart-cashflow', '#chart-hashprice', '#chart-duration'];
const PANELS = { '#chart-cashflow': 'cf-title', '#chart-hashprice': 'hp-title', '#chart-duration': 'power-title' };
// The light colours of styles.css: exports are light whatever the page's scheme.
const LIGHT = { mining: '#b87700', colocation: '#0072b2', gpuCloud: '#00855f' };

/** "$1.23 B", "−$45.6 M", "$950" → a number. */
function dollars(text) {
  const m = /^(−?)\$([\d,.]+)(?: ([kMB]))?$/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  const scale = { k: 1e3, M: 1e6, B: 1e9 }[m[3]] ?? 1;
  return (m[1] ? -1 : 1) * Number(m[2].replaceAll(',', '')) * scale;
}
const millions = (text) => Number(text.replace('−', '-').replaceAll(',', '')) * 1e6;

async function runRisk(page, paths = 500) {
  await page.locator('#risk-paths').fill(String(paths));
  await page.locator('#risk-run').click();
  await expect(page.locator('#risk')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  await expect(page.locator('#risk-map svg rect').first()).toBeAttached();
}

/** The PNG's pixel size from its IHDR chunk, after checking the signature. */
function pngSize(bytes) {
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function save(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test('each main chart says what matters in words, with the year table\'s numbers, and its data table opens from the keyboard', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  const summary = page.locator('#chart-cashflow .chart-summary');
  await expect(summary).toContainText('Cumulative net cash flow');
  // The year table's last row: net and cumulative per pathway; the cumulatives are every second cell.
  const last = page.locator('#years tbody tr').last();
  const cells = await last.locator('td').allInnerTexts();
  const cumulative = cells.filter((_, k) => k % 2 === 1);
  const labels = (await page.locator('#chart-cashflow .legend-toggle').allInnerTexts()).map((t) => t.trim());
  expect(labels).toHaveLength(3);
  const text = await summary.innerText();
  labels.forEach((label, k) => {
    const m = new RegExp(`${label} (?:ends highest )?at (−?\\$[\\d,.]+(?: [kMB])?)`).exec(text);
    expect(m, `${label} in "${text}"`).not.toBeNull();
    // The summary rounds to $0.01 B or $0.1 M, the table to $0.1 M.
    const said = dollars(m[1]);
    const shown = millions(cumulative[k]);
    expect(Math.abs(said - shown)).toBeLessThanOrEqual(Math.max(0.06e6, Math.abs(shown) * 0.005));
  });
  // The chart's own table ends on the same row as the year table.
  const tableLast = await page.locator('#chart-cashflow .chart-data-table tbody tr').last().locator('td').allTextContents();
  expect(tableLast).toEqual(cumulative);
  await expect(page.locator('#chart-hashprice .chart-summary')).toContainText(/Hashprice, USD per PH\/s per day: \$[\d.]+ \(\d{4}-\d{2}\) at the start/);
  await expect(page.locator('#chart-duration .chart-summary')).toContainText(/average \$[\d.,]+\/MWh/);

  for (const id of MAIN) {
    // From the last legend button, Tab reaches the table's summary; Enter opens it; Tab reaches the table.
    await page.locator(`${id} .legend-toggle`).last().focus();
    await page.keyboard.press('Tab');
    const opener = page.locator(`${id} .chart-data > summary`);
    await expect(opener).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator(`${id} .chart-data`)).toHaveAttribute('open', '');
    await page.keyboard.press('Tab');
    const region = page.locator(`${id} .chart-table`);
    await expect(region).toBeFocused();
    await expect(region).toHaveAttribute('role', 'region');
    expect(await region.locator('tbody tr').count()).toBeGreaterThan(5);
    // Monthly series are tabled by year, not month by month.
    expect(await region.locator('tbody tr').count()).toBeLessThan(40);
  }
  expect(problems).toEqual([]);
});

test('a legend name is a button: Tab to it, Space hides the series, Enter shows it again', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  const host = page.locator('#chart-cashflow');
  await page.locator('#chart-cashflow [data-export="svg"]').focus();
  await page.keyboard.press('Tab');
  const first = page.locator('#chart-cashflow .legend-toggle[data-series="1"]');
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(first).toHaveAttribute('aria-pressed', 'false');
  await expect(host).toHaveAttribute('data-shown', '[false,true,true]');
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(host).toHaveAttribute('data-shown', '[true,true,true]');
  expect(problems).toEqual([]);
});

for (const width of [360, 320]) {
  test(`at ${width} px every chart fits its box and no two labels overlap`, async ({ page }) => {
    const problems = watch(page);
    await page.setViewportSize({ width, height: 800 });
    await open(page);
    for (const id of MAIN) {
      const sizes = await page.locator(`${id} .chart-box`).evaluate((box) => ({ box: box.clientWidth, canvas: box.querySelector('canvas').getBoundingClientRect().width, figure: box.closest('.chart-figure').scrollWidth, host: box.closest('.chart-host').clientWidth }));
      expect(sizes.canvas, id).toBeLessThanOrEqual(sizes.box);
      expect(sizes.figure, id).toBeLessThanOrEqual(sizes.host);
    }
    for (const id of ['#chart-cashflow', '#chart-hashprice']) {
      const rects = JSON.parse(await page.locator(`${id} .uplot`).getAttribute('data-labels'));
      expect(rects.length, id).toBeGreaterThan(0);
      for (let a = 0; a < rects.length; a++) {
        for (let b = a + 1; b < rects.length; b++) {
          const [p, q] = [rects[a], rects[b]];
          const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
          expect(apart, `${id}: ${JSON.stringify(p)} and ${JSON.stringify(q)}`).toBe(true);
        }
      }
    }
    await mkdir('artifacts', { recursive: true });
    await page.locator('section[aria-labelledby="cf-title"]').screenshot({ path: `artifacts/charts-cashflow-${width}.png` });
    await page.locator('section[aria-labelledby="hp-title"]').screenshot({ path: `artifacts/charts-hashprice-${width}.png` });
    await page.locator('section[aria-labelledby="power-title"]').screenshot({ path: `artifacts/charts-power-${width}.png` });
    expect(problems).toEqual([]);
  });
}

test('the cash-flow chart downloads as a PNG at twice its size and as an SVG drawn from the data', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  const canvasWidth = await page.locator('#chart-cashflow canvas').evaluate((c) => c.getBoundingClientRect().width);
  const png = await save(page, page.getByRole('button', { name: 'Download the cash-flow chart as PNG' }));
  expect(png.name).toMatch(/^minepivot-[a-z0-9-]+-cash-flow\.png$/);
  const size = pngSize(png.bytes);
  expect(size.width).toBe(Math.round(canvasWidth * 2));
  expect(size.height).toBeGreaterThan(2 * 240);
  await mkdir('artifacts', { recursive: true });
  await writeFile('artifacts/charts-export-cash-flow.png', png.bytes);

  // Hide GPU cloud: the SVG draws the two shown series only.
  await page.locator('#chart-cashflow .legend-toggle[data-series="3"]').click();
  const svg = await save(page, page.getByRole('button', { name: 'Download the cash-flow chart as SVG' }));
  await writeFile('artifacts/charts-export-cash-flow.svg', svg.bytes);
  expect(svg.name).toMatch(/^minepivot-[a-z0-9-]+-cash-flow\.svg$/);
  const text = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror') !== null,
      ns: root.namespaceURI,
      title: doc.querySelector('text.chart-title')?.textContent,
      series: [...doc.querySelectorAll('path.series')].map((p) => ({ label: p.getAttribute('data-label'), stroke: p.getAttribute('stroke'), dash: p.getAttribute('stroke-dasharray'), points: (p.getAttribute('d').match(/[ML]/g) || []).length })),
      halvings: doc.querySelectorAll('line.halving').length,
      ticks: [...doc.querySelectorAll('text.tick')].map((n) => n.textContent),
      construction: doc.querySelectorAll('rect.construction').length,
    };
  }, text);
  expect(parsed.error).toBe(false);
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect(parsed.title).toBe('Cumulative cash flow');
  expect(parsed.series.map((s) => s.stroke)).toEqual([LIGHT.mining, LIGHT.colocation]);
  expect(parsed.series[1].dash).toBe('10 5');
  expect(parsed.series[0].points).toBeGreaterThan(100);
  expect(parsed.halvings).toBeGreaterThanOrEqual(3);
  expect(parsed.construction).toBe(1);
  // The axes' labels as the screen shows them: years across, amounts up.
  expect(parsed.ticks.filter((t) => /^20\d\d$/.test(t)).length).toBeGreaterThanOrEqual(5);
  expect(parsed.ticks).toContain('$0');
  expect(problems).toEqual([]);
});

test('the risk panel\'s charts have summaries, data tables and downloads after a run', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await runRisk(page);
  await expect(page.locator('#chart-risk .chart-summary')).toContainText(/NPV over 500 simulated paths/);
  await expect(page.locator('#chart-btc-fan .chart-summary')).toContainText(/BTC price: P50 \$/);
  await expect(page.locator('#chart-hashprice-fan .chart-summary')).toContainText(/Hashprice per PH\/s per day: P50 \$/);
  await expect(page.locator('#chart-decision-map .chart-summary')).toContainText(/Decision map, 25 × 25 cells/);
  // The histogram's bins (and the tails), the fans' years, the map's 25 rows.
  expect(await page.locator('#chart-risk .chart-data-table tbody tr').count()).toBeGreaterThanOrEqual(10);
  expect(await page.locator('#chart-btc-fan .chart-data-table tbody tr').count()).toBeGreaterThanOrEqual(5);
  await expect(page.locator('#chart-decision-map .chart-data-table tbody tr')).toHaveCount(25);
  await expect(page.locator('#chart-decision-map .chart-data-table thead th')).toHaveCount(26);
  for (const id of ['#chart-risk', '#chart-btc-fan', '#chart-hashprice-fan', '#chart-decision-map']) {
    await expect(page.locator(`${id} [data-export="png"]`)).toBeVisible();
    await expect(page.locator(`${id} [data-export="svg"]`)).toBeVisible();
  }
  const hist = await save(page, page.getByRole('button', { name: 'Download the NPV histogram as SVG' }));
  expect(hist.name).toMatch(/-npv-histogram\.svg$/);
  expect((hist.bytes.toString('utf8').match(/class="series"/g) || []).length).toBe(3);
  const fan = await save(page, page.getByRole('button', { name: 'Download the BTC price fan as PNG' }));
  const fanWidth = await page.locator('#chart-btc-fan canvas').evaluate((c) => c.getBoundingClientRect().width);
  expect(pngSize(fan.bytes).width).toBe(Math.round(fanWidth * 2));
  const map = await save(page, page.getByRole('button', { name: 'Download the decision map as SVG' }));
  expect(map.name).toMatch(/-decision-map\.svg$/);
  const mapText = map.bytes.toString('utf8');
  expect(mapText).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect((mapText.match(/<rect /g) || []).length).toBeGreaterThanOrEqual(626);
  expect(mapText).not.toMatch(/class="map-tick"/);
  const mapPng = await save(page, page.getByRole('button', { name: 'Download the decision map as PNG' }));
  expect(pngSize(mapPng.bytes).width).toBe(1120);
  await mkdir('artifacts', { recursive: true });
  await writeFile('artifacts/charts-export-decision-map.png', mapPng.bytes);
  await writeFile('artifacts/charts-export-btc-price-fan.png', fan.bytes);
  await page.locator('#risk-results').screenshot({ path: 'artifacts/charts-risk-1366.png' });
  expect(problems).toEqual([]);
});

for (const scheme of ['light', 'dark']) {
  test(`the chart panels have no accessibility violations (${scheme})`, async ({ page }) => {
    // axe reads the decision map's 625 cells and its 625-cell table: slower than a page test.
    test.setTimeout(120_000);
    const problems = watch(page);
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    await runRisk(page);
    // The tables are checked open, as a keyboard user opens them.
    for (const d of await page.locator('.chart-data').all()) await d.evaluate((el) => { el.open = true; });
    for (const [id, title] of Object.entries(PANELS)) {
      const result = await new AxeBuilder({ page }).include(`section[aria-labelledby="${title}"]`).analyze();
      expect(result.violations.map((v) => `${id}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    const risk = await new AxeBuilder({ page }).include('#risk-results').analyze();
    expect(risk.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await mkdir('artifacts', { recursive: true });
    await page.locator('section[aria-labelledby="cf-title"]').screenshot({ path: `artifacts/charts-cashflow-1366-${scheme}.png` });
    expect(problems).toEqual([]);
  });
}
