import type { Deps, RequestMeta } from '../../deps.ts';
import { deleteDocumentImage, findDocumentImage, lockDocumentImages } from '../../db/queries/document-images.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { canManageEmblem } from './emblem.ts';

// Use case: take the deployment's Garuda away; documents keep its place empty until another is uploaded. The row
// goes with its audit row (what it was, by hash), then the stored bytes.

export async function removeEmblem(deps: Pick<Deps, 'db' | 'storage' | 'logger'>, actor: Actor, meta: RequestMeta): Promise<{ removed: boolean }> {
  if (!canManageEmblem(actor)) throw new DomainError('forbidden', 'emblem');
  const removed = await deps.db.transaction().execute(async (trx) => {
    await lockDocumentImages(trx);
    const row = await findDocumentImage(trx, 'garuda', null, { forUpdate: true });
    if (!row || !(await deleteDocumentImage(trx, row.id))) return null;
    await recordAudit(trx, meta, {
      action: 'document_image.remove', entityType: 'document_image', entityId: String(row.id),
      oldValue: { kind: row.kind, contentType: row.contentType, sizeBytes: row.sizeBytes, widthPx: row.widthPx, heightPx: row.heightPx, sha256: row.sha256 },
    });
    return row;
  });
  if (removed) await deps.storage.delete(removed.storageKey).catch((e: Error) => deps.logger.warn({ err: { message: e.message }, storageKey: removed.storageKey }, 'could not delete a removed document image'));
  return { removed: removed !== null };
}
