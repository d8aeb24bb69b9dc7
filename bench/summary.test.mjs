// Checks of the bench's summarising, report and wait for a quiet machine, without a browser or a
// server: `node --test bench/summary.test.mjs`. (Not part of `npm test`: vitest looks in src/ and
// tests/ only.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { waitForQuietMachine } from './quiet-machine.mjs';
import { formatReport, SUMMARY_SETTINGS } from './report.mjs';
import { checkStaticShape, median, percentile, resummarise, spreadOf, summariseDiscussions, summariseKeystrokes } from './summary.mjs';

const GOALS = { 1000: 1.5, 5000: 1, 20000: 1 };

/** A visit with every figure; `firstCommentMs` and `ttfbMs` as given. */
const visit = (firstCommentMs, ttfbMs = 3) => ({
  firstCommentMs,
  headingMs: firstCommentMs,
  ttfbMs,
  fcpMs: firstCommentMs - 10,
  loadEventEndMs: firstCommentMs + 100,
  longTaskCount: 2,
  longTaskTotalMs: 150,
  jsHeapBytes: 3_000_000,
});
/** Three visits per target and N; the static page's first comments and TTFBs per N as given. */
function visitsWithStatic(staticByN) {
  return Object.fromEntries(
    Object.entries(staticByN).map(([size, [firstCommentMs, ttfbMs]]) => [
      size,
      {
        production: [visit(560), visit(600), visit(500)],
        demo: [visit(900), visit(950), visit(1000)],
        static: [visit(firstCommentMs - 20, ttfbMs), visit(firstCommentMs, ttfbMs), visit(firstCommentMs + 50, ttfbMs)],
      },
    ]),
  );
}

describe('statistics', () => {
  it('takes the median, ignoring what is not a number', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([null, 5, Number.NaN]), 5);
    assert.equal(median([]), null);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95), 10);
  });

  it('gives the median, minimum and maximum of every figure of runs of one shape', () => {
    const spread = spreadOf([
      { a: 1, nested: { b: 10 }, ok: true },
      { a: 3, nested: { b: 30 }, ok: false },
      { a: 2, nested: { b: 20 }, ok: true },
    ]);
    assert.deepEqual(spread.median, { a: 2, nested: { b: 20 }, ok: false });
    assert.deepEqual(spread.min, { a: 1, nested: { b: 10 }, ok: false });
    assert.deepEqual(spread.max, { a: 3, nested: { b: 30 }, ok: false });
  });
});

describe("the static baseline's shape", () => {
  it('passes a page flat in N and gives the ratios against it', () => {
    const { discussions, staticShape } = summariseDiscussions(visitsWithStatic({ 1000: [200, 2], 5000: [230, 4], 20000: [250, 6] }), GOALS);
    assert.equal(staticShape.ok, true, staticShape.problems.join('\n'));
    assert.equal(discussions[1000].firstCommentRatio, 560 / 200);
    assert.equal(discussions[1000].goalMet, false);
    assert.equal(discussions[20000].static.min.firstCommentMs, 230);
    assert.equal(discussions[20000].static.median.firstCommentMs, 250);
    assert.equal(discussions[20000].static.max.firstCommentMs, 300);
    assert.equal(discussions[20000].static.visits.length, 3);
  });

  it('withholds every ratio when the first comment grows over 1.3× with N', () => {
    const { discussions, staticShape } = summariseDiscussions(visitsWithStatic({ 1000: [184, 2], 5000: [563, 3], 20000: [1446, 4] }), GOALS);
    assert.equal(staticShape.ok, false);
    assert.equal(staticShape.problems.length, 2);
    assert.match(staticShape.problems[1], /first comment at 20000 \(1446 ms\) is 7\.86×/);
    for (const size of [1000, 5000, 20000]) {
      assert.equal(discussions[size].firstCommentRatio, null);
      assert.equal(discussions[size].goalMet, null);
      assert.match(discussions[size].ratioWithheld, /not flat/);
    }
  });

  it('takes a TTFB within +20 ms as flat, even when it more than doubles', () => {
    assert.equal(checkStaticShape(summariseDiscussions(visitsWithStatic({ 1000: [200, 2], 20000: [210, 15] }), GOALS).discussions).ok, true);
  });

  it('fails a TTFB over 1.3× and over +20 ms', () => {
    const { staticShape } = summariseDiscussions(visitsWithStatic({ 1000: [200, 40], 20000: [210, 90] }), GOALS);
    assert.equal(staticShape.ok, false);
    assert.match(staticShape.problems[0], /time to first byte at 20000 \(90 ms\)/);
  });
});

