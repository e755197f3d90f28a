// Benchmark: the real save path (HTTP → API token → saveSection: load, parse, rules, row lock, versioned upsert,
// audit) on the national dataset, beside a bare PostgreSQL upsert behind a minimal HTTP handler, in one run on
// the same machine. The ratio is the figure (design.md §5: section save p99 < 100 ms).
// Run: node --import tsx bench/section-save.ts [seconds=15] [connections=8]
// Data: the generated national register (~7,850 LAOs), the five shipped frameworks and the demo rounds (ODLOC 2568
// closed with ~264,000 answers, this year's ODLOC round open with ~100,000, the DLA rounds) — as `npm start` seeds.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { FixedClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate } from '../src/db/migrate.ts';
import { createPool } from '../src/db/pool.ts';
import { bangkokInstant } from '../src/domain/dates/bangkok-time.ts';
import { createDeps } from '../src/deps.ts';
import { createLogger } from '../src/logger.ts';
import { MemoryMailer } from '../src/mail/mailer.ts';
import { seedDemoRounds } from '../src/services/demo/seed-demo-rounds.ts';
import { loadReferenceData } from '../src/services/org/load-reference-data.ts';
import { generateRegisterCsv } from '../src/services/register/generate-register.ts';
import { importRegister } from '../src/services/register/import-register.ts';
import { createApiToken } from '../src/services/tokens/api-tokens.ts';
import { createAccount } from '../src/services/users/create-account.ts';
import { createApp } from '../src/web/app.ts';
import { freePort } from '../test/support/cluster.ts';

const durationSeconds = Number(process.argv[2] ?? 15);
const connections = Number(process.argv[3] ?? 8);
const meta = { actorUserId: null, ip: null, requestId: 'bench' };
const logger = createLogger('warn');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-bench-'));
fs.chmodSync(tmp, 0o755);
const server = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort(), logger, password: 'bench' });
const pool = createPool(server.url, 10);
const closers: (() => Promise<void> | void)[] = [];
let failed = false;

type Stats = { n: number; errors: number; p50: number; p99: number; max: number; perSecond: number };

/** `connections` loops, each sending its own requests back to back for the duration; latencies in ms. */
async function load(send: (worker: number, i: number) => Promise<boolean>): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + durationSeconds * 1000;
  await Promise.all(Array.from({ length: connections }, async (_, worker) => {
    for (let i = 0; Date.now() < until; i++) {
      const started = performance.now();
      const ok = await send(worker, i);
      latencies.push(performance.now() - started);
      if (!ok) errors++;
    }
  }));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { n: latencies.length, errors, p50: at(0.5), p99: at(0.99), max: latencies.at(-1)!, perSecond: latencies.length / durationSeconds };
}

const show = (label: string, s: Stats) =>
  console.log(`${label.padEnd(34)} ${String(s.n).padStart(6)} requests  ${s.perSecond.toFixed(0).padStart(5)}/s  p50 ${s.p50.toFixed(1).padStart(6)} ms  p99 ${s.p99.toFixed(1).padStart(6)} ms  max ${s.max.toFixed(0)} ms  errors ${s.errors}`);

