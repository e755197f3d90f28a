import type { Deps, RequestMeta } from '../../deps.ts';
import { findOrgUnitById } from '../../db/queries/org-units.ts';
import { findRespondent, findRound, insertExtension, listExtensions } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { respondentDeadline } from '../../domain/rounds/entry-window.ts';
import { canRequestExtension, canRequestProvinceExtension } from '../../domain/rounds/extension-policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { toExtensionFact } from './extension-facts.ts';

// Use case: a respondent asks for more time, with a reason (or a provincial office, for its whole province).
// The office above, or the programme owner, decides (decide-extension.ts).

export async function requestExtension(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { roundId: number; scope: 'respondent' | 'province'; orgUnitId: number; newDueAt: Date; reason: string },
  meta: RequestMeta,
): Promise<{ extensionId: number }> {
  const round = await findRound(deps.db, input.roundId);
  if (!round) throw new DomainError('not_found', 'round_not_found');
  if (round.state !== 'open') throw new DomainError('conflict', 'round_not_open');
  const unit = await findOrgUnitById(deps.db, input.orgUnitId);
  if (!unit) throw new DomainError('not_found', 'org_unit_not_found');
  const allowed = input.scope === 'province'
    ? unit.kind === 'province' && canRequestProvinceExtension(actor, unit.path)
    : Boolean(await findRespondent(deps.db, round.id, unit.id)) && canRequestExtension(actor, unit);
  if (!allowed) throw new DomainError('forbidden', 'forbidden');

  const extensions = await listExtensions(deps.db, round.id);
  const current = respondentDeadline(round, extensions.map(toExtensionFact), { orgUnitId: unit.id, provinceCode: unit.provinceCode }).deadline;
  if (input.newDueAt <= current) throw new DomainError('invalid', 'extension_not_later', { field: 'newDueAt' });
  if (extensions.some((e) => e.status === 'requested' && e.orgUnitId === unit.id && e.scope === input.scope)) throw new DomainError('conflict', 'extension_pending');

  return deps.db.transaction().execute(async (trx) => {
    const extensionId = await insertExtension(trx, {
      roundId: round.id, scope: input.scope, orgUnitId: unit.id, newDueAt: input.newDueAt, reason: input.reason, status: 'requested', requestedBy: actor.userId, requestedAt: deps.clock.now(),
    });
    await recordAudit(trx, meta, { action: 'extension.request', entityType: 'extension', entityId: String(extensionId), newValue: { roundId: round.id, scope: input.scope, orgUnitId: unit.id, newDueAt: input.newDueAt, reason: input.reason } });
    return { extensionId };
  });
}
