import { sql } from 'kysely';
import type { Db } from '../pool.ts';

// The images documents print (Garuda, an LAO's seal). No business rules here.

export type DocumentImageRow = {
  id: number; kind: 'garuda' | 'seal'; orgUnitId: number | null; contentType: 'image/png' | 'image/jpeg'; sizeBytes: number;
  widthPx: number; heightPx: number; sha256: string; storageKey: string; uploadedBy: string | null; uploaderName: string | null; uploadedAt: Date;
};

const columns = [
  'i.id', 'i.kind', 'i.org_unit_id as orgUnitId', 'i.content_type as contentType', 'i.size_bytes as sizeBytes', 'i.width_px as widthPx',
  'i.height_px as heightPx', 'i.sha256', 'i.storage_key as storageKey', 'i.uploaded_by as uploadedBy', 'u.name as uploaderName', 'i.uploaded_at as uploadedAt',
] as const;

export async function findDocumentImage(db: Db, kind: 'garuda' | 'seal', orgUnitId: number | null, opts: { forUpdate?: boolean } = {}): Promise<DocumentImageRow | undefined> {
  let q = db.selectFrom('document_images as i').leftJoin('user as u', 'u.id', 'i.uploaded_by').select(columns).where('i.kind', '=', kind);
  q = orgUnitId === null ? q.where('i.org_unit_id', 'is', null) : q.where('i.org_unit_id', '=', orgUnitId);
  if (opts.forUpdate) q = q.forUpdate('i' as never);
  return q.executeTakeFirst();
}

export type NewDocumentImage = Omit<DocumentImageRow, 'id' | 'uploaderName' | 'uploadedAt'> & { at: Date };

/** Inserts the image, or replaces the one already there for that kind and unit; returns its id. */
export async function upsertDocumentImage(db: Db, i: NewDocumentImage, replacingId: number | null): Promise<number> {
  const values = {
    kind: i.kind, org_unit_id: i.orgUnitId, content_type: i.contentType, size_bytes: i.sizeBytes, width_px: i.widthPx, height_px: i.heightPx,
    sha256: i.sha256, storage_key: i.storageKey, uploaded_by: i.uploadedBy, uploaded_at: i.at,
  };
  if (replacingId !== null) {
    await db.updateTable('document_images').set(values).where('id', '=', replacingId).execute();
    return replacingId;
  }
  const row = await db.insertInto('document_images').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteDocumentImage(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('document_images').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Serialises changes to the document images in one transaction (two first uploads at once would both insert). */
export async function lockDocumentImages(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('document_images'))`.execute(db);
}