try {
  await migrate(pool);
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', DATA_DIR: tmp, LOG_LEVEL: 'warn' });
  const clock = new FixedClock(bangkokInstant('2026-11-22', '10:00'));
  const deps = createDeps({ config, pool, clock, logger, mailer: new MemoryMailer(), authSecret: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz' });
  await loadReferenceData(deps.db);
  await importRegister(deps, { fileName: 'generated-register.csv', bytes: Buffer.from(generateRegisterCsv(), 'utf8'), dryRun: false, actorUserId: null });
  await seedDemoRounds(deps, { provinceCode: '22', laoInProgressId: -1, laoNotStartedId: -2 });
  const counts = await sql<{ laos: number; values: number; submissions: number }>`select (select count(*)::int from org_units where kind = 'lao') as laos,
    (select count(*)::int from submission_values) as values, (select count(*)::int from submissions) as submissions`.execute(deps.db);
  console.log(`machine: ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}; data: ${JSON.stringify(counts.rows[0])}; ${connections} connections × ${durationSeconds} s each`);

  // One officer (with an API token) for each of `connections` LAOs of the open ODLOC round that have not started.
  const round = await sql<{ id: number }>`select r.id from rounds r join programmes p on p.id = r.programme_id where p.code = 'odloc-minimum-standards' and r.state = 'open'`.execute(deps.db);
  const roundId = round.rows[0]!.id;
  const laos = await sql<{ id: number; code: string }>`select u.id, u.code from round_respondents rr join org_units u on u.id = rr.org_unit_id
    where rr.round_id = ${roundId} and rr.lao_type = 'subdistrict' and not exists (select 1 from submissions s where s.round_id = rr.round_id and s.org_unit_id = u.id) order by u.id limit ${connections}`.execute(deps.db);
  const tokens: { code: string; token: string }[] = [];
  for (const [i, lao] of laos.rows.entries()) {
    const userId = await createAccount(deps, { name: `bench ${i}`, email: `bench${i}@bench.example`, username: `bench.${i}`, password: 'bench password 123', role: 'lao_officer', orgUnitId: lao.id }, meta);
    tokens.push({ code: lao.code, token: (await createApiToken(deps, userId, 'bench', meta)).token });
  }

  const app = createApp(deps);
  const appPort = await freePort();
  const appServer = serve({ fetch: app.fetch, port: appPort, hostname: '127.0.0.1' });
  closers.push(() => void appServer.close());

  // The floor: the same kind of row written by a bare upsert behind a minimal handler, on the same pool size.
  await pool.query('create table bench_values (org text, key text, value jsonb, version int not null default 1, primary key (org, key))');
  const barePort = await freePort();
  const bare = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      const { org, value } = JSON.parse(body) as { org: string; value: number };
      await pool.query('insert into bench_values (org, key, value) values ($1, $2, $3) on conflict (org, key) do update set value = excluded.value, version = bench_values.version + 1', [org, 'population', JSON.stringify(value)]);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  }).listen(barePort, '127.0.0.1');
  closers.push(() => void bare.close());

  // The demo's last-year answers are random, so every value is "far from last year" and carries its reason.
  const benchNotes = { population: 'ทดสอบประสิทธิภาพ', households: 'ทดสอบประสิทธิภาพ', area_km2: 'ทดสอบประสิทธิภาพ', communities: 'ทดสอบประสิทธิภาพ' };
  const versions = new Map<string, number>();
  const appStats = await load(async (worker, i) => {
    const { code, token } = tokens[worker]!;
    const res = await fetch(`http://127.0.0.1:${appPort}/api/v1/rounds/${roundId}/submissions/${code}/values`, {
      method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: versions.get(code) ?? 0, values: { population: 5000 + i, households: 1500 + (i % 7), area_km2: 24.5, communities: 12 }, notes: benchNotes }),
    });
    const body = (await res.json()) as { version?: number; current?: { version: number }; error?: string; message?: string };
    if (res.status !== 200 && res.status !== 409 && i === 0) console.error(`first answer ${res.status}: ${JSON.stringify(body)}`);
    if (res.status === 200) versions.set(code, body.version!);
    else if (res.status === 409) versions.set(code, body.current!.version);
    return res.status === 200;
  });
  const bareStats = await load(async (worker, i) => {
    const res = await fetch(`http://127.0.0.1:${barePort}/`, { method: 'POST', body: JSON.stringify({ org: tokens[worker]!.code, value: 5000 + i }) });
    await res.arrayBuffer();
    return res.status === 200;
  });
  show('section save (API PATCH, 4 fields)', appStats);
  show('bare upsert behind minimal handler', bareStats);
  console.log(`ratio: the real save takes ${(appStats.p50 / bareStats.p50).toFixed(1)}× the bare upsert at p50, ${(appStats.p99 / bareStats.p99).toFixed(1)}× at p99; throughput ${(bareStats.perSecond / appStats.perSecond).toFixed(1)}× lower`);
  const audits = await sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'submission.value'`.execute(deps.db);
  console.log(`audit rows written by the saves: ${audits.rows[0]!.n}`);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  for (const close of closers) await close();
  await pool.end().catch(() => {});
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
// Explicit exit: embedded-postgres's exit hook would otherwise end with code 0 whatever happened.
process.exit(failed ? 1 : 0);
