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

export type SubmissionRow = { id: number; roundId: number; orgUnitId: number; state: SubmissionState; version: number; startedAt: Date; updatedAt: Date; submittedAt: Date | null; submittedBy: string | null };
const submissionColumns = ['id', 'round_id as roundId', 'org_unit_id as orgUnitId', 'state', 'version', 'started_at as startedAt', 'updated_at as updatedAt', 'submitted_at as submittedAt', 'submitted_by as submittedBy'] as const;

export async function findSubmission(db: Db, roundId: number, orgUnitId: number, opts: { forUpdate?: boolean } = {}): Promise<SubmissionRow | undefined> {
  let q = db.selectFrom('submissions').select(submissionColumns).where('round_id', '=', roundId).where('org_unit_id', '=', orgUnitId);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The submission row, made on first use; locked when asked (every write to a submission takes this lock). */
export async function findOrCreateSubmission(db: Db, roundId: number, orgUnitId: number, at: Date): Promise<SubmissionRow & { created: boolean }> {
  // Nearly every save finds its submission: one statement then. A new submission starts at version 0: a caller
  // that saw "no submission yet" read version 0.
  const found = await findSubmission(db, roundId, orgUnitId, { forUpdate: true });
  if (found) return { ...found, created: false };
  const inserted = await db.insertInto('submissions').values({ round_id: roundId, org_unit_id: orgUnitId, started_at: at, updated_at: at, version: 0 })
    .onConflict((oc) => oc.columns(['round_id', 'org_unit_id']).doNothing()).returning('id').executeTakeFirst();
  return { ...(await findSubmission(db, roundId, orgUnitId, { forUpdate: true }))!, created: inserted !== undefined };
}

export type StoredValueRow = { fieldKey: string; itemCode: string; value: unknown; version: number; note: string | null; updatedAt: Date; updatedBy: string | null };

export async function listValues(db: Db, submissionId: number): Promise<StoredValueRow[]> {
  return db.selectFrom('submission_values').select(['field_key as fieldKey', 'item_code as itemCode', 'value', 'version', 'note', 'updated_at as updatedAt', 'updated_by as updatedBy'])
    .where('submission_id', '=', submissionId).execute();
}

export async function upsertValue(db: Db, submissionId: number, v: { fieldKey: string; itemCode: string; value: unknown; note: string | null; userId: string | null; at: Date }): Promise<number> {
  const row = await sql<{ version: number }>`
    insert into submission_values (submission_id, field_key, item_code, value, note, version, updated_by, updated_at)
    values (${submissionId}, ${v.fieldKey}, ${v.itemCode}, ${JSON.stringify(v.value)}::jsonb, ${v.note}, 1, ${v.userId}, ${v.at})
    on conflict (submission_id, field_key, item_code) do update
      set value = excluded.value, note = excluded.note, version = submission_values.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at
    returning version`.execute(db);
  return row.rows[0]!.version;
}

export async function bumpSubmission(db: Db, id: number, set: { state?: SubmissionState; at: Date; submittedAt?: Date | null; submittedBy?: string | null }): Promise<number> {
  const row = await db.updateTable('submissions').set({
    version: sql`version + 1`, updated_at: set.at, ...(set.state ? { state: set.state } : {}),
    ...(set.submittedAt !== undefined ? { submitted_at: set.submittedAt } : {}), ...(set.submittedBy !== undefined ? { submitted_by: set.submittedBy } : {}),
  }).where('id', '=', id).returning('version').executeTakeFirstOrThrow();
  return row.version;
}

export type PartRow = { partCode: string; state: 'in_progress' | 'ready' | 'returned'; assignedUserId: string | null; assignedName: string | null };

export async function listParts(db: Db, submissionId: number): Promise<PartRow[]> {
  return db.selectFrom('submission_parts as p').leftJoin('user as u', 'u.id', 'p.assigned_user_id')
    .select(['p.part_code as partCode', 'p.state', 'p.assigned_user_id as assignedUserId', 'u.name as assignedName'])
    .where('p.submission_id', '=', submissionId).execute();
}

export async function upsertPart(db: Db, submissionId: number, partCode: string, set: { state?: PartRow['state']; assignedUserId?: string | null; at: Date }): Promise<void> {
  await db.insertInto('submission_parts').values({ submission_id: submissionId, part_code: partCode, state: set.state ?? 'in_progress', assigned_user_id: set.assignedUserId ?? null, updated_at: set.at })
    .onConflict((oc) => oc.columns(['submission_id', 'part_code']).doUpdateSet({
      ...(set.state ? { state: set.state } : {}), ...(set.assignedUserId !== undefined ? { assigned_user_id: set.assignedUserId } : {}), updated_at: set.at,
    })).execute();
}

export async function insertSnapshot(db: Db, submissionId: number, values: unknown, at: Date, by: string | null): Promise<number> {
  const row = await sql<{ seq: number }>`
    insert into submission_snapshots (submission_id, seq, values, submitted_at, submitted_by)
    select ${submissionId}, coalesce(max(seq), 0) + 1, ${JSON.stringify(values)}::jsonb, ${at}, ${by} from submission_snapshots where submission_id = ${submissionId}
    returning seq`.execute(db);
  return row.rows[0]!.seq;
}

export async function lastSnapshot(db: Db, submissionId: number): Promise<{ seq: number; values: Record<string, unknown>; submittedAt: Date } | undefined> {
  return db.selectFrom('submission_snapshots').select(['seq', 'values', 'submitted_at as submittedAt']).where('submission_id', '=', submissionId).orderBy('seq', 'desc').limit(1)
    .executeTakeFirst() as Promise<{ seq: number; values: Record<string, unknown>; submittedAt: Date } | undefined>;
}

export type ReviewCommentRow = { id: number; fieldKey: string | null; itemCode: string; sectionCode: string | null; body: string; returnsField: boolean; authorName: string | null; createdAt: Date; resolvedAt: Date | null };

export async function listReviewComments(db: Db, submissionId: number): Promise<ReviewCommentRow[]> {
  return db.selectFrom('review_comments as c').leftJoin('user as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.field_key as fieldKey', 'c.item_code as itemCode', 'c.section_code as sectionCode', 'c.body', 'c.returns_field as returnsField', 'u.name as authorName', 'c.created_at as createdAt', 'c.resolved_at as resolvedAt'])
    .where('c.submission_id', '=', submissionId).orderBy('c.created_at').orderBy('c.id').execute();
}

