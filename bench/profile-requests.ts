// Benchmark: where each deadline-day request spends its time. For each request type in turn, the app runs as its own
// process under the V8 profiler (node --cpu-prof) on the national dataset's PostgreSQL (with pg_stat_statements);
// 4 connections send that request back to back. Reported per type: throughput and latency; the app's and
// PostgreSQL's CPU milliseconds per request; queries per request and their database time; the statements run most;
// and where the app's CPU went (by package or file, by function, and inclusive time in our own functions).
// Run: npm exec -- node --import tsx bench/profile-requests.ts [secondsPerType=20] [type ...]
// (KEEP_PROFILES=1 keeps the .cpuprofile files, to open in Chrome's DevTools.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openNationalDataset } from './support/national.ts';
import { createBenchPeople, type BenchPerson } from './support/bench-people.ts';
import { startAppProcess } from './support/app-process.ts';
import { deadlineRequests, deadlineRound, type Versions } from './support/deadline-requests.ts';
import { formatSummary, summarise, type Sample } from './support/latency.ts';
import { commandOf, processTree, processUsage, treeUsage } from './support/processes.ts';
import { summariseProfile } from './support/cpu-profile.ts';

const seconds = Number(process.argv[2] ?? 20);
const only = process.argv.slice(3);
const connections = 4;
const national = await openNationalDataset({ poolSize: 4, statements: true });
const { deps } = national;
let exitCode = 0;
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-profile-'));

try {
  console.log(`machine: ${national.machine}; ${connections} connections, ${seconds} s a request type`);
  const { roundId, laos } = await deadlineRound(deps.db, 200);
  const provinces = (await sql<{ id: number; code: string }>`select id, code from org_units where kind = 'province' order by code limit 8`.execute(deps.db)).rows;
  const editors = await createBenchPeople(deps, laos.map((l) => ({ unitId: l.id, role: 'lao_officer' })));
  const supervisors = await createBenchPeople(deps, provinces.map((p) => ({ unitId: p.id, role: 'province_office' })));
  const codeOf = new Map(laos.map((l) => [l.id, l.code]));
  const postgres = () => processTree(process.pid).filter((pid) => commandOf(pid) === 'postgres');

  type Kind = { name: string; send(worker: number, i: number): Promise<number> };
  const kinds = (r: ReturnType<typeof deadlineRequests>): Kind[] => {
    const versions = new Map<number, Versions>();
    const editor = (worker: number, i: number): [BenchPerson, string] => {
      const p = editors[(worker * 50 + i) % editors.length]!;
      return [p, codeOf.get(p.unitId)!];
    };
    return [
      {
        name: 'autosave section',
        async send(worker, i) {
          const p = editors[worker]!;
          const code = codeOf.get(p.unitId)!;
          const res = await r.autosave(p, code, 'F1-S1', versions.get(worker) ?? {}, 1000 + i);
          if (res.versions) versions.set(worker, res.versions);
          else versions.set(worker, (await r.openSection(p, code)).versions);
          return res.status;
        },
      },
      { name: 'open section page', send: async (w, i) => (await r.openSection(...editor(w, i))).status },
      { name: 'upload evidence', send: (w, i) => r.upload(...editor(w, i)) },
      { name: 'progress dashboard', send: (w, i) => r.progress(supervisors[(w + i) % supervisors.length]!) },
      { name: 'public list', send: (w, i) => r.publicList(provinces[(w + i) % provinces.length]!.code) },
    ];
  };

  for (const name of ['autosave section', 'open section page', 'upload evidence', 'progress dashboard', 'public list']) {
    if (only.length && !only.some((o) => name.startsWith(o))) continue;
    const dir = path.join(profileDir, name.replaceAll(' ', '-'));
    const app = await startAppProcess(national, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`], env: { MAX_IN_FLIGHT: '1000', MAX_QUEUED: '1000' } });
    const kind = kinds(deadlineRequests(app.url, roundId)).find((k) => k.name === name)!;
    // Warm up (JIT, caches, pool), then measure from a clean slate.
    const loop = async (ms: number, samples: Sample[]) => {
      const until = Date.now() + ms;
      await Promise.all(Array.from({ length: connections }, async (_, w) => {
        for (let i = 0; Date.now() < until; i++) {
          const started = performance.now();
          const status = await kind.send(w, i);
          samples.push({ ms: performance.now() - started, status });
        }
      }));
    };
    await loop(3000, []);
    await sql`select pg_stat_statements_reset()`.execute(deps.db);
    const appBefore = processUsage(app.pid).cpuSeconds;
    const pgBefore = treeUsage(postgres()).cpuSeconds;
    const samples: Sample[] = [];
    await loop(seconds * 1000, samples);
    const appMs = (processUsage(app.pid).cpuSeconds - appBefore) * 1000;
    const pgMs = (treeUsage(postgres()).cpuSeconds - pgBefore) * 1000;
    const statements = (await sql<{ query: string; calls: number; ms: number }>`select query, calls::int, total_exec_time as ms from pg_stat_statements
      where query not like '%pg_stat_statements%' and query not ilike '%graphile_worker%' order by calls desc`.execute(deps.db)).rows;
    await app.stop();
    const n = samples.length;
    const calls = statements.reduce((a, s) => a + s.calls, 0);
    const dbMs = statements.reduce((a, s) => a + s.ms, 0);
    console.log(`\n== ${name}`);
    console.log('  ' + formatSummary(name, summarise(samples, seconds)));
    console.log(`  per request: app CPU ${(appMs / n).toFixed(1)} ms, PostgreSQL CPU ${(pgMs / n).toFixed(1)} ms, ${(calls / n).toFixed(1)} queries taking ${(dbMs / n).toFixed(2)} ms in the database`);
    console.log('  statements run at least every other request (calls per request, ms per call):');
    for (const s of statements.filter((x) => x.calls >= n / 2)) console.log(`    ${(s.calls / n).toFixed(2).padStart(6)}  ${(s.ms / s.calls).toFixed(3).padStart(7)}  ${s.query.replace(/\s+/g, ' ').slice(0, Number(process.env.QUERY_WIDTH ?? 150))}`);
    console.log('  statements taking the most database time in all (calls, ms in all):');
    for (const s of [...statements].sort((x, y) => y.ms - x.ms).slice(0, 5)) console.log(`    ${String(s.calls).padStart(6)}  ${s.ms.toFixed(0).padStart(7)}  ${s.query.replace(/\s+/g, ' ').slice(0, Number(process.env.QUERY_WIDTH ?? 150))}`);
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) {
      console.log('  (no CPU profile was written)');
      continue;
    }
    const profile = summariseProfile(path.join(dir, file), 15);
    const pct = (ms: number) => `${((ms / profile.totalMs) * 100).toFixed(1).padStart(5)}%`;
    console.log(`  app CPU in the profile: ${(profile.totalMs / 1000).toFixed(1)} s, by package or file (self):`);
    for (const [k, ms] of profile.byPlace) console.log(`    ${pct(ms)}  ${k}`);
    console.log('  by function (self):');
    for (const [k, ms] of profile.bySelf) console.log(`    ${pct(ms)}  ${k}`);
    console.log('  inside our own functions (inclusive):');
    for (const [k, ms] of profile.ownInclusive) console.log(`    ${pct(ms)}  ${k}`);
  }
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await national.close();
  if (process.env.KEEP_PROFILES) console.log(`\nCPU profiles kept in ${profileDir}`);
  else fs.rmSync(profileDir, { recursive: true, force: true });
}
process.exit(exitCode);
