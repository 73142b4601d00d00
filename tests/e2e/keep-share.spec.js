// Keep and share: the link, saved scenarios, CSV/JSON out and in, compare — and what happens
// when any of them is damaged or hostile.
import { readFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { watch, open, npv, field, setField, expectNoNaN } from './helpers.js';

const PREFIX = 'minepivot.v1.scenario:';
const base64url = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');

test('a share link reopened in a new page restores the same scenario and numbers', async ({ page, context }) => {
  const problems = watch(page);
  await open(page);
  await setField(page, 'site.powerPriceUsdPerMwh', 38);
  await setField(page, 'colocation.leaseUsdPerKwMonth', 165);
  await setField(page, 'retrofit.convertedSharePct', 60);
  // The button copies the link at once, even if the last keystroke's evaluation is pending.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('#share').click();
  await expect(page.locator('.message')).toContainText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/\/minepivot\/#s=1\.[A-Za-z0-9_-]+$/);
  expect(url).toBe(page.url());
  const numbers = await page.locator('[data-npv]').allInnerTexts();
  const verdict = await page.locator('#verdict').innerText();

  const other = await context.newPage();
  const otherProblems = watch(other);
  await other.goto(url);
  await other.waitForSelector('html[data-ready="true"]');
  await expect(field(other, 'site.powerPriceUsdPerMwh')).toHaveValue('38');
  await expect(field(other, 'colocation.leaseUsdPerKwMonth')).toHaveValue('165');
  await expect(field(other, 'retrofit.convertedSharePct')).toHaveValue('60');
  expect(await other.locator('[data-npv]').allInnerTexts()).toEqual(numbers);
  await expect(other.locator('#verdict')).toHaveText(verdict);
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
});

test('the link holds the layout version and only what differs from the default, and the default has no link at all', async ({ page }) => {
  await open(page);
  expect(new URL(page.url()).hash).toBe('');
  await setField(page, 'site.powerPriceUsdPerMwh', 50);
  await expect(page).toHaveURL(/#s=1\./);
  const payload = new URL(page.url()).hash.slice('#s=1.'.length);
  // The version travels with the differences: a later minepivot reads them against the
  // defaults of this version, not its own.
  expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({ schemaVersion: 7, site: { powerPriceUsdPerMwh: 50 } });
});

test('a version-1 link written before the version travelled with it opens with the same numbers', async ({ page }) => {
  const problems = watch(page);
  await open(page, `#s=1.${base64url({ site: { powerPriceUsdPerMwh: 50 } })}`);
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('50');
  const old = await page.locator('[data-npv]').allInnerTexts();
  await open(page, `#s=1.${base64url({ schemaVersion: 1, site: { powerPriceUsdPerMwh: 50 } })}`);
  expect(await page.locator('[data-npv]').allInnerTexts()).toEqual(old);
  expect(problems).toEqual([]);
});

test('a scenario saved by version 1 opens after the upgrade with the numbers it had, and without a loan', async ({ page }) => {
  const problems = watch(page);
  // What a version-1 build saved: its whole scenario (its defaults, power at $33/MWh).
  const v1 = JSON.parse(await readFile(new URL('../../src/released/defaults-v1.json', import.meta.url), 'utf8'));
  v1.site.powerPriceUsdPerMwh = 33;
  // The same change as a version-1 link: both read against version 1's defaults.
  await open(page, `#s=1.${base64url({ schemaVersion: 1, site: { powerPriceUsdPerMwh: 33 } })}`);
  const byLink = await page.locator('[data-npv]').allInnerTexts();
  await page.evaluate(([prefix, scenario]) => localStorage.setItem(`${prefix}Board v1`, JSON.stringify({ v: 1, savedAt: '2026-06-01T00:00:00Z', scenario })), [PREFIX, v1]);
  await open(page);
  const today = await page.locator('[data-npv]').allInnerTexts();
  await page.locator('#saved-list').selectOption('Board v1');
  await page.locator('#open-saved').click();
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('33');
  expect(await page.locator('[data-npv]').allInnerTexts()).toEqual(byLink);
  expect(byLink).not.toEqual(today);
  // Version 1 had no project debt: the loans read 0 %, the financing table says none.
  await expect(field(page, 'colocation.debt.loanToCostPct')).toHaveValue('0');
  await expect(page.locator('#financing tr[data-pathway="colocation"] td').first()).toHaveText('none');
  expect(problems).toEqual([]);
});

test('the disclosed Hut 8 lease of the docs imports and shows the numbers the CLI prints', async ({ page }) => {
  // docs/methodology-pathways.md "A disclosed deal": `cargo minepivot evaluate
  // docs/examples/hut8-river-bend.json --format table` prints an NPV of $1.02 B for the lease,
  // a $1.97 B loan at 85.0 % and a 46.9 % equity IRR (minimum DSCR 1.75×).
  const problems = watch(page);
  await open(page);
  await page.locator('#import-json').setInputFiles(new URL('../../docs/examples/hut8-river-bend.json', import.meta.url).pathname);
  await expect(page.locator('.scenario-name')).toContainText('Hut 8 River Bend');
  await expect(npv(page, 'colocation')).toHaveText('$1.02 B');
  const row = page.locator('#financing tr[data-pathway="colocation"]');
  await expect(row).toContainText('$1.97 B');
  await expect(row).toContainText('85.0 %');
  await expect(row).toContainText('46.9 %');
  await expect(row).toContainText('1.75×');
  expect(problems).toEqual([]);
});

const BAD_LINKS = [
  ['truncated', `#s=1.${base64url({ site: { powerPriceUsdPerMwh: 50, gridCapacityMw: 80 } }).slice(0, 25)}`, /damaged or incomplete/],
  ['junk characters', '#s=1.%3Cscript%3Ealert(1)%3C/script%3E', /damaged/],
  ['unknown format', '#s=7.e30', /unknown link format/],
  ['not an object', `#s=1.${base64url([1, 2, 3])}`, /does not hold a scenario/],
  ['huge', `#s=1.${'A'.repeat(50_000)}`, /far longer than any scenario/],
  ['invalid values', `#s=1.${base64url({ site: { gridCapacityMw: -5 }, bitcoin: { btcPriceUsd: 'lots' }, sneaky: 1 })}`, /^(?=.*site\.gridCapacityMw must be between 0\.1 and 5,000 MW)(?=.*bitcoin\.btcPriceUsd must be a number)(?=.*sneaky is not a field).*Showing the default scenario instead/],
  ['prototype pollution', `#s=1.${base64url(JSON.parse('{"__proto__":{"polluted":1},"site":{"__proto__":{"polluted":1}}}'))}`, null],
];

for (const [name, hash, message] of BAD_LINKS) {
  test(`a ${name} share link shows a clear message and the default stays usable`, async ({ page }) => {
    const problems = watch(page);
    await open(page, hash);
    if (message) await expect(page.locator('.message.error')).toHaveText(message);
    // The default scenario is on screen and still answers to input.
    await expect(field(page, 'site.gridCapacityMw')).toHaveValue('100');
    await expect(page.locator('#verdict')).not.toBeEmpty();
    expect(await page.evaluate(() => ({}).polluted)).toBeUndefined();
    const before = await npv(page, 'colocation').innerText();
    await setField(page, 'colocation.leaseUsdPerKwMonth', 170);
    await expect(npv(page, 'colocation')).not.toHaveText(before);
    await expectNoNaN(page);
    expect(problems).toEqual([]);
  });
}

test('a saved scenario survives a reload and opens again', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await setField(page, 'site.powerPriceUsdPerMwh', 41);
  await page.locator('#scenario-name').fill('Board case A');
  await page.locator('#save').click();
  await expect(page.locator('.message')).toContainText('Saved “Board case A”');
  await page.goto('./');
  await page.waitForSelector('html[data-ready="true"]');
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('45');
  await expect(page.locator('#saved-list option')).toHaveText(['Board case A']);
  await page.locator('#open-saved').click();
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('41');
  await expect(page.locator('.scenario-name')).toHaveText('Board case A');
  expect(problems).toEqual([]);
});

test('a corrupt saved entry is reported and the others survive', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await page.evaluate((prefix) => {
    localStorage.setItem(`${prefix}Broken`, '{"v":1,"scenario":{"site":');
    localStorage.setItem(`${prefix}Wrong shape`, '[1,2,3]');
    localStorage.setItem(`${prefix}Good`, JSON.stringify({ v: 1, savedAt: '2026-01-01T00:00:00Z', scenario: { name: 'Good', site: { powerPriceUsdPerMwh: 33 } } }));
    localStorage.setItem('some-other-app', 'not ours');
  }, PREFIX);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await expect(page.locator('.message[data-corrupt="Broken"]')).toContainText('could not be read (it is not valid JSON)');
  await expect(page.locator('.message[data-corrupt="Wrong shape"]')).toContainText('not a saved scenario');
  await expect(page.locator('#saved-list option')).toHaveText(['Good']);
  await page.locator('#open-saved').click();
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('33');
  // The reader may remove the broken entry; the good one and other apps' keys stay.
  await page.locator('.message[data-corrupt="Broken"]').getByRole('button', { name: 'Remove it' }).click();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys).toEqual([`${PREFIX}Good`, `${PREFIX}Wrong shape`, 'some-other-app']);
  expect(problems).toEqual([]);
});

