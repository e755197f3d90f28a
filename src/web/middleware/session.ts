import { createMiddleware } from 'hono/factory';
import type { Deps } from '../../deps.ts';
import { mustEnrolSecondFactor } from '../../domain/access/policies.ts';
import { loadActor } from '../../services/access/load-actor.ts';
import { readSession } from '../../services/auth/session.ts';
import type { AppEnv } from '../context.ts';

// Resolves the signed-in actor from the session cookie for every page (not for /api, which uses tokens).
export function sessionActor(deps: Pick<Deps, 'auth' | 'db' | 'config'>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const cookie = c.req.header('cookie') ?? '';
    if (cookie.includes('mt.session_token')) {
      const session = await readSession(deps, cookie);
      if (session) {
        const actor = await loadActor(deps.db, session.userId);
        if (actor) {
          c.set('actor', actor);
          c.set('sessionExpiresAt', session.expiresAt);
        }
        for (const sc of session.setCookies) c.header('Set-Cookie', sc, { append: true });
      }
    }
    const actor = c.get('actor');
    if (actor && mustEnrolSecondFactor(actor, deps.config.mfaEnforced) && !secondFactorExempt(c.req.path)) {
      return c.redirect('/account/two-factor?required=1', 303);
    }
    await next();
  });
}

// While enrolment is required, only enrolment itself, signing out and keeping the session alive stay open.
const secondFactorExempt = (path: string) => path.startsWith('/account/two-factor') || path === '/sign-out' || path === '/session/keepalive';

/** Pages behind this need a signed-in actor; anyone else is sent to sign in and brought back afterwards. */
export const requireActor = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('actor')) {
    const next_ = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/';
    return c.redirect(`/sign-in?next=${encodeURIComponent(next_)}`, 303);
  }
  await next();
});
