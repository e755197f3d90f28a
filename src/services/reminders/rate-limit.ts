import type { Deps } from '../../deps.ts';
import { lockRateBucket, saveRateBucket } from '../../db/queries/reminder-deliveries.ts';
import type { ReminderChannel } from '../../db/schema.ts';
import { capacityFor, returnTokens, takeTokens } from '../../domain/reminders/token-bucket.ts';

// The shared rate limit per channel: the bucket row is locked for the few milliseconds of taking, so workers in any
// number of processes together stay within REMINDER_RATE_<CHANNEL> messages per second.

export async function acquireTokens(deps: Pick<Deps, 'db' | 'config'>, channel: ReminderChannel, wanted: number): Promise<{ granted: number; waitMs: number }> {
  const rate = deps.config.reminders.ratePerSecond[channel];
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockRateBucket(trx, channel, capacityFor(rate));
    const grant = takeTokens({ tokens: row.tokens, refilledAt: row.refilledAt }, row.now, rate, wanted);
    await saveRateBucket(trx, channel, grant.bucket);
    return { granted: grant.granted, waitMs: grant.waitMs };
  });
}

export async function releaseTokens(deps: Pick<Deps, 'db' | 'config'>, channel: ReminderChannel, unused: number): Promise<void> {
  if (unused <= 0) return;
  const rate = deps.config.reminders.ratePerSecond[channel];
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockRateBucket(trx, channel, capacityFor(rate));
    await saveRateBucket(trx, channel, returnTokens({ tokens: row.tokens, refilledAt: row.refilledAt }, rate, unused));
  });
}
