// `npm run bench [-- --runs K] [--max-wait-s S]`: how the reader holds up on large discussions, in
// Chromium, and how the real server holds up under load. It builds the production app (served by
// the real server, src/server/start.ts, as its own process, on SQLite with generated-1000, -5000
// and -20000 loaded) and the demo app (MSW in a service worker, served by `vite preview`), writes
// static baselines (the same discussion as server-rendered HTML; a bare textarea with its counter),
// compressed once as they are written and served by bench/static-server.mjs, then measures each
// figure K times (5 by default) and reports its median, minimum and maximum:
//   - the JS and CSS the article page loads at once, raw and gzip;
//   - for generated-1000, -5000 and -20000: first comment painted, "Commentaires (N)" painted,
//     the document's time to first byte, first contentful paint, long tasks during load and JS
//     heap after load, for the production app, the demo app and the static page (and its load end);
//   - keystroke latency in a reply form on generated-5000, against the bare page;
//   - the real server on SQLite and on PostgreSQL (bench/server-load.mjs): reads of the first page
//     of generated-20000 at 50 and 200 connections beside the same bytes as a static file, 200
//     concurrent posters, memory after the reads, start-up on an empty and on a loaded database;
//   - the live streams (bench/live-load.mjs): memory per idle reader's stream, and the time an
//     approval takes to reach 1,000 and 3,000 connected readers (on PostgreSQL, through a second process).
// Before anything, it waits (S seconds at most, 180 by default) for the machine's 1-minute load
// average to fall to 1 (bench/quiet-machine.mjs) and marks the figures unreliable when it does
// not. The baselines are checked too (bench/summary.mjs): no ratio is given against one that
// fails its check. It prints tables (bench/report.mjs) and writes bench/results.json. Goals are
// reported, never asserted: this is not a test and no `npm test` step runs it. Everything else it
// writes goes to node_modules/.cache (and a PostgreSQL schema of its own, dropped at the end).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build, preview, runnerImport } from 'vite';
import { buildProduction } from '../tools/build-production.mjs';
import { addVanillaCounter, describedCounter, observeDiscussion, readDiscussionMarks, timeKeystrokes } from './in-page.mjs';
import { DEFAULT_MAX_WAIT_SECONDS, waitForQuietMachine } from './quiet-machine.mjs';
import { formatReport, KEYSTROKE_SIZE, RESULTS_FILE, SUMMARY_SETTINGS } from './report.mjs';
import {
  createSchema,
  dropSchema,
  seedDatabase,
  addBenchModerator,
  startProcess,
  startRealServer,
  stopAllProcesses,
  summariseServerLog,
} from './processes.mjs';
import {
  measureServerRun,
  postgresKind,
  POST_ARTICLE,
  READ_CONNECTIONS,
  READ_PATH,
  READ_SECONDS,
  sqliteKind,
  STATIC_COPY,
  WARMUP_SECONDS,
  WRITE_CONNECTIONS,
  WRITE_SECONDS,
} from './server-load.mjs';
import { measureLiveRun, summariseLive } from './live-load.mjs';
import { bareCounterPage, staticDiscussionPage } from './static-pages.mjs';
import { precompress } from './static-server.mjs';
import { summarise } from './summary.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const { values: options } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, 'max-wait-s': { type: 'string', default: String(DEFAULT_MAX_WAIT_SECONDS) } },
});
const RUNS = Number(options.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs wants a whole number of runs, 1 or more, not "${options.runs}".`);
  process.exit(1);
}
const MAX_WAIT_SECONDS = Number(options['max-wait-s']);
if (!Number.isFinite(MAX_WAIT_SECONDS) || MAX_WAIT_SECONDS < 0) {
  console.error(`--max-wait-s wants a number of seconds, 0 or more, not "${options['max-wait-s']}".`);
  process.exit(1);
}

const SIZES = [1000, 5000, 20_000];
const TARGETS = ['production', 'demo', 'static'];
// 50 characters, all on a US keyboard: Playwright types others without a keydown event.
const TYPED_TEXT = 'Je ne suis pas du tout convaincu par cet argument.';
const KEY_DELAY_MS = 100;
const NAVIGATION_TIMEOUT_MS = 60_000;
// Lets the page finish what follows its first render before it is weighed.
const SETTLE_MS = 1000;
// A safety net: the bench stops by itself even if a browser or server hangs (a run takes about
// 3 minutes on the 2-core machine of the README; builds and seeding about 1 more), after its
// wait for a quiet machine.
const WATCHDOG_MS = (10 + 4 * RUNS) * 60_000 + MAX_WAIT_SECONDS * 1000;

const CACHE = 'node_modules/.cache';
const PRODUCTION_DIR = join(CACHE, 'reagir-bench-production');
const DEMO_DIR = join(CACHE, 'reagir-bench-demo');
const STATIC_DIR = join(CACHE, 'reagir-bench-static');
const LOG_DIR = resolve(CACHE, 'reagir-bench-logs');
// A database where the bench may create a schema of its own (and drop it).
const POSTGRES_URL = process.env.REAGIR_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const cleanups = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error('Cleaning up failed:', error);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanUp().then(() => process.exit(130)));
}
const watchdog = setTimeout(() => {
  console.error(`The bench ran for over ${Math.round(WATCHDOG_MS / 60_000)} minutes: stopping it.`);
  void cleanUp().then(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

/** `close`, made safe to call twice (once by the bench, once more by the cleanup after a failure). */
function once(close) {
  let closing = null;
  return () => (closing ??= Promise.resolve().then(close));
}
/** Registers a cleanup and returns it, to be called earlier when the bench is done with it. */
function deferred(close) {
  const closeOnce = once(close);
  cleanups.push(closeOnce);
  return closeOnce;
}

const log = (message) => console.error(`[bench] ${message}`);

/** A port nobody listens on, tried from `from` upwards. */
async function freePort(from) {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise((resolve) => {
      const probe = createServer().once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port from ${from} to ${from + 99}.`);
}

