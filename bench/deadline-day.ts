// Benchmark: the last hours before a national deadline, on this machine. The national dataset; the app as its own
// process (src/main.ts, worker in process) on the dataset's PostgreSQL; from this process, over loopback:
//   editors     — 3,000 signed-in LAO officers across 2,000 LAOs (1,000 LAOs with two), each every ~30 s:
//                 70% an autosave of a section (the browser's JSON save), 20% opening a section page,
//                 10% an evidence upload (a 100 KB PDF);
//   supervisors — 50 provincial offices watching their progress dashboard every ~10 s;
//   the public  — 200 readers of the public list of respondents every ~4 s (no cache in front).
// The load is stepped (×0.25 … ×2 of that) to find where it saturates; each step reports throughput and
// p50/p95/p99 per request type, 503s shed, errors, and the app's and PostgreSQL's CPU and memory. Then the real save
// path against a bare upsert behind a minimal handler, in the same run, and a check that no acknowledged save was lost.
// Run: npm exec -- node --import tsx bench/deadline-day.ts [secondsPerStep=60]
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { sql } from 'kysely';
import { serializeSignedCookie } from 'better-call';
import { freePort } from '../test/support/cluster.ts';
import { findCountry } from '../src/db/queries/org-units.ts';
import { createAccount } from '../src/services/users/create-account.ts';
import { openNationalDataset } from './support/national.ts';
import { Recorder, formatSummary, summarise, type Sample } from './support/latency.ts';
import { commandOf, processTree, treeUsage } from './support/processes.ts';

const secondsPerStep = Number(process.argv[2] ?? 60);
const steps = [0.25, 0.5, 1, 1.5, 2];
const base = { editors: 3000, supervisors: 50, readers: 200 };
const think = { editor: 30_000, supervisor: 10_000, reader: 4_000 };
const secret = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const meta = { actorUserId: null, ip: null, requestId: 'bench' };

const national = await openNationalDataset({ poolSize: 6 });
const { deps } = national;
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
let exitCode = 0;
let app: ReturnType<typeof spawn> | undefined;
let bare: http.Server | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jitter = (mean: number) => mean * (0.5 + Math.random());

