// The live signal over PostgreSQL when its listening connection drops: the process opens it
// again and reads what it may have missed, so a reader connected to it still hears of an
// approval made elsewhere while it was deaf.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveHub } from '../../src/core/live-hub';
import { decide } from '../../src/core/moderate';
import { postComment } from '../../src/core/post-comment';
import { seedIfEmpty } from '../../src/server/seed';
import { openStore, type ServerStore } from '../../src/server/store/open-store';
import { freshPostgresSchema, postgresAvailable, TEST_DATABASE_URL } from './postgres';

const withPostgres = await postgresAvailable();
const SLUG = 'hollande-poutine-daech';

async function listeners(): Promise<number[]> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ pid: number }>(`select pid from pg_stat_activity where query = 'LISTEN reagir_live'`);
    return rows.map((row) => row.pid);
  } finally {
    await admin.end();
  }
}

async function terminate(pids: readonly number[]): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    for (const pid of pids) await admin.query('select pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

const until = async (test: () => boolean, timeoutMs = 8000) => {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('not within the time allowed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe.runIf(withPostgres)('the live signal on PostgreSQL', () => {
  const opened: ServerStore[] = [];
  let drop = async () => {};
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await drop();
  });

  it('listens again after its connection drops, and catches up what it missed meanwhile', async () => {
    const schema = await freshPostgresSchema();
    drop = schema.drop;
    const before = new Set(await listeners());
    const readers = await openStore({ databaseUrl: schema.url, dataDir: '/nonexistent' });
    opened.push(readers);
    await readers.migrate();
    await seedIfEmpty(readers);
    const hub = createLiveHub(readers);
    const heard: string[] = [];
    hub.followArticle(SLUG, null, { event: (_id, type) => void heard.push(type), keepAlive: () => undefined, close: () => undefined });
    await until(() => heard.includes('ready'));
    const ours = (await listeners()).filter((pid) => !before.has(pid));
    expect(ours.length).toBeGreaterThan(0);

    // Another process approves while this one's listening connection is down.
    const moderators = await openStore({ databaseUrl: schema.url, dataDir: '/nonexistent' });
    opened.push(moderators);
    await terminate(ours);
    const { comment } = await postComment(moderators, SLUG, { author: 'Ailleurs', email: 'ailleurs@example.fr', body: 'Approuvé pendant la coupure.', parentId: null }, null, {
      now: () => new Date(),
      newId: () => 'coupure-1',
    });
    await decide(moderators, comment.id, 'approve', null);
    await until(() => heard.includes('published'));
    expect(heard).toEqual(['ready', 'published']);
    hub.close();
  });
});
