import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { assetSize } from '../../src/web/assets.ts';
import { createUserWithRole } from '../support/factories.ts';
import { fieldBlock, lastYearRound, officeRound, signedIn, versionsIn } from '../support/submission-pages.ts';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, type EntryWorld } from '../submissions/support.ts';

// The data-entry page of one section, through the app as a browser uses it, on real PostgreSQL.
let t: TestApp;
let w: EntryWorld;
let base: string;
before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  await lastYearRound(t, w, { population: 5000, households: 1700, area_km2: 24.5, communities: 12 });
  base = `/rounds/${w.roundId}/submissions/${w.lao.code}`;
});
after(() => t.close());

const s1 = { population: '5,230', households: '1,800', area_km2: '24.5', communities: '12' };

test('a section page: each field with the right input, last year beside it, versions, the indicator it feeds and the script', async () => {
  const b = await signedIn(t, w.users.officer);
  const res = await b.get(`${base}/sections/F1-S1`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1>ข้อมูลทั่วไป<\/h1>/);
  assert.doesNotMatch(html, /type="number"/, 'never type=number');
  assert.match(html, /<input id="population" name="population"[^>]*type="text"[^>]*inputmode="numeric"/);
  assert.match(html, /<input id="area_km2" name="area_km2"[^>]*inputmode="decimal"/);
  assert.match(fieldBlock(html, 'population'), /ปีก่อน: 5,000 คน/);
  assert.match(fieldBlock(html, 'area_km2'), /ปีก่อน: 24.5 ตร.กม./);
  assert.match(html, /name="_v__population" value="0"/);
  assert.match(html, /พื้นที่ของเทศบาล/, 'labels in the LAO type\u2019s words');
  assert.match(html, /data-indicator="[A-Z0-9-]+"/, 'an indicator that reads this section');
  assert.match(html, /ยังคำนวณไม่ได้/);
  assert.match(html, /<script nonce="[^"]+" src="\/static\/entry\.js\?v=[0-9a-f]+" data-preview-src="\/static\/entry-preview\.js\?v=[0-9a-f]+" defer/);
  assert.match(html, /บันทึกและทำต่อ/);
  assert.match(html, /บันทึกไว้ก่อน กลับมาทำภายหลัง/);
  const js = await b.get(/src="(\/static\/entry\.js\?v=[0-9a-f]+)"/.exec(html)![1]!, { 'accept-encoding': 'br' });
  assert.equal(js.status, 200);
  assert.equal(js.headers.get('content-encoding'), 'br');
});

test('bad input of every kind comes back with 422, a summary linking to each field, the message under it and every typed value kept', async () => {
  const b = await signedIn(t, w.users.officer);
  const res = await b.post(`${base}/sections/F1-S1`, { population: '12a', households: '1,800', area_km2: '1e309', communities: '-5', action: 'continue' });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /class="error-summary"/);
  for (const name of ['population', 'area_km2', 'communities']) assert.match(html, new RegExp(`href="#${name}"`));
  assert.match(fieldBlock(html, 'population'), /class="error-message" id="population-error">[^<]*จำนวนเต็ม/);
  assert.match(fieldBlock(html, 'area_km2'), /id="area_km2-error">[^<]*ตัวเลข/);
  assert.match(fieldBlock(html, 'communities'), /id="communities-error">[^<]*ต้องไม่ติดลบ/);
  assert.match(html, /value="12a"/);
  assert.match(html, /value="1e309"/);
  assert.match(html, /value="-5"/);
  assert.match(html, /value="1,800"/, 'a valid value typed beside bad ones is kept too');
  const negativeArea = await b.post(`${base}/sections/F1-S1`, { ...s1, area_km2: '-3.5', action: 'continue' });
  assert.equal(negativeArea.status, 422);
  assert.match(fieldBlock(await negativeArea.text(), 'area_km2'), /ต้องไม่ติดลบ/);
  const row = await t.deps.db.selectFrom('submissions').select('id').where('round_id', '=', w.roundId).executeTakeFirst();
  assert.equal(row, undefined, 'nothing was written');
});

