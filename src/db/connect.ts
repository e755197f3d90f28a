import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrate } from './migrate.ts';
import { createDb, createPool, withDatabase, type Db } from './pool.ts';

// The one way every entry point (web app, worker, command line) reaches the database: DATABASE_URL when set;
// otherwise the embedded PostgreSQL under DATA_DIR with its `matrathan` database, created on first use.
// Migrations are applied before anything else touches the database.

export const embeddedDatabaseName = 'matrathan';

export type OpenDatabase = { pool: pg.Pool; db: Db; url: string; close(): Promise<void> };

export async function openDatabase(config: Config, logger: Logger, opts: { poolSize?: number } = {}): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopServer = async () => {};
  if (!url) {
    const server = await startOrAttachEmbedded(config, logger);
    stopServer = server.stop;
    try {
      await createDatabaseIfMissing(server.url, embeddedDatabaseName);
    } catch (e) {
      await stopServer();
      throw e;
    }
    url = withDatabase(server.url, embeddedDatabaseName);
  }
  const pool = createPool(url, opts.poolSize ?? 10);
  try {
    const applied = await migrate(pool);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  } catch (e) {
    await pool.end().catch(() => {});
    await stopServer();
    throw e;
  }
  const db = createDb(pool);
  let closed = false;
  return {
    pool,
    db,
    url,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy().catch(() => {});
      await stopServer();
    },
  };
}

/**
 * When another live process of ours (the web app, say) already runs the embedded server for this DATA_DIR,
 * connect to it rather than start one: startEmbeddedPostgres would take its postmaster for one orphaned by a
 * crash and shut it down under the running app. An orphan (its parent gone) is still left to that recovery.
 */
async function startOrAttachEmbedded(config: Config, logger: Logger): Promise<{ url: string; stop(): Promise<void> }> {
  const running = findOwnedPostmaster(path.join(config.dataDir, 'postgres'));
  const passwordFile = path.join(config.dataDir, '.pg-password');
  if (running && fs.existsSync(passwordFile)) {
    logger.info({ pid: running.pid, port: running.port }, 'using the embedded PostgreSQL another process started');
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    return { url: `postgres://matrathan:${encodeURIComponent(password)}@127.0.0.1:${running.port}/postgres`, stop: async () => {} };
  }
  return startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, logger });
}

export function findOwnedPostmaster(dbDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dbDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  const parent = parentPid(pid);
  if (parent === undefined || parent <= 1) return undefined;
  return commandLine(parent).includes('node') ? { pid, port } : undefined;
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces or parentheses, so read after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Two first starts at once may both see no database: the loser's "already exists" (42P04) is fine. */
async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${pg.escapeIdentifier(name)}`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e;
      });
    }
  } finally {
    await admin.end().catch(() => {});
  }
}