/** The scripts and stylesheets index.html loads at once, as paths under the build. */
function initialAssets(buildDir) {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const linked = (pattern) => [...html.matchAll(pattern)].map((match) => match[1]);
  return {
    js: linked(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g),
    css: linked(/<link[^>]*rel="stylesheet"[^>]*\shref="\/?([^"]+\.css)"/g),
  };
}

function weigh(buildDir, files) {
  const bytes = files.map((file) => readFileSync(join(buildDir, file)));
  return {
    files,
    rawBytes: bytes.reduce((sum, content) => sum + content.length, 0),
    gzipBytes: bytes.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0),
  };
}

async function buildApps() {
  log('building production and demo…');
  await buildProduction({ outDir: PRODUCTION_DIR });
  await build({ mode: 'demo', logLevel: 'warn', build: { outDir: DEMO_DIR, emptyOutDir: true } });
}

/** Writes the static pages, each compressed once as it is written (brotli and gzip files beside it). */
async function writeStaticPages(stylesheets) {
  log('writing and compressing the static baselines…');
  const { module: fixtures } = await runnerImport('/src/fixtures/generated-article.ts');
  const { module: dates } = await runnerImport('/src/client/lib/format-paris-date.ts');
  rmSync(STATIC_DIR, { recursive: true, force: true });
  mkdirSync(join(STATIC_DIR, 'assets'), { recursive: true });
  // The page's stylesheet and photo, so it looks and lays out as the app does.
  for (const css of stylesheets) copyFileSync(join(PRODUCTION_DIR, css), join(STATIC_DIR, css));
  cpSync(join(PRODUCTION_DIR, 'images'), join(STATIC_DIR, 'images'), { recursive: true });
  const pages = {};
  for (const size of SIZES) {
    const page = staticDiscussionPage({
      article: fixtures.generatedArticle(size),
      comments: fixtures.generatedComments(size),
      stylesheets: stylesheets.map((css) => `/${css}`),
      formatDate: dates.formatParisDateTime,
    });
    const file = join(STATIC_DIR, `generated-${size}.html`);
    writeFileSync(file, page);
    pages[`generated-${size}.html`] = precompress(file);
  }
  writeFileSync(join(STATIC_DIR, 'counter.html'), bareCounterPage());
  pages['counter.html'] = precompress(join(STATIC_DIR, 'counter.html'));
  for (const css of stylesheets) precompress(join(STATIC_DIR, css));
  for (const file of readdirSync(join(STATIC_DIR, 'images'))) precompress(join(STATIC_DIR, 'images', file));
  return pages;
}

