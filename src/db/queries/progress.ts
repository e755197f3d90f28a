import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../pool.ts';

// A round's progress, counted live from round_respondents, submissions and extensions in one pass (no batch, no
// materialised view). What each figure means is written in domain/progress/progress-figures.ts; the respondent's
// own deadline follows domain/rounds/entry-window.ts (the round's due time moved by the latest granted extension
// covering them: for all, their province, or them alone), compared in whole seconds.

export type ProgressArea = { provinceCode: string | null; districtCode: string | null; laoType: string | null };
export type ProgressState = 'not_started' | 'started' | 'in_progress' | 'awaiting_approval' | 'returned' | 'not_submitted' | 'submitted' | 'accepted' | 'on_time' | 'late' | 'overdue';

export type CountsRow = {
  expected: number; started: number; notStarted: number; inProgress: number; awaitingApproval: number; returned: number;
  notSubmitted: number; submitted: number; accepted: number; onTime: number; late: number; overdue: number;
};

/** One row per respondent in the area: where it is, its submission, its own deadline, sent / sent late. */
function facts(roundId: number, area: ProgressArea): RawBuilder<unknown> {
  return sql`
    ext as (
      select e.scope, e.org_unit_id, u.province_code, max(e.new_due_at) as due
      from extensions e left join org_units u on u.id = e.org_unit_id
      where e.round_id = ${roundId} and e.status = 'granted' group by 1, 2, 3
    ),
    f as (
      select rr.org_unit_id, rr.province_code, rr.district_code, rr.lao_type, s.id as submission_id, s.state, s.submitted_at, s.updated_at,
        greatest(r.due_at, ea.due, ep.due, er.due) as deadline,
        coalesce(s.state in ('submitted', 'accepted'), false) as sent
      from round_respondents rr
      join rounds r on r.id = rr.round_id
      left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
      left join (select max(due) as due from ext where scope = 'all') ea on true
      left join ext ep on ep.scope = 'province' and ep.province_code = rr.province_code
      left join ext er on er.scope = 'respondent' and er.org_unit_id = rr.org_unit_id
      where rr.round_id = ${roundId}
        and (${area.provinceCode}::text is null or rr.province_code = ${area.provinceCode})
        and (${area.districtCode}::text is null or rr.district_code = ${area.districtCode})
        and (${area.laoType}::text is null or rr.lao_type = ${area.laoType})
    ),
    g as (
      select f.*, f.sent and floor(extract(epoch from f.submitted_at)) > floor(extract(epoch from f.deadline)) as sent_late
      from f
    )`;
}

function stateCondition(state: ProgressState, now: Date): RawBuilder<unknown> {
  const overdue = sql`(not g.sent and floor(extract(epoch from ${now}::timestamptz)) > floor(extract(epoch from g.deadline)))`;
  const conditions: Record<ProgressState, RawBuilder<unknown>> = {
    not_started: sql`g.submission_id is null`,
    started: sql`g.submission_id is not null`,
    in_progress: sql`(g.submission_id is not null and not g.sent)`,
    awaiting_approval: sql`g.state = 'awaiting_approval'`,
    returned: sql`g.state = 'returned'`,
    not_submitted: sql`not g.sent`,
    submitted: sql`g.sent`,
    accepted: sql`g.state = 'accepted'`,
    on_time: sql`(g.sent and not g.sent_late)`,
    late: sql`g.sent_late`,
    overdue,
  };
  return conditions[state];
}

const countColumns = (now: Date) => sql`
  count(*)::int as expected,
  count(g.submission_id)::int as started,
  (count(*) filter (where g.submission_id is null))::int as "notStarted",
  (count(*) filter (where ${stateCondition('in_progress', now)}))::int as "inProgress",
  (count(*) filter (where g.state = 'awaiting_approval'))::int as "awaitingApproval",
  (count(*) filter (where g.state = 'returned'))::int as returned,
  (count(*) filter (where not g.sent))::int as "notSubmitted",
  (count(*) filter (where g.sent))::int as submitted,
  (count(*) filter (where g.state = 'accepted'))::int as accepted,
  (count(*) filter (where g.sent and not g.sent_late))::int as "onTime",
  (count(*) filter (where g.sent_late))::int as late,
  (count(*) filter (where ${stateCondition('overdue', now)}))::int as overdue`;

export type GroupedCounts = { total: CountsRow; byPlace: (CountsRow & { code: string | null })[]; byType: (CountsRow & { laoType: string | null })[] };

