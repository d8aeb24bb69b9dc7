// The bench's figures from its raw samples: each figure's minimum, median and maximum over the
// runs, the baselines' own checks, and the app / baseline ratios. Nothing here measures or
// starts anything, so that `node bench/report.mjs` can summarise a results.json again with it and
// `node --test bench/summary.test.mjs` can check it without a browser or a server.

/** The discussion figures of a visit (readDiscussionMarks in bench/in-page.mjs, plus the heap). */
export const FIGURES = ['firstCommentMs', 'headingMs', 'ttfbMs', 'fcpMs', 'loadEventEndMs', 'longTaskCount', 'longTaskTotalMs', 'jsHeapBytes'];

/**
 * A static page is what the app is compared with, so it must not itself slow down with N: a page
 * whose first comment or first byte grows with the thread is being compressed, buffered or timed
 * at the baseline's expense, and any ratio against it flatters the app. Against the smallest N,
 * every larger N must paint its first comment within FIRST_COMMENT_GROWTH × and send its first
 * byte within TTFB_GROWTH × or TTFB_SLACK_MS more (a few milliseconds of TTFB double easily).
 */
export const STATIC_SHAPE = { firstCommentGrowth: 1.3, ttfbGrowth: 1.3, ttfbSlackMs: 20 };

const numbersOf = (values) => values.filter((value) => typeof value === 'number' && !Number.isNaN(value)).sort((a, b) => a - b);

export function median(values) {
  const sorted = numbersOf(values);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
export const minimum = (values) => numbersOf(values)[0] ?? null;
export const maximum = (values) => numbersOf(values).at(-1) ?? null;
export function percentile(values, fraction) {
  const sorted = numbersOf(values);
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/**
 * Runs' results of one shape, merged into one of the same shape: each number by `reduce` over the
 * runs (median, minimum or maximum), booleans true when true in every run, anything else as the
 * first run has it.
 */
export function mergeRuns(values, reduce) {
  const present = values.filter((value) => value !== undefined && value !== null);
  if (present.length === 0) return null;
  if (present.every((value) => typeof value === 'number')) return reduce(present);
  if (present.every((value) => typeof value === 'boolean')) return present.every(Boolean);
  if (present.every((value) => typeof value === 'object' && !Array.isArray(value))) {
    const keys = [...new Set(present.flatMap((value) => Object.keys(value)))];
    return Object.fromEntries(keys.map((key) => [key, mergeRuns(present.map((value) => value[key]), reduce)]));
  }
  return present[0];
}

/** The median, minimum and maximum of every figure of `runs`, as three trees of the runs' shape. */
export function spreadOf(runs) {
  return { median: mergeRuns(runs, median), min: mergeRuns(runs, minimum), max: mergeRuns(runs, maximum) };
}

const mapValues = (object, map) => Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value, key)]));
const pick = (object, keys) => Object.fromEntries(keys.map((key) => [key, object[key]]));
const round = (value) => (value === null ? 'none' : String(Math.round(value)));

/**
 * The static page's own shape (see STATIC_SHAPE), on its medians per N: `ok`, the growth found
 * against the smallest N, and a sentence per broken limit.
 */
export function checkStaticShape(pagesBySize, limits = STATIC_SHAPE) {
  const sizes = Object.keys(pagesBySize)
    .map(Number)
    .sort((a, b) => a - b);
  const smallest = sizes[0];
  const base = pagesBySize[smallest].static.median;
  const problems = [];
  const growth = {};
  for (const size of sizes.slice(1)) {
    const page = pagesBySize[size].static.median;
    const missing = [base, page].some((figures) => typeof figures.firstCommentMs !== 'number' || typeof figures.ttfbMs !== 'number');
    if (missing) {
      problems.push(`its first comment or first byte was not measured at ${smallest} or ${size}`);
      continue;
    }
    const firstComment = page.firstCommentMs / base.firstCommentMs;
    growth[size] = { firstComment, ttfbMs: page.ttfbMs - base.ttfbMs, ttfb: page.ttfbMs / base.ttfbMs };
    if (!(firstComment <= limits.firstCommentGrowth)) {
      problems.push(
        `its first comment at ${size} (${round(page.firstCommentMs)} ms) is ${firstComment.toFixed(2)}× its first comment at ${smallest} (${round(base.firstCommentMs)} ms), over ${limits.firstCommentGrowth}×`,
      );
    }
    const ttfbFlat = page.ttfbMs <= limits.ttfbGrowth * base.ttfbMs || page.ttfbMs <= base.ttfbMs + limits.ttfbSlackMs;
    if (!ttfbFlat) {
      problems.push(
        `its time to first byte at ${size} (${round(page.ttfbMs)} ms) is over ${limits.ttfbGrowth}× and over ${limits.ttfbSlackMs} ms more than at ${smallest} (${round(base.ttfbMs)} ms)`,
      );
    }
  }
  return {
    ok: problems.length === 0,
    rule: `against N = ${smallest}, every larger N: first comment within ${limits.firstCommentGrowth}×, time to first byte within ${limits.ttfbGrowth}× or +${limits.ttfbSlackMs} ms (medians)`,
    growth,
    problems,
  };
}

/** The first-comment ratio of the app (production) to the static page at one N, unless the static page failed its check. */
function firstCommentRatio(byTarget, goal, staticShape) {
  if (!staticShape.ok) {
    return { firstCommentRatio: null, ratioWithheld: 'the static baseline is not flat in N (baselineChecks.staticPage)', goal, goalMet: null };
  }
  const ratio = byTarget.production.median.firstCommentMs / byTarget.static.median.firstCommentMs;
  return { firstCommentRatio: ratio, goal, goalMet: ratio < goal };
}