/**
 * The databases of the real server: a SQLite file holding the seed article (the one the write load
 * posts to) and generated-1000, -5000 and -20000, for the browser and the load; a PostgreSQL
 * schema of the bench's own holding the seed article and generated-20000, for the load.
 */
async function prepareDatabases() {
  log('preparing the databases (SQLite, PostgreSQL)…');
  rmSync(LOG_DIR, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const dataRoot = resolve(mkdtempSync(join(CACHE, 'reagir-bench-data-')));
  cleanups.push(() => rmSync(dataRoot, { recursive: true, force: true }));
  const schema = `reagir_bench_${process.pid}`;
  try {
    await createSchema(POSTGRES_URL, schema);
  } catch (error) {
    throw new Error(`The bench needs PostgreSQL at ${POSTGRES_URL} (or REAGIR_BENCH_POSTGRES_URL): ${error.message}`, { cause: error });
  }
  cleanups.push(() => dropSchema(POSTGRES_URL, schema));
  // Before the schema is dropped and the data folder removed: every process the bench started.
  cleanups.push(stopAllProcesses);

  const distDir = resolve(PRODUCTION_DIR);
  const sqlite = sqliteKind({ dataDir: join(dataRoot, 'sqlite'), distDir, scratchDir: dataRoot });
  const postgres = postgresKind({ adminUrl: POSTGRES_URL, schema, dataDir: join(dataRoot, 'postgres'), distDir });
  for (const [kind, sizes] of [
    [sqlite, SIZES],
    [postgres, [20_000]],
  ]) {
    // A first start migrates the new database and stores the seed article, as `npm start` does.
    const first = await startRealServer({ name: `${kind.kind}-first-start`, logDir: LOG_DIR, ...kind.seeded });
    await first.stop();
    for (const size of sizes) log(await seedDatabase(kind.seeded, `generated-${size}`));
    log(await addBenchModerator(kind.seeded));
  }
  return { sqlite, postgres, schema };
}

async function startBrowserServers(databases, assets) {
  const production = await startRealServer({ name: 'browser-production', logDir: LOG_DIR, ...databases.sqlite.seeded });
  const stopProduction = deferred(() => production.stop());
  const staticPages = await startProcess({
    args: ['bench/static-server.mjs', STATIC_DIR],
    env: { PATH: process.env.PATH ?? '' },
    stdoutFile: join(LOG_DIR, 'static-pages.log'),
    stderrFile: join(LOG_DIR, 'static-pages.err.log'),
    ready: /listening on (http:\/\/[^/\s]+)/,
  });
  const staticOrigin = staticPages.match[1];
  const stopStatic = deferred(() => staticPages.stop());
  const demoPort = await freePort(4382);
  const demo = await preview({
    logLevel: 'warn',
    build: { outDir: DEMO_DIR },
    preview: { port: demoPort, strictPort: true, host: '127.0.0.1' },
  });
  const stopDemo = deferred(() => demo.close());

  // The API's first page of generated-20000, uncompressed, for the load's static copy of it.
  const firstPage = await fetch(`${production.origin}${READ_PATH}`, { headers: { accept: 'application/json', 'accept-encoding': 'identity' } });
  if (!firstPage.ok) throw new Error(`GET ${READ_PATH} answered ${firstPage.status}`);
  const firstPageBytes = Buffer.from(await firstPage.arrayBuffer());

  // Warm the real server as a live site would be: the built files compressed (it does so once per
  // file and encoding, Chromium asks for br), the discussions' pages read once.
  const warmUps = [
    ...['/', ...assets.js.map((file) => `/${file}`), ...assets.css.map((file) => `/${file}`)].map((path) => `${production.origin}${path}`),
    ...SIZES.flatMap((size) => [`${production.origin}/api/articles/generated-${size}`, `${production.origin}/api/articles/generated-${size}/comments`]),
  ];
  for (const url of warmUps) await (await fetch(url, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();

  return {
    urls: {
      production: (size) => `${production.origin}/articles/generated-${size}`,
      demo: (size) => `http://127.0.0.1:${demoPort}/articles/generated-${size}`,
      static: (size) => `${staticOrigin}/generated-${size}.html`,
      counterPage: `${staticOrigin}/counter.html`,
    },
    firstPageBytes,
    async stop() {
      await Promise.all([stopProduction(), stopStatic(), stopDemo()]);
      return summariseServerLog(production);
    },
  };
}

async function launchBrowser() {
  // The browser tests' own launch options (Debian's Chromium, its flags), so both agree.
  const { module: config } = await runnerImport('/tests/browser/playwright.config.ts');
  const browser = await chromium.launch({ ...config.default.use.launchOptions, headless: true });
  return { browser, close: deferred(() => browser.close()) };
}

async function withPage(browser, work) {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(NAVIGATION_TIMEOUT_MS);
    return await work(page, context);
  } finally {
    await context.close();
  }
}

async function jsHeapBytes(page, context) {
  const session = await context.newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize;
}

/** One cold visit (fresh profile) of a discussion page, measured. */
function measureDiscussion(browser, url, size) {
  return withPage(browser, async (page, context) => {
    await page.addInitScript(observeDiscussion, size);
    await page.goto(url, { waitUntil: 'commit', timeout: NAVIGATION_TIMEOUT_MS });
    await page.waitForFunction(() => window.__reagirBench.firstComment !== null && window.__reagirBench.heading !== null, null, {
      timeout: NAVIGATION_TIMEOUT_MS,
      polling: 100,
    });
    await page.waitForLoadState('load', { timeout: NAVIGATION_TIMEOUT_MS });
    await page.waitForTimeout(SETTLE_MS);
    const marks = await page.evaluate(readDiscussionMarks);
    return { ...marks, jsHeapBytes: await jsHeapBytes(page, context) };
  });
}

/** Per-key latencies (ms) of typing TYPED_TEXT into `textarea`, whose counter it describes. */
async function typeAndTime(page, textarea) {
  const counter = await textarea.evaluateHandle(describedCounter);
  await page.evaluate(timeKeystrokes, [await textarea.elementHandle(), counter]);
  await textarea.pressSequentially(TYPED_TEXT, { delay: KEY_DELAY_MS });
  await page.waitForFunction((count) => window.__reagirKeystrokes.length >= count, TYPED_TEXT.length, { polling: 100 });
  return page.evaluate(() => window.__reagirKeystrokes);
}

function measureAppKeystrokes(browser, url) {
  return withPage(browser, async (page) => {
    await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
    await page.getByRole('button', { name: /^Répondre/ }).first().click();
    const textarea = page.getByRole('form', { name: /^Répondre/ }).getByRole('textbox', { name: 'Commentaire', exact: true });
    await textarea.waitFor();
    await page.waitForTimeout(SETTLE_MS);
    return typeAndTime(page, textarea);
  });
}

function measureInPageKeystrokes(browser, url) {
  return withPage(browser, async (page) => {
    await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
    await page.evaluate(addVanillaCounter);
    await page.waitForTimeout(SETTLE_MS);
    return typeAndTime(page, page.locator('#bench-body'));
  });
}

function measureBareKeystrokes(browser, url) {
  return withPage(browser, async (page) => {
    await page.goto(url, { waitUntil: 'load' });
    return typeAndTime(page, page.getByRole('textbox', { name: 'Commentaire', exact: true }));
  });
}

/** The machine, and its 1-minute load average: `quiet` is what waitForQuietMachine saw at start. */
function machineInfo(chromiumVersion, quiet) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: chromiumVersion,
    // Other work on the machine shows in the figures: the load says how busy it was. At the end
    // it includes the bench's own browser, servers and load generator (about 2 on 2 cores).
    loadAverage: { ...quiet, atEnd: os.loadavg()[0] },
  };
}

