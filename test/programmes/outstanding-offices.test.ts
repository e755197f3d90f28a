import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { parse } from 'yaml';
import { insertMembership } from '../../src/db/queries/access.ts';
import { findOrgUnitByCode } from '../../src/db/queries/org-units.ts';
import { closeDocumentBrowser, configureDocumentBrowser } from '../../src/documents/index.ts';
import type { Actor } from '../../src/domain/access/actor.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { uploadEvidence } from '../../src/services/evidence/upload-evidence.ts';
import { rankDistrictOffices, rankProvinceOffices } from '../../src/services/outstanding/rank-offices.ts';
import { addInternalDeadline } from '../../src/services/rounds/add-internal-deadline.ts';
import { listTasks } from '../../src/services/submissions/list-tasks.ts';
import { loadSubmissionContext } from '../../src/services/submissions/load-submission.ts';
import { assignPart, markPartReady } from '../../src/services/submissions/manage-parts.ts';
import { saveSection } from '../../src/services/submissions/save-section.ts';
import { saveValues } from '../../src/services/submissions/save-values.ts';
import { submitSubmission } from '../../src/services/submissions/submit-submission.ts';
import { createAccount } from '../../src/services/users/create-account.ts';
import { samplePdf } from '../evidence/sample-files.ts';
import { assertThaiRuns, attr, documentXml, runText } from '../documents/docx-runs.ts';
import { outstandingDistrictRound, outstandingProvinceRound } from '../documents/office-rounds.ts';
import { readPdf } from '../documents/read-back.ts';
import { createUserWithRole } from '../support/factories.ts';
import { recordEvidence, signedIn } from '../support/submission-pages.ts';
import { createTestApp, type Browser, type TestApp } from '../support/web.ts';

// The outstanding-office selection end to end (seed 004): the provincial office's divisions fill the indicators they
// own by the province's internal date — and nothing else — with evidence, and say when they are done; the office
// sees who is ready or late, fills the rest and sends by the national date; DLA ranks the provinces with the reasons
// behind each score (checked against a hand computation from the framework file), and the reports read back in Thai.

const meta = { actorUserId: null, ip: null, requestId: 'test' };
const day = 86_400_000;
const outDir = path.resolve(import.meta.dirname, '../../.tmp/documents');
const password = 'correct horse battery staple';
let t: TestApp;
let roundId: number;
let internalDue: Date;
const actors: Record<'fin' | 'ga' | 'office' | 'bulk', Actor> = {} as never;
const browsers: Record<'fin' | 'office' | 'owner' | 'committee' | 'nationalCommittee', Browser> = {} as never;

/** Deterministic, varied answers of the k-th province (every denominator 100, so percentages are the counts). */
const valuesFor = (k: number): Record<string, string> => ({
  lao_total: '100', disc_cases_total: '10', disc_cases_within_90: String(5 + (k % 6)), herb_garden_laos: String(55 + ((k * 7) % 46)),
  jcc_activities: String(k % 6), health_activities: String((k * 2) % 7), clean_province_activities: String((k * 3) % 6), pr_posts: String(10 + ((k * 5) % 55)),
  welfare_activities: String(1 + (k % 5)), innovation_level: String(1 + (k % 5)), ic_report_level: String(1 + ((k * 3) % 5)), ic_report_submitted_on: '',
  complaints: String(k % 5), ita_laos_passed: String(58 + ((k * 3) % 43)), oss_laos_reported: String(60 + ((k * 11) % 41)),
});
const province22 = valuesFor(7);
const others: { code: string; k: number }[] = [];

async function division(key: string, name: string): Promise<{ actor: Actor; user: { username: string; password: string } }> {
  const province = (await findOrgUnitByCode(t.deps.db, 'province', '22'))!;
  const unit = (await findOrgUnitByCode(t.deps.db, 'division', `PO22-${key}`))!;
  const username = `division.${key.toLowerCase()}`;
  const userId = await createAccount(t.deps, { name, email: `${username}@test.example`, username, password, role: 'province_office', orgUnitId: province.id, officeUnitId: unit.id }, meta);
  return { actor: (await loadActor(t.deps.db, userId))!, user: { username, password } };
}