try {
  console.log(`machine: ${national.machine}; data: ${JSON.stringify(national.counts)}`);
  const round = (await sql<{ id: number }>`select r.id from rounds r join programmes p on p.id = r.programme_id where p.code = 'odloc-minimum-standards' and r.state = 'open'`.execute(deps.db)).rows[0]!;
  const laos = (await sql<{ id: number; code: string }>`select u.id, u.code from round_respondents rr join org_units u on u.id = rr.org_unit_id
    left join submissions s on s.round_id = rr.round_id and s.org_unit_id = u.id
    where rr.round_id = ${round.id} and rr.lao_type in ('subdistrict', 'sao') and (s.id is null or s.state = 'in_progress') order by u.id limit 2000`.execute(deps.db)).rows;
  const provinces = (await sql<{ id: number; code: string }>`select id, code from org_units where kind = 'province' order by code limit ${base.supervisors}`.execute(deps.db)).rows;

  // Accounts in bulk: one made properly, the rest share its password hash (3,000 scrypt hashes would take minutes).
  const country = (await findCountry(deps.db))!;
  const templateId = await createAccount(deps, { name: 'bench template', email: 'template@bench.example', username: 'bench.template', password: 'bench password 123', role: 'programme_admin', orgUnitId: country.id }, meta);
  const hash = (await sql<{ password: string }>`select password from account where "userId" = ${templateId}`.execute(deps.db)).rows[0]!.password;
  type Person = { userId: string; unitId: number; role: string };
  const people: Person[] = [
    ...laos.map((l) => ({ userId: crypto.randomUUID(), unitId: l.id, role: 'lao_officer' })),
    ...laos.slice(0, base.editors - laos.length).map((l) => ({ userId: crypto.randomUUID(), unitId: l.id, role: 'lao_officer' })),
    ...provinces.map((p) => ({ userId: crypto.randomUUID(), unitId: p.id, role: 'province_office' })),
  ];
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500);
    await sql`insert into "user" (id, name, email, "emailVerified", username, "displayUsername")
      select id, 'ผู้ทดสอบ ' || n, 'bench' || n || '@bench.example', true, 'bench.' || n, 'bench.' || n
      from unnest(${sql.val(chunk.map((p) => p.userId))}::text[], ${sql.val(chunk.map((_, j) => String(i + j)))}::text[]) as t(id, n)`.execute(deps.db);
    await sql`insert into account (id, "accountId", "providerId", "userId", password, "updatedAt")
      select gen_random_uuid()::text, id, 'credential', id, ${hash}, now() from unnest(${sql.val(chunk.map((p) => p.userId))}::text[]) as t(id)`.execute(deps.db);
    await sql`insert into memberships (user_id, role, org_unit_id)
      select * from unnest(${sql.val(chunk.map((p) => p.userId))}::text[], ${sql.val(chunk.map((p) => p.role))}::text[], ${sql.val(chunk.map((p) => p.unitId))}::bigint[])`.execute(deps.db);
  }
  // Sessions made the way sign-in makes them, and their signed cookies (sign-in itself is throttled per address).
  const ctx = await deps.auth.$context;
  const cookies = new Map<string, string>();
  for (const p of people) {
    const session = await ctx.internalAdapter.createSession(p.userId);
    const signed = (await serializeSignedCookie('mt.session_token', session.token, secret)).split(';')[0]!;
    cookies.set(p.userId, signed);
  }
  console.log(`${people.length} accounts with sessions for ${laos.length} LAOs and ${provinces.length} provincial offices`);

  app = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../src/main.ts')], {
    env: { ...process.env, DATABASE_URL: national.url, DATA_DIR: national.dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: origin, DEMO: 'false', AUTH_SECRET: secret, LOG_LEVEL: 'warn', NODE_ENV: 'test', SESSION_IDLE_MINUTES: '600' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (i > 240) throw new Error('the app did not start');
    const ok = await fetch(`${origin}/readyz`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    await sleep(500);
  }
  // The app's processes (node, its Chromium) and PostgreSQL's (children of this process, which started it).
  const tree = () => [...processTree(app!.pid!), ...processTree(process.pid).filter((pid) => commandOf(pid) === 'postgres')];

  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'), Buffer.alloc(100 * 1024, 0x20), Buffer.from('\ntrailer <<>>\n%%EOF\n')]);
  const recorder = new Recorder();
  const acknowledged = new Map<string, number>();
  let active = { editors: 0, supervisors: 0, readers: 0 };
  let running = true;

  async function timed(type: string, run: () => Promise<Response>): Promise<Response | null> {
    const started = performance.now();
    try {
      const res = await run();
      await res.arrayBuffer().catch(() => undefined);
      recorder.record(type, performance.now() - started, res.status);
      return res;
    } catch {
      recorder.record(type, performance.now() - started, 0);
      return null;
    }
  }

  const csrf = crypto.randomBytes(16).toString('hex');
  const headersFor = (userId: string) => ({ cookie: `${cookies.get(userId)}; mt_csrf=${csrf}`, origin });
  const sectionUrl = (code: string) => `${origin}/rounds/${round.id}/submissions/${code}/sections/F1-S1`;
  const evidenceCode = 'ED01'; // an indicator of every LAO type that takes evidence

  async function editor(index: number, person: Person, code: string) {
    let versions: Record<string, string> = {};
    const open = async () => {
      const started = performance.now();
      const res = await fetch(sectionUrl(code), { headers: headersFor(person.userId) }).catch(() => null);
      const html = res ? await res.text().catch(() => '') : '';
      recorder.record('open section page', performance.now() - started, res?.status ?? 0);
      versions = Object.fromEntries([...html.matchAll(/name="_v__(\w+)" value="(\d+)"/g)].map((m) => [m[1]!, m[2]!]));
    };
    await sleep(Math.random() * think.editor);
    while (running) {
      if (index >= active.editors) {
        await sleep(1000);
        continue;
      }
      const r = Math.random();
      if (r < 0.7) {
        const value = 1000 + Math.floor(Math.random() * 1e6);
        const body = new URLSearchParams({ _csrf: csrf, population: String(value), households: String(Math.floor(value / 3)), area_km2: '24.5', communities: '12' });
        for (const k of ['population', 'households', 'area_km2', 'communities']) {
          body.set(`_v__${k}`, versions[k] ?? '0');
          body.set(`${k}__note`, 'ทดสอบประสิทธิภาพ');
        }
        const res = await timed('autosave section', () => fetch(`${sectionUrl(code)}/autosave`, { method: 'POST', body, headers: { ...headersFor(person.userId), accept: 'application/json' } }));
        if (res?.status === 200) acknowledged.set(code, (acknowledged.get(code) ?? 0) + 1);
        if (res?.status === 200 || res?.status === 409) await open(); // the page's versions, as after a reload
      } else if (r < 0.9) {
        await open();
      } else {
        const form = new FormData();
        form.set('_csrf', csrf);
        form.set('indicatorCode', evidenceCode);
        form.set('file', new Blob([pdf], { type: 'application/pdf' }), 'หลักฐาน.pdf');
        await timed('upload evidence', () => fetch(`${origin}/rounds/${round.id}/submissions/${code}/evidence`, { method: 'POST', body: form, headers: headersFor(person.userId), redirect: 'manual' }));
      }
      await sleep(jitter(think.editor));
    }
  }

  async function supervisor(index: number, person: Person) {
    await sleep(Math.random() * think.supervisor);
    while (running) {
      if (index < active.supervisors) await timed('progress dashboard', () => fetch(`${origin}/rounds/${round.id}/progress`, { headers: headersFor(person.userId) }));
      await sleep(jitter(think.supervisor));
    }
  }

  async function reader(index: number) {
    await sleep(Math.random() * think.reader);
    while (running) {
      if (index < active.readers) {
        const province = provinces[index % provinces.length]!.code;
        await timed('public list', () => fetch(`${origin}/public/rounds/${round.id}/respondents?province=${province}`));
      }
      await sleep(jitter(think.reader));
    }
  }

  // Where each LAO's population answer starts (the demo's partial answers), to check no acknowledged save is lost.
  const startVersions = new Map((await sql<{ code: string; version: number }>`select u.code, v.version from submission_values v join submissions s on s.id = v.submission_id
    join org_units u on u.id = s.org_unit_id where s.round_id = ${round.id} and v.field_key = 'population'`.execute(deps.db)).rows.map((r) => [r.code, r.version]));
  const editorsList = people.filter((p) => p.role === 'lao_officer');
  const codeOf = new Map(laos.map((l) => [l.id, l.code]));
  const maxEditors = Math.ceil(base.editors * steps.at(-1)!);
  const loops: Promise<void>[] = [];
  for (let i = 0; i < maxEditors; i++) {
    const person = editorsList[i % editorsList.length]!;
    loops.push(editor(i, person, codeOf.get(person.unitId)!));
  }
  const supervisorsList = people.filter((p) => p.role === 'province_office');
  for (let i = 0; i < Math.ceil(base.supervisors * steps.at(-1)!); i++) loops.push(supervisor(i, supervisorsList[i % supervisorsList.length]!));
  for (let i = 0; i < Math.ceil(base.readers * steps.at(-1)!); i++) loops.push(reader(i));

  console.log(`\nsteps of ${secondsPerStep} s; base load ×1 = ${base.editors} editors, ${base.supervisors} supervisors, ${base.readers} public readers`);
  let saturatedAt: number | null = null;
  for (const factor of steps) {
    active = { editors: Math.round(base.editors * factor), supervisors: Math.round(base.supervisors * factor), readers: Math.round(base.readers * factor) };
    await sleep(Math.min(10_000, secondsPerStep * 200)); // let the step settle
    recorder.reset();
    const before = treeUsage(tree());
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeUsage(tree()).rssMb)), 1000);
    await sleep(secondsPerStep * 1000);
    clearInterval(sampler);
    const after = treeUsage(tree());
    const cpu = ((after.cpuSeconds - before.cpuSeconds) / secondsPerStep) * 100;
    console.log(`\n×${factor}: ${active.editors} editors, ${active.supervisors} supervisors, ${active.readers} readers — app + PostgreSQL CPU ${cpu.toFixed(0)}% (of 200%), peak memory ${peakRss.toFixed(0)} MB`);
    const summaries = recorder.summaries(secondsPerStep);
    for (const [type, s] of summaries) console.log('  ' + formatSummary(type, s));
    const save = summaries.get('autosave section');
    if (saturatedAt === null && save && (save.p95 > 1000 || save.shed > save.n * 0.01)) saturatedAt = factor;
  }
  running = false;
  console.log(`\nsaturation: ${saturatedAt === null ? 'not reached at ×' + steps.at(-1) : `from ×${saturatedAt} (autosave p95 over 1 s or more than 1% shed)`}`);
  await Promise.race([Promise.all(loops), sleep(think.editor * 2)]);

  // No acknowledged save lost: every 200 to an autosave changed the population answer once (a new value each time).
  const finals = (await sql<{ code: string; version: number }>`select u.code, v.version from submission_values v join submissions s on s.id = v.submission_id
    join org_units u on u.id = s.org_unit_id where s.round_id = ${round.id} and v.field_key = 'population' and u.code in (${sql.join([...acknowledged.keys()])})`.execute(deps.db)).rows;
  let lost = 0;
  for (const f of finals) {
    const acked = acknowledged.get(f.code) ?? 0;
    if (f.version < acked + (startVersions.get(f.code) ?? 0)) lost++;
  }
  console.log(`acknowledged saves: ${[...acknowledged.values()].reduce((a, b) => a + b, 0)} across ${acknowledged.size} LAOs; LAOs whose answer version is below their acknowledged saves: ${lost}`);
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
  const realVersions = new Map<number, Record<string, string>>();
  const real = await closedLoop(async (worker, i) => {
    const person = editorsList[worker]!;
    const code = codeOf.get(person.unitId)!;
    const body = new URLSearchParams({ _csrf: csrf, population: String(5000 + i), households: '1500', area_km2: '24.5', communities: '12' });
    for (const k of ['population', 'households', 'area_km2', 'communities']) {
      body.set(`_v__${k}`, realVersions.get(worker)?.[k] ?? '0');
      body.set(`${k}__note`, 'ทดสอบประสิทธิภาพ');
    }
    const res = await fetch(`${sectionUrl(code)}/autosave`, { method: 'POST', body, headers: { ...headersFor(person.userId), accept: 'application/json' } });
    const answer = (await res.json().catch(() => ({}))) as { answerVersions?: Record<string, number> };
    if (answer.answerVersions) realVersions.set(worker, { ...realVersions.get(worker), ...Object.fromEntries(Object.entries(answer.answerVersions).map(([k, v]) => [k, String(v)])) });
    else {
      const html = await (await fetch(sectionUrl(code), { headers: headersFor(person.userId) })).text();
      realVersions.set(worker, Object.fromEntries([...html.matchAll(/name="_v__(\w+)" value="(\d+)"/g)].map((m) => [m[1]!, m[2]!])));
    }
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
  if (app && app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((r) => app!.once('exit', r));
  }
  await national.close();
}
process.exit(exitCode);