/**
 * visitsBySize: { [N]: { production: visit[], demo: visit[], static: visit[] } }. Returns each
 * page's median, min and max per figure with its visits, the ratio per N, and the static check.
 */
export function summariseDiscussions(visitsBySize, goals) {
  const pages = mapValues(visitsBySize, (byTarget) =>
    mapValues(byTarget, (visits) => ({ ...spreadOf(visits.map((visit) => pick(visit, FIGURES))), visits })),
  );
  const staticShape = checkStaticShape(pages);
  const discussions = mapValues(pages, (byTarget, size) => ({ ...byTarget, ...firstCommentRatio(byTarget, goals[size], staticShape) }));
  return { discussions, staticShape };
}

/** Per run, the median and p95 of its keystrokes; over the runs, the median (and min, max) of those. */
function keystrokeFigures(samplesByRun) {
  const perRun = samplesByRun.map((samples) => ({ medianMs: median(samples), p95Ms: percentile(samples, 0.95) }));
  const { median: medians, min, max } = spreadOf(perRun);
  return { ...medians, min, max };
}

/**
 * A bare textarea does the least a page can do per key: if its keystroke is not faster than the
 * app's, the bare page was measured wrongly (or on a machine too busy to tell), not the app fast.
 */
export function checkBareTextarea(app, bare) {
  const ok = bare.medianMs !== null && app.medianMs !== null && bare.medianMs < app.medianMs;
  return {
    ok,
    rule: "the bare page's median keystroke below the app's",
    problems: ok ? [] : [`its median keystroke (${bare.medianMs?.toFixed(1)} ms) is not below the app's (${app.medianMs?.toFixed(1)} ms)`],
  };
}

/**
 * samples: { app: ms[][], bare: ms[][], inPage?: ms[][] }, one array of per-key latencies per run
 * (inPage, the bare page's textarea and counter inside the app's page, from December 2026 on).
 */
export function summariseKeystrokes(samples, { article, goal }) {
  const app = keystrokeFigures(samples.app);
  const bare = keystrokeFigures(samples.bare);
  const inPage = samples.inPage ? keystrokeFigures(samples.inPage) : null;
  const bareCheck = checkBareTextarea(app, bare);
  const ratio = bareCheck.ok ? app.medianMs / bare.medianMs : null;
  return {
    keystroke: {
      article,
      app,
      bare,
      ratio,
      // The page's own cost apart: what the app adds over a textarea with no app code in that page.
      ...(inPage ? { inPage, ratioInPage: app.medianMs / inPage.medianMs } : {}),
      ...(bareCheck.ok ? {} : { ratioWithheld: 'the bare page is not faster than the app (baselineChecks.bareTextarea)' }),
      goal,
      goalMet: ratio === null ? null : ratio <= goal,
      samples,
    },
    bareCheck,
  };
}

/**
 * The server figures per kind of database: median, min and max trees over the runs, the API's
 * throughput against the static file's (from the medians) and the goals at `goals.connections`
 * (API at least `goals.apiOverStatic` of the static file's throughput, p99 under `goals.p99Ms`).
 */
export function summariseServer(serverRuns, kinds, { connections, goals }) {
  return Object.fromEntries(
    kinds.map(({ kind, label }) => {
      const runs = serverRuns.map((run) => run[kind]);
      const { median: medians, min, max } = spreadOf(runs);
      const ratio = (count) => medians.read[count].api.requestsPerSecond / medians.read[count].static.requestsPerSecond;
      const apiOverStatic = Object.fromEntries(connections.map((count) => [count, ratio(count)]));
      return [
        kind,
        {
          label,
          median: medians,
          min,
          max,
          apiOverStatic,
          goal: {
            ...goals,
            throughputMet: apiOverStatic[goals.connections] >= goals.apiOverStatic,
            p99Met: medians.read[goals.connections].api.p99Ms < goals.p99Ms,
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

/**
 * Everything results.json says about the runs, from their raw samples:
 *   raw = { discussions: { [N]: { [target]: visit[] } }, keystrokes: { app, bare }, serverRuns, kinds }
 *   settings = { goals: { firstCommentRatio: { [N]: goal }, keystrokeRatio }, keystrokeArticle, server: { connections, goals } }
 */
export function summarise(raw, settings) {
  const { discussions, staticShape } = summariseDiscussions(raw.discussions, settings.goals.firstCommentRatio);
  const { keystroke, bareCheck } = summariseKeystrokes(raw.keystrokes, { article: settings.keystrokeArticle, goal: settings.goals.keystrokeRatio });
  return {
    baselineChecks: { staticPage: staticShape, bareTextarea: bareCheck },
    discussions,
    keystroke,
    server: summariseServer(raw.serverRuns, raw.kinds, settings.server),
  };
}

/** The raw samples a results.json keeps (its visits, keystroke samples and server runs), for summarise. */
export function rawSamplesOf(results) {
  return {
    discussions: mapValues(results.discussions, (bySize) =>
      Object.fromEntries(['production', 'demo', 'static'].map((target) => [target, bySize[target].visits])),
    ),
    keystrokes: results.keystroke.samples,
    serverRuns: results.server.runs,
    kinds: ['sqlite', 'postgres'].filter((kind) => results.server[kind]).map((kind) => ({ kind, label: results.server[kind].label })),
  };
}

/** A results.json's content with everything summarise computes computed again from its raw samples. */
export function resummarise(results, settings) {
  const summary = summarise(rawSamplesOf(results), settings);
  return { ...results, ...summary, server: { ...results.server, ...summary.server } };
}
