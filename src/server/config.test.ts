// @vitest-environment node
// The settings the server reads at startup: the defaults, and for each wrong value the one line
// an operator reads to fix it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

let folder: string;
let aFile: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'reagir-config-'));
  aFile = join(folder, 'a-file');
  writeFileSync(aFile, '');
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function refusal(env: Record<string, string>): ConfigError {
  try {
    readConfig({ REAGIR_DATA_DIR: join(folder, 'data'), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

describe('readConfig', () => {
  it('has defaults for everything, an empty value included, and creates the data folder', () => {
    const dataDir = join(folder, 'created', 'data');
    const config = readConfig({ REAGIR_DATA_DIR: dataDir, PORT: '', HOST: ' ', DATABASE_URL: '' });
    expect(config).toEqual({ port: 3000, host: '127.0.0.1', dataDir, databaseUrl: null, distDir: resolve('dist') });
  });

  it('takes good values as they are', () => {
    const env = { PORT: '0', HOST: '::1', REAGIR_DATA_DIR: join(folder, 'data'), DATABASE_URL: 'postgresql://u:p@db:5432/reagir', REAGIR_DIST: folder };
    expect(readConfig(env)).toEqual({ port: 0, host: '::1', dataDir: join(folder, 'data'), databaseUrl: env.DATABASE_URL, distDir: folder });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535, not "abc".'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, not "70000".'],
    [{ PORT: '-1' }, 'PORT must be a whole number from 0 to 65535, not "-1".'],
    [{ PORT: '80.5' }, 'PORT must be a whole number from 0 to 65535, not "80.5".'],
    [{ HOST: 'http://localhost' }, /^HOST must be a host name or an IP address .*, not "http:\/\/localhost"\.$/],
    [{ HOST: 'my host' }, /^HOST must be .*, not "my host"\.$/],
    [{ DATABASE_URL: 'mysql://localhost/reagir' }, /^DATABASE_URL must be a PostgreSQL URL .*; not "mysql:\/\/localhost\/reagir"\.$/],
    [{ DATABASE_URL: 'localhost:5432' }, /^DATABASE_URL must be a PostgreSQL URL/],
    [{ REAGIR_DATA_DIR: '/proc/reagir-cannot-write-here' }, /^REAGIR_DATA_DIR must be a folder the server can create and write to; "\/proc\/reagir-cannot-write-here" is not \(E[A-Z]+\)\.$/],
    [{ REAGIR_DATA_DIR: 'a-file/data' }, /^REAGIR_DATA_DIR must be a folder .* is not \(ENOTDIR\)\.$/],
    [{ REAGIR_DIST: 'a-file' }, /^REAGIR_DIST must be the folder of the client build, not the file ".*a-file"\.$/],
  ])('refuses %o with one line saying what to fix', (env, message) => {
    // Paths named relative to the test's folder.
    const absolute = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value.startsWith('a-file') ? join(folder, value) : value]));
    const error = refusal(absolute);
    expect(error.message).not.toContain('\n');
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it('never repeats a password it was given', () => {
    const error = refusal({ DATABASE_URL: 'mysql://reagir:hunter2@db/reagir' });
    expect(error.message).toBe('DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database), or unset for SQLite; not "mysql://reagir:***@db/reagir".');
  });
});
