import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// Putting work on the job queue (graphile-worker's tables, in the same PostgreSQL). A job is added with the
// executor the caller holds, so a job added inside a use case's transaction exists only if that transaction commits.

export type JobOptions = {
  /** At most one pending job per key: adding it again replaces the pending one (graphile-worker's job_key). */
  jobKey?: string;
  /** 'preserve_run_at' keeps the pending job's time when it is added again; 'unsafe_dedupe' leaves it alone. */
  jobKeyMode?: 'replace' | 'preserve_run_at' | 'unsafe_dedupe';
  runAt?: Date;
  /** Jobs in one named queue run one at a time, in order. */
  queueName?: string;
  maxAttempts?: number;
  priority?: number;
};

/** Every job's payload carries its version, so a job queued by an older release is recognised and refused clearly. */
export type JobPayload = { v: number } & Record<string, unknown>;

export async function addJob(executor: Kysely<Database>, name: string, payload: JobPayload, options: JobOptions = {}): Promise<void> {
  await sql`select graphile_worker.add_job(
      identifier => ${name}::text, payload => ${JSON.stringify(payload)}::json,
      queue_name => ${options.queueName ?? null}::text, run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int, job_key => ${options.jobKey ?? null}::text,
      priority => ${options.priority ?? null}::int, job_key_mode => ${options.jobKeyMode ?? 'replace'}::text)`.execute(executor);
}

/** Jobs not yet done by name: waiting, running or failed and waiting to retry (for pages that show progress). */
export async function countPendingJobs(executor: Kysely<Database>, name: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${name}`.execute(executor);
  return r.rows[0]?.n ?? 0;
}