async function save(actor: Actor, code: string, values: Record<string, string>) {
  const context = await loadSubmissionContext(t.deps, actor, { roundId, orgUnitCode: code });
  return saveValues(t.deps, actor, { roundId, orgUnitCode: code, values, baseVersion: context.submission?.version ?? 0, context }, meta);
}
const pick = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, province22[k]!]));
const upload = (actor: Actor, indicatorCode: string) => uploadEvidence(t.deps, actor, { roundId, orgUnitCode: 'PO22', indicatorCode, fileName: `หลักฐาน-${indicatorCode}.pdf`, bytes: samplePdf() }, meta);

before(async () => {
  configureDocumentBrowser({ chromiumPath: process.env.CHROMIUM_PATH || undefined });
  t = await createTestApp();
  roundId = await outstandingProvinceRound(t, null);
  internalDue = new Date(t.clock.now().getTime() + 10 * day);
  const province = (await findOrgUnitByCode(t.deps.db, 'province', '22'))!;
  await addInternalDeadline(t.deps, null, { roundId, provinceId: province.id, title: 'กลุ่มงานรายงานผลต่อสำนักงาน (ทดสอบ)', dueAt: internalDue }, meta);
  const fin = await division('FIN', 'จันทร์เพ็ญ กลุ่มงานการเงิน');
  const ga = await division('GA', 'สมพร ฝ่ายบริหารทั่วไป');
  actors.fin = fin.actor;
  actors.ga = ga.actor;
  const office = await createUserWithRole(t.deps, 'province_office', '22');
  actors.office = (await loadActor(t.deps.db, office.userId))!;
  browsers.fin = await signedIn(t, fin.user);
  browsers.office = await signedIn(t, office);
  browsers.owner = await signedIn(t, await createUserWithRole(t.deps, 'programme_admin', 'TH'));
  browsers.committee = await signedIn(t, await createUserWithRole(t.deps, 'committee_member', '22'));
  browsers.nationalCommittee = await signedIn(t, await createUserWithRole(t.deps, 'committee_member', 'TH'));
  // One account with the provincial office of 24 other provinces: they answer and send theirs.
  const codes = (await sql<{ code: string }>`select code from org_units where kind = 'province' and code <> '22' order by code limit 24`.execute(t.deps.db)).rows.map((r) => r.code);
  const bulk = await createUserWithRole(t.deps, 'province_office', codes[0]!);
  for (const code of codes.slice(1)) await insertMembership(t.deps.db, { userId: bulk.userId, role: 'province_office', orgUnitId: (await findOrgUnitByCode(t.deps.db, 'province', code))!.id, officeUnitId: null, createdBy: null });
  actors.bulk = (await loadActor(t.deps.db, bulk.userId))!;
  codes.forEach((code, i) => others.push({ code, k: i === 23 ? 3 : i })); // the last repeats the fourth: a tie
});
after(async () => {
  await closeDocumentBrowser();
  await t.close();
});

