import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { SubmissionState } from '../schema.ts';

// Read queries behind the submission pages (task list, overview, the offices' list). No business rules here.

/** The respondent's own people: an LAO's officers and executives, or an office's staff (memberships of the office's
 * role on a unit at or above it). */
export async function listRespondentPeople(db: Db, unit: { id: number; kind: string; path: string }): Promise<{ userId: string; name: string; role: string }[]> {
  const rows = unit.kind === 'lao'
    ? await sql<{ userId: string; name: string; role: string }>`
        select distinct u.id as "userId", u.name, m.role from memberships m join "user" u on u.id = m.user_id
        where m.org_unit_id = ${unit.id} and m.role in ('lao_officer', 'lao_executive') and u."isActive" order by u.name`.execute(db)
    : await sql<{ userId: string; name: string; role: string }>`
        select distinct u.id as "userId", u.name, m.role from memberships m join "user" u on u.id = m.user_id join org_units o on o.id = m.org_unit_id
        where m.role = ${unit.kind} and ${unit.path} like o.path || '%' and u."isActive" order by u.name`.execute(db);
  return rows.rows;
}

export type RespondentListRow = { orgUnitId: number; code: string; name: string; kind: string; laoType: string | null; state: SubmissionState | 'not_started'; updatedAt: Date | null; submittedAt: Date | null };

/** A round's respondents under any of the given paths (all when null), by name, a page at a time. */
export async function listRespondentsInReach(db: Db, roundId: number, paths: string[] | null, page: { limit: number; offset: number; state?: string | undefined }): Promise<{ rows: RespondentListRow[]; total: number }> {
  const reach = paths === null ? sql`true` : paths.length ? sql`(${sql.join(paths.map((p) => sql`u.path like ${`${p}%`}`), sql` or `)})` : sql`false`;
  const state = page.state ? sql`coalesce(s.state, 'not_started') = ${page.state}` : sql`true`;
  const rows = await sql<RespondentListRow & { total: number }>`
    select u.id as "orgUnitId", u.code, u.name_th as name, u.kind, rr.lao_type as "laoType", coalesce(s.state, 'not_started') as state,
           s.updated_at as "updatedAt", s.submitted_at as "submittedAt", count(*) over ()::int as total
    from round_respondents rr join org_units u on u.id = rr.org_unit_id left join submissions s on s.round_id = rr.round_id and s.org_unit_id = u.id
    where rr.round_id = ${roundId} and ${reach} and ${state}
    order by u.name_th, u.code limit ${page.limit} offset ${page.offset}`.execute(db);
  return { rows: rows.rows.map(({ total: _total, ...r }) => r), total: rows.rows[0]?.total ?? 0 };
}

/** The reason given with the latest return of a submission (it is kept in the audit trail). */
export async function lastReturnReason(db: Db, submissionId: number): Promise<{ reason: string | null; at: Date } | null> {
  const row = await db.selectFrom('audit_events').select(['new_value', 'occurred_at']).where('entity_type', '=', 'submission').where('entity_id', '=', String(submissionId))
    .where('action', '=', 'submission.return').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  const value = row.new_value as { reason?: string | null } | null;
  return { reason: value?.reason ?? null, at: row.occurred_at as Date };
}
