import { sql } from 'kysely';
import type { Db } from '../pool.ts';

export async function findThrottle(db: Db, keys: string[]) {
  if (keys.length === 0) return [];
  return db.selectFrom('sign_in_throttle').selectAll().where('key', 'in', keys).execute();
}

/** One more failure for `key`, counted inside a window that restarts once it is older than `windowMs`. */
export async function recordFailure(db: Db, key: string, at: Date, windowMs: number): Promise<{ failures: number; windowStartedAt: Date }> {
  const r = await sql<{ failures: number; window_started_at: Date }>`
    insert into sign_in_throttle (key, failures, window_started_at) values (${key}, 1, ${at})
    on conflict (key) do update set
      failures = case when sign_in_throttle.window_started_at < ${at}::timestamptz - make_interval(secs => ${windowMs / 1000}) then 1 else sign_in_throttle.failures + 1 end,
      window_started_at = case when sign_in_throttle.window_started_at < ${at}::timestamptz - make_interval(secs => ${windowMs / 1000}) then ${at} else sign_in_throttle.window_started_at end,
      locked_until = case when sign_in_throttle.window_started_at < ${at}::timestamptz - make_interval(secs => ${windowMs / 1000}) then null else sign_in_throttle.locked_until end
    returning failures, window_started_at`.execute(db);
  const row = r.rows[0]!;
  return { failures: row.failures, windowStartedAt: row.window_started_at };
}

export async function lockKey(db: Db, key: string, until: Date): Promise<void> {
  await db.updateTable('sign_in_throttle').set({ locked_until: until }).where('key', '=', key).execute();
}

export async function clearThrottle(db: Db, keys: string[]): Promise<void> {
  if (keys.length) await db.deleteFrom('sign_in_throttle').where('key', 'in', keys).execute();
}
