import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../../../deps.ts';
import { roleLabels } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { loadActor } from '../../../services/access/load-actor.ts';
import { authenticateApiToken } from '../../../services/tokens/api-tokens.ts';
import type { AppEnv } from '../../context.ts';
import { handleError } from '../../errors.tsx';
import { t } from '../../messages/th.ts';
import { openApiDocument } from './openapi.ts';
import { roundApiRoutes } from './rounds.ts';
import { submissionApiRoutes } from './submissions.ts';

// The JSON API: personal API tokens as `Authorization: Bearer`, scoped exactly like their owner. Described in
// openapi.ts (served at /api/v1/openapi.json). No cookies, so the CSRF check (src/web/app.ts) does not apply.
export function apiRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const v1 = new Hono<AppEnv>();

  v1.use(bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: 'too_large', message: t('api.tooLarge') }, 413) }));
  // The description is public: it holds nothing but the API's shape.
  v1.get('/openapi.json', (c) => c.json(openApiDocument));

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
  v1.route('/', roundApiRoutes(deps));
  v1.route('/', submissionApiRoutes(deps));

  // Rules the pages show at a field come back here as JSON: a state that moved on (409), input a service refused (422).
  v1.onError((err, c) => {
    if (err instanceof DomainError && err.code === 'conflict') {
      const reused = err.messageKey === 'idempotency_key_reused';
      return c.json({ error: reused ? 'idempotency_key_reused' : 'conflict', message: t(reused ? 'api.idempotencyKeyReused' : 'api.stateConflict') }, 409);
    }
    if (err instanceof DomainError && err.code === 'invalid') return c.json({ error: 'invalid', message: t('api.invalid'), fields: {} }, 422);
    return handleError(err, c);
  });

  app.route('/v1', v1);
  return app;
}
