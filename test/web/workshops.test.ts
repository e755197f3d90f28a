import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { bangkokInstant } from '../../src/domain/dates/bangkok-time.ts';
import { createLao, createUserWithRole, type TestUser } from '../support/factories.ts';
import { signedIn } from '../support/submission-pages.ts';
import { Browser, createTestApp, testOrigin, type TestApp } from '../support/web.ts';
import { makeZip } from '../support/zip.ts';
import { buildEntryWorld, type EntryWorld } from '../submissions/support.ts';

// Workshops as their users meet them (seed 001): the owner announces one with its documents, LAOs of the audience
// register their people, the owner exports the list; nobody else's attendees leak; bad input gets 422 in Thai at
// the field with the values kept, never a 500. And the help panel on a data-entry page.
let t: TestApp;
let w: EntryWorld;
const b = {} as Record<'owner' | 'officer' | 'executive' | 'otherOfficer' | 'district' | 'faraway', Browser>;
let workshopId = 0;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  await createLao(t.deps.db, { code: '8200001', nameTh: 'เทศบาลตำบลไกล', laoType: 'subdistrict', districtCode: '2001' });
  const users: Record<keyof typeof b, TestUser> = {
    owner: await createUserWithRole(t.deps, 'programme_admin', 'TH'), officer: w.users.officer, executive: w.users.executive, otherOfficer: w.users.otherOfficer,
    district: w.users.district, faraway: await createUserWithRole(t.deps, 'lao_officer', '8200001'),
  };
  for (const [k, u] of Object.entries(users)) b[k as keyof typeof b] = await signedIn(t, u);
});
after(() => t.close());

const html = async (res: Response, status: number) => {
  const body = await res.text();
  assert.equal(res.status, status, body.slice(body.indexOf('<main'), body.indexOf('<main') + 800));
  return body;
};
const text = (h: string) => h.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
/** The block of one field (label, hint, message, input) by its id. */
const field = (h: string, id: string) => {
  const at = h.indexOf(`id="${id}"`);
  assert.ok(at > 0, `no field ${id}`);
  return h.slice(h.lastIndexOf('<div class="field', at), h.indexOf('</div>', at) + 6);
};
const programmeId = async () => String((await t.deps.db.selectFrom('programmes').select('id').where('code', '=', 'odloc-minimum-standards').executeTakeFirstOrThrow()).id);
const announcement = async (over: Record<string, string> = {}) => ({
  programmeId: await programmeId(), title: 'ประชุมเชิงปฏิบัติการชี้แจงแนวทางการประเมินมาตรฐานขั้นต่ำ ประจำปี พ.ศ. 2568', date: '15/08/2568', startTime: '09:00', endTime: '12:00',
  onlineUrl: 'https://odloc.webex.com/meet/standards2568', place: '', provinceCodes: '22', registrationClosesDate: '10/08/2568', registrationClosesTime: '16:30',
  maxAttendeesPerLao: '2', description: 'ชี้แจงตัวชี้วัดและการบันทึกข้อมูลในระบบ\nสอบถาม: ตามหนังสือแจ้งของจังหวัด', ...over,
});
async function upload(who: Browser, fileName: string, bytes: Buffer, title = ''): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', who.csrf());
  form.set('title', title);
  form.set('file', new File([new Uint8Array(bytes)], fileName, { type: 'application/octet-stream' }));
  return t.app.request(`/workshops/${workshopId}/documents`, { method: 'POST', body: form, headers: { cookie: who.cookieHeader(), origin: testOrigin } });
}
const person = (name: string, over: Record<string, string> = {}) => ({ orgUnitId: String(w.lao.id), name, position: 'นักวิเคราะห์นโยบายและแผน', phone: '081 234 5678', email: '', ...over });

