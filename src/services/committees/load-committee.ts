import type { Deps } from '../../deps.ts';
import type { Db } from '../../db/pool.ts';
import { findCommittee, findSeat, listMembers, listProvinceOffices, listProvinceUsers, type CommitteeRow, type MemberRow, type PickableOffice, type PickableUser } from '../../db/queries/committees.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { defaultCommitteeTitle, defaultDuties, type CommitteeMember } from '../../domain/committees/committee.ts';
import { canManageCommittee, canViewCommittee, type CommitteeSeat } from '../../domain/committees/committee-policy.ts';
import { DomainError } from '../../domain/errors.ts';
import type { OrgUnit } from '../../domain/org/org-unit.ts';
import { listMonitoringRoundsOf, type ProvinceReportRound } from '../../db/queries/monitoring.ts';

// Everything the committee page shows: the province, its committee (or what a new one starts from), the members in
// order, the quarterly reports the committee works on, and — for those who manage it — whom they may appoint.

export type CommitteeView = {
  province: OrgUnit;
  committee: CommitteeRow | null;
  /** What the page shows when the committee has not been saved yet: the model order's title and duties. */
  title: string;
  duties: string;
  dutiesExample: boolean;
  members: (CommitteeMember & { membershipId: number | null; userActive: boolean | null })[];
  canManage: boolean;
  seat: CommitteeSeat;
  reports: ProvinceReportRound[];
  pickers: { users: PickableUser[]; offices: PickableOffice[] } | null;
};

export async function loadProvince(db: Db, provinceCode: string): Promise<OrgUnit> {
  const province = /^\d{2}$/.test(provinceCode) ? await findOrgUnitByCode(db, 'province', provinceCode) : undefined;
  if (!province) throw new DomainError('not_found', 'province_not_found');
  return province;
}

/** The province, if the actor manages its committee (asked before a form is read, so others are refused first). */
export async function loadManagedProvince(db: Db, actor: Actor, provinceCode: string): Promise<OrgUnit> {
  const province = await loadProvince(db, provinceCode);
  if (!canManageCommittee(actor, province)) throw new DomainError('forbidden', 'forbidden');
  return province;
}

export const toMember = (m: MemberRow): CommitteeView['members'][number] => ({
  id: m.id, kind: m.kind, name: m.kind === 'user' ? m.userName ?? m.name : m.name, positionTitle: m.positionTitle, agency: m.agency,
  position: m.position, sortOrder: m.sortOrder, userId: m.userId, membershipId: m.membershipId, userActive: m.userActive,
});

export async function loadCommittee(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { provinceCode: string }): Promise<CommitteeView> {
  const province = await loadProvince(deps.db, input.provinceCode);
  if (!canViewCommittee(actor, province)) throw new DomainError('forbidden', 'forbidden');
  const canManage = canManageCommittee(actor, province);
  const [committee, seat, reports, pickers] = await Promise.all([
    findCommittee(deps.db, province.id), findSeat(deps.db, province.id, actor.userId), listMonitoringRoundsOf(deps.db, province.code),
    canManage ? Promise.all([listProvinceUsers(deps.db, province.path), listProvinceOffices(deps.db, province.code)]).then(([users, offices]) => ({ users, offices })) : null,
  ]);
  const members = committee ? (await listMembers(deps.db, committee.id)).map(toMember) : [];
  return {
    province, committee: committee ?? null, members, canManage, seat: seat ?? null, reports, pickers,
    title: committee?.title ?? defaultCommitteeTitle(province.nameTh),
    duties: committee?.duties ?? defaultDuties,
    dutiesExample: committee?.dutiesExample ?? true,
  };
}
