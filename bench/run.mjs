// `npm run bench [-- --runs K]`: how the reader holds up on large discussions, in Chromium, and how
// the real server holds up under load. It builds the production app (served by the real server,
// src/server/start.ts, as its own process, on SQLite with generated-1000, -5000 and -20000 loaded)
// and the demo app (MSW in a service worker, served by `vite preview`), writes static baselines
// (the same discussion as server-rendered HTML; a bare textarea with its counter), compressed once
// as they are written and served by bench/static-server.mjs, then measures each figure K times
// (5 by default) and keeps the median:
//   - the JS and CSS the article page loads at once, raw and gzip;
//   - for generated-1000, -5000 and -20000: first comment painted, "Commentaires (N)" painted,
//     the document's time to first byte, first contentful paint, long tasks during load and JS
//     heap after load, for the production app, the demo app and the static page (and its load end);
//   - keystroke latency in a reply form on generated-5000, against the bare page;
//   - the real server on SQLite and on PostgreSQL (bench/server-load.mjs): reads of the first page
//     of generated-20000 at 50 and 200 connections beside the same bytes as a static file, 200
//     concurrent posters, memory after the reads, start-up on an empty and on a loaded database.
// It prints tables and writes bench/results.json. Goals are reported, never asserted: this is
// not a test and no `npm test` step runs it. Everything else it writes goes to node_modules/.cache
// (and a PostgreSQL schema of its own, dropped at the end).
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
import { describedCounter, observeDiscussion, readDiscussionMarks, timeKeystrokes } from './in-page.mjs';
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
  SERVER_GOALS,
  sqliteKind,
  STATIC_COPY,
  WARMUP_SECONDS,
  WRITE_CONNECTIONS,
  WRITE_SECONDS,
} from './server-load.mjs';
import { bareCounterPage, staticDiscussionPage } from './static-pages.mjs';
import { precompress } from './static-server.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(options.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs wants a whole number of runs, 1 or more, not "${options.runs}".`);
  process.exit(1);
}

const SIZES = [1000, 5000, 20_000];
const TARGETS = ['production', 'demo', 'static'];
const FIGURES = ['firstCommentMs', 'headingMs', 'ttfbMs', 'fcpMs', 'loadEventEndMs', 'longTaskCount', 'longTaskTotalMs', 'jsHeapBytes'];
const KEYSTROKE_SIZE = 5000;
// 50 characters, all on a US keyboard: Playwright types others without a keydown event.
const TYPED_TEXT = 'Je ne suis pas du tout convaincu par cet argument.';
const KEY_DELAY_MS = 100;
const NAVIGATION_TIMEOUT_MS = 60_000;
// Lets the page finish what follows its first render before it is weighed.
const SETTLE_MS = 1000;
// A safety net: the bench stops by itself even if a browser or server hangs (a run takes about
// 3 minutes on the 2-core machine of the README; builds and seeding about 1 more).
const WATCHDOG_MS = (10 + 4 * RUNS) * 60_000;
const GOALS = { firstCommentRatio: { 1000: 1.5, 5000: 1, 20000: 1 }, keystrokeRatio: 1.2 };

const CACHE = 'node_modules/.cache';
const PRODUCTION_DIR = join(CACHE, 'reagir-bench-production');
const DEMO_DIR = join(CACHE, 'reagir-bench-demo');
const STATIC_DIR = join(CACHE, 'reagir-bench-static');
const LOG_DIR = resolve(CACHE, 'reagir-bench-logs');
const RESULTS_FILE = 'bench/results.json';
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
  console.error(`The bench ran for over ${WATCHDOG_MS / 60_000} minutes: stopping it.`);
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

