import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { findRound } from '../../src/db/queries/rounds.ts';
import { bangkokInstant } from '../../src/domain/dates/bangkok-time.ts';
import { formatThaiDate } from '../../src/domain/dates/thai-date.ts';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { decideEntryNow } from '../../src/services/rounds/decide-entry.ts';
import { dateTimeValues } from '../../src/web/routes/rounds/schema.ts';
import { buildWorld, day, laoCodes, type World } from '../authz/world.ts';
import { createTestApp, testOrigin, type TestApp } from '../support/web.ts';

// The round pages through the app as each role uses them: the owner creates and moves rounds, a respondent asks for
// more time, the office above decides, the owner extends directly; every bad input answers in Thai at its field.

let t: TestApp;
let w: World;
before(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
after(() => t.close());

const as = (role: keyof World['users']) => w.users[role].browser;
const at = (d: Date) => formatThaiDate(d, { withTime: true });
const atShort = (d: Date) => formatThaiDate(d, { withTime: true, short: true });
const inDays = (days: number) => new Date(t.clock.now().getTime() + days * day);
const beDate = (days: number) => dateTimeValues(inDays(days)).date;
const roundIdFrom = (res: Response) => Number(res.headers.get('location')!.match(/^\/rounds\/(\d+)/)![1]);

function roundForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    programmeId: String(w.programmeId), frameworkVersionId: String(w.frameworkVersionId), title: 'รอบทดสอบการสร้าง', fiscalYear: '2580', quarter: '',
    opensAtDate: '01/06/2580', opensAtTime: '08:30', dueAtDate: '31/07/2580', dueAtTime: '16:30', lateUntilDate: '07/08/2580', lateUntilTime: '',
    editClosesAtDate: '31/08/2580', editClosesAtTime: '23:59', ...over,
  };
}

test('creating a round with dates out of order answers 422 with the Thai message at the field and every value kept', async () => {
  const res = await as('programme_admin').post('/rounds/new', roundForm({ dueAtDate: '15/05/2580', title: 'รอบที่วันผิด' }));
  assert.equal(res.status, 422);
  const page = await res.text();
  assert.match(page, /href="#create-dueAt">กำหนดส่งต้องอยู่หลังวันเปิดรับข้อมูล/);
  assert.match(page, /id="create-dueAt-error">กำหนดส่งต้องอยู่หลังวันเปิดรับข้อมูล/);
  assert.match(page, /value="รอบที่วันผิด"/);
  assert.match(page, /value="15\/05\/2580"/);
  assert.match(page, /value="08:30"/);

  const shapes = await as('programme_admin').post('/rounds/new', roundForm({ opensAtDate: '31/02/2580', dueAtDate: '2025-07-31', lateUntilDate: '07/08/2025', editClosesAtTime: '25:00', fiscalYear: 'สองพัน', frameworkVersionId: 'x' }));
  assert.equal(shapes.status, 422);
  const shapesPage = await shapes.text();
  assert.match(shapesPage, /id="create-opensAt-error">วันเปิดรับข้อมูล: ไม่มีวันที่นี้ในปฏิทิน/);
  assert.match(shapesPage, /id="create-dueAt-error">กรอกวันกำหนดส่งเป็น วว\/ดด\/ปปปป/);
  assert.match(shapesPage, /id="create-lateUntil-error">กรอกปีของวันสิ้นสุดการรับข้อมูลล่าช้าเป็น พ.ศ. เช่น 2568/);
  assert.match(shapesPage, /id="create-editClosesAt-error">กรอกเวลาของวันปิดการแก้ไขเป็น ชช:นน/);
  assert.match(shapesPage, /id="create-fiscalYear-error">กรอกปีงบประมาณเป็นตัวเลข/);
  assert.match(shapesPage, /id="create-frameworkVersionId-error">เลือกกรอบการประเมิน/);

  const yearly = await as('programme_admin').post('/rounds/new', roundForm({ quarter: '2' }));
  assert.equal(yearly.status, 422);
  assert.match(await yearly.text(), /id="create-quarter-error">โครงการรายไตรมาสต้องเลือกไตรมาส/);

  const taken = await as('programme_admin').post('/rounds/new', roundForm({ fiscalYear: '2568' }));
  assert.equal(taken.status, 422, 'the world already has the 2568 round');
  assert.match(await taken.text(), /id="create-fiscalYear-error">โครงการนี้มีรอบของปีงบประมาณ/);

  const stray = await as('programme_admin').post('/rounds/new', roundForm({ laoTypes: 'pao' }));
  assert.equal(stray.status, 422);
  assert.match(await stray.text(), /เลือกได้เฉพาะประเภท อปท. ที่กรอบการประเมินรุ่นนี้ใช้/);
});

