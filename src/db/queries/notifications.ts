import type { Db } from '../pool.ts';

// What users are told in the product. No business rules here.

export type NotificationRow = { id: number; kind: string; title: string; body: string; link: string | null; createdAt: Date; readAt: Date | null };

export async function listRecentNotifications(db: Db, userId: string, limit = 5): Promise<NotificationRow[]> {
  return db.selectFrom('notifications').select(['id', 'kind', 'title', 'body', 'link', 'created_at as createdAt', 'read_at as readAt'])
    .where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
