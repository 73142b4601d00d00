// How the page looks and reads: screenshots (kept in artifacts/ and looked at), the 360 px
// phone width, dark mode, the printed report, the keyboard, and the security policy.
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { watch, open, field } from './helpers.js';

const ART = 'artifacts';

test.beforeAll(async () => {
  await mkdir(ART, { recursive: true });
});

test('desktop screenshot, 1366 × 900', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await open(page);
  await page.screenshot({ path: `${ART}/desktop.png` });
  await page.screenshot({ path: `${ART}/desktop-full.png`, fullPage: true });
  expect(problems).toEqual([]);
});

test('phone: usable at 360 px wide with nothing sticking out sideways', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 360, height: 780 });
  await open(page);
  await page.screenshot({ path: `${ART}/mobile.png` });
  await page.screenshot({ path: `${ART}/mobile-full.png`, fullPage: true });
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
  expect(widths.doc).toBeLessThanOrEqual(360);
  expect(widths.body).toBeLessThanOrEqual(360);
  // The answer comes before the inputs on a phone.
  const verdictY = await page.locator('#verdict').evaluate((el) => el.getBoundingClientRect().top);
  const formY = await page.locator('#inputs').evaluate((el) => el.getBoundingClientRect().top);
  expect(verdictY).toBeLessThan(formY);
  // Wide tables scroll inside their panel instead of widening the page.
  await expect(page.locator('#years')).toHaveCSS('overflow-x', 'auto');
  expect(problems).toEqual([]);
});

test('dark mode follows the system', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const problems = watch(page);
  await open(page);
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(20, 22, 27)');
  await page.screenshot({ path: `${ART}/desktop-dark.png` });
  expect(problems).toEqual([]);
  await context.close();
});

test('print gives one clean report: no form, no buttons, every section open', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('#inputs')).toBeHidden();
  await expect(page.locator('.toolbar')).toBeHidden();
  await expect(page.locator('#verdict')).toBeVisible();
  await expect(page.locator('#assumptions')).toBeVisible();
  await expect(page.locator('table.bill').first()).toBeVisible();
  await page.screenshot({ path: `${ART}/print.png`, fullPage: true });
  // The PDF a CFO files (Chrome's own export, print media, A4).
  await page.pdf({ path: `${ART}/report.pdf`, format: 'A4', printBackground: true });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('#assumptions')).toBeHidden();
  await expect(page.locator('#inputs')).toBeVisible();
  expect(problems).toEqual([]);
});

test('keyboard: the inputs, groups and actions are reachable and work without a mouse', async ({ page }) => {
  await open(page);
  await field(page, 'site.gridCapacityMw').focus();
  await page.keyboard.press('Tab');
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toBeFocused();
  // Arrow keys step the value and the answer follows.
  const before = await page.locator('[data-npv="colocation"]').innerText();
  await page.keyboard.press('ArrowUp');
  await expect(field(page, 'site.powerPriceUsdPerMwh')).toHaveValue('46');
  // A closed group opens from the keyboard.
  await page.locator('#group-gpuCloud > summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#group-gpuCloud')).toHaveAttribute('open', '');
  await expect(field(page, 'gpuCloud.rentUsdPerGpuHour')).toBeVisible();
  expect(before).toBeTruthy();
});

test('the built page has a Content-Security-Policy, no inline script and no outside URL', async ({ page }) => {
  const html = await readFile('dist/index.html', 'utf8');
  expect(html).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/src=/);
    expect(body.trim()).toBe('');
  }
  const files = await readdir('dist/assets');
  for (const f of files.filter((n) => /\.(js|css|html)$/.test(n))) {
    const text = await readFile(`dist/assets/${f}`, 'utf8');
    expect(text, f).not.toMatch(/https?:\/\/(fonts\.|cdn\.|unpkg|jsdelivr)/);
  }
  // The policy is enforced: the page runs under it without a violation.
  const violations = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await open(page);
  expect(violations).toEqual([]);
});

test('the methodology page opens from the calculator and lists every default’s source from the core', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await page.getByRole('link', { name: 'Methodology & sources' }).click();
  await expect(page.locator('h1')).toContainText('methodology');
  await expect(page.locator('#sources-status')).toContainText('scenario defaults');
  const defaults = page.locator('table.sources').first();
  await expect(defaults.locator('tr', { hasText: 'site.powerPriceUsdPerMwh' })).toContainText(/\d{4}-\d{2}/);
  expect(await page.locator('table.sources tbody tr').count()).toBeGreaterThan(60);
  await page.screenshot({ path: `${ART}/methodology.png` });
  expect(problems).toEqual([]);
});