test('a round is created as a draft with Bangkok times, opened, closed, reopened and published by its owner', async () => {
  const created = await as('programme_admin').post('/rounds/new', roundForm({ excludedProvinceCodes: '20' }));
  assert.equal(created.status, 303);
  const id = roundIdFrom(created);
  const round = (await findRound(t.deps.db, id))!;
  assert.equal(round.state, 'draft');
  assert.equal(round.opensAt.getTime(), bangkokInstant('2037-06-01', '08:30:00').getTime());
  assert.equal(round.dueAt.getTime(), bangkokInstant('2037-07-31', '16:30:59').getTime(), 'a deadline minute counts to its last second');
  assert.equal(round.lateUntil.getTime(), bangkokInstant('2037-08-07', '23:59:59').getTime(), 'no time means the end of the day');
  assert.deepEqual(round.laoTypes, ['subdistrict', 'sao'], 'no type ticked means the framework\'s types');
  assert.deepEqual(round.excludedProvinceCodes, ['20']);

  const page = await (await as('programme_admin').get(`/rounds/${id}?done=created`)).text();
  assert.match(page, /ร่าง \(ยังไม่เปิด\)/);
  assert.match(page, /<dt>กำหนดส่ง<\/dt><dd>31 กรกฎาคม 2580 16\.30 น\.<\/dd>/);
  assert.match(page, /ไม่รวม 1 จังหวัด/);

  const unconfirmed = await as('programme_admin').post(`/rounds/${id}/state`, { to: 'open' });
  assert.equal(unconfirmed.status, 422);
  assert.match(await unconfirmed.text(), /href="#state-open-confirm">ทำเครื่องหมายยืนยัน/);

  assert.equal((await as('programme_admin').post(`/rounds/${id}/state`, { to: 'open', confirm: 'yes' })).status, 303);
  const opened = await (await as('programme_admin').get(`/rounds/${id}`)).text();
  assert.match(opened, /หน่วยที่ต้องส่งข้อมูล 3 หน่วย/, 'the LAO in the excluded province is not expected');
  assert.match(opened, /<th scope="row">ยังไม่เริ่ม<\/th><td class="num">3<\/td>/);
  assert.match(opened, /value="closed"/);

  assert.equal((await as('programme_admin').post(`/rounds/${id}/state`, { to: 'closed', confirm: 'yes' })).status, 303);
  assert.equal((await as('programme_admin').post(`/rounds/${id}/state`, { to: 'open', confirm: 'yes' })).status, 303);
  assert.equal((await as('programme_admin').post(`/rounds/${id}/state`, { to: 'closed', confirm: 'yes' })).status, 303);
  assert.equal((await as('programme_admin').post(`/rounds/${id}/state`, { to: 'published', confirm: 'yes' })).status, 303);
  const again = await as('programme_admin').post(`/rounds/${id}/state`, { to: 'open', confirm: 'yes' });
  assert.equal(again.status, 422);
  assert.match(await again.text(), /href="#round-state">เปลี่ยนสถานะรอบเป็นสถานะที่เลือกจากสถานะปัจจุบันไม่ได้/);
  const published = await (await as('programme_admin').get(`/rounds/${id}`)).text();
  assert.match(published, /ประกาศผลแล้ว/);
  assert.doesNotMatch(published, /action="\/rounds\/\d+\/state"/, 'a published round has no further moves');

  const list = await (await as('lao_officer').get('/rounds')).text();
  assert.ok(list.indexOf(`/rounds/${w.roundId}"`) < list.indexOf(`/rounds/${id}"`), 'open rounds come first');
});

