import { sql } from 'kysely';
import type { Db } from '../pool.ts';

// DLA's quarterly monitoring across provinces (who has sent what, the texts they sent) and the province's LAOs'
// results in an ODLOC round. No business rules here.

export type ReportRow = {
  roundId: number; orgUnitId: number; officeCode: string; provinceCode: string | null; provinceName: string | null;
  state: string; submittedAt: Date | null; updatedAt: Date | null; answered: number;
};

/** Every respondent (provincial office) of the rounds with its submission's state, by province name. */
export async function listReportRows(db: Db, roundIds: number[]): Promise<ReportRow[]> {
  if (!roundIds.length) return [];
  const r = await sql<ReportRow>`
    select rr.round_id as "roundId", rr.org_unit_id as "orgUnitId", u.code as "officeCode", rr.province_code as "provinceCode", p.name_th as "provinceName",
           coalesce(s.state, 'not_started') as state, s.submitted_at as "submittedAt", s.updated_at as "updatedAt",
           case when s.id is null then 0 else (select count(*)::int from submission_values v where v.submission_id = s.id and v.value is not null and v.value <> 'null'::jsonb) end as answered
    from round_respondents rr
    join org_units u on u.id = rr.org_unit_id
    left join org_units p on p.kind = 'province' and p.code = rr.province_code
    left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
    where rr.round_id = any(${roundIds}::int[])
    order by rr.round_id, p.name_th, u.code`.execute(db);
  return r.rows;
}

export type SentValue = { provinceCode: string; provinceName: string; fieldKey: string; itemCode: string; value: unknown };

/** The answers of the given fields in the reports that have been sent (submitted or accepted). */
export async function listSentValues(db: Db, roundId: number, fieldKeys: string[]): Promise<SentValue[]> {
  if (!fieldKeys.length) return [];
  const r = await sql<SentValue>`
    select rr.province_code as "provinceCode", p.name_th as "provinceName", v.field_key as "fieldKey", v.item_code as "itemCode", v.value
    from submissions s
    join round_respondents rr on rr.round_id = s.round_id and rr.org_unit_id = s.org_unit_id
    join org_units p on p.kind = 'province' and p.code = rr.province_code
    join submission_values v on v.submission_id = s.id
    where s.round_id = ${roundId} and s.state in ('submitted', 'accepted') and v.field_key = any(${fieldKeys}::text[])`.execute(db);
  return r.rows;
}

export type LaoRoundRow = { id: number; title: string; fiscalYear: number; state: string; frameworkVersionId: number; programmeTitle: string };

/** Rounds answered by LAOs (ODLOC's assessment) of a fiscal year up to `fiscalYear`, newest first, drafts left out. */
export async function listLaoRounds(db: Db, fiscalYear: number): Promise<LaoRoundRow[]> {
  return db.selectFrom('rounds as r').innerJoin('programmes as p', 'p.id', 'r.programme_id')
    .select(['r.id', 'r.title', 'r.fiscal_year as fiscalYear', 'r.state', 'r.framework_version_id as frameworkVersionId', 'p.title as programmeTitle'])
    .where('p.respondents', '=', 'lao').where('r.state', '<>', 'draft').where('r.fiscal_year', '<=', fiscalYear)
    .orderBy('r.fiscal_year', 'desc').orderBy('r.due_at', 'desc').limit(20).execute();
}

/** How many of the province's LAOs the round expects, and how many have sent their data. */
export async function countLaoReports(db: Db, roundId: number, provinceCode: string): Promise<{ expected: number; sent: number }> {
  const r = await sql<{ expected: number; sent: number }>`
    select count(*)::int as expected, count(s.id) filter (where s.state in ('submitted', 'accepted'))::int as sent
    from round_respondents rr left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
    where rr.round_id = ${roundId} and rr.province_code = ${provinceCode}`.execute(db);
  return r.rows[0] ?? { expected: 0, sent: 0 };
}

/** Results of the given indicators among the province's LAOs that have sent their data, counted by state. */
export async function countLaoResults(db: Db, roundId: number, provinceCode: string, indicatorCodes: string[]): Promise<{ indicatorCode: string; state: string; n: number }[]> {
  if (!indicatorCodes.length) return [];
  const r = await sql<{ indicatorCode: string; state: string; n: number }>`
    select res.indicator_code as "indicatorCode", res.state, count(*)::int as n
    from round_respondents rr
    join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id and s.state in ('submitted', 'accepted')
    join results res on res.submission_id = s.id
    where rr.round_id = ${roundId} and rr.province_code = ${provinceCode} and res.indicator_code = any(${indicatorCodes}::text[])
    group by res.indicator_code, res.state`.execute(db);
  return r.rows;
}

export type QuarterRoundRow = { id: number; title: string; fiscalYear: number; quarter: number | null; state: string; dueAt: Date };

export async function listProgrammeRounds(db: Db, programmeId: number): Promise<QuarterRoundRow[]> {
  return db.selectFrom('rounds').select(['id', 'title', 'fiscal_year as fiscalYear', 'quarter', 'state', 'due_at as dueAt'])
    .where('programme_id', '=', programmeId).orderBy('fiscal_year', 'desc').orderBy('quarter', 'desc').execute();
}

export type ProvinceReportRound = {
  roundId: number; title: string; fiscalYear: number; quarter: number | null; roundState: string; dueAt: Date;
  state: 'not_started' | 'in_progress' | 'awaiting_approval' | 'submitted' | 'returned' | 'accepted'; submittedAt: Date | null;
};

/** Rounds of quarterly programmes answered by provincial offices in which the province's office is a respondent,
 * newest first, with where its report stands. */
export async function listMonitoringRoundsOf(db: Db, provinceCode: string, limit = 8): Promise<ProvinceReportRound[]> {
  const r = await sql<ProvinceReportRound>`
    select r.id as "roundId", r.title, r.fiscal_year as "fiscalYear", r.quarter, r.state as "roundState", r.due_at as "dueAt",
           coalesce(s.state, 'not_started') as state, s.submitted_at as "submittedAt"
    from rounds r
    join programmes p on p.id = r.programme_id and p.frequency = 'quarterly' and p.respondents = 'province_office'
    join round_respondents rr on rr.round_id = r.id and rr.province_code = ${provinceCode}
    left join submissions s on s.round_id = r.id and s.org_unit_id = rr.org_unit_id
    where r.state <> 'draft'
    order by r.fiscal_year desc, r.quarter desc nulls last, r.id desc
    limit ${limit}`.execute(db);
  return r.rows;
}
