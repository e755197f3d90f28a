import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { endOfBangkokDay } from '../../src/domain/dates/bangkok-time.ts';
import { createApiToken } from '../../src/services/tokens/api-tokens.ts';
import { buildEntryWorld, type EntryWorld } from '../submissions/support.ts';
import { createTestApp, type TestApp } from '../support/web.ts';
import { apiClient, assertStatusesDocumented, type ApiAnswer } from './support.ts';

// The JSON API for machine entry, through app.request() on real PostgreSQL: read, change by key (all or nothing,
// versioned), send (idempotent), and bad input of every shape answered in Thai JSON — never a 500.
let t: TestApp;
let w: EntryWorld;
let call: ReturnType<typeof apiClient>;
const tokens = {} as Record<'officer' | 'executive' | 'otherOfficer' | 'district', string>;
let sub: string;

before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  call = apiClient(t);
  for (const who of ['officer', 'executive', 'otherOfficer', 'district'] as const) {
    tokens[who] = (await createApiToken(t.deps, w.users[who].userId, 'api test', { actorUserId: null, ip: null, requestId: null })).token;
  }
  sub = `/rounds/${w.roundId}/submissions/${w.lao.code}`;
});
after(async () => {
  assertStatusesDocumented();
  await t.close();
});

const patch = (values: Record<string, unknown>, version: number, who: keyof typeof tokens = 'officer') => call(tokens[who], 'PATCH', `${sub}/values`, { version, values });
const read = async (who: keyof typeof tokens = 'officer') => (await call(tokens[who], 'GET', sub)).body;
const valueAudits = async (submissionId: number) =>
  Number((await t.deps.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'submission.value').where('entity_id', '=', String(submissionId)).executeTakeFirstOrThrow()).n);

test('rounds: the open round with its programme and dates; no token is 401 in Thai JSON', async () => {
  const r = await call(tokens.officer, 'GET', '/rounds');
  assert.equal(r.status, 200);
  const round = r.body.rounds.find((x: { id: number }) => x.id === w.roundId);
  assert.deepEqual(Object.keys(round).sort(), ['dueAt', 'editClosesAt', 'fiscalYear', 'id', 'lateUntil', 'opensAt', 'programme', 'quarter', 'status', 'title']);
  assert.equal(round.status, 'open');
  assert.equal(round.fiscalYear, 2568);
  assert.ok(round.programme.code && round.programme.title);
  assert.equal(round.dueAt, endOfBangkokDay('2025-08-29').toISOString());
  const anonymous = await call(null, 'GET', '/rounds');
  assert.equal(anonymous.status, 401);
  assert.match(anonymous.body.message, /โทเค็น/);
});

test('a submission reads as status, version, values, entry window and every field of the LAO type', async () => {
  const r = await call(tokens.officer, 'GET', sub);
  assert.equal(r.status, 200);
  assert.equal(r.body.status, 'not_started');
  assert.equal(r.body.version, 0, 'nothing saved yet');
  assert.deepEqual(r.body.values, {});
  assert.equal(r.body.entry.allowed, true);
  const f1 = r.body.sections.find((s: { code: string }) => s.code === 'F1-S1');
  assert.deepEqual(f1.fields.find((f: { key: string }) => f.key === 'population'), { key: 'population', label: 'จำนวนประชากรตามทะเบียนราษฎร', type: 'integer', required: true, unit: 'คน' });
  assert.equal(f1.fields.find((f: { key: string }) => f.key === 'districts_covered'), undefined, 'a field for อบจ. only is not shown to a เทศบาลตำบล');
  // district office reviews: may read; another LAO's officer may not; unknown round, unit or nonsense ids are 404
  assert.equal((await call(tokens.district, 'GET', sub)).status, 200);
  const forbidden = await call(tokens.otherOfficer, 'GET', sub);
  assert.equal(forbidden.status, 403);
  assert.match(forbidden.body.message, /สิทธิ์/);
  for (const path of [`/rounds/999999/submissions/${w.lao.code}`, `/rounds/${w.roundId}/submissions/0000000`, `/rounds/abc/submissions/${w.lao.code}`, `/rounds/${w.roundId}/submissions/%3Cscript%3E`]) {
    const res = await call(tokens.officer, 'GET', path);
    assert.equal(res.status, 404, path);
    assert.equal(res.body.error, 'not_found');
  }
});

