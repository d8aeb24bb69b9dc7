// The server's settings, read from the environment once at startup and checked there: a wrong
// value stops the server with one line saying what to fix, rather than surfacing later as a
// confusing failure (a port that is NaN, a data folder that cannot be written at the first post).
import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_RATE_RULES, parseRateRules, type RateRules } from '../core/throttle';
import { isPostgresUrl, withoutPassword } from './database-url';
import { DEFAULT_FRAME_ANCESTORS } from './security-headers';

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute; created if missing and known to be writable. The SQLite file lives here. */
  dataDir: string;
  /** Null: SQLite in dataDir. */
  databaseUrl: string | null;
  /** Absolute: the client build (index.html, assets/…). */
  distDir: string;
  /**
   * TRUST_PROXY: one proxy in front, whose X-Forwarded-For (last entry), X-Forwarded-Proto and
   * X-Forwarded-Host say who the client is and what it asked for. Absent or false: the socket's
   * address and the server's own protocol, as anyone can write those headers.
   */
  trustProxy?: boolean;
  /** REAGIR_FRAME_ANCESTORS: who may frame the reader, as CSP's frame-ancestors; absent: 'self'. */
  frameAncestors?: string;
  /**
   * REAGIR_ADDRESS_SECRET: the key of the address hashes. Absent: the one the server makes in
   * dataDir on its first start (address-key.ts), which processes sharing a database do not share.
   */
  addressSecret?: string;
  /** REAGIR_RATE_LIMITS: the throttles, each default replaceable (core/throttle.ts). */
  rateRules: RateRules;
  /** REAGIR_REMODERATE_EDITS: a published comment its author edits goes back to the moderators. */
  remoderateEdits?: boolean;
  /** REAGIR_MAX_STREAMS_PER_CLIENT: live streams one address may hold open (100 by default). */
  maxStreamsPerClient?: number;
}

/** A setting to fix; its message is one line, fit to print as it is. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** An unset variable and an empty one mean the same: the default (`PORT=` in a .env file). */
function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readPort(env: Env): number {
  const raw = setting(env, 'PORT');
  if (raw === undefined) return 3000;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${raw}".`);
  return port;
}

function readHost(env: Env): string {
  const host = setting(env, 'HOST') ?? '127.0.0.1';
  // A name or an address, IPv6 included; not a URL (a frequent slip: HOST=http://localhost).
  if (!/^[A-Za-z0-9.:%_-]+$/.test(host) || host.includes('://')) {
    throw new ConfigError(`HOST must be a host name or an IP address to listen on (e.g. 127.0.0.1 or 0.0.0.0), not "${host}".`);
  }
  return host;
}

function reason(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : String(error);
}

/**
 * mkdir -p, by hand: Node 20's recursive mkdirSync loops forever where a parent exists but can
 * hold no folder (under /proc). An existing path is left for the write probe to judge.
 */
export function makeFolder(path: string): void {
  try {
    mkdirSync(path);
  } catch (error) {
    if (reason(error) === 'EEXIST') return;
    const parent = dirname(path);
    if (reason(error) !== 'ENOENT' || parent === path) throw error;
    makeFolder(parent);
    // Once: a second ENOENT, its parent there, is final.
    mkdirSync(path);
  }
}

function readDataDir(env: Env): string {
  const dataDir = resolve(setting(env, 'REAGIR_DATA_DIR') ?? './data');
  // Written to and removed: only writing proves a folder writable (read-only mounts, ACLs).
  const probe = join(dataDir, `.write-probe-${process.pid}`);
  try {
    makeFolder(dataDir);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new ConfigError(`REAGIR_DATA_DIR must be a folder the server can create and write to; "${dataDir}" is not (${reason(error)}).`);
  }
  return dataDir;
}

function readDatabaseUrl(env: Env): string | null {
  const url = setting(env, 'DATABASE_URL');
  if (url === undefined) return null;
  if (!isPostgresUrl(url) || !URL.canParse(url)) {
    throw new ConfigError(
      `DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database), or unset for SQLite; not "${withoutPassword(url)}".`,
    );
  }
  return url;
}

