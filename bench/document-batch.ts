// Benchmark: every completed respondent's results report of the ODLOC 2568 round (~7,500 LAOs of the national
// dataset) rendered as a background batch by a job worker process (`src/worker.ts`, concurrency 2, one shared
// Chromium), as the owners start it from the round's page. Prints progress while it runs, then the total time, the
// rate, and the peak memory of the worker process and of its Chromium processes (sampled from /proc every second).
// Run: npm exec -- node --import tsx bench/document-batch.ts [limit — render only the first N respondents]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { findDocumentBatch } from '../src/db/queries/document-batches.ts';
import { startDocumentBatch } from '../src/services/documents/start-document-batch.ts';
import { findCountry } from '../src/db/queries/org-units.ts';
import { loadActor } from '../src/services/access/load-actor.ts';
import { createAccount } from '../src/services/users/create-account.ts';
import { openNationalDataset } from './support/national.ts';

const meta = { actorUserId: null, ip: null, requestId: 'bench' };
const limit = process.argv[2] ? Number(process.argv[2]) : null;
const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 2);
const national = await openNationalDataset();
const { deps } = national;
let exitCode = 0;

/** Resident memory (MB) of the worker process and of every Chromium process below it. */
function memory(worker: number): { node: number; chromium: number } {
  const rss = (pid: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  const descendants = (pid: number): number[] => {
    let kids: number[] = [];
    try {
      kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
    return kids.flatMap((k) => [k, ...descendants(k)]);
  };
  const chromium = descendants(worker).filter((p) => {
    try {
      return /chrom/i.test(fs.readFileSync(`/proc/${p}/comm`, 'utf8'));
    } catch {
      return false;
    }
  });
  return { node: rss(worker), chromium: chromium.reduce((s, p) => s + rss(p), 0) };
}

try {
  console.log(`machine: ${national.machine}; data: ${JSON.stringify(national.counts)}; worker concurrency ${concurrency}`);
  const round = (await sql<{ id: number }>`select r.id from rounds r where r.fiscal_year = 2568 and r.state = 'published'`.execute(deps.db)).rows[0]!;
  const country = (await findCountry(deps.db))!;
  const userId = await createAccount(deps, { name: 'bench owner', email: 'owner@bench.example', username: 'bench.owner', password: 'bench password 123', role: 'programme_admin', orgUnitId: country.id }, meta);
  const owner = (await loadActor(deps.db, userId))!;
  if (limit) {
    // Only the first N: drop the others' submissions from "completed" for this run (the data are thrown away after).
    await sql`update submissions set state = 'in_progress' where round_id = ${round.id} and state = 'submitted'
      and id not in (select id from submissions where round_id = ${round.id} and state = 'submitted' order by id limit ${limit})`.execute(deps.db);
  }
  const started = performance.now();
  const { batchId, total } = await startDocumentBatch(deps, owner, { roundId: round.id, provinceCode: null }, meta);
  console.log(`batch ${batchId}: ${total} reports queued in ${(performance.now() - started).toFixed(0)} ms`);
  const worker = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../src/worker.ts')], {
    env: { ...process.env, DATABASE_URL: national.url, DATA_DIR: national.dataDir, WORKER_CONCURRENCY: String(concurrency), LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const peak = { node: 0, chromium: 0, total: 0 };
  let lastPrint = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const m = memory(worker.pid!);
    peak.node = Math.max(peak.node, m.node);
    peak.chromium = Math.max(peak.chromium, m.chromium);
    peak.total = Math.max(peak.total, m.node + m.chromium);
    const b = (await findDocumentBatch(deps.db, batchId))!;
    const seconds = (performance.now() - started) / 1000;
    if (seconds - lastPrint >= 30 || b.finishedAt) {
      lastPrint = seconds;
      console.log(`${seconds.toFixed(0).padStart(5)} s  ${b.done}/${b.total} done, ${b.failed} failed  (${(b.done / seconds * 60).toFixed(0)}/min)  rss node ${m.node.toFixed(0)} MB + chromium ${m.chromium.toFixed(0)} MB`);
    }
    if (b.finishedAt) {
      console.log(`\ntotal ${b.total} reports in ${seconds.toFixed(1)} s (${(seconds * 1000 / b.total).toFixed(0)} ms each, ${(b.total / seconds * 60).toFixed(0)} per minute); failed ${b.failed}; ${(Number(b.bytes) / 2 ** 20).toFixed(0)} MB of PDF`);
      console.log(`peak memory: node ${peak.node.toFixed(0)} MB, chromium ${peak.chromium.toFixed(0)} MB, together ${peak.total.toFixed(0)} MB`);
      if (b.failed > 0) exitCode = 1;
      break;
    }
  }
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await national.close();
}
process.exit(exitCode);
