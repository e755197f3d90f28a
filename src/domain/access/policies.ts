import { isWithin } from '../org/org-unit.ts';
import type { Actor, MembershipReach } from './actor.ts';
import { grantableRoles, roleUnitKinds, rolesRequiringTotp, type Role } from './roles.ts';

// Named policies. Pure: the service layer loads the facts (paths, memberships) and asks here.

export type UnitRef = { path: string; kind: string };

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return actor.memberships.some((m) => wanted.includes(m.role));
}

/** The actor reaches the unit through any membership (the unit is in a membership's subtree). */
export function canViewOrgUnit(actor: Actor, unit: UnitRef): boolean {
  return actor.memberships.some((m) => isWithin(unit.path, m.unitPath) || isWithin(m.unitPath, unit.path));
}

/** May the actor give `role` over `unit` to someone? Only inside their own reach, only roles theirs can grant. */
export function canGrantRole(actor: Actor, role: Role, unit: UnitRef): boolean {
  if (!roleUnitKinds[role].includes(unit.kind)) return false;
  return actor.memberships.some((m) => grantableRoles[m.role].includes(role) && isWithin(unit.path, m.unitPath));
}

/** May the actor administer this user (change roles, deactivate)? Every membership the user holds must be one
 * the actor could have granted; a user without memberships is managed by whoever invited them (checked by caller). */
export function canManageUser(actor: Actor, target: { userId: string; memberships: Pick<MembershipReach, 'role' | 'unitPath' | 'unitKind'>[] }): boolean {
  if (target.userId === actor.userId) return false;
  if (target.memberships.length === 0) return hasRole(actor, 'system_admin');
  return target.memberships.every((m) => canGrantRole(actor, m.role, { path: m.unitPath, kind: m.unitKind }));
}

export function canAdministerUsers(actor: Actor): boolean {
  return actor.memberships.some((m) => grantableRoles[m.role].length > 0);
}

/** Where the deployment enforces it, executives, offices and admins must turn on TOTP before anything else. */
export function mustEnrolSecondFactor(actor: Actor, enforced: boolean): boolean {
  return enforced && !actor.twoFactorEnabled && actor.memberships.some((m) => rolesRequiringTotp.includes(m.role));
}

export function canImportRegister(actor: Actor): boolean {
  return hasRole(actor, 'system_admin', 'programme_admin');
}

/** The narrowest set of reach paths: what lists of units and users are filtered by. */
export function reachPaths(actor: Actor, roles?: readonly Role[]): string[] {
  const paths = actor.memberships.filter((m) => !roles || roles.includes(m.role)).map((m) => m.unitPath);
  return paths.filter((p) => !paths.some((q) => q !== p && isWithin(p, q)));
}

/** Programme owners load framework files, open rounds and grant extensions directly. */
export function canManageProgrammes(actor: Actor): boolean {
  return hasRole(actor, 'system_admin', 'programme_admin');
}

/** How much of a round's picture (pass rates, completion: aggregates, no one's answers) the actor may see before it
 * is public: the nation (owners, committee members for the country), else the provinces and districts of their
 * office and committee memberships. Null: none (LAO people read the public picture once the round is published). */
export type PictureReach = { nation: true } | { nation: false; provinces: string[]; districts: string[] };
export function pictureReach(actor: Actor): PictureReach | null {
  if (canManageProgrammes(actor) || actor.memberships.some((m) => m.role === 'committee_member' && m.unitKind === 'country')) return { nation: true };
  const provinces = actor.memberships.filter((m) => (m.role === 'province_office' || m.role === 'committee_member') && m.unitKind === 'province').map((m) => m.unitCode);
  const districts = actor.memberships.filter((m) => m.role === 'district_office' && m.unitKind === 'district').map((m) => m.unitCode);
  return provinces.length || districts.length ? { nation: false, provinces, districts } : null;
}
