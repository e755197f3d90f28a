import { z } from 'zod';
import { deliverReminders, sendRemindersJob } from '../services/reminders/deliver-reminders.ts';
import { defineJob } from './define-job.ts';

// Delivers one channel of a reminder send, paced by the channel's rate limit (services/reminders/deliver-reminders.ts
// explains how each message goes out exactly once, even when a worker is killed mid-way).
export const sendReminders = defineJob(
  sendRemindersJob,
  1,
  z.object({ v: z.number().int(), sendId: z.number().int().positive(), channel: z.enum(['in_app', 'email', 'line']) }),
  async (deps, payload) => {
    await deliverReminders(deps, payload.sendId, payload.channel);
  },
);
