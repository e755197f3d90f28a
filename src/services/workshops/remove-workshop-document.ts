import type { Deps, RequestMeta } from '../../deps.ts';
import { deleteWorkshopDocument, findWorkshopDocument } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertOwner, loadWorkshopViewer, workshopIdOf } from './workshop-viewer.ts';

// Use case: the owner removes a document (a wrong file, an outdated manual). The row goes with its audit row in one
// transaction; the stored bytes are deleted after it commits (a failed delete leaves an orphan, never a dead link).

export async function removeWorkshopDocument(deps: Pick<Deps, 'db' | 'storage' | 'logger'>, actor: Actor, input: { workshopId: number; documentId: number }, meta: RequestMeta): Promise<void> {
  assertOwner(await loadWorkshopViewer(deps, actor));
  const workshopId = workshopIdOf(input.workshopId);
  const documentId = workshopIdOf(input.documentId);
  const removed = await deps.db.transaction().execute(async (trx) => {
    const doc = await findWorkshopDocument(trx, documentId);
    if (!doc || doc.workshopId !== workshopId) throw new DomainError('not_found', 'workshop_document_not_found');
    const row = await deleteWorkshopDocument(trx, documentId);
    if (!row) throw new DomainError('not_found', 'workshop_document_not_found');
    await recordAudit(trx, meta, { action: 'workshop_document.remove', entityType: 'workshop_document', entityId: String(documentId), oldValue: row });
    return row;
  });
  await deps.storage.delete(removed.storageKey).catch((e: Error) => deps.logger.warn({ err: { message: e.message }, storageKey: removed.storageKey }, 'could not delete a removed workshop document'));
}
