import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { closeDocumentBrowser, configureDocumentBrowser } from '../../src/documents/index.ts';
import { defaultDuties } from '../../src/domain/committees/committee.ts';
import { findOrgUnitByAnyCode } from '../../src/db/queries/org-units.ts';
import { insertMembership } from '../../src/db/queries/access.ts';
import { assertThaiRuns, documentXml, runText } from '../documents/docx-runs.ts';
import { fakeEmblem } from '../documents/samples.ts';
import { pdfToPngs, readPdf, unzip } from '../documents/read-back.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { uploadEmblem } from '../../src/services/documents/emblem-upload.ts';
import { createUserWithRole, type TestUser } from '../support/factories.ts';
import { signedIn } from '../support/submission-pages.ts';
import { createTestApp, type Browser, type TestApp } from '../support/web.ts';

// The committee page of a province: its office appoints members (accounts, office positions, named persons), keeps
// the model order's duties as a marked example until edited, and prints the appointment order; members read it;
// every problem answers at its field with what was typed kept; a stale form does not overwrite a newer save.

const meta = { actorUserId: null, ip: null, requestId: 'test' };
const outDir = path.resolve(import.meta.dirname, '../../.tmp/documents');
const page = '/provinces/22/committee';
let t: TestApp;
let office: Browser;
let reader: Browser;
let district: Browser;
let users: Record<'office' | 'officer' | 'reader' | 'district' | 'elsewhere', TestUser>;

before(async () => {
  configureDocumentBrowser({ chromiumPath: process.env.CHROMIUM_PATH || undefined });
  t = await createTestApp();
  users = {
    office: await createUserWithRole(t.deps, 'province_office', '22'),
    officer: await createUserWithRole(t.deps, 'district_office', '2206'),
    reader: await createUserWithRole(t.deps, 'committee_member', '22'),
    district: await createUserWithRole(t.deps, 'district_office', '2201'),
    elsewhere: await createUserWithRole(t.deps, 'district_office', '2001'),
  };
  [office, reader, district] = await Promise.all([signedIn(t, users.office), signedIn(t, users.reader), signedIn(t, users.district)]);
});
after(async () => {
  await closeDocumentBrowser();
  await t.close();
});

const body = async (res: Response) => res.text();
const memberForm = (extra: Record<string, string>) => ({ kind: 'person', position: 'member', userId: '', officeCode: '', name: '', positionTitle: '', agency: '', ...extra });

test('before anything is saved, the page shows the model order\'s title and duties, marked as an example', async () => {
  const res = await office.get(page);
  assert.equal(res.status, 200);
  const html = await body(res);
  assert.match(html, /คณะกรรมการติดตามการดำเนินงานตามคู่มือมาตรฐานการให้บริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น จังหวัดจันทบุรี/);
  assert.match(html, /ค่าตัวอย่าง — แก้ไขตามคำสั่งจังหวัด/);
  assert.match(html, /เพิ่มกรรมการ/);
  assert.equal((await district.get(page)).status, 403, 'a district office outside the committee does not see it');
});

test('a problem answers at its field with what was typed kept, and nothing is saved', async () => {
  const res = await office.post(`${page}/members`, memberForm({ kind: 'person', name: '', positionTitle: 'ผู้ทรงคุณวุฒิด้านผังเมือง' }));
  assert.equal(res.status, 422);
  const html = await body(res);
  assert.match(html, /href="#member-name">ใส่ชื่อ-สกุลของกรรมการ/);
  assert.match(html, /value="ผู้ทรงคุณวุฒิด้านผังเมือง"/);
  const foreign = await office.post(`${page}/members`, memberForm({ kind: 'user', userId: users.elsewhere.userId }));
  assert.equal(foreign.status, 422);
  assert.match(await body(foreign), /เลือกผู้ใช้งานของจังหวัดนี้จากรายการ/, 'an account of another province cannot be appointed');
  const badDate = await office.post(`${page}/order`, { version: '0', orderNo: '1/2570', orderDate: '31/02/2570', signatoryName: '', signatoryPosition: '' });
  assert.equal(badDate.status, 422);
  assert.match(await body(badDate), /ไม่มีวันที่นี้ในปฏิทิน/);
  assert.equal((await t.deps.db.selectFrom('committee_members').select('id').execute()).length, 0);
});

