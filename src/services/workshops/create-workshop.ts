import type { Deps, RequestMeta } from '../../deps.ts';
import { insertWorkshop } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { workshopProblems, workshopSnapshot, type SaveWorkshopOutcome, type WorkshopInput } from './check-workshop.ts';
import { assertOwner, loadWorkshopViewer } from './workshop-viewer.ts';

// Use case: a programme owner announces a workshop. Problems come back by field; the row and its audit row are
// written in one transaction.

export async function createWorkshop(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: WorkshopInput, meta: RequestMeta): Promise<SaveWorkshopOutcome> {
  assertOwner(await loadWorkshopViewer(deps, actor));
  const errors = await workshopProblems(deps, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  const workshopId = await deps.db.transaction().execute(async (trx) => {
    const id = await insertWorkshop(trx, input, actor.userId, deps.clock.now());
    await recordAudit(trx, meta, { action: 'workshop.create', entityType: 'workshop', entityId: String(id), newValue: workshopSnapshot(input) });
    return id;
  });
  return { ok: true, workshopId };
}
