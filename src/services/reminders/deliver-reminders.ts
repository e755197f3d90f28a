import { setTimeout as sleep } from 'node:timers/promises';
import type { Deps } from '../../deps.ts';
import type { Db } from '../../db/pool.ts';
import { insertNotifications } from '../../db/queries/notifications.ts';
import { claimAndMarkInApp, claimDeliveries, finishSendIfDone, markDeliveryFailed, markDeliverySent, remainingDeliveries, removePendingJob, type ClaimedDelivery } from '../../db/queries/reminder-deliveries.ts';
import type { ReminderChannel } from '../../db/schema.ts';
import { lineRetryKey, reminderMessageId } from '../../domain/reminders/delivery-keys.ts';
import { capacityFor } from '../../domain/reminders/token-bucket.ts';
import { addJob } from '../../jobs/queue.ts';
import { LineError } from '../../mail/line.ts';
import { failpoint } from '../failpoint.ts';
import { claimWithinRate } from './rate-limit.ts';

// Delivering one channel of a send, as a job. Exactly once per person, channel and send, whatever dies when:
// - in the product: the notifications are written in the transaction that marks their deliveries sent — both or
//   neither;
// - e-mail and LINE: a delivery is claimed (state 'sending', committed), sent, then marked 'sent'. A worker that dies
//   after the mail server or LINE accepted a message but before the mark leaves it 'sending'; once its lease
//   (REMINDER_LEASE_SECONDS) has run out another worker sends it again with the same Message-ID (mail systems fold
//   the two; the development mail folder overwrites the file of that id) or the same LINE retry key (LINE accepts
//   the first and answers 409 to the repeat). That gap is the one place a person could see a message twice.
// Pacing: each batch takes tokens from the channel's shared bucket and claims its deliveries under the bucket's lock
// (rate-limit.ts), so the limit holds across all workers. A job works for at most `budgetMs`, then hands on to a new
// job; before starting it queues its own successor for later, so a worker killed mid-job (its job stays locked by
// graphile-worker for hours) is taken over by that successor within budget + lease.

export const sendRemindersJob = 'send-reminders';
export const deliveryJobKey = (sendId: number, channel: ReminderChannel) => `reminders:${sendId}:${channel}`;
const budgetMs = 10_000;
const batchMax = 50;
const maxAttempts = 5;

export async function queueDelivery(db: Db, sendId: number, channel: ReminderChannel, runAt?: Date): Promise<void> {
  await addJob(db, sendRemindersJob, { v: 1, sendId, channel }, { jobKey: deliveryJobKey(sendId, channel), runAt, maxAttempts: 25 });
}

/** Works through a send's deliveries of one channel for up to `budgetMs`; returns how many it delivered. */
export async function deliverReminders(deps: Deps, sendId: number, channel: ReminderChannel, opts: { budgetMs?: number } = {}): Promise<number> {
  const budget = opts.budgetMs ?? budgetMs;
  const leaseSeconds = deps.config.reminders.leaseSeconds;
  const started = Date.now();
  await queueDelivery(deps.db, sendId, channel, new Date(started + budget + leaseSeconds * 1000));
  let delivered = 0;
  while (Date.now() - started < budget) {
    const wanted = Math.min(batchMax, capacityFor(deps.config.reminders.ratePerSecond[channel]));
    const { claimed, waitMs } = await claimWithinRate(deps, channel, wanted, (trx, granted) => (channel === 'in_app' ? claimInApp(trx, sendId, granted, leaseSeconds) : claimDeliveries(trx, sendId, channel, granted, leaseSeconds)));
    if (claimed.length === 0) {
      if (waitMs === 0) break; // tokens were there, nothing left to claim
      await sleep(Math.min(waitMs, Math.max(1, budget - (Date.now() - started))));
      continue;
    }
    delivered += channel === 'in_app' ? claimed.length : await deliverOutside(deps, channel as 'email' | 'line', claimed);
  }
  const rest = await remainingDeliveries(deps.db, sendId, channel, leaseSeconds);
  if (rest.ready > 0) await queueDelivery(deps.db, sendId, channel);
  else if (rest.nextAt) await queueDelivery(deps.db, sendId, channel, rest.nextAt);
  else {
    await removePendingJob(deps.db, deliveryJobKey(sendId, channel));
    await finishSendIfDone(deps.db, sendId);
  }
  return delivered;
}

/** In the product: claimed, marked sent and the notifications written in the one transaction — both or neither. */
async function claimInApp(trx: Db, sendId: number, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
  const claimed = await claimAndMarkInApp(trx, sendId, limit, leaseSeconds);
  await insertNotifications(trx, claimed.map((d) => ({ userId: d.userId, kind: 'reminder', title: d.subject, body: d.body, link: d.link })));
  return claimed;
}

async function deliverOutside(deps: Deps, channel: 'email' | 'line', claimed: ClaimedDelivery[]): Promise<number> {
  const host = new URL(deps.config.publicUrl).hostname;
  for (const d of claimed) {
    try {
      await sendOne(deps, channel, d, host);
    } catch (e) {
      const retryable = !(e instanceof LineError) || e.retryable;
      const retryAt = retryable && d.attempts < maxAttempts ? new Date(Date.now() + 30_000 * 2 ** (d.attempts - 1)) : null;
      deps.logger.warn({ deliveryId: d.id, channel, attempts: d.attempts, retry: Boolean(retryAt), err: { message: (e as Error).message } }, 'reminder delivery failed');
      await markDeliveryFailed(deps.db, d.id, (e as Error).message, retryAt);
      continue;
    }
    // The gap: accepted outside, not yet marked here (see the head of this file).
    failpoint(deps.config, `reminders.${channel}_sent_unmarked`);
    await markDeliverySent(deps.db, d.id);
  }
  return claimed.length;
}

async function sendOne(deps: Deps, channel: 'email' | 'line', d: ClaimedDelivery, host: string): Promise<void> {
  if (!d.address) throw new LineError('ไม่มีที่อยู่ปลายทาง', 0, false);
  if (channel === 'email') {
    await deps.mailer.send({ to: d.address, subject: d.subject, text: d.body, messageId: reminderMessageId(d.id, host) });
    return;
  }
  if (!deps.line) throw new LineError('ยังไม่ได้ตั้งค่า LINE', 0, true);
  await deps.line.push({ to: d.address, text: `${d.subject}\n\n${d.body}`, retryKey: lineRetryKey(d.id) });
}
