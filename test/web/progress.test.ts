import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Role } from '../../src/domain/access/roles.ts';
import { createUserWithRole, type TestUser } from '../support/factories.ts';
import { signedIn } from '../support/submission-pages.ts';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';
import { buildProgressWorld, type ProgressWorld } from '../progress/support.ts';

// The progress pages as their users meet them: what each role sees and is refused (a district office never sees
// another district), the respondent list with its people, sorting and pages, the spreadsheet read back, and bad
// query strings of any shape answered in Thai with 422, never a 500.
let t: TestApp;
let w: ProgressWorld;
let base: string;
const users = {} as Record<'owner' | 'province' | 'district' | 'committee' | 'officer' | 'executive', TestUser>;
const browsers = {} as Record<keyof typeof users, Browser>;
/** A ชลบุรี LAO of the world (its code): its people are on the list, its submission has a recent audited action. */
const laoCode = '92001003';

before(async () => {
  t = await createTestApp();
  w = await buildProgressWorld(t);
  base = `/rounds/${w.roundId}/progress`;
  const who: [keyof typeof users, Role, string][] = [
    ['owner', 'programme_admin', 'TH'], ['province', 'province_office', '22'], ['district', 'district_office', '2206'], ['committee', 'committee_member', '22'],
    ['officer', 'lao_officer', laoCode], ['executive', 'lao_executive', laoCode],
  ];
  for (const [key, role, unit] of who) {
    users[key] = await createUserWithRole(t.deps, role, unit);
    browsers[key] = await signedIn(t, users[key]);
  }
  // an assignment two days after everything else: the LAO's last activity
  const s = await t.deps.db.selectFrom('submissions').innerJoin('org_units', 'org_units.id', 'submissions.org_unit_id').select('submissions.id').where('org_units.code', '=', laoCode).where('round_id', '=', w.roundId).executeTakeFirstOrThrow();
  await sql`insert into audit_events (occurred_at, action, entity_type, entity_id) values (${new Date(w.now.getTime() - 1000)}, 'submission.assign', 'submission', ${String(s.id)})`.execute(t.deps.db);
});
after(() => t.close());

