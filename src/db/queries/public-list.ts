import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../pool.ts';
import type { SubmissionState } from '../schema.ts';

// The public list of respondents that have completed entry for a round. Only org units and when they sent: never
// answers, never people. Which submission states count as completed is the caller's rule (passed in). No business
// rules here.

export type PublicListFilter = { provinceCode: string | null; districtCode: string | null; laoType: string | null; search: PublicSearch | null };
/** A name fragment with every space removed (matched against the name without spaces), or the start of a code. */
export type PublicSearch = { kind: 'name'; text: string } | { kind: 'code'; text: string };

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function searchMatch(search: PublicSearch | null): RawBuilder<boolean> {
  if (!search) return sql<boolean>`true`;
  if (search.kind === 'code') return sql<boolean>`u.code like ${`${likeEscape(search.text)}%`}`;
  return sql<boolean>`replace(u.name_th, ' ', '') like ${`%${likeEscape(search.text)}%`}`;
}

/** What the page's ETag is made of: how many have completed and the latest time one did. */
export async function publicListFreshness(db: Db, roundId: number, states: readonly SubmissionState[]): Promise<{ completed: number; latest: Date | null }> {
  const row = await sql<{ completed: number; latest: Date | null }>`
    select count(*)::int as completed, max(submitted_at) as latest from submissions where round_id = ${roundId} and state = any(${states}::text[])`.execute(db);
  return row.rows[0] ?? { completed: 0, latest: null };
}

export type PublicRespondentRow = { code: string; name: string; kind: string; laoType: string | null; provinceName: string | null; districtName: string | null; submittedAt: Date | null };

/** A page of the respondents that completed entry, by name in Thai order (the ICU collation of the column). The page
 * is cut before the province and district names are looked up: one collated sort key over a few thousand rows. */
export async function listPublicRespondents(db: Db, roundId: number, states: readonly SubmissionState[], f: PublicListFilter, page: { limit: number; offset: number }): Promise<PublicRespondentRow[]> {
  const rows = await sql<PublicRespondentRow>`
    with page as (
      select u.code, u.name_th, u.kind, rr.lao_type, rr.province_code, rr.district_code, s.submitted_at
      from round_respondents rr
      join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id and s.state = any(${states}::text[])
      join org_units u on u.id = rr.org_unit_id
      where rr.round_id = ${roundId}
        and (${f.provinceCode}::text is null or rr.province_code = ${f.provinceCode})
        and (${f.districtCode}::text is null or rr.district_code = ${f.districtCode})
        and (${f.laoType}::text is null or rr.lao_type = ${f.laoType})
        and ${searchMatch(f.search)}
      order by u.name_th, u.code
      limit ${page.limit} offset ${page.offset})
    select page.code, page.name_th as name, page.kind, page.lao_type as "laoType", p.name_th as "provinceName", d.name_th as "districtName", page.submitted_at as "submittedAt"
    from page
    left join org_units p on p.kind = 'province' and p.code = page.province_code
    left join org_units d on d.kind = 'district' and d.code = page.district_code
    order by page.name_th, page.code`.execute(db);
  return rows.rows;
}

export type PublicListGroup = { provinceCode: string | null; districtCode: string | null; laoType: string | null; matches: boolean; expected: number; completed: number };

/** Expected and completed respondents by province, district, LAO type and whether the search matches: small
 * enough (a few thousand groups at most) for the page to sum any view of it. */
export async function publicListGroups(db: Db, roundId: number, states: readonly SubmissionState[], search: PublicSearch | null): Promise<PublicListGroup[]> {
  // The names are read only when there is a search to match them against.
  const rows = await sql<PublicListGroup>`
    select rr.province_code as "provinceCode", rr.district_code as "districtCode", rr.lao_type as "laoType", ${searchMatch(search)} as matches,
           count(*)::int as expected, count(s.id)::int as completed
    from round_respondents rr
    ${search ? sql`join org_units u on u.id = rr.org_unit_id` : sql``}
    left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id and s.state = any(${states}::text[])
    where rr.round_id = ${roundId}
    group by 1, 2, 3, 4`.execute(db);
  return rows.rows;
}

/** Province and district names by code, in Thai order. */
export async function listAreaNames(db: Db, codes: { provinces: string[]; districts: string[] }): Promise<{ kind: 'province' | 'district'; code: string; name: string }[]> {
  if (!codes.provinces.length && !codes.districts.length) return [];
  const rows = await sql<{ kind: 'province' | 'district'; code: string; name: string }>`
    select kind, code, name_th as name from org_units
    where (kind = 'province' and code = any(${codes.provinces}::text[])) or (kind = 'district' and code = any(${codes.districts}::text[]))
    order by name_th, code`.execute(db);
  return rows.rows;
}

/** Completed respondents per round, for the index of rounds. */
export async function countCompletedByRound(db: Db, roundIds: number[], states: readonly SubmissionState[]): Promise<Map<number, { completed: number; latest: Date | null }>> {
  if (!roundIds.length) return new Map();
  const rows = await sql<{ roundId: number; completed: number; latest: Date | null }>`
    select round_id as "roundId", count(*)::int as completed, max(submitted_at) as latest from submissions
    where round_id = any(${roundIds}::int[]) and state = any(${states}::text[]) group by round_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.roundId, { completed: r.completed, latest: r.latest }]));
}
