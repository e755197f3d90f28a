import { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import { listRounds } from '../../../db/queries/rounds.ts';
import type { AppEnv } from '../../context.ts';

// GET /api/v1/rounds: the rounds anyone signed in can see (the web's /rounds shows the same), drafts excepted.
export function roundApiRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/rounds', async (c) => {
    const rows = await listRounds(deps.db, { states: ['open', 'closed', 'published'] });
    return c.json({
      rounds: rows.map((r) => ({
        id: r.id,
        programme: { code: r.programmeCode, title: r.programmeTitle },
        title: r.title,
        status: r.state,
        fiscalYear: r.fiscalYear,
        quarter: r.quarter,
        opensAt: r.opensAt.toISOString(),
        dueAt: r.dueAt.toISOString(),
        lateUntil: r.lateUntil.toISOString(),
        editClosesAt: r.editClosesAt.toISOString(),
      })),
    });
  });
  return app;
}
