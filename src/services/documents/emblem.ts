import crypto from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { findDocumentImage, type DocumentImageRow } from '../../db/queries/document-images.ts';
import type { Emblem } from '../../documents/view-models.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';

// The Garuda (ตราครุฑ) the deployment uploads once and every official document prints: read for each document
// built, and shown to the administrators who manage it. Nobody's document fails because of it: a missing or altered
// image is logged and the document keeps the emblem's place empty, as when none was uploaded.

export const emblemLimits = { maxBytes: 2 * 1024 * 1024, minHeightPx: 100, maxSidePx: 4000 } as const;

/** Programme owners and system administrators manage the deployment's Garuda. */
export function canManageEmblem(actor: Actor): boolean {
  return canManageProgrammes(actor);
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function readImage(deps: Pick<Deps, 'storage'>, row: DocumentImageRow): Promise<Buffer | null> {
  const bytes = await deps.storage.get(row.storageKey);
  return bytes && sha256(bytes) === row.sha256 ? bytes : null;
}

/** The Garuda for a document being built, or null (the layout keeps its place). */
export async function loadDocumentEmblem(deps: Pick<Deps, 'db' | 'storage' | 'logger'>): Promise<Emblem> {
  const row = await findDocumentImage(deps.db, 'garuda', null);
  if (!row) return null;
  const bytes = await readImage(deps, row).catch((e: Error) => {
    deps.logger.error({ err: { message: e.message }, storageKey: row.storageKey }, 'could not read the document emblem');
    return null;
  });
  if (!bytes) {
    deps.logger.error({ storageKey: row.storageKey }, 'the document emblem is missing from storage or does not match its hash');
    return null;
  }
  return row.contentType === 'image/png' ? { png: bytes } : { jpeg: bytes };
}

/** What the administration page shows: the current Garuda's facts, or null. */
export async function describeEmblem(deps: Pick<Deps, 'db'>, actor: Actor): Promise<DocumentImageRow | null> {
  if (!canManageEmblem(actor)) throw new DomainError('forbidden', 'emblem');
  return (await findDocumentImage(deps.db, 'garuda', null)) ?? null;
}

/** The current Garuda's bytes for its preview on the administration page. */
export async function getEmblemImage(deps: Pick<Deps, 'db' | 'storage'>, actor: Actor): Promise<{ row: DocumentImageRow; bytes: Buffer }> {
  const row = await describeEmblem(deps, actor);
  if (!row) throw new DomainError('not_found', 'emblem_not_found');
  const bytes = await readImage(deps, row);
  if (!bytes) throw new Error(`document image ${row.id}: object ${row.storageKey} is missing or does not match its hash`);
  return { row, bytes };
}
