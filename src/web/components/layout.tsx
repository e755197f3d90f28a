import type { Child } from 'hono/jsx';
import type { Actor } from '../../domain/access/actor.ts';
import { canAdministerUsers, canImportRegister, canManageProgrammes, hasRole } from '../../domain/access/policies.ts';
import { t } from '../messages/th.ts';
import { assetUrl } from '../assets.ts';

export type PageContext = {
  actor: Actor | null;
  csrfToken: string;
  nonce?: string | undefined;
  path: string;
  sessionIdleMinutes?: number;
  devTools?: boolean;
};

type NavItem = { href: string; label: string };

function navFor(actor: Actor | null, devTools: boolean): NavItem[] {
  if (!actor) return devTools ? [{ href: '/dev/mail', label: t('nav.devMail') }] : [];
  const items: NavItem[] = [{ href: '/', label: t('nav.home') }, { href: '/rounds', label: t('nav.rounds') }, { href: '/org', label: t('nav.org') }];
  if (hasRole(actor, 'lao_officer', 'lao_executive', 'district_office', 'province_office')) items.splice(1, 0, { href: '/tasks', label: t('nav.tasks') });
  if (canManageProgrammes(actor)) items.push({ href: '/admin/frameworks', label: t('nav.frameworks') });
  if (canAdministerUsers(actor)) items.push({ href: '/users', label: t('nav.users') });
  if (canImportRegister(actor)) items.push({ href: '/admin/register', label: t('nav.register') });
  items.push({ href: '/account', label: t('nav.account') });
  if (devTools) items.push({ href: '/dev/mail', label: t('nav.devMail') });
  return items;
}

export function Layout(props: { title: string; ctx: PageContext; children: Child; wide?: boolean }) {
  const { ctx } = props;
  const nav = navFor(ctx.actor, ctx.devTools ?? false);
  const current = (href: string) => (href === '/' ? ctx.path === '/' : ctx.path.startsWith(href));
  return (
    <html lang="th">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — ${t('app.name')}`}</title>
        {/* The exact URL app.css's @font-face asks for (no ?v=): a preload under another URL is a second download. */}
        <link rel="preload" href="/static/fonts/sarabun-thai-400.woff2" as="font" type="font/woff2" crossorigin="anonymous" />
        <link rel="stylesheet" href={assetUrl('app.css')} />
      </head>
      <body>
        <a class="skip-link" href="#main">{t('nav.skip')}</a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href="/">
              <span class="brand-name">{t('app.name')}</span>
              <span class="brand-tagline">{t('app.tagline')}</span>
            </a>
            {ctx.actor ? (
              <div class="account">
                <span class="account-name">{ctx.actor.name}</span>
                <form method="post" action="/sign-out" class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button type="submit" class="link-button">{t('nav.signOut')}</button>
                </form>
              </div>
            ) : ctx.path !== '/sign-in' ? (
              <a class="button button-secondary" href="/sign-in">{t('nav.signIn')}</a>
            ) : null}
          </div>
          {nav.length > 0 && (
            <nav class="site-nav" aria-label="เมนูหลัก">
              <ul class="container">
                {nav.map((i) => (
                  <li>
                    <a href={i.href} aria-current={current(i.href) ? 'page' : undefined}>{i.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" class={props.wide ? 'container wide' : 'container'} tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t('app.name')} · {t('app.tagline')}</p>
          </div>
        </footer>
        {ctx.actor && ctx.sessionIdleMinutes ? (
          <div id="session-warning" class="session-warning" role="alertdialog" aria-modal="false" aria-labelledby="session-warning-title" aria-describedby="session-warning-body" hidden>
            <h2 id="session-warning-title">{t('session.warning.title')}</h2>
            <p id="session-warning-body">{t('session.warning.body', { minutes: 2 })}</p>
            <form method="post" action="/session/keepalive">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <button type="submit" class="button">{t('session.warning.continue')}</button>
            </form>
          </div>
        ) : null}
        {ctx.actor && ctx.sessionIdleMinutes ? (
          <script nonce={ctx.nonce} src={assetUrl('session-timeout.js')} data-idle-minutes={String(ctx.sessionIdleMinutes)} defer></script>
        ) : null}
      </body>
    </html>
  );
}