/** The totals, and by province or district (`by`) and by LAO type, in one statement (grouping sets). */
export async function countProgress(db: Db, q: { roundId: number; area: ProgressArea; by: 'province' | 'district' | null; now: Date }): Promise<GroupedCounts> {
  const place = q.by === 'province' ? sql`g.province_code` : sql`g.district_code`;
  const rows = q.by
    ? await sql<CountsRow & { place: string | null; laoType: string | null; gPlace: number; gType: number }>`
        with ${facts(q.roundId, q.area)}
        select ${place} as place, g.lao_type as "laoType", grouping(${place})::int as "gPlace", grouping(g.lao_type)::int as "gType", ${countColumns(q.now)}
        from g group by grouping sets ((), (${place}), (g.lao_type))`.execute(db)
    : await sql<CountsRow & { place: string | null; laoType: string | null; gPlace: number; gType: number }>`
        with ${facts(q.roundId, q.area)}
        select null::text as place, g.lao_type as "laoType", 1 as "gPlace", grouping(g.lao_type)::int as "gType", ${countColumns(q.now)}
        from g group by grouping sets ((), (g.lao_type))`.execute(db);
  const empty: CountsRow = { expected: 0, started: 0, notStarted: 0, inProgress: 0, awaitingApproval: 0, returned: 0, notSubmitted: 0, submitted: 0, accepted: 0, onTime: 0, late: 0, overdue: 0 };
  const strip = ({ place: _p, laoType: _t, gPlace: _gp, gType: _gt, ...c }: (typeof rows.rows)[number]): CountsRow => c;
  const total = rows.rows.find((r) => r.gPlace === 1 && r.gType === 1);
  return {
    total: total ? strip(total) : empty,
    byPlace: q.by ? rows.rows.filter((r) => r.gPlace === 0 && r.gType === 1).map((r) => ({ ...strip(r), code: r.place })) : [],
    byType: rows.rows.filter((r) => r.gPlace === 1 && r.gType === 0).map((r) => ({ ...strip(r), laoType: r.laoType })),
  };
}

export type AreaKeys = { audience: string; areaCode: string; keys: string[] };

/** Per LAO type ('' for none) and area: how many respondents not (yet) standing as sent have every required answer
 * of the area (`keys`: `field|item`). A sent submission is complete in every area (domain/progress/area-completion.ts)
 * and is counted by the caller from the submitted figure, so only the work still open is read here: one index
 * range of answers per open submission, gathered once into an array and compared by containment. */
export async function countCompleteAreasOfOpenWork(db: Db, q: { roundId: number; area: ProgressArea; required: AreaKeys[] }): Promise<{ audience: string; areaCode: string; complete: number }[]> {
  if (!q.required.length) return [];
  const rows = await sql<{ audience: string; areaCode: string; complete: number }>`
    with req as (
      select * from jsonb_to_recordset(${JSON.stringify(q.required)}::jsonb) as t(audience text, "areaCode" text, keys text[])
    ),
    work as materialized (
      select s.id, coalesce(rr.lao_type, '') as audience
      from round_respondents rr join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
      where rr.round_id = ${q.roundId} and s.state not in ('submitted', 'accepted')
        and (${q.area.provinceCode}::text is null or rr.province_code = ${q.area.provinceCode})
        and (${q.area.districtCode}::text is null or rr.district_code = ${q.area.districtCode})
        and (${q.area.laoType}::text is null or rr.lao_type = ${q.area.laoType})
    ),
    answered as materialized (
      select w.audience, array(
        select v.field_key || '|' || v.item_code from submission_values v where v.submission_id = w.id and jsonb_typeof(v.value) <> 'null'
      ) as keys
      from work w
    )
    select req.audience, req."areaCode", (count(*) filter (where answered.keys @> req.keys))::int as complete
    from answered join req on req.audience = answered.audience
    group by 1, 2`.execute(db);
  return rows.rows;
}

export type RespondentProgressRow = {
  orgUnitId: number; code: string; name: string; kind: string; laoType: string | null; provinceCode: string | null; districtCode: string | null;
  districtName: string | null; provinceName: string | null; submissionId: number | null; state: string | null; submittedAt: Date | null;
  deadline: Date; sent: boolean; sentLate: boolean; overdue: boolean; lastActivity: Date | null;
};
export type RespondentSort = 'name' | 'recent' | 'stale';

/** The respondents of the area in one state (all when null), a page at a time, with the total (counted beside it,
 * on another connection). Last activity is the later of the submission's last change and its latest audited action
 * (assignments and comments do not touch the submission row); it is looked up for every row only when the list is
 * sorted by it, else for the page. Thai names compare through ICU, slowly: the name order walks the index on
 * org_units (name_th, code) (migration 0014) instead of sorting, and the activity orders break ties by place and
 * code, compared byte-wise. */