/**
 * Which version of the app was measured, when the bench runs in a git checkout; `digest` tells
 * whether the files changed while the bench ran (it reads the sources as it goes: builds, servers).
 */
function measuredVersion() {
  try {
    const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 ** 2 });
    const status = git('status', '--porcelain');
    const digest = createHash('sha1').update(git('rev-parse', 'HEAD')).update(status).update(git('diff', 'HEAD')).digest('hex');
    return { commit: git('rev-parse', 'HEAD').trim(), uncommittedChanges: status.split('\n').filter(Boolean).length, digest };
  } catch {
    return null;
  }
}

/** How much of the server-rendered page comes before its first comment: what a reader waits through. */
async function htmlBytesBeforeFirstComment(url) {
  const html = await (await fetch(url, { headers: { 'accept-language': 'fr' } })).text();
  const at = html.indexOf('<li class="comment"');
  return at < 0 ? null : Buffer.byteLength(html.slice(0, at));
}

/** The browser figures: every target and size, interleaved, RUNS times. */
async function measureInBrowser(databases, assets) {
  const servers = await startBrowserServers(databases, assets);
  const { browser, close: closeBrowser } = await launchBrowser();
  const chromiumVersion = browser.version();
  const { urls } = servers;

  // A visit of each target thrown away, so that no measured one pays for a cold browser or origin.
  for (const target of TARGETS) await measureDiscussion(browser, urls[target](SIZES[0]), SIZES[0]);

  const discussions = Object.fromEntries(SIZES.map((size) => [size, Object.fromEntries(TARGETS.map((target) => [target, []]))]));
  const keystrokes = { app: [], inPage: [], bare: [] };
  for (let run = 1; run <= RUNS; run++) {
    for (const size of SIZES) {
      // Interleaved, so that a slow moment of the machine hits every target alike.
      for (const target of TARGETS) {
        log(`run ${run}/${RUNS}: ${target}, generated-${size}`);
        discussions[size][target].push(await measureDiscussion(browser, urls[target](size), size));
      }
    }
    log(`run ${run}/${RUNS}: keystrokes`);
    keystrokes.app.push(await measureAppKeystrokes(browser, urls.production(KEYSTROKE_SIZE)));
    keystrokes.inPage.push(await measureInPageKeystrokes(browser, urls.production(KEYSTROKE_SIZE)));
    keystrokes.bare.push(await measureBareKeystrokes(browser, urls.counterPage));
  }
  const htmlBeforeFirstComment = {};
  for (const size of SIZES) htmlBeforeFirstComment[size] = await htmlBytesBeforeFirstComment(urls.production(size));
  // Nothing of the browser phase runs while the server is loaded.
  await closeBrowser();
  const serverLog = await servers.stop();
  return { discussions, keystrokes, chromiumVersion, firstPageBytes: servers.firstPageBytes, serverLog, htmlBeforeFirstComment };
}

