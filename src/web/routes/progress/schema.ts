import { z } from 'zod';
import type { RespondentSort } from '../../../db/queries/progress.ts';
import { laoTypes, type LaoType } from '../../../domain/org/lao-type.ts';
import { progressFilters, type ProgressFilter } from '../../../domain/progress/progress-figures.ts';
import { fieldErrors } from '../../forms.ts';

// The progress pages' query string: which area (province, district, LAO type), which respondents (state), in which
// order and page. Anything else of any shape is answered with a Thai message at the field, never a 500.

export const respondentSorts = ['name', 'recent', 'stale'] as const satisfies readonly RespondentSort[];
export const sortLabels: Record<RespondentSort, string> = { name: 'ชื่อหน่วยงาน (ก–ฮ)', recent: 'เคลื่อนไหวล่าสุดก่อน', stale: 'ไม่เคลื่อนไหวนานที่สุดก่อน' };

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const query = z.object({
  province: optional(z.string().regex(/^[0-9]{2}$/, 'รหัสจังหวัดเป็นตัวเลข 2 หลัก เลือกจังหวัดจากรายการ')),
  district: optional(z.string().regex(/^[0-9]{4}$/, 'รหัสอำเภอเป็นตัวเลข 4 หลัก เลือกอำเภอจากรายการ')),
  type: optional(z.enum(laoTypes, 'เลือกประเภท อปท. จากรายการ')),
  state: optional(z.enum(progressFilters, 'เลือกสถานะจากรายการ')),
  sort: optional(z.enum(respondentSorts, 'เลือกการเรียงลำดับจากรายการ')),
  page: optional(z.string().regex(/^[1-9][0-9]{0,4}$/, 'เลขหน้าต้องเป็นตัวเลขตั้งแต่ 1 ขึ้นไป')),
});

export type ProgressParams = {
  provinceCode: string | null; districtCode: string | null; laoType: LaoType | null; state: ProgressFilter | null; sort: RespondentSort; page: number;
};

export type ParsedParams = { ok: true; params: ProgressParams; raw: Record<string, string> } | { ok: false; errors: Record<string, string>; raw: Record<string, string> };

/** Which parameters each page reads: the others are ignored, as a link carries them between pages. */
export const pageParams = {
  summary: ['province', 'district', 'type'],
  respondents: ['province', 'district', 'type', 'state', 'sort', 'page'],
  xlsx: ['province', 'district', 'type', 'state'],
} as const;

/** The first value of each parameter the page reads (a repeated one counts once), parsed. */
export function parseProgressParams(raw: Record<string, string>, page: keyof typeof pageParams): ParsedParams {
  const read: readonly string[] = pageParams[page];
  const known = Object.fromEntries(Object.entries(raw).filter(([k]) => read.includes(k)).map(([k, v]) => [k, String(v).slice(0, 200)]));
  const parsed = query.safeParse(known);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), raw: known };
  const p = parsed.data;
  return {
    ok: true, raw: known,
    params: { provinceCode: p.province ?? null, districtCode: p.district ?? null, laoType: p.type ?? null, state: p.state ?? null, sort: p.sort ?? 'name', page: p.page ? Number(p.page) : 1 },
  };
}

/** The query string of a progress link: only what is set, in a stable order. */
export function progressQuery(p: { province?: string | null; district?: string | null; type?: string | null; state?: string | null; sort?: string | null; page?: number | null }): string {
  const q = new URLSearchParams();
  if (p.province) q.set('province', p.province);
  if (p.district) q.set('district', p.district);
  if (p.type) q.set('type', p.type);
  if (p.state) q.set('state', p.state);
  if (p.sort && p.sort !== 'name') q.set('sort', p.sort);
  if (p.page && p.page > 1) q.set('page', String(p.page));
  const s = q.toString();
  return s ? `?${s}` : '';
}
