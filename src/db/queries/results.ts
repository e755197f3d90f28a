import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { IndicatorResult } from '../../domain/results/score-indicator.ts';

// Stored results. No business rules here.

export type ResultWrite = { submissionId: number; frameworkVersionId: number; results: Pick<IndicatorResult, 'code' | 'value' | 'numerator' | 'denominator' | 'state' | 'level' | 'score'>[] };

/** Replace the results of submissions (one statement for the delete, one per 20,000 rows for the insert);
 * `fresh`: the submissions are new and have none yet. */
export async function replaceResults(db: Db, writes: ResultWrite[], at: Date, opts: { fresh?: boolean } = {}): Promise<void> {
  if (!writes.length) return;
  if (!opts.fresh) await sql`delete from results where submission_id = any(${writes.map((w) => w.submissionId)}::int[])`.execute(db);
  const rows = writes.flatMap((w) => w.results.map((r) => ({ s: w.submissionId, f: w.frameworkVersionId, c: r.code, v: r.value, n: r.numerator, d: r.denominator, st: r.state, l: r.level, sc: r.score })));
  for (let i = 0; i < rows.length; i += 20000) {
    await sql`insert into results (submission_id, framework_version_id, indicator_code, value, numerator, denominator, state, level, score, computed_at)
      select r.s, r.f, r.c, r.v, r.n, r.d, r.st, r.l, r.sc, ${at} from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 20000))}::jsonb)
      as r(s int, f int, c text, v float8, n float8, d float8, st text, l int, sc float8)`.execute(db);
  }
}

/** The values of one indicator among respondents like this one (same LAO type; optionally one province). */
export async function peerValues(db: Db, q: { roundId: number; indicatorCode: string; laoType: string | null; provinceCode?: string | null }): Promise<number[]> {
  const rows = await sql<{ value: number }>`
    select r.value from results r
    join submissions s on s.id = r.submission_id and s.round_id = ${q.roundId}
    join round_respondents rr on rr.round_id = s.round_id and rr.org_unit_id = s.org_unit_id
    where r.indicator_code = ${q.indicatorCode} and r.value is not null
      and (${q.laoType}::text is null or rr.lao_type = ${q.laoType})
      and (${q.provinceCode ?? null}::text is null or rr.province_code = ${q.provinceCode ?? null})
    order by r.value`.execute(db);
  return rows.rows.map((r) => r.value);
}
