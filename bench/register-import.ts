// Benchmark: import the generated national register (~7,850 LAOs) into a fresh database and print the seconds.
// Run: node --import tsx bench/register-import.ts   (a throw-away embedded PostgreSQL under the OS temp dir;
// set BENCH_ADMIN_URL to use an existing server instead, where a fresh database is created and dropped).
// Measures the real service path: parse CSV, validate every row, plan, one transaction of set-based writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { FixedClock } from '../src/clock.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate } from '../src/db/migrate.ts';
import { createDb, createPool, withDatabase } from '../src/db/pool.ts';
import { createLogger } from '../src/logger.ts';
import { loadReferenceData } from '../src/services/org/load-reference-data.ts';
import { generateRegisterCsv } from '../src/services/register/generate-register.ts';
import { importRegister } from '../src/services/register/import-register.ts';
import { freePort } from '../test/support/cluster.ts';

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const logger = createLogger('warn');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-bench-'));
fs.chmodSync(tmp, 0o755);
let adminUrl = process.env.BENCH_ADMIN_URL;
let stopServer = async () => {};
if (!adminUrl) {
  const server = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort(), logger, password: 'bench' });
  adminUrl = server.url;
  stopServer = server.stop;
}
const name = `matrathan_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const pool = createPool(withDatabase(adminUrl, name), 4);
const db = createDb(pool);
let failed = false;
try {
  await migrate(pool);
  await loadReferenceData(db);
  const csv = Buffer.from(generateRegisterCsv(), 'utf8');
  const clock = new FixedClock(new Date());
  console.log(`machine: ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}; file: ${(csv.length / 1024).toFixed(0)} KB CSV`);
  for (const [label, dryRun] of [['dry run (fresh database)', true], ['import into a fresh database', false], ['re-import (no changes)', false]] as const) {
    const started = process.hrtime.bigint();
    const report = await importRegister({ db, clock }, { fileName: 'generated-register.csv', bytes: csv, dryRun, actorUserId: null });
    const s = seconds(started);
    if (report.status !== 'done') throw new Error(`import rejected: ${JSON.stringify(report.problems.slice(0, 3))}`);
    console.log(`${label.padEnd(30)} ${s.toFixed(2)} s  (${report.totalRows} rows: +${report.added} ~${report.updated} -${report.closed} =${report.unchanged})`);
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await db.destroy();
  await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.end();
  await stopServer();
  fs.rmSync(tmp, { recursive: true, force: true });
}
// Explicit exit: embedded-postgres's exit hook would otherwise end with code 0 whatever happened.
process.exit(failed ? 1 : 0);
