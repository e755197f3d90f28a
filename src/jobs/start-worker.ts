import { Logger as WorkerLogger, parseCronItems, run, runOnce, type JobHelpers, type Runner, type TaskList } from 'graphile-worker';
import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import type { Logger } from '../logger.ts';
import { jobs } from './jobs.ts';

// The job worker: graphile-worker on our pool, running the jobs of jobs.ts. The web process runs one in-process
// by default; `npm run worker` runs it alone (any number of them: jobs are locked row by row in PostgreSQL).

function workerLogger(logger: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...meta };
    if (level === 'error') logger.error(fields, message);
    else if (level === 'warning') logger.warn(fields, message);
    else logger.debug(fields, message);
  });
}

function taskList(deps: Deps): TaskList {
  return Object.fromEntries(jobs.map((job) => [job.name, (payload: unknown, helpers: JobHelpers) => job.run(deps, payload, helpers)]));
}

/** Scheduled work: each item queues a job at its time (graphile-worker keeps one per time across all workers). */
const crontab = () => parseCronItems([
  // reminders before the deadline and escalations after it, every hour at a quarter past (idempotent)
  { task: 'schedule-reminders', match: '15 * * * *', identifier: 'schedule-reminders', payload: { v: 1 }, options: { backfillPeriod: 0 } },
  // log files past their retention, daily at 20:00 UTC (03:00 in Bangkok)
  { task: 'ops.prune-logs', match: '0 20 * * *', identifier: 'ops.prune-logs', payload: { v: 1 }, options: { backfillPeriod: 0 } },
]);

export type WorkerOptions = { concurrency?: number; pollIntervalMs?: number };

export async function startWorker(deps: Deps, options: WorkerOptions = {}): Promise<Runner> {
  return run({
    pgPool: deps.pool,
    taskList: taskList(deps),
    parsedCronItems: crontab(),
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollIntervalMs ?? 2000,
    noHandleSignals: true,
    logger: workerLogger(deps.logger),
  });
}

/** Runs every job that is due now, then returns (tests). graphile-worker writes a job's completion or failure a moment
 * after runOnce resolves (it batches them), so this waits until no job is held any more, and runs another pass if
 * something became due meanwhile. */
export async function runDueJobs(deps: Deps): Promise<void> {
  const count = async (where: ReturnType<typeof sql>) => (await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs where ${where}`.execute(deps.db)).rows[0]?.n ?? 0;
  for (let pass = 0; pass < 5; pass++) {
    await runOnce({ pgPool: deps.pool, taskList: taskList(deps), noHandleSignals: true, logger: workerLogger(deps.logger) });
    for (let wait = 0; wait < 100 && (await count(sql`locked_at is not null`)) > 0; wait++) await new Promise((r) => setTimeout(r, 20));
    if ((await count(sql`run_at <= now() and locked_at is null and attempts < max_attempts`)) === 0) return;
  }
}
