import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeDocumentBrowser } from '../../src/documents/index.ts';
import { unzip } from '../documents/read-back.ts';
import { signedIn } from '../support/submission-pages.ts';
import { buildEntryWorld, fillEverything, type EntryWorld } from '../submissions/support.ts';
import { createTestApp, type Browser, type TestApp } from '../support/web.ts';

// The LAO's documents about its results: wording edited on the page, figures from the results, PDF or DOCX.
let t: TestApp;
let w: EntryWorld;
let officer: Browser;
let district: Browser;
let path: string;
before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  await fillEverything(t, w);
  officer = await signedIn(t, w.users.officer);
  district = await signedIn(t, w.users.district);
  path = `/rounds/${w.roundId}/submissions/${w.lao.code}/documents`;
});
after(async () => {
  await closeDocumentBrowser();
  await t.close();
});

const form = (extra: Record<string, string> = {}) => ({
  kind: 'memo', referenceNo: 'จบ 52301/123', date: '15/09/2568', subject: 'รายงานผลการประเมินมาตรฐานขั้นต่ำ', addressee: 'นายกเทศมนตรีตำบลทดสอบ',
  paragraphs: 'ย่อหน้าแรก\n\nย่อหน้าที่สอง', proposal: 'จึงเรียนมาเพื่อโปรดทราบ', signatoryName: 'นางสาวสมศรี ใจดี', signatoryPosition: 'นักวิเคราะห์นโยบายและแผน', phone: '0 3938 7038', format: 'pdf', ...extra,
});

test('the form starts from the usual wording, addressed to the LAO\u2019s executive', async () => {
  const html = await (await officer.get(path)).text();
  assert.match(html, /นายกเทศมนตรีตำบลทดสอบ/);
  assert.match(html, /รายงานผลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี พ.ศ. 2568/);
});

test('a bad date comes back at its field with everything typed kept', async () => {
  const res = await officer.post(path, form({ date: '31/02/2568', subject: 'เรื่องที่พิมพ์ไว้' }));
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /ไม่มีวันที่นี้ในปฏิทิน/);
  assert.match(html, /เรื่องที่พิมพ์ไว้/);
});

test('the memo as PDF, the letter as DOCX, the results table for the district office; the memo is the LAO\u2019s own', async () => {
  const pdf = await officer.post(path, form());
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  const docx = await officer.post(path, form({ kind: 'letter', format: 'docx' }));
  assert.equal(docx.status, 200);
  assert.equal(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
  const table = await district.post(path, form({ kind: 'results', format: 'docx' }));
  assert.equal(table.status, 200);
  assert.equal((await district.post(path, form())).status, 403);
});

test('the letter starts from its own wording, addressed to the provincial office, and prints what was edited', async () => {
  const html = await (await officer.get(`${path}?kind=letter`)).text();
  assert.match(html, /ท้องถิ่นจังหวัดจันทบุรี/);
  assert.match(html, /value="letter" checked/);
  const res = await officer.post(path, form({ kind: 'letter', addressee: 'ท้องถิ่นจังหวัดจันทบุรี', subject: 'แจ้งการบันทึกข้อมูล', format: 'docx' }));
  assert.equal(res.status, 200);
  const docx = Buffer.from(await res.arrayBuffer());
  const xml = unzip(docx).get('word/document.xml')!.toString('utf8');
  assert.match(xml, /แจ้งการบันทึกข้อมูล/);
  assert.match(xml, /ย่อหน้าแรก/);
});