const median = (values) => {
  const sorted = values.filter((value) => typeof value === 'number' && !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, fraction) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
};
/** Runs' results of one shape, merged: numbers by their median, booleans true when true in every run. */
function medianTree(values) {
  const present = values.filter((value) => value !== undefined && value !== null);
  if (present.length === 0) return null;
  if (present.every((value) => typeof value === 'number')) return median(present);
  if (present.every((value) => typeof value === 'boolean')) return present.every(Boolean);
  if (present.every((value) => typeof value === 'object' && !Array.isArray(value))) {
    const keys = [...new Set(present.flatMap((value) => Object.keys(value)))];
    return Object.fromEntries(keys.map((key) => [key, medianTree(present.map((value) => value[key]))]));
  }
  return present[0];
}

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
  await build({ mode: 'production', logLevel: 'warn', build: { outDir: PRODUCTION_DIR, emptyOutDir: true } });
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

function measureBareKeystrokes(browser, url) {
  return withPage(browser, async (page) => {
    await page.goto(url, { waitUntil: 'load' });
    return typeAndTime(page, page.getByRole('textbox', { name: 'Commentaire', exact: true }));
  });
}

function machineInfo(chromiumVersion, loadAverageAtStart) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: chromiumVersion,
    // Other work on the machine shows in the figures: the load says how busy it was.
    loadAverage: { atStart: loadAverageAtStart, atEnd: os.loadavg()[0] },
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

/** The browser figures: every target and size, interleaved, RUNS times. */
async function measureInBrowser(databases, assets) {
  const servers = await startBrowserServers(databases, assets);
  const { browser, close: closeBrowser } = await launchBrowser();
  const chromiumVersion = browser.version();
  const { urls } = servers;

  // A visit of each target thrown away, so that no measured one pays for a cold browser or origin.
  for (const target of TARGETS) await measureDiscussion(browser, urls[target](SIZES[0]), SIZES[0]);

  const discussions = Object.fromEntries(SIZES.map((size) => [size, Object.fromEntries(TARGETS.map((target) => [target, []]))]));
  const keystrokes = { app: [], bare: [] };
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
    keystrokes.bare.push(await measureBareKeystrokes(browser, urls.counterPage));
  }
  // Nothing of the browser phase runs while the server is loaded.
  await closeBrowser();
  const serverLog = await servers.stop();
  return { discussions, keystrokes, chromiumVersion, firstPageBytes: servers.firstPageBytes, serverLog };
}

/** The server figures' medians, and the goals (API at least half the static file's throughput, p99 < 50 ms at 200 connections). */
function summariseServer(serverRuns, kinds) {
  const at = SERVER_GOALS.connections;
  return Object.fromEntries(
    kinds.map(({ kind, label }) => {
      const runs = serverRuns.map((run) => run[kind]);
      const medians = medianTree(runs);
      const ratio = (connections) => medians.read[connections].api.requestsPerSecond / medians.read[connections].static.requestsPerSecond;
      const apiOverStatic = Object.fromEntries(READ_CONNECTIONS.map((connections) => [connections, ratio(connections)]));
      const p99Ms = medians.read[at].api.p99Ms;
      return [
        kind,
        {
          label,
          median: medians,
          apiOverStatic,
          goal: {
            ...SERVER_GOALS,
            throughputMet: apiOverStatic[at] >= SERVER_GOALS.apiOverStatic,
            p99Met: p99Ms < SERVER_GOALS.p99Ms,
          },
          write: {
            serverErrorsInAllRuns: runs.reduce((sum, run) => sum + run.write.serverErrors, 0),
            storedEqualsCreatedInEveryRun: runs.every((run) => run.write.storedEqualsCreated),
          },
        },
      ];
    }),
  );
}

