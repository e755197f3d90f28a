import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkZipExpansion } from '../../services/register/check-zip-expansion.ts';
import { makeZip, sampleDocx, sampleExe, sampleHtml, sampleJpeg, samplePdf, samplePng, sampleXlsx, zipBombXlsx } from '../../../test/evidence/sample-files.ts';
import { detectFileType, extensionOf } from './detect-file-type.ts';
import { defaultEvidenceLimits } from './evidence-limits.ts';

const opts = { checkZip: checkZipExpansion, maxUnpackedBytes: defaultEvidenceLimits.maxUnpackedBytes, maxZipEntries: defaultEvidenceLimits.maxZipEntries };
const detect = (bytes: Buffer, name: string) => detectFileType(bytes, name, opts);
const refused = (bytes: Buffer, name: string, reason: string) => {
  const r = detect(bytes, name);
  assert.equal(r.ok, false, `${name} was accepted`);
  if (!r.ok) {
    assert.equal(r.reason, reason, `${name}: ${r.message}`);
    assert.match(r.message, /[\u0E00-\u0E7F]/, 'the message is Thai');
  }
};

test('every accepted type is recognised by its bytes and gets its own content type', () => {
  const cases: [Buffer, string, string, string][] = [
    [samplePdf(), 'รายงาน.pdf', 'pdf', 'application/pdf'],
    [samplePng(), 'ภาพถ่าย.PNG', 'png', 'image/png'],
    [sampleJpeg(), 'photo.jpg', 'jpeg', 'image/jpeg'],
    [sampleJpeg(), 'photo.jpeg', 'jpeg', 'image/jpeg'],
    [sampleDocx(), 'หนังสือ.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [sampleXlsx(), 'ตาราง.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ];
  for (const [bytes, name, kind, contentType] of cases) {
    const r = detect(bytes, name);
    assert.ok(r.ok, `${name}: ${r.ok ? '' : r.message}`);
    assert.equal(r.kind, kind);
    assert.equal(r.contentType, contentType);
  }
});

test('a program renamed .pdf, an HTML page named .png and a text file named .docx are refused', () => {
  refused(sampleExe(), 'report.pdf', 'unknown');
  refused(sampleHtml(), 'photo.png', 'unknown');
  refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'chart.png', 'unknown');
  refused(Buffer.from('just text'), 'letter.docx', 'unknown');
  refused(Buffer.from('%!PS-Adobe-3.0\n'), 'scan.pdf', 'unknown');
});

test('the name must agree with the content: a PNG named .pdf, a PDF without an extension, a DOCX named .xlsx', () => {
  refused(samplePng(), 'scan.pdf', 'extension_mismatch');
  refused(samplePdf(), 'scan', 'extension_mismatch');
  refused(sampleDocx(), 'table.xlsx', 'extension_mismatch');
  const r = detect(samplePng(), 'scan.pdf');
  assert.ok(!r.ok && r.message.includes('.png'), 'the message says which extension to use');
});

test('a zip bomb named .xlsx is refused before anything unpacks it into memory', () => {
  refused(zipBombXlsx(120), 'budget.xlsx', 'too_large_unpacked');
  const many = makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    ...Array.from({ length: 1001 }, (_, i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: Buffer.from('<worksheet/>') })),
  ]);
  refused(many, 'many.xlsx', 'too_large_unpacked');
});

test('a zip that is not Word or Excel, or one with macros, is refused', () => {
  refused(makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]), 'data.xlsx', 'unknown');
  refused(makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]), 'no-content-types.xlsx', 'unknown');
  refused(sampleXlsx([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]), 'both.xlsx', 'unknown');
  refused(sampleXlsx([{ name: 'xl/vbaProject.bin', data: Buffer.from('macro') }]), 'macro.xlsx', 'macros');
});

test('old Word and Excel files are refused with a way forward', () => {
  const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  refused(cfb, 'old.doc', 'old_office');
  const r = detect(cfb, 'old.xls');
  assert.ok(!r.ok && r.message.includes('.xlsx'));
});

test('truncated files of every type are refused as damaged', () => {
  const cut = (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6));
  refused(cut(samplePdf(2000)), 'cut.pdf', 'damaged');
  refused(cut(samplePng()), 'cut.png', 'damaged');
  refused(cut(sampleJpeg()), 'cut.jpg', 'damaged');
  refused(cut(sampleDocx()), 'cut.docx', 'damaged');
  refused(cut(sampleXlsx()), 'cut.xlsx', 'damaged');
  refused(Buffer.from([0x89, 0x50]), 'tiny.png', 'unknown');
  refused(Buffer.alloc(0), 'empty.pdf', 'unknown');
});

test('arbitrary bytes never throw', () => {
  for (let i = 0; i < 500; i++) {
    const len = Math.floor(Math.random() * 200);
    const bytes = Buffer.from(Array.from({ length: len }, () => Math.floor(Math.random() * 256)));
    if (i % 3 === 0) bytes.write('PK\u0003\u0004', 0, 'latin1');
    if (i % 3 === 1 && len > 30) bytes.writeUInt32LE(0x06054b50, len - 22);
    assert.doesNotThrow(() => detect(bytes, 'x.xlsx'));
  }
});

test('extensionOf reads only the last part of the last path segment', () => {
  assert.equal(extensionOf('a/b\\c.tar.PDF'), 'pdf');
  assert.equal(extensionOf('.pdf'), '');
  assert.equal(extensionOf('noext'), '');
});
