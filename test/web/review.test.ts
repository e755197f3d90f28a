import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadSubmissionContext } from '../../src/services/submissions/load-submission.ts';
import { fieldBlock, signedIn, versionsIn } from '../support/submission-pages.ts';
import { createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, fillEverything, type EntryWorld } from '../submissions/support.ts';

// Check answers, send once however often the button is pressed, review by the office above, return with reasons
// (only the returned fields reopen), resend, accept — through the pages.
let t: TestApp;
let w: EntryWorld;
let base: string;
before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  base = `/rounds/${w.roundId}/submissions/${w.lao.code}`;
});
after(() => t.close());

test('check answers lists what is missing with links to fix it; only the executive has the send button', async () => {
  const officer = await signedIn(t, w.users.officer);
  await officer.post(`${base}/sections/F1-S1`, { population: '5230', households: '', area_km2: '', communities: '', action: 'later' });
  const html = await (await officer.get(`${base}/check`)).text();
  assert.match(html, /ยังส่งไม่ได้ — ยังขาด/);
  assert.match(html, new RegExp(`href="${base}/sections/F1-S1#households"`));
  assert.match(html, /5,230 คน/);
  assert.match(html, new RegExp(`href="${base}/sections/F1-S1#population">เปลี่ยน`));
  assert.match(html, /ผู้บริหารของหน่วยงาน/);
  assert.doesNotMatch(html, /name="idempotencyKey"/);
  const executive = await signedIn(t, w.users.executive);
  const refused = await executive.post(`${base}/submit`, { idempotencyKey: 'a'.repeat(32) });
  assert.equal(refused.status, 422, 'an incomplete submission is not sent');
  assert.match(await refused.text(), /ยังส่งไม่ได้/);
});

test('a double press of send makes one submission and a confirmation page', async () => {
  await fillEverything(t, w, { values: { population: '5230' } });
  const executive = await signedIn(t, w.users.executive);
  const html = await (await executive.get(`${base}/check`)).text();
  assert.doesNotMatch(html, /ยังส่งไม่ได้/);
  assert.match(html, /ตัวชี้วัดที่คำนวณได้/);
  assert.match(html, /ค่าตัวอย่าง/);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!;
  const [first, second] = await Promise.all([executive.post(`${base}/submit`, { idempotencyKey: key }), executive.post(`${base}/submit`, { idempotencyKey: key })]);
  assert.equal(first.status, 303);
  assert.equal(second.status, 303);
  assert.equal(first.headers.get('location'), `${base}/submitted`);
  const third = await executive.post(`${base}/submit`, { idempotencyKey: key });
  assert.equal(third.headers.get('location'), `${base}/submitted`, 'a refresh of the POST answers the same');
  const snapshots = await t.deps.db.selectFrom('submission_snapshots').select('seq').execute();
  assert.equal(snapshots.length, 1);
  const done = await executive.get(`${base}/submitted`);
  assert.equal(done.status, 200);
  assert.match(await done.text(), /ส่งข้อมูลแล้ว/);
  const locked = await (await (await signedIn(t, w.users.officer)).get(`${base}/sections/F1-S1`)).text();
  assert.match(locked, /ส่งข้อมูลแล้ว แก้ไขไม่ได้/);
  assert.doesNotMatch(locked, /<input id="population"/);
});

