// The server as a process, on each database: what it acknowledged survives a SIGKILL and a
// restart exactly once, SIGTERM lets the requests in flight finish, two processes on one
// PostgreSQL share everything, and a bad configuration stops it with one line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresSchema, postgresAvailable } from './postgres';
import { addProcessModerator, moderatorCookie } from './moderator-session';
import { runFailingServer, runServer, type ServerProcess } from './server-process';
import { openStream } from '../contract/event-streams';

const SLUG = 'hollande-poutine-daech';
const withPostgres = await postgresAvailable();
// These tests post hundreds of comments from one address at once: the throttles (tested in
// tests/contract/access.test.ts) are lifted, as the bench lifts them.
const BURSTS_ALLOWED = 'comment-address=100000/600,comment-email=100000/600';

interface Database {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function sqliteDatabase(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'reagir-process-'));
  const env = { REAGIR_DATA_DIR: dir, REAGIR_DIST: join(dir, 'no-build'), REAGIR_RATE_LIMITS: BURSTS_ALLOWED };
  await addProcessModerator(env);
  return { env, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function postgresDatabase(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'reagir-process-'));
  const schema = await freshPostgresSchema();
  const env = { REAGIR_DATA_DIR: dir, REAGIR_DIST: join(dir, 'no-build'), DATABASE_URL: schema.url, REAGIR_RATE_LIMITS: BURSTS_ALLOWED };
  await addProcessModerator(env);
  return {
    env,
    drop: async () => {
      await schema.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const databases = [{ name: 'SQLite', open: sqliteDatabase }, ...(withPostgres ? [{ name: 'PostgreSQL', open: postgresDatabase }] : [])];

const comment = (i: number) => ({ author: 'Rafale', email: `rafale${i}@example.fr`, body: `Commentaire numéro ${i}, envoyé en rafale.`, parentId: null });

function postComment(origin: string, i: number, key = `rafale-${i}`) {
  return fetch(`${origin}/api/articles/${SLUG}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(comment(i)),
  });
}

async function pendingCount(origin: string): Promise<number> {
  const response = await fetch(`${origin}/api/moderation/comments?status=pending`, { headers: { cookie: await moderatorCookie(origin) } });
  return ((await response.json()) as { counts: { pending: number } }).counts.pending;
}

const running: ServerProcess[] = [];
let database: Database | undefined;

async function start(env: Record<string, string>) {
  const server = await runServer(env);
  running.push(server);
  return server;
}

afterEach(async () => {
  for (const server of running.splice(0)) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await database?.drop();
  database = undefined;
});

describe.each(databases)('the server process on $name', ({ open }) => {
  it('keeps every comment it acknowledged exactly once through a SIGKILL, and honours their keys after the restart', async () => {
    database = await open();
    const first = await start(database.env);
    const total = 200;
    const acknowledged = new Map<number, string>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < total) {
        const i = next++;
        try {
          const response = await postComment(first.origin, i);
          if (response.status === 201) acknowledged.set(i, ((await response.json()) as { comment: { id: string } }).comment.id);
        } catch {
          // The connection died with the server: not acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    while (acknowledged.size < 60) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(workers);
    expect(await first.exited).toBe('SIGKILL');

    const second = await start(database.env);
    const storedBeforeReplay = await pendingCount(second.origin);
    expect(storedBeforeReplay).toBeGreaterThanOrEqual(acknowledged.size);
    // Every request again, with its key: the acknowledged come back as they were (200, same id);
    // what was stored unacknowledged comes back whole (a torn row would answer 422), the rest is stored now.
    const replays = await Promise.all(Array.from({ length: total }, (_, i) => postComment(second.origin, i)));
    for (const [i, response] of replays.entries()) {
      const { comment: stored } = (await response.json()) as { comment: { id: string; body: string } };
      if (acknowledged.has(i)) {
        expect(response.status).toBe(200);
        expect(stored.id).toBe(acknowledged.get(i));
      } else {
        expect([200, 201]).toContain(response.status);
      }
      expect(stored.body).toBe(comment(i).body);
    }
    expect(replays.filter((response) => response.status === 201)).toHaveLength(total - storedBeforeReplay);
    expect(await pendingCount(second.origin)).toBe(total);
  });

  it('on SIGTERM stops accepting, finishes the request in flight, and exits 0; the comment is there after a restart', async () => {
    database = await open();
    const server = await start(database.env);
    const body = JSON.stringify(comment(1));
    const url = new URL(`${server.origin}/api/articles/${SLUG}/comments`);
    let request!: ReturnType<typeof httpRequest>;
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
    });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Half the body now; the server is told to stop; a new visitor is turned away; the rest follows.
    request.write(body.slice(0, 20));
    await pause(100);
    server.child.kill('SIGTERM');
    await pause(300);
    await expect(fetch(`${server.origin}/healthz`)).rejects.toThrow();
    request.end(body.slice(20));
    const { status, text } = await answered;
    expect(status, text).toBe(201);
    expect(await server.exited).toBe(0);

    const again = await start(database.env);
    const id = (JSON.parse(text) as { comment: { id: string } }).comment.id;
    const statuses = await (await fetch(`${again.origin}/api/comments/statuses?ids=${id}`)).json();
    expect(statuses).toEqual({ statuses: { [id]: 'pending' } });
    const approved = await fetch(`${again.origin}/api/moderation/comments/${id}/approve`, { method: 'POST', headers: { cookie: await moderatorCookie(again.origin) } });
    expect(approved.status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    const third = await start(database.env);
    const page = (await (await fetch(`${third.origin}/api/articles/${SLUG}/comments`)).json()) as { total: number; comments: { id: string }[] };
    expect(page.total).toBe(20);
    expect(page.comments.map((c) => c.id)).toContain(id);
    expect((await fetch(`${third.origin}/healthz`)).status).toBe(200);
  });
});

describe.runIf(withPostgres)('two server processes on one PostgreSQL', () => {
  it('share comments, decisions and idempotency keys', async () => {
    database = await postgresDatabase();
    const [a, b] = (await Promise.all([start(database.env), start(database.env)])) as [ServerProcess, ServerProcess];
    const created = await postComment(a.origin, 1, 'partagee');
    const { comment: posted } = (await created.json()) as { comment: { id: string } };
    // Signed in on one process, the session works on the other: sessions live in the database.
    const cookie = await moderatorCookie(a.origin);
    const queue = (await (await fetch(`${b.origin}/api/moderation/comments?status=pending`, { headers: { cookie } })).json()) as {
      comments: { id: string }[];
    };
    expect(queue.comments.map((c) => c.id)).toEqual([posted.id]);
    expect((await fetch(`${b.origin}/api/moderation/comments/${posted.id}/approve`, { method: 'POST', headers: { cookie } })).status).toBe(200);
    const page = (await (await fetch(`${a.origin}/api/articles/${SLUG}/comments`)).json()) as { total: number };
    expect(page.total).toBe(20);

    // The same key sent to both at once, many times: one comment.
    const racing = await Promise.all(Array.from({ length: 10 }, (_, i) => postComment((i % 2 ? a : b).origin, 2, 'course')));
    const ids = new Set(await Promise.all(racing.map(async (response) => ((await response.json()) as { comment: { id: string } }).comment.id)));
    expect(racing.map((response) => response.status).filter((status) => status === 201)).toHaveLength(1);
    expect(ids.size).toBe(1);
    expect(await pendingCount(a.origin)).toBe(1);
  });

  it('push an approval made on one process to readers and moderators connected to the other', async () => {
    database = await postgresDatabase();
    const [a, b] = (await Promise.all([start(database.env), start(database.env)])) as [ServerProcess, ServerProcess];
    const cookie = await moderatorCookie(a.origin);
    const reader = openStream(await fetch(`${a.origin}/api/articles/${SLUG}/events`));
    const moderator = openStream(await fetch(`${a.origin}/api/moderation/events`, { headers: { cookie } }));
    try {
      await reader.until((events) => events.some((event) => event.type === 'ready'));
      // Posted and approved on b: a's followers hear of both.
      const { comment: posted } = (await (await postComment(b.origin, 3, 'ailleurs')).json()) as { comment: { id: string } };
      await moderator.until((events) => events.length === 1);
      expect((await fetch(`${b.origin}/api/moderation/comments/${posted.id}/approve`, { method: 'POST', headers: { cookie } })).status).toBe(200);
      const events = await reader.until((received) => received.some((event) => event.type === 'published'));
      expect(events.filter((event) => event.type === 'published').map((event) => (JSON.parse(event.data) as { subject: string }).subject)).toEqual([posted.id]);
      const queue = await moderator.until((received) => received.length === 2);
      expect(queue.map((event) => JSON.parse(event.data) as { status: string }).map((event) => event.status)).toEqual(['pending', 'published']);
    } finally {
      await reader.close();
      await moderator.close();
    }
  });
});

describe('a configuration the server cannot run with', () => {
  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://localhost/x' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:9/nothing' }, /database/i],
    [{ REAGIR_DATA_DIR: 'FILE/data' }, /REAGIR_DATA_DIR/],
  ])('%o stops it with one line saying what to fix', async (env, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'reagir-config-'));
    // A data folder inside a file cannot be created, even by root.
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    try {
      const settings = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value.replace('FILE', file)]));
      const { code, output } = await runFailingServer({ REAGIR_DATA_DIR: dir, ...settings });
      expect(code).toBe(1);
      expect(output.trim().split('\n')).toHaveLength(1);
      expect(output).toMatch(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
