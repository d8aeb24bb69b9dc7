// Builds the app twice, as `npm run build` and `npm run build:demo` do, and checks what only a
// build can show: the production build carries no mock code at all, the demo build loads the
// mock backend as a lazy chunk of its own, and the JS the article page loads stays within
// budget. Sizes are deterministic for a given lock file, so the budget may fail CI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { buildProduction } from '../../tools/build-production.mjs';
import { JS_BUDGET_GZIP_BYTES } from './js-budget.mjs';
const OUT = 'node_modules/.cache/reagir-build-check';
// Strings that only the mock backend's code holds.
const MOCK_MARKERS = ['mockServiceWorker', 'setupWorker', 'reagir:mock-db', 'MSW', 'seed-01', 'Booboo'];
// Strings that only the server side holds: the HTTP API and the core (which the mock carries
// into the demo build), and the SQL store.
const SERVER_MARKERS = ['Action de modération inconnue.', 'An idempotency key refused an insert', 'pg_advisory_xact_lock', 'reagir.sqlite'];

const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The scripts index.html loads at once: the entry and what it preloads. */
function initialScripts(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => join(outDir, m[1]));
}

async function buildTo(mode, outDir) {
  await build({ mode, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return filesUnder(outDir);
}

const productionDir = join(OUT, 'production');
await buildProduction({ outDir: productionDir });
// The client build and the server's renderer (production-server/): neither holds mock code.
const production = filesUnder(productionDir);
const renderer = filesUnder(`${productionDir}-server`);
check(renderer.some((file) => file.endsWith('entry-server.js')), 'production build: no entry-server.js for the server to render pages with');
// The renderer is not minified: its comments may quote the seed ("Booboo a écrit…"), so only the
// mock's and the server's code markers are looked for in it.
const CODE_MARKERS = ['mockServiceWorker', 'setupWorker', 'reagir:mock-db', 'reagir:mock-access', ...SERVER_MARKERS];
for (const file of renderer) {
  const text = readFileSync(file, 'utf8');
  for (const marker of CODE_MARKERS) check(!text.includes(marker), `server renderer: ${relative(productionDir, file)} contains "${marker}"`);
}
for (const file of production) {
  const name = relative(productionDir, file);
  check(!/mockServiceWorker|msw|mock/i.test(name), `production build: ${name} looks like mock code`);
  if (/\.(js|html|css)$/.test(file)) {
    const text = readFileSync(file, 'utf8');
    for (const marker of [...MOCK_MARKERS, ...SERVER_MARKERS]) check(!text.includes(marker), `production build: ${name} contains "${marker}"`);
  }
}

const scripts = initialScripts(productionDir);
check(scripts.length > 0, 'production build: index.html loads no script');
const raw = scripts.reduce((sum, file) => sum + statSync(file).size, 0);
const gzip = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
const css = production.filter((file) => file.endsWith('.css'));
const cssGzip = css.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
console.log(`initial JS: ${scripts.length} file(s), ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip (budget ${JS_BUDGET_GZIP_BYTES / 1024} KB); CSS ${(cssGzip / 1024).toFixed(1)} KB gzip`);
check(gzip <= JS_BUDGET_GZIP_BYTES, `initial JS is ${gzip} B gzip, over the budget of ${JS_BUDGET_GZIP_BYTES} B`);

const demoDir = join(OUT, 'demo');
const demo = await buildTo('demo', demoDir);
const demoNames = demo.map((file) => relative(demoDir, file));
check(demoNames.includes('mockServiceWorker.js'), 'demo build: mockServiceWorker.js is missing');
const demoInitial = initialScripts(demoDir).map((file) => readFileSync(file, 'utf8')).join('\n');
check(!demoInitial.includes('setupWorker'), 'demo build: the mock backend is in the initial scripts, not a lazy chunk');
check(
  demo.some((file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes('reagir:mock-db')),
  'demo build: no chunk holds the mock backend',
);
// The markers mean something: the mock's chunk carries the HTTP API and the core.
for (const marker of SERVER_MARKERS.slice(0, 2)) {
  check(
    demo.some((file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes(marker)),
    `demo build: no chunk holds "${marker}", so its absence from production proves nothing`,
  );
}

if (failures.length > 0) {
  console.error(`Build check failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('Build check passed: no mock or server code in the production build; the demo build loads the mock lazily.');
