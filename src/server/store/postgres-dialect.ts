// PostgreSQL through a pg Pool, with 64-bit integers read as JavaScript numbers: created_ms is a
// bigint, and pg hands int8 (count(*) too) over as strings unless told otherwise.
import { PostgresDialect } from 'kysely';
import pg from 'pg';

const INT8_OID = 20;

function int8ToNumber(text: string): number {
  const value = Number(text);
  // Milliseconds and counts stay far below 2^53; past it a number would silently round.
  if (!Number.isSafeInteger(value)) throw new RangeError(`A 64-bit integer from PostgreSQL does not fit a JavaScript number: ${text}`);
  return value;
}

/** The pool's own type parsers: the pg module's global ones are left as other code expects them. */
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => (oid === INT8_OID && format !== 'binary' ? int8ToNumber : pg.types.getTypeParser(oid, format)),
};

export function postgresDialect(connectionString: string): PostgresDialect {
  const pool = new pg.Pool({
    connectionString,
    types,
    max: 10,
    // An unreachable server fails the opening within seconds instead of hanging the start-up.
    connectionTimeoutMillis: 5000,
  });
  return new PostgresDialect({ pool });
}
