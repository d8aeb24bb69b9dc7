// The production build, in two parts: the client app into `outDir` (what browsers download),
// and the same app built for Node into `${outDir}-server` (what the real server renders article
// pages with: src/client/entry-server.tsx). `npm run build`, `npm start`, the bench and the
// browser tests all build through here, so that the two parts never come from different sources.
import { build } from 'vite';

/** Builds both parts; `outDir` relative to the project folder, or absolute. */
export async function buildProduction({ outDir = 'dist', logLevel = 'warn' } = {}) {
  await build({ mode: 'production', logLevel, build: { outDir, emptyOutDir: true } });
  await build({
    mode: 'production',
    logLevel,
    // Self-contained: the renderer runs from wherever the build is put, with no node_modules beside it.
    ssr: { noExternal: true },
    // The public files are the browser build's to serve; the renderer needs none of them.
    build: { ssr: 'src/client/entry-server.tsx', outDir: `${outDir.replace(/[\\/]+$/, '')}-server`, emptyOutDir: true, copyPublicDir: false },
  });
}

// `node tools/build-production.mjs [outDir]`: npm run build.
if (import.meta.url === `file://${process.argv[1]}`) {
  await buildProduction({ outDir: process.argv[2] ?? 'dist', logLevel: 'info' });
}
