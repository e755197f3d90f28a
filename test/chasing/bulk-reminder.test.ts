import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startWorker } from '../../src/jobs/start-worker.ts';
import { importSmallFramework, openTestRound } from '../authz/world.ts';
import { createUserWithRole } from '../support/factories.ts';
import { signedIn } from '../support/submission-pages.ts';
import { createTestApp, testOrigin, type Browser, type TestApp } from '../support/web.ts';

// A bulk reminder to 2,000 LAOs goes through the job queue: its progress shows mid-way, it keeps to the rate limit,
// and every person gets it exactly once — also when the worker process is killed (kill -9) mid-way, when a worker
// dies between handing a mail over and marking it sent, and new workers take over.
const root = path.resolve(import.meta.dirname, '../..');
const rate = 150;
const lease = 2;
const env = { REMINDER_RATE_IN_APP: String(rate), REMINDER_RATE_EMAIL: String(rate), REMINDER_LEASE_SECONDS: String(lease) };
let t: TestApp;
let province: Browser;
let roundId: number;
const laoCount = 2000;

async function createLaosWithOfficers(n: number): Promise<void> {
  const db = t.deps.db;
  await sql`
    with d as (select id, code, province_code, (row_number() over (order by code) - 1)::int as i, count(*) over ()::int as n from org_units where kind = 'district' and province_code = '22'),
    s as (select g from generate_series(1, ${n}) g)
    insert into org_units (kind, code, parent_id, path, name_th, lao_type, province_code, district_code)
    select 'lao', '9' || lpad(g::text, 6, '0'), d.id, '', case when g % 3 = 0 then 'องค์การบริหารส่วนตำบลทดสอบ ' else 'เทศบาลตำบลทดสอบ ' end || g,
           case when g % 3 = 0 then 'sao' else 'subdistrict' end, d.province_code, d.code
    from s join d on d.i = g % d.n`.execute(db);
  await sql`update org_units u set path = p.path || u.id || '/' from org_units p where p.id = u.parent_id and u.kind = 'lao' and u.path = ''`.execute(db);
  await sql`insert into "user" (id, name, email, "emailVerified", "createdAt", "updatedAt", "isActive")
    select 'bulk-' || code, 'เจ้าหน้าที่ ' || name_th, 'officer-' || code || '@bulk.example', true, now(), now(), true from org_units where kind = 'lao' and code like '9%'`.execute(db);
  await sql`insert into memberships (user_id, role, org_unit_id) select 'bulk-' || code, 'lao_officer', id from org_units where kind = 'lao' and code like '9%'`.execute(db);
}

async function startSend(templateCode: string): Promise<{ sendId: number; progress: string }> {
  const res = await province.post(`/rounds/${roundId}/chase`, { scope: 'filter', templateCode, channels: 'email' });
  assert.equal(res.status, 303, await res.text());
  const progress = res.headers.get('location')!;
  return { sendId: Number(/sends\/(\d+)/.exec(progress)![1]), progress };
}

async function counts(sendId: number): Promise<Record<string, { sent: number; open: number }>> {
  const r = await sql<{ channel: string; sent: number; open: number }>`select channel, count(*) filter (where state = 'sent')::int as sent, count(*) filter (where state <> 'sent')::int as open
    from reminder_deliveries where send_id = ${sendId} group by channel`.execute(t.deps.db);
  return Object.fromEntries(r.rows.map((x) => [x.channel, { sent: x.sent, open: x.open }]));
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** In no stretch of time did a channel take more than its bucket allows: capacity + rate × length (claim times are
 * taken right after the tokens, so a tenth of a second is allowed for the gap). */
async function assertRateHeld(sendId: number): Promise<void> {
  for (const channel of ['in_app', 'email']) {
    const rows = await sql<{ at: Date }>`select claimed_at as at from reminder_deliveries where send_id = ${sendId} and channel = ${channel} order by claimed_at`.execute(t.deps.db);
    const times = rows.rows.map((r) => r.at.getTime());
    for (const windowMs of [1000, 5000]) {
      let most = 0;
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i]! - times[j]! > windowMs) j++;
        most = Math.max(most, i - j + 1);
      }
      const allowed = rate + rate * (windowMs + 100) / 1000;
      assert.ok(most <= allowed, `${channel}: ${most} claims within ${windowMs} ms, the limit allows ${allowed}`);
    }
    const spanS = (times.at(-1)! - times[0]!) / 1000;
    assert.ok(spanS >= (times.length - rate) / rate - 0.1, `${channel}: ${times.length} in ${spanS.toFixed(1)} s is faster than ${rate}/s`);
  }
}

before(async () => {
  t = await createTestApp(env);
  const { programmeId, frameworkVersionId } = await importSmallFramework(t);
  await createLaosWithOfficers(laoCount);
  roundId = await openTestRound(t, programmeId, frameworkVersionId, 2568);
  province = await signedIn(t, await createUserWithRole(t.deps, 'province_office', '22'));
});
after(() => t.close());

