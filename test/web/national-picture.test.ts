import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { insertSubmissions, insertValues } from '../../src/db/queries/submissions.ts';
import { bangkokInstant, endOfBangkokDay } from '../../src/domain/dates/bangkok-time.ts';
import type { LaoType } from '../../src/domain/org/lao-type.ts';
import { answerKey, type Answers } from '../../src/domain/submission/check-section.ts';
import type { StoredValue } from '../../src/domain/submission/parse-field-value.ts';
import { demoAnswers } from '../../src/services/demo/demo-values.ts';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { loadFrameworkVersion } from '../../src/services/framework/load-framework-version.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { loadNationalPicture } from '../../src/services/national-picture/load-national-picture.ts';
import { openDataColumns } from '../../src/services/national-picture/open-data-columns.ts';
import { refreshResults } from '../../src/services/results/refresh-results.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { closeDocumentBrowser } from '../../src/documents/index.ts';
import { readPdf } from '../documents/read-back.ts';
import { createLao, createUserWithRole, type TestUser } from '../support/factories.ts';
import { signedIn } from '../support/submission-pages.ts';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';

// The picture of a round: pass rates equal to a direct count of the stored results of respondents that sent their
// data (drafts left out); each office sees its own reach; the public picture and the open data exist only once the
// round is published; the files hold no one's personal data; the charts are well-formed SVG with Thai labels; the
// PDF report reads back.

const meta = { actorUserId: null, ip: null, requestId: 'test' };
let t: TestApp;
let roundId: number;
let users: Record<'owner' | 'province' | 'district' | 'officer', TestUser>;
const laos: { code: string; name: string; type: LaoType; district: string; state: 'submitted' | 'accepted' | 'in_progress' | null }[] = [
  { code: '9220101', name: 'เทศบาลตำบลหนึ่ง', type: 'subdistrict', district: '2201', state: 'submitted' },
  { code: '9220102', name: 'องค์การบริหารส่วนตำบลสอง', type: 'sao', district: '2201', state: 'accepted' },
  { code: '9220103', name: 'องค์การบริหารส่วนตำบลสาม', type: 'sao', district: '2201', state: 'in_progress' },
  { code: '9220601', name: 'เทศบาลเมืองสี่', type: 'town', district: '2206', state: 'submitted' },
  { code: '9220602', name: 'องค์การบริหารส่วนตำบลห้า', type: 'sao', district: '2206', state: null },
  { code: '9200101', name: 'เทศบาลตำบลหก', type: 'subdistrict', district: '2001', state: 'submitted' },
  { code: '9200102', name: 'องค์การบริหารส่วนตำบลเจ็ด', type: 'sao', district: '2001', state: 'submitted' },
];
const draftCode = '9220103';

async function openRound(version: string, fiscalYear: number, title: string): Promise<number> {
  const v = await t.deps.db.selectFrom('framework_versions').select(['id', 'programme_id']).where('code', '=', version).executeTakeFirstOrThrow();
  const { roundId: id } = await createRound(t.deps, null, {
    programmeId: v.programme_id, frameworkVersionId: v.id, title, fiscalYear, quarter: null,
    opensAt: bangkokInstant(`${fiscalYear - 543}-07-01`), dueAt: endOfBangkokDay(`${fiscalYear - 543}-08-29`), lateUntil: endOfBangkokDay(`${fiscalYear - 543}-08-29`),
    editClosesAt: endOfBangkokDay(`${fiscalYear - 543}-10-31`), laoTypes: null, provinceCodes: null, excludedProvinceCodes: [],
  }, meta);
  t.clock.set(bangkokInstant(`${fiscalYear - 543}-07-02`));
  await changeRoundState(t.deps, null, { roundId: id, to: 'open' }, meta);
  return id;
}

