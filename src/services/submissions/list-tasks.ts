import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { respondentDeadline } from '../../domain/rounds/entry-window.ts';
import type { SubmissionStateName } from '../../domain/submission/submission-state.ts';
import { loadExtensionFacts } from '../rounds/extension-facts.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';
import { audiences, resolveText, type Audience } from '../../domain/framework/framework-view.ts';
import type { LaoType } from '../../domain/org/lao-type.ts';
import { divisionScope } from '../../domain/outstanding/division-scope.ts';
import { loadDivisionStatus, type DivisionStatus } from '../outstanding/division-status.ts';
import { loadSubmissionContext } from './load-submission.ts';

// The respondent's task list: every open round it answers (and recently closed ones it still owes), with each form,
// its state and who it is assigned to, the deadline with days left and any extension. Late stays in view.

export type TaskPart = { code: string; title: string; state: 'not_started' | 'in_progress' | 'ready' | 'returned'; assignedName: string | null; answered: number; total: number };
export type Task = {
  roundId: number; roundTitle: string; programmeTitle: string; orgUnitId: number; orgUnitCode: string; orgUnitName: string;
  state: SubmissionStateName; deadline: Date; acceptUntil: Date; extended: boolean; daysLeft: number; late: boolean; closed: boolean; parts: TaskPart[];
  /** A division officer of a provincial office: only their division's indicators, against the internal date. */
  division?: DivisionStatus;
};

export async function listTasks(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<Task[]> {
  const unitIds = actor.memberships.filter((m) => ['lao_officer', 'lao_executive', 'province_office', 'district_office'].includes(m.role)).map((m) => m.unitId);
  if (!unitIds.length) return [];
  const rows = await sql<{ roundId: number; roundTitle: string; programmeTitle: string; versionId: number; orgUnitId: number; code: string; name: string; path: string; kind: string; laoType: string | null; provinceCode: string | null; submissionId: number | null; state: SubmissionStateName | null; roundState: 'draft' | 'open' | 'closed' | 'published';
    opensAt: Date; dueAt: Date; lateUntil: Date; editClosesAt: Date }>`
    select r.opens_at as "opensAt", r.due_at as "dueAt", r.late_until as "lateUntil", r.edit_closes_at as "editClosesAt", r.id as "roundId", r.title as "roundTitle", p.title as "programmeTitle", r.framework_version_id as "versionId", u.id as "orgUnitId", u.code, u.name_th as name, u.path, u.kind,
           rr.lao_type as "laoType", rr.province_code as "provinceCode", s.id as "submissionId", s.state, r.state as "roundState"
    from round_respondents rr
    join rounds r on r.id = rr.round_id and r.state in ('open', 'closed')
    join programmes p on p.id = r.programme_id
    join org_units u on u.id = rr.org_unit_id
    left join submissions s on s.round_id = r.id and s.org_unit_id = u.id
    where rr.org_unit_id in (
      select id from org_units where id = any(${unitIds}::int[])
      union select o.id from org_units o where o.parent_id = any(${unitIds}::int[]) and o.kind in ('province_office', 'district_office'))
      and (r.state = 'open' or coalesce(s.state, 'not_started') in ('not_started', 'in_progress', 'returned'))
    order by r.due_at, r.id`.execute(deps.db);
  const now = deps.clock.now();
  const tasks: Task[] = [];
  for (const row of rows.rows) {
    const round = { state: row.roundState, opensAt: row.opensAt, dueAt: row.dueAt, lateUntil: row.lateUntil, editClosesAt: row.editClosesAt };
    const { deadline, acceptUntil, extension } = respondentDeadline(round, await loadExtensionFacts(deps.db, row.roundId), { orgUnitId: row.orgUnitId, provinceCode: row.provinceCode });
    const { doc } = await loadFrameworkVersion(deps.db, { id: row.versionId });
    const audience: Audience = doc.programme.respondents === 'lao' ? (row.laoType as LaoType) : null;
    const parts = row.submissionId ? await sql<{ partCode: string; state: TaskPart['state']; assignedName: string | null }>`
      select p.part_code as "partCode", p.state, u.name as "assignedName" from submission_parts p left join "user" u on u.id = p.assigned_user_id where p.submission_id = ${row.submissionId}`.execute(deps.db) : { rows: [] };
    const answered = row.submissionId ? await sql<{ fieldKey: string }>`select field_key as "fieldKey" from submission_values where submission_id = ${row.submissionId} and value is not null and value <> 'null'::jsonb`.execute(deps.db) : { rows: [] };
    const answeredKeys = new Set(answered.rows.map((a) => a.fieldKey));
    const division = divisionScope(actor, { path: row.path, kind: row.kind, code: row.code }, doc)
      ? await loadDivisionStatus(deps, actor, await loadSubmissionContext(deps, actor, { roundId: row.roundId, orgUnitCode: row.code })) : null;
    tasks.push({
      ...(division ? { division } : {}),
      roundId: row.roundId, roundTitle: row.roundTitle, programmeTitle: row.programmeTitle, orgUnitId: row.orgUnitId, orgUnitCode: row.code, orgUnitName: row.name,
      state: row.state ?? 'not_started', deadline, acceptUntil, extended: Boolean(extension),
      daysLeft: Math.ceil((deadline.getTime() - now.getTime()) / 86_400_000), late: now > deadline, closed: row.roundState !== 'open' || now > acceptUntil,
      parts: doc.forms.filter((f) => audience === null || !f.appliesTo || f.appliesTo.includes(audience)).filter(() => audiences(doc).includes(audience)).map((f) => {
        const part = parts.rows.find((p) => p.partCode === f.code);
        const keys = f.sections.filter((s) => audience === null || !s.appliesTo || s.appliesTo.includes(audience)).flatMap((s) => s.fields.filter((fl) => fl.type !== 'file' && (audience === null || !fl.appliesTo || fl.appliesTo.includes(audience))).map((fl) => fl.key));
        const done = keys.filter((k) => answeredKeys.has(k)).length;
        return { code: f.code, title: resolveText(f.title, audience, doc), state: part?.state ?? (done ? 'in_progress' : 'not_started'), assignedName: part?.assignedName ?? null, answered: done, total: keys.length };
      }),
    });
  }
  return tasks;
}
