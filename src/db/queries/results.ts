import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { IndicatorResult } from '../../domain/results/score-indicator.ts';

// Stored results. No business rules here.

export type ResultWrite = { submissionId: number; frameworkVersionId: number; results: Pick<IndicatorResult, 'code' | 'value' | 'numerator' | 'denominator' | 'state' | 'level' | 'score'>[] };

/** Whole submissions in chunks of about `size` result rows: a submission never spans two statements. */
function chunksOf(writes: ResultWrite[], size: number): ResultWrite[][] {
  const chunks: ResultWrite[][] = [[]];
  let rows = 0;
  for (const w of writes) {
    if (rows > 0 && rows + w.results.length > size) {
      chunks.push([]);
      rows = 0;
    }
    chunks.at(-1)!.push(w);
    rows += w.results.length;
  }
  return chunks;
}

/** Makes the stored results of these submissions exactly the given ones, in one statement per ~20,000 rows. Only
 * what differs is written: a result that did not change keeps its row (no new row version, no index entry, nothing
 * for vacuum), so a save that moves one answer writes the few results that read it. `computed_at` is when a
 * result last changed. `fresh`: the submissions are new and have none yet (a plain insert). */
export async function replaceResults(db: Db, writes: ResultWrite[], at: Date, opts: { fresh?: boolean } = {}): Promise<void> {
  for (const chunk of chunksOf(writes, 20000)) {
    if (!chunk.length) continue;
    const rows = chunk.flatMap((w) => w.results.map((r) => ({ s: w.submissionId, f: w.frameworkVersionId, c: r.code, v: r.value, n: r.numerator, d: r.denominator, st: r.state, l: r.level, sc: r.score })));
    const incoming = sql`select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(s int, f int, c text, v float8, n float8, d float8, st text, l int, sc float8)`;
    if (opts.fresh) {
      await sql`insert into results (submission_id, framework_version_id, indicator_code, value, numerator, denominator, state, level, score, computed_at)
        select r.s, r.f, r.c, r.v, r.n, r.d, r.st, r.l, r.sc, ${at} from (${incoming}) r`.execute(db);
      continue;
    }
    await sql`
      with incoming as (${incoming}),
      gone as (
        delete from results x where x.submission_id = any(${chunk.map((w) => w.submissionId)}::int[])
          and not exists (select 1 from incoming r where r.s = x.submission_id and r.c = x.indicator_code))
      insert into results as x (submission_id, framework_version_id, indicator_code, value, numerator, denominator, state, level, score, computed_at)
      select r.s, r.f, r.c, r.v, r.n, r.d, r.st, r.l, r.sc, ${at} from incoming r
      on conflict (submission_id, indicator_code) do update
        set framework_version_id = excluded.framework_version_id, value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
            state = excluded.state, level = excluded.level, score = excluded.score, computed_at = excluded.computed_at
        where (x.framework_version_id, x.value, x.numerator, x.denominator, x.state, x.level, x.score)
          is distinct from (excluded.framework_version_id, excluded.value, excluded.numerator, excluded.denominator, excluded.state, excluded.level, excluded.score)`.execute(db);
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
