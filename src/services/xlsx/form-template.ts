import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Field } from '../../domain/framework/framework-schema.ts';
import { resolveText } from '../../domain/framework/framework-view.ts';
import { displayFieldValue, formatFieldValue, textLimits } from '../../domain/submission/parse-field-value.ts';
import { canEditSubmission } from '../../domain/submission/submission-policy.ts';
import { listAnswerSlots } from '../submissions/answer-slots.ts';
import { loadSubmissionContext, type SubmissionContext } from '../submissions/load-submission.ts';

// Use case: the XLSX template of one form, to fill offline and upload (read-form-upload.ts reads it back).
// One sheet, one row per answer (per item in a repeated section). Column A holds the answer keys and, in A1, a
// marker naming the framework version, form and respondent — hidden and locked, so the upload can tell the file
// is this form's template. Values sit in column D, pre-filled with what is saved, in the form a person would type.

export const templateLayout = { headerRow: 3, firstDataRow: 4, keyColumn: 'A', valueColumn: 'D', maxRows: 5000 } as const;
export const templateMarker = (versionCode: string, formCode: string, unitCode: string) => `matrathan:form-template:v1|${versionCode}|${formCode}|${unitCode}`;

const font = { name: 'Sarabun', size: 14 } as const;
const n = (v: number) => v.toLocaleString('th-TH');

export function typeHint(field: Field, required: boolean): string {
  const range = [field.min !== undefined && field.min !== 0 ? `ไม่น้อยกว่า ${n(field.min)}` : '', field.max !== undefined ? `ไม่เกิน ${n(field.max)}` : ''].filter(Boolean).join(' ');
  const base: Record<Field['type'], string> = {
    integer: 'จำนวนเต็ม เช่น 1250', decimal: 'ตัวเลข ทศนิยมได้ 4 ตำแหน่ง', money: 'จำนวนเงิน ทศนิยมได้ 2 ตำแหน่ง', percent: 'ร้อยละ 0–100 ทศนิยมได้ 2 ตำแหน่ง',
    area: 'พื้นที่ ทศนิยมได้ 4 ตำแหน่ง', date: 'วัน/เดือน/ปี พ.ศ. เช่น 15/05/2568', yesno: 'เลือก ใช่ หรือ ไม่ใช่',
    choice: `เลือกจากรายการ: ${(field.choices ?? []).map((ch) => ch.label).join(' / ')}`,
    text: `ข้อความไม่เกิน ${n(textLimits.text)} ตัวอักษร`, longtext: `ข้อความไม่เกิน ${n(textLimits.longtext)} ตัวอักษร`, file: '',
  };
  return [base[field.type], range, required ? 'ต้องกรอก' : 'ไม่บังคับ'].filter(Boolean).join(' · ');
}

/** The saved value as the cell shows it: numbers as numbers, the rest as the text the form's parser accepts. */
function cellValue(field: Field, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (field.type === 'yesno' || field.type === 'choice') return displayFieldValue(field, value);
  return formatFieldValue(field, value);
}

/** Excel accepts a list validation of at most 255 characters, without commas inside an entry. */
function listValidation(field: Field): string[] | null {
  const entries = field.type === 'yesno' ? ['ใช่', 'ไม่ใช่'] : field.type === 'choice' ? (field.choices ?? []).map((ch) => ch.label) : null;
  if (!entries || entries.some((e) => e.includes(',') || e.includes('"'))) return null;
  const formula = `"${entries.join(',')}"`;
  return formula.length <= 255 ? [formula] : null;
}

export async function buildFormTemplate(ctx: SubmissionContext, formCode: string): Promise<{ fileName: string; bytes: Buffer }> {
  const { doc } = ctx.version;
  const form = doc.forms.find((f) => f.code === formCode);
  const slots = listAnswerSlots(doc, ctx.audience, { formCode });
  if (!form || slots.length === 0) throw new DomainError('not_found', 'form_not_found');
  const formTitle = resolveText(form.title, ctx.audience, doc);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'มาตรฐาน';
  wb.created = new Date(0); // the same form and answers give the same file
  const ws = wb.addWorksheet(form.code.slice(0, 31), { views: [{ state: 'frozen', ySplit: templateLayout.headerRow }] });
  ws.columns = [
    { key: 'key', width: 24, hidden: true },
    { key: 'section', width: 28 },
    { key: 'label', width: 60 },
    { key: 'value', width: 24 },
    { key: 'unit', width: 14 },
    { key: 'hint', width: 44 },
  ];
  ws.getCell('A1').value = templateMarker(ctx.version.code, form.code, ctx.unit.code);
  ws.getCell('B1').value = `${formTitle} — ${ctx.unit.nameTh} — ${ctx.round.title}`;
  ws.getCell('B1').font = { ...font, size: 16, bold: true };
  ws.getCell('B2').value = 'กรอกเฉพาะคอลัมน์ D (ค่า) แล้วอัปโหลดที่หน้า "กรอกข้อมูลด้วยไฟล์ Excel" ห้ามแก้ไขหรือสลับแถว ช่องว่าง = ไม่มีคำตอบ';
  ws.getCell('B2').font = { ...font, italic: true };
  const header = ws.getRow(templateLayout.headerRow);
  header.values = ['key', 'ส่วน', 'ข้อมูล', 'ค่า', 'หน่วย', 'วิธีกรอก'];
  header.font = { ...font, bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  slots.forEach((slot, i) => {
    const row = ws.getRow(templateLayout.firstDataRow + i);
    row.values = [slot.key, resolveText(slot.section.title, ctx.audience, doc), slot.label, cellValue(slot.field, ctx.answers.get(slot.key)), slot.field.unit ?? '', typeHint(slot.field, slot.required)];
    row.font = font;
    row.alignment = { vertical: 'top', wrapText: true };
    const value = row.getCell(4);
    value.protection = { locked: false };
    value.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFBE6' } };
    value.border = { top: { style: 'thin', color: { argb: 'FFBBBBBB' } }, bottom: { style: 'thin', color: { argb: 'FFBBBBBB' } } };
    // Text stays text: a date typed as 15/05/2568 must not become an Excel date in the year 2568.
    if (!['integer', 'decimal', 'money', 'percent', 'area'].includes(slot.field.type)) value.numFmt = '@';
    const list = listValidation(slot.field);
    if (list) value.dataValidation = { type: 'list', allowBlank: true, formulae: list, showErrorMessage: true, errorTitle: 'ค่าไม่อยู่ในรายการ', error: 'เลือกจากรายการในช่องนี้' };
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${ctx.unit.code}-${form.code}.xlsx`, bytes };
}

/** The template for the respondent's own people (those who may upload it). */
export async function downloadFormTemplate(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { roundId: number; orgUnitCode: string; formCode: string }) {
  const ctx = await loadSubmissionContext(deps, actor, input);
  if (!canEditSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
  return buildFormTemplate(ctx, input.formCode);
}
