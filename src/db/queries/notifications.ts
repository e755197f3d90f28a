import { sql } from 'kysely';
import type { Db } from '../pool.ts';

// What users are told in the product. No business rules here.

export type NotificationRow = { id: number; kind: string; title: string; body: string; link: string | null; createdAt: Date; readAt: Date | null };
export type NotificationInsert = { userId: string; kind: string; title: string; body: string; link: string | null };

const columns = ['id', 'kind', 'title', 'body', 'link', 'created_at as createdAt', 'read_at as readAt'] as const;

export async function listRecentNotifications(db: Db, userId: string, limit = 5): Promise<NotificationRow[]> {
  return db.selectFrom('notifications').select(columns)
    .where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Many notifications in one statement per 5,000 rows (a bulk reminder tells thousands of people); pass the
 * transaction of the change they report, so they exist only if it commits. Returns how many were written. */
export async function insertNotifications(db: Db, rows: NotificationInsert[], at?: Date): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000).map((r) => ({ u: r.userId, k: r.kind, t: r.title, b: r.body, l: r.link }));
    const result = await sql`
      insert into notifications (user_id, kind, title, body, link, created_at)
      select r.u, r.k, r.t, r.b, r.l, coalesce(${at ?? null}::timestamptz, now())
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(u text, k text, t text, b text, l text)`.execute(db);
    n += Number(result.numAffectedRows ?? 0);
  }
  return n;
}

/** Served by notifications_unread_idx: cheap enough for every signed-in page. */
export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select(sql<number>`count(*)::int`.as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return row?.n ?? 0;
}

export async function listNotifications(db: Db, userId: string, page: { limit: number; offset: number }): Promise<{ rows: NotificationRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.selectFrom('notifications').select(columns).where('user_id', '=', userId)
      .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('notifications').select(sql<number>`count(*)::int`.as('n')).where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findNotification(db: Db, id: number): Promise<(NotificationRow & { userId: string }) | undefined> {
  return db.selectFrom('notifications').select([...columns, 'user_id as userId']).where('id', '=', id).executeTakeFirst();
}

/** Marks one notification read (once: the first reading time is kept). Returns whether it was unread. */
export async function markNotificationRead(db: Db, id: number, at: Date): Promise<boolean> {
  const result = await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markAllNotificationsRead(db: Db, userId: string, at: Date): Promise<number> {
  const result = await db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
