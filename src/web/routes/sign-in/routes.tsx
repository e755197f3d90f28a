import { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import { signIn } from '../../../services/auth/sign-in.ts';
import { verifySignInCode } from '../../../services/auth/second-factor.ts';
import { endSession } from '../../../services/auth/session.ts';
import { recordAudit } from '../../../services/audit/record-audit.ts';
import type { AppEnv } from '../../context.ts';
import { fieldErrors, formBody } from '../../forms.ts';
import { t } from '../../messages/th.ts';
import { appendSetCookies, clientIp, requestMeta, safeNext } from '../../request-meta.ts';
import { renderPage } from '../../render.tsx';
import { signInForm, totpForm } from './schema.ts';
import { SignInView, TotpView } from './view.tsx';

export function signInRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/sign-in', (c) => {
    if (c.get('actor')) return c.redirect(safeNext(c.req.query('next')), 303);
    const notice = c.req.query('signed-out') ? t('signIn.signedOut') : c.req.query('expired') ? t('signIn.expired') : c.req.query('reset') ? 'ตั้งรหัสผ่านใหม่แล้ว เข้าสู่ระบบด้วยรหัสผ่านใหม่' : undefined;
    return renderPage(c, t('signIn.title'), <SignInView csrf={c.get('csrfToken')} next={safeNext(c.req.query('next'))} notice={notice} />);
  });

  app.post('/sign-in', async (c) => {
    const raw = await formBody(c);
    const parsed = signInForm.safeParse(raw);
    const next = safeNext(typeof raw.next === 'string' ? raw.next : undefined);
    const identifier = typeof raw.identifier === 'string' ? raw.identifier.slice(0, 254) : '';
    if (!parsed.success) {
      return renderPage(c, t('signIn.title'), <SignInView csrf={c.get('csrfToken')} identifier={identifier} next={next} errors={fieldErrors(parsed.error)} />, 422);
    }
    const result = await signIn(deps, {
      identifier: parsed.data.identifier,
      password: parsed.data.password,
      ip: clientIp(c),
      userAgent: c.req.header('user-agent') ?? '',
      requestId: c.get('requestId'),
    });
    switch (result.kind) {
      case 'signed_in':
        appendSetCookies(c, result.setCookies);
        return c.redirect(next, 303);
      case 'two_factor':
        appendSetCookies(c, result.setCookies);
        return c.redirect(`/sign-in/two-factor?next=${encodeURIComponent(next)}`, 303);
      case 'throttled': {
        c.header('Retry-After', String(result.retryAfterSeconds));
        const message = t('error.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) });
        return renderPage(c, t('signIn.title'), <SignInView csrf={c.get('csrfToken')} identifier={identifier} next={next} formError={message} />, 429);
      }
      case 'inactive':
        return renderPage(c, t('signIn.title'), <SignInView csrf={c.get('csrfToken')} identifier={identifier} next={next} formError={t('signIn.inactive')} />, 403);
      case 'invalid':
        return renderPage(c, t('signIn.title'), <SignInView csrf={c.get('csrfToken')} identifier={identifier} next={next} formError={t('signIn.failed')} />, 401);
    }
  });

  app.get('/sign-in/two-factor', (c) => renderPage(c, t('signIn.totp.title'), <TotpView csrf={c.get('csrfToken')} />));

  app.post('/sign-in/two-factor', async (c) => {
    const parsed = totpForm.safeParse(await formBody(c));
    const result = parsed.success ? await verifySignInCode(deps, { cookieHeader: c.req.header('cookie') ?? '', code: parsed.data.code }) : { ok: false as const };
    if (!result.ok) return renderPage(c, t('signIn.totp.title'), <TotpView csrf={c.get('csrfToken')} error={t('signIn.totp.invalid')} />, 422);
    appendSetCookies(c, result.setCookies);
    await recordAudit(deps.db, { ...requestMeta(c), actorUserId: result.userId }, { action: 'sign_in', entityType: 'user', entityId: result.userId, newValue: { secondFactor: true } });
    return c.redirect(safeNext(c.req.query('next')), 303);
  });

  app.post('/sign-out', async (c) => {
    const actor = c.get('actor');
    appendSetCookies(c, await endSession(deps, c.req.header('cookie') ?? ''));
    if (actor) await recordAudit(deps.db, requestMeta(c), { action: 'sign_out', entityType: 'user', entityId: actor.userId });
    return c.redirect('/sign-in?signed-out=1', 303);
  });

  // The session-timeout warning's "continue" button: touching the session slides its expiry.
  app.post('/session/keepalive', (c) => {
    if (!c.get('actor')) {
      if (c.req.header('x-requested-with') === 'fetch') return c.json({ ok: false }, 401);
      return c.redirect('/sign-in?expired=1', 303);
    }
    if (c.req.header('x-requested-with') === 'fetch') return c.json({ ok: true, expiresAt: c.get('sessionExpiresAt') });
    return c.redirect(safeNext(refererPath(c.req.header('referer'))), 303);
  });

  return app;
}

/** The path of the page the form was sent from; a missing or malformed Referer is the home page, never an error. */
function refererPath(referer: string | undefined): string {
  if (!referer || !URL.canParse(referer)) return '/';
  return new URL(referer).pathname;
}
