import crypto from 'node:crypto';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { renderCsrfFailure } from '../errors.tsx';

// Two checks on every state-changing form request, sign-in included:
// 1. the Origin (or, without one, Sec-Fetch-Site) must be this site;
// 2. a double-submit token: the form's _csrf field (or X-CSRF-Token header for htmx) must equal the token cookie.
// The bearer-token API under /api is exempt: browsers never send its credentials on their own.
const cookieName = 'mt_csrf';
const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function csrfProtection(opts: { publicUrl: string; secureCookies: boolean }) {
  const allowedOrigin = new URL(opts.publicUrl).origin;
  return createMiddleware<AppEnv>(async (c, next) => {
    let token = getCookie(c, cookieName);
    if (!token || !/^[A-Za-z0-9_-]{32,64}$/.test(token)) {
      token = crypto.randomBytes(24).toString('base64url');
      setCookie(c, cookieName, token, { httpOnly: true, sameSite: 'Lax', secure: opts.secureCookies, path: '/' });
    }
    c.set('csrfToken', token);
    if (!unsafe.has(c.req.method) || c.req.path.startsWith('/api/')) return next();

    const origin = c.req.header('origin');
    const requestOrigin = new URL(c.req.url).origin;
    const originOk = origin ? origin === allowedOrigin || origin === requestOrigin : c.req.header('sec-fetch-site') !== 'cross-site';
    let sent = c.req.header('x-csrf-token');
    if (!sent) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
        const field = body['_csrf'];
        sent = typeof field === 'string' ? field : undefined;
      }
    }
    const cookieToken = getCookie(c, cookieName);
    const tokenOk = !!sent && !!cookieToken && sent.length === cookieToken.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(cookieToken));
    if (!originOk || !tokenOk) {
      c.get('logger').warn({ originOk, tokenOk }, 'csrf check failed');
      return renderCsrfFailure(c);
    }
    return next();
  });
}