describe('keystrokes', () => {
  const run = (ms) => Array.from({ length: 50 }, (_, index) => ms + (index % 5) / 10);

  it('gives the median of the runs’ medians with its spread, and the ratio', () => {
    const { keystroke, bareCheck } = summariseKeystrokes({ app: [run(10), run(12), run(9)], bare: [run(5), run(5), run(6)] }, { article: 'generated-5000', goal: 1.2 });
    assert.equal(bareCheck.ok, true);
    assert.equal(keystroke.app.medianMs, 10.2);
    assert.equal(keystroke.app.min.medianMs, 9.2);
    assert.equal(keystroke.app.max.medianMs, 12.2);
    assert.equal(keystroke.ratio, 10.2 / 5.2);
  });

  it('sets the app beside the same textarea in its own page, when that was measured', () => {
    const { keystroke } = summariseKeystrokes({ app: [run(10)], inPage: [run(8)], bare: [run(5)] }, { article: 'generated-20000', goal: 1.2 });
    assert.equal(keystroke.inPage.medianMs, 8.2);
    assert.equal(keystroke.ratioInPage, 10.2 / 8.2);
    const before = summariseKeystrokes({ app: [run(10)], bare: [run(5)] }, { article: 'generated-5000', goal: 1.2 }).keystroke;
    assert.equal(before.ratioInPage, undefined);
    // A results file from before the in-page baseline prints as it did.
    const older = JSON.parse(readFileSync(new URL('results.json', import.meta.url), 'utf8'));
    delete older.keystroke.samples.inPage;
    assert.doesNotMatch(formatReport({ ...resummarise(older, SUMMARY_SETTINGS), reliable: true }), /in the app's page/);
    assert.match(formatReport({ ...resummarise(JSON.parse(readFileSync(new URL('results.json', import.meta.url), 'utf8')), SUMMARY_SETTINGS), reliable: true }), /in the app's page/);
  });

  it('withholds the ratio when the bare page is not faster than the app', () => {
    const { keystroke, bareCheck } = summariseKeystrokes({ app: [run(5)], bare: [run(6)] }, { article: 'generated-5000', goal: 1.2 });
    assert.equal(bareCheck.ok, false);
    assert.equal(keystroke.ratio, null);
    assert.equal(keystroke.goalMet, null);
  });
});

describe('waiting for a quiet machine', () => {
  /** A machine whose load goes through `loads`, one per look, staying at the last. */
  function machine(loads) {
    let looks = 0;
    const waits = [];
    return {
      options: {
        loadAverage: () => loads[Math.min(looks++, loads.length - 1)],
        wait: async (seconds) => void waits.push(seconds),
        log: () => {},
      },
      waits,
    };
  }

  it('does not wait on a quiet machine', async () => {
    const { options, waits } = machine([0.4]);
    assert.deepEqual(await waitForQuietMachine(options), { beforeWait: 0.4, atStart: 0.4, waitedSeconds: 0, threshold: 1, maxWaitSeconds: 180, reliable: true });
    assert.deepEqual(waits, []);
  });

  it('polls every 5 s until the load falls to 1', async () => {
    const { options, waits } = machine([2.5, 1.8, 1.2, 0.9]);
    const quiet = await waitForQuietMachine(options);
    assert.deepEqual(waits, [5, 5, 5]);
    assert.equal(quiet.reliable, true);
    assert.equal(quiet.beforeWait, 2.5);
    assert.equal(quiet.atStart, 0.9);
    assert.equal(quiet.waitedSeconds, 15);
  });

  it('gives up after the longest wait and says the figures are unreliable', async () => {
    const { options, waits } = machine([3]);
    const messages = [];
    const quiet = await waitForQuietMachine({ ...options, maxWaitSeconds: 12, log: (message) => messages.push(message) });
    assert.deepEqual(waits, [5, 5, 2]);
    assert.equal(quiet.reliable, false);
    assert.equal(quiet.waitedSeconds, 12);
    assert.match(messages.at(-1), /^!! .*UNRELIABLE/);
  });

  it('only looks when told not to wait', async () => {
    const { options, waits } = machine([1.5]);
    assert.equal((await waitForQuietMachine({ ...options, maxWaitSeconds: 0 })).reliable, false);
    assert.deepEqual(waits, []);
  });
});

describe('an earlier bench/results.json, summarised again', () => {
  const stored = JSON.parse(readFileSync(new URL('results.json', import.meta.url), 'utf8'));
  const results = resummarise(stored, SUMMARY_SETTINGS);

  it('keeps the medians where the README reads them', () => {
    for (const [size, bySize] of Object.entries(stored.discussions)) {
      for (const target of ['production', 'demo', 'static']) assert.deepEqual(results.discussions[size][target].median, bySize[target].median);
    }
    assert.equal(results.keystroke.app.medianMs, stored.keystroke.app.medianMs);
    assert.deepEqual(results.server.sqlite.median, stored.server.sqlite.median);
    assert.deepEqual(results.server.postgres.apiOverStatic, stored.server.postgres.apiOverStatic);
    assert.equal(results.server.runs.length, stored.runs);
  });

  it('prints each figure with its spread and the static check', () => {
    const report = formatReport({ ...results, reliable: false, machine: { ...results.machine, loadAverage: { ...results.machine.loadAverage, threshold: 1, waitedSeconds: 180 } } });
    assert.match(report, /each figure: median \(min–max\) over the runs/);
    assert.match(report, /^ {2}1000 {2}app \(prod\) +\d+ \(\d+–\d+\) +\d+ \(\d+–\d+\) +\d+ \(\d+–\d+\)/m);
    assert.match(report, /^!! THE FIGURES ARE UNRELIABLE/m);
    const flat = results.baselineChecks.staticPage.ok;
    assert.match(report, flat ? /^Static baseline flat in N/m : /^!! THE STATIC BASELINE IS NOT FLAT IN N/m);
  });
});
