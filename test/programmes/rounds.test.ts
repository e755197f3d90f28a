import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Actor } from '../../src/domain/access/actor.ts';
import { bangkokInstant, endOfBangkokDay, toBangkok } from '../../src/domain/dates/bangkok-time.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { addInternalDeadline } from '../../src/services/rounds/add-internal-deadline.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { decideEntryNow } from '../../src/services/rounds/decide-entry.ts';
import { decideExtension } from '../../src/services/rounds/decide-extension.ts';
import { generateQuarterlyRounds } from '../../src/services/rounds/generate-quarterly-rounds.ts';
import { grantExtension } from '../../src/services/rounds/grant-extension.ts';
import { requestExtension } from '../../src/services/rounds/request-extension.ts';
import { createLao, createUserWithRole } from '../support/factories.ts';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';

// Rounds on real PostgreSQL with a moved clock: who is expected, the deadline rule, extensions and who is told.
const meta = { actorUserId: null, ip: null, requestId: 'test' };
const second = 1000;
let t: TestApp;
let versionId: number;
let programmeId: number;
const lao: Record<'a' | 'b' | 'city' | 'elsewhere' | 'otherDistrict', { id: number; code: string; path: string }> = {} as never;
const actors = {} as Record<'officerA' | 'officerB' | 'district' | 'otherDistrictOffice' | 'province' | 'admin', Actor>;
const passwords = new Map<string, { username: string; password: string }>();

const expectDomainError = async (p: Promise<unknown>, code: string, key?: string) => {
  await assert.rejects(p, (e: unknown) => e instanceof DomainError && e.code === code && (!key || e.messageKey === key));
};

before(async () => {
  t = await createTestApp();
  const imported = await importFramework(t.deps, null, { bytes: fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/frameworks/small-valid.yaml')), fileName: 'small-valid.yaml' }, meta);
  assert.ok(imported.ok);
  versionId = imported.versionId;
  programmeId = (await t.deps.db.selectFrom('programmes').select('id').where('code', '=', 'test-programme').executeTakeFirstOrThrow()).id;
  lao.a = await createLao(t.deps.db, { code: '9000001', nameTh: 'เทศบาลตำบลเอ', laoType: 'subdistrict', districtCode: '2206' });
  lao.b = await createLao(t.deps.db, { code: '9000002', nameTh: 'องค์การบริหารส่วนตำบลบี', laoType: 'sao', districtCode: '2206' });
  lao.city = await createLao(t.deps.db, { code: '9000003', nameTh: 'เทศบาลนครซี', laoType: 'city', districtCode: '2206' });
  lao.otherDistrict = await createLao(t.deps.db, { code: '9000004', nameTh: 'เทศบาลตำบลดี', laoType: 'subdistrict', districtCode: '2201' });
  lao.elsewhere = await createLao(t.deps.db, { code: '9000005', nameTh: 'เทศบาลตำบลอี', laoType: 'subdistrict', districtCode: '2001' });
  const make = async (role: Parameters<typeof createUserWithRole>[1], unit: string) => {
    const user = await createUserWithRole(t.deps, role, unit);
    passwords.set(user.userId, user);
    return (await loadActor(t.deps.db, user.userId))!;
  };
  actors.officerA = await make('lao_officer', '9000001');
  actors.officerB = await make('lao_officer', '9000002');
  actors.district = await make('district_office', '2206');
  actors.otherDistrictOffice = await make('district_office', '2201');
  actors.province = await make('province_office', '22');
  actors.admin = await make('programme_admin', 'TH');
});
after(async () => t.close());

async function openRound(fiscalYear: number, extra: Partial<Parameters<typeof createRound>[2]> = {}) {
  const { roundId } = await createRound(t.deps, actors.admin, {
    programmeId, frameworkVersionId: versionId, title: `รอบทดสอบ ${fiscalYear}`, fiscalYear, quarter: null,
    opensAt: bangkokInstant('2025-07-21'), dueAt: endOfBangkokDay('2025-08-29'), lateUntil: endOfBangkokDay('2025-08-29'), editClosesAt: endOfBangkokDay('2025-10-31'),
    laoTypes: null, provinceCodes: null, excludedProvinceCodes: [], ...extra,
  }, meta);
  t.clock.set(bangkokInstant('2025-07-20'));
  const opened = await changeRoundState(t.deps, actors.admin, { roundId, to: 'open' }, meta);
  return { roundId, respondents: opened.respondents };
}

test('opening a round fixes who is expected: the framework\u2019s LAO types, minus excluded provinces; the version freezes', async () => {
  const { roundId, respondents } = await openRound(2568, { excludedProvinceCodes: ['20'] });
  const rows = await t.deps.db.selectFrom('round_respondents').select('org_unit_id').where('round_id', '=', roundId).execute();
  const ids = rows.map((r) => r.org_unit_id).sort();
  assert.deepEqual(ids, [lao.a.id, lao.b.id, lao.otherDistrict.id].sort(), 'city is not a type of this framework; province 20 is excluded');
  assert.equal(respondents, 3);
  const version = await t.deps.db.selectFrom('framework_versions').select('status').where('id', '=', versionId).executeTakeFirstOrThrow();
  assert.equal(version.status, 'frozen');
  const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'round').where('entity_id', '=', String(roundId)).execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['round.create', 'round.open']);
  const analyzed = await sql<{ at: Date | null }>`select last_analyze as at from pg_stat_user_tables where relname = 'round_respondents'`.execute(t.deps.db);
  assert.ok(analyzed.rows[0]?.at, 'the new respondents are in the planner\'s statistics at once');
  await expectDomainError(changeRoundState(t.deps, actors.admin, { roundId, to: 'published' }, meta), 'conflict', 'round_state_invalid');
  await expectDomainError(changeRoundState(t.deps, actors.province, { roundId, to: 'closed' }, meta), 'forbidden');
});

