import type { Deps, RequestMeta } from '../../deps.ts';
import { findRound, updateRoundDates } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkRoundDates } from '../../domain/rounds/round-state.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: the owner corrects a round's dates before it is published. Moving the deadline for everyone once the
// round is open is an extension (so it has a reason and people are told), not an edit: see grant-extension.ts.

export async function changeRoundDates(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { roundId: number; opensAt: Date; dueAt: Date; lateUntil: Date; editClosesAt: Date },
  meta: RequestMeta,
): Promise<void> {
  if (!canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  const problems = checkRoundDates(input);
  if (problems.length) throw new DomainError('invalid', 'round_dates', { problems });
  await deps.db.transaction().execute(async (trx) => {
    const round = await findRound(trx, input.roundId, { forUpdate: true });
    if (!round) throw new DomainError('not_found', 'round_not_found');
    if (round.state === 'published') throw new DomainError('conflict', 'round_published');
    if (round.state !== 'draft' && input.dueAt.getTime() !== round.dueAt.getTime()) throw new DomainError('invalid', 'round_due_is_extension', { field: 'dueAt' });
    await updateRoundDates(trx, round.id, input);
    await recordAudit(trx, meta, {
      action: 'round.dates', entityType: 'round', entityId: String(round.id),
      oldValue: { opensAt: round.opensAt, dueAt: round.dueAt, lateUntil: round.lateUntil, editClosesAt: round.editClosesAt },
      newValue: { opensAt: input.opensAt, dueAt: input.dueAt, lateUntil: input.lateUntil, editClosesAt: input.editClosesAt },
    });
  });
}
