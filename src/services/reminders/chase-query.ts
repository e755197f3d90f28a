import type { Deps } from '../../deps.ts';
import type { ChaseQuery } from '../../db/queries/chase-list.ts';
import { findRound, type RoundRow } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { audiences } from '../../domain/framework/framework-view.ts';
import { atRisk, canChase, chaseReach, type ChaseFilterState } from '../../domain/reminders/chase-state.ts';
import { DomainError } from '../../domain/errors.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';
import { listAnswerSlots } from '../submissions/answer-slots.ts';

// What the chase page, a send and the scheduled reminders share: the round checked, the asker's reach, and the
// number of answers each LAO type is asked for (what "answered less than half" is measured against).

export type ChaseFilter = { provinceCode?: string | undefined; districtCode?: string | undefined; laoType?: string | undefined; state?: ChaseFilterState | undefined };

const slotCache = new Map<number, Record<string, number>>();

/** Answer slots per LAO type ('' for office programmes) of a round's framework version (frozen: cached by id). */
export async function answerSlotsByType(deps: Pick<Deps, 'db'>, round: Pick<RoundRow, 'frameworkVersionId'>): Promise<Record<string, number>> {
  const cached = slotCache.get(round.frameworkVersionId);
  if (cached) return cached;
  const { doc, status } = await loadFrameworkVersion(deps.db, { id: round.frameworkVersionId });
  const slots = Object.fromEntries(audiences(doc).map((a) => [a ?? '', listAnswerSlots(doc, a).length]));
  if (status === 'frozen') {
    if (slotCache.size > 50) slotCache.clear();
    slotCache.set(round.frameworkVersionId, slots);
  }
  return slots;
}

/** The round, if the actor may chase its respondents (the office above them, or an owner). */
export async function loadChaseRound(deps: Pick<Deps, 'db'>, actor: Actor, roundId: number): Promise<RoundRow> {
  if (!canChase(actor)) throw new DomainError('forbidden', 'forbidden');
  const round = await findRound(deps.db, roundId);
  if (!round || round.state === 'draft') throw new DomainError('not_found', 'round_not_found');
  return round;
}

export async function chaseQuery(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor | null, round: RoundRow, filter: ChaseFilter, extra: Partial<ChaseQuery> = {}): Promise<ChaseQuery> {
  return {
    roundId: round.id, reach: actor ? chaseReach(actor) : null, ...filter, now: deps.clock.now(),
    slots: await answerSlotsByType(deps, round), atRisk, ...extra,
  };
}
