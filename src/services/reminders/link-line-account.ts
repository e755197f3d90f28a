import type { Deps, RequestMeta } from '../../deps.ts';
import { setLineUserId } from '../../db/queries/reminders.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: a person links the LINE user id reminders by LINE are pushed to (or removes it). A LINE user id is
// "U" and 32 hexadecimal characters; the LINE Official Account shows it to the person who adds it as a friend.

export const lineUserIdPattern = /^U[0-9a-f]{32}$/;

export async function linkLineAccount(deps: Pick<Deps, 'db' | 'clock'>, userId: string, lineUserId: string | null, meta: RequestMeta): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await setLineUserId(trx, userId, lineUserId, deps.clock.now());
    await recordAudit(trx, meta, { action: lineUserId ? 'line.link' : 'line.unlink', entityType: 'user', entityId: userId, newValue: lineUserId ? { lineUserId } : null });
  });
}