test('the owner announces a workshop; bad input comes back 422 in Thai at each field with every value kept', async () => {
  assert.equal((await b.officer.get('/workshops/new')).status, 403, 'LAO people do not announce');
  const bad = await html(await b.owner.post('/workshops/new', await announcement({ title: 'อบรมการกรอกข้อมูล', onlineUrl: 'http://odloc.webex.com/meet/x', date: '31/02/2568', endTime: '25:00', maxAttendeesPerLao: 'สอง' })), 422);
  assert.match(bad, /class="error-summary"/);
  assert.match(field(bad, 'workshop-onlineUrl'), /id="workshop-onlineUrl-error">[^<]*https:\/\//);
  assert.match(field(bad, 'workshop-onlineUrl'), /value="http:\/\/odloc.webex.com\/meet\/x"/);
  assert.match(field(bad, 'workshop-date'), /ไม่มีวันที่นี้ในปฏิทิน/);
  assert.match(field(bad, 'workshop-maxAttendeesPerLao'), /กรอกจำนวนเต็ม 1–100/);
  assert.match(bad, /value="อบรมการกรอกข้อมูล"/);
  assert.match(bad, /<input type="checkbox" id="workshop-provinceCodes-22" name="provinceCodes" value="22" checked=""/);
  const late = await html(await b.owner.post('/workshops/new', await announcement({ registrationClosesDate: '20/08/2568', endTime: '08:00' })), 422);
  assert.match(late, /เวลาสิ้นสุดต้องหลังเวลาเริ่ม/);
  assert.match(late, /วันปิดรับลงทะเบียนต้องไม่หลังเวลาสิ้นสุดการอบรม/);

  const res = await b.owner.post('/workshops/new', await announcement());
  assert.equal(res.status, 303);
  workshopId = Number(/\/workshops\/(\d+)\/edit/.exec(res.headers.get('location') ?? '')![1]);
  const row = await t.deps.db.selectFrom('workshops').selectAll().where('id', '=', workshopId).executeTakeFirstOrThrow();
  assert.equal(row.starts_at.getTime(), bangkokInstant('2025-08-15', '09:00').getTime(), 'the Bangkok wall clock');
  assert.equal(row.registration_closes_at.getTime(), bangkokInstant('2025-08-10', '16:30:59').getTime(), 'to the minute\u2019s last second');
  assert.deepEqual(row.province_codes, ['22']);
  assert.equal(row.lao_types, null);
  const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'workshop').where('entity_id', '=', String(workshopId)).execute();
  assert.deepEqual(audit.map((a) => a.action), ['workshop.create']);
  const page = text(await html(await b.owner.get(`/workshops/${workshopId}`), 200));
  assert.match(page, /วันศุกร์ที่ 15 สิงหาคม 2568 เวลา 09\.00–12\.00 น\./, 'Buddhist-Era date in Thai');
  assert.match(page, /ลงทะเบียน แก้ไข หรือลบรายชื่อได้ถึง 10 สิงหาคม 2568 16\.30 น\./);
});

test('documents: only PDF, DOCX or XLSX by their bytes; downloadable by the audience only', async () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(20), Buffer.from('IEND')]);
  const refused = await html(await upload(b.owner, 'manual.png', png, 'คู่มือ'), 422);
  assert.match(field(refused, 'document-file'), /รับเฉพาะไฟล์ PDF, DOCX หรือ XLSX/);
  assert.match(refused, /value="คู่มือ"/, 'the title typed is kept');
  const macro = makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }, { name: 'word/vbaProject.bin', data: Buffer.from('x') }]);
  assert.match(field(await html(await upload(b.owner, 'guide.docx', macro), 422), 'document-file'), /มาโคร/);
  assert.match(field(await html(await upload(b.owner, 'manual.docx', pdf), 422), 'document-file'), /เนื้อไฟล์เป็น PDF/);
  assert.equal((await upload(b.officer, 'manual.pdf', pdf)).status, 403, 'LAO people do not upload');

  assert.equal((await upload(b.owner, 'คู่มือการจัดเก็บข้อมูล 2568.pdf', pdf, 'คู่มือการจัดเก็บและแบบรวบรวมข้อมูล')).status, 303);
  const docx = makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
  assert.equal((await upload(b.owner, 'user-guide.docx', docx)).status, 303);
  const docs = await t.deps.db.selectFrom('workshop_documents').select(['id', 'title']).where('workshop_id', '=', workshopId).orderBy('id').execute();
  assert.deepEqual(docs.map((d) => d.title), ['คู่มือการจัดเก็บและแบบรวบรวมข้อมูล', 'user-guide.docx'], 'no title: the file name');
  const href = `/workshops/${workshopId}/documents/${docs[0]!.id}`;
  assert.match(await html(await b.officer.get(`/workshops/${workshopId}`), 200), new RegExp(`href="${href}"`));

  const got = await b.officer.get(href);
  assert.equal(got.status, 200);
  assert.deepEqual(Buffer.from(await got.arrayBuffer()), pdf);
  assert.equal(got.headers.get('content-type'), 'application/pdf');
  assert.match(got.headers.get('content-disposition') ?? '', /^attachment;.*filename\*=UTF-8''%E0%B8%84/);
  assert.match(got.headers.get('content-security-policy') ?? '', /sandbox/);
  assert.equal((await b.district.get(href)).status, 200, 'the district office of the province passes it on');
  assert.equal((await b.faraway.get(href)).status, 403, 'an LAO of another province is not in the audience');
  assert.equal((await b.faraway.get(`/workshops/${workshopId}`)).status, 403);
  assert.equal((await new Browser(t.app).get(href)).status, 303, 'signed-in people only');
  assert.equal((await b.officer.get(`/workshops/${workshopId}/documents/999999`)).status, 404);

  assert.equal((await b.owner.post(`/workshops/${workshopId}/documents/${docs[1]!.id}/remove`, {})).status, 303);
  assert.equal((await b.officer.get(`/workshops/${workshopId}/documents/${docs[1]!.id}`)).status, 404);
});