test('a saved scenario the core rejects is reported, not opened', async ({ page }) => {
  await open(page);
  await page.evaluate((prefix) => localStorage.setItem(`${prefix}Old`, JSON.stringify({ v: 1, scenario: { horizonYears: 99 } })), PREFIX);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.locator('#open-saved').click();
  await expect(page.locator('.message.error')).toContainText('horizonYears');
  await expect(field(page, 'horizonYears')).toHaveValue('15');
});

test('markup in the scenario name is shown as text and never runs', async ({ page }) => {
  const problems = watch(page);
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await open(page);
  await page.locator('#scenario-name').fill(evil);
  await expect(page.locator('.scenario-name')).toHaveText(evil);
  await page.locator('#save').click();
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.locator('#saved-list').selectOption(evil);
  await page.locator('#open-saved').click();
  await expect(page.locator('.scenario-name')).toHaveText(evil);
  // The same name through a share link and into the compare table.
  const link = `#s=1.${base64url({ name: evil })}`;
  await open(page, link);
  await expect(page.locator('.scenario-name')).toHaveText(evil);
  await page.locator('#compare-slot-1').selectOption({ label: evil });
  await page.locator('#compare-run').click();
  await expect(page.locator('#compare th').filter({ hasText: evil }).first()).toBeVisible();
  await expect(page.locator('#compare-chart .u-legend .u-label').filter({ hasText: evil }).first()).toHaveText(evil);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('#app img, #messages img').count()).toBe(0);
  expect(problems).toEqual([]);
});