test('an open round\'s due date moves only by extension; other dates can be corrected', async () => {
  const round = (await findRound(t.deps.db, w.roundId))!;
  const keep = (d: Date, name: string) => ({ [`${name}Date`]: dateTimeValues(d).date, [`${name}Time`]: dateTimeValues(d).time });
  const base = { ...keep(round.opensAt, 'opensAt'), ...keep(round.dueAt, 'dueAt'), ...keep(round.lateUntil, 'lateUntil'), ...keep(round.editClosesAt, 'editClosesAt') };
  const moved = await as('system_admin').post(`/rounds/${w.roundId}/dates`, { ...base, dueAtDate: beDate(31) });
  assert.equal(moved.status, 422);
  assert.match(await moved.text(), /id="dates-dueAt-error">รอบเปิดรับข้อมูลแล้ว เปลี่ยนกำหนดส่งด้วยการขยายเวลา/);
  const later = await as('system_admin').post(`/rounds/${w.roundId}/dates`, { ...base, editClosesAtDate: beDate(60) });
  assert.equal(later.status, 303);
  assert.equal(dateTimeValues((await findRound(t.deps.db, w.roundId))!.editClosesAt).date, beDate(60));
});

test('an LAO officer sees their own deadline and asks for more time; the district office grants it and the deadline moves', async () => {
  const roundId = await w.freshRound();
  const round = (await findRound(t.deps.db, roundId))!;
  const lao = as('lao_officer');
  const laoId = await w.unitId(laoCodes.own);
  const page = await (await lao.get(`/rounds/${roundId}`)).text();
  assert.match(page, new RegExp(`กำหนดส่งของเทศบาลตำบลเอ: ${at(round.dueAt)}`));
  assert.match(page, /ส่งข้อมูลได้ตามกำหนด/);
  assert.doesNotMatch(page, /เปลี่ยนสถานะรอบ/, 'no owner actions for an LAO');

  const tooShort = await lao.post(`/rounds/${roundId}/extensions/request`, { scope: 'respondent', orgUnitId: String(laoId), requestDueDate: beDate(40), reason: 'ไม่ทัน' });
  assert.equal(tooShort.status, 422);
  const tooShortPage = await tooShort.text();
  assert.match(tooShortPage, new RegExp(`id="request-respondent-${laoId}-reason-error">เหตุผลที่ขอขยายเวลาต้องยาวอย่างน้อย 10 ตัวอักษร`));
  assert.match(tooShortPage, new RegExp(`value="${beDate(40).replace(/\//g, '\\/')}"`));

  const notLater = await lao.post(`/rounds/${roundId}/extensions/request`, { scope: 'respondent', orgUnitId: String(laoId), requestDueDate: beDate(10), reason: 'เจ้าหน้าที่ลาคลอดสองคนพร้อมกัน' });
  assert.equal(notLater.status, 422);
  assert.match(await notLater.text(), new RegExp(`id="request-respondent-${laoId}-requestDue-error">วันที่ขยายต้องอยู่หลังกำหนดส่งปัจจุบัน`));

  const otherLao = await lao.post(`/rounds/${roundId}/extensions/request`, { scope: 'respondent', orgUnitId: String(await w.unitId(laoCodes.same_district)), requestDueDate: beDate(40), reason: 'ขอแทนหน่วยอื่นไม่ได้แน่นอน' });
  assert.equal(otherLao.status, 403, 'an officer asks only for their own LAO');

  const asked = await lao.post(`/rounds/${roundId}/extensions/request`, { scope: 'respondent', orgUnitId: String(laoId), requestDueDate: beDate(40), requestDueTime: '16:30', reason: 'เจ้าหน้าที่ลาคลอดสองคนพร้อมกัน' });
  assert.equal(asked.status, 303);
  const pending = await (await lao.get(`/rounds/${roundId}`)).text();
  assert.match(pending, /<td data-label="เหตุผล" class="wrap">เจ้าหน้าที่ลาคลอดสองคนพร้อมกัน<\/td><td data-label="สถานะ"><span class="tag tag-warning">รอพิจารณา<\/span>/);
  assert.doesNotMatch(pending, /ส่งคำขอขยายเวลา<\/button>/, 'no second request while one is pending');
  const twice = await lao.post(`/rounds/${roundId}/extensions/request`, { scope: 'respondent', orgUnitId: String(laoId), requestDueDate: beDate(41), reason: 'เจ้าหน้าที่ลาคลอดสองคนพร้อมกัน' });
  assert.equal(twice.status, 422);
  assert.match(await twice.text(), /มีคำขอขยายเวลาที่รอพิจารณาอยู่แล้ว/);

  const district = as('district_office');
  const decide = await (await district.get(`/rounds/${roundId}`)).text();
  assert.match(decide, /คำขอที่รอท่านพิจารณา \(1\)/);
  const extensionId = Number(decide.match(/extensions\/(\d+)\/decision/)![1]);
  assert.equal((await as('lao_officer').post(`/rounds/${roundId}/extensions/${extensionId}/decision`, { decision: 'granted' })).status, 403, 'the requester does not decide');

  const granted = await district.post(`/rounds/${roundId}/extensions/${extensionId}/decision`, { decision: 'granted', note: 'อนุมัติตามที่ขอ' });
  assert.equal(granted.status, 303);
  const moved = bangkokInstant(dateTimeValues(inDays(40)).date.split('/').reverse().map((v, i) => (i === 0 ? String(Number(v) - 543) : v)).join('-'), '16:30:59');
  const after = await (await lao.get(`/rounds/${roundId}`)).text();
  assert.match(after, new RegExp(`กำหนดส่งของเทศบาลตำบลเอ: ${at(moved)}</strong> \\(ขยายเวลาแล้ว\\)`));
  assert.match(after, /<span class="tag tag-green">อนุมัติ<\/span>/);
  assert.match(after, /หมายเหตุ: อนุมัติตามที่ขอ/);
  const entry = await decideEntryNow(t.deps, { roundId, orgUnitId: laoId });
  assert.equal(entry.deadline.getTime(), moved.getTime());

  const decidedTwice = await district.post(`/rounds/${roundId}/extensions/${extensionId}/decision`, { decision: 'refused', note: 'เปลี่ยนใจ' });
  assert.equal(decidedTwice.status, 422);
  assert.match(await decidedTwice.text(), /href="#extensions">คำขอนี้ได้รับการพิจารณาไปแล้ว/);
});

