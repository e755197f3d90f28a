// Benchmark: the last hours before a national deadline, on this machine. The national dataset; the app as its own
// process (src/main.ts, worker in process) on the dataset's PostgreSQL; from this process, over loopback:
//   editors     — 3,000 signed-in LAO officers across 2,000 LAOs (1,000 LAOs with two, each in a section of their
//                 own), each every ~30 s: 70% an autosave of the section (the browser's JSON save), 20% opening
//                 the section page, 10% an evidence upload (a 100 KB PDF);
//   supervisors — 50 provincial offices watching their progress dashboard every ~10 s;
//   the public  — 200 readers of the public list of respondents every ~4 s (no cache in front).
// The load is stepped (×0.25 … ×2 of that; STEPS=0.5,1 to choose) to find where it saturates; each step reports throughput and
// p50/p95/p99 per request type, 503s shed, errors, and the app's and PostgreSQL's CPU and memory. Then the real save
// path against a bare upsert behind a minimal handler, in the same run, and a check that no acknowledged save was lost.
// Run: npm exec -- node --import tsx bench/deadline-day.ts [secondsPerStep=60]   (WEB_PROCESSES=2 for two web processes)
import http from 'node:http';
import os from 'node:os';
import { sql } from 'kysely';
import { freePort } from '../test/support/cluster.ts';
import { openNationalDataset } from './support/national.ts';
import { createBenchPeople, type BenchPerson } from './support/bench-people.ts';
import { startAppProcess, type AppProcess } from './support/app-process.ts';
import { benchSections, deadlineRequests, deadlineRound, type BenchSection, type Versions } from './support/deadline-requests.ts';
import { Recorder, formatSummary, summarise, type Sample } from './support/latency.ts';
import { commandOf, processTree, treeUsage } from './support/processes.ts';

const secondsPerStep = Number(process.argv[2] ?? 60);
const steps = (process.env.STEPS ?? '0.25,0.5,0.75,1,1.5,2').split(',').map(Number);
const base = { editors: 3000, supervisors: 50, readers: 200 };
const think = { editor: 30_000, supervisor: 10_000, reader: 4_000 };

const national = await openNationalDataset({ poolSize: 6 });
const { deps } = national;
let exitCode = 0;
let app: AppProcess | undefined;
let bare: http.Server | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jitter = (mean: number) => mean * (0.5 + Math.random());

