import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { closeDocumentBrowser, configureDocumentBrowser } from '../../src/documents/index.ts';
import type { Actor } from '../../src/domain/access/actor.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import type { DocumentEdits } from '../../src/services/documents/build-documents.ts';
import { buildOutstandingReport } from '../../src/services/documents/build-outstanding-report.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { loadSubmissionContext } from '../../src/services/submissions/load-submission.ts';
import { saveSection } from '../../src/services/submissions/save-section.ts';
import { createUserWithRole } from '../support/factories.ts';
import { signedIn } from '../support/submission-pages.ts';
import { createTestApp, type Browser, type TestApp } from '../support/web.ts';
import { assertThaiRuns, attr, documentXml, runText } from './docx-runs.ts';
import { outstandingDistrictRound, outstandingProvinceRound } from './office-rounds.ts';
import { pdfToPngs, readPdf } from './read-back.ts';

// The outstanding-office report (seed 004) of a provincial or district office: indicators with their owning
// divisions, levels and weighted scores exactly as the database holds them, the example bands and weights marked
// as examples, the ranking once the round is closed; PDF read back in Thai, DOCX runs complete.

const meta = { actorUserId: null, ip: null, requestId: 'test' };
const outDir = path.resolve(import.meta.dirname, '../../.tmp/documents');
let t: TestApp;
let roundId: number;
let office: Browser;
let owner: Browser;
let officeActor: Actor;
let otherActor: Actor;

const strong = {
  'F1-S0': { lao_total: '100' },
  'F1-S1': { disc_cases_total: '10', disc_cases_within_90: '9' },
  'F1-S2': { herb_garden_laos: '85' },
  'F1-S3': { jcc_activities: '3', health_activities: '6', clean_province_activities: '0' },
  'F1-S4': { pr_posts: '30', welfare_activities: '2' },
  'F1-S5': { innovation_level: '4', ic_report_level: '5', ic_report_submitted_on: '' },
  'F1-S6': { complaints: '1', ita_laos_passed: '70', oss_laos_reported: '100' },
};
const weak = { ...strong, 'F1-S3': { jcc_activities: '1', health_activities: '1', clean_province_activities: '1' }, 'F1-S5': { innovation_level: '1', ic_report_level: '2', ic_report_submitted_on: '' } };

async function fill(actor: Actor, orgUnitCode: string, round: number, sections: Record<string, Record<string, string>>): Promise<void> {
  for (const [sectionCode, raw] of Object.entries(sections)) {
    const r = await saveSection(t.deps, actor, { roundId: round, orgUnitCode, sectionCode, raw, complete: true, confirmedWarnings: true }, meta);
    assert.ok(r.ok, `${orgUnitCode} ${sectionCode}: ${JSON.stringify(r)}`);
  }
}

const edits = (extra: Partial<DocumentEdits> = {}): DocumentEdits => ({
  referenceNo: '', date: new Date('2024-05-15T02:00:00Z'), subject: '', addressee: '', paragraphs: [], proposal: [], signatoryName: 'นายสำเนียง หวังเจริญ',
  signatoryPosition: 'ท้องถิ่นจังหวัดจันทบุรี', phone: '0 3931 1154', thaiDigits: false, publicUrl: null, ...extra,
});

before(async () => {
  configureDocumentBrowser({ chromiumPath: process.env.CHROMIUM_PATH || undefined });
  t = await createTestApp();
  roundId = await outstandingProvinceRound(t, ['22', '20']);
  const officeUser = await createUserWithRole(t.deps, 'province_office', '22');
  const otherUser = await createUserWithRole(t.deps, 'province_office', '20');
  officeActor = (await loadActor(t.deps.db, officeUser.userId))!;
  otherActor = (await loadActor(t.deps.db, otherUser.userId))!;
  office = await signedIn(t, officeUser);
  owner = await signedIn(t, await createUserWithRole(t.deps, 'programme_admin', 'TH'));
  await fill(officeActor, 'PO22', roundId, strong);
  await fill(otherActor, 'PO20', roundId, weak);
});
after(async () => {
  await closeDocumentBrowser();
  await t.close();
});

