import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { createDb, createPool, withDatabase } from '../../src/db/pool.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createLogger } from '../../src/logger.ts';
import { loadReferenceData } from '../../src/services/org/load-reference-data.ts';
import { templateDatabase } from './test-db.ts';

// A throw-away PostgreSQL (or TEST_DATABASE_URL's) with the migrated template database, reference data
// loaded, ready for createTestDatabase() to clone. Shared by test/run.ts and e2e/screenshots.ts.
export type TestCluster = { adminUrl: string; stop(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startTestCluster(): Promise<TestCluster> {
  const logger = createLogger('warn');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-test-'));
  fs.chmodSync(tmp, 0o755);
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  const stop = async () => {
    await stopServer();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    if (!adminUrl) {
      const server = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort(), logger, password: 'test' });
      adminUrl = server.url;
      stopServer = server.stop;
    }
    await prepareTemplate(adminUrl);
    return { adminUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function prepareTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDatabase}`);
  await admin.query(`create database ${templateDatabase}`);
  await admin.end();
  const pool = createPool(withDatabase(adminUrl, templateDatabase), 2);
  await migrate(pool);
  await loadReferenceData(createDb(pool));
  await pool.end();
}
