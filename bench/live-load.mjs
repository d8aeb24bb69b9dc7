// The live streams under load (GET /api/articles/:slug/events), on the real server as its own
// process: how much memory an idle reader's open stream costs the process, and how long an
// approval takes to reach every one of 1,000 (then 3,000) connected readers. On PostgreSQL the
// readers are connected to one process and the moderator approves on another: the event goes
// through NOTIFY/LISTEN. One run of measureLiveRun:
//   - memory: the server's resident set before any stream and with N streams open (after 2 s),
//     per stream = the difference / N;
//   - fan-out: APPROVALS times, a comment posted then approved; from just before the approval is
//     sent to each stream's receiving the `published` event of that comment: median, p99, last.
// Runnable alone: `node bench/live-load.mjs` (SQLite in a scratch folder, and PostgreSQL when
// REAGIR_BENCH_POSTGRES_URL or the machine's own answers) prints its figures as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { get, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { addBenchModerator, BENCH_MODERATOR, createSchema, dropSchema, memoryOf, schemaUrl, startRealServer, stopAllProcesses } from './processes.mjs';

export const LIVE_ARTICLE = 'hollande-poutine-daech';
export const LIVE_READERS = [1000, 3000];
export const APPROVALS = 5;
const OPEN_TIMEOUT_MS = 60_000;
const ARRIVAL_TIMEOUT_MS = 30_000;

const log = (message) => console.error(`[bench] ${message}`);

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const round = (value) => (value === null ? null : Math.round(value * 10) / 10);

/** One reader's stream, on a connection of its own: when each comment's `published` event came. */
function openReader(origin) {
  return new Promise((resolve, reject) => {
    const arrivals = new Map();
    let buffer = '';
    const req = get(`${origin}/api/articles/${LIVE_ARTICLE}/events`, { agent: false, headers: { accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`events answered ${response.statusCode}`));
      response.setEncoding('utf8');
      let ready = false;
      response.on('data', (chunk) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          if (block.includes('event: ready') && !ready) {
            ready = true;
            resolve({ arrivals, close: () => req.destroy() });
          } else if (block.includes('event: published')) {
            const subject = /"subject":"([^"]+)"/.exec(block)?.[1];
            if (subject) arrivals.set(subject, performance.now());
          }
        }
      });
    });
    req.on('error', reject);
  });
}

