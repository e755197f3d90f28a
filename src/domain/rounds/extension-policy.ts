import type { Actor } from '../access/actor.ts';
import { canManageProgrammes } from '../access/policies.ts';
import { isWithin } from '../org/org-unit.ts';
import { isRespondentMember, type RespondentUnit } from '../submission/submission-policy.ts';

// Who may ask for more time, and who decides. A respondent asks for itself; a provincial office may also ask for its
// whole province. The office above decides a single respondent's request (the district or provincial office for an
// LAO, the provincial office for a district office); the programme owner decides the rest and may grant directly.

export type { RespondentUnit };

export function canRequestExtension(actor: Actor, respondent: RespondentUnit): boolean {
  return isRespondentMember(actor, respondent);
}

export function canRequestProvinceExtension(actor: Actor, provincePath: string): boolean {
  return actor.memberships.some((m) => m.role === 'province_office' && m.unitPath === provincePath);
}

export function canDecideExtension(actor: Actor, request: { scope: 'all' | 'province' | 'respondent'; unit: RespondentUnit | null }): boolean {
  if (canManageProgrammes(actor)) return true;
  const unit = request.unit;
  if (request.scope !== 'respondent' || !unit) return false;
  const above = unit.kind === 'lao' ? ['district_office', 'province_office'] : unit.kind === 'district_office' ? ['province_office'] : [];
  return actor.memberships.some((m) => above.includes(m.role) && isWithin(unit.path, m.unitPath));
}

/** The owner sets deadlines for the whole round; a provincial office sets its own people's internal deadline. */
export function canSetInternalDeadline(actor: Actor, provincePath: string | null): boolean {
  if (canManageProgrammes(actor)) return true;
  return provincePath !== null && actor.memberships.some((m) => m.role === 'province_office' && m.unitPath === provincePath);
}
