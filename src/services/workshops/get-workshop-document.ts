import crypto from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { findWorkshopDocument, type WorkshopDocumentRow } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { loadVisibleWorkshop, loadWorkshopViewer, workshopIdOf } from './workshop-viewer.ts';

// Use case: the bytes of one workshop document, for a signed-in person of the workshop's audience (or an owner).
// The stored hash is checked on the way out: a file changed behind our back is never handed out as the manual.

export async function getWorkshopDocument(deps: Pick<Deps, 'db' | 'storage'>, actor: Actor, input: { workshopId: number; documentId: number }): Promise<{ document: WorkshopDocumentRow; bytes: Buffer }> {
  const viewer = await loadWorkshopViewer(deps, actor);
  const workshop = await loadVisibleWorkshop(deps, viewer, input.workshopId);
  const document = await findWorkshopDocument(deps.db, workshopIdOf(input.documentId));
  if (!document || document.workshopId !== workshop.id) throw new DomainError('not_found', 'workshop_document_not_found');
  const bytes = await deps.storage.get(document.storageKey);
  if (!bytes) throw new Error(`workshop document ${document.id}: object ${document.storageKey} is missing from storage`);
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== document.sha256) throw new Error(`workshop document ${document.id}: stored bytes do not match their hash`);
  return { document, bytes };
}