function readDistDir(env: Env): string {
  const distDir = resolve(setting(env, 'REAGIR_DIST') ?? './dist');
  // A missing folder is allowed (the server then says the app is not built); a file is a mistake.
  try {
    if (!statSync(distDir).isDirectory()) throw new ConfigError(`REAGIR_DIST must be the folder of the client build, not the file "${distDir}".`);
    accessSync(distDir, constants.R_OK);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (reason(error) !== 'ENOENT') throw new ConfigError(`REAGIR_DIST must be a readable folder; "${distDir}" is not (${reason(error)}).`);
  }
  return distDir;
}

/** A yes-or-no setting, false when unset; `whenTrue` says in the error when to set it. */
function readFlag(env: Env, name: string, whenTrue: string): boolean {
  const raw = setting(env, name);
  if (raw === undefined) return false;
  const value = raw.toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} must be true (or 1) ${whenTrue}, false (or 0) otherwise; not "${raw}".`);
}

const readTrustProxy = (env: Env) =>
  readFlag(env, 'TRUST_PROXY', 'when one proxy in front sets X-Forwarded-For and X-Forwarded-Proto');

// An origin a publisher serves pages from: scheme, host (its first label may be *), port; no path.
const FRAMING_ORIGIN = /^https?:\/\/(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/;

function readFrameAncestors(env: Env): string {
  const raw = setting(env, 'REAGIR_FRAME_ANCESTORS');
  if (raw === undefined) return DEFAULT_FRAME_ANCESTORS;
  const sources = raw.split(/\s+/);
  // Anything else could end the directive and add others to the policy (a `;`) or allow any site (`*`, `https:`).
  const valid = sources.every((source) => source === "'self'" || FRAMING_ORIGIN.test(source)) || raw === "'none'";
  if (!valid) {
    throw new ConfigError(
      `REAGIR_FRAME_ANCESTORS must be 'self', 'none' or origins separated by spaces (e.g. 'self' https://www.example-journal.fr), not "${raw}".`,
    );
  }
  return sources.join(' ');
}

// As long as the 32 random bytes the server would make, written in hex.
const MIN_SECRET_LENGTH = 32;

function readAddressSecret(env: Env): string | undefined {
  const secret = setting(env, 'REAGIR_ADDRESS_SECRET');
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    // Not repeated: a secret, even a short one, stays out of the terminal.
    throw new ConfigError(`REAGIR_ADDRESS_SECRET must be at least ${MIN_SECRET_LENGTH} characters long (e.g. the output of \`openssl rand -hex 32\`), or unset.`);
  }
  return secret;
}

function readMaxStreams(env: Env): number | undefined {
  const raw = setting(env, 'REAGIR_MAX_STREAMS_PER_CLIENT');
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d{0,6}$/.test(raw)) throw new ConfigError(`REAGIR_MAX_STREAMS_PER_CLIENT must be a whole number from 1 to 9999999, not "${raw}".`);
  return Number(raw);
}

function readRateRules(env: Env): RateRules {
  const raw = setting(env, 'REAGIR_RATE_LIMITS');
  if (raw === undefined) return DEFAULT_RATE_RULES;
  const rules = parseRateRules(raw);
  if (typeof rules === 'string') throw new ConfigError(`REAGIR_RATE_LIMITS: ${rules}.`);
  return rules;
}

export function readConfig(env: Env = process.env): ServerConfig {
  return {
    port: readPort(env),
    host: readHost(env),
    databaseUrl: readDatabaseUrl(env),
    distDir: readDistDir(env),
    trustProxy: readTrustProxy(env),
    frameAncestors: readFrameAncestors(env),
    addressSecret: readAddressSecret(env),
    rateRules: readRateRules(env),
    remoderateEdits: readFlag(env, 'REAGIR_REMODERATE_EDITS', 'to send a published comment its author edits back to the moderators'),
    maxStreamsPerClient: readMaxStreams(env),
    // Last: the only check that changes something (it creates the folder).
    dataDir: readDataDir(env),
  };
}