test('a value far from last year asks for a reason in a box under it; with the reason it saves and "save and continue" opens the next section', async () => {
  const b = await signedIn(t, w.users.officer);
  const far = await b.post(`${base}/sections/F1-S1`, { ...s1, population: '9,000', action: 'continue' });
  assert.equal(far.status, 422);
  const html = await far.text();
  assert.match(fieldBlock(html, 'population'), /ต่างจากปีก่อน/);
  assert.match(fieldBlock(html, 'population'), /name="population__note"/);
  const saved = await b.post(`${base}/sections/F1-S1`, { ...s1, population: '9,000', population__note: 'รวมประชากรแฝงที่ย้ายทะเบียนเข้า', action: 'continue' });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `${base}/sections/F1-S2`);
  const again = await (await b.get(`${base}/sections/F1-S1`)).text();
  assert.match(again, /value="9000"/);
  assert.match(again, /name="_v__population" value="1"/);
  assert.match(again, /รวมประชากรแฝงที่ย้ายทะเบียนเข้า/);
  const later = await b.post(`${base}/sections/F1-S2`, { staff_total: '40', staff_education: '', action: 'later' });
  assert.equal(later.status, 303);
  assert.equal(later.headers.get('location'), `${base}?done=saved`);
  const lastOfForm = await b.post(`${base}/sections/F1-S3`, { budget_total: '25,000,000', revenue_total: '27,500,000', action: 'continue' });
  assert.equal(lastOfForm.headers.get('location'), `${base}?done=form-complete&form=F1`);
});

test('a stale save is a conflict page with both values; nothing is overwritten; choosing and re-posting saves', async () => {
  const mine = await signedIn(t, w.users.officer);
  const theirs = await signedIn(t, w.users.officer2);
  const page = await (await mine.get(`${base}/sections/F1-S1`)).text();
  const versions = versionsIn(page);
  const other = await theirs.post(`${base}/sections/F1-S1`, { ...s1, population: '9,000', population__note: 'x', households: '1,850', ...versionsIn(await (await theirs.get(`${base}/sections/F1-S1`)).text()), action: 'later' });
  assert.equal(other.status, 303);
  const res = await mine.post(`${base}/sections/F1-S1`, { ...s1, population: '9,000', population__note: 'x', households: '1,900', ...versions, action: 'later' });
  assert.equal(res.status, 409);
  const html = await res.text();
  assert.match(html, /ค่าที่ท่านกรอก/);
  assert.match(html, /ค่าที่บันทึกล่าสุดโดยผู้อื่น/);
  assert.match(html, /1,900 ครัวเรือน/);
  assert.match(html, /1,850 ครัวเรือน/);
  assert.match(html, /value="1,900"/, 'what I typed stays in the form');
  assert.match(html, /name="_v__households" value="2"/, 'the form now carries the version I was shown');
  const stored = await sql<{ value: unknown }>`select v.value from submission_values v join submissions s on s.id = v.submission_id where s.round_id = ${w.roundId} and v.field_key = 'households'`.execute(t.deps.db);
  assert.deepEqual(stored.rows.map((r) => r.value), [1850], 'nothing overwritten');
  const chosen = await mine.post(`${base}/sections/F1-S1`, { ...s1, population: '9,000', population__note: 'x', households: '1,900', ...versionsIn(html), _choose__households: 'theirs', action: 'later' });
  assert.equal(chosen.status, 303);
  const after = await sql<{ value: unknown }>`select v.value from submission_values v join submissions s on s.id = v.submission_id where s.round_id = ${w.roundId} and v.field_key = 'households'`.execute(t.deps.db);
  assert.deepEqual(after.rows.map((r) => r.value), [1850], 'their value kept as chosen');
});

test('a warning asks to confirm with a checkbox; confirmed, it saves', async () => {
  const b = await signedIn(t, w.users.officer);
  const form = { lifelong_learning_projects: '3', learning_centres: '2', edu_satisfaction_pct: '100', edu_satisfaction_sample: '120', edu_satisfaction_surveyor: 'มหาวิทยาลัยราชภัฏ', action: 'continue' };
  const res = await b.post(`${base}/sections/F2-1-S2`, form);
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /ความพึงพอใจร้อยละ ๑๐๐ พบได้น้อยมาก/);
  assert.match(html, /name="confirmWarnings" value="yes"/);
  assert.match(html, /ยืนยันว่าข้อมูลถูกต้อง/);
  assert.match(html, /value="มหาวิทยาลัยราชภัฏ"/);
  const ok = await b.post(`${base}/sections/F2-1-S2`, { ...form, confirmWarnings: 'yes' });
  assert.equal(ok.status, 303);
});