const form = (extra: Record<string, string> = {}) => ({
  kind: 'outstanding', referenceNo: 'จบ 0023.1/ว 198', date: '15/05/2567', subject: 'แบบรายงานผลการประเมิน', addressee: '', paragraphs: 'ข้อมูลตามหลักฐานที่แนบ',
  proposal: '', signatoryName: 'นายสำเนียง หวังเจริญ', signatoryPosition: 'ท้องถิ่นจังหวัดจันทบุรี', phone: '0 3931 1154', format: 'pdf', ...extra,
});
const squeeze = (s: string) => s.replace(/\s+/g, '');

test('levels, weights and scores are those the database holds; examples marked; no ranking while the round is open', async () => {
  const ctx = await loadSubmissionContext(t.deps, officeActor, { roundId, orgUnitCode: 'PO22' });
  const doc = await buildOutstandingReport(t.deps, ctx, edits(), null);
  const stored = await t.deps.db.selectFrom('results as r').innerJoin('submissions as s', 's.id', 'r.submission_id')
    .select(['r.indicator_code', 'r.level', 'r.score']).where('s.round_id', '=', roundId).where('s.org_unit_id', '=', ctx.unit.id).execute();
  stored.sort((a, b) => a.indicator_code.localeCompare(b.indicator_code, 'en', { numeric: true }));
  assert.equal(doc.indicators.length, 12);
  assert.deepEqual(doc.indicators.map((r) => r.no), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'DLA\u2019s numbering, ตัวชี้วัดที่ ๑ … ๑๒');
  doc.indicators.forEach((r, i) => {
    assert.equal(r.level, stored[i]!.level, `level of ${stored[i]!.indicator_code}`);
    assert.ok(Math.abs((r.score ?? 0) - (stored[i]!.score ?? 0)) < 1e-9, `score of ${stored[i]!.indicator_code}`);
  });
  const total = stored.reduce((s, r) => s + (r.score ?? 0), 0);
  assert.ok(Math.abs((doc.total ?? 0) - total) < 1e-9 && Math.abs(total - 65.6) < 1e-9, `total ${doc.total}`);
  assert.equal(doc.maxTotal, 100);
  assert.equal(doc.indicators[0]!.owner, 'กลุ่มงานมาตรฐานการบริหารงานบุคคลส่วนท้องถิ่น');
  assert.equal(doc.indicators[0]!.result, 'ร้อยละ 90');
  assert.equal(doc.indicators[4]!.result, '0 กิจกรรม');
  assert.equal(doc.indicators[4]!.score, 0);
  assert.ok(doc.indicators.every((r) => r.example), 'every band and weight of 2567 is an example');
  assert.match(doc.exampleNote ?? '', /ค่าตัวอย่าง — แก้ไขตามประกาศ/);
  assert.equal(doc.ranking, null);
  assert.equal(doc.office, 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดจันทบุรี');
});

test('the documents page of an office offers its report and covering letter, not an LAO\u2019s memo', async () => {
  const html = await (await office.get(`/rounds/${roundId}/submissions/PO22/documents`)).text();
  assert.match(html, /value="outstanding" checked/);
  assert.match(html, /value="letter"/);
  assert.doesNotMatch(html, /value="memo"/);
  const letter = await (await office.get(`/rounds/${roundId}/submissions/PO22/documents?kind=letter`)).text();
  assert.match(letter, /value="อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"/);
  const memo = await office.post(`/rounds/${roundId}/submissions/PO22/documents`, form({ kind: 'memo' }));
  assert.equal(memo.status, 422, 'an LAO\u2019s document is not one of an office\u2019s');
});

test('PDF: landscape A4, the report in Thai as written, the example mark explained', async () => {
  const res = await office.post(`/rounds/${roundId}/submissions/PO22/documents`, form());
  assert.equal(res.status, 200);
  const pdf = Buffer.from(await res.arrayBuffer());
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'outstanding-report.pdf'), pdf);
  (await pdfToPngs(pdf, 80))?.forEach((png, i) => writeFileSync(path.join(outDir, `outstanding-report-${i + 1}.png`), png));
  const pages = await readPdf(pdf);
  for (const p of pages) assert.ok(Math.abs(p.widthPt - 841.89) < 1.5 && Math.abs(p.heightPt - 595.28) < 1.5, 'landscape A4');
  const text = pages.flatMap((p) => p.lines).join('\n');
  for (const s of ['แบบรายงานผลการประเมินคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ. ๒๕๖๗', 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดจันทบุรี',
    'ข้อมูล ณ วันที่ 15 เดือน พฤษภาคม พ.ศ. 2567', 'กลุ่มงานมาตรฐานการบริหารงานบุคคลส่วนท้องถิ่น', 'ร้อยละของการขับเคลื่อนโครงการ ๑ อปท. ๑ สวนสมุนไพร',
    'ร้อยละ 90', 'รวมคะแนน (คะแนนเต็ม 100)', '65.6', 'ค่าตัวอย่าง — แก้ไขตามประกาศ', 'ข้อมูลตามหลักฐานที่แนบ', '(นายสำเนียง หวังเจริญ)', 'ผู้รายงาน']) {
    assert.ok(squeeze(text).includes(squeeze(s)), `"${s}" in the PDF text`);
  }
  assert.ok(text.includes('4*'), 'an example level carries its mark');
  assert.doesNotMatch(text, /ผลการจัดลำดับ/, 'no ranking while the round is open');
});

