import type { Deps } from '../../deps.ts';
import { findRespondent, findRound } from '../../db/queries/rounds.ts';
import { DomainError } from '../../domain/errors.ts';
import { decideEntry, type EntryDecision } from '../../domain/rounds/entry-window.ts';
import { loadExtensionFacts } from './extension-facts.ts';

// Use case: may this respondent enter data in this round now? Loads the facts and asks the rule with the clock.

export async function decideEntryNow(deps: Pick<Deps, 'db' | 'clock'>, input: { roundId: number; orgUnitId: number }): Promise<EntryDecision> {
  const round = await findRound(deps.db, input.roundId);
  if (!round) throw new DomainError('not_found', 'round_not_found');
  const respondent = await findRespondent(deps.db, round.id, input.orgUnitId);
  if (!respondent) throw new DomainError('not_found', 'respondent_not_found');
  return decideEntry(round, await loadExtensionFacts(deps.db, round.id), respondent, deps.clock.now());
}