test('autosave answers JSON: saved with the new versions, or the problems, or a conflict, or that the session has gone', async () => {
  const b = await signedIn(t, w.users.officer);
  const page = await (await b.get(`${base}/sections/F1-S2`)).text();
  const versions = versionsIn(page);
  const saved = await b.post(`${base}/sections/F1-S2/autosave`, { staff_total: '41', staff_education: '', ...versions });
  assert.equal(saved.status, 200);
  const body = await saved.json() as { ok: boolean; answerVersions: Record<string, number>; savedAt: string };
  assert.equal(body.ok, true);
  assert.equal(body.answerVersions.staff_total, 2);
  assert.match(body.savedAt, /^\d{2}\.\d{2}$/);
  const bad = await b.post(`${base}/sections/F1-S2/autosave`, { staff_total: 'สี่สิบ', staff_education: '', _v__staff_total: '2' });
  assert.equal(bad.status, 422);
  assert.match(((await bad.json()) as { errors: Record<string, string> }).errors.staff_total!, /จำนวนเต็ม/);
  const stale = await b.post(`${base}/sections/F1-S2/autosave`, { staff_total: '45', staff_education: '', ...versions });
  assert.equal(stale.status, 409);
  assert.equal(((await stale.json()) as { conflicts: { name: string }[] }).conflicts[0]!.name, 'staff_total');
  const outsider = await signedIn(t, w.users.otherOfficer);
  assert.equal((await outsider.post(`${base}/sections/F1-S2/autosave`, { staff_total: '1' })).status, 403);
  const anonymous = await new Browser(t.app).post(`${base}/sections/F1-S2/autosave`, { staff_total: '1' });
  assert.equal(anonymous.status, 401);
});

