import crypto from 'node:crypto';
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Deps } from '../../../deps.ts';
import { pendingMigrations } from '../../../db/migrate.ts';
import type { AppEnv } from '../../context.ts';
import { clientIp } from '../../request-meta.ts';
import { isDraining } from '../../lifecycle.ts';

// /healthz: the process is alive. /readyz: the database answers and every migration is applied. /metrics: the
// Prometheus text for a scraper holding METRICS_TOKEN, or for anyone on the loopback address when no token is set.
export function healthRoutes(deps: Pick<Deps, 'db' | 'pool' | 'metrics' | 'config'>) {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (isDraining()) return c.json({ status: 'not_ready', reason: 'shutting_down' }, 503);
    try {
      await sql`select 1`.execute(deps.db);
      const pending = await pendingMigrations(deps.pool);
      if (pending.length > 0) return c.json({ status: 'not_ready', reason: 'migrations_pending', pending }, 503);
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'not_ready', reason: 'database_unreachable' }, 503);
    }
  });
  app.get('/metrics', async (c) => {
    const token = deps.config.metricsToken;
    const allowed = token ? sameSecret(c.req.header('authorization') ?? '', `Bearer ${token}`) : ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(clientIp(c));
    if (!allowed) return c.text('Not found', 404);
    const body = await deps.metrics.text();
    return c.body(body, 200, { 'Content-Type': deps.metrics.registry.contentType, 'Cache-Control': 'no-store' });
  });
  return app;
}

/** Compares secrets in constant time (hashed first, so lengths do not leak either). */
function sameSecret(a: string, b: string): boolean {
  const h = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(h(a), h(b));
}
