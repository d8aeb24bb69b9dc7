// The processes the bench starts: the real server (src/server/start.ts, as `npm start` runs it
// without the build step), the static pages' server, the database CLI; and the PostgreSQL schemas
// the bench creates for itself. Every process runs in a process group of its own and is killed
// with it, whatever way the bench ends: stopped by the bench, by its cleanup, or, at the very
// last, by a SIGKILL when the bench's own process exits.
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import pg from 'pg';

const SERVER_ENTRY = 'src/server/start.ts';
const DB_CLI = 'src/server/cli/db.ts';
const MODERATOR_CLI = 'src/server/cli/moderator.ts';
// How often a starting process's output is looked at: the start-up time's resolution.
const POLL_MS = 5;

const live = new Set();
process.on('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function firstBytes(file, length = 4096) {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs `node …args` with its output in files, and resolves once its stdout matches `ready`,
 * with the time from spawn to then. Its output goes to files rather than pipes, so that a server
 * logging every request under load costs the bench's process nothing.
 */
export async function startProcess({ args, env, stdoutFile, stderrFile, ready, timeoutMs = 60_000 }) {
  const out = openSync(stdoutFile, 'w');
  const err = openSync(stderrFile, 'w');
  const started = performance.now();
  let child;
  try {
    child = spawn(process.execPath, args, { env, stdio: ['ignore', out, err], detached: true });
  } finally {
    closeSync(out);
    closeSync(err);
  }
  live.add(child);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? signal);
    });
  });
  const match = await new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const found = ready.exec(firstBytes(stdoutFile));
      if (found) {
        clearInterval(timer);
        resolve(found);
      } else if (performance.now() - started > timeoutMs) {
        clearInterval(timer);
        killGroup(child, 'SIGKILL');
        reject(new Error(`${args.join(' ')} did not start within ${timeoutMs / 1000} s:\n${readFileSync(stderrFile, 'utf8')}`));
      }
    }, POLL_MS);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`${args.join(' ')} exited (${code}) before it was ready:\n${readFileSync(stderrFile, 'utf8')}`));
    });
  });
  const startupMs = performance.now() - started;

  let stopping = null;
  return {
    pid: child.pid,
    match,
    startupMs,
    exited,
    stdoutFile,
    stderrFile,
    /** SIGTERM, then SIGKILL for the whole group after `graceMs`; resolves with the exit code or signal. */
    stop(graceMs = 15_000) {
      stopping ??= (async () => {
        if (!live.has(child)) return exited;
        child.kill('SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
        const code = await exited;
        clearTimeout(timer);
        // Anything it started itself goes with it.
        killGroup(child, 'SIGKILL');
        return code;
      })();
      return stopping;
    },
  };
}

/** Runs `node …args` to its end (`input` on its stdin); rejects on a non-zero exit or after `timeoutMs`. */
export function runNode(args, env, timeoutMs = 180_000, input = null) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'], detached: true });
    if (input !== null) child.stdin.end(input);
    live.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      if (code === 0) resolve(output.trim());
      else reject(new Error(`${args.join(' ')} failed (${code ?? signal}):\n${output}`));
    });
  });
}

/** Kills every process still running; for the bench's cleanup. */
export async function stopAllProcesses() {
  for (const child of live) killGroup(child, 'SIGKILL');
}

/** The environment of the real server and of its CLI: only what they read, nothing inherited by chance. */
export function serverEnv({ dataDir, distDir, databaseUrl = null }) {
  return {
    PATH: process.env.PATH ?? '',
    HOST: '127.0.0.1',
    PORT: '0',
    REAGIR_DATA_DIR: dataDir,
    REAGIR_DIST: distDir,
    // The bench measures what the server can take, not its throttles (200 posters share one
    // address): the comment limits are lifted (to the largest count the setting takes, 9 digits);
    // reads are not throttled anyway.
    REAGIR_RATE_LIMITS: 'comment-address=999999999/600,comment-email=999999999/600',
    // The live bench's thousands of readers share the bench's one address.
    REAGIR_MAX_STREAMS_PER_CLIENT: '1000000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

/** The real server, as its own process; `startupMs` is spawn to its "listening" line. */
export async function startRealServer({ name, logDir, ...config }) {
  const server = await startProcess({
    args: ['--import', 'tsx', SERVER_ENTRY],
    env: serverEnv(config),
    stdoutFile: `${logDir}/${name}.log`,
    stderrFile: `${logDir}/${name}.err.log`,
    ready: /listening on (http:\/\/[^/\s]+)\/ \(([^)]*)\)/,
  });
  const origin = server.match[1];
  // Ready for the bench once it answers: by then it also handles SIGTERM (its handlers are set
  // just after the line is printed), so that a stop right away is a clean one.
  const health = await fetch(`${origin}/healthz`);
  await health.arrayBuffer();
  if (!health.ok) throw new Error(`${name}: GET /healthz answered ${health.status}`);
  return { ...server, name, origin, database: server.match[2] };
}

export const BENCH_MODERATOR = { name: 'banc-d-essai', password: 'mot-de-passe-du-banc' };

/** The moderator whose session reads the pending count, made as a newsroom makes one. */
export function addBenchModerator(config) {
  return runNode(['--import', 'tsx', MODERATOR_CLI, 'add', BENCH_MODERATOR.name], serverEnv(config), 60_000, `${BENCH_MODERATOR.password}\n`);
}

/** `db seed generated-N` on the database `config` names. */
export function seedDatabase(config, slug) {
  return runNode(['--import', 'tsx', DB_CLI, 'seed', slug], serverEnv(config));
}

/** Resident and peak resident memory of a running process, in bytes (Linux). */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
}

/**
 * What the server logged, counted once it has stopped: requests by status, answers cut short,
 * the slowest ones as the server timed them, and its error lines (stderr) with their messages.
 */
export async function summariseServerLog(server) {
  const byStatus = {};
  let requests = 0;
  let aborted = 0;
  const lines = createInterface({ input: createReadStream(server.stdoutFile), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith('{')) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry.event !== 'request') continue;
    requests++;
    const status = String(entry.status ?? 'none');
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (entry.aborted) aborted++;
  }
  const errorLines = readFileSync(server.stderrFile, 'utf8').split('\n').filter((line) => line.includes('"level":"error"'));
  const messages = {};
  for (const line of errorLines) {
    try {
      const { event, message } = JSON.parse(line);
      const key = `${event}: ${message}`;
      messages[key] = (messages[key] ?? 0) + 1;
    } catch {
      messages[line.slice(0, 200)] = (messages[line.slice(0, 200)] ?? 0) + 1;
    }
  }
  return { requests, byStatus, aborted, errorLines: errorLines.length, errors: messages };
}

/** A PostgreSQL URL whose connections use `schema` (created by createSchema). */
export function schemaUrl(adminUrl, schema) {
  return `${adminUrl}${adminUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function withClient(adminUrl, work) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function createSchema(adminUrl, schema) {
  return withClient(adminUrl, (client) => client.query(`create schema "${schema}"`));
}

export function dropSchema(adminUrl, schema) {
  return withClient(adminUrl, (client) => client.query(`drop schema if exists "${schema}" cascade`));
}