async function measure() {
  // Before the builds, whose own load would hide what else runs on the machine.
  const { reliable, ...quiet } = await waitForQuietMachine({ maxWaitSeconds: MAX_WAIT_SECONDS, log });
  const versionAtStart = measuredVersion();
  await buildApps();
  const assets = initialAssets(PRODUCTION_DIR);
  const initial = { js: weigh(PRODUCTION_DIR, assets.js), css: weigh(PRODUCTION_DIR, assets.css) };
  const staticPages = await writeStaticPages(assets.css);
  const databases = await prepareDatabases();

  const browserPhase = await measureInBrowser(databases, assets);
  const { discussions, keystrokes } = browserPhase;

  // The same bytes as the API's answer, as a static file of the build the load's servers serve.
  writeFileSync(join(PRODUCTION_DIR, STATIC_COPY), browserPhase.firstPageBytes);
  const kinds = [databases.sqlite, databases.postgres];
  const serverRuns = [];
  for (let run = 1; run <= RUNS; run++) {
    serverRuns.push(await measureServerRun({ run, runs: RUNS, kinds, logDir: LOG_DIR, staticBytes: browserPhase.firstPageBytes }));
  }

  // The live streams, once the load is over: one process on SQLite, two on PostgreSQL.
  const liveKinds = [
    { label: 'SQLite', config: databases.sqlite.seeded, processes: 1 },
    { label: 'PostgreSQL', config: databases.postgres.seeded, processes: 2 },
  ];
  const liveRuns = [];
  for (let run = 1; run <= RUNS; run++) liveRuns.push(await measureLiveRun({ run, kinds: liveKinds, logDir: LOG_DIR }));

  const summary = summarise({ discussions, keystrokes, serverRuns, kinds }, SUMMARY_SETTINGS);

  return {
    date: new Date().toISOString(),
    machine: machineInfo(browserPhase.chromiumVersion, quiet),
    reliable,
    ...(reliable ? {} : { unreliableBecause: `the 1-minute load average was ${quiet.atStart.toFixed(2)} (above ${quiet.threshold}) after waiting ${quiet.waitedSeconds} s` }),
    app: (() => {
      const version = measuredVersion();
      return version && { ...version, changedDuringRun: versionAtStart?.digest !== version.digest, atStart: versionAtStart };
    })(),
    runs: RUNS,
    method: {
      firstComment: 'navigation start to the end of the first frame painted after `section[aria-labelledby] li article` entered the DOM (never before first-contentful-paint); each visit in a fresh browser context',
      heading: 'same, for the h2 starting "Commentaires" whose digits are N',
      ttfb: "the document's responseStart - requestStart (navigation timing)",
      fcp: 'the first-contentful-paint entry, from navigation start',
      longTasks: 'PerformanceObserver longtask entries from navigation to load + 1 s',
      jsHeap: 'CDP Runtime.getHeapUsage usedSize after HeapProfiler.collectGarbage, at load + 1 s',
      keystroke: `keydown timeStamp to the end of the first frame painted after the counter changed; ${TYPED_TEXT.length} keys, ${KEY_DELAY_MS} ms apart, per run; median and p95 per run, then their median, minimum and maximum over runs`,
      servers:
        'production: the real server (src/server/start.ts, its own process, SQLite, generated-1000/5000/20000 loaded; it compresses each built file once, at the first request, warmed before measuring); static pages: bench/static-server.mjs, its own process, files compressed when written (brotli 11 up to 1 MB, 9 above; gzip 9) and sent from memory; demo: vite preview + MSW service worker',
      serverLoad: `autocannon (programmatic, in the bench's process) on 127.0.0.1; reads: GET ${READ_PATH} with Accept-Encoding "gzip, deflate, br" at ${READ_CONNECTIONS.join(' and ')} connections, ${WARMUP_SECONDS} s warm-up then ${READ_SECONDS} s, beside /${STATIC_COPY} (the same JSON as a static file of the same process), each load started once the server is idle again (GET /healthz under 50 ms); during each measured load a GET on a new connection every 0.5 s (newConnection: ms to its whole answer); requests/s is autocannon's mean of per-second samples; writes: ${WRITE_CONNECTIONS} connections posting to ${POST_ARTICLE} for ${WRITE_SECONDS} s, a unique Idempotency-Key and text per request, the requests cut at the stop sent again with their key; stored = moderation's pending count after minus before; memory: /proc/<pid>/status VmRSS (and VmHWM) after the reads; start-up: spawn to the "listening" line (node --import tsx src/server/start.ts), empty database and the one holding generated-20000; one fresh server process per kind and run`,
    },
    initial,
    staticPages,
    htmlBeforeFirstComment: browserPhase.htmlBeforeFirstComment,
    baselineChecks: summary.baselineChecks,
    discussions: summary.discussions,
    keystroke: summary.keystroke,
    live: summariseLive(liveRuns),
    server: {
      apiBodyBytes: browserPhase.firstPageBytes.length,
      browserPhaseLog: browserPhase.serverLog,
      ...summary.server,
      runs: serverRuns,
    },
  };
}

try {
  const started = Date.now();
  const results = await measure();
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatReport(results));
  console.log(`Written to ${RESULTS_FILE}.`);
} catch (error) {
  console.error('The bench failed:', error);
  process.exitCode = 1;
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
// Vite and Playwright may keep a handle or two open after closing; the bench is done.
process.exit();
