import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { listNotifications } from '../../../db/queries/notifications.ts';
import { DomainError } from '../../../domain/errors.ts';
import { sameSitePath } from '../../../domain/notifications/notification-rules.ts';
import { readAllNotifications } from '../../../services/notifications/read-all-notifications.ts';
import { readNotification } from '../../../services/notifications/read-notification.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { NotificationsView } from './view.tsx';

// A signed-in person's notifications: the page, marking one or all read (forms that redirect back, so they work
// without JavaScript), and opening one (marked read, then on to its link — only ever a path on this site).

const pageSize = 30;

function idParam(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new DomainError('not_found', 'notification_not_found');
  return Number(raw);
}

/** Where to go after a form: the page it came from when that is on this site, else the list. */
async function backTo(c: Context<AppEnv>): Promise<string> {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const back = typeof body.back === 'string' ? sameSitePath(body.back) : null;
  return back ?? '/notifications';
}

export function notificationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('/notifications', requireActor);
  app.use('/notifications/*', requireActor);

  app.get('/notifications', async (c) => {
    const actor = c.get('actor')!;
    const unread = c.get('unreadNotifications') ?? 0;
    const asked = /^\d{1,6}$/.test(c.req.query('page') ?? '') ? Number(c.req.query('page')) : 1;
    let page = Math.max(1, asked);
    let list = await listNotifications(deps.db, actor.userId, { limit: pageSize, offset: (page - 1) * pageSize });
    const pages = Math.max(1, Math.ceil(list.total / pageSize));
    if (page > pages) {
      page = pages;
      list = await listNotifications(deps.db, actor.userId, { limit: pageSize, offset: (page - 1) * pageSize });
    }
    const marked = Number(c.req.query('marked'));
    const notice = c.req.query('done') === 'all' && Number.isSafeInteger(marked) && marked > 0 ? `ทำเครื่องหมายว่าอ่านแล้ว ${marked.toLocaleString('th-TH')} รายการ` : undefined;
    return renderPage(c, 'การแจ้งเตือน', <NotificationsView rows={list.rows} total={list.total} unread={unread} page={page} pages={pages} csrf={c.get('csrfToken')} notice={notice} />);
  });

  app.post('/notifications/read-all', async (c) => {
    const { marked } = await readAllNotifications(deps, c.get('actor')!, requestMeta(c));
    const back = await backTo(c);
    const to = back.split(/[?#]/)[0] === '/notifications' ? `/notifications?done=all&marked=${marked}` : back;
    return c.redirect(to, 303);
  });

  app.post('/notifications/:id/read', async (c) => {
    await readNotification(deps, c.get('actor')!, { id: idParam(c) }, requestMeta(c));
    return c.redirect(await backTo(c), 303);
  });

  app.get('/notifications/:id/open', async (c) => {
    const { link } = await readNotification(deps, c.get('actor')!, { id: idParam(c) }, requestMeta(c));
    c.header('Cache-Control', 'no-store');
    return c.redirect(link ?? '/notifications', 303);
  });
  return app;
}
