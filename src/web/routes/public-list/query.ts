import type { PublicSearch } from '../../../db/queries/public-list.ts';
import { laoTypeLabels, laoTypes } from '../../../domain/org/lao-type.ts';

// The list's query string, read leniently: it is typed by anyone and shared as a link, so a value that is not a
// possible code is dropped (and said so), never an error page. Whether a code exists in the round is checked later.

export type ListQuery = { province: string | null; district: string | null; type: string | null; q: string; page: number };
export const searchMaxLength = 100;

const one = (v: string | undefined) => (typeof v === 'string' ? v.trim() : '');

export function parseListQuery(raw: Record<string, string | undefined>): { query: ListQuery; problems: string[] } {
  const problems: string[] = [];
  const province = one(raw.province);
  const district = one(raw.district);
  const type = one(raw.type);
  let q = one(raw.q).replace(/\s+/g, ' ');
  if (q.length > searchMaxLength) {
    problems.push(`คำค้นยาวเกิน ${searchMaxLength} ตัวอักษร จึงไม่ได้ใช้ค้นหา พิมพ์เพียงบางส่วนของชื่อหน่วยงาน`);
    q = '';
  }
  const page = /^\d{1,6}$/.test(one(raw.page)) ? Math.max(1, Number(one(raw.page))) : 1;
  return {
    query: {
      province: /^\d{2}$/.test(province) ? province : null,
      district: /^\d{4}$/.test(district) ? district : null,
      type: (laoTypes as readonly string[]).includes(type) ? type : null,
      q,
      page,
    },
    problems,
  };
}

const thaiDigits = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
// People write the type as its abbreviation ("อบต.บ้านใหม่"); names in the register spell it out.
const abbreviations = laoTypes.filter((t) => t !== 'special').map((t) => ({ short: laoTypeLabels[t].short.replace('.', ''), full: laoTypeLabels[t].full.replace(/\s+/g, '') }));

/** The search as the query matches it: digits are a code prefix; text loses its spaces and its type abbreviation. */
export function toSearch(q: string): PublicSearch | null {
  const text = thaiDigits(q).replace(/\s+/g, '');
  if (!text) return null;
  if (/^\d+$/.test(text)) return { kind: 'code', text };
  for (const a of abbreviations) {
    const m = new RegExp(`^${a.short}\\.?`).exec(text);
    if (m) return { kind: 'name', text: a.full + text.slice(m[0].length) };
  }
  return { kind: 'name', text };
}

/** The query string of a page of the list (empty values left out, so every view has one address). */
export function listHref(roundId: number, q: Omit<ListQuery, 'page'> & { page?: number }): string {
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.province) params.set('province', q.province);
  if (q.district) params.set('district', q.district);
  if (q.type) params.set('type', q.type);
  if (q.page && q.page > 1) params.set('page', String(q.page));
  const s = params.toString();
  return `/public/rounds/${roundId}/respondents${s ? `?${s}` : ''}`;
}