test('CSV export is the core’s file: the assumptions, a real header and the same numbers as the page', async ({ page }) => {
  await open(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  expect(download.suggestedFilename()).toBe('minepivot-sample-100-mw-texas-site-cashflows.csv');
  const text = await readFile(await download.path(), 'utf8');
  const all = text.trimEnd().split('\r\n');
  // The assumptions first, as comment lines: the version and every input of the scenario.
  expect(all[0]).toMatch(/^# minepivot \d+\.\d+\.\d+ /);
  expect(all).toContain('# site.gridCapacityMw = 100.0');
  const lines = all.filter((l) => !l.startsWith('# '));
  expect(lines[0]).toBe('pathway,period,index,month,revenueUsd,miningRevenueUsd,aiRevenueUsd,curtailmentCreditUsd,sellBackUsd,demandResponseUsd,powerCostUsd,energyMwh,miningHoursRun,avoidedChargesUsd,opexUsd,capexUsd,assetSalesUsd,taxUsd,netCashFlowUsd,cumulativeUsd,loanDrawUsd,loanFeeUsd,interestUsd,principalUsd,debtServiceUsd,loanBalanceUsd,dscr,equityCashFlowUsd');
  // 3 pathways × (15 years + 180 months + the value at the horizon) + the header.
  expect(lines).toHaveLength(1 + 3 * (15 + 180 + 1));
  const rows = lines.slice(1).map((l) => l.split(','));
  // Every row has every column; amounts have two decimals (an empty DSCR where there is no debt
  // service, and cumulative and equity flow on the value-at-the-horizon rows). Checked in one
  // pass and asserted once: 16,000 expect() calls take longer than the test's timeout.
  const bad = rows.filter((r) => r.length !== 28 || r.slice(4).some((v) => !/^(-?\d+\.\d{2})?$/.test(v)));
  expect(bad.slice(0, 3)).toEqual([]);
  // Year 1 of colocation: its net cash flow equals the twelve monthly rows added up, and the
  // yearly table on the page shows the same figure in USD millions.
  const net = lines[0].split(',').indexOf('netCashFlowUsd');
  const year1 = rows.find((r) => r[0] === 'colocation' && r[1] === 'year' && r[2] === '1');
  expect(year1[3]).toBe('2027-01');
  const monthly = rows.filter((r) => r[0] === 'colocation' && r[1] === 'month' && Number(r[2]) < 12);
  const sum = monthly.reduce((acc, r) => acc + Number(r[net]), 0);
  expect(Math.abs(sum - Number(year1[net]))).toBeLessThan(0.05);
  const cell = await page.locator('#years tbody tr').first().locator('td').nth(2).innerText();
  expect(cell).toBe((Number(year1[net]) / 1e6).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).replace('-', '−'));
});

test('JSON export holds scenario and report, and imports back to the same numbers', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await setField(page, 'bitcoin.btcPriceUsd', 95000);
  await expect(page.locator('#app')).not.toHaveClass(/stale/);
  const numbers = await page.locator('[data-npv]').allInnerTexts();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(doc.scenario.bitcoin.btcPriceUsd).toBe(95000);
  expect(doc.report.pathways.map((p) => p.id)).toEqual(['mining', 'colocation', 'gpuCloud']);
  expect(doc.generator).toMatch(/^minepivot \d+\.\d+\.\d+/);

  // The edit is unsaved: Reset asks first.
  await page.locator('#reset').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace them' }).click();
  await expect(field(page, 'bitcoin.btcPriceUsd')).toHaveValue('78000');
  await page.locator('#import-json').setInputFiles(await download.path());
  await expect(field(page, 'bitcoin.btcPriceUsd')).toHaveValue('95000');
  expect(await page.locator('[data-npv]').allInnerTexts()).toEqual(numbers);

  // A file that is not a scenario is refused with a message; the page keeps its scenario.
  await page.locator('#import-json').setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"site": {"gridCapacityMw": "big"}}') });
  await expect(page.locator('.message.error')).toContainText('junk.json could not be opened');
  await expect(page.locator('.message.error')).toContainText('site.gridCapacityMw');
  await expect(field(page, 'bitcoin.btcPriceUsd')).toHaveValue('95000');
  await page.locator('#import-json').setInputFiles({ name: 'text.json', mimeType: 'application/json', buffer: Buffer.from('hello') });
  await expect(page.locator('.message.error').last()).toContainText('not JSON');
  // 100,000 levels of nesting: refused with a message, no stack overflow anywhere.
  const deep = '{"site":'.repeat(1) + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
  await page.locator('#import-json').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
  await expect(page.locator('.message.error').last()).toContainText('nested more than 32 levels deep');
  await expect(field(page, 'bitcoin.btcPriceUsd')).toHaveValue('95000');
  expect(problems).toEqual([]);
});

