import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { closeDocumentBrowser, configureDocumentBrowser } from '../../src/documents/index.ts';
import type { Actor } from '../../src/domain/access/actor.ts';
import { inputName } from '../../src/domain/submission/check-section.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { buildQuarterlyReport, loadQuarterlyReport, quarterlyDefaults } from '../../src/services/documents/build-quarterly-report.ts';
import { loadSubmissionContext } from '../../src/services/submissions/load-submission.ts';
import { saveSection } from '../../src/services/submissions/save-section.ts';
import { createUserWithRole, type TestUser } from '../support/factories.ts';
import { signedIn } from '../support/submission-pages.ts';
import { createTestApp, type Browser, type TestApp } from '../support/web.ts';
import { assertThaiRuns, attr, documentXml, runText } from './docx-runs.ts';
import { assertBreaksBetweenWords } from './line-breaks.ts';
import { quarterlyMonitoringRound } from './office-rounds.ts';
import { pdfToPngs, readPdf, type PdfPage } from './read-back.ts';

// DLA's quarterly monitoring report of a province (seed 000's form), from the provincial office's submission in a
// quarterly round: one row per standard, the figures as saved, the wording edited on the page; PDF read back in Thai,
// DOCX runs with the complex-script font, size and language.

const meta = { actorUserId: null, ip: null, requestId: 'test' };
const outDir = path.resolve(import.meta.dirname, '../../.tmp/documents');
const problems = 'ครูผู้ดูแลเด็กไม่เพียงพอ และงบประมาณสำหรับปรับปรุงอาคารยังไม่ได้รับการจัดสรร';
const suggestions = 'ขอรับการสนับสนุนอัตรากำลังครูผู้ดูแลเด็กจากกรมส่งเสริมการปกครองท้องถิ่น';
const summary = 'องค์กรปกครองส่วนท้องถิ่นส่วนใหญ่นำมาตรฐานไปใช้ครบถ้วน ปัญหาที่พบมากคือบุคลากรไม่เพียงพอ';

let t: TestApp;
let roundId: number;
let office: Browser;
let otherOffice: Browser;
let district: Browser;
let officeActor: Actor;
let page: string;
const choices = ['full', 'partial', 'none'] as const;

before(async () => {
  configureDocumentBrowser({ chromiumPath: process.env.CHROMIUM_PATH || undefined });
  t = await createTestApp();
  roundId = await quarterlyMonitoringRound(t, ['22', '20']);
  const users: Record<string, TestUser> = {
    office: await createUserWithRole(t.deps, 'province_office', '22'),
    other: await createUserWithRole(t.deps, 'province_office', '20'),
    district: await createUserWithRole(t.deps, 'district_office', '2206'),
  };
  officeActor = (await loadActor(t.deps.db, users.office!.userId))!;
  office = await signedIn(t, users.office!);
  otherOffice = await signedIn(t, users.other!);
  district = await signedIn(t, users.district!);
  page = `/rounds/${roundId}/provinces/22/quarterly-report`;

  const ctx = await loadSubmissionContext(t.deps, officeActor, { roundId, orgUnitCode: 'PO22' });
  const items = ctx.version.doc.lists!.find((l) => l.code === 'standards')!.items;
  const save = async (sectionCode: string, raw: Record<string, string>) => {
    const r = await saveSection(t.deps, officeActor, { roundId, orgUnitCode: 'PO22', sectionCode, raw, complete: true, confirmedWarnings: true }, meta);
    assert.ok(r.ok, `${sectionCode}: ${JSON.stringify(r)}`);
  };
  await save('F1-S1', { data_as_of: '25/01/2570', lao_total: '90', committee_visits: '3', laos_advised: '20', summary_note: summary });
  const standards: Record<string, string> = {};
  items.forEach((item, i) => {
    standards[inputName('std_compliance', item.code)] = choices[i % 3]!;
    standards[inputName('std_lao_applying', item.code)] = String(10 + i);
    standards[inputName('std_problems', item.code)] = i === 20 ? problems : '';
    standards[inputName('std_suggestions', item.code)] = i === 20 ? suggestions : '';
  });
  await save('F1-S2', standards);
  await save('F1-S3', { reporter_name: 'นางสาวลัดดาวรรณ คอกจันทร์', reporter_position: 'นักส่งเสริมการปกครองท้องถิ่นชำนาญการ', reporter_phone: '0 3931 1234', reporter_email: '' });
});
after(async () => {
  await closeDocumentBrowser();
  await t.close();
});

