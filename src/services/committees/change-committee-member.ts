import type { Deps, RequestMeta } from '../../deps.ts';
import { deleteMembership } from '../../db/queries/access.ts';
import { deleteMember, listMembers, renumberMembers } from '../../db/queries/committees.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { moveMember } from '../../domain/committees/committee.ts';
import { canManageCommittee } from '../../domain/committees/committee-policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadProvince, toMember } from './load-committee.ts';
import { lockCommittee } from './lock-committee.ts';

// Use cases: take a member off the committee (with the committee role the appointment gave them, not one they held
// before), or move a member one place up or down the order. Both under the committee's row lock, audited.

async function withMembers<T>(
  deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, provinceCode: string, meta: RequestMeta,
  work: (trx: Deps['db'], committeeId: number, members: ReturnType<typeof toMember>[]) => Promise<T>,
): Promise<T> {
  const province = await loadProvince(deps.db, provinceCode);
  if (!canManageCommittee(actor, province)) throw new DomainError('forbidden', 'forbidden');
  return deps.db.transaction().execute(async (trx) => {
    const committee = await lockCommittee(trx, province, actor.userId, deps.clock.now(), meta);
    return work(trx, committee.id, (await listMembers(trx, committee.id)).map(toMember));
  });
}

export async function removeCommitteeMember(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { provinceCode: string; memberId: number }, meta: RequestMeta): Promise<void> {
  await withMembers(deps, actor, input.provinceCode, meta, async (trx, committeeId, members) => {
    const member = members.find((m) => m.id === input.memberId);
    if (!member) throw new DomainError('not_found', 'committee_member_not_found');
    await deleteMember(trx, member.id);
    if (member.membershipId) {
      await deleteMembership(trx, member.membershipId);
      await recordAudit(trx, meta, { action: 'role_revoked', entityType: 'user', entityId: member.userId!, oldValue: { membershipId: member.membershipId, role: 'committee_member', committee: committeeId } });
    }
    await renumberMembers(trx, committeeId, members.filter((m) => m.id !== member.id).map((m) => m.id));
    await recordAudit(trx, meta, { action: 'committee.member_remove', entityType: 'committee', entityId: String(committeeId), oldValue: { memberId: member.id, kind: member.kind, userId: member.userId, name: member.name, positionTitle: member.positionTitle, position: member.position } });
  });
}

export async function moveCommitteeMember(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { provinceCode: string; memberId: number; direction: 'up' | 'down' }, meta: RequestMeta): Promise<void> {
  await withMembers(deps, actor, input.provinceCode, meta, async (trx, committeeId, members) => {
    if (!members.some((m) => m.id === input.memberId)) throw new DomainError('not_found', 'committee_member_not_found');
    const moved = moveMember(members, input.memberId, input.direction);
    if (moved === members) return;
    await renumberMembers(trx, committeeId, moved.map((m) => m.id));
    await recordAudit(trx, meta, { action: 'committee.member_move', entityType: 'committee', entityId: String(committeeId), oldValue: { order: members.map((m) => m.id) }, newValue: { order: moved.map((m) => m.id) } });
  });
}
