import type { Deps, RequestMeta } from '../../deps.ts';
import { findOrgUnitById } from '../../db/queries/org-units.ts';
import { findRespondent, findRound, insertExtension } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tellAffected } from './extension-facts.ts';
import { queueExtensionReminder } from '../reminders/remind-extension.ts';

// Use case: the programme owner extends the deadline directly — for everyone (as ODLOC did in 2568, from
// 29 Aug to 26 Sep), for one province, or for one respondent — with a reason; those affected are told.

export async function grantExtension(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor | null,
  input: { roundId: number; scope: 'all' | 'province' | 'respondent'; orgUnitId: number | null; newDueAt: Date; reason: string },
  meta: RequestMeta,
): Promise<{ extensionId: number }> {
  if (actor && !canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  return deps.db.transaction().execute(async (trx) => {
    const round = await findRound(trx, input.roundId, { forUpdate: true });
    if (!round) throw new DomainError('not_found', 'round_not_found');
    if (round.state === 'published') throw new DomainError('conflict', 'round_published');
    if (input.newDueAt <= round.dueAt) throw new DomainError('invalid', 'extension_not_later', { field: 'newDueAt' });
    if (input.scope !== 'all') {
      const unit = input.orgUnitId ? await findOrgUnitById(trx, input.orgUnitId) : undefined;
      const fits = input.scope === 'province' ? unit?.kind === 'province' : unit && (round.state === 'draft' || (await findRespondent(trx, round.id, unit.id)));
      if (!fits) throw new DomainError('invalid', 'extension_unit', { field: 'orgUnitId' });
    }
    const now = deps.clock.now();
    const extensionId = await insertExtension(trx, {
      roundId: round.id, scope: input.scope, orgUnitId: input.scope === 'all' ? null : input.orgUnitId, newDueAt: input.newDueAt, reason: input.reason,
      status: 'granted', requestedBy: actor?.userId ?? null, requestedAt: now, decidedBy: actor?.userId ?? null, decidedAt: now,
    });
    await recordAudit(trx, meta, { action: 'extension.grant', entityType: 'extension', entityId: String(extensionId), newValue: { roundId: round.id, scope: input.scope, orgUnitId: input.orgUnitId, newDueAt: input.newDueAt, reason: input.reason } });
    await tellAffected(trx, { roundId: round.id, roundTitle: round.title, scope: input.scope, orgUnitId: input.scope === 'all' ? null : input.orgUnitId, newDueAt: input.newDueAt, granted: true, requestedBy: null, note: input.reason });
    // by e-mail (and LINE) too, from the job queue — queued here so it exists only if the grant commits
    await queueExtensionReminder(trx, extensionId);
    return { extensionId };
  });
}
