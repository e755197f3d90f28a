import { sql } from 'kysely';
import type { Db } from '../pool.ts';

// The national picture of a round: stored results counted by state over respondents who sent their data, and
// completion per province or district. What counts as "sent" and as a pass rate is decided by the caller; here only
// the counting. Every query takes the same filter (round, LAO type, province, district).

export type PictureFilter = { roundId: number; laoType: string | null; provinceCode: string | null; districtCode: string | null };
export type StateCounts = { met: number; needsDevelopment: number; noService: number; notDone: number; missing: number };
export type GroupedCounts = { by: 'all' | 'indicator' | 'laoType' | 'place'; key: string | null } & StateCounts;

const where = (f: PictureFilter) => sql`rr.round_id = ${f.roundId}
  and (${f.laoType}::text is null or rr.lao_type = ${f.laoType})
  and (${f.provinceCode}::text is null or rr.province_code = ${f.provinceCode})
  and (${f.districtCode}::text is null or rr.district_code = ${f.districtCode})`;

const stateColumns = sql`count(*) filter (where r.state = 'met')::int as "met",
  count(*) filter (where r.state = 'needs_development')::int as "needsDevelopment",
  count(*) filter (where r.state = 'no_service')::int as "noService",
  count(*) filter (where r.state = 'not_done')::int as "notDone",
  count(*) filter (where r.state = 'missing')::int as "missing"`;

/** Results by state, in the groupings asked for: in all, per indicator, per LAO type, per place (province, or
 * district when `place` says). */
export async function countResultStates(db: Db, f: PictureFilter, submittedStates: readonly string[], place: 'province' | 'district', sets: readonly GroupedCounts['by'][] = ['all', 'indicator', 'laoType', 'place']): Promise<GroupedCounts[]> {
  const columns = { indicator: sql`r.indicator_code`, laoType: sql`rr.lao_type`, place: place === 'province' ? sql`rr.province_code` : sql`rr.district_code` };
  const keys = (['indicator', 'laoType', 'place'] as const).filter((k) => sets.includes(k));
  // A column outside every grouping set may be neither selected nor asked about: it is null, and "left out" (1).
  const select = (['indicator', 'laoType', 'place'] as const).map((k) =>
    keys.includes(k) ? sql`${columns[k]} as ${sql.ref(k)}, grouping(${columns[k]})::int as ${sql.ref(`${k}Out`)}` : sql`null as ${sql.ref(k)}, 1 as ${sql.ref(`${k}Out`)}`);
  const groupingSets = [...(sets.includes('all') ? [sql`()`] : []), ...keys.map((k) => sql`(${columns[k]})`)];
  const rows = await sql<StateCounts & { indicator: string | null; laoType: string | null; place: string | null; indicatorOut: number; laoTypeOut: number; placeOut: number }>`
    select ${sql.join(select)}, ${stateColumns}
    from round_respondents rr
    join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id and s.state = any(${submittedStates as string[]}::text[])
    join results r on r.submission_id = s.id
    where ${where(f)}
    group by grouping sets (${sql.join(groupingSets)})`.execute(db);
  return rows.rows.map(({ indicator, laoType, place: key, indicatorOut, laoTypeOut, placeOut, ...counts }) => {
    if (!indicatorOut) return { by: 'indicator', key: indicator, ...counts };
    if (!laoTypeOut) return { by: 'laoType', key: laoType, ...counts };
    if (!placeOut) return { by: 'place', key, ...counts };
    return { by: 'all', key: null, ...counts };
  });
}

/** Per respondent that sent its data: how many of its indicators were met, and how many could be judged (met or
 * needs development). */
export async function respondentShares(db: Db, f: PictureFilter, submittedStates: readonly string[], judged: readonly string[]): Promise<{ met: number; judged: number; n: number }[]> {
  const rows = await sql<{ met: number; judged: number; n: number }>`
    select x.met, x.judged, count(*)::int as n from (
      select count(*) filter (where r.state = 'met')::int as met, count(*) filter (where r.state = any(${judged as string[]}::text[]))::int as judged
      from round_respondents rr
      join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id and s.state = any(${submittedStates as string[]}::text[])
      join results r on r.submission_id = s.id
      where ${where(f)}
      group by s.id
    ) x group by x.met, x.judged`.execute(db);
  return rows.rows;
}

/** Expected respondents and those that sent their data: in all (`place` null, `total` true) and per province or
 * district. */
