import type { Deps } from '../../deps.ts';
import { findOrgUnitByAnyCode } from '../../db/queries/org-units.ts';
import { findRespondent, findRound, type RoundRow } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { defaultEvidenceLimits, type EvidenceLimits } from '../../domain/evidence/evidence-limits.ts';
import { DomainError } from '../../domain/errors.ts';
import type { OrgUnit } from '../../domain/org/org-unit.ts';
import { canViewSubmission } from '../../domain/submission/submission-policy.ts';

// The facts every evidence use case starts from: the round, the respondent unit (by its code) and that it is
// expected in the round. Missing → 404; the asker may not even look → 403.

export type EvidenceContext = { round: RoundRow; unit: OrgUnit; laoType: string | null };

export async function loadEvidenceContext(deps: Pick<Deps, 'db'>, actor: Actor, input: { roundId: number; orgUnitCode: string }): Promise<EvidenceContext> {
  const round = Number.isSafeInteger(input.roundId) && input.roundId > 0 ? await findRound(deps.db, input.roundId) : undefined;
  if (!round) throw new DomainError('not_found', 'round_not_found');
  const unit = input.orgUnitCode.length <= 40 ? await findOrgUnitByAnyCode(deps.db, input.orgUnitCode) : undefined;
  if (!unit) throw new DomainError('not_found', 'respondent_not_found');
  if (!canViewSubmission(actor, unit)) throw new DomainError('forbidden', 'evidence');
  const respondent = await findRespondent(deps.db, round.id, unit.id);
  if (!respondent) throw new DomainError('not_found', 'respondent_not_found');
  return { round, unit, laoType: respondent.laoType };
}

export function evidenceLimitsOf(config: Deps['config']): EvidenceLimits {
  return { ...defaultEvidenceLimits, maxFileBytes: config.evidenceMaxFileBytes, maxSubmissionBytes: config.evidenceMaxSubmissionBytes };
}
