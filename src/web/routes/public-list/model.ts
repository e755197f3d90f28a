import type { Deps } from '../../../deps.ts';
import { listAreaNames, listPublicRespondents, publicListGroups, type PublicListGroup, type PublicRespondentRow } from '../../../db/queries/public-list.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import type { SubmissionState } from '../../../db/schema.ts';
import { toSearch, type ListQuery } from './query.ts';

// What the public list shows. Completed means sent by the executive and not sent back: submitted or accepted. A
// returned submission is being corrected (its values are drafts again), so it leaves the list until sent again.
export const completedStates: readonly SubmissionState[] = ['submitted', 'accepted'];
export const pageSize = 100;

export type Count = { expected: number; completed: number };
export type PublicListPage = {
  round: RoundRow;
  query: ListQuery;
  problems: string[];
  overall: Count;
  filtered: Count;
  byType: { laoType: string | null; count: Count }[];
  provinces: { code: string; name: string }[];
  districts: { code: string; name: string }[];
  rows: PublicRespondentRow[];
  pages: number;
  latest: Date | null;
};

const add = (a: Count, g: PublicListGroup): Count => ({ expected: a.expected + g.expected, completed: a.completed + g.completed });
const zero = (): Count => ({ expected: 0, completed: 0 });

/** The codes the query names are checked against the round's own respondents; an unknown one is dropped, said so. */
function settle(query: ListQuery, groups: PublicListGroup[], problems: string[]): ListQuery {
  const q = { ...query };
  const provinces = new Set(groups.map((g) => g.provinceCode));
  const districts = new Map(groups.map((g) => [g.districtCode, g.provinceCode]));
  if (q.province && !provinces.has(q.province)) {
    problems.push('ไม่พบจังหวัดที่เลือกในรอบนี้ จึงแสดงทุกจังหวัด');
    q.province = null;
  }
  if (q.district) {
    const provinceOfDistrict = districts.get(q.district);
    if (!provinceOfDistrict || (q.province && provinceOfDistrict !== q.province)) {
      problems.push(q.province ? 'อำเภอที่เลือกไม่อยู่ในจังหวัดนี้ จึงแสดงทุกอำเภอของจังหวัด' : 'ไม่พบอำเภอที่เลือกในรอบนี้ จึงแสดงทุกอำเภอ');
      q.district = null;
    } else q.province = provinceOfDistrict;
  }
  if (q.type && !groups.some((g) => g.laoType === q.type)) {
    problems.push('ไม่มีประเภท อปท. ที่เลือกในรอบนี้ จึงแสดงทุกประเภท');
    q.type = null;
  }
  return q;
}

export async function loadPublicList(deps: Pick<Deps, 'db'>, round: RoundRow, asked: ListQuery, problems: string[], latest: Date | null): Promise<PublicListPage> {
  const search = toSearch(asked.q);
  const rowsOf = (q: ListQuery) => listPublicRespondents(deps.db, round.id, completedStates, { provinceCode: q.province, districtCode: q.district, laoType: q.type, search }, { limit: pageSize, offset: (q.page - 1) * pageSize });
  // The page is read alongside the counts, as asked; in the rare case the counts change the question (an unknown
  // code dropped, a page past the end) it is read again.
  const early = rowsOf(asked);
  early.catch(() => {});
  const groups = await publicListGroups(deps.db, round.id, completedStates, search);
  const query = settle(asked, groups, problems);
  const inArea = (g: PublicListGroup) => (!query.province || g.provinceCode === query.province) && (!query.district || g.districtCode === query.district);
  const overall = groups.reduce(add, zero());
  const typeGroups = groups.filter((g) => inArea(g) && g.matches);
  const filtered = typeGroups.filter((g) => !query.type || g.laoType === query.type).reduce(add, zero());
  const types = new Map<string | null, Count>();
  for (const g of typeGroups) types.set(g.laoType, add(types.get(g.laoType) ?? zero(), g));
  const pages = Math.max(1, Math.ceil(filtered.completed / pageSize));
  query.page = Math.min(query.page, pages);

  const provinceCodes = [...new Set(groups.map((g) => g.provinceCode).filter((c): c is string => !!c))];
  const districtCodes = query.province ? [...new Set(groups.filter((g) => g.provinceCode === query.province).map((g) => g.districtCode).filter((c): c is string => !!c))] : [];
  const same = query.province === asked.province && query.district === asked.district && query.type === asked.type && query.page === asked.page;
  const [names, rows] = await Promise.all([
    listAreaNames(deps.db, { provinces: provinceCodes, districts: districtCodes }),
    same ? early : filtered.completed ? rowsOf(query) : Promise.resolve([]),
  ]);
  const typeOrder = ['pao', 'city', 'town', 'subdistrict', 'sao', 'special'];
  return {
    round, query, problems, overall, filtered,
    byType: [...types].map(([laoType, count]) => ({ laoType, count })).sort((a, b) => typeOrder.indexOf(a.laoType ?? '') - typeOrder.indexOf(b.laoType ?? '')),
    provinces: names.filter((n) => n.kind === 'province').map(({ code, name }) => ({ code, name })),
    districts: names.filter((n) => n.kind === 'district').map(({ code, name }) => ({ code, name })),
    rows, pages, latest,
  };
}
