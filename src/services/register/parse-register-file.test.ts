import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { parseRegisterFile, type ParsedRegisterFile } from './parse-register-file.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../test/fixtures/register');
const clean = fs.readFileSync(path.join(fixtures, 'clean.csv'));

function problemCodes(r: ParsedRegisterFile): string[] {
  return r.ok ? [] : r.problems.map((p) => p.code);
}
function table(r: ParsedRegisterFile) {
  assert.ok(r.ok, JSON.stringify(r));
  return r.table;
}

test('a clean CSV: header on row 1, data rows numbered as a spreadsheet numbers them', async () => {
  const t = table(await parseRegisterFile('clean.csv', clean));
  assert.equal(t.headerRow, 1);
  assert.deepEqual(t.headers.slice(0, 3), ['code', 'name_th', 'lao_type']);
  assert.equal(t.rows.length, 12);
  assert.deepEqual(t.rows[0], { row: 2, cells: ['1100001', 'กรุงเทพมหานคร', 'special', '10', '', 'Bangkok Metropolitan Administration', ''] });
});

test('a UTF-8 BOM and Windows line endings read the same as plain UTF-8', async () => {
  const windows = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean.toString('utf8').replaceAll('\n', '\r\n'))]);
  assert.deepEqual(table(await parseRegisterFile('CLEAN.CSV', windows)), table(await parseRegisterFile('clean.csv', clean)));
});

test('a title row above the header and blank lines are skipped, row numbers kept', async () => {
  const t = table(await parseRegisterFile('next-year.csv', fs.readFileSync(path.join(fixtures, 'next-year.csv'))));
  assert.equal(t.headerRow, 2);
  assert.equal(t.rows[0]!.row, 3);
  const gaps = table(await parseRegisterFile('g.csv', Buffer.from('code,name_th\n\n1,ก\n,\n2,ข\n')));
  assert.deepEqual(gaps.rows.map((r) => r.row), [3, 5]);
});

test('semicolon- and tab-separated exports are read too', async () => {
  assert.deepEqual(table(await parseRegisterFile('s.csv', Buffer.from('code;name_th\n1;ก\n'))).rows[0]!.cells, ['1', 'ก']);
  assert.deepEqual(table(await parseRegisterFile('t.csv', Buffer.from('code\tname_th\n1\tก\n'))).rows[0]!.cells, ['1', 'ก']);
});

test('a .csv that is not UTF-8 text is refused with advice, not read as garbage', async () => {
  const tis620 = Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x2c, 0xaa, 0xd7, 0xe8, 0xcd, 0x0a]); // "code,ชื่อ" in TIS-620
  assert.deepEqual(problemCodes(await parseRegisterFile('r.csv', tis620)), ['file_not_utf8']);
  assert.deepEqual(problemCodes(await parseRegisterFile('r.csv', Buffer.from('\ufeffcode', 'utf16le'))), ['file_not_utf8']);
  assert.deepEqual(problemCodes(await parseRegisterFile('r.csv', Buffer.from([0x63, 0x00, 0x64, 0x2c, 0x01, 0x02]))), ['file_not_text']);
  assert.deepEqual(problemCodes(await parseRegisterFile('r.csv', Buffer.from('code,name\n\x07\x08,x\n'))), ['file_not_text']);
});

test('an .xlsx that is really a text file, and an .xlsx named .csv', async () => {
  const fake = await parseRegisterFile('not-really.xlsx', fs.readFileSync(path.join(fixtures, 'not-really.xlsx')));
  assert.deepEqual(problemCodes(fake), ['file_not_xlsx']);
  assert.match(fake.ok ? '' : fake.problems[0]!.message, /ไม่ใช่ไฟล์ Excel/);
  const real = await xlsx([['code', 'name_th'], ['1', 'ก']]);
  assert.deepEqual(problemCodes(await parseRegisterFile('register.csv', real)), ['file_not_text']);
});

test('a zip that is not a workbook, an old .xls, another extension, an empty file', async () => {
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  assert.deepEqual(problemCodes(await parseRegisterFile('old.xlsx', ole)), ['file_old_xls']);
  assert.deepEqual(problemCodes(await parseRegisterFile('old.xls', ole)), ['file_old_xls']);
  assert.deepEqual(problemCodes(await parseRegisterFile('register.pdf', Buffer.from('%PDF-1.7'))), ['file_type_unsupported']);
  assert.deepEqual(problemCodes(await parseRegisterFile('register', clean)), ['file_type_unsupported']);
  assert.deepEqual(problemCodes(await parseRegisterFile('empty.csv', Buffer.alloc(0))), ['file_empty']);
  assert.deepEqual(problemCodes(await parseRegisterFile('blank.csv', Buffer.from('\n,,\n\n'))), ['file_empty']);
  assert.deepEqual(problemCodes(await parseRegisterFile('header.csv', Buffer.from('code,name_th\n'))), ['no_data_rows']);
});

test('over 20 MB is refused before it is read; over 20,000 rows is refused', async () => {
  assert.deepEqual(problemCodes(await parseRegisterFile('big.csv', Buffer.alloc(20 * 1024 * 1024 + 1, 0x61))), ['file_too_large']);
  const many = 'code,name_th\n' + Array.from({ length: 20_001 }, (_, i) => `${i},ก`).join('\n');
  assert.deepEqual(problemCodes(await parseRegisterFile('many.csv', Buffer.from(many))), ['too_many_rows']);
  const enough = 'code,name_th\n' + Array.from({ length: 20_000 }, (_, i) => `${i},ก`).join('\n');
  assert.equal(table(await parseRegisterFile('enough.csv', Buffer.from(enough))).rows.length, 20_000);
});

test('an unclosed quote is reported as a broken CSV', async () => {
  assert.deepEqual(problemCodes(await parseRegisterFile('q.csv', Buffer.from('code,name_th\n1,"ก\n2,ข\n'))), ['file_unreadable']);
});

test('an .xlsx: numbers, dates, rich text and formulas come out as text; the register sheet is found', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('คำอธิบาย').addRow(['ทะเบียนนี้ใช้สำหรับทดสอบ']);
  const sheet = wb.addWorksheet('ทะเบียน');
  sheet.addRow(['ทะเบียน อปท.']);
  sheet.addRow(['รหัส อปท.', 'ชื่อ อปท.', 'ประเภท', 'รหัสจังหวัด', 'รหัสอำเภอ', 'วันที่เริ่ม']);
  sheet.addRow([6220101, { richText: [{ text: 'องค์การบริหารส่วนตำบล' }, { text: 'คลองนารายณ์', font: { bold: true } }] }, 'อบต.', 22, { formula: '2200+1', result: 2201 }, new Date(Date.UTC(2024, 9, 1))]);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const t = table(await parseRegisterFile('register.XLSX', bytes));
  assert.equal(t.headerRow, 2);
  assert.deepEqual(t.rows, [{ row: 3, cells: ['6220101', 'องค์การบริหารส่วนตำบลคลองนารายณ์', 'อบต.', '22', '2201', '2024-10-01'] }]);
});

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('register');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