test('a session that expires mid-form loses nothing: the post is kept, sign in again, the values are back in the form unsaved', async () => {
  const b = await signedIn(t, w.users.officer);
  const page = await (await b.get(`${base}/sections/F1-S3`)).text();
  await sql`update session set "expiresAt" = now() - interval '1 second' where "userId" = ${w.users.officer.userId}`.execute(t.deps.db);
  const res = await b.post(`${base}/sections/F1-S3`, { budget_total: '31,000,000', revenue_total: 'พิมพ์ค้างไว้', ...versionsIn(page), action: 'continue' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/sign-in?expired=1&next=${encodeURIComponent(`${base}/sections/F1-S3`)}`);
  assert.match(b.cookieHeader(), /mt_stash=/);
  const signIn = await b.get(res.headers.get('location')!);
  assert.match(await signIn.text(), /หมดเวลาการใช้งาน/);
  const back = await b.post('/sign-in', { identifier: w.users.officer.username, password: w.users.officer.password, next: `${base}/sections/F1-S3` });
  assert.equal(back.headers.get('location'), `${base}/sections/F1-S3`);
  const restored = await b.get(`${base}/sections/F1-S3`);
  const html = await restored.text();
  assert.match(html, /ข้อมูลที่ท่านพิมพ์ไว้ก่อนหมดเวลาเข้าระบบยังไม่ได้บันทึก — ตรวจแล้วกดบันทึก/);
  assert.match(html, /value="31,000,000"/);
  assert.match(html, /value="พิมพ์ค้างไว้"/);
  assert.doesNotMatch(b.cookieHeader(), /mt_stash=/, 'the stash is used once');
  const stored = await sql<{ value: unknown }>`select v.value from submission_values v join submissions s on s.id = v.submission_id where s.round_id = ${w.roundId} and v.field_key = 'budget_total'`.execute(t.deps.db);
  assert.deepEqual(stored.rows.map((r) => r.value), [25000000], 'not saved until the person saves');
  const again = await (await b.get(`${base}/sections/F1-S3`)).text();
  assert.doesNotMatch(again, /พิมพ์ค้างไว้/);
  assert.equal((await t.deps.db.selectFrom('form_stashes' as never).selectAll().execute()).length, 0);
});

test('a person who may not edit sees the section read-only; another LAO\u2019s officer is refused', async () => {
  const district = await signedIn(t, w.users.district);
  const html = await (await district.get(`${base}/sections/F1-S1`)).text();
  assert.match(html, /answer-readonly/);
  assert.doesNotMatch(html, /<input id="population"/);
  assert.doesNotMatch(html, /entry\.js/);
  const outsider = await signedIn(t, w.users.otherOfficer);
  assert.equal((await outsider.get(`${base}/sections/F1-S1`)).status, 403);
  assert.equal((await outsider.post(`${base}/sections/F1-S1`, { ...s1, action: 'later' })).status, 403);
  assert.equal((await district.post(`${base}/sections/F1-S1`, { ...s1, action: 'later' })).status, 403);
});

test('an office respondent: dates, choices, long text and repeated sections, with each field type\u2019s bad input refused in Thai', async () => {
  const office = await officeRound(t);
  const user = await createUserWithRole(t.deps, 'province_office', '22');
  const b = await signedIn(t, user);
  const officeBase = `/rounds/${office.roundId}/submissions/${office.officeCode}`;
  const page = await b.get(`${officeBase}/sections/F1-S1`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<input id="data_as_of"[^>]*inputmode="numeric"[^>]*placeholder="วว\/ดด\/ปปปป"/);
  assert.match(html, /<textarea id="summary_note"/);
  assert.match(html, /ผู้รับผิดชอบ/);
  assert.match(html, /กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น/, 'the owning division of an indicator fed by this section');
  const script = '<script>alert(1)</script>';
  const bad = await b.post(`${officeBase}/sections/F1-S1`, { data_as_of: '31/02/2568', lao_total: '12a', committee_visits: '1e309', laos_advised: '3', summary_note: script, action: 'continue' });
  assert.equal(bad.status, 422);
  const badHtml = await bad.text();
  assert.match(fieldBlock(badHtml, 'data_as_of'), /ไม่มีวันที่ 31 กุมภาพันธ์ 2568/);
  assert.match(fieldBlock(badHtml, 'lao_total'), /จำนวนเต็ม/);
  assert.match(fieldBlock(badHtml, 'committee_visits'), /จำนวนเต็ม/);
  assert.match(fieldBlock(badHtml, 'summary_note'), /ไม่รับแท็ก HTML/);
  assert.ok(!badHtml.includes(script), 'the typed markup is shown escaped, never run');
  assert.match(badHtml, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(badHtml, /value="31\/02\/2568"/);
  const long = await b.post(`${officeBase}/sections/F1-S1`, { data_as_of: '25/07/2568', lao_total: '120', committee_visits: '3', laos_advised: '3', summary_note: 'ก'.repeat(6000), action: 'continue' });
  assert.equal(long.status, 422);
  assert.match(fieldBlock(await long.text(), 'summary_note'), /ยาวเกิน 5,000 ตัวอักษร/);
  const ok = await b.post(`${officeBase}/sections/F1-S1`, { data_as_of: '25/07/2568', lao_total: '120', committee_visits: '3', laos_advised: '3', summary_note: 'ภาพรวมดี', action: 'continue' });
  assert.equal(ok.status, 303);
  const repeated = await (await b.get(`${officeBase}/sections/F1-S2`)).text();
  assert.match(repeated, /<fieldset class="repeat-item" id="item-S01">/);
  assert.match(repeated, /name="std_compliance__S01"/);
  const choice = await b.post(`${officeBase}/sections/F1-S2`, { std_compliance__S01: 'maybe', action: 'later' });
  assert.equal(choice.status, 422);
  assert.match(fieldBlock(await choice.text(), 'std_compliance__S01'), /เลือกคำตอบจากรายการที่กำหนด/);
  const text = await b.post(`${officeBase}/sections/F1-S3`, { reporter_name: 'ข'.repeat(600), reporter_position: '', reporter_phone: '', reporter_email: '', action: 'later' });
  assert.equal(text.status, 422);
  assert.match(fieldBlock(await text.text(), 'reporter_name'), /ยาวเกิน 500 ตัวอักษร/);
});

test('the JavaScript of the form page stays within budget (≤ 30 KB brotli, the CEL preview included)', () => {
  const entry = assetSize('entry.js');
  const preview = assetSize('entry-preview.js');
  const timeout = assetSize('session-timeout.js');
  const total = entry.br + preview.br + timeout.br;
  console.log(`form page JS: entry.js ${entry.raw} B raw / ${entry.br} B br; entry-preview.js ${preview.raw} B raw / ${preview.br} B br; session-timeout.js ${timeout.br} B br; total ${total} B br`);
  assert.ok(entry.br < 5 * 1024, 'the always-loaded part is small');
  assert.ok(total <= 30 * 1024, `total ${total} B`);
});
