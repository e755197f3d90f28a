import type { Context } from 'hono';
import { z } from 'zod';
import { bangkokInstant, toBangkok, toBE, toCE } from '../../../domain/dates/bangkok-time.ts';
import { DomainError } from '../../../domain/errors.ts';
import { laoTypes } from '../../../domain/org/lao-type.ts';
import type { FieldErrors } from '../../components/forms.tsx';
import { th, type MessageKey } from '../../messages/th.ts';

// The round forms at the edge. People type Buddhist-Era dates (วว/ดด/ปปปป) and a time (ชช:นน) in Asia/Bangkok;
// a deadline's minute counts to its last second (23:59 = 23:59:59), an opening starts at its first.

export type RawForm = Record<string, string | string[]>;

/** The posted form with repeated keys (checkboxes) kept as lists; files dropped. */
export async function readForm(c: Context): Promise<RawForm> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return {};
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const out: RawForm = {};
  for (const [k, v] of Object.entries(body)) {
    const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, 2000));
    if (strings.length) out[k] = strings.length === 1 && !Array.isArray(v) ? strings[0]! : strings;
  }
  return out;
}

export const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
export const many = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const arabicDigits = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

export type DateKind = 'start' | 'deadline';
export const defaultTime: Record<DateKind, string> = { start: '00:00', deadline: '23:59' };

/** A date (วว/ดด/ปปปป พ.ศ.) and a time (ชช:นน) in Bangkok → the instant; a Thai message naming the date (`what`)
 * for each way it can be wrong. */
export function parseDateTime(rawDate: string, rawTime: string, kind: DateKind, what = 'วันที่'): { ok: true; at: Date } | { ok: false; message: string } {
  const date = arabicDigits(rawDate.trim());
  const time = arabicDigits(rawTime.trim()) || defaultTime[kind];
  if (!date) return { ok: false, message: `กรอก${what} เช่น 31/05/2569` };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(date);
  if (!m) return { ok: false, message: `กรอก${what}เป็น วว/ดด/ปปปป (ปี พ.ศ.) เช่น 31/05/2569` };
  const [day, month, yearBE] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (yearBE < 2500 || yearBE > 2700) return { ok: false, message: `กรอกปีของ${what}เป็น พ.ศ. เช่น ${yearBE > 1900 && yearBE < 2200 ? toBE(yearBE) : 2569}` };
  const yearCE = toCE(yearBE);
  const probe = new Date(Date.UTC(yearCE, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return { ok: false, message: `${what}: ไม่มีวันที่นี้ในปฏิทิน ตรวจวันและเดือนอีกครั้ง` };
  const t = /^(\d{1,2})[:.](\d{2})(?:\s*น\.?)?$/.exec(time);
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) return { ok: false, message: `กรอกเวลาของ${what}เป็น ชช:นน แบบ 24 ชั่วโมง เช่น 16:30` };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, at: bangkokInstant(`${yearCE}-${pad(month)}-${pad(day)}`, `${pad(Number(t[1]))}:${t[2]}:${kind === 'deadline' ? '59' : '00'}`) };
}

/** An instant as the two form values it came from. */
export function dateTimeValues(at: Date): { date: string; time: string } {
  const { date, time } = toBangkok(at);
  const [y, m, d] = date.split('-');
  return { date: `${d}/${m}/${toBE(Number(y))}`, time };
}

/** The zod field for one date-time pair posted as `<name>Date` and `<name>Time` (gathered by `withDateTimes`). */
export const dateTimeField = (kind: DateKind, what: string) =>
  z.object({ date: z.string().default(''), time: z.string().default('') }).transform((v, ctx) => {
    const parsed = parseDateTime(v.date, v.time, kind, what);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.at;
  });

/** What the schemas read: one string per field (the first, when a field came twice), lists for the `lists` named,
 * and each date-time pair gathered under its name. */