test('a division officer changes only the fields of its own indicators, by every path', async () => {
  const own = await save(actors.fin, 'PO22', pick(['lao_total', 'ita_laos_passed']));
  assert.ok(own.ok, JSON.stringify(own));
  const other = await save(actors.fin, 'PO22', { complaints: '3', ita_laos_passed: '71' });
  assert.ok(!other.ok && other.reason === 'invalid' && /กลุ่มงานอื่น/.test(other.errors.complaints ?? ''), JSON.stringify(other));
  // A whole section posted through the page: the other division's field keeps its stored (empty) value.
  const page = await browsers.fin.get(`/rounds/${roundId}/submissions/PO22/sections/F1-S6`);
  const html = await page.text();
  assert.match(html, /name="ita_laos_passed"/);
  assert.doesNotMatch(html, /name="complaints"/, 'another division\u2019s field is shown, not offered');
  assert.match(html, /ช่องที่เป็นของกลุ่มงานอื่นแสดงไว้ให้ดูเท่านั้น/);
  const posted = await browsers.fin.post(`/rounds/${roundId}/submissions/PO22/sections/F1-S6`, { complaints: '9', ita_laos_passed: province22.ita_laos_passed!, oss_laos_reported: '99', action: 'continue' });
  assert.equal(posted.status, 303);
  const ctx = await loadSubmissionContext(t.deps, actors.office, { roundId, orgUnitCode: 'PO22' });
  assert.deepEqual([ctx.answers.get('complaints') ?? null, ctx.answers.get('oss_laos_reported') ?? null, ctx.answers.get('ita_laos_passed')], [null, null, Number(province22.ita_laos_passed)]);
  // Saving a section the division owns nothing in is refused too; so are evidence, sending and assigning elsewhere.
  const section = await saveSection(t.deps, actors.fin, { roundId, orgUnitCode: 'PO22', sectionCode: 'F1-S4', raw: { pr_posts: '5', welfare_activities: '1' }, complete: false }, meta);
  assert.ok(!section.ok && section.reason === 'invalid');
  await assert.rejects(upload(actors.fin, 'P10'), /forbidden/);
  assert.ok((await upload(actors.fin, 'P11')).ok);
  await assert.rejects(submitSubmission(t.deps, actors.fin, { roundId, orgUnitCode: 'PO22' }, meta), /forbidden/);
  await assert.rejects(assignPart(t.deps, actors.fin, { roundId, orgUnitCode: 'PO22', partCode: 'F1', userId: null }, meta), /forbidden/);
  await assert.rejects(markPartReady(t.deps, actors.fin, { roundId, orgUnitCode: 'PO22', partCode: 'division:GA' }, meta), /forbidden/);
  assert.equal((await browsers.fin.get(`/rounds/${roundId}/submissions/PO22/check`)).status, 200);
});

test('the division\u2019s task list shows only its indicators and the province\u2019s internal date', async () => {
  const task = (await listTasks(t.deps, actors.fin)).find((x) => x.roundId === roundId)!;
  assert.deepEqual(task.division?.divisions.map((d) => d.key), ['FIN']);
  assert.deepEqual(task.division?.divisions[0]!.indicators.map((i) => i.code), ['P08', 'P09', 'P11']);
  assert.equal(task.division?.internalDue?.dueAt.getTime(), internalDue.getTime());
  const html = await (await browsers.fin.get('/tasks')).text();
  assert.match(html, /ตัวชี้วัดของกลุ่มงานการเงิน บัญชีและการตรวจสอบ/);
  assert.match(html, /กลุ่มงานส่งสำนักงานภายใน<\/dt><dd>กลุ่มงานรายงานผลต่อสำนักงาน \(ทดสอบ\)/);
  for (const no of ['8', '9', '11']) assert.match(html, new RegExp(`ตัวชี้วัดที่ ${no}<`));
  assert.doesNotMatch(html, /ตัวชี้วัดที่ 10</, 'indicator 10 is the legal and general divisions\u2019');
});

