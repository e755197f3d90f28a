import pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrate } from './migrate.ts';
import { createDb, createPool, withDatabase, type Db } from './pool.ts';

export const embeddedDatabaseName = 'matrathan';

export type OpenDatabase = { pool: pg.Pool; db: Db; url: string; close(): Promise<void> };

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR (its `matrathan` database created on
 * first use). Migrations are applied before anything else touches the database. */
export async function openDatabase(config: Config, logger: Logger, opts: { poolSize?: number } = {}): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopServer = async () => {};
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, logger });
    stopServer = server.stop;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      const exists = await admin.query(`select 1 from pg_database where datname = $1`, [embeddedDatabaseName]);
      if (exists.rowCount === 0) await admin.query(`create database ${embeddedDatabaseName}`);
    } finally {
      await admin.end();
    }
    url = withDatabase(server.url, embeddedDatabaseName);
  }
  const pool = createPool(url, opts.poolSize ?? 10);
  try {
    const applied = await migrate(pool);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  } catch (e) {
    await pool.end();
    await stopServer();
    throw e;
  }
  const db = createDb(pool);
  return {
    pool,
    db,
    url,
    async close() {
      await db.destroy().catch(() => {});
      await stopServer();
    },
  };
}