test('bad input of any shape: Thai JSON, the right status, nothing written, never a 500', async () => {
  const cases: [unknown, number, (b: ApiAnswer['body']) => void][] = [
    ['{"version": 1, "values": {', 400, (b) => assert.match(b.message, /JSON/)],
    ['', 400, (b) => assert.equal(b.error, 'bad_request')],
    [[1, 2], 422, (b) => assert.ok(b.fields.body)],
    ['"just a string"', 422, (b) => assert.ok(b.fields.body)],
    [{ values: { population: 1 } }, 422, (b) => assert.match(b.fields.version, /version/)],
    [{ version: '1', values: { population: 1 } }, 422, (b) => assert.ok(b.fields.version)],
    [{ version: -1, values: { population: 1 } }, 422, (b) => assert.ok(b.fields.version)],
    [{ version: 1.5, values: { population: 1 } }, 422, (b) => assert.ok(b.fields.version)],
    [{ version: 1, values: [] }, 422, (b) => assert.ok(b.fields.values)],
    [{ version: 1, values: {} }, 422, (b) => assert.ok(b.fields.values)],
    [{ version: 1, values: { population: [1] } }, 422, (b) => assert.match(b.fields.population, /ตัวเลข ข้อความ/)],
    [{ version: 1, values: { population: { n: 1 } } }, 422, (b) => assert.ok(b.fields.population)],
    [{ version: 1, values: { population: 1 }, admin: true }, 422, (b) => assert.match(b.fields.admin, /ไม่รู้จัก/)],
    [{ version: 1, values: { population: 1, no_such_field: 3 } }, 422, (b) => assert.match(b.fields.no_such_field, /ไม่มีช่องข้อมูลนี้/)],
    [{ version: 1, values: { 'population|x': 3 } }, 422, (b) => assert.ok(b.fields['population|x'])],
    [{ version: 1, values: { districts_covered: 3 } }, 422, (b) => assert.ok(b.fields.districts_covered, 'a field of another LAO type is unknown here')],
    [{ version: 1, values: { population: '12a', households: -5, area_km2: '1e309', communities: '๑๒', staff_total: true } }, 422, (b) => {
      assert.match(b.fields.population, /จำนวนประชากร.*จำนวนเต็ม/);
      assert.match(b.fields.households, /ต้องไม่ติดลบ/);
      assert.match(b.fields.area_km2, /ตัวเลข/);
      assert.equal(b.fields.communities, undefined, 'Thai digits are numbers');
      assert.match(b.fields.staff_total, /จำนวนเต็ม/);
    }],
    [{ version: 1, values: { population: 'x'.repeat(30000) } }, 422, (b) => assert.ok(b.fields.population)],
  ];
  for (const [body, status, check] of cases) {
    const r = await call(tokens.officer, 'PATCH', `${sub}/values`, body);
    assert.equal(r.status, status, JSON.stringify(body).slice(0, 100));
    assert.equal(typeof r.body.message, 'string');
    check(r.body);
  }
  const huge = await call(tokens.officer, 'PATCH', `${sub}/values`, JSON.stringify({ version: 1, values: { edu_satisfaction_surveyor: 'ก'.repeat(1024 * 1024) } }));
  assert.equal(huge.status, 413);
  assert.match(huge.body.message, /1 MB/);
  assert.equal((await read()).status, 'not_started', 'nothing was written');
});

