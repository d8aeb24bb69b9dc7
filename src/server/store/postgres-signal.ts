// The live signal across processes (core/live-signal.ts) with PostgreSQL's NOTIFY and LISTEN: a
// message sent by any process reaches every process listening on the database, this one
// included. One connection per process listens, apart from the pool; when it drops it is
// opened again, and the hub is told to read what it may have missed.
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { LiveMessage, LiveSignal } from '../../core/live-signal';
import type { Database } from './schema';

const CHANNEL = 'reagir_live';
const RECONNECT_MS = 1_000;

function parse(payload: string | undefined): LiveMessage | null {
  try {
    const message = JSON.parse(payload ?? '') as LiveMessage;
    return message.kind === 'article' || message.kind === 'queue' || message.kind === 'resync' ? message : null;
  } catch {
    return null;
  }
}

export function postgresSignal(db: Kysely<Database>, connectionString: string): LiveSignal {
  const listeners = new Set<(message: LiveMessage) => void>();
  const tell = (message: LiveMessage) => {
    for (const listener of [...listeners]) listener(message);
  };
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    if (closed || client) return;
    const next = new pg.Client({ connectionString });
    const lost = () => {
      if (client !== next) return;
      client = null;
      next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', (notification) => {
      const message = parse(notification.payload);
      if (message) tell(message);
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      // Messages sent while no connection listened are lost: whoever follows reads again.
      tell({ kind: 'resync' });
    } catch {
      lost();
    }
  }

  return {
    async send(message) {
      try {
        await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(message)})`.execute(db);
      } catch {
        // The change is stored; its readers hear of it with the next signal or when they reconnect.
      }
    },
    listen(listener) {
      listeners.add(listener);
      void connect();
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      listeners.clear();
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