export function withDateTimes(raw: RawForm, names: string[], lists: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, lists.includes(k) ? many(v) : one(v)]));
  for (const n of names) out[n] = { date: one(raw[`${n}Date`]), time: one(raw[`${n}Time`]) };
  return out;
}

const idField = (message: string) => z.string({ error: message }).regex(/^\d{1,9}$/, message).transform(Number);
export const fiscalYearField = z.string({ error: 'กรอกปีงบประมาณ (พ.ศ.)' }).trim().transform((v, ctx) => {
  const n = Number(arabicDigits(v));
  if (!/^\d{4}$/.test(arabicDigits(v))) ctx.addIssue({ code: 'custom', message: 'กรอกปีงบประมาณเป็นตัวเลข พ.ศ. 4 หลัก เช่น 2569' });
  else if (n < 2500 || n > 2700) ctx.addIssue({ code: 'custom', message: `กรอกปีงบประมาณเป็น พ.ศ. เช่น ${n > 1900 && n < 2200 ? toBE(n) : 2569}` });
  return n;
});
const reasonField = (what: string) => z.string({ error: `กรอก${what}` }).trim().min(1, `กรอก${what}`).min(10, `${what}ต้องยาวอย่างน้อย 10 ตัวอักษร อธิบายเหตุที่ต้องขยายเวลา`).max(1000, `${what}ยาวได้ไม่เกิน 1,000 ตัวอักษร`);

export const roundForm = z.object({
  programmeId: idField('เลือกโครงการ'),
  frameworkVersionId: idField('เลือกกรอบการประเมิน'),
  title: z.string({ error: 'กรอกชื่อรอบการประเมิน' }).trim().min(1, 'กรอกชื่อรอบการประเมิน').max(300, 'ชื่อรอบยาวได้ไม่เกิน 300 ตัวอักษร'),
  fiscalYear: fiscalYearField,
  quarter: z.enum(['', '1', '2', '3', '4'], { error: 'เลือกไตรมาส' }).default('').transform((v) => (v ? Number(v) : null)),
  opensAt: dateTimeField('start', 'วันเปิดรับข้อมูล'),
  dueAt: dateTimeField('deadline', 'วันกำหนดส่ง'),
  lateUntil: dateTimeField('deadline', 'วันสิ้นสุดการรับข้อมูลล่าช้า'),
  editClosesAt: dateTimeField('deadline', 'วันปิดการแก้ไข'),
  laoTypes: z.array(z.enum(laoTypes, { error: 'เลือกประเภท อปท. จากรายการ' })).default([]),
  excludedProvinceCodes: z.array(z.string().regex(/^\d{2}$/, 'เลือกจังหวัดจากรายการ')).max(77, 'เลือกจังหวัดจากรายการ').default([]),
});
export const roundDateNames = ['opensAt', 'dueAt', 'lateUntil', 'editClosesAt'];

export const roundDatesForm = z.object({ opensAt: dateTimeField('start', 'วันเปิดรับข้อมูล'), dueAt: dateTimeField('deadline', 'วันกำหนดส่ง'), lateUntil: dateTimeField('deadline', 'วันสิ้นสุดการรับข้อมูลล่าช้า'), editClosesAt: dateTimeField('deadline', 'วันปิดการแก้ไข') });

export const generateForm = z.object({
  programmeId: idField('เลือกโครงการรายไตรมาส'),
  fiscalYear: fiscalYearField,
  fromQuarter: z.enum(['1', '2', '3', '4'], { error: 'เลือกไตรมาสแรกที่จะสร้าง' }).transform((v) => Number(v) as 1 | 2 | 3 | 4),
});

export const stateTargets = ['open', 'closed', 'published'] as const;
export const stateForm = z.object({
  to: z.enum(stateTargets, { error: 'เลือกสถานะ' }),
  confirm: z.literal('yes', { error: 'ทำเครื่องหมายยืนยันก่อนเปลี่ยนสถานะ' }),
});

