import type { Db } from '../pool.ts';

export type AuditEntry = {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  oldValue?: unknown;
  newValue?: unknown;
  ip?: string | null;
  requestId?: string | null;
};

/** Written with the same `db` (transaction) as the change it describes. */
export async function insertAuditEvent(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor_user_id: e.actorUserId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      old_value: e.oldValue === undefined ? null : JSON.stringify(e.oldValue),
      new_value: e.newValue === undefined ? null : JSON.stringify(e.newValue),
      ip: e.ip ?? null,
      request_id: e.requestId ?? null,
    })
    .execute();
}

/** Several audit rows in one statement (one row per change, as many changes as one save makes). */
export async function insertAuditEvents(db: Db, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await db.insertInto('audit_events').values(entries.map((e) => ({
    actor_user_id: e.actorUserId, action: e.action, entity_type: e.entityType, entity_id: e.entityId,
    old_value: e.oldValue === undefined ? null : JSON.stringify(e.oldValue), new_value: e.newValue === undefined ? null : JSON.stringify(e.newValue),
    ip: e.ip ?? null, request_id: e.requestId ?? null,
  }))).execute();
}
