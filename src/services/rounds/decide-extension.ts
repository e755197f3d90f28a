import type { Deps, RequestMeta } from '../../deps.ts';
import { findOrgUnitById } from '../../db/queries/org-units.ts';
import { decideExtensionRow, findRound, listExtensions } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { canDecideExtension } from '../../domain/rounds/extension-policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { tellAffected } from './extension-facts.ts';
import { queueExtensionReminder } from '../reminders/remind-extension.ts';

// Use case: the office above (or the owner) grants or refuses a request for more time; the requester and the
// respondents it covers are told. A grant may set an earlier date than asked, never one before the round's due.

export async function decideExtension(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { roundId: number; extensionId: number; decision: 'granted' | 'refused'; note: string | null; newDueAt?: Date },
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const round = await findRound(trx, input.roundId, { forUpdate: true });
    const [request] = await listExtensions(trx, input.roundId, { id: input.extensionId, forUpdate: true });
    if (!round || !request) throw new DomainError('not_found', 'extension_not_found');
    const unit = request.orgUnitId ? await findOrgUnitById(trx, request.orgUnitId) : undefined;
    if (!canDecideExtension(actor, { scope: request.scope, unit: unit ?? null })) throw new DomainError('forbidden', 'forbidden');
    if (request.status !== 'requested') throw new DomainError('conflict', 'extension_decided');
    if (round.state !== 'open') throw new DomainError('conflict', 'round_not_open');
    const newDueAt = input.decision === 'granted' ? input.newDueAt ?? request.newDueAt : undefined;
    if (newDueAt && newDueAt <= round.dueAt) throw new DomainError('invalid', 'extension_not_later', { field: 'newDueAt' });
    await decideExtensionRow(trx, request.id, { status: input.decision, decidedBy: actor.userId, decidedAt: deps.clock.now(), note: input.note, newDueAt });
    await recordAudit(trx, meta, {
      action: `extension.${input.decision === 'granted' ? 'grant' : 'refuse'}`, entityType: 'extension', entityId: String(request.id),
      oldValue: { status: 'requested', newDueAt: request.newDueAt }, newValue: { status: input.decision, newDueAt: newDueAt ?? null, note: input.note },
    });
    await tellAffected(trx, { roundId: round.id, roundTitle: round.title, scope: request.scope, orgUnitId: request.orgUnitId, newDueAt: newDueAt ?? request.newDueAt, granted: input.decision === 'granted', requestedBy: request.requestedBy, note: input.note });
    if (input.decision === 'granted') await queueExtensionReminder(trx, request.id);
  });
}