test('a refused request leaves the deadline where it was; refusing needs a reason', async () => {
  const roundId = await w.freshRound();
  const round = (await findRound(t.deps.db, roundId))!;
  const laoId = await w.unitId(laoCodes.own);
  assert.equal((await as('lao_executive').post(`/rounds/${roundId}/extensions/request`, { scope: 'respondent', orgUnitId: String(laoId), requestDueDate: beDate(50), reason: 'ระบบบัญชีขัดข้องทั้งเดือน' })).status, 303);
  const page = await (await as('province_office').get(`/rounds/${roundId}`)).text();
  const extensionId = Number(page.match(/extensions\/(\d+)\/decision/)![1]);

  const noReason = await as('province_office').post(`/rounds/${roundId}/extensions/${extensionId}/decision`, { decision: 'refused', note: '' });
  assert.equal(noReason.status, 422);
  assert.match(await noReason.text(), new RegExp(`href="#decision-${extensionId}-note">ระบุเหตุผลที่ไม่อนุมัติ`));
  const badDate = await as('province_office').post(`/rounds/${roundId}/extensions/${extensionId}/decision`, { decision: 'granted', decisionDueDate: '99/99/2580' });
  assert.equal(badDate.status, 422);
  assert.match(await badDate.text(), new RegExp(`id="decision-${extensionId}-decisionDue-error">วันที่ขยายถึง: ไม่มีวันที่นี้ในปฏิทิน`));

  assert.equal((await as('province_office').post(`/rounds/${roundId}/extensions/${extensionId}/decision`, { decision: 'refused', note: 'ยังมีเวลาเพียงพอ' })).status, 303);
  const after = await (await as('lao_executive').get(`/rounds/${roundId}`)).text();
  assert.match(after, /<span class="tag tag-red">ไม่อนุมัติ<\/span>/);
  assert.match(after, new RegExp(`กำหนดส่งของเทศบาลตำบลเอ: ${at(round.dueAt)}</strong><`));
  assert.match(after, /ส่งคำขอขยายเวลา<\/button>/, 'after a refusal the LAO may ask again');
});

