// The server as a whole: the store, its schema, the seed, the API and the HTTP server, started
// in that order and stopped in the reverse one. Importable, so that tests start the very server
// `npm start` runs; the process itself (signals, exit codes) is start.ts.
import { join } from 'node:path';
import { forgetExpired } from '../core/sessions';
import type { Store } from '../core/store';
import { createApi } from '../http/api';
import { addressKeyer, loadAddressSecret } from './address-key';
import type { ServerConfig } from './config';
import { redactPassword, withoutPassword } from './database-url';
import { startHttpServer } from './http-server';
import { consoleLog, errorEntry, type Log } from './log';
import { loadArticlePages, SERVER_ENTRY, serverBuildDir } from './article-pages';
import { scryptPasswords } from './passwords';
import { seedIfEmpty } from './seed';
import { openStore, type ServerStore } from './store/open-store';
import { SQLITE_FILE_NAME } from './store/sqlite-dialect';

/** The server could not start; its message says why, in one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:3000 (no trailing slash). */
  origin: string;
  /** The store, for the startup line: "SQLite: <file>" or "PostgreSQL". */
  database: string;
  /** Stops accepting, finishes the requests in flight (10 s at most), closes the store. */
  stop(): Promise<void>;
}

/** One line: the message's first, else the error's code (an AggregateError of connection attempts has no message). */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const line = error.message.split('\n')[0]?.trim();
  if (line) return line;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
  return code ?? error.name;
}

function describeStore(store: ServerStore, config: ServerConfig): string {
  return store.kind === 'postgres' ? 'PostgreSQL' : `SQLite: ${join(config.dataDir, SQLITE_FILE_NAME)}`;
}

/** The store, open and answering: a pool may connect lazily, so it is pinged before anything else. */
async function openDatabase(config: ServerConfig): Promise<ServerStore> {
  let store: ServerStore | null = null;
  try {
    store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await store.ping();
    return store;
  } catch (error) {
    await store?.close().catch(() => undefined);
    // The store wraps the driver's error in one saying where; this message says where already.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    if (config.databaseUrl === null) throw new StartupError(`Cannot open the SQLite database in ${config.dataDir}: ${reasonOf(cause)}`);
    // A driver may quote the URL it was given: its password never reaches the terminal.
    const reason = redactPassword(reasonOf(cause), config.databaseUrl);
    throw new StartupError(`Cannot reach the database at ${withoutPassword(config.databaseUrl)}: ${reason}`);
  }
}

async function prepare(store: ServerStore): Promise<void> {
  try {
    await store.migrate();
  } catch (error) {
    throw new StartupError(`Cannot bring the database schema up to date: ${reasonOf(error)}`);
  }
  try {
    await seedIfEmpty(store);
  } catch (error) {
    throw new StartupError(`Cannot seed the new database: ${reasonOf(error)}`);
  }
}

const FORGET_EVERY_MS = 60 * 60_000;

/** Ended sessions and old throttle counts (the hashed addresses they name) go, hourly and at start. */
function forgetRegularly(store: Store, log: Log): NodeJS.Timeout {
  const forget = () => void forgetExpired(store.access, Date.now()).catch((error: unknown) => log(errorEntry('forget-error', error)));
  forget();
  return setInterval(forget, FORGET_EVERY_MS).unref();
}

export async function startServer(config: ServerConfig, { log = consoleLog }: { log?: Log } = {}): Promise<RunningServer> {
  // Before the database: a secret that cannot be read or made stops the start with one line.
  const addressKey = addressKeyer(loadAddressSecret(config));
  const store = await openDatabase(config);
  try {
    await prepare(store);
    const api = createApi({
      store,
      passwords: scryptPasswords,
      rateRules: config.rateRules,
      remoderateEdits: config.remoderateEdits ?? false,
      maxStreamsPerClient: config.maxStreamsPerClient,
      onError: (error) => log(errorEntry('api-error', error)),
    });
    const forgetting = forgetRegularly(store, log);
    const { distDir, host, port, trustProxy, frameAncestors } = config;
    const articlePages = await loadArticlePages({ store, distDir, ssrDir: serverBuildDir(distDir) });
    if (!articlePages) log({ time: new Date().toISOString(), level: 'info', event: 'no-server-rendering', reason: `no ${SERVER_ENTRY} beside ${distDir}` });
    const http = await startHttpServer({ api, store, distDir, host, port, trustProxy, frameAncestors, addressKey, articlePages, log }).catch(
      (error: unknown) => {
        throw new StartupError(`Cannot listen on ${config.host}:${config.port}: ${reasonOf(error)}`);
      },
    );
    let stopped: Promise<void> | null = null;
    return {
      origin: http.origin,
      database: describeStore(store, config),
      stop() {
        clearInterval(forgetting);
        // Live streams never end by themselves: ended first, their browsers reconnect elsewhere.
        api.hub.close();
        stopped ??= http.close().finally(() => store.close());
        return stopped;
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
