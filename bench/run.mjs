// `npm run bench [-- --runs K]`: how the reader holds up on large discussions, in Chromium.
// It builds the production app (served with the mock API over HTTP by src/mocks/http-server.ts)
// and the demo app (MSW in a service worker, served by `vite preview`), writes static baselines
// (the same discussion as server-rendered HTML; a bare textarea with its counter), then measures
// each figure K times (5 by default) and keeps the median:
//   - the JS and CSS the article page loads at once, raw and gzip;
//   - for generated-1000, -5000 and -20000: first comment painted, "Commentaires (N)" painted,
//     long tasks during load and JS heap after load, for the production app, the demo app and
//     the static page (and its load end);
//   - keystroke latency in a reply form on generated-5000, against the bare page.
// It prints a table and writes bench/results.json. Goals are reported, never asserted: this is
// not a test and no `npm test` step runs it. Everything else it writes goes to node_modules/.cache.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build, preview, runnerImport } from 'vite';
import { describedCounter, observeDiscussion, readDiscussionMarks, timeKeystrokes } from './in-page.mjs';
import { bareCounterPage, staticDiscussionPage } from './static-pages.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(options.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs wants a whole number of runs, 1 or more, not "${options.runs}".`);
  process.exit(1);
}

const SIZES = [1000, 5000, 20_000];
const TARGETS = ['production', 'demo', 'static'];
const FIGURES = ['firstCommentMs', 'headingMs', 'loadEventEndMs', 'longTaskCount', 'longTaskTotalMs', 'jsHeapBytes'];
const KEYSTROKE_SIZE = 5000;
// 50 characters, all on a US keyboard: Playwright types others without a keydown event.
const TYPED_TEXT = 'Je ne suis pas du tout convaincu par cet argument.';
const KEY_DELAY_MS = 100;
const NAVIGATION_TIMEOUT_MS = 60_000;
// Lets the page finish what follows its first render before it is weighed.
const SETTLE_MS = 1000;
// A safety net: the bench stops by itself even if a browser or server hangs.
const WATCHDOG_MS = 30 * 60_000;
const GOALS = { firstCommentRatio: { 1000: 1.5, 5000: 1, 20000: 1 }, keystrokeRatio: 1.2 };

const CACHE = 'node_modules/.cache';
const PRODUCTION_DIR = join(CACHE, 'reagir-bench-production');
const DEMO_DIR = join(CACHE, 'reagir-bench-demo');
const STATIC_DIR = join(CACHE, 'reagir-bench-static');
const RESULTS_FILE = 'bench/results.json';

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

const log = (message) => console.error(`[bench] ${message}`);

const median = (values) => {
  const sorted = values.filter((value) => typeof value === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, fraction) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
};