test('DOCX: complex-script font, size and Thai language on every Thai run; the same figures', async () => {
  const res = await office.post(`/rounds/${roundId}/submissions/PO22/documents`, form({ format: 'docx', thaiDigits: 'yes' }));
  assert.equal(res.status, 200);
  const xml = documentXml(Buffer.from(await res.arrayBuffer()));
  assertThaiRuns(xml);
  assert.equal(attr(xml, 'w:pgMar', 'w:left'), '1701', 'left margin 3 cm');
  assert.equal(attr(xml, 'w:pgSz', 'w:orient'), 'landscape');
  const text = runText(xml);
  assert.ok(text.includes('ร้อยละ ๙๐'));
  assert.ok(text.includes('๖๕.๖'));
  assert.ok(text.includes('ค่าตัวอย่าง — แก้ไขตามประกาศ'));
});

test('the programme owner may print the report, not the office\u2019s letter', async () => {
  assert.equal((await owner.post(`/rounds/${roundId}/submissions/PO22/documents`, form({ format: 'docx' }))).status, 200);
  assert.equal((await owner.post(`/rounds/${roundId}/submissions/PO22/documents`, form({ kind: 'letter', addressee: 'อธิบดีกรมส่งเสริมการปกครองท้องถิ่น' }))).status, 403);
});

test('once the round is closed, the ranking among the offices that sent their data', async () => {
  await sql`update submissions set state = 'submitted', submitted_at = now() where round_id = ${roundId}`.execute(t.deps.db);
  await changeRoundState(t.deps, null, { roundId, to: 'closed' }, meta);
  const mine = await buildOutstandingReport(t.deps, await loadSubmissionContext(t.deps, officeActor, { roundId, orgUnitCode: 'PO22' }), edits(), null);
  const theirs = await buildOutstandingReport(t.deps, await loadSubmissionContext(t.deps, otherActor, { roundId, orgUnitCode: 'PO20' }), edits(), null);
  assert.ok((mine.total ?? 0) > (theirs.total ?? 0));
  assert.equal(mine.ranking, 1);
  assert.equal(theirs.ranking, 2);
});

test('a district office\u2019s report names its district and province; what is not entered says so', async () => {
  const district = await outstandingDistrictRound(t, ['22']);
  const user = await createUserWithRole(t.deps, 'district_office', '2206');
  const actor = (await loadActor(t.deps.db, user.userId))!;
  await fill(actor, 'DO2206', district, { 'F1-S0': { lao_total: '12' } });
  const doc = await buildOutstandingReport(t.deps, await loadSubmissionContext(t.deps, actor, { roundId: district, orgUnitCode: 'DO2206' }), edits(), null);
  assert.match(doc.title, /ท้องถิ่นอำเภอดีเด่น/);
  assert.match(doc.office ?? '', /^สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ.+ จังหวัดจันทบุรี$/);
  assert.ok(doc.indicators.some((r) => r.result === 'ยังไม่มีข้อมูล' && r.score === null));
  assert.equal(doc.total, 0);
});
