import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertNotifications } from '../../src/db/queries/notifications.ts';
import { addReviewComment, decideSubmission } from '../../src/services/submissions/review-submission.ts';
import { submitSubmission } from '../../src/services/submissions/submit-submission.ts';
import { signedIn } from '../support/submission-pages.ts';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, fillEverything, meta, type EntryWorld } from '../submissions/support.ts';

// Notifications in the product: what changed for me (returned, accepted — extensions and reminders write the same
// rows), a page of them, marking read, opening one, and the unread count in the header of every page.
let t: TestApp;
let w: EntryWorld;

before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  await fillEverything(t, w);
  const sent = await submitSubmission(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code }, meta);
  assert.ok(sent.ok);
});
after(() => t.close());

const toldOf = async (kind: string) =>
  (await t.deps.db.selectFrom('notifications').select(['user_id', 'link', 'title', 'body']).where('kind', '=', kind).execute());
const unreadIn = (html: string) => /<span class="visually-hidden"> ยังไม่ได้อ่าน (\d+) รายการ<\/span>/.exec(html)?.[1];
const idsOf = async (userId: string) => (await t.deps.db.selectFrom('notifications').select(['id', 'kind', 'read_at']).where('user_id', '=', userId).orderBy('id').execute());

test('returning a submission tells that LAO\'s officers and executive — no one of another LAO, nor the reviewers; accepting too', async () => {
  await addReviewComment(t.deps, w.actors.district, { roundId: w.roundId, orgUnitCode: w.lao.code, fieldKey: 'population', body: 'ตัวเลขไม่ตรงกับทะเบียนราษฎร', returnsField: true }, meta);
  await decideSubmission(t.deps, w.actors.district, { roundId: w.roundId, orgUnitCode: w.lao.code, decision: 'returned', reason: 'แก้จำนวนประชากรให้ตรงกับทะเบียนราษฎร' }, meta);
  const lao = [w.users.officer.userId, w.users.officer2.userId, w.users.executive.userId].sort();
  const returned = await toldOf('submission_returned');
  assert.deepEqual(returned.map((n) => n.user_id).sort(), lao);
  assert.ok(returned.every((n) => n.link === `/rounds/${w.roundId}/submissions/${w.lao.code}` && /แก้จำนวนประชากรให้ตรงกับทะเบียนราษฎร/.test(n.body)));

  const again = await submitSubmission(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code }, meta);
  assert.ok(again.ok, JSON.stringify(again));
  await decideSubmission(t.deps, w.actors.province, { roundId: w.roundId, orgUnitCode: w.lao.code, decision: 'accepted', reason: null }, meta);
  assert.deepEqual((await toldOf('submission_accepted')).map((n) => n.user_id).sort(), lao);
  for (const other of [w.users.otherOfficer, w.users.district, w.users.province]) assert.deepEqual(await idsOf(other.userId), [], 'nothing for people outside the LAO');
});

test('the header counts my unread notifications, in words for screen readers; none for someone with nothing new', async () => {
  const officer = await signedIn(t, w.users.officer);
  const home = await (await officer.get('/')).text();
  assert.equal(unreadIn(home), '2');
  assert.match(home, /<a class="notifications-link" href="\/notifications">การแจ้งเตือน<span class="count-badge" aria-hidden="true">2<\/span>/);
  const other = await (await (await signedIn(t, w.users.otherOfficer)).get('/tasks')).text();
  assert.match(other, /href="\/notifications">การแจ้งเตือน<\/a>/, 'the link is there, without a count');
  assert.equal(unreadIn(other), undefined);
  assert.doesNotMatch(await (await new Browser(t.app).get('/')).text(), /notifications-link/, 'not for anonymous visitors');
});