test('an LAO registers its people: Thai messages at the field, values kept, duplicates refused, the limit kept', async () => {
  const base = `/workshops/${workshopId}`;
  const bad = await html(await b.officer.post(`${base}/attendees`, person('', { phone: '08123', email: 'somjai@', position: 'ปลัด' })), 422);
  const id = (f: string) => `attendee-${w.lao.id}-${f}`;
  assert.match(field(bad, id('name')), /กรอกชื่อ-นามสกุล/);
  assert.match(field(bad, id('phone')), /9 หรือ 10 หลัก/);
  assert.match(field(bad, id('phone')), /value="08123"/);
  assert.match(field(bad, id('email')), /value="somjai@"/);
  assert.match(field(bad, id('position')), /value="ปลัด"/);

  assert.equal((await b.officer.post(`${base}/attendees`, person('นางสาวกมลวรรณ ศรีสุข', { phone: '๐๘๑ ๒๓๔ ๕๖๗๘', email: 'kamonwan@example.go.th' }))).status, 303);
  const dup = await html(await b.executive.post(`${base}/attendees`, person('กมลวรรณ  ศรีสุข', { phone: '12' })), 422);
  assert.match(field(dup, id('phone')), /9 หรือ 10 หลัก/, 'the duplicate is told together with the other problems');
  assert.match(field(dup, id('name')), /ลงทะเบียนในนามหน่วยงานของท่านแล้ว/);
  assert.match(field(dup, id('name')), /value="กมลวรรณ  ศรีสุข"/);
  assert.equal((await b.executive.post(`${base}/attendees`, person('นายวีระ รักงาน', { phone: '0 3938 7038 ต่อ 12' }))).status, 303);
  const full = await html(await b.officer.post(`${base}/attendees`, person('นางมาลี มีสุข')), 422);
  assert.match(full, /ลงทะเบียนได้ไม่เกิน 2 คนต่อหน่วยงาน/);
  assert.equal((await b.faraway.post(`${base}/attendees`, { ...person('นายไกล บ้าน'), orgUnitId: String(w.lao.id) })).status, 403, 'not for another LAO');
  assert.equal((await b.district.post(`${base}/attendees`, person('นายอำเภอ ทดสอบ'))).status, 403, 'offices do not register LAOs\u2019 people');

  const mine = text(await html(await b.executive.get(base), 200));
  assert.match(mine, /ลงทะเบียนแล้ว 2 คน · ลงทะเบียนได้อีก 0 คน/);
  assert.match(mine, /นางสาวกมลวรรณ ศรีสุข นักวิเคราะห์นโยบายและแผน 081-234-5678 kamonwan@example\.go\.th/);
  const other = text(await html(await b.otherOfficer.get(base), 200));
  assert.doesNotMatch(other, /กมลวรรณ|วีระ|081-234-5678/, 'another LAO never sees these people');
  assert.match(other, /ผู้เข้าร่วมจากองค์การบริหารส่วนตำบลทดสอบ ลงทะเบียนแล้ว 0 คน/);
  const district = text(await html(await b.district.get(base), 200));
  assert.doesNotMatch(district, /กมลวรรณ|วีระ/, 'offices see counts, not names');
  assert.match(district, /ลงทะเบียนแล้ว 1 อปท\. ผู้เข้าร่วม 2 คน/);

  // corrected, then removed, by the LAO's own people; another LAO's officer is refused
  const row = await t.deps.db.selectFrom('workshop_attendees').select('id').where('name', '=', 'นายวีระ รักงาน').executeTakeFirstOrThrow();
  assert.equal((await b.otherOfficer.get(`${base}/attendees/${row.id}/edit`)).status, 403);
  assert.match(await html(await b.officer.get(`${base}/attendees/${row.id}/edit`), 200), /value="นายวีระ รักงาน"/);
  const badEdit = await html(await b.officer.post(`${base}/attendees/${row.id}/edit`, { name: 'นายวีระ รักงาน', position: '', phone: '0393870381', email: '' }), 422);
  assert.match(field(badEdit, 'attendee-position'), /กรอกตำแหน่ง/);
  assert.match(field(badEdit, 'attendee-phone'), /value="0393870381"/);
  assert.equal((await b.officer.post(`${base}/attendees/${row.id}/edit`, { name: 'นายวีระ รักงาน', position: 'ปลัดเทศบาล', phone: '039 387 038', email: '' })).status, 303);
  assert.equal((await b.otherOfficer.post(`${base}/attendees/${row.id}/remove`, {})).status, 403);
  assert.equal((await b.officer.post(`${base}/attendees/${row.id}/remove`, {})).status, 303);
  assert.equal((await b.executive.post(`${base}/attendees`, person('นายวีระ รักงาน', { position: 'ปลัดเทศบาล' }))).status, 303, 'a place freed is taken again');
  const actions = await t.deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'workshop_attendee').orderBy('id').execute();
  assert.deepEqual(actions.map((a) => a.action), ['workshop_attendee.register', 'workshop_attendee.register', 'workshop_attendee.update', 'workshop_attendee.remove', 'workshop_attendee.register']);
});