test('members are placed as the model order lists them, moved, and removed with only the role their appointment gave', async () => {
  const ok = async (form: Record<string, string>) => assert.equal((await office.post(`${page}/members`, memberForm(form))).status, 303);
  await ok({ kind: 'person', position: 'adviser', name: 'นายสมชาย ใจดี', positionTitle: 'ผู้อำนวยการสำนักงานโยธาธิการและผังเมืองจังหวัด' });
  await ok({ kind: 'user', position: 'secretary', userId: users.officer.userId });
  await ok({ kind: 'office', position: 'chair', officeCode: 'PO22' });
  await ok({ kind: 'user', position: 'member', userId: users.reader.userId });
  const rows = () => t.deps.db.selectFrom('committee_members').select(['id', 'committee_position as p', 'user_id', 'membership_id']).orderBy('sort_order').execute();
  let members = await rows();
  assert.deepEqual(members.map((m) => m.p), ['adviser', 'chair', 'member', 'secretary']);
  // The reader already held the committee role: the appointment made none, so removing them leaves theirs.
  const readerRow = members.find((m) => m.user_id === users.reader.userId)!;
  assert.equal(readerRow.membership_id, null);
  const officerRow = members.find((m) => m.user_id === users.officer.userId)!;
  assert.ok(officerRow.membership_id);

  assert.equal((await office.post(`${page}/members/${officerRow.id}/move`, { direction: 'up' })).status, 303);
  members = await rows();
  assert.deepEqual(members.map((m) => m.p), ['adviser', 'chair', 'secretary', 'member']);

  const roles = (userId: string) => t.deps.db.selectFrom('memberships').select('id').where('user_id', '=', userId).where('role', '=', 'committee_member').execute();
  assert.equal((await office.post(`${page}/members/${readerRow.id}/remove`, {})).status, 303);
  assert.equal((await roles(users.reader.userId)).length, 1, 'a role held before the appointment stays');
  // The secretary can open the committee page now, and loses it when taken off.
  const officer = await signedIn(t, users.officer);
  assert.equal((await officer.get(page)).status, 200);
  assert.equal((await office.post(`${page}/members/${officerRow.id}/remove`, {})).status, 303);
  assert.equal((await roles(users.officer.userId)).length, 0, 'the role the appointment gave is taken back');
  assert.equal((await officer.get(page)).status, 403);
  await ok({ kind: 'user', position: 'secretary', userId: users.officer.userId });
  const audit = await t.deps.db.selectFrom('audit_events').select('action').where('action', 'in', ['committee.member_add', 'committee.member_move', 'committee.member_remove', 'role_granted', 'role_revoked']).execute();
  assert.deepEqual(
    Object.fromEntries(['committee.member_add', 'committee.member_move', 'committee.member_remove', 'role_granted', 'role_revoked'].map((a) => [a, audit.filter((x) => x.action === a).length])),
    { 'committee.member_add': 5, 'committee.member_move': 1, 'committee.member_remove': 2, role_granted: 2, role_revoked: 1 },
  );
});

test('the duties stay an example until edited; a stale form does not overwrite a newer save', async () => {
  const committee = () => t.deps.db.selectFrom('committees').select(['version', 'duties', 'duties_example']).executeTakeFirstOrThrow();
  const before = await committee();
  assert.equal(before.duties_example, true);
  assert.equal(before.duties, defaultDuties);
  const kept = await office.post(page, { version: String(before.version), title: 'คณะกรรมการติดตามฯ จังหวัดจันทบุรี', duties: `${defaultDuties}\n` });
  assert.equal(kept.status, 303);
  assert.equal((await committee()).duties_example, true, 'the same words are still the example');
  const now = await committee();
  const edited = await office.post(page, { version: String(now.version), title: 'คณะกรรมการติดตามฯ จังหวัดจันทบุรี', duties: 'ให้คำปรึกษาแนะนำ อปท.\nรายงานกรมทุกไตรมาส' });
  assert.equal(edited.status, 303);
  assert.equal((await committee()).duties_example, false);
  assert.doesNotMatch(await body(await office.get(page)), /ค่าตัวอย่าง — แก้ไขตามคำสั่งจังหวัด/);
  const stale = await office.post(page, { version: String(now.version), title: 'ชื่อเก่า', duties: 'ข้อความเก่า' });
  assert.equal(stale.status, 409);
  assert.match(await body(stale), /มีผู้อื่นบันทึกข้อมูลคณะกรรมการ/);
  assert.equal((await committee()).duties, 'ให้คำปรึกษาแนะนำ อปท.\nรายงานกรมทุกไตรมาส');
});

