// Builds the static calculator from www/ into dist/. Relative asset URLs (base './') let
// dist/ be served from any sub-path or opened from a plain static host.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

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
  plugins: [devStyles],
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
