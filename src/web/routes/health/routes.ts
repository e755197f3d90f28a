import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Deps } from '../../../deps.ts';
import { pendingMigrations } from '../../../db/migrate.ts';
import type { AppEnv } from '../../context.ts';

// /healthz: the process is alive. /readyz: the database answers and every migration is applied.
export function healthRoutes(deps: Pick<Deps, 'db' | 'pool'>) {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      const pending = await pendingMigrations(deps.pool);
      if (pending.length > 0) return c.json({ status: 'not_ready', reason: 'migrations_pending', pending }, 503);
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'not_ready', reason: 'database_unreachable' }, 503);
    }
  });
  return app;
}
