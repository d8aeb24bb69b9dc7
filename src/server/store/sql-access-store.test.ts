// @vitest-environment node
// The SQL access store against the in-memory one, the reference: one scenario of accounts,
// sessions, throttle windows, bans and word lists runs on each store, and every answer must be
// strictly equal; plus concurrent hits, which must each be counted once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessStore } from '../../core/access-store';
import { createMemoryAccessStore } from '../../core/memory-access-store';
import { freshPostgresSchema, postgresAvailable } from '../../../tests/server/postgres';
import { openStore } from './open-store';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sqlAccess(databaseUrl: string | null, drop: () => Promise<void>): Promise<AccessStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reagir-access-'));
  const store = await openStore({ databaseUrl, dataDir });
  cleanups.push(async () => {
    await store.close();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  await store.migrate();
  return store.access;
}

const targets: Array<{ name: string; open(): Promise<AccessStore> }> = [
  { name: 'sqlite', open: () => sqlAccess(null, async () => {}) },
  ...((await postgresAvailable())
    ? [
        {
          name: 'postgres',
          async open() {
            const schema = await freshPostgresSchema();
            return sqlAccess(schema.url, schema.drop);
          },
        },
      ]
    : []),
];

const MINUTE = 60_000;

/** Every answer of the scenario, in order: equal on every store or one of them is wrong. */
async function scenario(access: AccessStore): Promise<unknown[]> {
  const answers: unknown[] = [];
  const note = (value: unknown) => answers.push(value);
  const t0 = 1_700_000_000_000;

  await access.putModerator({ name: 'alice', passwordHash: 'h1', createdAt: '2026-01-01T00:00:00.000Z' });
  await access.putModerator({ name: 'bob', passwordHash: 'h2', createdAt: '2026-01-02T00:00:00.000Z' });
  await access.insertSession({ tokenHash: 'sa', moderator: 'alice', createdMs: t0, lastSeenMs: t0 });
  await access.insertSession({ tokenHash: 'sb', moderator: 'bob', createdMs: t0, lastSeenMs: t0 });
  await access.touchSession('sa', t0 + 5 * MINUTE);
  note(await access.session('sa'));
  // A new password ends the account's sessions and keeps its creation date.
  await access.putModerator({ name: 'alice', passwordHash: 'h3', createdAt: '2027-01-01T00:00:00.000Z' });
  note(await access.session('sa'));
  note(await access.moderators());
  note(await access.removeModerator('bob'));
  note(await access.removeModerator('bob'));
  note(await access.session('sb'));
  note(await access.moderator('bob'));

  // Fixed windows: counted within, started again after.
  for (const at of [0, 1, 2]) note(await access.hit('k', 10 * MINUTE, t0 + at * MINUTE));
  note(await access.peek('k', 10 * MINUTE, t0 + 9 * MINUTE));
  note(await access.peek('k', 10 * MINUTE, t0 + 10 * MINUTE));
  note(await access.hit('k', 10 * MINUTE, t0 + 10 * MINUTE));
  note(await access.peek('other', 10 * MINUTE, t0));

  await access.putBan({ id: 'b1', email: 'troll@example.fr', author: 'Troll', reason: 'r1', moderator: 'alice', createdAt: '2026-02-01T00:00:00.000Z' });
  await access.putBan({ id: 'b2', email: 'troll@example.fr', author: 'Troll', reason: 'r2', moderator: 'alice', createdAt: '2026-02-02T00:00:00.000Z' });
  await access.putBan({ id: 'b3', email: 'autre@example.fr', author: 'Autre', reason: 'r3', moderator: 'alice', createdAt: '2026-02-03T00:00:00.000Z' });
  note(await access.bans());
  note(await access.ban('troll@example.fr'));
  note(await access.removeBan('b3'));
  note(await access.removeBan('b3'));

  note(await access.wordLists());
  await access.setWordLists({ banned: ['connard'], suspect: ['arnaque', 'promo*'] });
  note(await access.wordLists());

  await access.insertSession({ tokenHash: 'old', moderator: 'alice', createdMs: t0 - 8 * 24 * 60 * MINUTE, lastSeenMs: t0 });
  await access.insertSession({ tokenHash: 'idle', moderator: 'alice', createdMs: t0, lastSeenMs: t0 - 13 * 60 * MINUTE });
  await access.insertSession({ tokenHash: 'live', moderator: 'alice', createdMs: t0, lastSeenMs: t0 });
  await access.hit('ancient', MINUTE, t0 - 2 * 24 * 60 * MINUTE);
  await access.forget({ countsBeforeMs: t0 - 24 * 60 * MINUTE, sessionsBeforeMs: t0 - 12 * 60 * MINUTE, sessionsCreatedBeforeMs: t0 - 7 * 24 * 60 * MINUTE });
  for (const hash of ['old', 'idle', 'live']) note(await access.session(hash));
  note(await access.peek('ancient', 365 * 24 * 60 * MINUTE, t0));
  note(await access.peek('k', 10 * MINUTE, t0 + 10 * MINUTE));
  return answers;
}

describe.each(targets)('the access store on $name', (target) => {
  it('answers the scenario exactly as the memory store does', async () => {
    const expected = await scenario(createMemoryAccessStore());
    expect(await scenario(await target.open())).toEqual(expected);
  });

  it('counts 50 concurrent hits once each', async () => {
    const access = await target.open();
    const counts = await Promise.all(Array.from({ length: 50 }, () => access.hit('rafale', MINUTE, 1_700_000_000_000)));
    expect(counts.map((count) => count.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
