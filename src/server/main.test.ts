// @vitest-environment node
// The whole server started in-process, as `npm start` starts it, on a SQLite file of its own:
// seeded once, serving the API and /healthz, stopped cleanly; and a database it cannot reach
// stops it with one line that keeps the password to itself.
import { DEFAULT_RATE_RULES } from '../core/throttle';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerConfig } from './config';
import type { LogEntry } from './log';
import { startServer, StartupError } from './main';

const SLUG = 'hollande-poutine-daech';

let folder: string;
let config: ServerConfig;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'reagir-main-'));
  config = { port: 0, host: '127.0.0.1', dataDir: folder, databaseUrl: null, distDir: join(folder, 'no-build'), rateRules: DEFAULT_RATE_RULES };
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('startServer', () => {
  it('opens and seeds a new SQLite database once, serves it, and stops', async () => {
    const logs: LogEntry[] = [];
    const first = await startServer(config, { log: (entry) => logs.push(entry) });
    expect(first.database).toBe(`SQLite: ${join(folder, 'reagir.sqlite')}`);
    expect((await fetch(`${first.origin}/healthz`)).status).toBe(200);
    const page = (await (await fetch(`${first.origin}/api/articles/${SLUG}/comments`)).json()) as { total: number };
    expect(page.total).toBe(19);
    await first.stop();
    await expect(fetch(`${first.origin}/healthz`)).rejects.toThrow();

    // Started again on the same file: nothing seeded twice.
    const second = await startServer(config, { log: () => {} });
    const again = (await (await fetch(`${second.origin}/api/articles/${SLUG}/comments`)).json()) as { total: number };
    expect(again.total).toBe(19);
    await second.stop();
    expect(logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('refuses to start on a database it cannot reach, in one line without the password', async () => {
    const error: unknown = await startServer({ ...config, databaseUrl: 'postgres://reagir:hunter2@127.0.0.1:9/reagir' }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StartupError);
    const { message } = error as StartupError;
    expect(message).toMatch(/^Cannot reach the database at postgres:\/\/reagir:\*\*\*@127\.0\.0\.1:9\/reagir: \S/);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('\n');
  });

  it('refuses to start on a port already taken, in one line', async () => {
    const first = await startServer(config, { log: () => {} });
    try {
      const port = Number(new URL(first.origin).port);
      await expect(startServer({ ...config, port }, { log: () => {} })).rejects.toThrow(/^Cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });
});