/** A port nobody listens on, tried from `from` upwards. */
async function freePort(from) {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise((resolve) => {
      const probe = createServer().once('error', () => resolve(false));
      probe.listen(port, 'localhost', () => probe.close(() => resolve(true)));
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

async function writeStaticPages(stylesheets) {
  log('writing the static baselines…');
  const { module: fixtures } = await runnerImport('/src/mocks/fixtures/generated-article.ts');
  const { module: dates } = await runnerImport('/src/lib/format-paris-date.ts');
  rmSync(STATIC_DIR, { recursive: true, force: true });
  mkdirSync(join(STATIC_DIR, 'assets'), { recursive: true });
  // The page's stylesheet and photo, so it looks and lays out as the app does.
  for (const css of stylesheets) copyFileSync(join(PRODUCTION_DIR, css), join(STATIC_DIR, css));
  cpSync(join(PRODUCTION_DIR, 'images'), join(STATIC_DIR, 'images'), { recursive: true });
  for (const size of SIZES) {
    const page = staticDiscussionPage({
      article: fixtures.generatedArticle(size),
      comments: fixtures.generatedComments(size),
      stylesheets: stylesheets.map((css) => `/${css}`),
      formatDate: dates.formatParisDateTime,
    });
    writeFileSync(join(STATIC_DIR, `generated-${size}.html`), page);
  }
  writeFileSync(join(STATIC_DIR, 'counter.html'), bareCounterPage());
}

async function startServers() {
  const { module: httpServer } = await runnerImport('/src/mocks/http-server.ts');
  const production = await httpServer.startHttpServer({ port: await freePort(4380), root: PRODUCTION_DIR });
  cleanups.push(() => production.close());
  // The static pages get a server of their own kind, so compression and caching are alike.
  const staticPages = await httpServer.startHttpServer({ port: await freePort(4381), root: STATIC_DIR });
  cleanups.push(() => staticPages.close());
  const demoPort = await freePort(4382);
  const demo = await preview({
    logLevel: 'warn',
    build: { outDir: DEMO_DIR },
    preview: { port: demoPort, strictPort: true, host: 'localhost' },
  });
  cleanups.push(() => demo.close());

  // Warm the servers as a live site would be: discussions generated, static pages compressed.
  const warmUps = SIZES.flatMap((size) => [
    `${production.origin}/api/articles/generated-${size}`,
    `${production.origin}/api/articles/generated-${size}/comments`,
    `${staticPages.origin}/generated-${size}.html`,
  ]);
  for (const url of warmUps) await (await fetch(url)).arrayBuffer();

  return {
    production: (size) => `${production.origin}/articles/generated-${size}`,
    demo: (size) => `http://localhost:${demoPort}/articles/generated-${size}`,
    static: (size) => `${staticPages.origin}/generated-${size}.html`,
    counterPage: `${staticPages.origin}/counter.html`,
  };
}

async function launchBrowser() {
  // The browser tests' own launch options (Debian's Chromium, its flags), so both agree.
  const { module: config } = await runnerImport('/tests/browser/playwright.config.ts');
  const browser = await chromium.launch({ ...config.default.use.launchOptions, headless: true });
  cleanups.push(() => browser.close());
  return browser;
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

function machineInfo(browser, loadAverageAtStart) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: browser.version(),
    // Other work on the machine shows in the figures: the load says how busy it was.
    loadAverage: { atStart: loadAverageAtStart, atEnd: os.loadavg()[0] },
  };
}

/** Which version of the app was measured, when the bench runs in a git checkout. */
function measuredVersion() {
  try {
    const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', 'HEAD'), uncommittedChanges: git('status', '--porcelain').split('\n').filter(Boolean).length };
  } catch {
    return null;
  }
}

async function measure() {
  const loadAverageAtStart = os.loadavg()[0];
  await buildApps();
  const assets = initialAssets(PRODUCTION_DIR);
  const initial = { js: weigh(PRODUCTION_DIR, assets.js), css: weigh(PRODUCTION_DIR, assets.css) };
  await writeStaticPages(assets.css);
  const urls = await startServers();
  const browser = await launchBrowser();

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

  const summary = (samplesByRun) => ({
    medianMs: median(samplesByRun.map((samples) => median(samples))),
    p95Ms: median(samplesByRun.map((samples) => percentile(samples, 0.95))),
  });
  const app = summary(keystrokes.app);
  const bare = summary(keystrokes.bare);

  return {
    date: new Date().toISOString(),
    machine: machineInfo(browser, loadAverageAtStart),
    app: measuredVersion(),
    runs: RUNS,
    method: {
      firstComment: 'navigation start to the end of the first frame painted after `section[aria-labelledby] li article` entered the DOM (never before first-contentful-paint); each visit in a fresh browser context',
      heading: 'same, for the h2 starting "Commentaires" whose digits are N',
      longTasks: 'PerformanceObserver longtask entries from navigation to load + 1 s',
      jsHeap: 'CDP Runtime.getHeapUsage usedSize after HeapProfiler.collectGarbage, at load + 1 s',
      keystroke: `keydown timeStamp to the end of the first frame painted after the counter changed; ${TYPED_TEXT.length} keys, ${KEY_DELAY_MS} ms apart, per run; median and p95 per run, then their median over runs`,
      servers: 'production and static pages: src/mocks/http-server.ts (brotli); demo: vite preview + MSW service worker',
    },
    initial,
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
  };
}

function printTable(results) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const ms = (value) => (value === null ? '—' : `${Math.round(value)}`);
  const mb = (bytes) => (bytes === null ? '—' : `${(bytes / 1024 ** 2).toFixed(1)}`);
  const row = (cells, widths) => cells.map((cell, index) => String(cell).padStart(widths[index])).join('  ');
  const { machine, initial } = results;
  const lines = [
    '',
    `Réagir bench — ${results.date} — median of ${results.runs} run(s)`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}`,
    `Load average ${machine.loadAverage.atStart.toFixed(2)} at start, ${machine.loadAverage.atEnd.toFixed(2)} at end; app ${results.app ? `${results.app.commit.slice(0, 7)}${results.app.uncommittedChanges ? ` + ${results.app.uncommittedChanges} uncommitted change(s)` : ''}` : 'version unknown (not a git checkout)'}`,
    '',
    `Initial JS : ${initial.js.files.length} file(s), ${kb(initial.js.rawBytes)} raw, ${kb(initial.js.gzipBytes)} gzip`,
    `Initial CSS: ${initial.css.files.length} file(s), ${kb(initial.css.rawBytes)} raw, ${kb(initial.css.gzipBytes)} gzip`,
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