test('the office reviews beside last year, comments, returns with a reason; only the returned field reopens; resend; accept', async () => {
  const district = await signedIn(t, w.users.district);
  const list = await (await district.get(`/rounds/${w.roundId}/submissions`)).text();
  assert.match(list, /เทศบาลตำบลทดสอบ/);
  assert.match(list, new RegExp(`href="${base}/review"`));
  const review = await (await district.get(`${base}/review`)).text();
  assert.match(review, /ตรวจข้อมูล: เทศบาลตำบลทดสอบ/);
  assert.match(review, /name="returnsField" value="yes"/);
  const empty = await district.post(`${base}/comments`, { fieldKey: 'population', itemCode: '', body: '' });
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /href="#comment-population-body">เขียนความเห็นก่อนบันทึก/);
  const noFields = await district.post(`${base}/decision`, { decision: 'returned', reason: 'ตรวจแล้วพบข้อผิดพลาด' });
  assert.equal(noFields.status, 422, 'a return names the fields to fix');
  assert.equal((await district.post(`${base}/comments`, { fieldKey: 'households', itemCode: '', body: 'ตรงกับทะเบียนแล้ว' })).status, 303);
  assert.equal((await district.post(`${base}/comments`, { fieldKey: 'population', itemCode: '', body: 'ไม่ตรงกับทะเบียนราษฎร ณ 31 ธ.ค.', returnsField: 'yes' })).status, 303);
  const returned = await district.post(`${base}/decision`, { decision: 'returned', reason: 'แก้จำนวนประชากรให้ตรงกับทะเบียนราษฎร' });
  assert.equal(returned.status, 303);

  const officer = await signedIn(t, w.users.officer);
  const overview = await (await officer.get(base)).text();
  assert.match(overview, /ผู้ตรวจส่งกลับให้แก้ไข/);
  assert.match(overview, /แก้จำนวนประชากรให้ตรงกับทะเบียนราษฎร/);
  assert.match(overview, /ไม่ตรงกับทะเบียนราษฎร ณ 31 ธ.ค./);
  assert.match(overview, new RegExp(`href="${base}/sections/F1-S1#population"`));
  const section = await (await officer.get(`${base}/sections/F1-S1`)).text();
  assert.match(fieldBlock(section, 'population'), /<input id="population"/);
  assert.match(fieldBlock(section, 'population'), /ผู้ตรวจขอให้แก้ไข: ไม่ตรงกับทะเบียนราษฎร/);
  assert.match(fieldBlock(section, 'households'), /answer-readonly/, 'a field not returned is read-only');
  assert.doesNotMatch(section, /<input id="households"/);
  const other = await (await officer.get(`${base}/sections/F1-S2`)).text();
  assert.match(other, /ส่วนนี้ไม่มีช่องที่ผู้ตรวจส่งกลับให้แก้ไข/);
  // a forged post of a field not returned changes nothing: the stored value is what is saved for it
  const fixed = await officer.post(`${base}/sections/F1-S1`, { population: '5,400', households: '1', ...versionsIn(section), action: 'later' });
  assert.equal(fixed.status, 303);
  const ctx = await loadSubmissionContext(t.deps, w.actors.officer, { roundId: w.roundId, orgUnitCode: w.lao.code });
  assert.equal(ctx.answers.get('population'), 5400);
  assert.equal(ctx.answers.get('households'), 0);
  const changed = await (await officer.get(base)).text();
  assert.match(changed, /สิ่งที่เปลี่ยนตั้งแต่ส่งครั้งก่อน/);
  assert.match(changed, /5,230 คน/);
  assert.match(changed, /5,400 คน/);

  const executive = await signedIn(t, w.users.executive);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(await (await executive.get(`${base}/check`)).text())![1]!;
  assert.equal((await executive.post(`${base}/submit`, { idempotencyKey: key })).status, 303);
  const province = await signedIn(t, w.users.province);
  const accepted = await province.post(`${base}/decision`, { decision: 'accepted' });
  assert.equal(accepted.status, 303);
  const final = await loadSubmissionContext(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code });
  assert.equal(final.state, 'accepted');
  assert.equal((await district.post(`${base}/decision`, { decision: 'accepted' })).status, 409, 'decided already');
});

test('only the offices above review: the LAO\u2019s own people and another LAO are refused', async () => {
  for (const who of [w.users.officer, w.users.executive, w.users.otherOfficer]) {
    const b = await signedIn(t, who);
    assert.equal((await b.get(`${base}/review`)).status, 403);
    assert.equal((await b.post(`${base}/comments`, { fieldKey: 'population', body: 'x' })).status, 403);
    assert.equal((await b.get(`/rounds/${w.roundId}/submissions`)).status, 403);
  }
});