const form = (extra: Record<string, string> = {}) => ({
  kind: 'report', asOf: '25/01/2570', note: 'ส่งแบบรายงานให้กรมส่งเสริมการปกครองท้องถิ่นทราบเป็นรายไตรมาส', reporterName: 'นางสาวลัดดาวรรณ คอกจันทร์',
  reporterPosition: 'นักส่งเสริมการปกครองท้องถิ่นชำนาญการ', reporterPhone: '0 3931 1234', referenceNo: 'จบ 0023.3/123', date: '20/01/2570',
  subject: 'การติดตามการดำเนินงานตามคู่มือมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น', addressee: 'อธิบดีกรมส่งเสริมการปกครองท้องถิ่น',
  address: 'ถนนเทศบาล 1 จบ 22000', paragraphs: 'ย่อหน้าแรกของหนังสือนำส่ง\n\nจึงเรียนมาเพื่อโปรดทราบ', signatoryName: 'นายทดสอบ ผู้ว่า', signatoryPosition: 'ผู้ว่าราชการจังหวัดจันทบุรี',
  format: 'pdf', ...extra,
});
const squeeze = (s: string) => s.replace(/\s+/g, '');
const textOf = (pages: PdfPage[]) => pages.flatMap((p) => p.lines).join('\n');
async function keep(name: string, pdf: Buffer): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, `${name}.pdf`), pdf);
  (await pdfToPngs(pdf, 80))?.forEach((png, i) => writeFileSync(path.join(outDir, `${name}-${i + 1}.png`), png));
}

test('the figures of the report are the answers saved in the database, one row per standard', async () => {
  const q = await loadQuarterlyReport(t.deps, officeActor, { roundId, provinceCode: '22' });
  const doc = buildQuarterlyReport(q, quarterlyDefaults(q, t.clock.now(), null));
  const stored = await t.deps.db.selectFrom('submission_values as v').innerJoin('submissions as s', 's.id', 'v.submission_id')
    .select(['v.field_key', 'v.item_code', 'v.value']).where('s.round_id', '=', roundId).execute();
  const value = (key: string, item = '') => stored.find((r) => r.field_key === key && r.item_code === item)?.value;
  const items = q.ctx.version.doc.lists!.find((l) => l.code === 'standards')!.items;
  assert.equal(doc.rows.length, items.length);
  const labels = { full: 'ปฏิบัติครบถ้วน', partial: 'ปฏิบัติบางส่วน', none: 'ยังไม่ได้ปฏิบัติ' } as Record<string, string>;
  items.forEach((item, i) => {
    const row = doc.rows[i]!;
    assert.equal(row.standard, item.title);
    assert.ok(row.practice.startsWith(labels[String(value('std_compliance', item.code))]!), `${item.code}: ${row.practice}`);
    assert.ok(row.practice.includes(`${value('std_lao_applying', item.code)} แห่ง`), `${item.code}: ${row.practice}`);
  });
  assert.equal(doc.rows[20]!.problems, value('std_problems', items[20]!.code));
  assert.equal(doc.rows[0]!.problems, '-');
  assert.deepEqual(doc.facts?.map((f) => f.value), ['90 แห่ง', '3 ครั้ง', '20 แห่ง'].map(String));
  assert.equal(String(value('lao_total')), '90');
  assert.deepEqual(doc.summary, [summary]);
  assert.equal(doc.reporter?.name, 'นางสาวลัดดาวรรณ คอกจันทร์', 'the reporter starts from the answers');
  assert.equal(doc.province, 'จันทบุรี');
  assert.match(doc.period ?? '', /^ไตรมาสที่ 2 ปีงบประมาณ พ\.ศ\. \d{4} \(มกราคม – มีนาคม \d{4}\)$/);
});

test('the page: the provincial office of that province, not another province nor a district office', async () => {
  const res = await office.get(page);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /รายงานผลการติดตามรายไตรมาส จังหวัดจันทบุรี/);
  assert.match(html, /มาตรฐานที่บันทึกแล้ว 28 จาก 28 เรื่อง/);
  assert.match(html, /value="25\/01\/2570"/, 'as of the date the office typed');
  assert.match(html, /ยังไม่ได้ส่งข้อมูล/);
  assert.equal((await otherOffice.get(page)).status, 403);
  assert.equal((await district.get(page)).status, 403);
  assert.equal((await office.get(`/rounds/${roundId}/provinces/99/quarterly-report`)).status, 404);
  // the documents page of the office's submission leads here
  const documents = await office.get(`/rounds/${roundId}/submissions/PO22/documents`);
  assert.equal(documents.status, 303);
  assert.equal(documents.headers.get('location'), page);
  assert.equal((await office.post(`/rounds/${roundId}/submissions/PO22/documents`, { kind: 'memo', date: '01/01/2570', subject: 'x', addressee: 'y' })).status, 404, 'no LAO document for it');
});

