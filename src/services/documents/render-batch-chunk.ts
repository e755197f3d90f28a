import type { Deps } from '../../deps.ts';
import { findDocumentBatch, finishBatchIfComplete, listPendingItems, markItemDone, markItemFailed } from '../../db/queries/document-batches.ts';
import { renderResultsTablePdf } from '../../documents/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { loadSubmissionContext } from '../submissions/load-submission.ts';
import { buildResultsTable } from './build-documents.ts';
import { loadDocumentEmblem } from './emblem.ts';

// Use case (run by the job worker): render one chunk of a document batch. Each item is written to storage, then
// marked done; a worker killed in between leaves it pending, and the job's retry renders it again under the same
// key (an overwrite, never a second copy). An item that fails three times is marked failed with its reason and the
// batch goes on; any other failure leaves items pending and fails the job, so the queue retries it with backoff.

const maxAttemptsPerItem = 3;

export function batchFileKey(batchId: number, orgUnitCode: string): string {
  return `documents/batches/${batchId}/${orgUnitCode.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
}

export async function renderBatchChunk(deps: Deps, batchId: number, orgUnitIds: number[]): Promise<{ rendered: number; failed: number }> {
  const batch = await findDocumentBatch(deps.db, batchId);
  if (!batch) return { rendered: 0, failed: 0 }; // the batch was deleted with its round: nothing left to do
  const items = await listPendingItems(deps.db, batchId, orgUnitIds);
  const emblem = items.length ? await loadDocumentEmblem(deps) : null;
  let rendered = 0;
  let failed = 0;
  let retry: Error | null = null;
  for (const item of items) {
    try {
      const ctx = await loadSubmissionContext(deps, null, { roundId: batch.roundId, orgUnitCode: item.code });
      const pdf = await renderResultsTablePdf(buildResultsTable(ctx, false, emblem));
      const key = batchFileKey(batchId, item.code);
      await deps.storage.put(key, pdf, 'application/pdf');
      await markItemDone(deps.db, batchId, item.orgUnitId, key, pdf.length, deps.clock.now());
      rendered++;
    } catch (e) {
      const err = e as Error;
      // A respondent that no longer exists will not come back: no point retrying it.
      const permanent = e instanceof DomainError && e.code === 'not_found';
      const attempts = await attemptsSoFar(deps, batchId, item.orgUnitId);
      const giveUp = permanent || attempts + 1 >= maxAttemptsPerItem;
      await markItemFailed(deps.db, batchId, item.orgUnitId, err.message, deps.clock.now(), giveUp);
      deps.logger.warn({ batchId, orgUnitId: item.orgUnitId, err: { message: err.message }, giveUp }, 'document batch item failed');
      if (giveUp) failed++;
      else retry ??= err;
    }
  }
  await finishBatchIfComplete(deps.db, batchId, deps.clock.now());
  if (retry) throw retry;
  return { rendered, failed };
}

async function attemptsSoFar(deps: Pick<Deps, 'db'>, batchId: number, orgUnitId: number): Promise<number> {
  const row = await deps.db.selectFrom('document_batch_items').select('attempts').where('batch_id', '=', batchId).where('org_unit_id', '=', orgUnitId).executeTakeFirst();
  return row?.attempts ?? 0;
}
