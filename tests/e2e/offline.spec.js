// The installable offline app (issue 20): after one visit, a service worker (vite-plugin-pwa,
// Workbox) has precached every asset of the build, so with the network cut the page reloads
// with its numbers, the risk worker runs, and the methodology page opens.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { watch, open, npv } from './helpers.js';

test('after one visit the page, the risk run and the methodology work with the network cut', async ({ page, context }) => {
  const problems = watch(page);
  await open(page);
  // The worker has installed and precached everything (main.js marks it, and says so).
  await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 20_000 });
  await expect(page.locator('#offline')).toHaveText('Works offline on this device.');
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel="manifest"]').href)).json());
  expect(manifest.short_name).toBe('minepivot');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.length).toBeGreaterThan(0);

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await expect(npv(page, 'colocation')).toHaveText(/\$/);
  // The risk worker (a separate chunk, and the wasm it loads) comes from the cache too.
  await page.locator('#risk-paths').fill('500');
  await page.locator('#risk-run').click();
  await expect(page.locator('#risk')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(page.locator('#risk-table tbody tr')).toHaveCount(3);
  await expect(page.locator('#risk-notes')).toContainText('500 paths');
  // The methodology page, never opened online in this test, was precached with the rest.
  await page.goto('./methodology.html');
  await expect(page.locator('h1')).toBeVisible();
  await context.setOffline(false);
  expect(problems).toEqual([]);
});

test('a new version announces itself and reloads when asked', async ({ page }) => {
  // A new build is a changed sw.js: the test serves one (the same worker with a comment
  // appended) once the first has taken over, then puts the file back.
  const problems = watch(page);
  const sw = fileURLToPath(new URL('../../dist/sw.js', import.meta.url));
  const original = await readFile(sw, 'utf8');
  try {
    await open(page);
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 20_000 });
    // The second visit is the one the worker controls (a first visit's page never is).
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null && document.documentElement.dataset.ready === 'true');
    await writeFile(sw, `${original}\n// the next version\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const reload = page.locator('#reload-new-version');
    await expect(reload).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('#messages')).toContainText('A new version of minepivot is ready');
    // Nothing happens until the person asks; then the page reloads under the new worker.
    await page.evaluate(() => { window.__beforeUpdate = true; });
    await reload.click();
    await page.waitForFunction(() => !window.__beforeUpdate && document.documentElement.dataset.ready === 'true', null, { timeout: 20_000 });
    await expect(page.locator('#reload-new-version')).toHaveCount(0);
  } finally {
    await writeFile(sw, original);
  }
  expect(problems).toEqual([]);
});