test('the owner extends a whole province directly: its LAOs\' deadlines move, other provinces\' do not', async () => {
  const roundId = await w.freshRound();
  const round = (await findRound(t.deps.db, roundId))!;
  const owner = as('programme_admin');
  const province = await w.unitId('22');

  const missing = await owner.post(`/rounds/${roundId}/extensions/grant`, { scope: 'province', provinceId: '', grantDueDate: beDate(45), reason: 'สั้น' });
  assert.equal(missing.status, 422);
  const missingPage = await missing.text();
  assert.match(missingPage, /id="grant-provinceId-error">เลือกจังหวัดที่ขยายเวลาให้/);
  assert.match(missingPage, /id="grant-reason-error">เหตุผลการขยายเวลาต้องยาวอย่างน้อย 10 ตัวอักษร/);

  const early = await owner.post(`/rounds/${roundId}/extensions/grant`, { scope: 'province', provinceId: String(province), grantDueDate: beDate(20), reason: 'น้ำท่วมทั้งจังหวัดตามประกาศเขตภัยพิบัติ' });
  assert.equal(early.status, 422);
  assert.match(await early.text(), /id="grant-grantDue-error">วันที่ขยายต้องอยู่หลังกำหนดส่งปัจจุบัน/);
  const unknown = await owner.post(`/rounds/${roundId}/extensions/grant`, { scope: 'respondent', laoCode: '0000000', grantDueDate: beDate(45), reason: 'ขยายให้หน่วยที่ไม่มีอยู่จริง' });
  assert.equal(unknown.status, 422);
  assert.match(await unknown.text(), /id="grant-laoCode-error">ไม่พบหน่วยงานรหัส 0000000/);
  const notInRound = await owner.post(`/rounds/${roundId}/extensions/grant`, { scope: 'respondent', laoCode: '2206', grantDueDate: beDate(45), reason: 'อำเภอไม่ใช่ผู้ส่งข้อมูลของรอบนี้' });
  assert.equal(notInRound.status, 422);
  assert.match(await notInRound.text(), /id="grant-laoCode-error">หน่วยงานที่ระบุไม่ได้อยู่ในรอบนี้/);

  const granted = await owner.post(`/rounds/${roundId}/extensions/grant`, { scope: 'province', provinceId: String(province), grantDueDate: beDate(45), reason: 'น้ำท่วมทั้งจังหวัดตามประกาศเขตภัยพิบัติ' });
  assert.equal(granted.status, 303);
  const page = await (await as('lao_officer').get(`/rounds/${roundId}`)).text();
  const provinceName = (await t.deps.db.selectFrom('org_units').select('name_th').where('id', '=', province).executeTakeFirstOrThrow()).name_th;
  assert.match(page, new RegExp(`<td data-label="ขอบเขต">จังหวัด${provinceName}</td>`));
  const moved = (await findRound(t.deps.db, roundId))!;
  for (const [code, expected] of [[laoCodes.own, true], [laoCodes.other_district, true], [laoCodes.other_province, false]] as const) {
    const entry = await decideEntryNow(t.deps, { roundId, orgUnitId: await w.unitId(code) });
    assert.equal(entry.deadline.getTime() > moved.dueAt.getTime(), expected, code);
  }
  assert.match(page, /\(ขยายเวลาแล้ว\)/);
  assert.equal(round.dueAt.getTime(), moved.dueAt.getTime(), 'the round itself keeps its due date');
});

test('a provincial office sets an internal deadline for its province, inside the round\'s dates', async () => {
  const office = as('province_office');
  const outside = await office.post(`/rounds/${w.roundId}/internal-deadlines`, { title: 'ส่งจังหวัด', provinceId: String(await w.unitId('22')), internalDueDate: beDate(90) });
  assert.equal(outside.status, 422);
  assert.match(await outside.text(), /id="deadline-internalDue-error">กำหนดส่งภายในต้องอยู่หลังวันเปิดรับข้อมูลและก่อนกำหนดส่งของรอบ/);
  const noTitle = await office.post(`/rounds/${w.roundId}/internal-deadlines`, { title: '', provinceId: String(await w.unitId('22')), internalDueDate: beDate(12) });
  assert.equal(noTitle.status, 422);
  assert.equal((await office.post(`/rounds/${w.roundId}/internal-deadlines`, { title: 'กลุ่มงานส่งข้อมูลให้จังหวัด', provinceId: String(await w.unitId('22')), internalDueDate: beDate(12) })).status, 303);
  const page = await (await as('district_office').get(`/rounds/${w.roundId}`)).text();
  assert.match(page, new RegExp(`<td data-label="เรื่อง">กลุ่มงานส่งข้อมูลให้จังหวัด</td><td data-label="ใช้กับ">จังหวัด[^<]+</td><td data-label="กำหนดส่ง" class="date">${atShort(bangkokInstant(`${Number(beDate(12).slice(6)) - 543}-${beDate(12).slice(3, 5)}-${beDate(12).slice(0, 2)}`, '23:59:59'))}</td>`));
  assert.doesNotMatch(page, /เพิ่มกำหนดส่งภายใน/, 'a district office sets none');
});

