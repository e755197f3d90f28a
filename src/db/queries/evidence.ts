import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { SubmissionState } from '../schema.ts';

// Evidence rows and the submission they hang on. No business rules here.

export type EvidenceRow = {
  id: number; submissionId: number; indicatorCode: string | null; fieldKey: string | null; fileName: string; contentType: string; sizeBytes: number;
  sha256: string; storageKey: string; uploadedBy: string | null; uploaderName: string | null; uploadedAt: Date; removedAt: Date | null;
};

const columns = [
  'e.id', 'e.submission_id as submissionId', 'e.indicator_code as indicatorCode', 'e.field_key as fieldKey', 'e.file_name as fileName', 'e.content_type as contentType',
  'e.size_bytes as sizeBytes', 'e.sha256', 'e.storage_key as storageKey', 'e.uploaded_by as uploadedBy', 'u.name as uploaderName', 'e.uploaded_at as uploadedAt', 'e.removed_at as removedAt',
] as const;

export async function findSubmissionState(db: Db, roundId: number, orgUnitId: number, opts: { forUpdate?: boolean } = {}): Promise<{ id: number; state: SubmissionState } | undefined> {
  let q = db.selectFrom('submissions').select(['id', 'state']).where('round_id', '=', roundId).where('org_unit_id', '=', orgUnitId);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The live (not removed) evidence of a submission, oldest first. */
export async function listLiveEvidence(db: Db, submissionId: number): Promise<EvidenceRow[]> {
  return db.selectFrom('evidence as e').leftJoin('user as u', 'u.id', 'e.uploaded_by').select(columns)
    .where('e.submission_id', '=', submissionId).where('e.removed_at', 'is', null).orderBy('e.uploaded_at').orderBy('e.id').execute();
}

export async function findEvidence(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<EvidenceRow | undefined> {
  let q = db.selectFrom('evidence as e').leftJoin('user as u', 'u.id', 'e.uploaded_by').select(columns).where('e.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('e' as never);
  return q.executeTakeFirst();
}

export async function sumLiveEvidenceBytes(db: Db, submissionId: number): Promise<number> {
  const row = await sql<{ total: number }>`select coalesce(sum(size_bytes), 0)::bigint::float8 as total from evidence where submission_id = ${submissionId} and removed_at is null`.execute(db);
  return Number(row.rows[0]?.total ?? 0);
}

export async function insertEvidence(db: Db, e: { submissionId: number; indicatorCode: string | null; fieldKey: string | null; fileName: string; contentType: string; sizeBytes: number; sha256: string; storageKey: string; uploadedBy: string | null; at: Date }): Promise<number> {
  const row = await db.insertInto('evidence').values({
    submission_id: e.submissionId, indicator_code: e.indicatorCode, field_key: e.fieldKey, file_name: e.fileName, content_type: e.contentType,
    size_bytes: e.sizeBytes, sha256: e.sha256, storage_key: e.storageKey, uploaded_by: e.uploadedBy, uploaded_at: e.at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** False when it was already removed. */
export async function markEvidenceRemoved(db: Db, id: number, at: Date): Promise<boolean> {
  const result = await db.updateTable('evidence').set({ removed_at: at }).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchSubmission(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('submissions').set({ updated_at: at }).where('id', '=', id).execute();
}