try {
  console.log(`machine: ${national.machine}; data: ${JSON.stringify(national.counts)}`);
  // Each ×1 of load is 3,000 editors in 2,000 LAOs: every LAO's officer in section F1-S1, and in half of them a second
  // officer in F1-S2. The steps above ×1 take the next 2,000 LAOs the same way.
  const maxFactor = Math.ceil(Math.max(...steps));
  const { roundId, laos } = await deadlineRound(deps.db, 2000 * maxFactor);
  if (laos.length < 2000 * maxFactor) throw new Error(`only ${laos.length} LAOs still entering: not enough for ×${maxFactor}`);
  const provinces = (await sql<{ id: number; code: string }>`select id, code from org_units where kind = 'province' order by code limit ${base.supervisors}`.execute(deps.db)).rows;
  const seats = Array.from({ length: maxFactor }, (_, k) => laos.slice(2000 * k, 2000 * (k + 1))).flatMap((group) => [
    ...group.map((l) => ({ lao: l, section: 'F1-S1' as BenchSection })), ...group.slice(0, 1000).map((l) => ({ lao: l, section: 'F1-S2' as BenchSection })),
  ]);
  const editorsList = await createBenchPeople(deps, seats.map((s) => ({ unitId: s.lao.id, role: 'lao_officer' })));
  const supervisorsList = await createBenchPeople(deps, provinces.map((p) => ({ unitId: p.id, role: 'province_office' })));
  console.log(`${editorsList.length + supervisorsList.length} accounts with sessions for ${laos.length} LAOs and ${provinces.length} provincial offices`);
  // Where each tracked answer starts (the demo's partial answers), to check no acknowledged save is lost.
  const startVersions = new Map((await sql<{ key: string; version: number }>`select u.code || '|' || v.field_key as key, v.version from submission_values v
    join submissions s on s.id = v.submission_id join org_units u on u.id = s.org_unit_id
    where s.round_id = ${roundId} and v.field_key in ('population', 'staff_total')`.execute(deps.db)).rows.map((r) => [r.key, r.version]));

  app = await startAppProcess(national);
  const origin = app.url;
  const appPid = app.pid;
  // The app's processes (node, its Chromium) and PostgreSQL's (children of this process, which started it).
  const tree = () => [...processTree(appPid), ...processTree(process.pid).filter((pid) => commandOf(pid) === 'postgres')];
  const requests = deadlineRequests(origin, roundId);
  const recorder = new Recorder();
  const acknowledged = new Map<string, number>();
  let active = { editors: 0, supervisors: 0, readers: 0 };
  let running = true;

  async function timed<T extends number | { status: number }>(type: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const out = await run();
    recorder.record(type, performance.now() - started, typeof out === 'number' ? out : out.status);
    return out;
  }

  // An editor does what the page does: autosave keeps the versions the save answers with; after a conflict (two
  // officers of one LAO) or a refused save the officer reloads the page, which is one more page opened.
  async function editor(index: number, person: BenchPerson, code: string, section: BenchSection) {
    let versions: Versions = {};
    let value = 1000 + index;
    const open = async () => (versions = (await timed('open section page', () => requests.openSection(person, code, section))).versions);
    let started = false;
    await sleep(Math.random() * think.editor);
    while (running) {
      if (index >= active.editors) {
        await sleep(1000);
        continue;
      }
      if (!started) {
        // The officer opens the section before typing in it, as in a browser.
        started = true;
        await open();
        await sleep(jitter(think.editor));
        continue;
      }
      const r = Math.random();
      if (r < 0.7) {
        const res = await timed('autosave section', () => requests.autosave(person, code, section, versions, (value += 7)));
        if (res.status === 200) {
          const key = `${code}|${benchSections[section].tracked}`;
          acknowledged.set(key, (acknowledged.get(key) ?? 0) + 1);
          versions = res.versions!;
        } else if (res.status === 409) await open();
      } else if (r < 0.9) await open();
      else await timed('upload evidence', () => requests.upload(person, code));
      await sleep(jitter(think.editor));
    }
  }

  async function supervisor(index: number, person: BenchPerson) {
    await sleep(Math.random() * think.supervisor);
    while (running) {
      if (index < active.supervisors) await timed('progress dashboard', () => requests.progress(person));
      await sleep(jitter(think.supervisor));
    }
  }

  async function reader(index: number) {
    await sleep(Math.random() * think.reader);
    while (running) {
      if (index < active.readers) await timed('public list', () => requests.publicList(provinces[index % provinces.length]!.code));
      await sleep(jitter(think.reader));
    }
  }

  const loops: Promise<void>[] = [];
  for (let i = 0; i < Math.ceil(base.editors * Math.max(...steps)); i++) loops.push(editor(i, editorsList[i]!, seats[i]!.lao.code, seats[i]!.section));
  for (let i = 0; i < Math.ceil(base.supervisors * steps.at(-1)!); i++) loops.push(supervisor(i, supervisorsList[i % supervisorsList.length]!));
  for (let i = 0; i < Math.ceil(base.readers * steps.at(-1)!); i++) loops.push(reader(i));

  console.log(`\nsteps of ${secondsPerStep} s; base load ×1 = ${base.editors} editors, ${base.supervisors} supervisors, ${base.readers} public readers`);
  // Warm-up, not measured: the first step's people open their pages, the processes compile their hot paths.
  active = { editors: Math.round(base.editors * steps[0]!), supervisors: Math.round(base.supervisors * steps[0]!), readers: Math.round(base.readers * steps[0]!) };
  await sleep(think.editor * 1.5);
  let saturatedAt: number | null = null;
  for (const factor of steps) {
    active = { editors: Math.round(base.editors * factor), supervisors: Math.round(base.supervisors * factor), readers: Math.round(base.readers * factor) };
    await sleep(Math.min(10_000, secondsPerStep * 200)); // let the step settle
    recorder.reset();
    const before = treeUsage(tree());
    const generatorBefore = process.cpuUsage();
    let peakMemory = 0;
    const sampler = setInterval(() => (peakMemory = Math.max(peakMemory, treeUsage(tree()).memoryMb)), 1000);
    await sleep(secondsPerStep * 1000);
    clearInterval(sampler);
    const after = treeUsage(tree());
    const cpu = ((after.cpuSeconds - before.cpuSeconds) / secondsPerStep) * 100;
    const generator = process.cpuUsage(generatorBefore);
    const generatorCpu = ((generator.user + generator.system) / 1e6 / secondsPerStep) * 100;
    console.log(`\n×${factor}: ${active.editors} editors, ${active.supervisors} supervisors, ${active.readers} readers — app + PostgreSQL CPU ${cpu.toFixed(0)}%, this load generator ${generatorCpu.toFixed(0)}% (of ${os.cpus().length * 100}%), peak memory (PSS) of app + PostgreSQL ${peakMemory.toFixed(0)} MB`);
    const summaries = recorder.summaries(secondsPerStep);
    for (const [type, s] of summaries) console.log('  ' + formatSummary(type, s));
    const save = summaries.get('autosave section');
    if (saturatedAt === null && save && (save.p95 > 1000 || save.shed > save.n * 0.01)) saturatedAt = factor;
  }
  running = false;
  console.log(`\nsaturation: ${saturatedAt === null ? 'not reached at ×' + steps.at(-1) : `from ×${saturatedAt} (autosave p95 over 1 s or more than 1% shed)`}`);
  await Promise.race([Promise.all(loops), sleep(think.editor * 2)]);

  // No acknowledged save lost: every 200 to an autosave changed its tracked answer once (a new value each time), so
  // the answer's version is at least where it started plus the saves acknowledged.
  const finals = new Map((await sql<{ key: string; version: number }>`select u.code || '|' || v.field_key as key, v.version from submission_values v
    join submissions s on s.id = v.submission_id join org_units u on u.id = s.org_unit_id
    where s.round_id = ${roundId} and v.field_key in ('population', 'staff_total')`.execute(deps.db)).rows.map((r) => [r.key, r.version]));
  let lost = 0;
  for (const [key, acked] of acknowledged) if ((finals.get(key) ?? 0) < acked + (startVersions.get(key) ?? 0)) lost++;
  console.log(`acknowledged saves: ${[...acknowledged.values()].reduce((a, b) => a + b, 0)} of ${acknowledged.size} answers (LAO × section); answers whose version is below their acknowledged saves: ${lost}`);
  if (lost > 0) exitCode = 1;

  // The real save path against a bare upsert behind a minimal handler, 8 connections back to back, same run.
  await deps.db.schema.createTable('bench_values').ifNotExists().addColumn('org', 'text').addColumn('key', 'text').addColumn('value', 'jsonb').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).addPrimaryKeyConstraint('bench_values_pk', ['org', 'key']).execute();
  const barePort = await freePort();
  bare = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      const { org, value } = JSON.parse(body) as { org: string; value: number };
      await deps.pool.query('insert into bench_values (org, key, value) values ($1, $2, $3) on conflict (org, key) do update set value = excluded.value, version = bench_values.version + 1', [org, 'population', JSON.stringify(value)]);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  }).listen(barePort, '127.0.0.1');
  const closedLoop = async (send: (worker: number, i: number) => Promise<number>): Promise<Sample[]> => {
    const samples: Sample[] = [];
    const until = Date.now() + 15_000;
    await Promise.all(Array.from({ length: 8 }, async (_, worker) => {
      for (let i = 0; Date.now() < until; i++) {
        const started = performance.now();
        const status = await send(worker, i).catch(() => 0);
        samples.push({ ms: performance.now() - started, status });
      }
    }));
    return samples;
  };
  const realVersions = new Map<number, Versions>();
  const real = await closedLoop(async (worker, i) => {
    const person = editorsList[worker]!;
    const { lao, section } = seats[worker]!;
    const res = await requests.autosave(person, lao.code, section, realVersions.get(worker) ?? {}, 5000 + i);
    realVersions.set(worker, res.versions ?? (await requests.openSection(person, lao.code, section)).versions);
    return res.status;
  });
  const bareSamples = await closedLoop(async (worker, i) => {
    const res = await fetch(`http://127.0.0.1:${barePort}/`, { method: 'POST', body: JSON.stringify({ org: `w${worker}`, value: i }) });
    await res.arrayBuffer();
    return res.status;
  });
  const r = summarise(real.filter((s) => s.status === 200), 15);
  const b = summarise(bareSamples, 15);
  console.log(`\nsave path vs bare upsert, 8 connections back to back, 15 s each:`);
  console.log('  ' + formatSummary('autosave section', summarise(real, 15)));
  console.log('  ' + formatSummary('bare upsert', b));
  console.log(`  ratio: ${(r.p50 / b.p50).toFixed(1)}× at p50, ${(r.p99 / b.p99).toFixed(1)}× at p99, throughput ${(b.perSecond / r.perSecond).toFixed(1)}× lower`);
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  bare?.close();
  await app?.stop();
  await national.close();
}
process.exit(exitCode);
