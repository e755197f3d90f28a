import { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import { findOrgUnitById } from '../../../db/queries/org-units.ts';
import { listInternalDeadlines, listRounds, type InternalDeadlineRow } from '../../../db/queries/rounds.ts';
import { hasRole } from '../../../domain/access/policies.ts';
import { listTasks } from '../../../services/submissions/list-tasks.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { TasksView } from './view.tsx';

// "งานของฉัน": what the signed-in respondent owes, by when, and where each form stands. Late stays in view.
export function taskRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/tasks', requireActor, async (c) => {
    const tasks = await listTasks(deps, c.get('actor')!);
    // Office respondents report to their provincial office first: its internal deadlines come before the due date.
    const internal = new Map<string, InternalDeadlineRow[]>();
    for (const task of tasks) {
      const unit = await findOrgUnitById(deps.db, task.orgUnitId);
      if (!unit || unit.kind === 'lao') continue;
      const rows = (await listInternalDeadlines(deps.db, task.roundId)).filter((d) => d.orgUnitId === null || unit.path.includes(`/${d.orgUnitId}/`));
      internal.set(`${task.roundId}:${task.orgUnitId}`, rows);
    }
    // The offices review what their LAOs send: the open rounds, each with its list of respondents in their reach.
    const reviewing = hasRole(c.get('actor')!, 'district_office', 'province_office') ? await listRounds(deps.db, { states: ['open', 'closed'] }) : [];
    return renderPage(c, 'งานของฉัน', <TasksView tasks={tasks} internal={internal} now={deps.clock.now()} reviewing={reviewing} />);
  });
  return app;
}
