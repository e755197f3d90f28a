import { z } from 'zod';
import { renderBatchChunk } from '../services/documents/render-batch-chunk.ts';
import { renderBatchJob } from '../services/documents/start-document-batch.ts';
import { defineJob } from './define-job.ts';

// Renders one chunk of a document batch (services/documents/start-document-batch.ts queues them).
export const renderDocumentBatch = defineJob(
  renderBatchJob,
  1,
  z.object({ v: z.number().int(), batchId: z.number().int().positive(), orgUnitIds: z.array(z.number().int().positive()).max(200) }),
  async (deps, payload) => {
    await renderBatchChunk(deps, payload.batchId, payload.orgUnitIds);
  },
);