test('the announcement on the home page of the audience, with how many of their LAO are registered', async () => {
  const home = text(await html(await b.officer.get('/'), 200));
  assert.match(home, /การอบรมที่กำลังจะจัด/);
  assert.match(home, /ประชุมเชิงปฏิบัติการชี้แจงแนวทางการประเมินมาตรฐานขั้นต่ำ ประจำปี พ\.ศ\. 2568/);
  assert.match(home, /ลงทะเบียนแล้ว 2 คน/);
  assert.match(await html(await b.officer.get('/'), 200), new RegExp(`href="/workshops/${workshopId}"`));
  assert.match(text(await html(await b.otherOfficer.get('/'), 200)), /ลงทะเบียนแล้ว 0 คน/);
  assert.doesNotMatch(text(await html(await b.faraway.get('/'), 200)), /การอบรมที่กำลังจะจัด/, 'not for another province');
  assert.match(await html(await b.officer.get('/workshops'), 200), /<a href="\/workshops" aria-current="page">อบรม\/คู่มือ<\/a>/);
});

test('the owner exports the list (XLSX, CSV with a BOM, counts per province); nobody else can', async () => {
  const base = `/workshops/${workshopId}`;
  for (const who of [b.officer, b.executive, b.district]) {
    assert.equal((await who.get(`${base}/attendees.xlsx`)).status, 403);
    assert.equal((await who.get(`${base}/attendees.csv`)).status, 403);
  }
  const csv = await b.owner.get(`${base}/attendees.csv`);
  assert.equal(csv.status, 200);
  const body = Buffer.from(await csv.arrayBuffer()).toString('utf8');
  assert.ok(body.startsWith('\ufeffรหัส อปท.,ชื่อ อปท.,ประเภท,อำเภอ,จังหวัด,ชื่อ-นามสกุล,ตำแหน่ง,โทรศัพท์,อีเมล,ลงทะเบียนเมื่อ\r\n'));
  assert.match(body, new RegExp(`${w.lao.code},เทศบาลตำบลทดสอบ,เทศบาลตำบล,[^,]+,จันทบุรี,นางสาวกมลวรรณ ศรีสุข,นักวิเคราะห์นโยบายและแผน,081-234-5678,kamonwan@example.go.th,`));
  assert.equal(body.trim().split('\r\n').length, 3);
  const byProvince = Buffer.from(await (await b.owner.get(`${base}/attendees.csv?by=province`)).arrayBuffer()).toString('utf8');
  assert.match(byProvince, /จันทบุรี,1,2\r\nรวม,1,2/);

  const xlsx = await b.owner.get(`${base}/attendees.xlsx`);
  assert.equal(xlsx.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await xlsx.arrayBuffer());
  const list = wb.getWorksheet('รายชื่อผู้ลงทะเบียน')!;
  const rows = list.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[1]!.slice(0, 3), [w.lao.code, 'เทศบาลตำบลทดสอบ', 'เทศบาลตำบล']);
  assert.deepEqual(rows.slice(1).map((r) => r[5]).sort(), ['นางสาวกมลวรรณ ศรีสุข', 'นายวีระ รักงาน']);
  const sum = wb.getWorksheet('สรุปรายจังหวัด')!;
  assert.deepEqual((sum.getRow(5).values as unknown[]).slice(1), ['จันทบุรี', 1, 2]);
  assert.match(text(await html(await b.owner.get(base), 200)), /การลงทะเบียนทั้งหมด ลงทะเบียนแล้ว 1 อปท\. ผู้เข้าร่วม 2 คน/);
});

