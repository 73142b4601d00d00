// Builds the static calculator from www/ into dist/. Relative asset URLs (base './') let
// dist/ be served from any sub-path or opened from a plain static host.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
// An installable, offline app (issue 20): the maintained PWA plugin generates the web manifest
// and a Workbox service worker that precaches every asset of the build.
import { VitePWA } from 'vite-plugin-pwa';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// The dev server injects imported CSS as <style> elements, which the page's policy forbids;
// only while developing is the policy relaxed for them. The build keeps it strict.
const devStyles = {
  name: 'minepivot-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  root: here('./www'),
  plugins: [
    devStyles,
    VitePWA({
      // A new version waits until the person asks for it (main.js shows the notice).
      registerType: 'prompt',
      // main.js registers it (virtual:pwa-register), so the notice can offer the reload.
      injectRegister: false,
      manifest: {
        name: 'minepivot — keep mining, lease to AI, or run a GPU cloud?',
        short_name: 'minepivot',
        description: 'Retrofit capex, cash flows, NPV, IRR, payback and risk for turning a bitcoin mine into an AI data centre; computed on this device.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f5fbf',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // Every asset of the build: the pages, the scripts, the risk worker, the wasm, the icon.
        globPatterns: ['**/*.{html,js,css,wasm,svg,webmanifest}'],
        // The wasm is ~0.8 MB; the default limit is 2 MB, this leaves room.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: null,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  base: './',
  resolve: {
    // The page imports the package the way an embedder would; the web build of it lives in pkg/web.
    alias: { minepivot: here('./pkg/web/index.js') },
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    // The package initialises its wasm with top-level await.
    target: 'es2022',
    rolldownOptions: {
      input: {
        main: here('./www/index.html'),
        methodology: here('./www/methodology.html'),
      },
    },
  },
  // The risk worker imports the same package, so it must be an ES module worker.
  worker: { format: 'es' },
  server: { fs: { allow: [here('.')] } },
  preview: { host: '127.0.0.1' },
});
