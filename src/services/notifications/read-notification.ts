import type { Deps, RequestMeta } from '../../deps.ts';
import { findNotification, markNotificationRead } from '../../db/queries/notifications.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { canReadNotification, sameSitePath } from '../../domain/notifications/notification-rules.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: the person a notification was for marks it read, or opens it (marked read, then sent to its link).
// Someone else's notification does not exist for them (404, never a hint that it does).

export async function readNotification(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { id: number },
  meta: RequestMeta,
): Promise<{ link: string | null }> {
  const found = await findNotification(deps.db, input.id);
  if (!found || !canReadNotification(actor, found)) throw new DomainError('not_found', 'notification_not_found');
  if (!found.readAt) {
    await deps.db.transaction().execute(async (trx) => {
      if (await markNotificationRead(trx, found.id, deps.clock.now())) {
        await recordAudit(trx, meta, { action: 'notification.read', entityType: 'notification', entityId: String(found.id) });
      }
    });
  }
  return { link: sameSitePath(found.link) };
}
