import type { Deps, RequestMeta } from '../../deps.ts';
import { findWorkshop, lockWorkshop, updateWorkshop } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { workshopProblems, workshopSnapshot, type SaveWorkshopOutcome, type WorkshopInput } from './check-workshop.ts';
import { assertOwner, loadWorkshopViewer, workshopIdOf } from './workshop-viewer.ts';

// Use case: the owner corrects a workshop (a new link, a later date, a narrower audience). Registrations already
// made stay: a lower limit or a narrower audience only stops new ones. Old and new values are audited.

export async function changeWorkshop(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: number, input: WorkshopInput, meta: RequestMeta): Promise<SaveWorkshopOutcome> {
  assertOwner(await loadWorkshopViewer(deps, actor));
  const workshopId = workshopIdOf(id);
  const errors = await workshopProblems(deps, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await lockWorkshop(trx, workshopId))) throw new DomainError('not_found', 'workshop_not_found');
    const { id: _id, programmeTitle: _title, createdAt: _created, updatedAt: _updated, ...before } = (await findWorkshop(trx, workshopId))!;
    await updateWorkshop(trx, workshopId, input, actor.userId, deps.clock.now());
    await recordAudit(trx, meta, { action: 'workshop.update', entityType: 'workshop', entityId: String(workshopId), oldValue: workshopSnapshot(before), newValue: workshopSnapshot(input) });
  });
  return { ok: true, workshopId };
}
