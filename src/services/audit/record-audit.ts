import type { Db } from '../../db/pool.ts';
import { insertAuditEvent, insertAuditEvents } from '../../db/queries/audit.ts';
import type { RequestMeta } from '../../deps.ts';

/** Audit a change inside the transaction that makes it. */
export async function recordAudit(
  db: Db,
  meta: RequestMeta,
  e: { action: string; entityType: string; entityId: string; oldValue?: unknown; newValue?: unknown },
): Promise<void> {
  await insertAuditEvent(db, { ...e, actorUserId: meta.actorUserId, ip: meta.ip, requestId: meta.requestId });
}

/** Audit several changes inside the transaction that makes them, in one statement. */
export async function recordAudits(db: Db, meta: RequestMeta, entries: { action: string; entityType: string; entityId: string; oldValue?: unknown; newValue?: unknown }[]): Promise<void> {
  await insertAuditEvents(db, entries.map((e) => ({ ...e, actorUserId: meta.actorUserId, ip: meta.ip, requestId: meta.requestId })));
}
