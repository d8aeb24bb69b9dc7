// The bench's printed report, from a results.json's content: every figure as "median (min–max)"
// over the runs, the baselines' checks and the ratios they allow, said loudly ("!!") when a
// baseline or the machine cannot be trusted.
//
// As a command, `node bench/report.mjs [bench/results.json]` summarises that file's raw samples
// again with bench/summary.mjs (so an earlier run is read with today's checks) and prints the
// report; it writes nothing.
import { liveLines } from './live-load.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { POST_ARTICLE, READ_CONNECTIONS, READ_PATH, SERVER_GOALS, STATIC_COPY, WRITE_CONNECTIONS, WRITE_SECONDS } from './server-load.mjs';
import { resummarise } from './summary.mjs';

export const RESULTS_FILE = 'bench/results.json';
export const GOALS = { firstCommentRatio: { 1000: 1.5, 5000: 1, 20000: 1 }, keystrokeRatio: 1.2 };
export const KEYSTROKE_SIZE = 20_000;
/** What bench/summary.mjs's summarise needs besides the samples. */
export const SUMMARY_SETTINGS = {
  goals: GOALS,
  keystrokeArticle: `generated-${KEYSTROKE_SIZE}`,
  server: { connections: READ_CONNECTIONS, goals: SERVER_GOALS },
};
const TARGETS = [
  ['production', 'app (prod)'],
  ['demo', 'demo'],
  ['static', 'static'],
];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => (value === null || value === undefined ? '—' : `${Math.round(value)}`);
const oneDecimal = (value) => (value === null || value === undefined ? '—' : value.toFixed(1));
const mb = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1024 ** 2).toFixed(1)}`);
const whole = (value) => (value === null || value === undefined ? '—' : value.toFixed(0));
const valueAt = (tree, path) => path.reduce((node, key) => node?.[key], tree);

/** Cells padded to their widths: a negative width aligns the cell left (for names), else right. */
const row = (cells, widths) =>
  cells
    .map((cell, index) => (widths[index] < 0 ? String(cell).padEnd(-widths[index]) : String(cell).padStart(widths[index])))
    .join('  ')
    .trimEnd();

/**
 * `spread(summary, path, format)`: the figure at `path` of a { median, min, max } summary, as
 * "median (min–max)"; the median alone after a single run (or when min and max are not known).
 */
function spreadFormatter(runs) {
  return (summary, path, format) => {
    const [middle, low, high] = ['median', 'min', 'max'].map((tree) => valueAt(summary[tree], path));
    if (runs <= 1 || low === undefined || high === undefined) return format(middle);
    return `${format(middle)} (${format(low)}–${format(high)})`;
  };
}

/** Lines of a warning that must not be missed in the output. */
const loud = (headline, details = []) => [`!! ${headline}`, ...details.map((detail) => `!!   ${detail}`)];

function headerLines(results) {
  const { machine, app } = results;
  const load = machine.loadAverage;
  const waited = load.beforeWait !== undefined && load.waitedSeconds > 0 ? ` (${load.beforeWait.toFixed(2)} before waiting ${load.waitedSeconds} s for it)` : '';
  const version = app
    ? `${app.commit.slice(0, 7)}${app.uncommittedChanges ? ` + ${app.uncommittedChanges} uncommitted change(s)` : ''}${app.changedDuringRun ? ' (CHANGED while the bench ran: the figures mix versions)' : ''}`
    : 'version unknown (not a git checkout)';
  const lines = [
    '',
    `Réagir bench — ${results.date} — ${results.runs} run(s); each figure: median (min–max) over the runs`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}`,
    `Load average (1 min) ${load.atStart.toFixed(2)} at start${waited}, ${load.atEnd.toFixed(2)} at end; app ${version}`,
  ];
  if (results.reliable === false) {
    lines.push(
      ...loud(`THE FIGURES ARE UNRELIABLE: the load average was still ${load.atStart.toFixed(2)} (above ${load.threshold}) after waiting ${load.waitedSeconds} s.`, [
        'Other work ran on the machine: re-run the bench on a quiet one before quoting these figures.',
      ]),
    );
  }
  return lines;
}

function sizeLines(results) {
  const { initial, staticPages } = results;
  return [
    '',
    `Initial JS : ${initial.js.files.length} file(s), ${kb(initial.js.rawBytes)} raw, ${kb(initial.js.gzipBytes)} gzip`,
    `Initial CSS: ${initial.css.files.length} file(s), ${kb(initial.css.rawBytes)} raw, ${kb(initial.css.gzipBytes)} gzip`,
    `Static pages (compressed when written): ${Object.entries(staticPages)
      .filter(([name]) => name !== 'counter.html')
      .map(([name, page]) => `${name} ${mb(page.rawBytes)} MB, br ${kb(page.brBytes)} (q${page.brQuality}), gzip ${kb(page.gzipBytes)}`)
      .join('; ')}`,
    ...(results.htmlBeforeFirstComment
      ? [
          `App page's HTML before its first comment (bytes, uncompressed): ${Object.entries(results.htmlBeforeFirstComment)
            .map(([size, bytes]) => `${size}: ${bytes}`)
            .join('; ')}`,
        ]
      : []),
  ];
}