test('the page lists mine newest first, unread marked; marking one read, opening one, then all', async () => {
  const officer = await signedIn(t, w.users.officer);
  const page = await officer.get('/notifications');
  assert.equal(page.status, 200);
  const html = await page.text();
  const [accepted, returned] = [(await toldOf('submission_accepted')), (await toldOf('submission_returned'))].map((rows) => rows[0]!.title);
  assert.ok(html.indexOf(accepted!) < html.indexOf(returned!), 'newest first');
  assert.equal((html.match(/class="notification notification-unread"/g) ?? []).length, 2);
  assert.match(html, /ยังไม่ได้อ่าน 2 รายการ จากทั้งหมด 2 รายการ/);

  const [first, second] = await idsOf(w.users.officer.userId);
  const marked = await officer.post(`/notifications/${first!.id}/read`, { back: '/notifications' });
  assert.equal(marked.status, 303);
  assert.equal(marked.headers.get('location'), '/notifications');
  assert.equal(unreadIn(await (await officer.get('/notifications')).text()), '1');
  assert.equal((await officer.post(`/notifications/${first!.id}/read`, { back: 'https://evil.example/' })).headers.get('location'), '/notifications', 'back only to this site');

  const opened = await officer.get(`/notifications/${second!.id}/open`);
  assert.equal(opened.status, 303);
  assert.equal(opened.headers.get('location'), `/rounds/${w.roundId}/submissions/${w.lao.code}`);
  assert.ok((await idsOf(w.users.officer.userId)).every((n) => n.read_at), 'opening marks it read');
  assert.equal(unreadIn(await (await officer.get('/')).text()), undefined);

  const executive = await signedIn(t, w.users.executive);
  await insertNotifications(t.deps.db, [1, 2, 3].map((i) => ({ userId: w.users.executive.userId, kind: 'reminder', title: `เตือนครั้งที่ ${i}`, body: 'ใกล้ถึงกำหนดส่ง', link: `/rounds/${w.roundId}` })));
  assert.equal(unreadIn(await (await executive.get('/')).text()), '5');
  const all = await executive.post('/notifications/read-all', { back: '/notifications' });
  assert.equal(all.status, 303);
  assert.equal(all.headers.get('location'), '/notifications?done=all&marked=5');
  assert.match(await (await executive.get(all.headers.get('location')!)).text(), /ทำเครื่องหมายว่าอ่านแล้ว 5 รายการ/);
  assert.ok((await idsOf(w.users.executive.userId)).every((n) => n.read_at));
  const audit = await t.deps.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', w.users.executive.userId).where('action', 'like', 'notification.%').execute();
  assert.deepEqual(audit.map((a) => a.action), ['notification.read_all']);
  assert.equal((await t.deps.db.selectFrom('notifications').select('id').where('user_id', '=', w.users.officer2.userId).where('read_at', 'is', null).execute()).length, 2, 'someone else\'s stay unread');
});

test('someone else\'s notification does not exist for me: 404 to mark or open it, and it stays unread', async () => {
  const [theirs] = await idsOf(w.users.officer2.userId);
  const other = await signedIn(t, w.users.otherOfficer);
  assert.equal((await other.post(`/notifications/${theirs!.id}/read`, {})).status, 404);
  assert.equal((await other.get(`/notifications/${theirs!.id}/open`)).status, 404);
  assert.equal((await other.post('/notifications/read-all', {})).status, 303);
  assert.equal((await idsOf(w.users.officer2.userId)).filter((n) => !n.read_at).length, 2);
  for (const bad of ['abc', '0x10', '99999999999999999999', '-1']) assert.equal((await other.get(`/notifications/${bad}/open`)).status, 404, bad);
  assert.equal((await other.post(`/notifications/${theirs!.id}/read`, {}, { csrf: null })).status, 403, 'CSRF checked');
  const anonymous = await new Browser(t.app).get('/notifications');
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location') ?? '', /^\/sign-in/);
});

test('a stored link that leaves the site is never followed: opening it lands on the list', async () => {
  const links = ['https://evil.example/phish', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/\t/evil.example'];
  await insertNotifications(t.deps.db, links.map((link) => ({ userId: w.users.officer2.userId, kind: 'reminder', title: 'ลิงก์แปลก', body: 'ทดสอบ', link })));
  const officer2 = await signedIn(t, w.users.officer2);
  const rows = (await t.deps.db.selectFrom('notifications').select(['id', 'link']).where('user_id', '=', w.users.officer2.userId).where('title', '=', 'ลิงก์แปลก').execute());
  for (const row of rows) {
    const res = await officer2.get(`/notifications/${row.id}/open`);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/notifications', row.link!);
  }
});

test('many notifications come a page at a time; odd page numbers are read sensibly', async () => {
  await insertNotifications(t.deps.db, Array.from({ length: 35 }, (_, i) => ({ userId: w.users.otherOfficer.userId, kind: 'reminder', title: `รายการที่ ${i + 1}`, body: 'ทดสอบ', link: null })));
  const other = await signedIn(t, w.users.otherOfficer);
  const first = await (await other.get('/notifications')).text();
  assert.match(first, /หน้า 1 จาก 2/);
  assert.match(first, /รายการที่ 35</);
  assert.doesNotMatch(first, /รายการที่ 5</);
  for (const page of ['2', '999', 'abc', '-3', '1e9', 'x'.repeat(10_000)]) {
    const res = await other.get(`/notifications?page=${encodeURIComponent(page)}`);
    assert.equal(res.status, 200, page.slice(0, 10));
  }
  assert.match(await (await other.get('/notifications?page=999')).text(), /รายการที่ 1</, 'past the end: the last page');
});
