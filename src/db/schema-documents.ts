import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

// The tables of document batches and the emblem/seal images, as Kysely sees them.

export interface DocumentBatchesTable {
  id: Generated<number>;
  round_id: number;
  kind: 'results_report';
  requested_by: string | null;
  requested_at: Date;
  total: number;
  finished_at: Date | null;
}

export type DocumentBatchItemState = 'pending' | 'done' | 'failed';

export interface DocumentBatchItemsTable {
  batch_id: number;
  org_unit_id: number;
  state: ColumnType<DocumentBatchItemState, DocumentBatchItemState | undefined, DocumentBatchItemState>;
  storage_key: string | null;
  bytes: number | null;
  error: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  done_at: Date | null;
}

export interface DocumentImagesTable {
  id: Generated<number>;
  kind: 'garuda' | 'seal';
  org_unit_id: number | null;
  content_type: 'image/png' | 'image/jpeg';
  size_bytes: number;
  width_px: number;
  height_px: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

// Chasing (0013_reminders.sql): templates, sends, targets, deliveries, schedule marks, rate buckets, call notes, LINE ids.
