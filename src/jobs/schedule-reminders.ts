import { z } from 'zod';
import { runScheduledReminders } from '../services/reminders/schedule-reminders.ts';
import { defineJob } from './define-job.ts';

// Every hour (the worker's crontab, start-worker.ts): reminders before the deadline and escalations after it.
export const scheduleRemindersJob = 'schedule-reminders';
export const scheduleReminders = defineJob(scheduleRemindersJob, 1, z.object({ v: z.number().int() }), async (deps) => {
  const sent = await runScheduledReminders(deps);
  if (sent.beforeDue || sent.escalated) deps.logger.info(sent, 'scheduled reminders queued');
});
