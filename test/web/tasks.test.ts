import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bangkokInstant, endOfBangkokDay } from '../../src/domain/dates/bangkok-time.ts';
import { addInternalDeadline } from '../../src/services/rounds/add-internal-deadline.ts';
import { grantExtension } from '../../src/services/rounds/grant-extension.ts';
import { createUserWithRole } from '../support/factories.ts';
import { officeRound, signedIn } from '../support/submission-pages.ts';
import { createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, meta, type EntryWorld } from '../submissions/support.ts';

// "งานของฉัน" and the submission overview: what is owed, by when, where each form stands and who has it.
let t: TestApp;
let w: EntryWorld;
let base: string;
before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  base = `/rounds/${w.roundId}/submissions/${w.lao.code}`;
});
after(() => t.close());

/** One form's block of the overview's task list. */
const section = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}"`);
  const next = html.indexOf('class="task-form"', start);
  return html.slice(start, next < 0 ? undefined : next);
};

test('the task list: the round, its deadline with days left, the state and each form; linked from the menu and the home page', async () => {
  const b = await signedIn(t, w.users.officer);
  const home = await (await b.get('/')).text();
  assert.match(home, /<a href="\/tasks">งานของฉัน<\/a>/);
  const res = await b.get('/tasks');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /ODLOC 2568 ทดสอบ/);
  assert.match(html, /เทศบาลตำบลทดสอบ/);
  assert.match(html, /29 สิงหาคม 2568 23\.59 น\./);
  assert.match(html, /เหลืออีก 28 วัน/);
  assert.match(html, /ยังไม่เริ่ม/);
  assert.match(html, /แบบเทศบาล ๑/);
  assert.match(html, new RegExp(`href="${base}#form-F1"`));
  assert.match(html, /0\/\d+/);
  const district = await signedIn(t, w.users.district);
  const districtTasks = await (await district.get('/tasks')).text();
  assert.match(districtTasks, /ยังไม่มีรอบการประเมินที่หน่วยงานของท่านต้องส่งข้อมูล/);
  assert.match(districtTasks, new RegExp(`href="/rounds/${w.roundId}/submissions">ODLOC 2568 ทดสอบ`), 'the offices’ way to what their LAOs sent');
});

test('the executive assigns a form; the officer may say it is done only when it is complete', async () => {
  const executive = await signedIn(t, w.users.executive);
  const overview = await (await executive.get(base)).text();
  assert.match(overview, /มอบหมายแบบนี้ให้/);
  assert.match(overview, new RegExp(`<option value="${w.users.officer.userId}"`));
  const assigned = await executive.post(`${base}/parts/F1/assign`, { userId: w.users.officer.userId });
  assert.equal(assigned.status, 303);
  const stranger = await executive.post(`${base}/parts/F1/assign`, { userId: w.users.otherOfficer.userId });
  assert.equal(stranger.status, 422, 'only the LAO\u2019s own people');
  const officer = await signedIn(t, w.users.officer);
  assert.doesNotMatch(await (await officer.get(base)).text(), /มอบหมายแบบนี้ให้/, 'officers do not assign');
  assert.equal((await officer.post(`${base}/parts/F1/assign`, { userId: w.users.officer.userId })).status, 403);
  const early = await officer.post(`${base}/parts/F1/ready`, {});
  assert.equal(early.status, 422);
  assert.match(section(await early.text(), 'form-F1'), /ยังแจ้งว่าเสร็จไม่ได้/);
  await officer.post(`${base}/sections/F1-S1`, { population: '5230', households: '1800', area_km2: '24.5', communities: '12', action: 'continue' });
  await officer.post(`${base}/sections/F1-S2`, { staff_total: '40', staff_education: '12', action: 'continue' });
  await officer.post(`${base}/sections/F1-S3`, { budget_total: '25000000', revenue_total: '27000000', action: 'continue' });
  assert.equal((await officer.post(`${base}/parts/F1/ready`, {})).status, 303);
  const tasks = await (await officer.get('/tasks')).text();
  assert.match(tasks, /กำลังกรอก/);
  assert.match(tasks, /พร้อมส่ง/);
  assert.match(tasks, /ทดสอบ lao_officer/, 'who the form is assigned to');
  assert.match(tasks, /8\/8/);
  const after = await (await officer.get(base)).text();
  assert.match(section(after, 'form-F1'), /ครบแล้ว/);
  assert.match(section(after, 'form-F2-1'), /ยังไม่เริ่ม/);
});

test('late stays in view and is marked; an extension moves the deadline and says so', async () => {
  const now = t.clock.now();
  t.clock.set(bangkokInstant('2025-08-31', '10:00'));
  try {
    const b = await signedIn(t, w.users.officer);
    const late = await (await b.get('/tasks')).text();
    assert.match(late, /class="tag tag-red">เลยกำหนด 2 วัน/);
    const closed = await (await b.get(base)).text();
    assert.match(closed, /พ้นกำหนดรับข้อมูลแล้ว/, 'the entry decision in Thai when closed');
    assert.match(await (await b.get(`${base}/sections/F1-S1`)).text(), /พ้นกำหนดรับข้อมูลแล้ว/);
    await grantExtension(t.deps, null, { roundId: w.roundId, scope: 'respondent', orgUnitId: w.lao.id, newDueAt: endOfBangkokDay('2025-09-05'), reason: 'น้ำท่วมสำนักงาน' }, meta);
    const extended = await (await b.get('/tasks')).text();
    assert.match(extended, /5 กันยายน 2568/);
    assert.match(extended, /เหลืออีก 5 วัน/);
    assert.match(extended, /ขยายเวลาแล้ว/);
  } finally {
    t.clock.set(now);
  }
});

test('an office respondent sees its province\u2019s internal deadline before the due date', async () => {
  const office = await officeRound(t);
  const province = await t.deps.db.selectFrom('org_units').select('id').where('kind', '=', 'province').where('code', '=', '22').executeTakeFirstOrThrow();
  await addInternalDeadline(t.deps, null, { roundId: office.roundId, provinceId: province.id, title: 'กลุ่มงานส่งจังหวัด', dueAt: endOfBangkokDay('2025-08-15') }, meta);
  const user = await createUserWithRole(t.deps, 'province_office', '22');
  const b = await signedIn(t, user);
  const tasks = await (await b.get('/tasks')).text();
  assert.match(tasks, /ติดตามมาตรฐาน ไตรมาส/);
  assert.ok(tasks.indexOf('กลุ่มงานส่งจังหวัด') > 0 && tasks.indexOf('กลุ่มงานส่งจังหวัด') < tasks.indexOf('29 สิงหาคม 2568'), 'internal deadline first');
  const overview = await (await b.get(`/rounds/${office.roundId}/submissions/${office.officeCode}`)).text();
  assert.match(overview, /กำหนดส่งภายใน/);
  assert.match(overview, /15 สิงหาคม 2568/);
  assert.match(overview, /ผู้รับผิดชอบตัวชี้วัด:/);
});
