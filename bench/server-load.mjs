// The real server under load, on SQLite and on PostgreSQL side by side (autocannon's programmatic
// API, from the bench's own process, on 127.0.0.1 only). One run of measureServerRun:
//   - start-up (spawn to the "listening" line) on an empty database and on the one holding
//     generated-20000, for each kind;
//   - reads: the first page of generated-20000 (GET /api/articles/generated-20000/comments) at
//     50 and 200 connections, beside the very same JSON served as a static file by the same
//     process (bench-first-page.json in REAGIR_DIST): the ceiling of that server for those bytes;
//   - memory: the server's resident set after the reads;
//   - writes: 200 posters at once, each request with a key and a text of its own; the requests
//     autocannon cuts at the end are sent again with their key, as a retrying client would, and
//     the comments stored (moderation's pending count, after minus before) must equal the 201
//     answers, replays included.
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { BENCH_MODERATOR, createSchema, dropSchema, memoryOf, schemaUrl, startRealServer, summariseServerLog } from './processes.mjs';

export const READ_PATH = '/api/articles/generated-20000/comments';
export const STATIC_COPY = 'bench-first-page.json';
export const POST_ARTICLE = 'hollande-poutine-daech';
const POST_PATH = `/api/articles/${POST_ARTICLE}/comments`;
export const READ_CONNECTIONS = [50, 200];
export const READ_SECONDS = 10;
export const WARMUP_SECONDS = 2;
export const WRITE_CONNECTIONS = 200;
export const WRITE_SECONDS = 20;
export const SERVER_GOALS = { apiOverStatic: 0.5, p99Ms: 50, connections: 200 };
// What a browser sends: the API answers compressed, as it does to readers.
const READ_HEADERS = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' };

// A new reader arriving during a load: one GET on a connection of its own, every PROBE_EVERY_MS.
const PROBE_EVERY_MS = 500;
const PROBE_TIMEOUT_MS = 30_000;
// A server is idle again when /healthz answers within this.
const IDLE_HEALTH_MS = 50;
const SETTLE_TIMEOUT_MS = 20_000;

const log = (message) => console.error(`[bench] ${message}`);

const sortedMedian = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Waits until the server has answered what a load left in flight (autocannon drops its connections
 * at the end, the server still answers their last requests): a load starts on an idle server.
 */
async function settle(origin) {
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const started = performance.now();
    const response = await fetch(`${origin}/healthz`);
    await response.arrayBuffer();
    if (performance.now() - started < IDLE_HEALTH_MS) return;
    await sleep(250);
  }
}

/** One GET on a connection of its own (no keep-alive agent): the time to its whole answer, in ms. */
function freshConnectionGet(url) {
  return new Promise((resolve) => {
    const started = performance.now();
    const request = get(url, { agent: false, headers: READ_HEADERS, timeout: PROBE_TIMEOUT_MS }, (response) => {
      response.resume();
      response.once('end', () => resolve(performance.now() - started));
      response.once('error', () => resolve(null));
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(null));
  });
}

/** While `load` runs: new connections, one after the other, each asking for `url`. */
async function probeNewConnections(url, load) {
  let done = false;
  void load.finally(() => (done = true));
  const latencies = [];
  let failed = 0;
  await sleep(1000);
  while (!done) {
    const next = sleep(PROBE_EVERY_MS);
    const latency = await freshConnectionGet(url);
    if (latency === null) failed++;
    else latencies.push(latency);
    await next;
  }
  return { count: latencies.length + failed, failed, medianMs: sortedMedian(latencies), maxMs: latencies.length ? Math.max(...latencies) : null };
}

/** One measured read load, after a warm-up at the same concurrency, each started on an idle server. */
async function readLoad(origin, path, connections) {
  const url = `${origin}${path}`;
  await settle(origin);
  await autocannon({ url, connections, duration: WARMUP_SECONDS, headers: READ_HEADERS });
  await settle(origin);
  // autocannon's instance is a thenable without finally(): made a real promise.
  const load = Promise.resolve(autocannon({ url, connections, duration: READ_SECONDS, headers: READ_HEADERS }));
  const [result, newConnection] = await Promise.all([load, probeNewConnections(url, load)]);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : null,
    newConnection,
  };
}

/** The bench moderator's session cookie on this server. */
async function signIn(origin) {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_MODERATOR),
  });
  await response.arrayBuffer();
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`POST /api/session answered ${response.status}`);
  return cookie;
}

async function pendingCount(origin) {
  const response = await fetch(`${origin}/api/moderation/comments?status=pending`, {
    headers: { accept: 'application/json', cookie: await signIn(origin) },
  });
  if (!response.ok) throw new Error(`GET /api/moderation/comments answered ${response.status}`);
  return (await response.json()).counts.pending;
}

const count = (tally, status) => (tally[status] = (tally[status] ?? 0) + 1);
const serverErrorsIn = (tally) => Object.entries(tally).reduce((sum, [status, n]) => sum + (status.startsWith('5') ? n : 0), 0);

