import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  closeDocumentBrowser,
  configureDocumentBrowser,
  renderLetterPdf,
  renderMemoPdf,
  renderOutstandingOfficePdf,
  renderQuarterlyReportPdf,
  renderResultsTablePdf,
} from '../../src/documents/index.ts';
import { formatter } from '../../src/documents/format.ts';
import { documentBrowserLaunches } from '../../src/documents/pdf.ts';
import { assertBreaksBetweenWords } from './line-breaks.ts';
import { pdfToPngs, readPdf, type PdfPage } from './read-back.ts';
import { educationSentence, letterSample, memoSample, outstandingSample, quarterlySample, resultsTableSample } from './samples.ts';

// The PDFs are Chromium's print of the documents' HTML. Read back with pdf.js, the Thai must come out exactly as
// written (tone marks, sara am), lines must break between words, pages must be A4. Each page is also written as a
// PNG under .tmp/documents/ for a person to look at.

const outDir = path.resolve(import.meta.dirname, '../../.tmp/documents');
const a4 = { widthPt: 595.28, heightPt: 841.89 };

async function keep(name: string, pdf: Buffer): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, `${name}.pdf`), pdf);
  const pngs = await pdfToPngs(pdf);
  pngs?.forEach((png, i) => writeFileSync(path.join(outDir, `${name}-${i + 1}.png`), png));
}

function assertA4(pages: PdfPage[], landscape = false): void {
  for (const p of pages) {
    const [w, h] = landscape ? [a4.heightPt, a4.widthPt] : [a4.widthPt, a4.heightPt];
    assert.ok(Math.abs(p.widthPt - w) < 1.5 && Math.abs(p.heightPt - h) < 1.5, `page ${p.widthPt} × ${p.heightPt} pt is A4`);
  }
}

const allText = (pages: PdfPage[]) => pages.flatMap((p) => p.lines).join('');
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('PDF', () => {
  before(() => configureDocumentBrowser({ chromiumPath: process.env.CHROMIUM_PATH || undefined }));
  after(() => closeDocumentBrowser());

  it('memo: A4, the Thai exactly as written, lines broken between words', async () => {
    const doc = memoSample();
    const pdf = await renderMemoPdf(doc);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await keep('memo', pdf);
    const pages = await readPdf(pdf);
    assertA4(pages);
    const text = allText(pages);
    for (const s of ['บันทึกข้อความ', 'ส่วนราชการ', 'วันที่', 'เรื่อง', educationSentence, 'สำนักปลัดเทศบาล เทศบาลตำบลโป่งน้ำร้อน', 'ที่ต้องพัฒนา', '25 สิงหาคม 2568']) {
      assert.ok(text.includes(s), `"${s}" in the PDF text`);
    }
    for (const p of [...doc.paragraphs, ...doc.proposal, ...doc.toDevelop.slice(0, 1)]) assertBreaksBetweenWords(pages, p);
    assert.ok(text.includes('(นางนราพร  มิตรวิเชียร)') || text.includes('(นางนราพร มิตรวิเชียร)'), 'the signatory');
  });

  it('memo with Thai digits: figures and dates in Thai digits, a URL left alone; no emblem', async () => {
    const pdf = await renderMemoPdf(memoSample({ thaiDigits: true, emblem: null }));
    await keep('memo-thai-digits', pdf);
    const text = allText(await readPdf(pdf));
    assert.ok(text.includes('๒๕ สิงหาคม ๒๕๖๘'), 'the date');
    assert.ok(text.includes('ทั้ง ๓ ด้าน รวม ๒๔ ตัวชี้วัด'), 'figures in the wording');
    assert.ok(text.includes('https://odloc.go.th/r/2568'), 'the URL as typed');
    assert.doesNotMatch(text.replace(/https?:\/\/\S+/g, ''), /\b(2568|24)\b/);
  });

  it('letter: A4, Thai digits, the closing and the contact', async () => {
    const pdf = await renderLetterPdf(letterSample());
    await keep('letter', pdf);
    const pages = await readPdf(pdf);
    assertA4(pages);
    const text = allText(pages);
    for (const s of ['ที่ จบ ๕๓๐๐๑/๑๒๓๔', 'สำนักงานเทศบาลตำบลโป่งน้ำร้อน', '๒๙ สิงหาคม ๒๕๖๘', 'เรียน ท้องถิ่นจังหวัดจันทบุรี', 'อ้างถึง', 'สิ่งที่ส่งมาด้วย', 'ขอแสดงความนับถือ', 'โทร. ๐ ๓๙๓๘ ๗๐๓๘', 'www.odloc.go.th']) {
      assert.ok(text.includes(s), `"${s}" in the PDF text`);
    }
    for (const p of letterSample().paragraphs.slice(0, 2)) assertBreaksBetweenWords(pages, formatter(true).text(p));
  });

  it('report forms: the results table, the quarterly form and the outstanding-office report (landscape)', async () => {
    const results = await renderResultsTablePdf(resultsTableSample());
    await keep('results-table', results);
    const r = await readPdf(results);
    assertA4(r, true);
    assert.ok(squeeze(allText(r)).includes(squeeze('บริการสาธารณะ/ตัวชี้วัด')));
    assert.ok(allText(r).includes('๙๑.๖๗'));

    const quarterly = await renderQuarterlyReportPdf(quarterlySample());
    await keep('quarterly', quarterly);
    const q = await readPdf(quarterly);
    assertA4(q, true);
    assert.ok(allText(q).includes('ข้อมูล ณ วันที่ ๒๕ เดือน เมษายน พ.ศ. ๒๕๖๔'));

    const outstanding = await renderOutstandingOfficePdf(outstandingSample());
    await keep('outstanding-office', outstanding);
    const o = await readPdf(outstanding);
    assertA4(o, true);
    assert.ok(allText(o).includes('ผลการจัดลำดับ: ลำดับที่ ๓'));
  });

  it('concurrent renders share one browser', async () => {
    const launched = documentBrowserLaunches();
    const pdfs = await Promise.all(Array.from({ length: 8 }, (_, i) => renderMemoPdf(memoSample({ referenceNo: `จบ 53001/${i}` }))));
    assert.equal(documentBrowserLaunches(), launched, 'no browser launched for these');
    for (const [i, pdf] of pdfs.entries()) assert.ok(allText(await readPdf(pdf)).includes(`จบ 53001/${i}`));
  });
});
