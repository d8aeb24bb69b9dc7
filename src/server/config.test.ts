// @vitest-environment node
// The settings the server reads at startup: the defaults, and for each wrong value the one line
// an operator reads to fix it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_RULES } from '../core/throttle';
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
    const config = readConfig({ REAGIR_DATA_DIR: dataDir, PORT: '', HOST: ' ', DATABASE_URL: '', TRUST_PROXY: '', REAGIR_FRAME_ANCESTORS: '', REAGIR_ADDRESS_SECRET: '' });
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir,
      databaseUrl: null,
      distDir: resolve('dist'),
      trustProxy: false,
      frameAncestors: "'self'",
      addressSecret: undefined,
      rateRules: DEFAULT_RATE_RULES,
      remoderateEdits: false,
    });
  });

  it('takes good values as they are', () => {
    const env = { PORT: '0', HOST: '::1', REAGIR_DATA_DIR: join(folder, 'data'), DATABASE_URL: 'postgresql://u:p@db:5432/reagir', REAGIR_DIST: folder };
    expect(readConfig(env)).toMatchObject({ port: 0, host: '::1', dataDir: join(folder, 'data'), databaseUrl: env.DATABASE_URL, distDir: folder });
  });

  it('trusts a proxy only when told to, in the usual spellings', () => {
    const trust = (value: string) => readConfig({ REAGIR_DATA_DIR: join(folder, 'data'), TRUST_PROXY: value }).trustProxy;
    expect(['true', 'TRUE', '1', ' true '].map(trust)).toEqual([true, true, true, true]);
    expect(['false', '0', ''].map(trust)).toEqual([false, false, false]);
  });

  it('sends edited published comments back to moderation only when told to', () => {
    const remoderate = (value: string) => readConfig({ REAGIR_DATA_DIR: join(folder, 'data'), REAGIR_REMODERATE_EDITS: value }).remoderateEdits;
    expect(['true', '1', 'false', '0', ''].map(remoderate)).toEqual([true, true, false, false, false]);
    expect(() => remoderate('oui')).toThrow(/^REAGIR_REMODERATE_EDITS must be true \(or 1\) .*; not "oui"\.$/);
  });

  it('caps the live streams one address may hold, where told to', () => {
    const streams = (value: string) => readConfig({ REAGIR_DATA_DIR: join(folder, 'data'), REAGIR_MAX_STREAMS_PER_CLIENT: value }).maxStreamsPerClient;
    expect(readConfig({ REAGIR_DATA_DIR: join(folder, 'data') }).maxStreamsPerClient).toBeUndefined();
    expect(streams('5000')).toBe(5000);
    expect(() => streams('0')).toThrow(/^REAGIR_MAX_STREAMS_PER_CLIENT must be a whole number/);
    expect(() => streams('beaucoup')).toThrow(/not "beaucoup"/);
  });

  it('lets a publisher frame the reader, and keeps the secret it is given', () => {
    const secret = 'a'.repeat(32);
    const config = readConfig({
      REAGIR_DATA_DIR: join(folder, 'data'),
      REAGIR_FRAME_ANCESTORS: "  'self'   https://www.example-journal.fr https://*.example.com:8443 ",
      REAGIR_ADDRESS_SECRET: secret,
    });
    expect(config.frameAncestors).toBe("'self' https://www.example-journal.fr https://*.example.com:8443");
    expect(config.addressSecret).toBe(secret);
    expect(readConfig({ REAGIR_DATA_DIR: join(folder, 'data'), REAGIR_FRAME_ANCESTORS: "'none'" }).frameAncestors).toBe("'none'");
  });

  it.each<[Record<string, string>, string | RegExp]>([
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
    [{ TRUST_PROXY: 'yes' }, /^TRUST_PROXY must be true \(or 1\) .*; not "yes"\.$/],
    [{ TRUST_PROXY: '2' }, /^TRUST_PROXY must be .*; not "2"\.$/],
    // Each would widen the policy: a directive smuggled in, any site, any HTTPS site, a scheme, 'none' with others.
    ...["'self'; script-src *", '*', 'https:', 'self', 'javascript:alert(1)', "'none' 'self'", 'https://example.com/path', "'unsafe-inline'", 'https://a.fr,https://b.fr'].map(
      (value): [Record<string, string>, RegExp] => [{ REAGIR_FRAME_ANCESTORS: value }, /^REAGIR_FRAME_ANCESTORS must be 'self', 'none' or origins separated by spaces \(.*\), not ".*"\.$/],
    ),
    [{ REAGIR_ADDRESS_SECRET: 'short' }, 'REAGIR_ADDRESS_SECRET must be at least 32 characters long (e.g. the output of `openssl rand -hex 32`), or unset.'],
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
