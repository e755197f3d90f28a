import type { Deps, RequestMeta } from '../../deps.ts';
import { findProgrammeById, freezeFrameworkVersion } from '../../db/queries/frameworks.ts';
import { analyzeRoundRespondents, findRound, setRoundState, snapshotRespondents } from '../../db/queries/rounds.ts';
import type { RoundState } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import { canMoveRound } from '../../domain/rounds/round-state.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: move a round along draft → open → closed → published (a closed round may reopen). Opening fixes the
// expected respondents from today's register and freezes the framework version, in the same transaction.

export async function changeRoundState(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor | null,
  input: { roundId: number; to: RoundState },
  meta: RequestMeta,
): Promise<{ respondents?: number }> {
  if (actor && !canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  const changed = await deps.db.transaction().execute(async (trx) => {
    const round = await findRound(trx, input.roundId, { forUpdate: true });
    if (!round) throw new DomainError('not_found', 'round_not_found');
    if (!canMoveRound(round.state, input.to)) throw new DomainError('conflict', 'round_state_invalid', { from: round.state, to: input.to });
    const now = deps.clock.now();
    let respondents: number | undefined;
    if (round.state === 'draft' && input.to === 'open') {
      const programme = await findProgrammeById(trx, round.programmeId);
      if (!programme) throw new DomainError('not_found', 'programme_not_found');
      respondents = await snapshotRespondents(trx, { id: round.id, respondents: programme.respondents, laoTypes: round.laoTypes, provinceCodes: round.provinceCodes, excludedProvinceCodes: round.excludedProvinceCodes });
      await freezeFrameworkVersion(trx, round.frameworkVersionId, now);
    }
    await setRoundState(trx, round.id, input.to, now);
    await recordAudit(trx, meta, { action: `round.${input.to === 'open' && round.state === 'closed' ? 'reopen' : input.to}`, entityType: 'round', entityId: String(round.id), oldValue: { state: round.state }, newValue: { state: input.to, respondents } });
    return { respondents };
  });
  // Thousands of respondents just arrived: fresh statistics now, so the first minute's progress pages and public
  // list are planned on them rather than on the planner's guesses (2 s instead of 20 ms, before autovacuum comes by).
  if (changed.respondents) await analyzeRoundRespondents(deps.db);
  return changed;
}
