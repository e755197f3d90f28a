import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { SubmissionState } from '../schema.ts';

// The outstanding-office selection (seed 004): the offices of a round with their submissions, their stored results
// and evidence counts per indicator, the divisions' parts, and the district-office round of a province. No rules here.

export type OfficeRespondentRow = {
  orgUnitId: number; code: string; name: string; provinceCode: string | null; provinceName: string | null;
  submissionId: number | null; state: SubmissionState | null; submittedAt: Date | null;
};

/** Every respondent office of a round (optionally of one province), with its submission if it has one. */
export async function listOfficeRespondents(db: Db, roundId: number, provinceCode: string | null = null): Promise<OfficeRespondentRow[]> {
  const rows = await sql<OfficeRespondentRow>`
    select u.id as "orgUnitId", u.code, u.name_th as name, rr.province_code as "provinceCode", p.name_th as "provinceName",
           s.id as "submissionId", s.state, s.submitted_at as "submittedAt"
    from round_respondents rr
    join org_units u on u.id = rr.org_unit_id
    left join org_units p on p.kind = 'province' and p.code = rr.province_code
    left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
    where rr.round_id = ${roundId} and (${provinceCode}::text is null or rr.province_code = ${provinceCode})
    order by u.code`.execute(db);
  return rows.rows;
}

export type StoredResultRow = { submissionId: number; indicatorCode: string; value: number | null; state: string; level: number | null; score: number | null };

export async function listResultsOf(db: Db, submissionIds: number[]): Promise<StoredResultRow[]> {
  if (!submissionIds.length) return [];
  const rows = await sql<StoredResultRow>`
    select submission_id as "submissionId", indicator_code as "indicatorCode", value, state, level, score
    from results where submission_id = any(${submissionIds}::int[])`.execute(db);
  return rows.rows;
}

/** Live evidence files per submission and indicator. */
export async function countIndicatorEvidence(db: Db, submissionIds: number[]): Promise<{ submissionId: number; indicatorCode: string; n: number }[]> {
  if (!submissionIds.length) return [];
  const rows = await sql<{ submissionId: number; indicatorCode: string; n: number }>`
    select submission_id as "submissionId", indicator_code as "indicatorCode", count(*)::int as n
    from evidence where submission_id = any(${submissionIds}::int[]) and removed_at is null and indicator_code is not null
    group by 1, 2`.execute(db);
  return rows.rows;
}

export type DivisionPartRow = { partCode: string; state: 'in_progress' | 'ready' | 'returned'; updatedAt: Date };

/** The parts of a submission kept for its divisions (`division:<KEY>`), with when each last changed. */
export async function listDivisionParts(db: Db, submissionId: number): Promise<DivisionPartRow[]> {
  const rows = await sql<DivisionPartRow>`
    select part_code as "partCode", state, updated_at as "updatedAt" from submission_parts
    where submission_id = ${submissionId} and part_code like 'division:%'`.execute(db);
  return rows.rows;
}

/** The latest open, closed or published round of a scored district-office programme for a fiscal year that has
 * respondents in the province: where that province's district offices report. */
export async function findDistrictOfficeRound(db: Db, q: { fiscalYear: number; provinceCode: string }): Promise<{ id: number; title: string } | undefined> {
  const rows = await sql<{ id: number; title: string }>`
    select r.id, r.title from rounds r join programmes p on p.id = r.programme_id
    where p.respondents = 'district_office' and p.scored and r.fiscal_year = ${q.fiscalYear} and r.state in ('open', 'closed', 'published')
      and exists (select 1 from round_respondents rr where rr.round_id = r.id and rr.province_code = ${q.provinceCode})
    order by r.id desc limit 1`.execute(db);
  return rows.rows[0];
}

/** The provinces a round's respondents are in, by name (Thai order). */
export async function listRespondentProvinces(db: Db, roundId: number): Promise<{ code: string; name: string; path: string }[]> {
  const rows = await sql<{ code: string; name: string; path: string }>`
    select distinct p.code, p.name_th as name, p.path from round_respondents rr join org_units p on p.kind = 'province' and p.code = rr.province_code
    where rr.round_id = ${roundId} order by 2`.execute(db);
  return rows.rows;
}
