import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { ReminderSendKind } from '../../src/db/schema.ts';
import { bangkokInstant, endOfBangkokDay } from '../../src/domain/dates/bangkok-time.ts';
import { runDueJobs } from '../../src/jobs/start-worker.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { remindExtension } from '../../src/services/reminders/remind-extension.ts';
import { runScheduledReminders } from '../../src/services/reminders/schedule-reminders.ts';
import { decideExtension } from '../../src/services/rounds/decide-extension.ts';
import { grantExtension } from '../../src/services/rounds/grant-extension.ts';
import { requestExtension } from '../../src/services/rounds/request-extension.ts';
import { createTestApp, type TestApp } from '../support/web.ts';
import { meta } from '../submissions/support.ts';
import { buildChaseWorld, type ChaseWorld } from './support.ts';

// Scheduled reminders: N days before each respondent's own deadline, when an extension is granted, and escalation
// to the office above after N days late — each idempotent: running it twice sends nothing twice.
let t: TestApp;
let w: ChaseWorld;

const sends = async (kind: ReminderSendKind) => t.deps.db.selectFrom('reminder_sends').select(['id', 'target_count']).where('kind', '=', kind).orderBy('id').execute();
const inbox = async (userId: string, kind = 'reminder') => t.deps.db.selectFrom('notifications').select(['title', 'body', 'link']).where('user_id', '=', userId).where('kind', '=', kind).orderBy('id').execute();
const mailsTo = (email: string) => t.mailer.sent.filter((m) => m.to === email);
const jobsQueued = async (task: string) => (await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${task}`.execute(t.deps.db)).rows[0]!.n;

before(async () => {
  t = await createTestApp();
  w = await buildChaseWorld(t);
});
after(() => t.close());

test('nothing is due until the Bangkok day seven days before the deadline', async () => {
  t.clock.set(new Date(bangkokInstant('2025-08-22').getTime() - 1000));
  assert.deepEqual(await runScheduledReminders(t.deps), { beforeDue: 0, escalated: 0 });
});

test('seven days before: every respondent still holding its data is reminded once, however often the schedule runs', async () => {
  t.clock.set(bangkokInstant('2025-08-22', '00:15'));
  assert.deepEqual(await runScheduledReminders(t.deps), { beforeDue: 4, escalated: 0 });
  assert.deepEqual(await runScheduledReminders(t.deps), { beforeDue: 0, escalated: 0 });
  t.clock.set(bangkokInstant('2025-08-23', '11:15'));
  assert.deepEqual(await runScheduledReminders(t.deps), { beforeDue: 0, escalated: 0 });
  assert.deepEqual((await sends('before_due')).map((s) => s.target_count), [4]);
  await runDueJobs(t.deps);
  const mine = await inbox(w.users.officer.userId);
  assert.equal(mine.length, 1);
  assert.match(mine[0]!.title, /ใกล้ถึงกำหนดส่งข้อมูล ODLOC 2568 ทดสอบ/);
  assert.match(mine[0]!.body, /เรียน เทศบาลตำบลทดสอบ[\s\S]*29 สิงหาคม 2568/);
  assert.equal((await inbox(w.farOfficer.userId)).length, 1);
  assert.equal(mailsTo(w.users.executive.email).length, 1);
  const empty = await t.deps.db.selectFrom('reminder_targets').select('recipient_count').where('org_unit_id', '=', w.emptyLao.id).executeTakeFirstOrThrow();
  assert.equal(empty.recipient_count, 0, 'the LAO with nobody is kept as a target with no recipient');
});

test('one day before: the second reminder, once', async () => {
  t.clock.set(bangkokInstant('2025-08-28', '09:15'));
  assert.deepEqual(await runScheduledReminders(t.deps), { beforeDue: 4, escalated: 0 });
  assert.deepEqual(await runScheduledReminders(t.deps), { beforeDue: 0, escalated: 0 });
  await runDueJobs(t.deps);
  assert.equal((await inbox(w.users.officer.userId)).length, 2);
});

test('an extension granted is sent by e-mail from a job queued in the grant\'s transaction, once', async () => {
  const owner = (await loadActor(t.deps.db, w.owner.userId))!;
  const before = mailsTo(w.farOfficer.email).length;
  const { extensionId } = await grantExtension(t.deps, owner, { roundId: w.roundId, scope: 'respondent', orgUnitId: w.farLao.id, newDueAt: endOfBangkokDay('2025-09-26'), reason: 'น้ำท่วม' }, meta);
  assert.equal(await jobsQueued('remind-extension'), 1);
  await runDueJobs(t.deps);
  const mails = mailsTo(w.farOfficer.email).slice(before);
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.subject, /ขยายกำหนดส่งข้อมูล/);
  assert.match(mails[0]!.text, /เทศบาลตำบลไกล[\s\S]*26 กันยายน 2568/);
  // told in the product by the grant itself, not a second time by the reminder
  assert.equal((await inbox(w.farOfficer.userId, 'extension_granted')).length, 1);
  assert.equal((await inbox(w.farOfficer.userId)).length, 2, 'only the two before-due reminders');
  assert.equal(await remindExtension(t.deps, extensionId), 0, 'run again: nothing more');
  await runDueJobs(t.deps);
  assert.equal(mailsTo(w.farOfficer.email).length, before + 1);
});

test('a request the district office grants queues the reminder too; a refusal does not', async () => {
  const officer = (await loadActor(t.deps.db, w.users.otherOfficer.userId))!;
  const district = (await loadActor(t.deps.db, w.users.district.userId))!;
  const { extensionId } = await requestExtension(t.deps, officer, { roundId: w.roundId, scope: 'respondent', orgUnitId: w.otherLao.id, newDueAt: endOfBangkokDay('2025-09-05'), reason: 'ไฟฟ้าดับ' }, meta);
  await decideExtension(t.deps, district, { roundId: w.roundId, extensionId, decision: 'refused', note: 'ไม่มีเหตุพอ' }, meta);
  assert.equal(await jobsQueued('remind-extension'), 0);
  const again = await requestExtension(t.deps, officer, { roundId: w.roundId, scope: 'respondent', orgUnitId: w.otherLao.id, newDueAt: endOfBangkokDay('2025-09-05'), reason: 'ไฟฟ้าดับทั้งสัปดาห์' }, meta);
  await decideExtension(t.deps, district, { roundId: w.roundId, extensionId: again.extensionId, decision: 'granted', note: null }, meta);
  assert.equal(await jobsQueued('remind-extension'), 1);
  await runDueJobs(t.deps);
  assert.match(mailsTo(w.users.otherOfficer.email).at(-1)!.text, /5 กันยายน 2568/);
});

test('three days late: the district office is told which of its LAOs have not sent, once; extended ones are not late', async () => {
  // a minute short of three days: no escalation yet (the อบต.ทดสอบ, extended to 5 Sep, gets its "7 days before")
  t.clock.set(new Date(endOfBangkokDay('2025-08-29').getTime() + 3 * 86_400_000 - 60_000));
  assert.deepEqual(await runScheduledReminders(t.deps), { beforeDue: 1, escalated: 0 });
  t.clock.set(new Date(endOfBangkokDay('2025-08-29').getTime() + 3 * 86_400_000 + 60_000));
  // the เทศบาลตำบลทดสอบ and the empty อบต. are late; the อบต.ทดสอบ has until 5 Sep; the far one until 26 Sep
  assert.deepEqual(await runScheduledReminders(t.deps), { beforeDue: 0, escalated: 2 });
  assert.deepEqual(await runScheduledReminders(t.deps), { beforeDue: 0, escalated: 0 });
  await runDueJobs(t.deps);
  const told = await inbox(w.users.district.userId);
  assert.equal(told.length, 1);
  assert.match(told[0]!.title, /หน่วยงานที่ยังไม่ส่งข้อมูล ODLOC 2568 ทดสอบ \(2 แห่ง\)/);
  assert.match(told[0]!.body, /สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแหลมสิงห์/);
  assert.match(told[0]!.body, /- เทศบาลตำบลทดสอบ \(กำหนดส่ง 29 สิงหาคม 2568\)\n- องค์การบริหารส่วนตำบลว่าง/);
  assert.equal(told[0]!.link, `/rounds/${w.roundId}/chase?district=2206&state=late`);
  assert.equal((await inbox(w.farDistrict.userId)).length, 0);
  assert.equal(mailsTo(w.users.province.email).length, 0, 'the provincial office is not the office above an LAO here');
});

test('a round whose owner turned the schedule off sends nothing', async () => {
  await t.deps.db.insertInto('reminder_settings').values({ round_id: w.roundId, enabled: false }).onConflict((oc) => oc.column('round_id').doUpdateSet({ enabled: false })).execute();
  t.clock.set(bangkokInstant('2025-09-25', '09:00'));
  assert.deepEqual(await runScheduledReminders(t.deps), { beforeDue: 0, escalated: 0 });
});
