import type { Actor } from '../../domain/access/actor.ts';
import type { Db } from '../../db/pool.ts';
import { findUserById, listMembershipsOfUser } from '../../db/queries/access.ts';

/** The actor behind a session or a token; undefined for a missing or deactivated account. */
export async function loadActor(db: Db, userId: string): Promise<Actor | undefined> {
  const user = await findUserById(db, userId);
  if (!user || !user.isActive) return undefined;
  return { userId: user.id, username: user.username, name: user.name, email: user.email, twoFactorEnabled: user.twoFactorEnabled, memberships: await listMembershipsOfUser(db, user.id) };
}