test('the entry rule with a moved clock: T − 1 s allowed, T + 1 s refused in Thai; the 2568 extension for everyone to 26 Sep', async () => {
  const { roundId } = await openRound(2569);
  const due = endOfBangkokDay('2025-08-29');
  t.clock.set(new Date(due.getTime() - second));
  assert.equal((await decideEntryNow(t.deps, { roundId, orgUnitId: lao.a.id })).allowed, true);
  t.clock.set(new Date(due.getTime() + second));
  const refused = await decideEntryNow(t.deps, { roundId, orgUnitId: lao.a.id });
  assert.equal(refused.allowed, false);
  assert.match(!refused.allowed ? refused.message : '', /พ้นกำหนดรับข้อมูลแล้ว เมื่อวันที่ 29 สิงหาคม 2568 23\.59 น\./);

  await grantExtension(t.deps, actors.admin, { roundId, scope: 'all', orgUnitId: null, newDueAt: endOfBangkokDay('2025-09-26'), reason: 'อปท. จำนวนมากยังไม่ได้บันทึกข้อมูล' }, meta);
  assert.equal((await decideEntryNow(t.deps, { roundId, orgUnitId: lao.a.id })).allowed, true);
  t.clock.set(bangkokInstant('2025-09-26', '23:59:58'));
  assert.equal((await decideEntryNow(t.deps, { roundId, orgUnitId: lao.otherDistrict.id })).allowed, true);
  t.clock.set(bangkokInstant('2025-09-27', '00:00:00'));
  assert.equal((await decideEntryNow(t.deps, { roundId, orgUnitId: lao.otherDistrict.id })).allowed, false);

  // Everyone expected, and their people, were told.
  const told = await t.deps.db.selectFrom('notifications').select(['user_id', 'body']).where('kind', '=', 'extension_granted').execute();
  const users = new Set(told.map((n) => n.user_id));
  assert.ok(users.has(actors.officerA.userId) && users.has(actors.officerB.userId));
  assert.match(told[0]!.body, /ถึงวันที่ 26 กันยายน 2568 23\.59 น\./);
});

