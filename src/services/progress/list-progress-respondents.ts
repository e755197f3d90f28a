import type { Deps } from '../../deps.ts';
import { listPartAssignments, listRespondentPeopleOf, listRespondentProgress, type RespondentProgressRow, type RespondentSort } from '../../db/queries/progress.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { resolveText } from '../../domain/framework/framework-view.ts';
import type { LaoType } from '../../domain/org/lao-type.ts';
import type { ProgressFilter } from '../../domain/progress/progress-figures.ts';
import { loadProgressContext, type ContextResult, type ProgressContext, type ProgressQuery } from './progress-context.ts';

// Use case: the respondents behind a figure — each with where it stands, its own deadline, its last activity, the
// people who answer for it (and the forms assigned to them) and how to reach them. For the offices and the
// programme owners within their reach; a page at a time, or all of them for the spreadsheet.

export type RespondentPerson = { name: string; email: string; role: string; forms: string[] };
export type RespondentProgress = RespondentProgressRow & { people: RespondentPerson[] };
export type RespondentList = {
  ctx: ProgressContext;
  now: Date;
  state: ProgressFilter | null;
  sort: RespondentSort;
  page: number;
  pageSize: number;
  total: number;
  rows: RespondentProgress[];
};

export type ListResult = { ok: true; list: RespondentList } | Extract<ContextResult, { ok: false }>;

export const respondentPageSize = 100;
/** The spreadsheet takes every respondent of the area at once (the nation is under 8,000). */
const everyone = 20_000;

export async function listProgressRespondents(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  q: ProgressQuery & { state: ProgressFilter | null; sort: RespondentSort; page: number | 'all' },
): Promise<ListResult> {
  const loaded = await loadProgressContext(deps, actor, q, 'respondents');
  if (!loaded.ok) return loaded;
  const { ctx } = loaded;
  const now = deps.clock.now();
  const page = q.page === 'all' ? 1 : q.page;
  const limit = q.page === 'all' ? everyone : respondentPageSize;
  const found = await listRespondentProgress(deps.db, { roundId: ctx.round.id, area: ctx.area, state: q.state, now, sort: q.sort, limit, offset: (page - 1) * limit });
  const [people, parts] = await Promise.all([
    listRespondentPeopleOf(deps.db, found.rows.map((r) => r.orgUnitId)),
    listPartAssignments(deps.db, found.rows.flatMap((r) => (r.submissionId ? [r.submissionId] : []))),
  ]);
  const formTitle = new Map<string, string>();
  const titleOf = (code: string, audience: LaoType | null) => {
    const key = `${code}:${audience}`;
    if (!formTitle.has(key)) {
      const form = ctx.doc.forms.find((f) => f.code === code);
      formTitle.set(key, form ? resolveText(form.title, audience, ctx.doc) : code);
    }
    return formTitle.get(key)!;
  };
  const peopleOf = groupBy(people, (p) => p.orgUnitId);
  const partsOf = groupBy(parts, (a) => `${a.submissionId}:${a.userId}`);
  const rows = found.rows.map((r) => ({
    ...r,
    people: (peopleOf.get(r.orgUnitId) ?? []).map((p) => ({
      name: p.name, email: p.email, role: p.role,
      forms: (partsOf.get(`${r.submissionId}:${p.userId}`) ?? []).map((a) => titleOf(a.partCode, r.laoType as LaoType | null)),
    })),
  }));
  return { ok: true, list: { ctx, now, state: q.state, sort: q.sort, page, pageSize: limit, total: found.total, rows } };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
