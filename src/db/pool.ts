import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.ts';

// int8 ids and counts fit in a JS number at our scale; dates stay 'YYYY-MM-DD' strings (no time-zone shift);
// numeric stays a string so money is never silently rounded.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export type Db = Kysely<Database>;

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
  // An idle client's error (e.g. the server restarted) must not crash the app: the pool replaces the client. A
  // checked-out client's error reaches the query that uses it; its own listener keeps it from being unhandled.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

// Errors that say the database cannot be reached right now (stopped, restarting, failing over, out of
// connections), as opposed to a query that is wrong: the web layer answers these with 503 and Retry-After.
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);
const unreachableMessages = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  // An outbound HTTP call (object store, LINE) failing on its socket is not the database.
  if (!(err instanceof Error) || depth > 5 || (err instanceof TypeError && err.message === 'fetch failed')) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (unreachableCodes.has(code) || code.startsWith('08'))) return true;
  if (unreachableMessages.test(err.message)) return true;
  if (err instanceof AggregateError && err.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(err.cause, depth + 1);
}
