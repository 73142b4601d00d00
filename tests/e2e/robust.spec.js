// Hostile share links and storage beyond keep-share.spec.js (which covers truncated base64,
// junk characters, a 50,000-character link, invalid values, markup in the name and corrupt
// JSON in storage): a 1 MB link, a payload whose JSON is cut off but whose base64 is sound,
// wrong types in every section, and saved entries of the wrong types.
import { test, expect } from '@playwright/test';
import { watch, open, npv, field, setField, expectNoNaN } from './helpers.js';

const PREFIX = 'minepivot.v1.scenario:';
const base64url = (text) => Buffer.from(text).toString('base64url');

/** The default scenario is on screen, computes, and still answers to input. */
async function defaultStillUsable(page) {
  await expect(field(page, 'site.gridCapacityMw')).toHaveValue('100');
  await expect(page.locator('#verdict')).not.toBeEmpty();
  const before = await npv(page, 'colocation').innerText();
  await setField(page, 'colocation.leaseUsdPerKwMonth', 170);
  await expect(npv(page, 'colocation')).not.toHaveText(before);
  await expectNoNaN(page);
}

test('a 1 MB share link is refused by its length, at once, and the default stays usable', async ({ page }) => {
  const problems = watch(page);
  // A valid-looking payload: base64url of a megabyte of JSON (a name of ~750,000 characters).
  const hash = `#s=1.${base64url(JSON.stringify({ name: 'x'.repeat(750_000) }))}`;
  expect(hash.length).toBeGreaterThan(1_000_000);
  const started = Date.now();
  await open(page, hash);
  expect(Date.now() - started).toBeLessThan(15_000);
  await expect(page.locator('.message.error')).toHaveText(/^The link is 1,000,\d{3} characters long — far longer than any scenario; it was not read\. Showing the default scenario instead\./);
  await defaultStillUsable(page);
  expect(problems).toEqual([]);
});

test('a link whose JSON is cut off (sound base64) is damaged or incomplete', async ({ page }) => {
  const problems = watch(page);
  await open(page, `#s=1.${base64url('{"site":{"powerPriceUsdPerMwh":50,"gridCapacityMw":8')}`);
  await expect(page.locator('.message.error')).toContainText('The link is damaged or incomplete (was it cut off when copied?). Showing the default scenario instead.');
  await defaultStillUsable(page);
  expect(problems).toEqual([]);
});

test('wrong types in every section of a link are named, and the default is shown', async ({ page }) => {
  const problems = watch(page);
  const wrong = { site: 5, bitcoin: [1], mining: 'lots', retrofit: true, colocation: 7, gpuCloud: [], finance: 'x' };
  await open(page, `#s=1.${base64url(JSON.stringify(wrong))}`);
  const message = page.locator('.message.error');
  // Seven problems, one per section, each "must be an object" (a list included: the core no
  // longer reads `[1]` as a struct by position), in the document's order; the summary names
  // four and counts the rest.
  await expect(message).toContainText('The shared link could not be opened: site must be an object; bitcoin must be an object; ');
  await expect(message).toContainText('(and 3 more)');
  await expect(message).toContainText('Showing the default scenario instead.');
  await defaultStillUsable(page);
  expect(problems).toEqual([]);
});

test('saved entries of the wrong types are reported, the good one opens, other keys survive', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await page.evaluate((prefix) => {
    localStorage.setItem(`${prefix}Null`, 'null');
    localStorage.setItem(`${prefix}Number`, '42');
    localStorage.setItem(`${prefix}Huge`, `"${'x'.repeat(200_000)}"`);
    localStorage.setItem(`${prefix}Good`, JSON.stringify({ v: 1, savedAt: '2026-01-01T00:00:00Z', scenario: { name: 'Good', site: { powerPriceUsdPerMwh: 33 } } }));
    localStorage.setItem('some-other-app', 'not ours');
  }, PREFIX);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  for (const name of ['Null', 'Number', 'Huge']) {
    await expect(page.locator(`.message[data-corrupt="${name}"]`)).toContainText('not a saved scenario');
  }
  await expect(page.locator('#saved-list option')).toHaveText(['Good']);
  await page.locator('#open-saved').click();
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('33');
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys).toEqual([`${PREFIX}Good`, `${PREFIX}Huge`, `${PREFIX}Null`, `${PREFIX}Number`, 'some-other-app']);
  await expectNoNaN(page);
  expect(problems).toEqual([]);
});
