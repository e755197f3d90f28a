import { sql } from 'kysely';
import type { Db } from '../pool.ts';

// How many live evidence files a submission has per indicator and per field ("indicator:CODE", "field:KEY").
export async function listEvidenceCounts(db: Db, submissionId: number): Promise<Map<string, number>> {
  const rows = await sql<{ key: string; n: number }>`
    select case when indicator_code is not null then 'indicator:' || indicator_code else 'field:' || field_key end as key, count(*)::int as n
    from evidence where submission_id = ${submissionId} and removed_at is null group by 1`.execute(db);
  return new Map(rows.rows.map((r) => [r.key, r.n]));
}
