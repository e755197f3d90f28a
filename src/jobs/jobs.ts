import type { JobDefinition } from './define-job.ts';

// Every job the worker runs. A job file defines one job (define-job.ts); add it here.
export const jobs: readonly JobDefinition[] = [];
