import type { Deps, RequestMeta } from '../../deps.ts';
import { insertDocumentBatch, listCompletedRespondents, listDocumentBatches } from '../../db/queries/document-batches.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { findRound } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import { addJob } from '../../jobs/queue.ts';
import { recordAudit } from '../audit/record-audit.ts';

// Use case: render every completed respondent's results report of a closed or published round (or of one province)
// in the background. The batch, its items and its jobs are written in one transaction: all queued, or nothing.

export const renderBatchJob = 'documents.render-batch';
/** Respondents per job: small enough that a retried job redoes little, large enough that the queue stays short. */
export const batchChunkSize = 20;

export async function startDocumentBatch(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { roundId: number; provinceCode: string | null }, meta: RequestMeta): Promise<{ batchId: number; total: number }> {
  if (!canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  const round = await findRound(deps.db, input.roundId);
  if (!round) throw new DomainError('not_found', 'round_not_found');
  if (round.state !== 'closed' && round.state !== 'published') throw new DomainError('conflict', 'batch_round_open');
  if (input.provinceCode && !(await findOrgUnitByCode(deps.db, 'province', input.provinceCode))) throw new DomainError('invalid', 'batch_province_unknown');
  const running = (await listDocumentBatches(deps.db, round.id, 1))[0];
  if (running && !running.finishedAt) throw new DomainError('conflict', 'batch_running');
  return deps.db.transaction().execute(async (trx) => {
    const orgUnitIds = await listCompletedRespondents(trx, round.id, input.provinceCode);
    if (orgUnitIds.length === 0) throw new DomainError('invalid', 'batch_nothing');
    const batchId = await insertDocumentBatch(trx, { roundId: round.id, requestedBy: meta.actorUserId, requestedAt: deps.clock.now(), orgUnitIds });
    for (let i = 0; i < orgUnitIds.length; i += batchChunkSize) {
      await addJob(trx, renderBatchJob, { v: 1, batchId, orgUnitIds: orgUnitIds.slice(i, i + batchChunkSize) }, { jobKey: `${renderBatchJob}:${batchId}:${i}` });
    }
    await recordAudit(trx, meta, { action: 'document_batch.start', entityType: 'round', entityId: String(round.id), newValue: { batchId, total: orgUnitIds.length, provinceCode: input.provinceCode } });
    return { batchId, total: orgUnitIds.length };
  });
}
