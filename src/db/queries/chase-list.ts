import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../pool.ts';

// The chase list: a round's respondents that still hold their data, within the asker's reach, with their own
// deadline and how much they have answered. The deadline and the late / at-risk tests mirror
// domain/rounds/entry-window.ts and domain/reminders/chase-state.ts (the numbers come from there as parameters).

export type ChaseReachSql = { path: string; kinds: readonly string[] }[] | null;

export type ChaseQuery = {
  roundId: number;
  reach: ChaseReachSql;
  provinceCode?: string | undefined;
  districtCode?: string | undefined;
  laoType?: string | undefined;
  state?: 'not_started' | 'in_progress' | 'late' | 'at_risk' | undefined;
  unitIds?: number[] | undefined;
  now: Date;
  /** Answer slots per LAO type ('' for respondents without one). */
  slots: Record<string, number>;
  atRisk: { withinDays: number; answeredBelow: number };
};

export type ChaseRow = {
  orgUnitId: number; code: string; name: string; kind: string; laoType: string | null; districtName: string | null;
  state: string; deadline: Date; late: boolean; atRisk: boolean; answered: number; slots: number; updatedAt: Date | null;
  recipients: number; lastReminderAt: Date | null; lastCallAt: Date | null; lastCallNote: string | null; lastCallBy: string | null;
};

const held = sql`('not_started', 'in_progress', 'awaiting_approval', 'returned')`;
const answeredOf = (submissionId: RawBuilder<unknown>) =>
  sql<number>`(select count(*)::int from submission_values sv where sv.submission_id = ${submissionId} and sv.value is not null and sv.value <> 'null'::jsonb)`;

