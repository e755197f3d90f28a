import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { ExtensionScope, ExtensionStatus, RoundState } from '../schema.ts';

// Rounds, their respondents, extensions and internal deadlines. No business rules here.

export type RoundRow = {
  id: number; programmeId: number; frameworkVersionId: number; title: string; fiscalYear: number; quarter: number | null; state: RoundState;
  opensAt: Date; dueAt: Date; lateUntil: Date; editClosesAt: Date; laoTypes: string[] | null; provinceCodes: string[] | null;
  excludedProvinceCodes: string[]; demo: boolean; openedAt: Date | null; closedAt: Date | null; publishedAt: Date | null;
};

const roundColumns = [
  'rounds.id', 'rounds.programme_id as programmeId', 'rounds.framework_version_id as frameworkVersionId', 'rounds.title', 'rounds.fiscal_year as fiscalYear',
  'rounds.quarter', 'rounds.state', 'rounds.opens_at as opensAt', 'rounds.due_at as dueAt', 'rounds.late_until as lateUntil',
  'rounds.edit_closes_at as editClosesAt', 'rounds.lao_types as laoTypes', 'rounds.province_codes as provinceCodes',
  'rounds.excluded_province_codes as excludedProvinceCodes', 'rounds.demo', 'rounds.opened_at as openedAt', 'rounds.closed_at as closedAt',
  'rounds.published_at as publishedAt',
] as const;