test('after registration closes nothing changes, and the page says so; bad ids and bodies are never a 500', async () => {
  const base = `/workshops/${workshopId}`;
  const row = await t.deps.db.selectFrom('workshop_attendees').select('id').where('name', '=', 'นางสาวกมลวรรณ ศรีสุข').executeTakeFirstOrThrow();
  const now = t.clock.now();
  t.clock.set(new Date(bangkokInstant('2025-08-10', '16:30:59').getTime() + 1000));
  try {
    assert.match(text(await html(await b.officer.get(base), 200)), /ปิดรับลงทะเบียนแล้ว เพิ่ม แก้ไข หรือลบรายชื่อไม่ได้/);
    assert.match(await html(await b.officer.post(`${base}/attendees/${row.id}/remove`, {}), 422), /ปิดรับลงทะเบียนแล้ว/);
    assert.match(await html(await b.officer.post(`${base}/attendees/${row.id}/edit`, { name: 'นางสาวกมลวรรณ ศรีสุข', position: 'ปลัด', phone: '0812345678' }), 422), /ปิดรับลงทะเบียนแล้ว/);
    assert.equal((await b.officer.get(`${base}/attendees/${row.id}/edit`)).status, 303, 'the edit page sends back to the workshop');
    assert.equal((await t.deps.db.selectFrom('workshop_attendees').select('id').where('workshop_id', '=', workshopId).execute()).length, 2);
  } finally {
    t.clock.set(now);
  }
  for (const path of ['/workshops/abc', '/workshops/999999', `${base}/attendees/999999/edit`, `${base}/documents/abc`, '/workshops/0/edit']) {
    const res = await b.owner.get(path);
    assert.ok([403, 404].includes(res.status), `${path}: ${res.status}`);
  }
  const garbled = await t.app.request(`${base}/documents`, { method: 'POST', body: '--x\r\nnot multipart', headers: { cookie: b.owner.cookieHeader(), origin: testOrigin, 'content-type': 'multipart/form-data; boundary=y' } });
  assert.ok(garbled.status < 500, `garbled multipart: ${garbled.status}`);
  assert.equal((await b.officer.post(`${base}/attendees`, { orgUnitId: 'x', name: 'ก' })).status, 403);
  const edited = await html(await b.owner.post(`${base}/edit`, await announcement({ title: '', onlineUrl: '', place: '', description: 'ก'.repeat(4001) })), 422);
  assert.match(field(edited, 'workshop-description'), /ยาวได้ไม่เกิน 4,000 ตัวอักษร/, 'refused, never silently cut');
  assert.match(field(edited, 'workshop-title'), /กรอกชื่อการอบรม/);
  assert.match(field(edited, 'workshop-onlineUrl'), /อย่างน้อยหนึ่งอย่าง/);
  assert.match(await html(await b.owner.get(`${base}/edit`), 200), /value="https:\/\/odloc.webex.com\/meet\/standards2568"/, 'the stored values, not the bad ones');
});

test('a section page has the help panel: the framework\u2019s help for the section and the general guidance', async () => {
  const page = await html(await b.officer.get(`/rounds/${w.roundId}/submissions/${w.lao.code}/sections/F1-S1`), 200);
  assert.match(page, /<details class="panel-details help-panel" id="help"><summary>วิธีกรอกส่วนนี้<\/summary>/);
  const help = text(page.slice(page.indexOf('id="help"'), page.indexOf('</details>', page.indexOf('id="help"'))));
  assert.match(help, /จำนวนประชากรและครัวเรือนใช้ตัวเลขตามทะเบียนราษฎร/, 'the framework\u2019s text');
  assert.match(help, /จำนวนชุมชนนับทุกแห่งในเขตเทศบาล/, 'its terms in the LAO type\u2019s words');
  assert.match(help, /บันทึกให้เองภายในไม่กี่วินาที/);
  assert.match(help, /เหตุผลที่ค่านี้ต่างจากปีก่อนมาก/);
  assert.match(help, /สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอหรือจังหวัด/);
  assert.doesNotMatch(help, /\d{3}[- ]?\d{3}[- ]?\d{4}|0 \d{4} \d{4}/, 'no phone number invented');
});
