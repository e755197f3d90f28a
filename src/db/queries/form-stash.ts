import { sql } from 'kysely';
import type { Db } from '../pool.ts';

// Stashed form posts (see migration 0008). Raw SQL: the table is private to this file. No business rules here.

export async function insertFormStash(db: Db, s: { tokenHash: string; path: string; fields: Record<string, string>; at: Date; expiresAt: Date }): Promise<void> {
  await sql`delete from form_stashes where expires_at < ${s.at}`.execute(db);
  await sql`insert into form_stashes (token_hash, path, fields, created_at, expires_at)
    values (${s.tokenHash}, ${s.path}, ${JSON.stringify(s.fields)}::jsonb, ${s.at}, ${s.expiresAt})`.execute(db);
}

/** The stash for this token and page, removed as it is read (it is shown once). */
export async function takeFormStash(db: Db, tokenHash: string, path: string, now: Date): Promise<Record<string, string> | null> {
  const row = await sql<{ fields: Record<string, string> }>`
    delete from form_stashes where token_hash = ${tokenHash} and path = ${path} and expires_at >= ${now} returning fields`.execute(db);
  return row.rows[0]?.fields ?? null;
}