/** A table with a row per N and page: `cells(page)` gives a page's figures after N and its name. */
function pageTable(results, { title, headers, widths, cells }) {
  const lines = ['', title, row(['N', 'page', ...headers], widths)];
  for (const [size, result] of Object.entries(results.discussions)) {
    for (const [target, name] of TARGETS) {
      lines.push(row([target === 'production' ? size : '', name, ...cells(result[target])], widths));
    }
  }
  return lines;
}

/** Per N and page: time to first byte, first contentful paint, first comment, load end. */
function paintLines(results, spread) {
  return pageTable(results, {
    title: 'Pages per N, ms from navigation start (TTFB: the document’s responseStart - requestStart; static: server-rendered HTML, no JS)',
    headers: ['TTFB', 'first cont. paint', 'first comment', 'load end'],
    widths: [6, -10, 14, 18, 18, 22],
    cells: (page) => ['ttfbMs', 'fcpMs', 'firstCommentMs', 'loadEventEndMs'].map((figure) => spread(page, [figure], ms)),
  });
}

/** The static page's check, then the app / static ratios, or loudly none. */
function ratioLines(results) {
  const check = results.baselineChecks?.staticPage;
  const lines = [''];
  if (check && !check.ok) {
    lines.push(...loud('THE STATIC BASELINE IS NOT FLAT IN N: no app / static ratio is printed for it.', [...check.problems, `(rule: ${check.rule})`]));
  } else if (check) {
    const growth = Object.entries(check.growth)
      .map(([size, figures]) => `at ${size} first comment ×${figures.firstComment.toFixed(2)}, TTFB ${figures.ttfbMs >= 0 ? '+' : ''}${figures.ttfbMs.toFixed(1)} ms`)
      .join('; ');
    lines.push(`Static baseline flat in N (${check.rule}): ${growth}`);
  }
  lines.push('First comment painted, app (prod) / static page, ratio of medians');
  const widths = [6, 6, 16];
  lines.push(row(['N', 'ratio', 'goal'], widths));
  for (const [size, result] of Object.entries(results.discussions)) {
    const withheld = result.firstCommentRatio === null;
    const verdict = withheld ? 'not judged' : result.goalMet ? 'met' : 'NOT met';
    lines.push(row([size, withheld ? '—' : result.firstCommentRatio.toFixed(2), `< ${result.goal} ${verdict}`], widths));
  }
  return lines;
}

/** Per N and page: the heading painted, long tasks during load, heap after load. */
function loadCostLines(results, spread) {
  return pageTable(results, {
    title: '"Commentaires (N)" painted (ms), long tasks > 50 ms during load (count, total ms), JS heap after load (MB)',
    headers: ['heading painted', 'long tasks', 'long tasks ms', 'JS heap MB'],
    widths: [6, -10, 18, 12, 20, 16],
    cells: (page) => [
      spread(page, ['headingMs'], ms),
      spread(page, ['longTaskCount'], ms),
      spread(page, ['longTaskTotalMs'], ms),
      spread(page, ['jsHeapBytes'], mb),
    ],
  });
}

function keystrokeLines(results, spread) {
  const { keystroke } = results;
  const check = results.baselineChecks?.bareTextarea;
  // keystroke.app and .bare hold their medians at the top (where the README reads them), min and max beside.
  const figures = (page) => {
    const summary = { median: page, min: page.min, max: page.max };
    return `median ${spread(summary, ['medianMs'], oneDecimal)} ms, p95 ${spread(summary, ['p95Ms'], oneDecimal)} ms`;
  };
  const lines = [
    '',
    `Keystroke to next paint in a reply form (${keystroke.article}, production): ${figures(keystroke.app)}`,
    `Same on a bare textarea + counter page:         ${figures(keystroke.bare)}`,
    ...(keystroke.inPage ? [`That textarea + counter in the app's page, no app code: ${figures(keystroke.inPage)}`] : []),
    '(per run, the median and p95 of its keys; then their median (min–max) over the runs)',
  ];
  if (keystroke.ratio === null) {
    lines.push(...loud('THE BARE TEXTAREA BASELINE FAILED ITS CHECK: no app / bare ratio is printed.', check?.problems ?? []));
  } else {
    lines.push(`Ratio app / bare (medians): ${keystroke.ratio.toFixed(2)} (goal <= ${keystroke.goal}: ${keystroke.goalMet ? 'met' : 'NOT met'})`);
    if (keystroke.ratioInPage !== undefined) lines.push(`Ratio app / the same textarea in the app's page (medians): ${keystroke.ratioInPage.toFixed(2)}`);
  }
  return lines;
}

