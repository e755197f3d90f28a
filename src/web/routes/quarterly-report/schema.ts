import { z } from 'zod';
import { thaiDateHint, thaiDatePattern } from '../documents/form-dates.ts';

// The quarterly report form: what a person may change before printing (never a figure).

const text = (max: number) => z.string().trim().max(max, `ยาวเกิน ${max.toLocaleString('th-TH')} ตัวอักษร`);
const date = z.string().trim().regex(thaiDatePattern, thaiDateHint);

export const quarterlySchema = z.object({
  kind: z.enum(['report', 'letter'], { error: 'เลือกเอกสาร' }),
  asOf: date, note: text(2000), reporterName: text(120), reporterPosition: text(200), reporterPhone: text(40),
  referenceNo: text(60), date, subject: text(300).min(1, 'ใส่เรื่อง'), addressee: text(200).min(1, 'ใส่ผู้รับ (เรียน)'), address: text(300),
  paragraphs: text(8000), signatoryName: text(120), signatoryPosition: text(200),
  thaiDigits: z.string().optional(), format: z.enum(['pdf', 'docx']).default('pdf'),
});

export const quarterlyFields = ['asOf', 'note', 'reporterName', 'reporterPosition', 'reporterPhone', 'referenceNo', 'date', 'subject', 'addressee', 'address', 'paragraphs', 'signatoryName', 'signatoryPosition'] as const;
