import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const [url, w, hgt, name, scheme, sel] = process.argv.slice(2);
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(hgt) }, colorScheme: scheme || 'light' });
page.on('console', m => console.log('console', m.type(), m.text()));
page.on('pageerror', e => console.log('pageerror', e.message));
await page.goto(url);
await page.waitForSelector('html[data-ready]');
if (sel) { const el = page.locator(sel).first(); await el.evaluate(e => { for (let d = e.closest('details') || e.querySelector('details'); d; d = d.parentElement?.closest('details')) d.open = true; }); await el.screenshot({ path: `/tmp/${name}.png` }); }
else {
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log('height', total);
  let i = 0;
  for (let y = 0; y < total && i < 14; y += Number(hgt), i++) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(80);
    await page.screenshot({ path: `/tmp/${name}-${i}.png` });
  }
}
await browser.close();
