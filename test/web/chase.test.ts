import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bangkokInstant } from '../../src/domain/dates/bangkok-time.ts';
import { runDueJobs } from '../../src/jobs/start-worker.ts';
import { MemoryLineClient } from '../../src/mail/line.ts';
import { signedIn } from '../support/submission-pages.ts';
import { createTestApp, type Browser, type TestApp } from '../support/web.ts';
import { fillEverything } from '../submissions/support.ts';
import { buildChaseWorld, type ChaseWorld } from '../chasing/support.ts';

// The chase page: who sees which respondents, the filters, one "ส่ง" to the ticked LAOs through the job queue with
// its progress page, "ไม่มีผู้รับ" shown, calls noted, the log, bad input answered in Thai with the values kept, the
// templates and the schedule for the owners, LINE when configured.
let t: TestApp;
let w: ChaseWorld;
let district: Browser;
let province: Browser;
let line: MemoryLineClient;
let chase: string;

const rowOf = (html: string, id: number) => {
  const start = html.indexOf(`id="row-${id}"`);
  if (start < 0) return '';
  const end = html.indexOf('<tr', start + 5);
  return html.slice(start, end < 0 ? undefined : end);
};
const text = async (res: Response) => res.text();

before(async () => {
  t = await createTestApp();
  line = new MemoryLineClient();
  t.deps.line = line;
  w = await buildChaseWorld(t);
  chase = `/rounds/${w.roundId}/chase`;
  district = await signedIn(t, w.users.district);
  province = await signedIn(t, w.users.province);
});
after(() => t.close());

test('a district office sees the LAOs of its district that still hold their data, nobody else\'s', async () => {
  const res = await district.get(chase);
  assert.equal(res.status, 200);
  const html = await text(res);
  assert.match(html, /ติดตามหน่วยงานที่ยังไม่ส่งข้อมูล/);
  for (const id of [w.lao.id, w.otherLao.id, w.emptyLao.id]) assert.ok(rowOf(html, id), `row ${id}`);
  assert.equal(rowOf(html, w.farLao.id), '', 'another district\'s LAO is not listed');
  assert.match(rowOf(html, w.emptyLao.id), /ไม่มีผู้รับ/);
  assert.match(rowOf(html, w.lao.id), /3 คน/, 'two officers and the executive');
  // asking for the other district by its code shows nothing of it
  const other = await text(await district.get(`${chase}?district=2201`));
  assert.equal(rowOf(other, w.farLao.id), '');
});

test('a provincial office sees the whole province and filters by district, type and state', async () => {
  const all = await text(await province.get(chase));
  for (const id of [w.lao.id, w.otherLao.id, w.emptyLao.id, w.farLao.id]) assert.ok(rowOf(all, id), `row ${id}`);
  const far = await text(await province.get(`${chase}?district=2201`));
  assert.ok(rowOf(far, w.farLao.id));
  assert.equal(rowOf(far, w.lao.id), '');
  const sao = await text(await province.get(`${chase}?type=sao`));
  assert.ok(rowOf(sao, w.otherLao.id) && rowOf(sao, w.emptyLao.id));
  assert.equal(rowOf(sao, w.lao.id), '');
  // four weeks before the deadline nobody is late or at risk
  assert.match(all, /เลยกำหนด \(0\)/);
  assert.match(all, /เสี่ยงไม่ทัน \(0\)/);
});

test('at risk four days before the deadline unless half answered; late after it; a sent submission leaves the list', async () => {
  await fillEverything(t, w);
  t.clock.set(bangkokInstant('2025-08-25', '10:00'));
  const risk = await text(await province.get(`${chase}?state=at_risk`));
  assert.equal(rowOf(risk, w.lao.id), '', 'everything answered: not at risk');
  assert.ok(rowOf(risk, w.otherLao.id));
  assert.match(rowOf(risk, w.otherLao.id), /เสี่ยงไม่ทัน/);
  t.clock.set(bangkokInstant('2025-09-01', '10:00'));
  const late = await text(await province.get(`${chase}?state=late`));
  for (const id of [w.lao.id, w.otherLao.id, w.emptyLao.id, w.farLao.id]) assert.match(rowOf(late, id), /เลยกำหนด/);
  await t.deps.db.updateTable('submissions').set({ state: 'submitted', submitted_at: t.clock.now() }).where('org_unit_id', '=', w.lao.id).execute();
  assert.equal(rowOf(await text(await province.get(`${chase}?state=late`)), w.lao.id), '');
  await t.deps.db.updateTable('submissions').set({ state: 'in_progress', submitted_at: null }).where('org_unit_id', '=', w.lao.id).execute();
  t.clock.set(bangkokInstant('2025-08-01', '10:00'));
});