test('two saved scenarios compare side by side, computed in the worker', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await page.locator('#scenario-name').fill('Cheap power');
  await setField(page, 'site.powerPriceUsdPerMwh', 30);
  await page.locator('#save').click();
  await page.locator('#scenario-name').fill('Dear power');
  await setField(page, 'site.powerPriceUsdPerMwh', 70);
  await page.locator('#save').click();
  const dearMining = await npv(page, 'mining').innerText();
  await page.locator('#compare-slot-1').selectOption({ label: 'Cheap power' });
  await page.locator('#compare-slot-2').selectOption({ label: 'Dear power' });
  await page.locator('#compare-run').click();
  const results = page.locator('#compare-results');
  await expect(results.locator('thead th')).toHaveText(['Figure', 'Cheap power', 'Dear power']);
  await expect(page.locator('#compare')).toHaveAttribute('data-computed-in', 'worker');
  await expect(results.locator('tr', { hasText: 'Keep mining: NPV' }).locator('td').nth(1).locator('.figure')).toHaveText(dearMining);
  // Dearer power costs the miner: the difference from the first column is a loss.
  await expect(results.locator('tr', { hasText: 'Keep mining: NPV' }).locator('td').nth(1).locator('.delta')).toHaveText(/^−\$[\d.]+ M$/);
  const inputs = page.locator('#compare-inputs');
  await expect(inputs.locator('tr', { hasText: 'Power price' }).locator('td')).toHaveText(['30', '70']);
  await expect(inputs.locator('tr', { hasText: 'name' })).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('notices do not stack: twelve Resets show one notice counted ×12, and at most three show at once', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  for (let i = 0; i < 12; i++) await page.locator('#reset').click();
  await expect(page.locator('.message')).toHaveCount(1);
  await expect(page.locator('.message')).toContainText('Back to the default scenario. (×12)');
  // Five different errors in a row (files that are not scenarios): the page keeps three.
  for (let i = 0; i < 5; i++) {
    await page.locator('#import-json').setInputFiles({ name: `junk-${i}.json`, mimeType: 'application/json', buffer: Buffer.from('hello') });
  }
  await expect(page.locator('.message')).toHaveCount(3);
  await expect(page.locator('.message').last()).toContainText('junk-4.json');
  expect(problems).toEqual([]);
});

test('the tornado says each moved value with its unit, and where a field\'s range stopped the move', async ({ page }) => {
  // Default: power price 45 USD/MWh moved ±20 % → 36 and 54 USD/MWh; occupancy 100 % can
  // only go down: ↑ stays at 100 % (its limit); the capex multiple reads in × the cost library.
  const problems = watch(page);
  await open(page);
  const row = (label) => page.locator('#tornado li').filter({ has: page.locator('.t-label', { hasText: label }) });
  await expect(row(/^Power price$/).locator('.t-values')).toContainText(/↓ [\d.,]+ USD\/MWh: /);
  await expect(row(/^Power price$/).locator('.t-values')).toContainText(/↑ [\d.,]+ USD\/MWh: /);
  await expect(row(/^Occupancy$/).locator('.t-values')).toContainText('↑ 100 % (its limit)');
  await expect(row(/^Occupancy$/).locator('.t-values')).toContainText('↓ 80 %:');
  await expect(row(/^Capex/).locator('.t-values')).toContainText('↓ 0.8 × the cost library');
  expect(problems).toEqual([]);
});