test('divisions say they are done; the office sees who is ready, on time or late against the internal date', async () => {
  const early = await markPartReady(t.deps, actors.fin, { roundId, orgUnitCode: 'PO22', partCode: 'division:FIN' }, meta);
  assert.ok(!early.ok && early.messages.some((m) => /ยังไม่ได้กรอก/.test(m)) && early.messages.some((m) => /P09.*ยังไม่ได้แนบหลักฐาน/.test(m)), JSON.stringify(early));
  assert.ok((await save(actors.fin, 'PO22', pick(['innovation_level', 'ic_report_level']))).ok);
  for (const code of ['P08', 'P09']) assert.ok((await upload(actors.fin, code)).ok);
  const ready = await browsers.fin.post(`/rounds/${roundId}/submissions/PO22/parts/${encodeURIComponent('division:FIN')}/ready`, {});
  assert.equal(ready.status, 303);
  assert.match(ready.headers.get('location') ?? '', /done=division-ready#division-FIN/);

  t.clock.set(new Date(internalDue.getTime() + 2 * day));
  assert.ok((await save(actors.ga, 'PO22', pick(['pr_posts', 'welfare_activities', 'complaints', 'oss_laos_reported']))).ok);
  const ctx = await loadSubmissionContext(t.deps, actors.ga, { roundId, orgUnitCode: 'PO22' });
  await recordEvidence(t, ctx.submission!.id, ['P06', 'P07', 'P10', 'P12']);
  assert.ok((await markPartReady(t.deps, actors.ga, { roundId, orgUnitCode: 'PO22', partCode: 'division:GA' }, meta)).ok);

  const html = await (await browsers.office.get(`/rounds/${roundId}/submissions/PO22`)).text();
  const row = (name: string) => new RegExp(`<td data-label="กลุ่มงาน/ฝ่าย">${name}</td>[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
  assert.match(row('กลุ่มงานการเงิน บัญชีและการตรวจสอบ'), /พร้อมส่ง[\s\S]*ทันกำหนดภายใน/);
  assert.match(row('ฝ่ายบริหารทั่วไป'), /พร้อมส่ง[\s\S]*ช้ากว่ากำหนดภายใน 2 วัน/);
  assert.match(row('กลุ่มงานกฎหมาย ระเบียบและเรื่องร้องทุกข์'), /เลยกำหนดภายใน 2 วัน/);
  // A division that changes its answers after saying it is done is no longer done.
  assert.ok((await save(actors.fin, 'PO22', { ita_laos_passed: '74' })).ok);
  const parts = await t.deps.db.selectFrom('submission_parts').select(['part_code', 'state']).where('submission_id', '=', ctx.submission!.id).where('part_code', 'like', 'division:%').orderBy('part_code').execute();
  assert.deepEqual(parts, [{ part_code: 'division:FIN', state: 'in_progress' }, { part_code: 'division:GA', state: 'ready' }]);
  assert.ok((await save(actors.fin, 'PO22', { ita_laos_passed: province22.ita_laos_passed! })).ok);
});

test('the office fills what remains and sends by the national date', async () => {
  assert.ok((await save(actors.office, 'PO22', province22)).ok);
  const ctx = await loadSubmissionContext(t.deps, actors.office, { roundId, orgUnitCode: 'PO22' });
  await recordEvidence(t, ctx.submission!.id, ['P01', 'P02', 'P03', 'P04', 'P05']);
  const sent = await submitSubmission(t.deps, actors.office, { roundId, orgUnitCode: 'PO22' }, meta);
  assert.ok(sent.ok, JSON.stringify(sent));
  assert.ok(t.clock.now() < ctx.round.dueAt);
});

// ---- DLA's ranking ----

type Yaml = { areas: { indicators: { code: string; formula?: string; numerator?: string; denominator?: string; polarity?: string; levels: { thresholds: number[] }; weight: { value: number } }[] }[] };
const framework = parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../frameworks/dla-outstanding-province-office-2567.yaml'), 'utf8')) as Yaml;

/** The hand computation: each indicator's value from the answers, its level by the file's thresholds, level ÷ 5 × weight. */
function byHand(v: Record<string, string>): { levels: Record<string, number>; total: number } {
  const x = (k: string) => Number(v[k]);
  const values: Record<string, number> = {
    P01: (x('disc_cases_within_90') / x('disc_cases_total')) * 100, P02: x('herb_garden_laos'), P03: x('jcc_activities'), P04: x('health_activities'),
    P05: x('clean_province_activities'), P06: x('pr_posts'), P07: x('welfare_activities'), P08: x('innovation_level'), P09: x('ic_report_level'),
    P10: x('complaints'), P11: x('ita_laos_passed'), P12: x('oss_laos_reported'),
  };
  const levels: Record<string, number> = {};
  let total = 0;
  for (const i of framework.areas.flatMap((a) => a.indicators)) {
    const value = values[i.code]!;
    levels[i.code] = i.levels.thresholds.filter((th) => (i.polarity === 'lower' ? value <= th : value >= th)).length;
    total += (levels[i.code]! / 5) * i.weight.value;
  }
  return { levels, total: Math.round(total * 100) / 100 };
}

test('DLA\u2019s ranking of at least 20 provinces: order, ties and reasons as a hand computation gives them', async () => {
  for (const o of others) assert.ok((await save(actors.bulk, `PO${o.code}`, valuesFor(o.k))).ok, o.code);
  await sql`update submissions set state = 'submitted', submitted_at = ${t.clock.now()} where round_id = ${roundId} and state <> 'submitted'`.execute(t.deps.db);
  const owner = (await loadActor(t.deps.db, (await createUserWithRole(t.deps, 'programme_admin', 'TH')).userId))!;
  const r = await rankProvinceOffices(t.deps, owner, roundId);
  assert.ok(r.ranked.length >= 20, `${r.ranked.length} provinces ranked`);
  assert.equal(r.ranked.length, 25);
  assert.equal(r.respondents, 77);
  assert.equal(r.notSent.length, 52);
  assert.equal(r.maxTotal, 100);
  for (let i = 1; i < r.ranked.length; i++) {
    const [a, b] = [r.ranked[i - 1]!, r.ranked[i]!];
    assert.ok(a.total >= b.total, 'highest first');
    assert.equal(b.rank, a.total === b.total ? a.rank : i + 1, 'competition ranking: 1, 2, 2, 4');
  }
  const hand = [{ code: '22', v: province22 }, ...others.map((o) => ({ code: o.code, v: valuesFor(o.k) }))].map((p) => ({ ...p, ...byHand(p.v) }));
  const expectedOrder = [...hand].sort((a, b) => b.total - a.total).map((h) => h.total);
  assert.deepEqual(r.ranked.map((o) => o.total), expectedOrder);
  for (const h of [hand[0]!, hand[4]!, hand[24]!, hand[10]!]) {
    const office = r.ranked.find((o) => o.code === `PO${h.code}`)!;
    assert.equal(office.total, h.total, `total of ${h.code}`);
    for (const i of office.indicators) assert.equal(i.level, h.levels[i.code], `${h.code} ${i.code} level`);
    assert.equal(office.rank, 1 + hand.filter((x) => x.total > h.total).length, `rank of ${h.code}`);
  }
  const [twin, original] = [r.ranked.find((o) => o.code === `PO${others[23]!.code}`)!, r.ranked.find((o) => o.code === `PO${others[3]!.code}`)!];
  assert.ok(twin.tied && original.tied && twin.rank === original.rank, 'equal totals share a rank');
  // The reasons of one score, as a person reads them.
  const p22 = r.ranked.find((o) => o.code === 'PO22')!;
  const p01 = p22.indicators.find((i) => i.code === 'P01')!;
  assert.deepEqual([p01.result, p01.band, p01.points], ['ร้อยละ 60', 'ระดับ 1: ตั้งแต่ 60 แต่ต่ำกว่า 70', '1 ÷ 5 × 10 = 2']);
  assert.equal(p22.indicators.find((i) => i.code === 'P11')!.evidence, 1);
  assert.equal(p22.indicators.find((i) => i.code === 'P10')!.band, 'ระดับ 3: ไม่เกิน 2 แต่มากกว่า 1');
});

test('the ranking page: owners and the national committee read it; a province may not', async () => {
  const res = await browsers.owner.get(`/rounds/${roundId}/ranking`);
  assert.equal(res.status, 200);
  const html = await res.text();
  for (const s of ['ผลการจัดลำดับ', 'จังหวัดจันทบุรี', 'เหตุผลของคะแนนรายจังหวัด', 'ระดับ 1: ตั้งแต่ 60 แต่ต่ำกว่า 70', 'ค่าตัวอย่าง — แก้ไขตามประกาศ', 'เท่ากัน', 'ยังไม่ได้ส่งข้อมูล (52)']) assert.ok(html.includes(s), s);
  assert.equal((await browsers.nationalCommittee.get(`/rounds/${roundId}/ranking`)).status, 200);
  assert.equal((await browsers.committee.get(`/rounds/${roundId}/ranking`)).status, 403);
  assert.equal((await browsers.office.get(`/rounds/${roundId}/ranking`)).status, 403);
  assert.equal((await browsers.owner.get(`/rounds/${roundId}/ranking?format=nonsense`)).status, 200, 'an unknown format shows the page');
  assert.match(await (await browsers.owner.get(`/rounds/${roundId}`)).text(), new RegExp(`href="/rounds/${roundId}/ranking"`));
});

test('the ranking report: PDF read back in Thai, DOCX with complex-script runs', async () => {
  const res = await browsers.owner.get(`/rounds/${roundId}/ranking?format=pdf`);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const pdf = Buffer.from(await res.arrayBuffer());
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'ranking.pdf'), pdf);
  const pages = await readPdf(pdf);
  for (const p of pages) assert.ok(Math.abs(p.widthPt - 841.89) < 1.5, 'landscape A4');
  const text = pages.flatMap((p) => p.lines).join('\n').replace(/\s+/g, '');
  for (const s of ['ผลการจัดลำดับการคัดเลือกสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดดีเด่น', 'จัดลำดับจาก 25 จังหวัดที่ส่งข้อมูลแล้ว จากทั้งหมด 77 จังหวัด', 'จังหวัดจันทบุรี',
    'ตัวชี้วัด น้ำหนัก และเกณฑ์ระดับ', 'ค่าตัวอย่าง — แก้ไขตามประกาศ', 'รายละเอียดคะแนนและเหตุผลรายหน่วย', 'ร้อยละ 60', 'เมื่อคะแนนเท่ากัน:']) {
    assert.ok(text.includes(s.replace(/\s+/g, '')), `"${s}" in the PDF`);
  }
  const docx = await browsers.owner.get(`/rounds/${roundId}/ranking?format=docx&digits=thai`);
  const xml = documentXml(Buffer.from(await docx.arrayBuffer()));
  assertThaiRuns(xml);
  assert.equal(attr(xml, 'w:pgSz', 'w:orient'), 'landscape');
  assert.ok(runText(xml).includes('ร้อยละ ๖๐') && runText(xml).includes('จังหวัดจันทบุรี'));
});

test('a province ranks its own district offices; another province may not look', async () => {
  const district = await outstandingDistrictRound(t, ['22']);
  const dUser = await createUserWithRole(t.deps, 'district_office', '2201');
  for (const code of ['2202', '2203']) await insertMembership(t.deps.db, { userId: dUser.userId, role: 'district_office', orgUnitId: (await findOrgUnitByCode(t.deps.db, 'district', code))!.id, officeUnitId: null, createdBy: null });
  const dActor = (await loadActor(t.deps.db, dUser.userId))!;
  for (const [i, code] of ['DO2201', 'DO2202', 'DO2203'].entries()) {
    const context = await loadSubmissionContext(t.deps, dActor, { roundId: district, orgUnitCode: code });
    const r = await saveValues(t.deps, dActor, { roundId: district, orgUnitCode: code, baseVersion: 0, context, values: {
      lao_total: '10', jcc_activities: String(i + 2), health_activities: '3', advisory_visits: String(4 * i), innovation_level: '3', ic_report_level: '5', laos_reported_on_time: '9', complaints: '0' } }, meta);
    assert.ok(r.ok, JSON.stringify(r));
  }
  await sql`update submissions set state = 'submitted', submitted_at = ${t.clock.now()} where round_id = ${district}`.execute(t.deps.db);
  const r = await rankDistrictOffices(t.deps, actors.office, district, '22');
  assert.deepEqual(r.ranked.map((o) => o.code), ['DO2203', 'DO2202', 'DO2201']);
  assert.match(r.ranked[0]!.name, /^อำเภอ/);
  const res = await browsers.office.get(`/rounds/${district}/provinces/22/district-ranking`);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /ผลการคัดเลือกท้องถิ่นอำเภอดีเด่น จังหวัดจันทบุรี/);
  const other = await signedIn(t, await createUserWithRole(t.deps, 'province_office', '20'));
  assert.equal((await other.get(`/rounds/${district}/provinces/22/district-ranking`)).status, 403);
  const docx = await browsers.office.get(`/rounds/${district}/provinces/22/district-ranking?format=docx`);
  assert.equal(docx.status, 200);
  assertThaiRuns(documentXml(Buffer.from(await docx.arrayBuffer())));
});
