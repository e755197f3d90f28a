import type { Deps, RequestMeta } from '../../deps.ts';
import type { Actor, MembershipReach } from '../../domain/access/actor.ts';
import { canGrantRole, canManageUser } from '../../domain/access/policies.ts';
import type { Role } from '../../domain/access/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { deleteMembership, findUserById, insertMembership, listMembershipsOfUser, setUserActive, type UserRow } from '../../db/queries/access.ts';
import { findOrgUnitByAnyCode } from '../../db/queries/org-units.ts';
import { recordAudit } from '../audit/record-audit.ts';

export type ManagedUser = { user: UserRow; memberships: MembershipReach[]; canManage: boolean };

/** A user the actor may see: one with a membership inside the actor's reach. */
export async function getManagedUser(deps: Pick<Deps, 'db'>, actor: Actor, userId: string): Promise<ManagedUser> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new DomainError('not_found', 'user');
  const memberships = await listMembershipsOfUser(deps.db, userId);
  const visible = memberships.some((m) => actor.memberships.some((a) => m.unitPath.startsWith(a.unitPath)));
  if (!visible && userId !== actor.userId) throw new DomainError('forbidden', 'user');
  return { user, memberships, canManage: canManageUser(actor, { userId, memberships }) };
}

export async function grantRole(deps: Pick<Deps, 'db'>, actor: Actor, userId: string, input: { role: Role; orgUnitCode: string }, meta: RequestMeta): Promise<{ ok: true } | { ok: false; message: string }> {
  const target = await getManagedUser(deps, actor, userId);
  if (!target.canManage) throw new DomainError('forbidden', 'user');
  const unit = await findOrgUnitByAnyCode(deps.db, input.orgUnitCode);
  if (!unit) return { ok: false, message: 'ไม่พบหน่วยงานรหัสนี้ ตรวจสอบรหัส อปท. อำเภอ หรือจังหวัด' };
  if (!canGrantRole(actor, input.role, unit)) return { ok: false, message: 'ท่านกำหนดบทบาทนี้ให้หน่วยงานนี้ไม่ได้ เลือกหน่วยงานในความรับผิดชอบของท่านและประเภทที่ตรงกับบทบาท' };
  await deps.db.transaction().execute(async (trx) => {
    const id = await insertMembership(trx, { userId, role: input.role, orgUnitId: unit.id, officeUnitId: null, createdBy: actor.userId });
    if (id) await recordAudit(trx, meta, { action: 'role_granted', entityType: 'user', entityId: userId, newValue: { membershipId: id, role: input.role, orgUnit: unit.code } });
  });
  return { ok: true };
}

export async function revokeRole(deps: Pick<Deps, 'db'>, actor: Actor, userId: string, membershipId: number, meta: RequestMeta): Promise<void> {
  const target = await getManagedUser(deps, actor, userId);
  const m = target.memberships.find((x) => x.id === membershipId);
  if (!m) throw new DomainError('not_found', 'membership');
  if (!target.canManage) throw new DomainError('forbidden', 'user');
  await deps.db.transaction().execute(async (trx) => {
    await deleteMembership(trx, membershipId);
    await recordAudit(trx, meta, { action: 'role_revoked', entityType: 'user', entityId: userId, oldValue: { membershipId, role: m.role, orgUnit: m.unitCode } });
  });
}

/** Deactivating ends every session at once; the account and its history stay. */
export async function setActive(deps: Pick<Deps, 'db'>, actor: Actor, userId: string, active: boolean, meta: RequestMeta): Promise<void> {
  const target = await getManagedUser(deps, actor, userId);
  if (!target.canManage) throw new DomainError('forbidden', 'user');
  if (target.user.isActive === active) return;
  await deps.db.transaction().execute(async (trx) => {
    await setUserActive(trx, userId, active);
    await recordAudit(trx, meta, { action: active ? 'user_reactivated' : 'user_deactivated', entityType: 'user', entityId: userId, oldValue: { isActive: !active }, newValue: { isActive: active } });
  });
}