test('2,000 LAOs in one send: progress visible mid-way, each officer told once in the product and by e-mail, at the rate set', async () => {
  const { sendId, progress } = await startSend('overdue');
  assert.deepEqual(await counts(sendId), { in_app: { sent: 0, open: laoCount }, email: { sent: 0, open: laoCount } });
  const runner = await startWorker(t.deps, { concurrency: 2, pollIntervalMs: 200 });
  try {
    await waitFor('a fifth of the messages', async () => Object.values(await counts(sendId)).reduce((a, c) => a + c.sent, 0) >= 800, 60_000);
    const mid = await province.get(progress);
    assert.equal(mid.headers.get('refresh'), '5');
    const html = await mid.text();
    const shown = Number(/ส่งแล้ว ([\d,]+) จาก 4,000 ข้อความ/.exec(html)?.[1]?.replace(/,/g, ''));
    assert.ok(shown >= 800 && shown < 4000, `mid-way the page shows ${shown} of 4,000`);
    assert.match(html, /<progress max="4000" value="\d+"/);
    await waitFor('the whole send', async () => Object.values(await counts(sendId)).every((c) => c.open === 0), 90_000);
  } finally {
    await runner.stop();
  }
  const done = await province.get(progress);
  assert.equal(done.headers.get('refresh'), null);
  assert.match(await done.text(), /ส่งแล้ว 4,000 จาก 4,000 ข้อความ \(100%\)/);
  const perUser = await sql<{ n: number; users: number }>`select count(*)::int as n, count(distinct user_id)::int as users from notifications where kind = 'reminder'`.execute(t.deps.db);
  assert.deepEqual(perUser.rows[0], { n: laoCount, users: laoCount });
  assert.equal(t.mailer.sent.length, laoCount);
  assert.equal(new Set(t.mailer.sent.map((m) => m.to)).size, laoCount);
  assert.ok(t.mailer.sent.every((m) => m.text.includes(m.to.replace(/^officer-(\d+)@.*$/, '$1').replace(/^9/, '').replace(/^0+/, ''))), 'each mail names its own LAO');
  await assertRateHeld(sendId);
});

function runWorker(dataDir: string, failpoints = ''): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: root, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env, NODE_ENV: 'test', DATABASE_URL: t.database.url, DATA_DIR: dataDir, PUBLIC_URL: testOrigin, LOG_LEVEL: 'silent', WORKER_CONCURRENCY: '2', FAILPOINTS: failpoints },
  });
}
const exited = (child: ChildProcess) => new Promise<NodeJS.Signals | number | null>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode ?? child.exitCode);
  else child.once('exit', (code, signal) => resolve(signal ?? code));
});

test('the worker killed mid-way, and one killed between sending a mail and marking it: new workers finish, nobody gets a message twice', { timeout: 170_000 }, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-chase-'));
  const mailDir = path.join(dataDir, 'mail');
  const { sendId, progress } = await startSend('before_due');
  const emailIds = (await sql<{ id: number }>`select id from reminder_deliveries where send_id = ${sendId} and channel = 'email'`.execute(t.deps.db)).rows.map((r) => r.id);
  const fileOf = (id: number) => path.join(mailDir, `msg-_reminder-${id}_localhost_.eml`);
  try {
    // 1. kill -9 once 300 mails are out
    const first = runWorker(dataDir);
    await waitFor('300 mails', async () => ((await counts(sendId)).email?.sent ?? 0) >= 300, 60_000);
    first.kill('SIGKILL');
    assert.equal(await exited(first), 'SIGKILL');
    const atKill = await counts(sendId);
    assert.ok(atKill.email!.open > 0 && atKill.in_app!.open > 0, `mid-way: ${JSON.stringify(atKill)}`);
    const page = await (await province.get(progress)).text();
    assert.match(page, /กำลังส่ง/);

    // 2. a worker that dies right after the mail server accepted a message, before marking it sent
    const second = runWorker(dataDir, 'reminders.email_sent_unmarked');
    assert.equal(await exited(second), 'SIGKILL', 'the second worker reached the gap');
    // the second worker's batch is the last claimed; it sent the first of it (by id) and died before the mark
    const gap = await sql<{ id: number }>`select min(id)::int as id from reminder_deliveries where send_id = ${sendId} and channel = 'email' and state = 'sending'
      and claimed_at > (select max(claimed_at) - interval '500 milliseconds' from reminder_deliveries where send_id = ${sendId} and channel = 'email')`.execute(t.deps.db);
    const resent = gap.rows[0];
    assert.ok(resent && fs.existsSync(fileOf(resent.id)), 'the mail in the gap was handed over but not marked');
    const firstWrite = JSON.parse(fs.readFileSync(fileOf(resent.id).replace(/\.eml$/, '.json'), 'utf8')).sentAt as string;

    // 3. a clean worker takes over once the leases run out
    const third = runWorker(dataDir);
    try {
      await waitFor('the whole send', async () => Object.values(await counts(sendId)).every((c) => c.open === 0), 120_000);
    } finally {
      third.kill('SIGTERM');
      await exited(third);
    }
    const rewritten = JSON.parse(fs.readFileSync(fileOf(resent.id).replace(/\.eml$/, '.json'), 'utf8')).sentAt as string;
    assert.notEqual(rewritten, firstWrite, 'the unmarked mail was sent again, under the same Message-ID');

    // every officer: exactly one notification of this send, exactly one mail file; none missing
    const told = await sql<{ userId: string; n: number }>`select user_id as "userId", count(*)::int as n from notifications
      where kind = 'reminder' and title like 'ใกล้ถึงกำหนดส่งข้อมูล%' group by user_id`.execute(t.deps.db);
    assert.equal(told.rows.length, laoCount, 'every officer told in the product');
    assert.deepEqual([...new Set(told.rows.map((r) => r.n))], [1], 'nobody told twice');
    const files = fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
    assert.equal(files.length, laoCount, 'one mail file per officer');
    assert.ok(emailIds.every((id) => fs.existsSync(fileOf(id))), 'a file for every e-mail delivery');
    const addressed = new Set(files.map((f) => /^To: (\S+)$/m.exec(fs.readFileSync(path.join(mailDir, f), 'utf8'))?.[1]));
    assert.equal(addressed.size, laoCount, 'each to a different officer');
    const finished = await (await province.get(progress)).text();
    assert.match(finished, /ส่งครบแล้ว/);
    await assertRateHeld(sendId);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
});