test('a request from one LAO, decided by its district office, moves only that LAO; another district\u2019s office may not decide', async () => {
  const { roundId } = await openRound(2570);
  t.clock.set(bangkokInstant('2025-08-25'));
  const newDueAt = endOfBangkokDay('2025-09-05');
  await expectDomainError(requestExtension(t.deps, actors.officerA, { roundId, scope: 'respondent', orgUnitId: lao.b.id, newDueAt, reason: 'ขอขยายเวลาให้หน่วยอื่น' }, meta), 'forbidden');
  await expectDomainError(requestExtension(t.deps, actors.officerA, { roundId, scope: 'respondent', orgUnitId: lao.a.id, newDueAt: endOfBangkokDay('2025-08-20'), reason: 'วันที่ก่อนกำหนดเดิม' }, meta), 'invalid', 'extension_not_later');
  const { extensionId } = await requestExtension(t.deps, actors.officerA, { roundId, scope: 'respondent', orgUnitId: lao.a.id, newDueAt, reason: 'เจ้าหน้าที่ผู้รับผิดชอบลาคลอด' }, meta);
  await expectDomainError(requestExtension(t.deps, actors.officerA, { roundId, scope: 'respondent', orgUnitId: lao.a.id, newDueAt, reason: 'ขอซ้ำอีกครั้ง' }, meta), 'conflict', 'extension_pending');

  await expectDomainError(decideExtension(t.deps, actors.otherDistrictOffice, { roundId, extensionId, decision: 'granted', note: null }, meta), 'forbidden');
  await expectDomainError(decideExtension(t.deps, actors.officerB, { roundId, extensionId, decision: 'granted', note: null }, meta), 'forbidden');
  await decideExtension(t.deps, actors.district, { roundId, extensionId, decision: 'granted', note: 'อนุมัติตามเหตุผล' }, meta);
  await expectDomainError(decideExtension(t.deps, actors.district, { roundId, extensionId, decision: 'refused', note: null }, meta), 'conflict', 'extension_decided');

  t.clock.set(bangkokInstant('2025-09-03'));
  assert.equal((await decideEntryNow(t.deps, { roundId, orgUnitId: lao.a.id })).allowed, true, 'LAO A has until 5 Sep');
  assert.equal((await decideEntryNow(t.deps, { roundId, orgUnitId: lao.b.id })).allowed, false, 'LAO B kept 29 Aug');
  assert.equal((await decideEntryNow(t.deps, { roundId, orgUnitId: lao.otherDistrict.id })).allowed, false);

  const told = await t.deps.db.selectFrom('notifications').select(['user_id', 'title']).where('link', '=', `/rounds/${roundId}`).execute();
  assert.deepEqual([...new Set(told.map((n) => n.user_id))], [actors.officerA.userId], 'only LAO A\u2019s people (the requester among them)');
  const audit = await t.deps.db.selectFrom('audit_events').select(['action', 'new_value']).where('entity_type', '=', 'extension').where('entity_id', '=', String(extensionId)).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['extension.request', 'extension.grant']);
});

test('a refusal moves nothing and tells the requester; a province-wide grant moves only that province', async () => {
  const { roundId } = await openRound(2571);
  t.clock.set(bangkokInstant('2025-08-25'));
  const { extensionId } = await requestExtension(t.deps, actors.officerB, { roundId, scope: 'respondent', orgUnitId: lao.b.id, newDueAt: endOfBangkokDay('2025-09-10'), reason: 'ระบบอินเทอร์เน็ตขัดข้อง' }, meta);
  await decideExtension(t.deps, actors.province, { roundId, extensionId, decision: 'refused', note: 'ยังมีเวลาเพียงพอ' }, meta);
  const refusedNote = await t.deps.db.selectFrom('notifications').select(['user_id', 'kind']).where('link', '=', `/rounds/${roundId}`).execute();
  assert.deepEqual(refusedNote.map((n) => [n.user_id, n.kind]), [[actors.officerB.userId, 'extension_refused']]);

  const province22 = await t.deps.db.selectFrom('org_units').select('id').where('kind', '=', 'province').where('code', '=', '22').executeTakeFirstOrThrow();
  await grantExtension(t.deps, actors.admin, { roundId, scope: 'province', orgUnitId: province22.id, newDueAt: endOfBangkokDay('2025-09-12'), reason: 'อุทกภัยในพื้นที่จังหวัด' }, meta);
  t.clock.set(bangkokInstant('2025-09-12', '12:00'));
  assert.equal((await decideEntryNow(t.deps, { roundId, orgUnitId: lao.b.id })).allowed, true);
  assert.equal((await decideEntryNow(t.deps, { roundId, orgUnitId: lao.otherDistrict.id })).allowed, true, 'another district of the same province');
  const round = await openRound(2572, { provinceCodes: null });
  await grantExtension(t.deps, actors.admin, { roundId: round.roundId, scope: 'province', orgUnitId: province22.id, newDueAt: endOfBangkokDay('2025-09-12'), reason: 'อุทกภัย' }, meta);
  t.clock.set(bangkokInstant('2025-09-01'));
  assert.equal((await decideEntryNow(t.deps, { roundId: round.roundId, orgUnitId: lao.a.id })).allowed, true);
});