export async function findRound(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<RoundRow | undefined> {
  let q = db.selectFrom('rounds').select(roundColumns).where('rounds.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listRounds(db: Db, opts: { programmeId?: number; states?: RoundState[] } = {}): Promise<(RoundRow & { programmeTitle: string; programmeCode: string; versionCode: string; respondentCount: number })[]> {
  let q = db.selectFrom('rounds')
    .innerJoin('programmes', 'programmes.id', 'rounds.programme_id')
    .innerJoin('framework_versions', 'framework_versions.id', 'rounds.framework_version_id')
    .select([...roundColumns, 'programmes.title as programmeTitle', 'programmes.code as programmeCode', 'framework_versions.code as versionCode'])
    .select(sql<number>`(select count(*)::int from round_respondents rr where rr.round_id = rounds.id)`.as('respondentCount'));
  if (opts.programmeId) q = q.where('rounds.programme_id', '=', opts.programmeId);
  if (opts.states?.length) q = q.where('rounds.state', 'in', opts.states);
  return q.orderBy(sql`array_position(array['open','draft','closed','published'], rounds.state::text)`).orderBy('rounds.due_at', 'desc').execute();
}

export type RoundInsert = {
  programmeId: number; frameworkVersionId: number; title: string; fiscalYear: number; quarter: number | null; opensAt: Date; dueAt: Date;
  lateUntil: Date; editClosesAt: Date; laoTypes: string[] | null; provinceCodes: string[] | null; excludedProvinceCodes: string[]; demo?: boolean; createdBy: string | null;
};

export async function insertRound(db: Db, r: RoundInsert): Promise<number> {
  const row = await db.insertInto('rounds').values({
    programme_id: r.programmeId, framework_version_id: r.frameworkVersionId, title: r.title, fiscal_year: r.fiscalYear, quarter: r.quarter,
    opens_at: r.opensAt, due_at: r.dueAt, late_until: r.lateUntil, edit_closes_at: r.editClosesAt, lao_types: r.laoTypes,
    province_codes: r.provinceCodes, excluded_province_codes: r.excludedProvinceCodes, demo: r.demo ?? false, created_by: r.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findRoundForPeriod(db: Db, programmeId: number, fiscalYear: number, quarter: number | null): Promise<{ id: number } | undefined> {
  return db.selectFrom('rounds').select('id').where('programme_id', '=', programmeId).where('fiscal_year', '=', fiscalYear)
    .where(sql<boolean>`coalesce(quarter, 0) = ${quarter ?? 0}`).executeTakeFirst();
}

export async function updateRoundDates(db: Db, id: number, d: { opensAt: Date; dueAt: Date; lateUntil: Date; editClosesAt: Date }): Promise<void> {
  await db.updateTable('rounds').set({ opens_at: d.opensAt, due_at: d.dueAt, late_until: d.lateUntil, edit_closes_at: d.editClosesAt }).where('id', '=', id).execute();
}

export async function setRoundState(db: Db, id: number, state: RoundState, at: Date): Promise<void> {
  const stamp = state === 'open' ? { opened_at: at } : state === 'closed' ? { closed_at: at } : state === 'published' ? { published_at: at } : {};
  await db.updateTable('rounds').set({ state, ...stamp }).where('id', '=', id).execute();
}

export async function analyzeRoundRespondents(db: Db): Promise<void> {
  await sql`analyze round_respondents`.execute(db);
}

/** Fix who is expected to respond: open units of the respondent kind, filtered by LAO type and province. */
export async function snapshotRespondents(db: Db, round: { id: number; respondents: 'lao' | 'province_office' | 'district_office'; laoTypes: string[] | null; provinceCodes: string[] | null; excludedProvinceCodes: string[] }): Promise<number> {
  const result = await sql`
    insert into round_respondents (round_id, org_unit_id, lao_type, province_code, district_code)
    select ${round.id}, u.id, u.lao_type, u.province_code, u.district_code
    from org_units u
    where u.kind = ${round.respondents} and u.valid_to is null
      and (${round.laoTypes}::text[] is null or u.lao_type = any(${round.laoTypes}::text[]))
      and (${round.provinceCodes}::text[] is null or u.province_code = any(${round.provinceCodes}::text[]))
      and not (u.province_code = any(${round.excludedProvinceCodes}::text[]))
    on conflict do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function countRespondents(db: Db, roundId: number): Promise<{ laoType: string | null; n: number }[]> {
  return db.selectFrom('round_respondents').select(['lao_type as laoType', sql<number>`count(*)::int`.as('n')]).where('round_id', '=', roundId).groupBy('lao_type').orderBy('lao_type').execute();
}

export async function findRespondent(db: Db, roundId: number, orgUnitId: number): Promise<{ orgUnitId: number; laoType: string | null; provinceCode: string | null; districtCode: string | null } | undefined> {
  return db.selectFrom('round_respondents').select(['org_unit_id as orgUnitId', 'lao_type as laoType', 'province_code as provinceCode', 'district_code as districtCode'])
    .where('round_id', '=', roundId).where('org_unit_id', '=', orgUnitId).executeTakeFirst();
}

export type ExtensionRow = {
  id: number; roundId: number; scope: ExtensionScope; orgUnitId: number | null; unitName: string | null; unitProvinceCode: string | null; newDueAt: Date; reason: string;
  status: ExtensionStatus; requestedBy: string | null; requesterName: string | null; requestedAt: Date; decidedBy: string | null; deciderName: string | null;
  decidedAt: Date | null; decisionNote: string | null;
};

export async function listExtensions(db: Db, roundId: number, opts: { id?: number; forUpdate?: boolean } = {}): Promise<ExtensionRow[]> {
  let q = db.selectFrom('extensions as e')
    .leftJoin('org_units as u', 'u.id', 'e.org_unit_id')
    .leftJoin('user as rq', 'rq.id', 'e.requested_by')
    .leftJoin('user as dc', 'dc.id', 'e.decided_by')
    .select([
      'e.id', 'e.round_id as roundId', 'e.scope', 'e.org_unit_id as orgUnitId', 'u.name_th as unitName', 'u.province_code as unitProvinceCode', 'e.new_due_at as newDueAt',
      'e.reason', 'e.status', 'e.requested_by as requestedBy', 'rq.name as requesterName', 'e.requested_at as requestedAt', 'e.decided_by as decidedBy',
      'dc.name as deciderName', 'e.decided_at as decidedAt', 'e.decision_note as decisionNote',
    ])
    .where('e.round_id', '=', roundId);
  if (opts.id !== undefined) q = q.where('e.id', '=', opts.id);
  if (opts.forUpdate) q = q.forUpdate('e' as never);
  return q.orderBy('e.requested_at', 'desc').orderBy('e.id', 'desc').execute() as Promise<ExtensionRow[]>;
}

export async function insertExtension(db: Db, e: { roundId: number; scope: ExtensionScope; orgUnitId: number | null; newDueAt: Date; reason: string; status: ExtensionStatus; requestedBy: string | null; requestedAt: Date; decidedBy?: string | null; decidedAt?: Date | null; decisionNote?: string | null }): Promise<number> {
  const row = await db.insertInto('extensions').values({
    round_id: e.roundId, scope: e.scope, org_unit_id: e.orgUnitId, new_due_at: e.newDueAt, reason: e.reason, status: e.status,
    requested_by: e.requestedBy, requested_at: e.requestedAt, decided_by: e.decidedBy ?? null, decided_at: e.decidedAt ?? null, decision_note: e.decisionNote ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function decideExtensionRow(db: Db, id: number, d: { status: 'granted' | 'refused'; decidedBy: string; decidedAt: Date; note: string | null; newDueAt?: Date }): Promise<void> {
  await db.updateTable('extensions').set({ status: d.status, decided_by: d.decidedBy, decided_at: d.decidedAt, decision_note: d.note, ...(d.newDueAt ? { new_due_at: d.newDueAt } : {}) })
    .where('id', '=', id).where('status', '=', 'requested').execute();
}

export type InternalDeadlineRow = { id: number; orgUnitId: number | null; unitName: string | null; title: string; dueAt: Date };

export async function listInternalDeadlines(db: Db, roundId: number): Promise<InternalDeadlineRow[]> {
  return db.selectFrom('internal_deadlines as d').leftJoin('org_units as u', 'u.id', 'd.org_unit_id')
    .select(['d.id', 'd.org_unit_id as orgUnitId', 'u.name_th as unitName', 'd.title', 'd.due_at as dueAt'])
    .where('d.round_id', '=', roundId).orderBy('d.due_at').execute();
}

export async function insertInternalDeadline(db: Db, d: { roundId: number; orgUnitId: number | null; title: string; dueAt: Date; createdBy: string | null }): Promise<number> {
  const row = await db.insertInto('internal_deadlines').values({ round_id: d.roundId, org_unit_id: d.orgUnitId, title: d.title, due_at: d.dueAt, created_by: d.createdBy }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function countSubmissionStates(db: Db, roundId: number): Promise<{ state: string; n: number }[]> {
  const rows = await sql<{ state: string; n: number }>`
    select coalesce(s.state, 'not_started') as state, count(*)::int as n
    from round_respondents rr left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
    where rr.round_id = ${roundId} group by 1`.execute(db);
  return rows.rows;
}

/** Tell the people of the affected respondents (and the requester) in the product. */
export async function notifyRespondents(db: Db, n: { roundId: number; scope: ExtensionScope; orgUnitId: number | null; provinceCode: string | null; alsoUserId: string | null; kind: string; title: string; body: string; link: string }): Promise<number> {
  const result = await sql`
    insert into notifications (user_id, kind, title, body, link)
    select distinct m.user_id, ${n.kind}, ${n.title}, ${n.body}, ${n.link}
    from round_respondents rr
    join org_units u on u.id = rr.org_unit_id
    join memberships m on (u.kind = 'lao' and m.org_unit_id = u.id and m.role in ('lao_officer', 'lao_executive'))
      or (u.kind in ('province_office', 'district_office') and m.org_unit_id = u.parent_id and m.role = u.kind)
    where rr.round_id = ${n.roundId}
      and (${n.scope} = 'all' or (${n.scope} = 'respondent' and rr.org_unit_id = ${n.orgUnitId}) or (${n.scope} = 'province' and rr.province_code = ${n.provinceCode}))
    union
    select ${n.alsoUserId}, ${n.kind}, ${n.title}, ${n.body}, ${n.link} where ${n.alsoUserId}::text is not null`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
