import { z } from 'zod';
import { fiscalYearField } from '../rounds/schema.ts';

// The form that starts a new version from the programme's latest one.
export const copyForm = z.object({
  code: z.string({ error: 'กรอกรหัสรุ่น' }).trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'รหัสรุ่นใช้อักษรอังกฤษ ตัวเลข . _ - ไม่เกิน 40 ตัว เช่น odloc-2569'),
  title: z.string({ error: 'กรอกชื่อรุ่น' }).trim().min(1, 'กรอกชื่อรุ่น').max(300, 'ชื่อรุ่นยาวได้ไม่เกิน 300 ตัวอักษร'),
  fiscalYear: fiscalYearField,
});

export const uploadModes = ['check', 'import'] as const;
export const frameworkFileName = /\.(ya?ml|json)$/i;