test('quarterly rounds are made by rule, once per quarter', async () => {
  const file = path.resolve(import.meta.dirname, '../../frameworks/dla-standards-monitoring.yaml');
  const imported = await importFramework(t.deps, null, { bytes: await fs.readFile(file), fileName: 'dla.yaml' }, { actorUserId: null, ip: null, requestId: null });
  assert.ok(imported.ok);
  const programme = await t.deps.db.selectFrom('programmes').select('id').where('code', '=', imported.doc.programme.code).executeTakeFirstOrThrow();
  const owner = as('system_admin');
  const form = await (await owner.get('/rounds/new')).text();
  assert.match(form, /สร้างรอบรายไตรมาสตามกฎ/);
  const made = await owner.post('/rounds/generate-quarterly', { programmeId: String(programme.id), fiscalYear: '2570', fromQuarter: '2' });
  assert.equal(made.status, 303);
  assert.match(await (await owner.get(made.headers.get('location')!)).text(), /สร้างรอบรายไตรมาส 3 รอบ/);
  const again = await owner.post('/rounds/generate-quarterly', { programmeId: String(programme.id), fiscalYear: '2570', fromQuarter: '1' });
  assert.match(await (await owner.get(again.headers.get('location')!)).text(), /สร้างรอบรายไตรมาส 1 รอบ \(มีอยู่แล้ว 3 รอบ/);
  const yearly = await owner.post('/rounds/generate-quarterly', { programmeId: String(w.programmeId), fiscalYear: '2570', fromQuarter: '1' });
  assert.equal(yearly.status, 422);
  assert.match(await yearly.text(), /id="generate-programmeId-error">โครงการนี้ไม่ใช่โครงการรายไตรมาส/);
  const missing = await owner.post('/rounds/generate-quarterly', { programmeId: '99999', fiscalYear: '2570', fromQuarter: '5' });
  assert.equal(missing.status, 422);

  // An office programme: the provincial office is the respondent and asks for its own office.
  const q2 = await t.deps.db.selectFrom('rounds').select('id').where('programme_id', '=', programme.id).where('quarter', '=', 2).executeTakeFirstOrThrow();
  assert.equal((await owner.post(`/rounds/${q2.id}/state`, { to: 'open', confirm: 'yes' })).status, 303);
  const office = as('province_office');
  const page = await (await office.get(`/rounds/${q2.id}`)).text();
  assert.match(page, /กำหนดส่งของสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด[^:]+: 25 เมษายน 2570 23\.59 น\./);
  assert.doesNotMatch(page, /ขอขยายเวลาให้ทุกหน่วยในจังหวัด/, 'no province-wide request where the office itself is the respondent');
  const officeUnit = Number(page.match(/name="orgUnitId" value="(\d+)"/)![1]);
  const asked = await office.post(`/rounds/${q2.id}/extensions/request`, { scope: 'respondent', orgUnitId: String(officeUnit), requestDueDate: '30/04/2570', reason: 'รอข้อมูลจากท้องถิ่นอำเภอสามแห่ง' });
  assert.equal(asked.status, 303);
  assert.equal((await office.post(`/rounds/${q2.id}/extensions/request`, { scope: 'province', orgUnitId: String(await w.unitId('22')), requestDueDate: '30/04/2570', reason: 'รอข้อมูลจากท้องถิ่นอำเภอสามแห่ง' })).status, 403);
  assert.equal((await as('lao_officer').post(`/rounds/${q2.id}/extensions/request`, { scope: 'respondent', orgUnitId: String(officeUnit), requestDueDate: '30/04/2570', reason: 'ไม่ใช่หน่วยของตนเองจึงขอไม่ได้' })).status, 403);
  const decider = await (await owner.get(`/rounds/${q2.id}`)).text();
  assert.match(decider, /คำขอที่รอท่านพิจารณา \(1\)/, 'the owner decides an office\'s request');
});

test('ids that are not numbers, or not there, are 404; forms need the CSRF token; drafts are the owners\' own', async () => {
  const admin = as('programme_admin');
  for (const p of ['/rounds/abc', '/rounds/1.5', '/rounds/99999999', '/rounds/%20']) assert.equal((await admin.get(p)).status, 404, p);
  assert.equal((await admin.post('/rounds/abc/state', { to: 'open', confirm: 'yes' })).status, 404);
  assert.equal((await admin.post(`/rounds/${w.roundId}/extensions/abc/decision`, { decision: 'granted' })).status, 404);
  assert.equal((await admin.post(`/rounds/${w.roundId}/extensions/99999999/decision`, { decision: 'granted' })).status, 404);
  assert.equal((await admin.post('/rounds/99999999/extensions/request', { scope: 'respondent', orgUnitId: '1' })).status, 404);

  const noToken = await admin.post(`/rounds/${w.roundId}/extensions/grant`, { scope: 'all', grantDueDate: beDate(50), reason: 'ไม่มีโทเค็นจึงต้องไม่ผ่าน' }, { csrf: null });
  assert.equal(noToken.status, 403);
  const otherSite = await admin.post(`/rounds/${w.roundId}/extensions/grant`, { scope: 'all', grantDueDate: beDate(50), reason: 'มาจากเว็บอื่นจึงต้องไม่ผ่าน' }, { origin: 'https://evil.example' });
  assert.equal(otherSite.status, 403);

  const draft = await admin.post('/rounds/new', roundForm({ fiscalYear: '2590', title: 'รอบร่างที่ยังไม่เปิด' }));
  assert.equal(draft.status, 303);
  assert.match(await (await admin.get('/rounds')).text(), /รอบร่างที่ยังไม่เปิด/);
  assert.doesNotMatch(await (await as('lao_officer').get('/rounds')).text(), /รอบร่างที่ยังไม่เปิด/);
});

test('bad input of any shape on every round form answers in Thai, never with a 500', async () => {
  const admin = as('programme_admin');
  const extensionId = await w.pendingExtension('own');
  const laoId = await w.unitId(laoCodes.own);
  const bodies = [
    '', 'x=1', '_csrf=', 'to=open&to=closed&confirm=yes&confirm=no', 'programmeId=1&programmeId=2&laoTypes=sao&laoTypes=castle&excludedProvinceCodes=9999',
    'opensAtDate=%00%01&dueAtDate=' + 'ก'.repeat(5000) + '&lateUntilDate=๓๑/๐๗/๒๕๘๐&editClosesAtTime=23:59:59:59',
    'scope=everyone&provinceId=-1&laoCode=' + '9'.repeat(40) + '&grantDueDate=1/1/1&reason=%F0%9F%98%80', 'decision=maybe&note[]=x&decisionDueDate=29/02/2581',
    `scope=respondent&orgUnitId=${laoId}&requestDueDate=&reason=`, 'fiscalYear=1e3&fromQuarter=0&quarter=5&title[]=x', 'title=%E0%B8&provinceId=abc&internalDueDate=32/13/2580',
  ];
  const paths = [
    '/rounds/new', '/rounds/generate-quarterly', `/rounds/${w.roundId}/state`, `/rounds/${w.roundId}/dates`, `/rounds/${w.roundId}/internal-deadlines`,
    `/rounds/${w.roundId}/extensions/grant`, `/rounds/${w.roundId}/extensions/${extensionId}/decision`,
  ];
  for (const path of paths) {
    for (const body of bodies) {
      const res = await t.app.request(path, {
        method: 'POST', body: `${body}&_csrf=${admin.csrf()}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookieHeader(), origin: testOrigin },
      });
      assert.ok(res.status < 500, `${path} with ${body.slice(0, 60)}: ${res.status}`);
      if (res.status === 422) assert.doesNotMatch(await res.text(), /Invalid input|Too (big|small)|expected/, `${path}: an English message leaked`);
    }
  }
  const lao = as('lao_officer');
  for (const body of bodies) {
    const res = await t.app.request(`/rounds/${w.roundId}/extensions/request`, {
      method: 'POST', body: `${body}&_csrf=${lao.csrf()}`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: lao.cookieHeader(), origin: testOrigin },
    });
    assert.ok([303, 403, 422].includes(res.status), `request with ${body.slice(0, 60)}: ${res.status}`);
  }
});