test('internal deadlines fall before the round\u2019s due; a province office sets only its own', async () => {
  const { roundId } = await openRound(2573);
  const province22 = await t.deps.db.selectFrom('org_units').select('id').where('kind', '=', 'province').where('code', '=', '22').executeTakeFirstOrThrow();
  const province20 = await t.deps.db.selectFrom('org_units').select('id').where('kind', '=', 'province').where('code', '=', '20').executeTakeFirstOrThrow();
  await addInternalDeadline(t.deps, actors.province, { roundId, provinceId: province22.id, title: 'กลุ่มงานรายงานต่อจังหวัด', dueAt: endOfBangkokDay('2025-08-15') }, meta);
  await expectDomainError(addInternalDeadline(t.deps, actors.province, { roundId, provinceId: province20.id, title: 'จังหวัดอื่น', dueAt: endOfBangkokDay('2025-08-15') }, meta), 'forbidden');
  await expectDomainError(addInternalDeadline(t.deps, actors.province, { roundId, provinceId: null, title: 'ทุกจังหวัด', dueAt: endOfBangkokDay('2025-08-15') }, meta), 'forbidden');
  await expectDomainError(addInternalDeadline(t.deps, actors.admin, { roundId, provinceId: null, title: 'หลังกำหนด', dueAt: endOfBangkokDay('2025-08-30') }, meta), 'invalid', 'internal_deadline_range');
});

test('bad dates and a taken period are refused with the field named', async () => {
  const base = { programmeId, frameworkVersionId: versionId, title: 'รอบผิด', quarter: null, laoTypes: null, provinceCodes: null, excludedProvinceCodes: [] };
  await assert.rejects(createRound(t.deps, actors.admin, { ...base, fiscalYear: 2580, opensAt: endOfBangkokDay('2025-09-01'), dueAt: endOfBangkokDay('2025-08-01'), lateUntil: endOfBangkokDay('2025-08-01'), editClosesAt: endOfBangkokDay('2025-08-01') }, meta),
    (e: unknown) => e instanceof DomainError && e.messageKey === 'round_dates' && (e.details.problems as { field: string }[])[0]!.field === 'dueAt');
  const dates = { opensAt: bangkokInstant('2025-07-21'), dueAt: endOfBangkokDay('2025-08-29'), lateUntil: endOfBangkokDay('2025-08-29'), editClosesAt: endOfBangkokDay('2025-10-31') };
  await expectDomainError(createRound(t.deps, actors.admin, { ...base, fiscalYear: 2568, ...dates }, meta), 'conflict', 'round_period_taken');
  await expectDomainError(createRound(t.deps, actors.officerA, { ...base, fiscalYear: 2590, ...dates }, meta), 'forbidden');
});

test('quarterly rounds are made by rule for the rest of the fiscal year, due on the 25th of the month after', async () => {
  const monitoring = fs.readFileSync(path.resolve(import.meta.dirname, '../../frameworks/dla-standards-monitoring.yaml'));
  const imported = await importFramework(t.deps, actors.admin, { bytes: monitoring, fileName: 'dla-standards-monitoring.yaml' }, meta);
  assert.ok(imported.ok);
  const programme = await t.deps.db.selectFrom('programmes').select('id').where('code', '=', 'dla-standards-monitoring').executeTakeFirstOrThrow();
  const made = await generateQuarterlyRounds(t.deps, actors.admin, { programmeId: programme.id, fiscalYear: 2564, fromQuarter: 2 }, meta);
  assert.equal(made.created.length, 3);
  const rounds = await t.deps.db.selectFrom('rounds').select(['quarter', 'due_at']).where('programme_id', '=', programme.id).orderBy('quarter').execute();
  assert.deepEqual(rounds.map((r) => [r.quarter, toBangkok(r.due_at).date]), [[2, '2021-04-25'], [3, '2021-07-25'], [4, '2021-10-25']]);
  const again = await generateQuarterlyRounds(t.deps, actors.admin, { programmeId: programme.id, fiscalYear: 2564, fromQuarter: 1 }, meta);
  assert.deepEqual(again.skipped, [2, 3, 4]);
  await expectDomainError(generateQuarterlyRounds(t.deps, actors.admin, { programmeId, fiscalYear: 2564, fromQuarter: 1 }, meta), 'invalid', 'programme_not_quarterly');
});

test('the people told see it on their home page, linked to the round', async () => {
  const browser = new Browser(t.app);
  const officer = passwords.get(actors.officerA.userId)!;
  assert.equal((await browser.signIn(officer.username, officer.password)).status, 303);
  const home = await (await browser.get('/')).text();
  assert.match(home, /การแจ้งเตือนล่าสุด/);
  assert.match(home, /ขยายเวลาส่งข้อมูล: รอบทดสอบ/);
  // The link goes through the notification (marked read on the way) to the round.
  const open = /href="(\/notifications\/\d+\/open)"/.exec(home)?.[1];
  assert.ok(open, 'the notification links to its page');
  const res = await browser.get(open);
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location')!, /^\/rounds\/\d+$/);
});
