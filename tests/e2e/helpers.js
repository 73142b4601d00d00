// Shared steps of the page tests: open the page, watch the console, read the numbers.
import { expect } from '@playwright/test';

/** Every console error, page error and dialog is a test failure: collected here, asserted at the end. */
export function watch(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    await d.dismiss();
  });
  return problems;
}

export async function open(page, hash = '') {
  await page.goto(`./${hash}`);
  await page.waitForSelector('html[data-ready="true"]');
}

export const npv = (page, id) => page.locator(`[data-npv="${id}"]`);
export const field = (page, path) => page.locator(`[data-path="${path}"]`);

/** Types a new value into a number field the way a person does. */
export async function setField(page, path, value) {
  const input = field(page, path);
  // Open the group the field sits in, as a person would by clicking its heading.
  await input.evaluate((el) => {
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
  });
  await input.fill(String(value));
  await settled(page);
}

/** Waits until the page has evaluated the last input (the debounce has fired). */
export async function settled(page) {
  await expect(page.locator('html')).not.toHaveAttribute('data-pending', 'true');
}

/** The page's visible text must never show a NaN or Infinity. */
export async function expectNoNaN(page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\bNaN\b|Infinity|undefined/);
}
