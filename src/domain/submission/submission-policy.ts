import type { Actor } from '../access/actor.ts';
import { canManageProgrammes, hasRole } from '../access/policies.ts';
import { isWithin } from '../org/org-unit.ts';

// Who may do what with one respondent's submission. The respondent unit is an LAO, a provincial office or a
// district office; its people enter data, its head submits, the office above reviews.

export type RespondentUnit = { id: number; path: string; kind: string };

/** The respondent's own people: an LAO's officers and executives, or the office's staff. */
export function isRespondentMember(actor: Actor, unit: RespondentUnit): boolean {
  return actor.memberships.some((m) => {
    if (unit.kind === 'lao') return (m.role === 'lao_officer' || m.role === 'lao_executive') && m.unitId === unit.id;
    return m.role === unit.kind && isWithin(unit.path, m.unitPath);
  });
}

export function canEditSubmission(actor: Actor, unit: RespondentUnit): boolean {
  return isRespondentMember(actor, unit);
}

/** The one who sends it: the LAO's executive, or the office itself. Also assigns parts to officers. */
export function canSubmitSubmission(actor: Actor, unit: RespondentUnit): boolean {
  return actor.memberships.some((m) => {
    if (unit.kind === 'lao') return m.role === 'lao_executive' && m.unitId === unit.id;
    return m.role === unit.kind && isWithin(unit.path, m.unitPath);
  });
}

/** The office above: district or provincial office for an LAO, provincial office for a district office, the
 * programme owner for a provincial office. */
export function canReviewSubmission(actor: Actor, unit: RespondentUnit): boolean {
  if (canManageProgrammes(actor)) return true;
  const above = unit.kind === 'lao' ? ['district_office', 'province_office'] : unit.kind === 'district_office' ? ['province_office'] : [];
  return actor.memberships.some((m) => above.includes(m.role) && isWithin(unit.path, m.unitPath));
}

export function canViewSubmission(actor: Actor, unit: RespondentUnit): boolean {
  if (isRespondentMember(actor, unit) || canReviewSubmission(actor, unit)) return true;
  return hasRole(actor, 'committee_member') && actor.memberships.some((m) => m.role === 'committee_member' && isWithin(unit.path, m.unitPath));
}