async function measure() {
  const loadAverageAtStart = os.loadavg()[0];
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

  const summary = (samplesByRun) => ({
    medianMs: median(samplesByRun.map((samples) => median(samples))),
    p95Ms: median(samplesByRun.map((samples) => percentile(samples, 0.95))),
  });
  const app = summary(keystrokes.app);
  const bare = summary(keystrokes.bare);

  return {
    date: new Date().toISOString(),
    machine: machineInfo(browserPhase.chromiumVersion, loadAverageAtStart),
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
      keystroke: `keydown timeStamp to the end of the first frame painted after the counter changed; ${TYPED_TEXT.length} keys, ${KEY_DELAY_MS} ms apart, per run; median and p95 per run, then their median over runs`,
      servers:
        'production: the real server (src/server/start.ts, its own process, SQLite, generated-1000/5000/20000 loaded; it compresses each built file once, at the first request, warmed before measuring); static pages: bench/static-server.mjs, its own process, files compressed when written (brotli 11 up to 1 MB, 9 above; gzip 9) and sent from memory; demo: vite preview + MSW service worker',
      serverLoad: `autocannon (programmatic, in the bench's process) on 127.0.0.1; reads: GET ${READ_PATH} with Accept-Encoding "gzip, deflate, br" at ${READ_CONNECTIONS.join(' and ')} connections, ${WARMUP_SECONDS} s warm-up then ${READ_SECONDS} s, beside /${STATIC_COPY} (the same JSON as a static file of the same process), each load started once the server is idle again (GET /healthz under 50 ms); during each measured load a GET on a new connection every 0.5 s (newConnection: ms to its whole answer); requests/s is autocannon's mean of per-second samples; writes: ${WRITE_CONNECTIONS} connections posting to ${POST_ARTICLE} for ${WRITE_SECONDS} s, a unique Idempotency-Key and text per request, the requests cut at the stop sent again with their key; stored = moderation's pending count after minus before; memory: /proc/<pid>/status VmRSS (and VmHWM) after the reads; start-up: spawn to the "listening" line (node --import tsx src/server/start.ts), empty database and the one holding generated-20000; one fresh server process per kind and run`,
    },
    initial,
    staticPages,
    discussions: Object.fromEntries(
      SIZES.map((size) => {
        const byTarget = Object.fromEntries(
          TARGETS.map((target) => {
            const visits = discussions[size][target];
            const medians = Object.fromEntries(FIGURES.map((figure) => [figure, median(visits.map((visit) => visit[figure]))]));
            return [target, { median: medians, visits }];
          }),
        );
        const ratio = byTarget.production.median.firstCommentMs / byTarget.static.median.firstCommentMs;
        return [size, { ...byTarget, firstCommentRatio: ratio, goal: GOALS.firstCommentRatio[size], goalMet: ratio < GOALS.firstCommentRatio[size] }];
      }),
    ),
    keystroke: {
      article: `generated-${KEYSTROKE_SIZE}`,
      app,
      bare,
      ratio: app.medianMs / bare.medianMs,
      goal: GOALS.keystrokeRatio,
      goalMet: app.medianMs / bare.medianMs <= GOALS.keystrokeRatio,
      samples: keystrokes,
    },
    server: {
      apiBodyBytes: browserPhase.firstPageBytes.length,
      browserPhaseLog: browserPhase.serverLog,
      ...summariseServer(serverRuns, kinds),
      runs: serverRuns,
    },
  };
}