test('a committee member reads the committee but changes nothing', async () => {
  const res = await reader.get(page);
  assert.equal(res.status, 200);
  const html = await body(res);
  assert.doesNotMatch(html, /<form method="post" action="\/provinces\/22\/committee\/members"/);
  assert.match(html, /ให้คำปรึกษาแนะนำ อปท\./);
  assert.equal((await reader.post(`${page}/members`, memberForm({ name: 'ใครก็ได้' }))).status, 403);
  assert.equal((await reader.post(page, { version: '99', title: 'x', duties: 'y' })).status, 403);
});

test('the appointment order, as PDF and DOCX, from the committee as saved: Garuda, members, duties, number, date, signatory', async () => {
  const province = await findOrgUnitByAnyCode(t.deps.db, '22');
  await insertMembership(t.deps.db, { userId: users.reader.userId, role: 'committee_member', orgUnitId: province!.id, officeUnitId: null, createdBy: null });
  const order = await office.post(`${page}/order`, { version: String((await t.deps.db.selectFrom('committees').select('version').executeTakeFirstOrThrow()).version), orderNo: '278/2570', orderDate: '17/03/2570', signatoryName: 'นายกฤษณ์ คงเมือง', signatoryPosition: 'ผู้ว่าราชการจังหวัดจันทบุรี' });
  assert.equal(order.status, 303);
  const owner = (await loadActor(t.deps.db, (await createUserWithRole(t.deps, 'programme_admin', 'TH')).userId))!;
  const uploaded = await uploadEmblem(t.deps, owner, { fileName: 'garuda.png', bytes: fakeEmblem().png }, meta);
  assert.ok(uploaded.ok, JSON.stringify(uploaded));

  const pdf = await reader.get(`${page}/order.pdf`);
  assert.equal(pdf.status, 200);
  const bytes = Buffer.from(await pdf.arrayBuffer());
  const pages = await readPdf(bytes);
  const text = pages.flatMap((p) => p.lines).join('\n').replace(/\s+/g, '');
  for (const s of ['คำสั่งจังหวัดจันทบุรี', 'ที่278/2570', 'ท้องถิ่นจังหวัดจันทบุรี', 'ประธานกรรมการ', 'ที่ปรึกษา', 'นายสมชายใจดี', 'ให้คณะกรรมการมีอำนาจหน้าที่ดังนี้', '1.ให้คำปรึกษาแนะนำอปท.', '2.รายงานกรมทุกไตรมาส', 'ทั้งนี้ตั้งแต่บัดนี้เป็นต้นไป', 'สั่งณวันที่17มีนาคมพ.ศ.2570', '(นายกฤษณ์คงเมือง)']) {
    assert.ok(text.includes(s), `the order reads "${s}"`);
  }
  assert.ok(Math.abs(pages[0]!.widthPt - 595) < 2, 'A4 portrait');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'committee-order.pdf'), bytes);
  (await pdfToPngs(bytes, 80))?.forEach((png, i) => writeFileSync(path.join(outDir, `committee-order-${i + 1}.png`), png));

  const thai = await office.get(`${page}/order.docx?digits=thai`);
  assert.equal(thai.status, 200);
  const xml = documentXml(Buffer.from(await thai.arrayBuffer()));
  assertThaiRuns(xml);
  const words = runText(xml);
  assert.match(words, /๒๗๘\/๒๕๗๐/, 'Thai digits when asked');
  assert.match(words, /กรรมการและเลขานุการ/);
  assert.ok([...unzip(Buffer.from(await (await office.get(`${page}/order.docx`)).arrayBuffer())).keys()].some((k) => k.startsWith('word/media/')), 'the Garuda is in the Word copy');
  assert.equal((await district.get(`${page}/order.docx`)).status, 403);
});