/** Answers and results for the respondents, as saves would leave them (a draft has results too). */
async function fill(id: number, plan: { code: string; state: 'submitted' | 'accepted' | 'in_progress' | null; type: LaoType }[], by: string | null): Promise<void> {
  const round = await t.deps.db.selectFrom('rounds').select('framework_version_id').where('id', '=', id).executeTakeFirstOrThrow();
  const { doc } = await loadFrameworkVersion(t.deps.db, { id: round.framework_version_id });
  const units = new Map((await t.deps.db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'lao').execute()).map((u) => [u.code, Number(u.id)]));
  const sent = plan.filter((p) => p.state);
  const ids = await insertSubmissions(t.deps.db, id, sent.map((p) => ({ orgUnitId: units.get(p.code)!, state: p.state!, startedAt: t.clock.now(), submittedAt: p.state === 'in_progress' ? null : t.clock.now(), submittedBy: p.state === 'in_progress' ? null : by })));
  const values = sent.flatMap((p) => demoAnswers(doc, p.type, p.code).map((a) => ({ orgUnitId: units.get(p.code)!, ...a })));
  await insertValues(t.deps.db, ids, values, by);
  await refreshResults(t.deps.db, sent.map((p) => ({
    submissionId: ids.get(units.get(p.code)!)!, frameworkVersionId: round.framework_version_id, doc, audience: p.type,
    answers: new Map(values.filter((v) => v.orgUnitId === units.get(p.code)).map((v) => [answerKey(v.fieldKey, v.itemCode), v.value as StoredValue])) as Answers,
  })), t.clock.now());
}

before(async () => {
  t = await createTestApp();
  for (const name of ['odloc-minimum-standards-2567.yaml', 'odloc-minimum-standards-2568.yaml']) {
    const r = await importFramework(t.deps, null, { bytes: fs.readFileSync(path.resolve(import.meta.dirname, '../../frameworks', name)), fileName: name }, meta);
    assert.ok(r.ok, name);
  }
  for (const l of laos) await createLao(t.deps.db, { code: l.code, nameTh: l.name, laoType: l.type, districtCode: l.district });
  users = {
    owner: await createUserWithRole(t.deps, 'programme_admin', 'TH'), province: await createUserWithRole(t.deps, 'province_office', '22'),
    district: await createUserWithRole(t.deps, 'district_office', '2201'), officer: await createUserWithRole(t.deps, 'lao_executive', '9220101'),
  };
  // Last year (2567, another framework version: indicators map through `previous`), closed with every LAO sent.
  const lastYear = await openRound('odloc-2567', 2567, 'ODLOC 2567 ทดสอบ');
  await fill(lastYear, laos.map((l) => ({ ...l, state: 'submitted' })), users.officer.userId);
  await changeRoundState(t.deps, null, { roundId: lastYear, to: 'closed' }, meta);
  roundId = await openRound('odloc-2568', 2568, 'ODLOC 2568 ทดสอบ');
  await fill(roundId, laos, users.officer.userId);
});
after(async () => {
  await closeDocumentBrowser();
  await t.close();
});

/** Pass rates counted straight from the tables: met ÷ (met + needs development), submitted or accepted only. */
async function directCounts(group: 'r.indicator_code' | 'rr.lao_type' | 'rr.province_code', where = sql`true`) {
  const rows = await sql<{ key: string; met: number; judged: number }>`
    select ${sql.raw(group)} as key, count(*) filter (where r.state = 'met')::int as met,
      count(*) filter (where r.state in ('met', 'needs_development'))::int as judged
    from results r join submissions s on s.id = r.submission_id
    join round_respondents rr on rr.round_id = s.round_id and rr.org_unit_id = s.org_unit_id
    where s.round_id = ${roundId} and s.state in ('submitted', 'accepted') and ${where}
    group by 1`.execute(t.deps.db);
  return new Map(rows.rows.map((r) => [r.key, r]));
}

