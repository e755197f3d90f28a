import ExcelJS from 'exceljs';
import { checkZipExpansion } from '../register/check-zip-expansion.ts';
import { templateLayout } from './form-template.ts';

// Reads a filled form template back: the file must really be an .xlsx (by content, whatever its name), must not
// expand into something huge (zip bomb), and must be the template of this form (the marker in A1 and the key
// column). What comes out is each row's answer key and the text of its value cell, with the row number a
// spreadsheet shows; the values themselves are checked by the same parser as the form (save-values.ts).

export const maxUploadBytes = 5 * 1024 * 1024;
/** A form template is a few hundred kilobytes of XML at most. */
const maxExpandedBytes = 30 * 1024 * 1024;

export type UploadProblem = { row: number | null; column: string | null; message: string };
export type UploadRow = { row: number; key: string; value: string };
export type ReadUpload = { ok: true; rows: UploadRow[] } | { ok: false; problems: UploadProblem[] };

const fail = (message: string, row: number | null = null, column: string | null = null): ReadUpload => ({ ok: false, problems: [{ row, column, message }] });
const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const templateAdvice = 'ดาวน์โหลดแม่แบบของแบบนี้จากหน้านี้ กรอกในคอลัมน์ D แล้วอัปโหลดใหม่';

export async function readFormUpload(bytes: Buffer, expected: { marker: string; formTitle: string }): Promise<ReadUpload> {
  if (bytes.length === 0) return fail('ไฟล์ว่างเปล่า เลือกไฟล์แม่แบบที่กรอกแล้ว');
  if (bytes.length > maxUploadBytes) return fail('ไฟล์ใหญ่เกิน 5 MB ไฟล์แม่แบบที่กรอกแล้วไม่ควรใหญ่ขนาดนี้ ดาวน์โหลดแม่แบบใหม่แล้วกรอกอีกครั้ง');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return fail('ไฟล์เป็น Excel รุ่นเก่า (.xls) บันทึกเป็น .xlsx (Excel Workbook) แล้วอัปโหลดใหม่');
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return fail(`ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) แม้ชื่อไฟล์จะลงท้ายด้วย .xlsx ${templateAdvice}`);
  const expansion = checkZipExpansion(bytes, maxExpandedBytes);
  if (expansion === 'too_large') return fail('ไฟล์นี้ขยายตัวเมื่อเปิดจนใหญ่ผิดปกติ ระบบไม่เปิดไฟล์นี้ ใช้แม่แบบที่ดาวน์โหลดจากระบบ');
  if (expansion === 'not_zip') return fail(`ไฟล์นี้เสียหรือไม่ใช่ไฟล์ Excel (.xlsx) ${templateAdvice}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fail(`เปิดไฟล์ Excel นี้ไม่ได้ ${templateAdvice}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) return fail(`ไม่พบแผ่นงานในไฟล์ ${templateAdvice}`);

  const marker = cellText(ws.getCell('A1').value);
  if (marker !== expected.marker) {
    const [, , formCode, unitCode] = marker.startsWith('matrathan:form-template:v1|') ? marker.split('|') : [];
    if (formCode && unitCode) return fail(`ไฟล์นี้เป็นแม่แบบของแบบ ${formCode} หน่วยงาน ${unitCode} ไม่ใช่ของ${expected.formTitle}ที่กำลังอัปโหลด ${templateAdvice}`, 1, 'A');
    return fail(`ไฟล์นี้ไม่ใช่แม่แบบของ${expected.formTitle} (ไม่พบรหัสแม่แบบในเซลล์ A1) ${templateAdvice}`, 1, 'A');
  }
  const header = ws.getRow(templateLayout.headerRow);
  if (cellText(header.getCell(1).value) !== 'key' || cellText(header.getCell(4).value) !== 'ค่า') {
    return fail(`หัวคอลัมน์ในแถว ${templateLayout.headerRow} ถูกแก้ไข (คอลัมน์ A ต้องเป็น key และคอลัมน์ D ต้องเป็น ค่า) ${templateAdvice}`, templateLayout.headerRow, null);
  }
  if (ws.rowCount > templateLayout.firstDataRow + templateLayout.maxRows) return fail(`ไฟล์มีแถวมากเกินกว่าแม่แบบ ${templateAdvice}`);

  const rows: UploadRow[] = [];
  const problems: UploadProblem[] = [];
  for (let r = templateLayout.firstDataRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const key = cellText(row.getCell(1).value).trim();
    const value = row.getCell(4).value;
    const error = cellError(value);
    if (error) {
      problems.push({ row: r, column: templateLayout.valueColumn, message: `แถว ${r} คอลัมน์ ${templateLayout.valueColumn}: ค่าในเซลล์เป็นข้อผิดพลาดของสูตร (${error}) พิมพ์ค่าลงไปแทนสูตร` });
      continue;
    }
    const text = cellText(value);
    if (!key) {
      if (text.trim()) problems.push({ row: r, column: templateLayout.keyColumn, message: `แถว ${r} คอลัมน์ ${templateLayout.keyColumn}: แถวนี้ไม่มีรหัสช่องข้อมูล อย่าเพิ่มหรือย้ายแถวในแม่แบบ กรอกค่าในแถวที่มีอยู่` });
      continue;
    }
    rows.push({ row: r, key, value: text });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

function cellError(value: ExcelJS.CellValue | undefined): string | null {
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  if ('error' in value && value.error) return String(value.error);
  if ('result' in value && value.result !== null && typeof value.result === 'object' && !(value.result instanceof Date) && 'error' in value.result) return String(value.result.error);
  return null;
}

/** A cell as the text a person typed: numbers without float noise, dates as dates (a year past 2400 is พ.ศ.). */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const [y, m, d] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
    return y > 2400 ? `${d}/${m}/${y}` : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: ExcelJS.CellValue; text?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return '';
}
