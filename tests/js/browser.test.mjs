// The packed package in Chromium, twice: bundled by Vite (the `browser` condition, the .wasm
// shipped as an asset) and loaded by a plain `<script type="module">` through an import map
// (no bundler at all). Run by scripts/test-js.sh with CONSUMER_DIR = the temporary project
// that installed the tarball and built the Vite app into dist/.
import assert from "node:assert/strict";
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { after, before, test } from "node:test";

import { chromium } from "playwright-core";

const root = resolve(process.env.CONSUMER_DIR ?? ".");
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

let server;
let browser;
let origin;

before(async () => {
  // A static server on 127.0.0.1: the right MIME type for .wasm lets the browser stream-compile.
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    // Chromium asks for one; a 404 for it would read as a failed load in the console.
    if (path === "/favicon.ico") return response.writeHead(204).end();
    let file = join(root, path);
    if (!file.startsWith(root)) return response.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      statSync(file);
    } catch {
      return response.writeHead(404).end();
    }
    response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("requestfailed", (request) => problems.push(`requestfailed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(`${origin}${path}`);
  return { page, problems };
}

test("a Vite build of an app importing minepivot computes in Chromium", async () => {
  const { page, problems } = await open("/dist/");
  // Default fleet: 8,000 × 270 + 10,000 × 200 + 9,000 × 104 TH/s = 5,096 PH/s.
  await page.waitForFunction(() => document.querySelector("#fleet")?.textContent !== "…", null, { timeout: 20_000 });
  assert.equal(await page.textContent("#fleet"), "5096 PH/s");
  assert.match(await page.textContent("#version"), /^\d+\.\d+\.\d+$/);
  const fields = await page.$$eval("#problems li", (items) => items.map((li) => li.dataset.field));
  assert.deepEqual(fields.sort(), ["horizonYears", "site.gridCapacityMw"]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a plain <script type=module> with an import map loads the web build", async () => {
  const { page, problems } = await open("/plain/");
  await page.waitForFunction(() => document.querySelector("#fleet")?.textContent !== "…", null, { timeout: 20_000 });
  assert.equal(await page.textContent("#fleet"), "5096 PH/s");
  assert.deepEqual(problems, []);
  await page.close();
});
