import type { JobDefinition } from './define-job.ts';
import { renderDocumentBatch } from './render-document-batch.ts';
import { pruneLogs } from './prune-logs.ts';
import { remindExtensionJobDefinition } from './remind-extension.ts';
import { scheduleReminders } from './schedule-reminders.ts';
import { sendReminders } from './send-reminders.ts';

// Every job the worker runs. A job file defines one job (define-job.ts); add it here.
export const jobs: readonly JobDefinition[] = [
  renderDocumentBatch,
  pruneLogs,
  sendReminders,
  scheduleReminders,
  remindExtensionJobDefinition,
];
