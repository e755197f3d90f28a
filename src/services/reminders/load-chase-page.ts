import type { Deps } from '../../deps.ts';
import { countChaseStates, listChaseAreas, listChaseRows, type AreaChoice, type ChaseCounts, type ChaseRow } from '../../db/queries/chase-list.ts';
import { listTemplates, type TemplateRow } from '../../db/queries/reminders.ts';
import type { RoundRow } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { chaseReach } from '../../domain/reminders/chase-state.ts';
import type { ReminderSettings } from '../../domain/reminders/schedule.ts';
import { formatDeadline, renderReminder, type TemplateText } from '../../domain/reminders/templates.ts';
import { chaseQuery, loadChaseRound, type ChaseFilter } from './chase-query.ts';
import { submissionLink } from './create-send.ts';
import { loadReminderSettings } from './schedule-reminders.ts';

// Everything the chase page shows: the respondents of the filter that still hold their data (a page at a time),
// how many stand where, the filter's choices within reach, the templates with a preview, the round's schedule.

export const chasePageSize = 50;

export type ChasePage = {
  round: RoundRow;
  filter: ChaseFilter;
  rows: ChaseRow[];
  total: number;
  page: number;
  counts: ChaseCounts;
  provinces: AreaChoice[];
  districts: AreaChoice[];
  templates: (TemplateRow & { preview: TemplateText })[];
  settings: ReminderSettings;
  manage: boolean;
  lineConfigured: boolean;
  now: Date;
};

export async function loadChasePage(deps: Deps, actor: Actor, roundId: number, filter: ChaseFilter, page: number): Promise<ChasePage> {
  const round = await loadChaseRound(deps, actor, roundId);
  const query = await chaseQuery(deps, actor, round, filter);
  const [list, counts, areas, templates, settings] = await Promise.all([
    listChaseRows(deps.db, query, { limit: chasePageSize, offset: (page - 1) * chasePageSize }),
    countChaseStates(deps.db, query),
    listChaseAreas(deps.db, round.id, chaseReach(actor)),
    listTemplates(deps.db),
    loadReminderSettings(deps, round.id),
  ]);
  // The preview reads as the first listed respondent would receive it (an example name when the list is empty).
  const first = list.rows[0];
  const sample = first
    ? { lao: first.name, dueDate: formatDeadline(first.deadline), link: `${deps.config.publicUrl}${submissionLink(round.id, first.code)}` }
    : { lao: 'เทศบาลตำบลตัวอย่าง', dueDate: formatDeadline(round.dueAt), link: `${deps.config.publicUrl}/rounds/${round.id}` };
  return {
    round, filter, rows: list.rows, total: list.total, page, counts, ...areas,
    templates: templates.filter((t) => t.kind === 'respondent').map((t) => ({ ...t, preview: renderReminder(t, { ...sample, round: round.title }) })),
    settings, manage: canManageProgrammes(actor), lineConfigured: deps.line !== null, now: query.now,
  };
}
