import { z } from 'zod';
import { pruneLogFiles } from '../services/ops/prune-log-files.ts';
import { defineJob } from './define-job.ts';

// Daily: log files past LOG_RETENTION_DAYS are deleted (nothing to do when logs go only to stdout).
export const pruneLogs = defineJob('ops.prune-logs', 1, z.object({ v: z.number().int() }), async (deps) => {
  if (!deps.config.logDir) return;
  const r = await pruneLogFiles({ logDir: deps.config.logDir, retentionDays: deps.config.logRetentionDays, now: deps.clock.now() });
  if (r.deleted.length) deps.logger.info({ deleted: r.deleted.length, kept: r.kept }, 'old log files deleted');
});