test('pass rates per indicator, LAO type and province equal a direct count of submitted results; drafts are left out', async () => {
  const owner = (await loadActor(t.deps.db, users.owner.userId))!;
  const p = await loadNationalPicture(t.deps, owner, { roundId, laoType: null, provinceCode: null });
  const rate = (c: { met: number; judged: number } | undefined) => (c?.judged ? Math.round((c.met / c.judged) * 1000) / 10 : null);
  const byIndicator = await directCounts('r.indicator_code');
  assert.ok(byIndicator.size >= 10, 'the small world has results to count');
  for (const row of p.indicators) {
    assert.equal(row.met, byIndicator.get(row.code)?.met ?? 0, row.code);
    assert.equal(row.judged, byIndicator.get(row.code)?.judged ?? 0, row.code);
    assert.equal(row.rate, rate(byIndicator.get(row.code)), row.code);
  }
  const byType = await directCounts('rr.lao_type');
  assert.deepEqual(p.laoTypes.map((r) => [r.key, r.met, r.judged]), ['town', 'subdistrict', 'sao'].map((k) => [k, byType.get(k)!.met, byType.get(k)!.judged]), 'in the register\'s order of types');
  const byProvince = await directCounts('rr.province_code');
  for (const place of p.places) assert.equal(place.rate, rate(byProvince.get(place.key)), place.key);
  const all = [...byIndicator.values()].reduce((s, r) => ({ met: s.met + r.met, judged: s.judged + r.judged }), { met: 0, judged: 0 });
  assert.equal(p.overall.rate, rate(all));
  // Completion: 5 of 7 sent (the draft and the one not started are not).
  assert.deepEqual([p.submitted, p.expected], [5, 7]);
  assert.deepEqual(p.places.map((x) => [x.key, x.label, x.submitted, x.expected]), [['22', 'จันทบุรี', 3, 5], ['20', 'ชลบุรี', 2, 2]], 'in Thai order');
  const draft = await directCounts('r.indicator_code', sql`s.org_unit_id = (select id from org_units where code = ${draftCode})`);
  assert.equal(draft.size, 0, 'the draft is not in the count');
  // The distribution counts each sent respondent once.
  assert.equal(p.distribution.respondents + p.distribution.noneJudged, 5);
  // Last year maps through `previous` (ED03 ← A1-01) and equals its own direct count.
  const ed03 = p.lastYear?.rows.find((r) => r.code === 'ED03');
  assert.equal(ed03?.previousCode, 'A1-01');
  // Filtered by province: only that province's respondents.
  const p20 = await loadNationalPicture(t.deps, owner, { roundId, laoType: null, provinceCode: '20' });
  const direct20 = await directCounts('r.indicator_code', sql`rr.province_code = '20'`);
  assert.deepEqual(p20.indicators.filter((r) => r.judged).map((r) => [r.code, r.met, r.judged]), p20.indicators.filter((r) => direct20.get(r.code)?.judged).map((r) => [r.code, direct20.get(r.code)!.met, direct20.get(r.code)!.judged]));
  assert.equal(p20.placeKind, 'district');
});