export const internalDeadlineForm = z.object({
  title: z.string({ error: 'กรอกชื่อกำหนดส่ง' }).trim().min(1, 'กรอกชื่อกำหนดส่ง เช่น กลุ่มงานและท้องถิ่นอำเภอส่งข้อมูลให้จังหวัด').max(300, 'ชื่อยาวได้ไม่เกิน 300 ตัวอักษร'),
  provinceId: z.string().default('').refine((v) => v === '' || /^\d{1,9}$/.test(v), 'เลือกจังหวัดจากรายการ').transform((v) => (v ? Number(v) : null)),
  internalDue: dateTimeField('deadline', 'วันกำหนดส่งภายใน'),
});

export const requestForm = z.object({
  scope: z.enum(['respondent', 'province'], { error: 'เลือกว่าขอสำหรับหน่วยใด' }),
  orgUnitId: idField('เลือกหน่วยงานที่ขอขยายเวลา'),
  requestDue: dateTimeField('deadline', 'วันที่ขอขยายถึง'),
  reason: reasonField('เหตุผลที่ขอขยายเวลา'),
});

export const grantForm = z
  .object({
    scope: z.enum(['all', 'province', 'respondent'], { error: 'เลือกขอบเขตการขยายเวลา' }),
    provinceId: z.string().default(''),
    laoCode: z.string().trim().max(32, 'รหัสยาวเกินไป').default(''),
    grantDue: dateTimeField('deadline', 'วันที่ขยายถึง'),
    reason: reasonField('เหตุผลการขยายเวลา'),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'province' && !/^\d{1,9}$/.test(v.provinceId)) ctx.addIssue({ code: 'custom', path: ['provinceId'], message: 'เลือกจังหวัดที่ขยายเวลาให้' });
    if (v.scope === 'respondent' && !v.laoCode) ctx.addIssue({ code: 'custom', path: ['laoCode'], message: 'กรอกรหัสหน่วยงานที่ขยายเวลาให้ เช่น รหัส อปท. 7 หลัก' });
  });

export const decisionForm = z
  .object({
    decision: z.enum(['granted', 'refused'], { error: 'เลือกอนุมัติหรือไม่อนุมัติ' }),
    note: z.string().trim().max(1000, 'หมายเหตุยาวได้ไม่เกิน 1,000 ตัวอักษร').default(''),
    decisionDueDate: z.string().default(''),
    decisionDueTime: z.string().default(''),
  })
  .transform((v, ctx) => {
    if (v.decision === 'refused' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'ระบุเหตุผลที่ไม่อนุมัติ เพื่อแจ้งผู้ขอ' });
    let newDueAt: Date | undefined;
    if (v.decision === 'granted' && v.decisionDueDate.trim()) {
      const parsed = parseDateTime(v.decisionDueDate, v.decisionDueTime, 'deadline', 'วันที่ขยายถึง');
      if (parsed.ok) newDueAt = parsed.at;
      else ctx.addIssue({ code: 'custom', path: ['decisionDue'], message: parsed.message });
    }
    return { decision: v.decision, note: v.note || null, newDueAt };
  });

/** A rule broken in a service ('invalid'/'conflict') as Thai messages at the form's fields; anything else is rethrown.
 * `rename` maps the service's field names to this form's, `fallback` takes messages that name no field. */
export function domainFieldErrors(err: unknown, fallback: string, rename: Record<string, string> = {}): FieldErrors {
  if (!(err instanceof DomainError) || (err.code !== 'invalid' && err.code !== 'conflict')) throw err;
  const at = (field: unknown) => (typeof field === 'string' ? (rename[field] ?? field) : fallback);
  const problems = err.details.problems;
  if (err.messageKey === 'round_dates' && Array.isArray(problems)) {
    return Object.fromEntries((problems as { field: string; message: string }[]).map((p) => [at(p.field), p.message]));
  }
  const message = err.messageKey in th ? th[err.messageKey as MessageKey] : th['error.badRequest'];
  return { [at(err.details.field)]: message };
}
