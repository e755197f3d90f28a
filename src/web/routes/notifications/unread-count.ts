import { createMiddleware } from 'hono/factory';
import type { Deps } from '../../../deps.ts';
import { countUnreadNotifications } from '../../../db/queries/notifications.ts';
import type { AppEnv } from '../../context.ts';

// The header shows a signed-in person's unread count on every page: one indexed count per request that may render
// a page (after the session has resolved the actor). Autosave and other JSON calls skip it.
export function unreadNotificationCount(deps: Pick<Deps, 'db'>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const actor = c.get('actor');
    const accept = c.req.header('accept') ?? '';
    const wantsJson = accept.includes('application/json') && !accept.includes('text/html');
    if (actor && !wantsJson) c.set('unreadNotifications', await countUnreadNotifications(deps.db, actor.userId));
    await next();
  });
}