/** A new connection's wait during a load: median of the runs' medians (their spread), the worst of all, how many. */
function newConnectionCell(kind, path, spread) {
  const worst = valueAt(kind.max ?? kind.median, [...path, 'maxMs']);
  return `${spread(kind, [...path, 'medianMs'], ms)}, worst ${ms(worst)}, n ${ms(valueAt(kind.median, [...path, 'count']))}`;
}

function serverReadLines(results, spread, kinds) {
  const { server } = results;
  const widths = [-10, -6, 5, 18, 14, 16, 8, 10, 30, 9];
  const lines = [
    '',
    `Real server under load (autocannon on 127.0.0.1, ${results.runs} run(s))`,
    `Reads: GET ${READ_PATH} (${kb(server.apiBodyBytes)} of JSON, br) against /${STATIC_COPY} (the same JSON, a static file of the same process)`,
    row(['', 'target', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'new conn. ms', 'vs static'], widths),
  ];
  for (const kind of kinds) {
    for (const connections of READ_CONNECTIONS) {
      for (const target of ['api', 'static']) {
        const path = ['read', connections, target];
        lines.push(
          row(
            [
              kind.label,
              target,
              connections,
              spread(kind, [...path, 'requestsPerSecond'], whole),
              spread(kind, [...path, 'p50Ms'], ms),
              spread(kind, [...path, 'p99Ms'], ms),
              spread(kind, [...path, 'non2xx'], whole),
              spread(kind, [...path, 'errors'], whole),
              newConnectionCell(kind, [...path, 'newConnection'], spread),
              target === 'api' ? kind.apiOverStatic[connections].toFixed(2) : '',
            ],
            widths,
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
    '(errors: autocannon timeouts, no answer within 10 s; new conn.: a GET on a new connection every 0.5 s during the load, one at a time: ms to its whole answer, the worst of all runs, n done)',
  );
  return lines;
}

function serverWriteLines(kinds, spread) {
  const widths = [-10, 14, 14, 16, 5, 12, 20, 20, 13, 30];
  const lines = [
    '',
    `Writes: POST /api/articles/${POST_ARTICLE}/comments, ${WRITE_CONNECTIONS} posters for ${WRITE_SECONDS} s (new conn.: a reader's GET ${READ_PATH} meanwhile)`,
    row(['', 'comments/s', 'p50 ms', 'p99 ms', '5xx', 'errors', 'answered 201', 'stored', 'stored = 201s', 'new conn. ms'], widths),
  ];
  for (const kind of kinds) {
    lines.push(
      row(
        [
          kind.label,
          spread(kind, ['write', 'commentsPerSecond'], whole),
          spread(kind, ['write', 'p50Ms'], ms),
          spread(kind, ['write', 'p99Ms'], ms),
          kind.write.serverErrorsInAllRuns,
          spread(kind, ['write', 'errors'], whole),
          spread(kind, ['write', 'created'], whole),
          spread(kind, ['write', 'stored'], whole),
          kind.write.storedEqualsCreatedInEveryRun ? 'every run' : 'NO',
          newConnectionCell(kind, ['write', 'newConnection'], spread),
        ],
        widths,
      ),
    );
  }
  lines.push(
    '',
    `Memory (RSS after the reads, peak), MB: ${kinds.map((kind) => `${kind.label} ${spread(kind, ['memoryAfterReads', 'rssBytes'], mb)}, peak ${spread(kind, ['memoryAfterReads', 'peakRssBytes'], mb)}`).join('; ')}`,
    `Start-up (spawn to "listening"), ms: ${kinds.map((kind) => `${kind.label} ${spread(kind, ['startupEmptyMs'], ms)} empty, ${spread(kind, ['startupSeededMs'], ms)} with generated-20000`).join('; ')}`,
  );
  return lines;
}

/** The whole printed report of a results.json's content. */
export function formatReport(results) {
  const spread = spreadFormatter(results.runs);
  const kinds = ['sqlite', 'postgres'].map((kind) => results.server[kind]).filter(Boolean);
  return [
    ...headerLines(results),
    ...sizeLines(results),
    ...paintLines(results, spread),
    ...ratioLines(results),
    ...loadCostLines(results, spread),
    ...keystrokeLines(results, spread),
    ...serverReadLines(results, spread, kinds),
    ...serverWriteLines(kinds, spread),
    ...liveLines(results.live),
    // Said again at the end, where the eye lands after a long run.
    ...(results.reliable === false ? ['', ...loud('These figures were taken on a busy machine: UNRELIABLE.')] : []),
    '',
  ].join('\n');
}

// As a command: the report of a results file, summarised again from its raw samples.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? RESULTS_FILE;
  const results = JSON.parse(readFileSync(file, 'utf8'));
  console.log(formatReport(resummarise(results, SUMMARY_SETTINGS)));
}