test('the signed-in picture: the nation for owners, their own province or district for offices, nothing for LAO people', async () => {
  const page = `/rounds/${roundId}/picture`;
  assert.equal((await new Browser(t.app).get(page)).status, 303, 'sign in first');
  const owner = await signedIn(t, users.owner);
  const res = await owner.get(page);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store', 'live: never cached');
  const html = await res.text();
  assert.match(html, /<h1>ภาพรวมผลการประเมิน ทั้งประเทศ<\/h1>/);
  assert.match(html, /ส่งข้อมูลแล้ว 5 จาก 7 แห่ง/);
  assert.match(html, /นับสดจากหน่วยที่ส่งแล้ว/);
  assert.match(html, /ค่าเป้าหมายของตัวชี้วัดบางตัวในกรอบนี้ยังเป็นค่าตัวอย่าง/, 'example targets are said to be examples');
  assert.match(html, /Royal Thai Survey Department \/ OCHA/, 'the map credit under the map');
  assert.doesNotMatch(html, / style="/, 'no inline style: the CSP would drop it');
  assert.doesNotMatch(html, /<style/);
  assert.equal((await owner.get(`${page}?province=20`)).status, 200);
  assert.match(await (await owner.get(`${page}?province=20&type=sao`)).text(), /<h1>ภาพรวมผลการประเมิน จังหวัดชลบุรี · องค์การบริหารส่วนตำบล<\/h1>/);
  assert.equal((await owner.get(`${page}?province=abc&type=nonsense&measure=x`)).status, 200, 'a filter that is not a choice is ignored');
  assert.equal((await owner.get('/rounds/999999/picture')).status, 404);

  const province = await signedIn(t, users.province);
  assert.match(await (await province.get(page)).text(), /<h1>ภาพรวมผลการประเมิน จังหวัดจันทบุรี<\/h1>/, 'their province without asking');
  assert.equal((await province.get(`${page}?province=20`)).status, 403, 'another province is refused');
  const district = await signedIn(t, users.district);
  const districtPage = await (await district.get(page)).text();
  assert.match(districtPage, /ส่งข้อมูลแล้ว 2 จาก 3 แห่ง/, 'only their district (2201)');
  assert.equal((await district.get(`${page}?province=20`)).status, 403);
  assert.equal((await (await signedIn(t, users.officer)).get(page)).status, 403, 'LAO people read the public picture once published');
});

test('live until published: a new submission shows at once', async () => {
  const owner = (await loadActor(t.deps.db, users.owner.userId))!;
  const before = await loadNationalPicture(t.deps, owner, { roundId, laoType: null, provinceCode: null });
  await sql`update submissions set state = 'submitted' where round_id = ${roundId} and org_unit_id = (select id from org_units where code = ${draftCode})`.execute(t.deps.db);
  const after = await loadNationalPicture(t.deps, owner, { roundId, laoType: null, provinceCode: null });
  assert.equal(after.submitted, before.submitted + 1);
  assert.ok(after.overall.judged > before.overall.judged);
  await sql`update submissions set state = 'in_progress' where round_id = ${roundId} and org_unit_id = (select id from org_units where code = ${draftCode})`.execute(t.deps.db);
});

/** Tags balance and attributes are quoted: what an XML parser needs of an SVG. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<!\[CDATA\[|&(?!amp;|lt;|gt;|quot;|#)/g)) {
    assert.ok(m[2], `stray markup: ${m[0]}`);
    if (m[4]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `</${m[2]}> closes the wrong element`);
    else stack.push(m[2]!);
  }
  assert.deepEqual(stack, []);
  const tags = svg.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) assert.match(tag, /^<\/?[a-zA-Z][\w:-]*(\s+[\w:-]+="[^"<]*")*\s*\/?>$/, `malformed tag ${tag.slice(0, 80)}`);
}

test('before publication the public picture, its report and the open data do not exist; once published, for anyone, cacheable', async () => {
  const anonymous = new Browser(t.app);
  const paths = ['picture', 'picture.pdf', 'data.csv', 'data.xlsx', 'data.json', 'data-dictionary'].map((p) => `/public/rounds/${roundId}/${p}`);
  for (const state of ['open', 'closed'] as const) {
    if (state === 'closed') await changeRoundState(t.deps, null, { roundId, to: 'closed' }, meta);
    for (const p of paths) assert.equal((await anonymous.get(p)).status, 404, `${p} while ${state}`);
  }
  await changeRoundState(t.deps, null, { roundId, to: 'published' }, meta);
  const res = await anonymous.get(`/public/rounds/${roundId}/picture`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
  assert.equal(res.headers.get('set-cookie'), null, 'no cookie: the same page for everyone');
  const etag = res.headers.get('etag')!;
  assert.equal((await anonymous.get(`/public/rounds/${roundId}/picture`, { 'if-none-match': etag })).status, 304);
  const html = await res.text();
  assert.match(html, /ประกาศผลเมื่อ/);
  assert.match(html, /data\.csv/);
  assert.doesNotMatch(html, /ออกจากระบบ/, 'no one\'s menu');
  // The charts: well-formed SVG, Thai labels, said in words for screen readers, no inline styles.
  const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  assert.ok(svgs.length >= 6, `charts drawn (${svgs.length})`);
  for (const svg of svgs) {
    assertWellFormed(svg);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"[^>]* role="img" aria-labelledby="[\w-]+-title [\w-]+-desc"/);
    assert.match(svg, /<title id="[\w-]+-title">[^<]*[ก-๙]/);
    assert.doesNotMatch(svg, /style=|<style|ecmeta_/);
  }
  assert.ok(svgs.some((s) => /<text[^>]*font-family="Sarabun"[^>]*>ด้านการศึกษา<\/text>/.test(s)), 'an area named in Thai, in Sarabun');
  assert.ok(svgs.some((s) => /<title>จันทบุรี: \d/.test(s)), 'each province titled on the map');
  // Last year's round (2567) was only closed, never published: the public does not see it.
  assert.match(html, /ยังไม่มีรอบก่อนหน้าที่ประกาศผลแล้ว/);
});

test('open data: one row per sent respondent × indicator, in CSV (UTF-8 with BOM), XLSX and JSON, without anyone\'s personal data', async () => {
  const anonymous = new Browser(t.app);
  const base = `/public/rounds/${roundId}`;
  const expected = (await sql<{ n: number }>`select count(*)::int as n from results r join submissions s on s.id = r.submission_id
    where s.round_id = ${roundId} and s.state in ('submitted', 'accepted')`.execute(t.deps.db)).rows[0]!.n;
  const officer = await t.deps.db.selectFrom('user').select(['id', 'name', 'email', 'username']).where('id', '=', users.officer.userId).executeTakeFirstOrThrow();
  const personal = [officer.id, officer.name, officer.email, officer.username!];

  const csvRes = await anonymous.get(`${base}/data.csv`);
  assert.equal(csvRes.status, 200);
  assert.match(csvRes.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
  assert.match(csvRes.headers.get('content-disposition')!, /attachment; filename="matrathan-round-\d+\.csv"/);
  assert.equal(csvRes.headers.get('cache-control'), 'public, max-age=86400');
  const bytes = Buffer.from(await csvRes.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark for Excel');
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  assert.equal(lines[0], openDataColumns.map((c) => c.name).join(','));
  assert.equal(lines.length - 1, expected, 'every result of the sent respondents, nothing else');
  const csv = lines.join('\n');
  assert.doesNotMatch(csv, new RegExp(draftCode), 'no draft values');
  assert.doesNotMatch(csv, /9220602/, 'no one who did not send');
  assert.match(csv, /9220101,เทศบาลตำบลหนึ่ง,subdistrict,เทศบาลตำบล,22,จันทบุรี,2201,/);
  for (const p of personal) assert.ok(!csv.includes(p), `no personal data (${p})`);
  assert.doesNotMatch(lines[0]!, /user|officer|email|submitted_by|updated_by/);

  const json = await (await anonymous.get(`${base}/data.json`)).json() as { rows: Record<string, unknown>[]; licence: { example: boolean }; columns: unknown[]; round: { demo: boolean } };
  assert.equal(json.rows.length, expected);
  assert.equal(json.licence.example, true, 'the licence is an example until the owner sets one');
  assert.deepEqual(Object.keys(json.rows[0]!), openDataColumns.map((c) => c.name));
  assert.ok(!JSON.stringify(json).includes(officer.email));
  assert.ok(!json.rows.some((r) => r.org_code === draftCode));

  const xlsxRes = await anonymous.get(`${base}/data.xlsx`);
  assert.equal(xlsxRes.status, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await xlsxRes.arrayBuffer());
  assert.deepEqual(book.worksheets.map((w) => w.name), ['ข้อมูล', 'ตัวชี้วัด', 'คำอธิบายข้อมูล']);
  const sheet = book.getWorksheet('ข้อมูล')!;
  assert.equal(sheet.actualRowCount - 1, expected);
  assert.equal(sheet.getRow(1).getCell(4).value, 'org_code');
  assert.equal(sheet.getRow(2).getCell(5).value, 'เทศบาลตำบลหก', 'Thai text kept; province 20 comes first');
  const everything: string[] = [];
  book.eachSheet((w) => w.eachRow((row) => everything.push(JSON.stringify(row.values))));
  for (const p of personal) assert.ok(!everything.join('\n').includes(p), `no personal data in XLSX (${p})`);

  const dictionary = await (await anonymous.get(`${base}/data-dictionary`)).text();
  for (const c of openDataColumns) assert.match(dictionary, new RegExp(`<code>${c.name}</code>`));
  assert.match(dictionary, /ตัวอย่างข้อความ: สัญญาอนุญาตการใช้ข้อมูลชุดนี้/);
  assert.match(dictionary, /ED03/);
});

test('the PDF report carries the same charts and reads back in Thai', async () => {
  const owner = await signedIn(t, users.owner);
  const res = await owner.get(`/rounds/${roundId}/picture.pdf?measure=pass`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const pdf = Buffer.from(await res.arrayBuffer());
  const pages = await readPdf(pdf);
  assert.ok(Math.abs(pages[0]!.widthPt - 595) < 2 && Math.abs(pages[0]!.heightPt - 842) < 2, 'A4 portrait');
  const text = pages.flatMap((p) => p.lines).join('\n');
  for (const words of ['รายงานภาพรวมผลการประเมิน ทั้งประเทศ', 'แผนที่อัตราผ่าน รายจังหวัด', 'Royal Thai Survey Department / OCHA', 'อัตราผ่านรายด้าน', 'ด้านการศึกษา', 'อัตราผ่านรายตัวชี้วัด', 'จันทบุรี', 'ชลบุรี']) {
    assert.ok(text.includes(words), `the report says "${words}"`);
  }
  if (process.env.PICTURE_PNG_DIR) {
    fs.writeFileSync(path.join(process.env.PICTURE_PNG_DIR, 'picture-report.pdf'), pdf); // for pdftoppm and a person to look at
  }
  const publicPdf = await new Browser(t.app).get(`/public/rounds/${roundId}/picture.pdf`);
  assert.equal(publicPdf.status, 200);
  assert.equal(publicPdf.headers.get('set-cookie'), null);
});
