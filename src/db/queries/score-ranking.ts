import { sql } from 'kysely';
import type { Db } from '../pool.ts';

// Weighted-score totals of a scored round's sent submissions, for the ranking (ลำดับที่). No business rules here.

/** The total score of every submitted or accepted submission of a round, highest first; rounded to the two decimals
 * it is printed and ranked with (domain/outstanding/ranking.ts), so that totals equal on paper share a rank. */
export async function sentScoreTotals(db: Db, roundId: number): Promise<{ orgUnitId: number; total: number }[]> {
  const rows = await sql<{ orgUnitId: number; total: number }>`
    select s.org_unit_id as "orgUnitId", round(coalesce(sum(r.score), 0)::numeric, 2)::float8 as total
    from submissions s left join results r on r.submission_id = s.id
    where s.round_id = ${roundId} and s.state in ('submitted', 'accepted')
    group by s.org_unit_id
    order by total desc`.execute(db);
  return rows.rows;
}
