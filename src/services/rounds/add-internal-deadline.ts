import type { Deps, RequestMeta } from '../../deps.ts';
import { findOrgUnitById } from '../../db/queries/org-units.ts';
import { findRound, insertInternalDeadline } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { canSetInternalDeadline } from '../../domain/rounds/extension-policy.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: a deadline inside the chain — divisions and district offices report to their provincial office by a
// date before the office reports on (Kalasin, 2567: 15 May inside, 31 May to DLA). Set by the owner for every
// province, or by a provincial office for its own people. It must fall before the round's due time.

export async function addInternalDeadline(
  deps: Pick<Deps, 'db'>,
  actor: Actor | null,
  input: { roundId: number; provinceId: number | null; title: string; dueAt: Date },
  meta: RequestMeta,
): Promise<{ id: number }> {
  const round = await findRound(deps.db, input.roundId);
  if (!round) throw new DomainError('not_found', 'round_not_found');
  const province = input.provinceId ? await findOrgUnitById(deps.db, input.provinceId) : null;
  if (input.provinceId && province?.kind !== 'province') throw new DomainError('invalid', 'internal_deadline_unit', { field: 'provinceId' });
  if (actor && !canSetInternalDeadline(actor, province?.path ?? null)) throw new DomainError('forbidden', 'forbidden');
  if (input.dueAt >= round.dueAt || input.dueAt <= round.opensAt) throw new DomainError('invalid', 'internal_deadline_range', { field: 'dueAt' });
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertInternalDeadline(trx, { roundId: round.id, orgUnitId: province?.id ?? null, title: input.title, dueAt: input.dueAt, createdBy: actor?.userId ?? null });
    await recordAudit(trx, meta, { action: 'round.internal_deadline', entityType: 'round', entityId: String(round.id), newValue: { id, provinceId: province?.id ?? null, title: input.title, dueAt: input.dueAt } });
    return { id };
  });
}
