import type { Deps } from '../../deps.ts';
import type { Db } from '../../db/pool.ts';
import { lockRateBucket, saveRateBucket } from '../../db/queries/reminder-deliveries.ts';
import type { ReminderChannel } from '../../db/schema.ts';
import { capacityFor, returnTokens, takeTokens } from '../../domain/reminders/token-bucket.ts';

// The shared rate limit per channel. Tokens are taken and the deliveries they pay for are claimed in one
// transaction, under the bucket row's lock: a worker delayed after taking tokens cannot claim late and bunch its
// messages with the next worker's, so claims (and the sends right after them) stay within REMINDER_RATE_<CHANNEL>
// per second across any number of worker processes. Tokens taken but not needed go back in the same transaction.

export async function claimWithinRate<T>(deps: Pick<Deps, 'db' | 'config'>, channel: ReminderChannel, wanted: number, claim: (trx: Db, granted: number) => Promise<T[]>): Promise<{ claimed: T[]; waitMs: number }> {
  const rate = deps.config.reminders.ratePerSecond[channel];
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockRateBucket(trx, channel, capacityFor(rate));
    const grant = takeTokens({ tokens: row.tokens, refilledAt: row.refilledAt }, row.now, rate, wanted);
    const claimed = grant.granted > 0 ? await claim(trx, grant.granted) : [];
    await saveRateBucket(trx, channel, returnTokens(grant.bucket, rate, grant.granted - claimed.length));
    return { claimed, waitMs: grant.waitMs };
  });
}
