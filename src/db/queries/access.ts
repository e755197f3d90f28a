import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { MembershipReach } from '../../domain/access/actor.ts';
import type { Role } from '../../domain/access/roles.ts';

export type UserRow = { id: string; name: string; email: string; username: string | null; isActive: boolean; twoFactorEnabled: boolean };

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('user')
    .select(['id', 'name', 'email', 'username', 'isActive', sql<boolean>`coalesce("twoFactorEnabled", false)`.as('twoFactorEnabled')])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findUserByIdentifier(db: Db, identifier: string): Promise<UserRow | undefined> {
  const v = identifier.trim().toLowerCase();
  return db
    .selectFrom('user')
    .select(['id', 'name', 'email', 'username', 'isActive', sql<boolean>`coalesce("twoFactorEnabled", false)`.as('twoFactorEnabled')])
    .where((eb) => eb.or([eb('email', '=', v), eb('username', '=', v)]))
    .executeTakeFirst();
}

export async function listMembershipsOfUser(db: Db, userId: string): Promise<MembershipReach[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('org_units as u', 'u.id', 'm.org_unit_id')
    .leftJoin('org_units as o', 'o.id', 'm.office_unit_id')
    .select(['m.id', 'm.role', 'm.org_unit_id as unitId', 'u.code as unitCode', 'u.kind as unitKind', 'u.path as unitPath', 'u.name_th as unitNameTh', 'm.office_unit_id as officeUnitId',
      'o.code as officeUnitCode', 'o.kind as officeUnitKind'])
    .where('m.user_id', '=', userId)
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function insertMembership(db: Db, m: { userId: string; role: Role; orgUnitId: number; officeUnitId: number | null; createdBy: string | null }): Promise<number> {
  const row = await db
    .insertInto('memberships')
    .values({ user_id: m.userId, role: m.role, org_unit_id: m.orgUnitId, office_unit_id: m.officeUnitId, created_by: m.createdBy })
    .onConflict((oc) => oc.columns(['user_id', 'role', 'org_unit_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? 0;
}

export async function deleteMembership(db: Db, id: number): Promise<void> {
  await db.deleteFrom('memberships').where('id', '=', id).execute();
}

export type UserListRow = UserRow & { memberships: { role: Role; unitNameTh: string; unitCode: string }[] };

/** Users with at least one membership inside any of the given subtrees; `search` matches name, e-mail or username. */
export async function listUsersWithin(db: Db, paths: string[], opts: { search?: string; limit: number; offset: number }): Promise<{ rows: UserListRow[]; total: number }> {
  if (paths.length === 0) return { rows: [], total: 0 };
  const inReach = sql<boolean>`exists (select 1 from memberships m join org_units u on u.id = m.org_unit_id
    where m.user_id = "user".id and (${sql.join(paths.map((p) => sql`u.path like ${p + '%'}`), sql` or `)}))`;
  let base = db.selectFrom('user').where(inReach);
  if (opts.search) {
    const like = `%${opts.search.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    base = base.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like), eb('username', 'ilike', like)]));
  }
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const users = await base
    .select(['id', 'name', 'email', 'username', 'isActive', sql<boolean>`coalesce("twoFactorEnabled", false)`.as('twoFactorEnabled')])
    .orderBy('name')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  const ids = users.map((u) => u.id);
  const ms = ids.length
    ? await db.selectFrom('memberships as m').innerJoin('org_units as u', 'u.id', 'm.org_unit_id').select(['m.user_id', 'm.role', 'u.name_th', 'u.code']).where('m.user_id', 'in', ids).execute()
    : [];
  return {
    total,
    rows: users.map((u) => ({ ...u, memberships: ms.filter((m) => m.user_id === u.id).map((m) => ({ role: m.role as Role, unitNameTh: m.name_th, unitCode: m.code })) })),
  };
}

export async function setUserActive(db: Db, userId: string, active: boolean): Promise<void> {
  await db.updateTable('user').set({ isActive: active, updatedAt: new Date() }).where('id', '=', userId).execute();
  if (!active) await db.deleteFrom('session').where('userId', '=', userId).execute();
}
