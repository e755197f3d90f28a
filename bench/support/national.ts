import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { FixedClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createPool } from '../../src/db/pool.ts';
import { bangkokInstant } from '../../src/domain/dates/bangkok-time.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import { createLogger } from '../../src/logger.ts';
import { MemoryMailer } from '../../src/mail/mailer.ts';
import { seedDemoRounds } from '../../src/services/demo/seed-demo-rounds.ts';
import { loadReferenceData } from '../../src/services/org/load-reference-data.ts';
import { generateRegisterCsv } from '../../src/services/register/generate-register.ts';
import { importRegister } from '../../src/services/register/import-register.ts';
import { freePort } from '../../test/support/cluster.ts';

// The national dataset every benchmark runs against, built the way `npm start` seeds it: a throw-away embedded
// PostgreSQL, the generated national register (~7,850 LAOs), the shipped frameworks and the demo rounds with
// national answers (ODLOC 2567 and 2568 published, this year's ODLOC round open, the DLA rounds).

export type NationalDataset = { deps: Deps; clock: FixedClock; dataDir: string; url: string; counts: Record<string, number>; machine: string; close(): Promise<void> };

export async function openNationalDataset(options: { poolSize?: number; now?: Date; statements?: boolean } = {}): Promise<NationalDataset> {
  const logger = createLogger('warn');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), logger, password: 'bench',
    postgresFlags: options.statements ? ['-c', 'shared_preload_libraries=pg_stat_statements'] : [] });
  const pool = createPool(server.url, options.poolSize ?? 10);
  const close = async () => {
    await pool.end().catch(() => {});
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrate(pool);
    if (options.statements) await pool.query('create extension if not exists pg_stat_statements');
    const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const clock = new FixedClock(options.now ?? bangkokInstant('2026-11-22', '10:00'));
    const deps = createDeps({ config, pool, clock, logger, mailer: new MemoryMailer(), authSecret: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz' });
    await loadReferenceData(deps.db);
    await importRegister(deps, { fileName: 'generated-register.csv', bytes: Buffer.from(generateRegisterCsv(), 'utf8'), dryRun: false, actorUserId: null });
    await seedDemoRounds(deps, { provinceCode: '22', laoInProgressId: -1, laoNotStartedId: -2 });
    // Statistics as a running system has them (autovacuum analyzes within a minute of a bulk load): without them the
    // first minute's plans are the planner's guesses — the public list's counts took 2 s instead of 20 ms.
    await sql`analyze`.execute(deps.db);
    const counts = (await sql<Record<string, number>>`select (select count(*)::int from org_units where kind = 'lao') as laos,
      (select count(*)::int from rounds) as rounds, (select count(*)::int from submissions) as submissions,
      (select count(*)::int from submission_values) as answers, (select count(*)::int from results) as results`.execute(deps.db)).rows[0]!;
    const machine = `${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`;
    return { deps, clock, dataDir, url: server.url, counts, machine, close };
  } catch (e) {
    await close();
    throw e;
  }
}