test('a PATCH over several sections is all or nothing, with rules across sections seeing every new value', async () => {
  // F1-S1 fine, F1-S3 broken: nothing is saved
  const mixed = await patch({ population: 5230, households: '1,800', budget_total: 'หนึ่งล้าน' }, 0);
  assert.equal(mixed.status, 422);
  assert.deepEqual(Object.keys(mixed.body.fields), ['budget_total']);
  assert.deepEqual((await read()).values, {});
  // budget_env (แบบ ๒-๓) may not exceed budget_total (แบบ ๑): checked with both new values
  const crossing = await patch({ budget_total: 100, budget_env: 200 }, 0);
  assert.equal(crossing.status, 422);
  assert.match(Object.values(crossing.body.fields).join(' '), /ต้องไม่เกินงบประมาณรายจ่ายทั้งสิ้น/);
  const ok = await patch({ population: 5230, households: '1,800', area_km2: 24.5, budget_total: 1000000, budget_env: 200000 }, 0);
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.version, 1, 'one save, one version');
  assert.equal(ok.body.warnings, undefined);
  const now = await read();
  assert.deepEqual(now.values, { population: 5230, households: 1800, area_km2: 24.5, budget_total: 1000000, budget_env: 200000 });
  // keys not sent keep their value; null clears one
  const cleared = await patch({ area_km2: null }, 1);
  assert.equal(cleared.status, 200);
  assert.equal((await read()).values.population, 5230);
  assert.equal((await read()).values.area_km2, null);
  // the parts touched are in progress
  const parts = await t.deps.db.selectFrom('submission_parts').select('part_code').orderBy('part_code').execute();
  assert.deepEqual(parts.map((p) => p.part_code), ['F1', 'F2-3']);
});

test('a warning does not stop an API save: it comes back with the new version', async () => {
  const { version } = await read();
  const r = await patch({ edu_satisfaction_pct: 100 }, version);
  assert.equal(r.status, 200);
  assert.equal(r.body.version, version + 1);
  assert.deepEqual(r.body.warnings.map((x: { code: string }) => x.code), ['V8']);
  assert.match(r.body.warnings[0].message, /ความพึงพอใจ/);
});

test('50 concurrent PATCHes of one field from one version: one 200, 49 conflicts with the current value, one audit row per accepted write', async () => {
  const { version } = await read();
  const submissionId = (await t.deps.db.selectFrom('submissions').select('id').executeTakeFirstOrThrow()).id;
  const auditsBefore = await valueAudits(submissionId);
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => patch({ communities: 100 + i }, version)));
  const accepted = answers.filter((a) => a.status === 200);
  const refused = answers.filter((a) => a.status === 409);
  assert.equal(accepted.length, 1, JSON.stringify(answers.filter((a) => a.status !== 409).map((a) => a.body)));
  assert.equal(refused.length, 49);
  const stored = (await read()).values.communities;
  const winner = answers.findIndex((a) => a.status === 200);
  assert.equal(stored, 100 + winner);
  for (const r of refused) {
    assert.equal(r.body.error, 'conflict');
    assert.match(r.body.message, /ไม่มีการบันทึก/);
    assert.equal(r.body.current.values.communities, stored, 'each conflict carries the current value');
    assert.equal(r.body.current.version, version + 1);
  }
  assert.equal((await valueAudits(submissionId)) - auditsBefore, accepted.length, 'accepted writes equal audit rows one for one');
});

test('a stale version is a conflict even for another field; a retry with the current version goes through', async () => {
  const { version } = await read();
  const stale = await patch({ staff_total: 40 }, version - 1);
  assert.equal(stale.status, 409);
  assert.equal(stale.body.current.version, version);
  assert.equal((await read()).values.staff_total, undefined);
  const retry = await patch({ staff_total: 40 }, stale.body.current.version);
  assert.equal(retry.status, 200);
});