function printTable(results) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const ms = (value) => (value === null || value === undefined ? '—' : `${Math.round(value)}`);
  const mb = (bytes) => (bytes === null ? '—' : `${(bytes / 1024 ** 2).toFixed(1)}`);
  const row = (cells, widths) => cells.map((cell, index) => String(cell).padStart(widths[index])).join('  ');
  const { machine, initial } = results;
  const lines = [
    '',
    `Réagir bench — ${results.date} — median of ${results.runs} run(s)`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}`,
    `Load average ${machine.loadAverage.atStart.toFixed(2)} at start, ${machine.loadAverage.atEnd.toFixed(2)} at end; app ${results.app ? `${results.app.commit.slice(0, 7)}${results.app.uncommittedChanges ? ` + ${results.app.uncommittedChanges} uncommitted change(s)` : ''}${results.app.changedDuringRun ? ' (CHANGED while the bench ran: the figures mix versions)' : ''}` : 'version unknown (not a git checkout)'}`,
    '',
    `Initial JS : ${initial.js.files.length} file(s), ${kb(initial.js.rawBytes)} raw, ${kb(initial.js.gzipBytes)} gzip`,
    `Initial CSS: ${initial.css.files.length} file(s), ${kb(initial.css.rawBytes)} raw, ${kb(initial.css.gzipBytes)} gzip`,
    `Static pages (compressed when written): ${Object.entries(results.staticPages)
      .filter(([name]) => name !== 'counter.html')
      .map(([name, page]) => `${name} ${mb(page.rawBytes)} MB, br ${kb(page.brBytes)} (q${page.brQuality}), gzip ${kb(page.gzipBytes)}`)
      .join('; ')}`,
    '',
    'First comment painted (ms from navigation start); static = server-rendered HTML, no JS',
  ];
  const widths = [7, 6, 6, 6, 7, 8, 13];
  lines.push(row(['N', 'prod', 'demo', 'static', 'static', 'prod /', 'goal'], widths));
  lines.push(row(['', '', '', '', 'load', 'static', ''], widths));
  for (const [size, result] of Object.entries(results.discussions)) {
    lines.push(
      row(
        [
          size,
          ms(result.production.median.firstCommentMs),
          ms(result.demo.median.firstCommentMs),
          ms(result.static.median.firstCommentMs),
          ms(result.static.median.loadEventEndMs),
          result.firstCommentRatio.toFixed(2),
          `< ${result.goal} ${result.goalMet ? 'met' : 'NOT met'}`,
        ],
        widths,
      ),
    );
  }
  lines.push('', "Document's time to first byte (responseStart - requestStart) / first contentful paint (ms)");
  const paintWidths = [7, 13, 13, 13];
  lines.push(row(['N', 'prod', 'demo', 'static'], paintWidths));
  for (const [size, result] of Object.entries(results.discussions)) {
    const pair = (target) => `${ms(result[target].median.ttfbMs)} / ${ms(result[target].median.fcpMs)}`;
    lines.push(row([size, pair('production'), pair('demo'), pair('static')], paintWidths));
  }
  lines.push('', '"Commentaires (N)" painted (ms), long tasks > 50 ms during load (count / total ms), JS heap after load (MB)');
  const wide = [7, 7, 7, 14, 14, 14, 6, 6, 6];
  lines.push(row(['N', 'prod', 'demo', 'tasks prod', 'tasks demo', 'tasks static', 'heap', 'heap', 'heap'], wide));
  lines.push(row(['', '', '', '', '', '', 'prod', 'demo', 'static'], wide));
  for (const [size, result] of Object.entries(results.discussions)) {
    const tasks = (target) => `${ms(result[target].median.longTaskCount)} / ${ms(result[target].median.longTaskTotalMs)}`;
    lines.push(
      row(
        [
          size,
          ms(result.production.median.headingMs),
          ms(result.demo.median.headingMs),
          tasks('production'),
          tasks('demo'),
          tasks('static'),
          mb(result.production.median.jsHeapBytes),
          mb(result.demo.median.jsHeapBytes),
          mb(result.static.median.jsHeapBytes),
        ],
        wide,
      ),
    );
  }
  const { keystroke } = results;
  lines.push(
    '',
    `Keystroke to next paint in a reply form (${keystroke.article}, production): median ${keystroke.app.medianMs.toFixed(1)} ms, p95 ${keystroke.app.p95Ms.toFixed(1)} ms`,
    `Same on a bare textarea + counter page:                                  median ${keystroke.bare.medianMs.toFixed(1)} ms, p95 ${keystroke.bare.p95Ms.toFixed(1)} ms`,
    `Ratio app / bare: ${keystroke.ratio.toFixed(2)} (goal <= ${keystroke.goal}: ${keystroke.goalMet ? 'met' : 'NOT met'})`,
  );

  const { server } = results;
  const kinds = ['sqlite', 'postgres'].map((kind) => server[kind]);
  lines.push(
    '',
    `Real server under load (autocannon on 127.0.0.1, medians of ${results.runs} run(s))`,
    `Reads: GET ${READ_PATH} (${kb(server.apiBodyBytes)} of JSON, br) against /${STATIC_COPY} (the same JSON, a static file of the same process)`,
  );
  const readWidths = [10, 6, 5, 7, 6, 6, 7, 6, 18, 9];
  lines.push(row(['', 'target', 'conns', 'req/s', 'p50', 'p99', 'non-2xx', 'errors', 'new conn.', 'vs static'], readWidths));
  lines.push(row(['', '', '', '', '', '', '', '', 'median / max (n)', ''], readWidths));
  const newConnection = (probe) => `${ms(probe?.medianMs)} / ${ms(probe?.maxMs)} (${probe?.count ?? 0})`;
  for (const { label, median: medians, apiOverStatic } of kinds) {
    for (const connections of READ_CONNECTIONS) {
      for (const target of ['api', 'static']) {
        const figures = medians.read[connections][target];
        lines.push(
          row(
            [
              label,
              target,
              connections,
              figures.requestsPerSecond.toFixed(0),
              ms(figures.p50Ms),
              ms(figures.p99Ms),
              figures.non2xx,
              figures.errors,
              newConnection(figures.newConnection),
              target === 'api' ? apiOverStatic[connections].toFixed(2) : '',
            ],
            readWidths,
          ),
        );
      }
    }
  }
  for (const { label, apiOverStatic, goal, median: medians } of kinds) {
    lines.push(
      `${label}: API at ${goal.connections} connections = ${apiOverStatic[goal.connections].toFixed(2)} × the static file (goal >= ${goal.apiOverStatic}: ${goal.throughputMet ? 'met' : 'NOT met'}), p99 ${ms(medians.read[goal.connections].api.p99Ms)} ms (goal < ${goal.p99Ms}: ${goal.p99Met ? 'met' : 'NOT met'})`,
    );
  }
  lines.push(
    '',
    '(errors: autocannon timeouts, no answer within 10 s; new conn.: a GET on a new connection every 0.5 s during the load, one at a time: ms to its whole answer, n done)',
    '',
    `Writes: POST /api/articles/${POST_ARTICLE}/comments, ${WRITE_CONNECTIONS} posters for ${WRITE_SECONDS} s (new conn.: a reader's GET ${READ_PATH} meanwhile)`,
  );
  const writeWidths = [10, 10, 6, 6, 5, 6, 9, 9, 14, 18];
  lines.push(row(['', 'comments/s', 'p50', 'p99', '5xx', 'errors', 'answered', 'stored', 'stored = 201s', 'new conn.'], writeWidths));
  for (const { label, median: medians, write } of kinds) {
    lines.push(
      row(
        [
          label,
          medians.write.commentsPerSecond.toFixed(0),
          ms(medians.write.p50Ms),
          ms(medians.write.p99Ms),
          write.serverErrorsInAllRuns,
          medians.write.errors,
          medians.write.created,
          medians.write.stored,
          write.storedEqualsCreatedInEveryRun ? 'every run' : 'NO',
          newConnection(medians.write.newConnection),
        ],
        writeWidths,
      ),
    );
  }
  lines.push(
    '',
    `Memory (RSS after the reads, peak): ${kinds.map(({ label, median: medians }) => `${label} ${mb(medians.memoryAfterReads.rssBytes)} MB (peak ${mb(medians.memoryAfterReads.peakRssBytes)} MB)`).join(', ')}`,
    `Start-up (spawn to "listening"): ${kinds.map(({ label, median: medians }) => `${label} ${ms(medians.startupEmptyMs)} ms empty, ${ms(medians.startupSeededMs)} ms with generated-20000`).join('; ')}`,
    '',
    `Written to ${RESULTS_FILE}.`,
  );
  console.log(lines.join('\n'));
}

try {
  const started = Date.now();
  const results = await measure();
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
} catch (error) {
  console.error('The bench failed:', error);
  process.exitCode = 1;
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
// Vite and Playwright may keep a handle or two open after closing; the bench is done.
process.exit();