test('bad input is answered at its field in Thai with what was chosen kept', async () => {
  let res = await district.post(chase, { scope: 'selected', templateCode: 'overdue', channels: 'email' });
  assert.equal(res.status, 422);
  let html = await text(res);
  assert.match(html, /เลือกหน่วยงานอย่างน้อย 1 แห่ง/);
  assert.match(html, /value="overdue" id="template-overdue" checked/);
  res = await district.post(chase, { scope: 'selected', units: String(w.lao.id), templateCode: 'no-such-template' });
  assert.equal(res.status, 422);
  html = await text(res);
  assert.match(html, /เลือกแบบข้อความที่จะส่ง/);
  assert.match(html, new RegExp(`value="${w.lao.id}" id="unit-${w.lao.id}" checked`));
  assert.doesNotMatch(html, /id="channel-email" checked/, 'e-mail was left unticked and stays so');
});

test('chasing another district\'s LAO is refused (403), sending or noting a call', async () => {
  assert.equal((await district.post(chase, { scope: 'selected', units: String(w.farLao.id), templateCode: 'overdue' })).status, 403);
  assert.equal((await district.post(`${chase}/calls`, { orgUnitId: String(w.farLao.id), note: 'โทรแล้ว' })).status, 403);
  const officer = await signedIn(t, w.users.officer);
  assert.equal((await officer.get(chase)).status, 403);
  assert.equal((await officer.post(chase, { scope: 'filter', templateCode: 'overdue' })).status, 403);
});

test('one "ส่ง" to the ticked LAOs goes through the job queue; the progress page refreshes until all are out', async () => {
  await t.deps.db.insertInto('user_line_links').values({ user_id: w.users.officer.userId, line_user_id: `U${'a'.repeat(32)}` }).execute();
  // a browser posts the ticked boxes as repeated fields
  const body = new URLSearchParams([['_csrf', province.csrf()], ['scope', 'selected'], ['units', String(w.lao.id)], ['units', String(w.emptyLao.id)], ['templateCode', 'before_due'], ['channels', 'email'], ['channels', 'line']]);
  const sent = await t.app.request(chase, { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: province.cookieHeader(), origin: 'http://localhost:3000' } });
  assert.equal(sent.status, 303);
  const progressPath = sent.headers.get('location')!;
  assert.match(progressPath, new RegExp(`^${chase}/sends/\\d+\\?done=sent&targets=2`));
  let page = await province.get(progressPath);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('refresh'), '5');
  let html = await text(page);
  assert.match(html, /กำลังส่ง/);
  assert.match(html, /ส่งแล้ว 0 จาก 7 ข้อความ/, '3 people in the product and by e-mail, 1 by LINE');
  assert.match(html, /ไม่มีผู้รับ \(1 แห่ง\)/);
  assert.match(html, /องค์การบริหารส่วนตำบลว่าง/);

  await runDueJobs(t.deps);
  page = await province.get(progressPath);
  assert.equal(page.headers.get('refresh'), null, 'finished: no more refreshing');
  html = await text(page);
  assert.match(html, /ส่งครบแล้ว/);
  assert.match(html, /ส่งแล้ว 7 จาก 7 ข้อความ \(100%\)/);
  const notes = await t.deps.db.selectFrom('notifications').select(['user_id', 'title', 'body', 'link']).where('kind', '=', 'reminder').execute();
  assert.equal(notes.length, 3);
  assert.ok(notes.every((n) => n.link === `/rounds/${w.roundId}/submissions/${w.lao.code}` && n.body.includes('เทศบาลตำบลทดสอบ') && n.body.includes('29 สิงหาคม 2568')));
  assert.equal(t.mailer.sent.filter((m) => m.subject.startsWith('ใกล้ถึงกำหนดส่งข้อมูล')).length, 3);
  assert.ok(t.mailer.sent.every((m) => !m.subject.startsWith('ใกล้') || /^<reminder-\d+@localhost>$/.test(m.messageId ?? '')));
  assert.equal(line.pushed.length, 1);
  assert.equal(line.pushed[0]!.to, `U${'a'.repeat(32)}`);
  // the row shows the reminder; the log lists the send
  assert.match(rowOf(await text(await province.get(chase)), w.lao.id), /เตือนล่าสุด/);
  const log = await text(await province.get(`${chase}/log`));
  assert.match(log, /ใกล้ถึงกำหนดส่ง/);
  assert.match(log, /7 \/ 7 ข้อความ/);
  assert.match(log, /ไม่มีผู้รับ 1/);
  // the district office sees the provincial office's send (its LAOs were in it); the other district's does not
  assert.equal((await district.get(progressPath)).status, 200);
  const far = await signedIn(t, w.farDistrict);
  assert.equal((await far.get(progressPath)).status, 404);
});