export async function insertReviewComment(db: Db, c: { submissionId: number; fieldKey: string | null; itemCode: string; sectionCode: string | null; body: string; returnsField: boolean; authorId: string; at: Date }): Promise<number> {
  const row = await db.insertInto('review_comments').values({
    submission_id: c.submissionId, field_key: c.fieldKey, item_code: c.itemCode, section_code: c.sectionCode, body: c.body, returns_field: c.returnsField, author_id: c.authorId, created_at: c.at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function resolveReviewComments(db: Db, submissionId: number, at: Date): Promise<void> {
  await db.updateTable('review_comments').set({ resolved_at: at }).where('submission_id', '=', submissionId).where('resolved_at', 'is', null).execute();
}

/** The same respondent's answers in the programme's previous round (for "last year" beside each field). */
export async function previousRoundValues(db: Db, roundId: number, orgUnitId: number): Promise<{ roundTitle: string; values: { fieldKey: string; itemCode: string; value: unknown }[] } | null> {
  // One statement (every page and save of a submission reads it): no row means no round before this one; a row
  // with no field means that round had no answers from this respondent.
  const rows = await sql<{ roundTitle: string; fieldKey: string | null; itemCode: string | null; value: unknown }>`
    with prev as (
      select p.id, p.title from rounds r join rounds p on p.programme_id = r.programme_id and p.id <> r.id
        and (p.fiscal_year, coalesce(p.quarter, 0)) < (r.fiscal_year, coalesce(r.quarter, 0)) and p.state in ('closed', 'published')
      where r.id = ${roundId} order by p.fiscal_year desc, coalesce(p.quarter, 0) desc limit 1)
    select prev.title as "roundTitle", v.field_key as "fieldKey", v.item_code as "itemCode", v.value
    from prev left join submissions s on s.round_id = prev.id and s.org_unit_id = ${orgUnitId}
    left join submission_values v on v.submission_id = s.id`.execute(db);
  if (!rows.rows.length) return null;
  const values = rows.rows.filter((r) => r.fieldKey !== null).map((r) => ({ fieldKey: r.fieldKey!, itemCode: r.itemCode!, value: r.value }));
  return { roundTitle: rows.rows[0]!.roundTitle, values };
}

/** Several answers in one statement; returns each answer's new version keyed `field|item`. */
export async function upsertValues(db: Db, submissionId: number, rows: { fieldKey: string; itemCode: string; value: unknown; note: string | null }[], userId: string | null, at: Date): Promise<Map<string, number>> {
  if (!rows.length) return new Map();
  const payload = JSON.stringify(rows.map((r) => ({ k: r.fieldKey, i: r.itemCode, v: r.value, n: r.note })));
  const result = await sql<{ fieldKey: string; itemCode: string; version: number }>`
    insert into submission_values (submission_id, field_key, item_code, value, note, version, updated_by, updated_at)
    select ${submissionId}, r.k, r.i, r.v, r.n, 1, ${userId}, ${at} from jsonb_to_recordset(${payload}::jsonb) as r(k text, i text, v jsonb, n text)
    on conflict (submission_id, field_key, item_code) do update
      set value = excluded.value, note = excluded.note, version = submission_values.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at
    returning field_key as "fieldKey", item_code as "itemCode", version`.execute(db);
  return new Map(result.rows.map((r) => [`${r.fieldKey}|${r.itemCode}`, r.version]));
}
