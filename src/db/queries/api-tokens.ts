import type { Db } from '../pool.ts';

export async function insertApiToken(db: Db, t: { userId: string; name: string; tokenHash: string; tokenPrefix: string }): Promise<number> {
  const row = await db.insertInto('api_tokens').values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, token_prefix: t.tokenPrefix }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function listApiTokens(db: Db, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'token_prefix as tokenPrefix', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

export async function revokeApiToken(db: Db, userId: string, id: number, at: Date): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The live token's owner, if the token is live and the owner active; marks it used (at most once a minute). */
export async function useApiToken(db: Db, tokenHash: string, at: Date): Promise<string | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('user as u', 'u.id', 't.user_id')
    .select(['t.id', 't.user_id', 't.last_used_at'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.isActive', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  if (!row.last_used_at || at.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', row.id).execute();
  }
  return row.user_id;
}