test('submit: Idempotency-Key required; gaps listed; twenty parallel sends with one key are one submission with one answer', async () => {
  const noKey = await call(tokens.executive, 'POST', `${sub}/submit`);
  assert.equal(noKey.status, 400);
  assert.match(noKey.body.message, /Idempotency-Key/);
  assert.equal((await call(tokens.executive, 'POST', `${sub}/submit`, undefined, { 'idempotency-key': 'has space' })).status, 400);
  assert.equal((await call(tokens.officer, 'POST', `${sub}/submit`, undefined, { 'idempotency-key': 'k-officer' })).status, 403, 'officers enter, the executive sends');
  const incomplete = await call(tokens.executive, 'POST', `${sub}/submit`, undefined, { 'idempotency-key': 'k-early' });
  assert.equal(incomplete.status, 422);
  assert.equal(incomplete.body.error, 'incomplete');
  assert.ok(incomplete.body.gaps.some((g: { kind: string; key?: string }) => g.kind === 'missing_value' && g.key === 'revenue_total'));

  // Everything in one PATCH (all sections, one transaction).
  const current = await read();
  const values: Record<string, unknown> = {};
  for (const section of current.sections) {
    for (const f of section.fields) {
      values[f.key] = f.type === 'text' || f.type === 'longtext' ? 'ข้อมูลทดสอบ' : f.type === 'yesno' ? true : f.type === 'choice' ? f.choices[0].value : f.type === 'date' ? '2024-10-01'
        : f.type === 'percent' ? 80 : f.key.endsWith('_total') || f.key === 'revenue_total' ? 100 : 0;
    }
  }
  const filled = await patch(values, current.version);
  assert.equal(filled.status, 200, JSON.stringify(filled.body));
  const gaps = await call(tokens.executive, 'POST', `${sub}/submit`, undefined, { 'idempotency-key': 'k-early' });
  assert.equal(gaps.status, 422);
  assert.ok(gaps.body.gaps.every((g: { kind: string }) => g.kind === 'missing_evidence'), JSON.stringify(gaps.body.gaps));
  const submission = await t.deps.db.selectFrom('submissions').select('id').executeTakeFirstOrThrow();
  for (const g of gaps.body.gaps) {
    await t.deps.db.insertInto('evidence').values({ submission_id: submission.id, indicator_code: g.indicatorCode, file_name: 'หลักฐาน.pdf', content_type: 'application/pdf', size_bytes: 10, sha256: 'x', storage_key: `test-${g.indicatorCode}` }).execute();
  }

  const answers = await Promise.all(Array.from({ length: 20 }, () => call(tokens.executive, 'POST', `${sub}/submit`, undefined, { 'idempotency-key': 'send-2568-1' })));
  assert.deepEqual(answers.map((a) => a.status), Array(20).fill(200), JSON.stringify(answers.find((a) => a.status !== 200)?.body));
  for (const a of answers) assert.deepEqual(a.body, answers[0]!.body, 'all twenty answers are equal');
  assert.equal(answers[0]!.body.status, 'submitted');
  assert.equal(answers[0]!.body.submittedAt, t.clock.now().toISOString());
  assert.equal((await t.deps.db.selectFrom('submission_snapshots').select('seq').execute()).length, 1, 'one submission');
  const later = await call(tokens.executive, 'POST', `${sub}/submit`, undefined, { 'idempotency-key': 'send-2568-1' });
  assert.deepEqual(later.body, answers[0]!.body, 'a later retry with the key gets the same answer');

  // Sent: changes are locked (423), and the key cannot be reused for another submission
  const locked = await patch({ population: 1 }, answers[0]!.body.version);
  assert.equal(locked.status, 423);
  assert.match(locked.body.message, /ส่งข้อมูลแล้ว/);
  assert.equal((await read()).status, 'submitted');
});

test('after the deadline a PATCH is locked (423) and the entry window says why', async () => {
  const other = `/rounds/${w.roundId}/submissions/${w.otherLao.code}`;
  const before = await call(tokens.otherOfficer, 'GET', other);
  const savedClock = t.clock.now();
  try {
    t.clock.set(new Date(endOfBangkokDay('2025-08-29').getTime()));
    assert.equal((await call(tokens.otherOfficer, 'PATCH', `${other}/values`, { version: before.body.version, values: { population: 10 } })).status, 200, 'the last second still counts');
    t.clock.set(new Date(endOfBangkokDay('2025-08-29').getTime() + 1000));
    const late = await call(tokens.otherOfficer, 'PATCH', `${other}/values`, { version: before.body.version + 1, values: { population: 11 } });
    assert.equal(late.status, 423);
    assert.equal(late.body.error, 'locked');
    assert.match(late.body.message, /พ้นกำหนดรับข้อมูล/);
    const view = await call(tokens.otherOfficer, 'GET', other);
    assert.equal(view.body.entry.allowed, false);
    assert.match(view.body.entry.message, /พ้นกำหนด/);
    assert.equal(view.body.values.population, 10);
    const submit = await call(tokens.otherOfficer, 'POST', `${other}/submit`, undefined, { 'idempotency-key': 'late' });
    assert.equal(submit.status, 403);
  } finally {
    t.clock.set(savedClock);
  }
});