function reachSql(reach: ChaseReachSql): RawBuilder<boolean> {
  if (reach === null) return sql<boolean>`true`;
  if (reach.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(reach.map((r) => sql`(u.path like ${`${r.path}%`} and u.kind = any(${[...r.kinds]}::text[]))`), sql` or `)})`;
}

/** The respondents matching the filter (state aside) with their deadline, lateness and risk. */
function classified(q: ChaseQuery): RawBuilder<unknown> {
  const soon = new Date(q.now.getTime() + q.atRisk.withinDays * 86_400_000);
  const where = [
    sql`rr.round_id = ${q.roundId}`, reachSql(q.reach), sql`coalesce(s.state, 'not_started') in ${held}`,
    ...(q.provinceCode ? [sql`rr.province_code = ${q.provinceCode}`] : []),
    ...(q.districtCode ? [sql`rr.district_code = ${q.districtCode}`] : []),
    ...(q.laoType ? [sql`rr.lao_type = ${q.laoType}`] : []),
    ...(q.unitIds ? [sql`rr.org_unit_id = any(${q.unitIds}::int[])`] : []),
  ];
  return sql`
    with ext as (
      select e.scope, e.org_unit_id, pu.province_code, e.new_due_at
      from extensions e left join org_units pu on pu.id = e.org_unit_id
      where e.round_id = ${q.roundId} and e.status = 'granted'
    ), base as (
      select u.id as org_unit_id, u.code, u.name_th, u.kind, u.parent_id, rr.lao_type, rr.province_code, rr.district_code, coalesce(s.state, 'not_started') as state,
             s.id as submission_id, s.updated_at,
             greatest(r.due_at, (select max(x.new_due_at) from ext x where x.scope = 'all' or (x.scope = 'respondent' and x.org_unit_id = rr.org_unit_id)
                                   or (x.scope = 'province' and x.province_code = rr.province_code))) as deadline,
             coalesce((${JSON.stringify(q.slots)}::jsonb ->> coalesce(rr.lao_type, ''))::int, 0) as slots
      from round_respondents rr
      join rounds r on r.id = rr.round_id
      join org_units u on u.id = rr.org_unit_id
      left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
      where ${sql.join(where, sql` and `)}
    )
    select b.*, b.deadline < ${q.now} as late,
           coalesce(case when b.slots > 0 then a.n < ${q.atRisk.answeredBelow}::float8 * b.slots else a.n = 0 end, false) as at_risk
    from base b
    -- answers are counted only for those whose deadline is near: the rest cannot be at risk
    left join lateral (select case when b.submission_id is null then 0 else ${answeredOf(sql`b.submission_id`)} end as n
                       where b.deadline >= ${q.now} and b.deadline <= ${soon}) a on true`;
}

function stateSql(state: ChaseQuery['state']): RawBuilder<boolean> {
  switch (state) {
    case 'not_started': return sql<boolean>`c.state = 'not_started'`;
    case 'in_progress': return sql<boolean>`c.state <> 'not_started'`;
    case 'late': return sql<boolean>`c.late`;
    case 'at_risk': return sql<boolean>`c.at_risk`;
    default: return sql<boolean>`true`;
  }
}

/** One page of the list, by district then name (Thai collation), with who would receive a reminder and the last
 * reminder and call note. */
export async function listChaseRows(db: Db, q: ChaseQuery, page: { limit: number; offset: number }): Promise<{ rows: ChaseRow[]; total: number }> {
  const result = await sql<ChaseRow & { total: number }>`
    with c as (${classified(q)}),
    p as (select c.*, count(*) over ()::int as total from c where ${stateSql(q.state)} order by c.district_code, c.name_th, c.code limit ${page.limit} offset ${page.offset})
    select p.org_unit_id as "orgUnitId", p.code, p.name_th as name, p.kind, p.lao_type as "laoType", d.name_th as "districtName", p.state, p.deadline,
           p.late, p.at_risk as "atRisk", p.slots, p.updated_at as "updatedAt", p.total,
           case when p.submission_id is null then 0 else ${answeredOf(sql`p.submission_id`)} end as answered,
           (select count(distinct m.user_id)::int from memberships m join "user" usr on usr.id = m.user_id and usr."isActive"
              where (p.kind = 'lao' and m.org_unit_id = p.org_unit_id and m.role in ('lao_officer', 'lao_executive'))
                 or (p.kind <> 'lao' and m.org_unit_id = p.parent_id and m.role = p.kind)) as recipients,
           (select max(rs.created_at) from reminder_targets rt join reminder_sends rs on rs.id = rt.send_id
              where rt.org_unit_id = p.org_unit_id and rs.round_id = ${q.roundId} and rs.kind <> 'escalation') as "lastReminderAt",
           cn.created_at as "lastCallAt", cn.note as "lastCallNote", cu.name as "lastCallBy"
    from p
    left join org_units d on d.kind = 'district' and d.code = p.district_code
    left join lateral (select n.created_at, n.note, n.created_by from call_notes n where n.round_id = ${q.roundId} and n.org_unit_id = p.org_unit_id
                       order by n.created_at desc, n.id desc limit 1) cn on true
    left join "user" cu on cu.id = cn.created_by
    order by p.district_code, p.name_th, p.code`.execute(db);
  return { rows: result.rows.map(({ total: _t, ...r }) => r), total: result.rows[0]?.total ?? 0 };
}

export type ChaseCounts = { held: number; notStarted: number; inProgress: number; late: number; atRisk: number };

/** How many respondents of the filter (state aside) stand where: the numbers beside each state filter. */
export async function countChaseStates(db: Db, q: ChaseQuery): Promise<ChaseCounts> {
  const r = await sql<ChaseCounts>`
    with c as (${classified({ ...q, state: undefined })})
    select count(*)::int as held, count(*) filter (where c.state = 'not_started')::int as "notStarted",
           count(*) filter (where c.state <> 'not_started')::int as "inProgress", count(*) filter (where c.late)::int as late,
           count(*) filter (where c.at_risk)::int as "atRisk"
    from c`.execute(db);
  return r.rows[0] ?? { held: 0, notStarted: 0, inProgress: 0, late: 0, atRisk: 0 };
}

export type ChaseTarget = { orgUnitId: number; code: string; name: string; kind: string; deadline: Date; provinceCode: string | null; districtCode: string | null };

/** Every respondent matching the filter (or the ids given, still matching it): whom a reminder goes to. */
export async function listChaseTargets(db: Db, q: ChaseQuery): Promise<ChaseTarget[]> {
  const r = await sql<ChaseTarget>`
    with c as (${classified(q)})
    select c.org_unit_id as "orgUnitId", c.code, c.name_th as name, c.kind, c.deadline, c.province_code as "provinceCode", c.district_code as "districtCode" from c where ${stateSql(q.state)}
    order by c.district_code, c.name_th, c.code`.execute(db);
  return r.rows;
}

export type AreaChoice = { code: string; name: string; provinceCode: string | null };

/** The provinces and districts that have respondents of the round within reach (for the filter's lists). */
export async function listChaseAreas(db: Db, roundId: number, reach: ChaseReachSql): Promise<{ provinces: AreaChoice[]; districts: AreaChoice[] }> {
  const r = await sql<{ provinceCode: string | null; districtCode: string | null }>`
    select distinct rr.province_code as "provinceCode", rr.district_code as "districtCode"
    from round_respondents rr join org_units u on u.id = rr.org_unit_id where rr.round_id = ${roundId} and ${reachSql(reach)}`.execute(db);
  const provinceCodes = [...new Set(r.rows.map((x) => x.provinceCode).filter((x): x is string => Boolean(x)))];
  const districtCodes = [...new Set(r.rows.map((x) => x.districtCode).filter((x): x is string => Boolean(x)))];
  const names = async (kind: string, codes: string[]) => codes.length
    ? db.selectFrom('org_units').select(['code', 'name_th as name', 'province_code as provinceCode']).where('kind', '=', kind).where('code', 'in', codes).orderBy('name_th').execute()
    : [];
  const [provinces, districts] = await Promise.all([names('province', provinceCodes), names('district', districtCodes)]);
  return { provinces, districts };
}
