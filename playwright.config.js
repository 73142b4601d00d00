// Browser tests of the built page in Debian's Chromium (Playwright's own browser download is
// not reachable from these machines). The server is tests/e2e/serve.mjs over dist/.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.PAGE_PORT || 4178);

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/minepivot/`,
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node tests/e2e/serve.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/minepivot/`,
    reuseExistingServer: false,
    timeout: 10_000,
  },
});
