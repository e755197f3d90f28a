import type { Deps, RequestMeta } from '../../deps.ts';
import { markAllNotificationsRead } from '../../db/queries/notifications.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: a person marks all their notifications read (only their own: the query is scoped to them).

export async function readAllNotifications(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, meta: RequestMeta): Promise<{ marked: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const marked = await markAllNotificationsRead(trx, actor.userId, deps.clock.now());
    if (marked) await recordAudit(trx, meta, { action: 'notification.read_all', entityType: 'user', entityId: actor.userId, newValue: { marked } });
    return { marked };
  });
}
