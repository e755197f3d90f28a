import type { Deps, RequestMeta } from '../../deps.ts';
import { insertMembership } from '../../db/queries/access.ts';
import { findProvinceUser, insertMember, listMembers, listProvinceOffices, renumberMembers } from '../../db/queries/committees.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canGrantRole } from '../../domain/access/policies.ts';
import { allDistrictOffices, insertionIndex, officeHeadTitle, type CommitteePosition, type MemberKind } from '../../domain/committees/committee.ts';
import { canManageCommittee } from '../../domain/committees/committee-policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadProvince, toMember } from './load-committee.ts';
import { lockCommittee } from './lock-committee.ts';

// Use case: appoint someone to the province's committee — a user account of the province, the holder of a position
// in one of its offices (or every district office at once), or a person named in full. A user account is given the
// committee role over the province in the same transaction (so they can read the province's reports and comment),
// unless they hold it already; the member row remembers the membership it made, so removing them takes back only
// that. Placed among the members by position, as the model order lists them.

export type NewMember = {
  kind: MemberKind;
  position: CommitteePosition;
  /** kind 'user' */
  userId?: string | undefined;
  /** kind 'office': an office's code in the province, or 'all-district-offices' */
  officeCode?: string | undefined;
  name?: string | undefined;
  positionTitle?: string | undefined;
  agency?: string | undefined;
};

export type AddMemberResult = { ok: true; memberId: number } | { ok: false; errors: Record<string, string> };

export async function addCommitteeMember(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { provinceCode: string; member: NewMember }, meta: RequestMeta): Promise<AddMemberResult> {
  const province = await loadProvince(deps.db, input.provinceCode);
  if (!canManageCommittee(actor, province)) throw new DomainError('forbidden', 'forbidden');
  const m = input.member;
  const positionTitle = (m.positionTitle ?? '').trim();
  const agency = (m.agency ?? '').trim();
  let name = (m.name ?? '').trim();
  let orgUnitId: number | null = null;
  let title = positionTitle;

  if (m.kind === 'user') {
    const user = m.userId ? await findProvinceUser(deps.db, province.path, m.userId) : undefined;
    if (!user) return { ok: false, errors: { userId: 'เลือกผู้ใช้งานของจังหวัดนี้จากรายการ' } };
    if (!canGrantRole(actor, 'committee_member', { path: province.path, kind: 'province' })) throw new DomainError('forbidden', 'forbidden');
    name = user.name;
  } else if (m.kind === 'office') {
    if (m.officeCode === allDistrictOffices.code) title ||= allDistrictOffices.title;
    else {
      const office = (await listProvinceOffices(deps.db, province.code)).find((o) => o.code === m.officeCode);
      if (!office) return { ok: false, errors: { officeCode: 'เลือกหน่วยงานของจังหวัดนี้จากรายการ' } };
      orgUnitId = office.id;
      title ||= officeHeadTitle(office, province.nameTh);
    }
  } else if (!name) {
    return { ok: false, errors: { name: 'ใส่ชื่อ-สกุลของกรรมการ' } };
  }

  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx): Promise<AddMemberResult> => {
    const committee = await lockCommittee(trx, province, actor.userId, now, meta);
    const members = (await listMembers(trx, committee.id)).map(toMember);
    if (m.kind === 'user' && members.some((x) => x.userId === m.userId)) return { ok: false, errors: { userId: 'ผู้ใช้งานนี้เป็นกรรมการอยู่แล้ว' } };
    let membershipId: number | null = null;
    if (m.kind === 'user') {
      membershipId = (await insertMembership(trx, { userId: m.userId!, role: 'committee_member', orgUnitId: province.id, officeUnitId: null, createdBy: actor.userId })) || null;
      if (membershipId) await recordAudit(trx, meta, { action: 'role_granted', entityType: 'user', entityId: m.userId!, newValue: { membershipId, role: 'committee_member', orgUnit: province.code, committee: committee.id } });
    }
    const memberId = await insertMember(trx, {
      committeeId: committee.id, sortOrder: members.length + 1, kind: m.kind, userId: m.kind === 'user' ? m.userId! : null, orgUnitId,
      name: m.kind === 'office' ? '' : name, positionTitle: title, agency, position: m.position, membershipId, createdBy: actor.userId, at: now,
    });
    const order = members.map((x) => x.id);
    order.splice(insertionIndex(members, m.position), 0, memberId);
    await renumberMembers(trx, committee.id, order);
    await recordAudit(trx, meta, {
      action: 'committee.member_add', entityType: 'committee', entityId: String(committee.id),
      newValue: { memberId, kind: m.kind, userId: m.userId ?? null, orgUnitId, name, positionTitle: title, agency, position: m.position },
    });
    return { ok: true, memberId };
  });
}