test('an impossible date comes back at its field, everything typed kept', async () => {
  const res = await office.post(page, form({ asOf: '30/02/2570', note: 'หมายเหตุที่พิมพ์ไว้' }));
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /id="asOf-error">ไม่มีวันที่นี้ในปฏิทิน/);
  assert.match(html, /หมายเหตุที่พิมพ์ไว้/);
});

test('PDF: landscape A4, the form and the Thai as written, read back', async () => {
  const res = await office.post(page, form());
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const pdf = Buffer.from(await res.arrayBuffer());
  await keep('quarterly-report', pdf);
  const pages = await readPdf(pdf);
  for (const p of pages) assert.ok(p.widthPt > p.heightPt && Math.abs(p.widthPt - 841.89) < 1.5, 'landscape A4');
  const text = textOf(pages);
  for (const s of ['แบบติดตามผลการดำเนินงาน', 'ตามคู่มือมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น', 'จังหวัดจันทบุรี', 'ข้อมูล ณ วันที่ 25 เดือน มกราคม พ.ศ. 2570',
    'ชื่อมาตรฐานการบริการสาธารณะ', 'มาตรฐานศูนย์พัฒนาเด็กเล็ก', 'ปฏิบัติครบถ้วน', 'ยังไม่ได้ปฏิบัติ', problems, suggestions, summary, '(นางสาวลัดดาวรรณ คอกจันทร์)']) {
    assert.ok(squeeze(text).includes(squeeze(s)), `"${s}" in the PDF text`);
  }
  assert.ok(text.includes('ครูผู้ดูแลเด็กไม่เพียงพอ'), 'tone marks and vowels exactly as typed, within a line');
});

test('DOCX: Sarabun, complex-script size and Thai language on every Thai run; landscape; the rows', async () => {
  const res = await office.post(page, form({ format: 'docx', thaiDigits: 'yes' }));
  assert.equal(res.status, 200);
  const xml = documentXml(Buffer.from(await res.arrayBuffer()));
  assertThaiRuns(xml);
  assert.equal(attr(xml, 'w:pgSz', 'w:orient'), 'landscape');
  assert.equal(attr(xml, 'w:pgMar', 'w:left'), '1701', 'left margin 3 cm');
  const text = runText(xml);
  assert.ok(text.includes('ข้อมูล ณ วันที่ ๒๕ เดือน มกราคม พ.ศ. ๒๕๗๐'));
  assert.ok(text.includes('มาตรฐานการจัดการขยะมูลฝอย'));
  assert.ok(text.includes('จำนวน อปท. ในจังหวัดที่นำมาตรฐานไปใช้ ๑๘ แห่ง'), 'a figure in Thai digits');
  assert.match(xml, /<w:tblHeader\/>/, 'the heading row repeats on every page');
});

const longParagraph = 'ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้กำหนดให้มีการติดตามการดำเนินงานตามคู่มือมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น และให้จังหวัดรายงานผลการดำเนินงานเป็นรายไตรมาส นั้น';

test('the covering letter to DLA: the reference number, date and signatory as edited; lines broken between words', async () => {
  const res = await office.post(page, form({ kind: 'letter', thaiDigits: 'yes', paragraphs: `${longParagraph}\n\nย่อหน้าแรกของหนังสือนำส่ง` }));
  assert.equal(res.status, 200);
  const pdf = Buffer.from(await res.arrayBuffer());
  await keep('quarterly-letter', pdf);
  const pages = await readPdf(pdf);
  assertBreaksBetweenWords(pages, longParagraph);
  const text = textOf(pages);
  for (const s of ['ที่ จบ ๐๐๒๓.๓/๑๒๓', 'ศาลากลางจังหวัดจันทบุรี', '๒๐ มกราคม ๒๕๗๐', 'เรียน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น', 'สิ่งที่ส่งมาด้วย', 'ย่อหน้าแรกของหนังสือนำส่ง', '(นายทดสอบ ผู้ว่า)', 'ผู้ว่าราชการจังหวัดจันทบุรี']) {
    assert.ok(squeeze(text).includes(squeeze(s)), `"${s}" in the letter`);
  }
});
