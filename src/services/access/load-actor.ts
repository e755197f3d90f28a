import type { Actor } from '../../domain/access/actor.ts';
import type { Db } from '../../db/pool.ts';
import { findUserById, listMembershipsOfUser } from '../../db/queries/access.ts';

/** The actor behind a session or a token; undefined for a missing or deactivated account. */
export async function loadActor(db: Db, userId: string): Promise<Actor | undefined> {
  // Read side by side (every signed-in request asks): memberships of a missing or inactive user are not used.
  const [user, memberships] = await Promise.all([findUserById(db, userId), listMembershipsOfUser(db, userId)]);
  if (!user || !user.isActive) return undefined;
  return { userId: user.id, username: user.username, name: user.name, email: user.email, twoFactorEnabled: user.twoFactorEnabled, memberships };
}