/** 200 posters for WRITE_SECONDS, then the check that what was stored is what was answered 201. */
async function writeLoad(origin, tag) {
  await settle(origin);
  const before = await pendingCount(origin);
  // Requests sent and not answered yet, by idempotency key: what autocannon cuts at the end is left.
  const unanswered = new Map();
  const statuses = {};
  let sent = 0;
  const load = Promise.resolve(
    autocannon({
      url: origin,
      connections: WRITE_CONNECTIONS,
      duration: WRITE_SECONDS,
      requests: [
        {
          method: 'POST',
          path: POST_PATH,
          headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' },
          // The context is the client's for this one request: setupRequest and onResponse share it.
          setupRequest(request, context) {
            const n = ++sent;
            const key = `bench-${tag}-${n}`;
            const body = JSON.stringify({
              author: `Lecteur ${n % 997}`,
              email: `lecteur-${n}@example.fr`,
              body: `Commentaire n° ${n} du banc d’essai (${tag}) : un avis de quelques lignes, comme en écrivent les lecteurs.`,
              parentId: null,
            });
            context.key = key;
            unanswered.set(key, body);
            return { ...request, headers: { ...request.headers, 'idempotency-key': key }, body };
          },
          onResponse(status, _body, context) {
            count(statuses, String(status));
            unanswered.delete(context.key);
          },
        },
      ],
    }),
  );
  // A reader opening the discussion while the posters post.
  const [result, newConnection] = await Promise.all([load, probeNewConnections(`${origin}${READ_PATH}`, load)]);
  const cutAtStop = unanswered.size;
  const replays = {};
  for (const [key, body] of unanswered) {
    const response = await fetch(`${origin}${POST_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
      body,
    });
    await response.arrayBuffer();
    count(replays, String(response.status));
  }
  const after = await pendingCount(origin);
  const created = statuses['201'] ?? 0;
  const stored = after - before;
  return {
    commentsPerSecond: created / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    seconds: result.duration,
    sent,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    serverErrors: serverErrorsIn(statuses) + serverErrorsIn(replays),
    newConnection,
    cutAtStop,
    replays,
    pendingBefore: before,
    stored,
    // Every comment stored was answered 201, to autocannon or, for a request whose answer the stop
    // cut, to nobody: its replay then finds it stored (200). A replay that stores (201) is a
    // request the server never got to; anything else is a failure.
    created,
    storedEqualsCreated: stored === created + (replays['200'] ?? 0) + (replays['201'] ?? 0) && Object.keys(replays).every((status) => status === '200' || status === '201'),
  };
}

/** The API's first page as the server answers it uncompressed, to compare with the static copy. */
async function readBody(url) {
  const response = await fetch(url, { headers: { accept: 'application/json', 'accept-encoding': 'identity' } });
  return Buffer.from(await response.arrayBuffer());
}

/**
 * The databases of one kind: `seeded` is the one holding generated-20000 (and the seed article),
 * `withEmpty(work)` gives `work` the settings of a new empty one and removes it afterwards.
 */
export function sqliteKind({ dataDir, distDir, scratchDir }) {
  return {
    kind: 'sqlite',
    label: 'SQLite',
    seeded: { dataDir, distDir },
    async withEmpty(work) {
      const empty = mkdtempSync(join(scratchDir, 'empty-'));
      try {
        return await work({ dataDir: empty, distDir });
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    },
  };
}

export function postgresKind({ adminUrl, schema, dataDir, distDir }) {
  let empties = 0;
  return {
    kind: 'postgres',
    label: 'PostgreSQL',
    seeded: { dataDir, distDir, databaseUrl: schemaUrl(adminUrl, schema) },
    async withEmpty(work) {
      const empty = `${schema}_empty_${++empties}`;
      await createSchema(adminUrl, empty);
      try {
        return await work({ dataDir, distDir, databaseUrl: schemaUrl(adminUrl, empty) });
      } finally {
        await dropSchema(adminUrl, empty);
      }
    },
  };
}

/** One run of every server figure, for each kind of database. */
export async function measureServerRun({ run, runs, kinds, logDir, staticBytes }) {
  const results = Object.fromEntries(kinds.map(({ kind }) => [kind, { read: {} }]));
  const step = (message) => log(`run ${run}/${runs}: server, ${message}`);

  for (const { kind, label, withEmpty } of kinds) {
    step(`${label} start-up on an empty database`);
    await withEmpty(async (config) => {
      const server = await startRealServer({ name: `${kind}-empty-run${run}`, logDir, ...config });
      results[kind].startupEmptyMs = server.startupMs;
      results[kind].emptyExitCode = await server.stop();
    });
  }
  const servers = {};
  try {
    for (const { kind, label, seeded } of kinds) {
      step(`${label} start-up on generated-20000`);
      const server = await startRealServer({ name: `${kind}-run${run}`, logDir, ...seeded });
      servers[kind] = server;
      results[kind].startupSeededMs = server.startupMs;
      results[kind].apiBodyEqualsStaticCopy = (await readBody(`${server.origin}${READ_PATH}`)).equals(staticBytes);
    }

    for (const connections of READ_CONNECTIONS) {
      for (const target of ['api', 'static']) {
        for (const { kind, label } of kinds) {
          step(`${label} read (${target}) at ${connections} connections`);
          results[kind].read[connections] ??= {};
          results[kind].read[connections][target] = await readLoad(servers[kind].origin, target === 'api' ? READ_PATH : `/${STATIC_COPY}`, connections);
        }
      }
    }
    for (const { kind } of kinds) results[kind].memoryAfterReads = memoryOf(servers[kind].pid);

    for (const { kind, label } of kinds) {
      step(`${label} write, ${WRITE_CONNECTIONS} posters`);
      results[kind].write = await writeLoad(servers[kind].origin, `${kind}-${run}-${process.pid}`);
    }
  } finally {
    for (const { kind } of kinds) {
      const server = servers[kind];
      if (!server) continue;
      results[kind].exitCode = await server.stop();
      results[kind].log = await summariseServerLog(server);
      // The request lines are many (one per request); their counts are kept, the lines are not.
      rmSync(server.stdoutFile, { force: true });
    }
  }
  return results;
}
