import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createDb, createPool, withDatabase } from '../../src/db/pool.ts';
import { createLogger } from '../../src/logger.ts';
import { loadReferenceData } from '../../src/services/org/load-reference-data.ts';
import { freePort } from '../../test/support/cluster.ts';

// A throw-away PostgreSQL of the drill's own (the embedded server in a temporary folder), with one database migrated
// and holding the reference org tree. The drill may stop it and start it again on the same port and data: that is
// what restart-db does to the app running on it.

export type DrillCluster = {
  /** The drill's database (DATABASE_URL for the app). */
  url: string;
  /** The folder everything of the drill lives under; removed by close(). */
  tmp: string;
  /** Fast shutdown (SIGINT to the postmaster: sessions are ended, nothing waits for clients). */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  close(): Promise<void>;
};

const password = 'drill';
const quiet = createLogger('silent');

export async function startDrillCluster(name: string): Promise<DrillCluster> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `matrathan-drill-${name}-`));
  fs.chmodSync(tmp, 0o755); // as root, PostgreSQL runs as its own user and must reach its folder
  const pgDir = path.join(tmp, 'pg');
  const port = await freePort();
  let server: { url: string; stop(): Promise<void> } | null = null;
  const startServer = async () => {
    server = await startEmbeddedPostgres({ dataDir: pgDir, port, logger: quiet, password });
  };
  const stopServer = async () => {
    const s = server;
    server = null;
    await s?.stop();
  };
  const close = async () => {
    await stopServer().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await startServer();
    const adminUrl = server!.url;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database drill`);
    await admin.end();
    const url = withDatabase(adminUrl, 'drill');
    const pool = createPool(url, 2);
    try {
      await migrate(pool);
      await loadReferenceData(createDb(pool));
    } finally {
      await pool.end();
    }
    return { url, tmp, stopServer, startServer, close };
  } catch (e) {
    await close();
    throw e;
  }
}
