// The whole test suite in one command: starts a throw-away embedded PostgreSQL, migrates a template database
// once (with the reference data), then runs every test file with Node's test runner; each file clones the template.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { createDb, createPool, withDatabase } from '../src/db/pool.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';
import { loadReferenceData } from '../src/services/org/load-reference-data.ts';
import { templateDatabase } from './support/test-db.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const patterns = args.length > 0 ? args : ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx', 'e2e/**/*.test.ts'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const logger = createLogger('warn');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-test-'));
fs.chmodSync(tmp, 0o755);
let adminUrl = process.env.TEST_DATABASE_URL;
let stop = async () => {};
if (!adminUrl) {
  const server = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort(), logger, password: 'test' });
  adminUrl = server.url;
  stop = server.stop;
}

try {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDatabase}`);
  await admin.query(`create database ${templateDatabase}`);
  await admin.end();
  const pool = createPool(withDatabase(adminUrl, templateDatabase), 2);
  await migrate(pool);
  await loadReferenceData(createDb(pool));
  await pool.end();

  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=180000', ...patterns], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TEST_PG_URL: adminUrl, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  process.exitCode = code;
} finally {
  await stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