test('a call is noted on the LAO\'s row and in the log; an empty or long note is refused at the field', async () => {
  let res = await district.post(`${chase}/calls`, { orgUnitId: String(w.otherLao.id), note: '   ' });
  assert.equal(res.status, 422);
  assert.match(rowOf(await text(res), w.otherLao.id), /เขียนสั้น ๆ ว่าคุยกับใคร/);
  res = await district.post(`${chase}/calls`, { orgUnitId: String(w.otherLao.id), note: 'ก'.repeat(501) });
  assert.equal(res.status, 422);
  res = await district.post(`${chase}/calls?district=2206`, { orgUnitId: String(w.otherLao.id), note: 'คุยกับปลัดแล้ว จะส่งภายในสัปดาห์นี้' });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location')!, /district=2206.*done=call#row-/);
  const row = rowOf(await text(await district.get(chase)), w.otherLao.id);
  assert.match(row, /โทรติดตามแล้ว .* โดย ทดสอบ district_office: คุยกับปลัดแล้ว จะส่งภายในสัปดาห์นี้/);
  assert.match(await text(await province.get(`${chase}/log`)), /คุยกับปลัดแล้ว/);
});

test('owners edit the templates (unknown placeholders refused) and the schedule; offices may not', async () => {
  const owner = await signedIn(t, w.owner);
  assert.equal((await district.get('/reminder-templates')).status, 403);
  assert.equal((await district.post('/reminder-templates/overdue', { subject: 'ก', body: 'ข' })).status, 403);
  let res = await owner.post('/reminder-templates/overdue', { subject: 'เลยกำหนด {round}', body: 'เรียน {office}' });
  assert.equal(res.status, 422);
  const html = await text(res);
  assert.match(html, /ไม่รู้จัก \{office\}/);
  assert.match(html, /เรียน \{office\}<\/textarea>/);
  res = await owner.post('/reminder-templates/overdue', { subject: 'แจ้งเตือน: เลยกำหนด {round}', body: 'เรียน {lao}\r\nโปรดส่งภายใน {dueDate}\r\n{link}' });
  assert.equal(res.status, 303);
  const saved = await t.deps.db.selectFrom('reminder_templates').selectAll().where('code', '=', 'overdue').executeTakeFirstOrThrow();
  assert.deepEqual([saved.subject, saved.body, saved.example], ['แจ้งเตือน: เลยกำหนด {round}', 'เรียน {lao}\nโปรดส่งภายใน {dueDate}\n{link}', false]);

  assert.equal((await district.post(`${chase}/settings`, { daysBefore: '3', escalateAfterDays: '2', enabled: 'yes' })).status, 403);
  res = await owner.post(`${chase}/settings`, { daysBefore: '7, สาม', escalateAfterDays: '0', enabled: 'yes' });
  assert.equal(res.status, 422);
  assert.match(await text(res), /&quot;สาม&quot; ไม่ใช่จำนวนวันที่ใช้ได้/);
  res = await owner.post(`${chase}/settings`, { daysBefore: '1, 3', escalateAfterDays: '5' });
  assert.equal(res.status, 303);
  const settings = await t.deps.db.selectFrom('reminder_settings').selectAll().where('round_id', '=', w.roundId).executeTakeFirstOrThrow();
  assert.deepEqual([settings.enabled, settings.days_before, settings.escalate_after_days], [false, [3, 1], 5]);
});

test('a person links a LINE user id on the account page (a wrong one is refused in Thai)', async () => {
  const officer = await signedIn(t, w.users.officer2);
  assert.match(await text(await officer.get('/account')), /รับการแจ้งเตือนทาง LINE/);
  const bad = await officer.post('/account/line', { lineUserId: 'not-a-line-id' });
  assert.equal(bad.status, 422);
  assert.match(await text(bad), /LINE user ID ขึ้นต้นด้วย U/);
  assert.equal((await officer.post('/account/line', { lineUserId: `U${'b'.repeat(32)}` })).status, 303);
  const linked = await t.deps.db.selectFrom('user_line_links').select('line_user_id').where('user_id', '=', w.users.officer2.userId).executeTakeFirstOrThrow();
  assert.equal(linked.line_user_id, `U${'b'.repeat(32)}`);
});
