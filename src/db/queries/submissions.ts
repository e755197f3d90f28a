import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { SubmissionState } from '../schema.ts';

// Submissions and their values. No business rules here.

export type SubmissionSeed = { orgUnitId: number; state: SubmissionState; startedAt: Date; submittedAt: Date | null; submittedBy: string | null };
export type ValueSeed = { orgUnitId: number; fieldKey: string; itemCode: string; value: unknown };

/** Bulk insert for seeding and imports: one statement per chunk. Returns org unit id → submission id. */
export async function insertSubmissions(db: Db, roundId: number, rows: SubmissionSeed[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000).map((r) => ({ org_unit_id: r.orgUnitId, state: r.state, started_at: r.startedAt.toISOString(), submitted_at: r.submittedAt?.toISOString() ?? null, submitted_by: r.submittedBy }));
    const result = await sql<{ id: number; org_unit_id: number }>`
      insert into submissions (round_id, org_unit_id, state, started_at, updated_at, submitted_at, submitted_by)
      select ${roundId}, r.org_unit_id, r.state, r.started_at, coalesce(r.submitted_at, r.started_at), r.submitted_at, r.submitted_by
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(org_unit_id int, state text, started_at timestamptz, submitted_at timestamptz, submitted_by text)
      returning id, org_unit_id`.execute(db);
    for (const row of result.rows) ids.set(row.org_unit_id, row.id);
  }
  return ids;
}

export async function insertValues(db: Db, submissionIds: Map<number, number>, rows: ValueSeed[], updatedBy: string | null): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 20000) {
    const chunk = rows.slice(i, i + 20000).map((r) => ({ s: submissionIds.get(r.orgUnitId), k: r.fieldKey, i: r.itemCode, v: r.value }));
    const result = await sql`
      insert into submission_values (submission_id, field_key, item_code, value, updated_by)
      select r.s, r.k, r.i, r.v, ${updatedBy} from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(s int, k text, i text, v jsonb)`.execute(db);
    n += Number(result.numAffectedRows ?? 0);
  }
  return n;
}

export async function listRoundRespondentUnits(db: Db, roundId: number): Promise<{ orgUnitId: number; laoType: string | null; provinceCode: string | null; districtCode: string | null }[]> {
  return db.selectFrom('round_respondents').select(['org_unit_id as orgUnitId', 'lao_type as laoType', 'province_code as provinceCode', 'district_code as districtCode'])
    .where('round_id', '=', roundId).orderBy('org_unit_id').execute();
}
