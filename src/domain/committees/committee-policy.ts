import type { Actor } from '../access/actor.ts';
import { canManageProgrammes } from '../access/policies.ts';
import { isWithin } from '../org/org-unit.ts';
import { canEditSubmission, type RespondentUnit } from '../submission/submission-policy.ts';
import type { CommitteePosition } from './committee.ts';

// Who may do what with a province's monitoring committee and its quarterly report. Pure: the service loads the
// province and, where it matters, the actor's own seat on that committee (CommitteeSeat).

export type ProvinceRef = { path: string };
/** The actor's seat on the province's committee, if they sit on it with their user account. */
export type CommitteeSeat = { position: CommitteePosition } | null;

/** The provincial office of the province (it appoints the committee) and the programme owners. */
export function canManageCommittee(actor: Actor, province: ProvinceRef): boolean {
  if (canManageProgrammes(actor)) return true;
  return actor.memberships.some((m) => m.role === 'province_office' && isWithin(province.path, m.unitPath));
}

/** Those who manage it, and committee members whose reach covers the province (read only). */
export function canViewCommittee(actor: Actor, province: ProvinceRef): boolean {
  return canManageCommittee(actor, province) || actor.memberships.some((m) => m.role === 'committee_member' && isWithin(province.path, m.unitPath));
}

/** The committee's secretary and assistant secretary prepare the report: the secretariat (ฝ่ายเลขานุการ). */
export const isSecretariat = (seat: CommitteeSeat) => seat !== null && (seat.position === 'secretary' || seat.position === 'assistant_secretary');

/** Filling the province's quarterly report: the provincial office's own people, and the committee's secretariat.
 * Sending it stays with the office (submission-policy's canSubmitSubmission). */
export function canFillMonitoringReport(actor: Actor, office: RespondentUnit, seat: CommitteeSeat): boolean {
  return canEditSubmission(actor, office) || isSecretariat(seat);
}

/** Commenting on the report: whoever sits on the committee or holds the committee role over the province, and the
 * provincial office. Owners review through the review page instead. Nobody's comment changes the data. */
export function canCommentOnMonitoringReport(actor: Actor, province: ProvinceRef, seat: CommitteeSeat): boolean {
  if (seat !== null) return true;
  return actor.memberships.some((m) => (m.role === 'committee_member' || m.role === 'province_office') && isWithin(province.path, m.unitPath));
}
