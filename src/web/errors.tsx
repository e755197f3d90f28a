import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isDatabaseUnavailable } from '../db/pool.ts';
import { DomainError } from '../domain/errors.ts';
import type { AppEnv } from './context.ts';
import { t } from './messages/th.ts';
import { renderPage } from './render.tsx';

// The one error handler: Thai pages for people, JSON under /api, details only in the log.

const isApi = (c: Context<AppEnv>) => c.req.path.startsWith('/api/');

function messagePage(c: Context<AppEnv>, status: 401 | 403 | 404 | 413 | 400 | 429 | 500 | 503, title: string, body: string, reference?: string) {
  return renderPage(
    c,
    title,
    <>
      <h1>{title}</h1>
      <p>{body}</p>
      {reference ? (
        <p>
          {t('error.reference')}: <strong>{reference}</strong>
        </p>
      ) : null}
      <p>
        <a href="/">{t('nav.home')}</a>
      </p>
    </>,
    status,
  );
}

export function renderNotFound(c: Context<AppEnv>) {
  if (isApi(c)) return c.json({ error: 'not_found', message: t('error.notFound.title') }, 404);
  return messagePage(c, 404, t('error.notFound.title'), t('error.notFound.body'));
}

export function renderForbidden(c: Context<AppEnv>) {
  if (isApi(c)) return c.json({ error: 'forbidden', message: t('error.forbidden.title') }, 403);
  return messagePage(c, 403, t('error.forbidden.title'), t('error.forbidden.body'));
}

export function renderCsrfFailure(c: Context<AppEnv>) {
  return messagePage(c, 403, t('error.csrf.title'), t('error.csrf.body'));
}

export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof DomainError) {
    if (err.code === 'not_found') return renderNotFound(c);
    if (err.code === 'forbidden') return renderForbidden(c);
    if (err.code === 'unauthenticated') {
      if (isApi(c)) return c.json({ error: 'unauthenticated', message: t('error.unauthenticated') }, 401);
      return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    }
  }
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status === 413 ? 413 : 400;
    const message = status === 413 ? t('error.tooLarge') : t('error.badRequest');
    if (isApi(c)) return c.json({ error: status === 413 ? 'too_large' : 'bad_request', message }, status);
    return messagePage(c, status, message, message);
  }
  const reference = c.get('requestId') ?? 'unknown';
  if (isDatabaseUnavailable(err)) {
    // Nothing is wrong with the request: the database is away (restarting, failing over). The pool reconnects by
    // itself, so the caller is told to come back shortly rather than shown the "something broke" page.
    (c.get('logger') ?? console).warn({ err: { message: err.message, code: (err as { code?: unknown }).code } }, 'database unavailable');
    c.header('Retry-After', '5');
    c.header('Cache-Control', 'no-store');
    if (isApi(c)) return c.json({ error: 'database_unavailable', message: t('error.databaseUnavailable.title'), reference }, 503);
    return messagePage(c, 503, t('error.databaseUnavailable.title'), t('error.databaseUnavailable.body'), reference);
  }
  (c.get('logger') ?? console).error({ err: { message: err.message, stack: err.stack, name: err.name } }, 'unhandled error');
  if (isApi(c)) return c.json({ error: 'server_error', message: t('error.server.title'), reference }, 500);
  return messagePage(c, 500, t('error.server.title'), t('error.server.body'), reference);
}
