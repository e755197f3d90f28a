import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../../../deps.ts';
import { roleLabels } from '../../../domain/access/roles.ts';
import { loadActor } from '../../../services/access/load-actor.ts';
import { authenticateApiToken } from '../../../services/tokens/api-tokens.ts';
import type { AppEnv } from '../../context.ts';

// The JSON API: personal API tokens as `Authorization: Bearer`, scoped exactly like their owner.
export function apiRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const v1 = new Hono<AppEnv>();

  v1.use(
    createMiddleware<AppEnv>(async (c, next) => {
      const header = c.req.header('authorization') ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const userId = match ? await authenticateApiToken(deps, match[1]!) : undefined;
      const actor = userId ? await loadActor(deps.db, userId) : undefined;
      if (!actor) {
        c.header('WWW-Authenticate', 'Bearer realm="matrathan"');
        return c.json({ error: 'unauthenticated', message: 'ต้องส่งโทเค็น API ที่ยังใช้งานได้ในส่วนหัว Authorization: Bearer' }, 401);
      }
      c.set('actor', actor);
      c.header('Cache-Control', 'no-store');
      await next();
    }),
  );

  v1.get('/me', (c) => {
    const a = c.get('actor')!;
    return c.json({
      id: a.userId,
      username: a.username,
      name: a.name,
      email: a.email,
      memberships: a.memberships.map((m) => ({ role: m.role, roleLabel: roleLabels[m.role], orgUnitCode: m.unitCode, orgUnitKind: m.unitKind, orgUnitName: m.unitNameTh })),
    });
  });

  app.route('/v1', v1);
  return app;
}