export async function countCompletion(db: Db, f: PictureFilter, submittedStates: readonly string[], place: 'province' | 'district'): Promise<{ place: string | null; total: boolean; expected: number; submitted: number }[]> {
  const placeColumn = place === 'province' ? sql`rr.province_code` : sql`rr.district_code`;
  const rows = await sql<{ place: string | null; total: boolean; expected: number; submitted: number }>`
    select ${placeColumn} as "place", grouping(${placeColumn}) = 1 as "total", count(*)::int as "expected",
      count(s.id) filter (where s.state = any(${submittedStates as string[]}::text[]))::int as "submitted"
    from round_respondents rr
    left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
    where ${where(f)}
    group by grouping sets ((), (${placeColumn}))`.execute(db);
  return rows.rows;
}

export type PreviousRound = { id: number; title: string; fiscalYear: number; frameworkVersionId: number; state: string; publishedAt: Date | null };

/** The round of the same programme just before this one that has closed (or been published). */
export async function findPreviousRound(db: Db, roundId: number, states: readonly string[]): Promise<PreviousRound | undefined> {
  const rows = await sql<PreviousRound>`
    select p.id, p.title, p.fiscal_year as "fiscalYear", p.framework_version_id as "frameworkVersionId", p.state, p.published_at as "publishedAt"
    from rounds r join rounds p on p.programme_id = r.programme_id and p.id <> r.id
      and (p.fiscal_year, coalesce(p.quarter, 0)) < (r.fiscal_year, coalesce(r.quarter, 0)) and p.state = any(${states as string[]}::text[])
    where r.id = ${roundId} order by p.fiscal_year desc, coalesce(p.quarter, 0) desc limit 1`.execute(db);
  return rows.rows[0];
}

/** Thai names of provinces or districts by DOPA code. */
export async function placeNames(db: Db, kind: 'province' | 'district', codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db.selectFrom('org_units').select(['code', 'name_th']).where('kind', '=', kind).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name_th]));
}

/** The LAO types among a round's respondents (for the filter), and the provinces. */
export async function respondentFacets(db: Db, roundId: number): Promise<{ laoTypes: string[]; provinceCodes: string[] }> {
  const rows = await sql<{ laoTypes: string[] | null; provinceCodes: string[] | null }>`
    select array_agg(distinct lao_type) filter (where lao_type is not null) as "laoTypes",
      array_agg(distinct province_code) filter (where province_code is not null) as "provinceCodes"
    from round_respondents where round_id = ${roundId}`.execute(db);
  return { laoTypes: rows.rows[0]?.laoTypes ?? [], provinceCodes: rows.rows[0]?.provinceCodes ?? [] };
}

export type OpenDataRespondent = {
  submissionId: number; orgCode: string; orgName: string; laoType: string | null;
  provinceCode: string | null; provinceName: string | null; districtCode: string | null; districtName: string | null;
};

/** The respondents whose data the open files hold, in the files' order: province, district, then code. */
export async function listOpenDataRespondents(db: Db, roundId: number, submittedStates: readonly string[]): Promise<OpenDataRespondent[]> {
  const rows = await sql<OpenDataRespondent>`
    select s.id as "submissionId", u.code as "orgCode", u.name_th as "orgName", rr.lao_type as "laoType",
      rr.province_code as "provinceCode", p.name_th as "provinceName", rr.district_code as "districtCode", d.name_th as "districtName"
    from round_respondents rr
    join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id and s.state = any(${submittedStates as string[]}::text[])
    join org_units u on u.id = rr.org_unit_id
    left join org_units p on p.kind = 'province' and p.code = rr.province_code
    left join org_units d on d.kind = 'district' and d.code = rr.district_code
    where rr.round_id = ${roundId}
    order by rr.province_code, rr.district_code, u.code`.execute(db);
  return rows.rows;
}

export type StoredResult = { submissionId: number; indicatorCode: string; value: number | null; numerator: number | null; denominator: number | null; state: string };

/** The stored results of these submissions. */
export async function listResultsOf(db: Db, submissionIds: number[]): Promise<StoredResult[]> {
  if (!submissionIds.length) return [];
  const rows = await sql<StoredResult>`
    select submission_id as "submissionId", indicator_code as "indicatorCode", value, numerator, denominator, state
    from results where submission_id = any(${submissionIds}::int[])`.execute(db);
  return rows.rows;
}

/** What changes whenever the sent data of these rounds does: a submission sent, accepted or returned changes the
 * counts, and every change of state raises its version. Drafts are left out: their saves change nothing counted. */
export async function sentVersion(db: Db, roundIds: number[], submittedStates: readonly string[]): Promise<string> {
  const row = (await sql<{ v: string }>`
    select concat_ws(':', count(*), count(*) filter (where state = 'accepted'), coalesce(sum(version), 0), max(updated_at)::text) as v
    from submissions where round_id = any(${roundIds}::int[]) and state = any(${submittedStates as string[]}::text[])`.execute(db)).rows[0];
  return row?.v ?? '';
}