const page = async (b: Browser, path: string, status = 200) => {
  const res = await b.get(path);
  const html = await res.text();
  assert.equal(res.status, status, `${path}: ${res.status}\n${html.slice(html.indexOf('<main'), html.indexOf('<main') + 600)}`);
  return html;
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

test('the programme owner sees the nation: the figures, each province with its link, the lists and the chase', async () => {
  const html = await page(browsers.owner, base);
  assert.match(html, /<h1>ความก้าวหน้าการส่งข้อมูล: ทั้งประเทศ<\/h1>/);
  const expected = await sql<{ n: number }>`select count(*)::int as n from round_respondents where round_id = ${w.roundId}`.execute(t.deps.db);
  assert.match(text(html), new RegExp(`${expected.rows[0]!.n} อปท\\. ที่ต้องส่ง`));
  for (const province of ['จันทบุรี', 'ชลบุรี', 'นครราชสีมา']) assert.match(html, new RegExp(`<a href="${base}\\?province=\\d\\d">${province}</a>`));
  assert.match(html, new RegExp(`href="${base}/respondents\\?state=late"`));
  assert.match(html, new RegExp(`href="/rounds/${w.roundId}/chase"`), 'the chase (it chases the ones not sent)');
  assert.match(html, new RegExp(`href="${base}.xlsx"`));
  assert.match(html, /<meter class="bar" min="0" max="100" value="[\d.]+" aria-hidden="true">/);
  assert.match(html, /ด้านการศึกษา/);
  assert.match(await page(browsers.owner, `/rounds/${w.roundId}`), new RegExp(`href="${base}"`), 'the round page links here');
});

test('a provincial office sees its province by district, may narrow to one, and is refused another province', async () => {
  const html = await page(browsers.province, base);
  assert.match(html, /<h1>ความก้าวหน้าการส่งข้อมูล: จังหวัดจันทบุรี<\/h1>/);
  assert.match(html, />อำเภอแหลมสิงห์</);
  assert.doesNotMatch(html, /ชลบุรี/);
  assert.match(await page(browsers.province, `${base}?district=2206`), /อำเภอแหลมสิงห์ จังหวัดจันทบุรี/);
  await page(browsers.province, `${base}?province=20`, 403);
  await page(browsers.province, `${base}?district=2001`, 403);
  await page(browsers.province, `${base}/respondents?province=20`, 403);
  await page(browsers.province, `${base}.xlsx?province=20`, 403);
  assert.match(await page(browsers.province, '/'), new RegExp(`<a href="${base}">ODLOC 2568 ความก้าวหน้า</a>`), 'the home page leads here');
  assert.doesNotMatch(await page(browsers.officer, '/'), /\/progress/);
});

test('a district office sees its district only: not the province, not another district', async () => {
  const html = await page(browsers.district, base);
  assert.match(html, /<h1>ความก้าวหน้าการส่งข้อมูล: อำเภอแหลมสิงห์ จังหวัดจันทบุรี<\/h1>/);
  assert.doesNotMatch(html, /รายอำเภอ/);
  for (const q of ['?district=2201', '?province=22', '?province=20', '?district=2001']) {
    await page(browsers.district, `${base}${q}`, 403);
    await page(browsers.district, `${base}/respondents${q}`, 403);
  }
  const list = await page(browsers.district, `${base}/respondents`);
  const codes = [...list.matchAll(/\/submissions\/([^"/]+)"/g)].map((m) => m[1]!);
  assert.ok(codes.length > 10 && codes.every((c) => c.startsWith('92206')), codes.join(','));
});

test('a committee member follows the figures but gets no names, no e-mail addresses', async () => {
  const html = await page(browsers.committee, base);
  assert.doesNotMatch(html, /\/respondents/);
  assert.doesNotMatch(html, /\/chase/);
  await page(browsers.committee, `${base}/respondents`, 403);
  const res = await browsers.committee.get(`${base}.xlsx`);
  assert.equal(res.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((s) => s.name), ['สรุป']);
});

test("an LAO's own people are refused, and a visitor is sent to sign in", async () => {
  for (const path of [base, `${base}/respondents`, `${base}.xlsx`]) {
    await page(browsers.officer, path, 403);
    await page(browsers.executive, path, 403);
    const res = await new Browser(t.app).get(path);
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/sign-in/);
  }
  await page(browsers.owner, '/rounds/999999/progress', 404);
  await page(browsers.owner, '/rounds/abc/progress/respondents', 404);
});

test('wrong choices are answered in Thai at the field with 422, the values kept', async () => {
  const cases: [string, RegExp][] = [
    ['?province=ab', /รหัสจังหวัดเป็นตัวเลข 2 หลัก/],
    ['?province=99', /ไม่พบจังหวัดรหัส 99/],
    ['?district=12', /รหัสอำเภอเป็นตัวเลข 4 หลัก/],
    ['?district=9999', /ไม่พบอำเภอรหัส 9999/],
    ['?province=20&district=2206', /อำเภอแหลมสิงห์ไม่อยู่ในจังหวัดชลบุรี/],
    ['?type=village', /เลือกประเภท อปท\. จากรายการ/],
    ['?type=special', /รอบนี้ไม่มี อปท\. ประเภทนี้/],
  ];
  for (const [q, message] of cases) {
    const html = await page(browsers.owner, `${base}${q}`, 422);
    assert.match(html, message, q);
    assert.match(html, /class="error-summary"/);
  }
  const html = await page(browsers.owner, `${base}/respondents?state=lost&sort=up&page=0`, 422);
  for (const m of [/เลือกสถานะจากรายการ/, /เลือกการเรียงลำดับจากรายการ/, /เลขหน้าต้องเป็นตัวเลข/]) assert.match(html, m);
  assert.match(await page(browsers.owner, `${base}?province=99`, 422), /<option value="22"/, 'the provinces to choose from');
});

test('no query string of any shape gets a 500', async () => {
  const odd = ['?province=%00', `?province=${'9'.repeat(5000)}`, '?province=22&province=20', '?district=%E0%B8', '?type[]=sao', '?page=99999999999', '?page=-1',
    '?sort=%27%3B%20drop%20table', '?state=', '?province=+22+', '?district=2206%0A', '?%=%', '?type=__proto__', '?state=constructor'];
  for (const q of odd) {
    for (const path of [base, `${base}/respondents`, `${base}.xlsx`]) {
      const res = await browsers.owner.get(`${path}${q}`);
      assert.ok([200, 422].includes(res.status), `${path}${q}: ${res.status}`);
    }
  }
});

test('the list: each LAO with its state, deadline, last activity, its people and e-mail, linked to its submission', async () => {
  const html = await page(browsers.owner, `${base}/respondents?province=20`);
  const row = html.slice(html.indexOf(`/submissions/${laoCode}"`), html.indexOf('</tr>', html.indexOf(`/submissions/${laoCode}"`)));
  assert.match(row, /อปท\.ทดสอบ 2001-003/);
  assert.match(row, new RegExp(`href="mailto:${users.officer.email}"`));
  assert.match(row, /เจ้าหน้าที่ อปท\./);
  assert.match(row, /ผู้บริหาร อปท\./);
  assert.match(row, /data-label="กำหนดส่งของหน่วย"><span class="date">30 ส\.ค\. 2568 23\.59 น\.<\/span>/, 'the extension for everyone moved it a day');
  assert.match(html, new RegExp(`href="/rounds/${w.roundId}/chase\\?province=20"`));
  assert.match(await page(browsers.owner, `${base}/respondents?province=20&state=overdue`), new RegExp(`href="/rounds/${w.roundId}/chase\\?province=20&amp;state=late"`), 'what this page calls overdue, the chase calls late');
});

test('the list sorts by last activity, filters by state, and pages by a hundred', async () => {
  const recent = await page(browsers.owner, `${base}/respondents?sort=recent`);
  assert.equal([...recent.matchAll(/\/submissions\/([^"/]+)"/g)][0]![1], laoCode, 'the latest audited action first');
  const late = await page(browsers.owner, `${base}/respondents?state=late`);
  const n = Number(/ส่งล่าช้า ([\d,]+) หน่วย/.exec(text(late))![1]!.replace(/,/g, ''));
  assert.equal([...late.matchAll(/class="tag tag-warning">ส่งล่าช้า</g)].length, n);
  const first = await page(browsers.owner, `${base}/respondents`);
  assert.match(text(first), /แสดง 1–100/);
  assert.equal([...first.matchAll(/\/submissions\/[^"/]+"/g)].length, 100);
  assert.match(first, new RegExp(`href="${base}/respondents\\?page=2">ถัดไป`));
  const third = await page(browsers.owner, `${base}/respondents?page=3`);
  assert.ok([...third.matchAll(/\/submissions\/[^"/]+"/g)].length > 0);
  assert.match(await page(browsers.owner, `${base}/respondents?page=40`), /หน้านี้ไม่มีรายชื่อ/);
});

test('the spreadsheet reads back: the summary as on the page, every respondent with its people', async () => {
  const res = await browsers.owner.get(`${base}.xlsx?province=20`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
  assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="progress-\d+-20\.xlsx"/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((s) => s.name), ['สรุป', 'รายชื่อหน่วย']);
  const summary = wb.getWorksheet('สรุป')!;
  assert.match(String(summary.getCell('A2').value), /จังหวัดชลบุรี/);
  const header = summary.getRow(5).values as unknown[];
  assert.deepEqual(header.slice(2, 6), ['ต้องส่ง', 'เริ่มแล้ว', 'ยังไม่เริ่ม', 'ส่งแล้ว']);
  const total = summary.getRow(6).values as unknown[];
  const counted = await sql<{ n: number; sent: number }>`select count(*)::int as n, count(*) filter (where s.state in ('submitted', 'accepted'))::int as sent
    from round_respondents rr left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id where rr.round_id = ${w.roundId} and rr.province_code = '20'`.execute(t.deps.db);
  assert.deepEqual([total[1], total[2], total[5]], ['รวม', counted.rows[0]!.n, counted.rows[0]!.sent]);
  const list = wb.getWorksheet('รายชื่อหน่วย')!;
  assert.equal(list.rowCount - 1, counted.rows[0]!.n);
  const lao = list.getRows(2, list.rowCount - 1)!.find((r) => r.getCell(1).value === laoCode)!;
  assert.match(String(lao.getCell(12).value), new RegExp(users.officer.email));
});
