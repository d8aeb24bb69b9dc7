// `npm run db:export` and `npm run db:import`: a database moved from SQLite to PostgreSQL and
// back holds exactly what it held, and answers the API the same; an import refuses a database
// that is not empty, and a file that is not an export.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { decide } from '../../src/core/moderate';
import { postComment } from '../../src/core/post-comment';
import { readCommentPage } from '../../src/core/read-discussion';
import { setRecommendation, reportComment } from '../../src/core/react-to-comment';
import { seedGenerated, seedIfEmpty } from '../../src/server/seed';
import { openStore, type ServerStore } from '../../src/server/store/open-store';
import { exportAll, importAll, ImportError } from '../../src/server/transfer';
import { freshPostgresSchema, postgresAvailable } from './postgres';

const withPostgres = await postgresAvailable();
const cleanUps: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

async function sqliteStore(): Promise<ServerStore> {
  const dir = mkdtempSync(join(tmpdir(), 'reagir-transfer-'));
  const store = await openStore({ databaseUrl: null, dataDir: dir });
  await store.migrate();
  cleanUps.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

async function postgresStore(): Promise<ServerStore> {
  const schema = await freshPostgresSchema();
  const store = await openStore({ databaseUrl: schema.url, dataDir: tmpdir() });
  await store.migrate();
  cleanUps.push(async () => {
    await store.close();
    await schema.drop();
  });
  return store;
}

/** A database with some of everything: the seed, a generated discussion, posts, decisions, reactions. */
async function busyStore(): Promise<ServerStore> {
  const store = await sqliteStore();
  await seedIfEmpty(store);
  await seedGenerated(store, 60);
  let serial = 0;
  const options = { now: () => new Date(Date.UTC(2026, 0, 1, 0, serial)), newId: () => `posted-${serial++}` };
  const reply = await postComment(store, 'hollande-poutine-daech', { author: 'Lectrice', email: 'lectrice@example.fr', body: 'Réponse', parentId: 'seed-14' }, 'cle-1', options);
  await postComment(store, 'hollande-poutine-daech', { author: 'Lecteur', email: 'lecteur@example.fr', body: 'En attente', parentId: null }, null, options);
  await decide(store, reply.comment.id, 'approve', 'Pertinent');
  await decide(store, 'seed-13', 'reject', null);
  await setRecommendation(store, 'hollande-poutine-daech', 'seed-12', 'lecteur-1', true);
  await reportComment(store, 'hollande-poutine-daech', 'seed-06', { reason: 'other', details: 'Hors charte', clientToken: 'lecteur-2' }, () => new Date('2026-01-02T00:00:00Z'));
  // What moderators decided beyond comments travels too; their sessions do not.
  await store.access.putModerator({ name: 'alice', passwordHash: 'scrypt$hash-de-test', createdAt: '2026-01-01T00:00:00.000Z' });
  await store.access.insertSession({ tokenHash: 'jeton', moderator: 'alice', createdMs: 0, lastSeenMs: 0 });
  await store.access.putBan({ id: 'ban-1', email: 'troll@example.fr', author: 'Troll', reason: 'Insultes', moderator: 'alice', createdAt: '2026-01-03T00:00:00.000Z' });
  await store.access.setWordLists({ banned: ['connard'], suspect: ['arnaque'] });
  return store;
}

const withoutDate = ({ exportedAt: _exportedAt, ...rest }: Awaited<ReturnType<typeof exportAll>>) => rest;

describe('export and import', () => {
  it.runIf(withPostgres)('moves everything from SQLite to PostgreSQL and back, unchanged', async () => {
    const source = await busyStore();
    const exported = await exportAll(source);
    expect(exported.comments.find((comment) => comment.id === 'posted-0')?.email).toBe('lectrice@example.fr');
    expect(exported.access).toEqual({
      moderators: [{ name: 'alice', passwordHash: 'scrypt$hash-de-test', createdAt: '2026-01-01T00:00:00.000Z' }],
      bans: [expect.objectContaining({ id: 'ban-1', email: 'troll@example.fr' })],
      wordLists: { banned: ['connard'], suspect: ['arnaque'] },
    });
    expect(JSON.stringify(exported)).not.toContain('jeton');

    const postgres = await postgresStore();
    await importAll(postgres, JSON.parse(JSON.stringify(exported)));
    const throughPostgres = await exportAll(postgres);
    expect(withoutDate(throughPostgres)).toEqual(withoutDate(exported));
    // The same page, but for its live events: they are news, not state, and do not travel (a
    // reader's stream that resumes on the new database is told to read the page again).
    const { eventId: movedEvents, ...moved } = await readCommentPage(postgres, 'hollande-poutine-daech', 'recommended', null, 20);
    const { eventId: sourceEvents, ...original } = await readCommentPage(source, 'hollande-poutine-daech', 'recommended', null, 20);
    expect(moved).toEqual(original);
    expect(sourceEvents).toBeGreaterThan(0);
    expect(movedEvents).toBe(0);

    const back = await sqliteStore();
    await importAll(back, JSON.parse(JSON.stringify(throughPostgres)));
    expect(withoutDate(await exportAll(back))).toEqual(withoutDate(exported));
    // The idempotency key came along: the same request is still recognised.
    const again = await postComment(back, 'hollande-poutine-daech', { author: 'Lectrice', email: 'lectrice@example.fr', body: 'Réponse', parentId: 'seed-14' }, 'cle-1', {
      now: () => new Date(),
      newId: () => 'never-used',
    });
    expect(again).toMatchObject({ created: false, comment: { id: 'posted-0' } });
  });

  it('refuses a database that is not empty, and a file that is not an export', async () => {
    const source = await busyStore();
    const exported = await exportAll(source);
    await expect(importAll(source, exported)).rejects.toThrow(ImportError);
    await expect(importAll(await sqliteStore(), { comments: [] })).rejects.toThrow(/Not a Réagir export/);
  });

  it('runs as `npm run db:export` and `npm run db:import` on the configured database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reagir-cli-'));
    cleanUps.push(async () => rmSync(dir, { recursive: true, force: true }));
    const run = (dataDir: string, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/db.ts', ...args], {
        env: { PATH: process.env.PATH ?? '', REAGIR_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
    expect(run(join(dir, 'a'), 'seed', 'generated-30').status).toBe(0);
    const exported = run(join(dir, 'a'), 'export', join(dir, 'backup.json'));
    expect(exported.stderr).toMatch(/Exported 1 articles, 30 comments/);
    const imported = run(join(dir, 'b'), 'import', join(dir, 'backup.json'));
    expect(imported.stderr).toMatch(/Imported 1 articles, 30 comments/);
    expect(imported.status).toBe(0);
    const again = run(join(dir, 'b'), 'import', join(dir, 'backup.json'));
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe('The database is not empty: import into a new database.');
    expect(JSON.parse(readFileSync(join(dir, 'backup.json'), 'utf8'))).toMatchObject({ format: 'reagir-export', version: 1 });
  });
});