export async function listRespondentProgress(db: Db, q: { roundId: number; area: ProgressArea; state: ProgressState | null; now: Date; sort: RespondentSort; limit: number; offset: number }): Promise<{ rows: RespondentProgressRow[]; total: number }> {
  const order = (t: { name: string; code: string; province: string; district: string; activity: string }) => {
    const ref = (c: string) => sql.ref(c);
    const byPlace = sql`${ref(t.province)} collate "C", ${ref(t.district)} collate "C", ${ref(t.code)} collate "C"`;
    if (q.sort === 'recent') return sql`${ref(t.activity)} desc nulls last, ${byPlace}`;
    if (q.sort === 'stale') return sql`${ref(t.activity)} asc nulls first, ${byPlace}`;
    return sql`${ref(t.name)}, ${ref(t.code)}`;
  };
  const activity = (g: string) => sql`case when ${sql.ref(`${g}.submission_id`)} is null then null else greatest(${sql.ref(`${g}.updated_at`)}, (
    select max(a.occurred_at) from audit_events a where a.entity_type = 'submission' and a.entity_id = ${sql.ref(`${g}.submission_id`)}::text)) end`;
  const where = q.state ? stateCondition(q.state, q.now) : sql`true`;
  const [rows, total] = await Promise.all([
    sql<RespondentProgressRow>`
      with ${facts(q.roundId, q.area)},
      page as (
        select g.*, u.code, u.name_th as name, u.kind, ${stateCondition('overdue', q.now)} as overdue,
          ${q.sort === 'name' ? sql`null::timestamptz` : activity('g')} as last_activity
        from g join org_units u on u.id = g.org_unit_id
        where ${where}
        order by ${order({ name: 'u.name_th', code: 'u.code', province: 'g.province_code', district: 'g.district_code', activity: 'last_activity' })}
        limit ${q.limit} offset ${q.offset}
      ),
      l as (select page.org_unit_id, page.province_code, page.district_code, page.lao_type, page.submission_id, page.state, page.submitted_at, page.deadline,
        page.sent, page.sent_late, page.code, page.name, page.kind, page.overdue, ${q.sort === 'name' ? activity('page') : sql`page.last_activity`} as last_activity from page)
      select l.org_unit_id as "orgUnitId", l.code, l.name, l.kind, l.lao_type as "laoType", l.province_code as "provinceCode", l.district_code as "districtCode",
        d.name_th as "districtName", p.name_th as "provinceName", l.submission_id as "submissionId", l.state, l.submitted_at as "submittedAt",
        l.deadline, l.sent, coalesce(l.sent_late, false) as "sentLate", l.overdue, l.last_activity as "lastActivity"
      from l
      left join org_units d on d.kind = 'district' and d.code = l.district_code
      left join org_units p on p.kind = 'province' and p.code = l.province_code
      order by ${order({ name: 'l.name', code: 'l.code', province: 'l.province_code', district: 'l.district_code', activity: 'l.last_activity' })}`.execute(db),
    sql<{ n: number }>`with ${facts(q.roundId, q.area)} select count(*)::int as n from g where ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export type RespondentPerson = { orgUnitId: number; userId: string; name: string; email: string; role: string };

/** The people who answer for each respondent: an LAO's officers and executives, or an office's staff (the
 * office's role held on the unit it hangs under). Active accounts only. */
export async function listRespondentPeopleOf(db: Db, orgUnitIds: number[]): Promise<RespondentPerson[]> {
  if (!orgUnitIds.length) return [];
  // one index lookup per unit (memberships by unit, users by id): a page asks for a hundred units out of thousands
  const rows = await sql<RespondentPerson>`
    select u.id as "orgUnitId", us.id as "userId", us.name, us.email, m.role
    from org_units u
    cross join lateral (
      select m.user_id, m.role from memberships m
      where m.org_unit_id = (case when u.kind = 'lao' then u.id else u.parent_id end)
        and (case when u.kind = 'lao' then m.role in ('lao_officer', 'lao_executive') else m.role = u.kind end)
    ) m
    join lateral (select x.id, x.name, x.email from "user" x where x.id = m.user_id and x."isActive") us on true
    where u.id = any(${orgUnitIds}::int[]) and u.kind in ('lao', 'province_office', 'district_office')
    order by u.id, m.role, us.name`.execute(db);
  return rows.rows;
}

/** Which forms of each submission are assigned to whom. */
export async function listPartAssignments(db: Db, submissionIds: number[]): Promise<{ submissionId: number; partCode: string; userId: string }[]> {
  if (!submissionIds.length) return [];
  return db.selectFrom('submission_parts').select(['submission_id as submissionId', 'part_code as partCode', 'assigned_user_id as userId'])
    .where('submission_id', 'in', submissionIds).where('assigned_user_id', 'is not', null).execute() as Promise<{ submissionId: number; partCode: string; userId: string }[]>;
}

/** Provinces (all) or the districts of one province: code and Thai name, in Thai order. */
export async function listPlaces(db: Db, q: { kind: 'province' } | { kind: 'district'; provinceCode: string }): Promise<{ code: string; name: string }[]> {
  let query = db.selectFrom('org_units').select(['code', 'name_th as name']).where('kind', '=', q.kind).where('valid_to', 'is', null);
  if (q.kind === 'district') query = query.where('province_code', '=', q.provinceCode);
  return query.orderBy('name_th').execute();
}

export async function findPlace(db: Db, kind: 'province' | 'district', code: string): Promise<{ code: string; name: string; provinceCode: string | null } | undefined> {
  return db.selectFrom('org_units').select(['code', 'name_th as name', 'province_code as provinceCode']).where('kind', '=', kind).where('code', '=', code).executeTakeFirst();
}
