import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './context.ts';
import { Layout, type PageContext } from './components/layout.tsx';

export function pageContext(c: Context<AppEnv>): PageContext {
  const ui = c.get('ui');
  return {
    actor: c.get('actor') ?? null,
    csrfToken: c.get('csrfToken') ?? '',
    nonce: c.get('secureHeadersNonce'),
    path: c.req.path,
    sessionIdleMinutes: ui?.sessionIdleMinutes,
    devTools: ui?.devTools ?? false,
    unreadNotifications: c.get('unreadNotifications'),
  };
}

/** Render a full page in the shell. Pages are never cached by shared caches: they carry personal data. */
export function renderPage(c: Context<AppEnv>, title: string, content: Child, status: ContentfulStatusCode = 200, opts: { wide?: boolean } = {}) {
  c.header('Cache-Control', 'no-store');
  return c.html(
    <Layout title={title} ctx={pageContext(c)} wide={opts.wide ?? false}>
      {content}
    </Layout>,
    status,
  );
}