function send(origin, method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    const req = request(
      `${origin}${path}`,
      { method, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers } },
      (response) => {
        let data = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (data += chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: data }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

async function signIn(origin) {
  const answer = await send(origin, 'POST', '/api/session', BENCH_MODERATOR);
  const cookie = String(answer.headers['set-cookie'] ?? '').split(';')[0];
  if (answer.status !== 200 || !cookie) throw new Error(`the bench moderator could not sign in (${answer.status})`);
  return cookie;
}

/** Posts a comment and approves it on `approver`; resolves with the ms each reader took to hear of it. */
async function approveOnce(readers, poster, approver, cookie, index) {
  const posted = await send(poster, 'POST', `/api/articles/${LIVE_ARTICLE}/comments`, {
    author: 'Banc direct',
    email: `direct${index}@example.fr`,
    body: `Commentaire en direct numéro ${index} (${Date.now()}).`,
    parentId: null,
  });
  if (posted.status !== 201) throw new Error(`posting answered ${posted.status}`);
  const id = JSON.parse(posted.body).comment.id;
  const started = performance.now();
  const approved = await send(approver, 'POST', `/api/moderation/comments/${encodeURIComponent(id)}/approve`, { from: 'pending' }, { cookie });
  if (approved.status !== 200) throw new Error(`approving answered ${approved.status}`);
  const deadline = started + ARRIVAL_TIMEOUT_MS;
  while (readers.some((reader) => !reader.arrivals.has(id))) {
    if (performance.now() > deadline) throw new Error(`${readers.filter((reader) => !reader.arrivals.has(id)).length} readers never heard of ${id}`);
    await sleep(5);
  }
  return readers.map((reader) => reader.arrivals.get(id) - started);
}

async function openReaders(origin, count, into) {
  const deadline = performance.now() + OPEN_TIMEOUT_MS;
  // In batches: a thousand connections at once would measure the accept queue, not the streams.
  while (into.length < count) {
    if (performance.now() > deadline) throw new Error(`only ${into.length} of ${count} streams opened in time`);
    const batch = Math.min(100, count - into.length);
    into.push(...(await Promise.all(Array.from({ length: batch }, () => openReader(origin)))));
  }
}

/**
 * One run for a kind: its servers started (two on PostgreSQL: readers on the first, approvals on
 * the second), the streams opened step by step, memory and fan-out measured at each step.
 */
export async function measureLiveKind({ label, config, processes, logDir, run }) {
  const servers = [];
  const readers = [];
  try {
    for (let index = 0; index < processes; index++) {
      servers.push(await startRealServer({ name: `live-${label}-${run}-${index}`, logDir, ...config }));
    }
    const [readersServer] = servers;
    const approver = servers.at(-1);
    const cookie = await signIn(approver.origin);
    // Warm: a first approval with one reader, so that nothing measured is a first time.
    const warm = [await openReader(readersServer.origin)];
    await approveOnce(warm, approver.origin, approver.origin, cookie, `${run}-warm`);
    warm[0].close();
    await sleep(1000);
    const before = memoryOf(readersServer.pid).rssBytes;
    const steps = [];
    for (const count of LIVE_READERS) {
      await openReaders(readersServer.origin, count, readers);
      await sleep(2000);
      const open = memoryOf(readersServer.pid).rssBytes;
      const latencies = [];
      const last = [];
      for (let index = 0; index < APPROVALS; index++) {
        const heard = await approveOnce(readers, approver.origin, approver.origin, cookie, `${run}-${count}-${index}`);
        latencies.push(...heard);
        last.push(Math.max(...heard));
      }
      steps.push({
        readers: count,
        rssBeforeBytes: before,
        rssOpenBytes: open,
        bytesPerStream: Math.round((open - before) / count),
        approvalToReaderMs: { median: round(quantile(latencies, 0.5)), p99: round(quantile(latencies, 0.99)), lastMedian: round(quantile(last, 0.5)), lastMax: round(Math.max(...last)) },
      });
      log(`live ${label}: ${count} streams, ${Math.round((open - before) / count)} B each, approval → last reader ${round(quantile(last, 0.5))} ms (median of ${APPROVALS})`);
    }
    return { kind: label, processes, steps };
  } finally {
    for (const reader of readers) reader.close();
    for (const server of servers) await server.stop();
  }
}

/** The live figures of one run, on SQLite (one process) and PostgreSQL (two). */
export async function measureLiveRun({ run, kinds, logDir }) {
  const results = [];
  for (const { label, config, processes } of kinds) results.push(await measureLiveKind({ label, config, processes, logDir, run }));
  return results;
}

const median = (values) => quantile(values, 0.5);

/** Medians over runs, per kind and number of readers, with each run's figures kept. */
export function summariseLive(runs) {
  const kinds = runs[0]?.map((kind) => kind.kind) ?? [];
  return {
    method: `node:http clients in the bench's process, each stream on a connection of its own, opened by 100; memory: /proc/<pid>/status VmRSS of the readers' server before any stream and 2 s after N are open, the difference / N; fan-out: a comment posted, then from just before its approval is sent (with "from": "pending") to each stream's receiving its "published" event, ${APPROVALS} approvals per step; PostgreSQL: readers on one process, approvals on another`,
    kinds: kinds.map((label) => {
      const mine = runs.map((run) => run.find((kind) => kind.kind === label));
      return {
        kind: label,
        processes: mine[0]?.processes,
        steps: LIVE_READERS.map((readers) => {
          const steps = mine.map((kind) => kind?.steps.find((step) => step.readers === readers)).filter(Boolean);
          return {
            readers,
            bytesPerStream: median(steps.map((step) => step.bytesPerStream)),
            medianMs: median(steps.map((step) => step.approvalToReaderMs.median)),
            p99Ms: median(steps.map((step) => step.approvalToReaderMs.p99)),
            lastReaderMs: median(steps.map((step) => step.approvalToReaderMs.lastMedian)),
          };
        }),
      };
    }),
    runs,
  };
}

/** The report's lines for the live figures. */
export function liveLines(live) {
  if (!live) return [];
  const lines = ['', 'Live streams (GET /api/articles/:slug/events): memory per idle stream, approval → readers'];
  lines.push('kind        readers  KB/stream  median ms  p99 ms  last reader ms');
  for (const kind of live.kinds) {
    for (const step of kind.steps) {
      lines.push(
        `${`${kind.kind} (${kind.processes} proc.)`.padEnd(20)}${String(step.readers).padStart(5)}  ${(step.bytesPerStream / 1024).toFixed(1).padStart(9)}  ${String(step.medianMs).padStart(9)}  ${String(step.p99Ms).padStart(6)}  ${String(step.lastReaderMs).padStart(14)}`,
      );
    }
  }
  return lines;
}

// Alone: scratch databases of its own.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scratch = mkdtempSync(join(tmpdir(), 'reagir-live-bench-'));
  const adminUrl = process.env.REAGIR_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `reagir_live_${process.pid}`;
  const distDir = join(scratch, 'no-build');
  const kinds = [{ label: 'SQLite', config: { dataDir: join(scratch, 'sqlite'), distDir }, processes: 1 }];
  try {
    try {
      await createSchema(adminUrl, schema);
      kinds.push({ label: 'PostgreSQL', config: { dataDir: join(scratch, 'postgres'), distDir, databaseUrl: schemaUrl(adminUrl, schema) }, processes: 2 });
    } catch (error) {
      log(`PostgreSQL unreachable (${error.message}): SQLite only`);
    }
    for (const kind of kinds) {
      // A first start migrates and seeds, as `npm start` does; then the moderator.
      const first = await startRealServer({ name: `live-${kind.label}-first`, logDir: scratch, ...kind.config });
      await first.stop();
      log(await addBenchModerator(kind.config));
    }
    const runs = [];
    for (let run = 1; run <= Number(process.env.LIVE_RUNS ?? 1); run++) runs.push(await measureLiveRun({ run, kinds, logDir: scratch }));
    const live = summariseLive(runs);
    console.log(liveLines(live).join('\n'));
    console.log(JSON.stringify(live.kinds, null, 2));
  } finally {
    await stopAllProcesses();
    if (kinds.length > 1) await dropSchema(adminUrl, schema).catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}
