import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { ReminderChannel } from '../schema.ts';

// Claiming and marking reminder deliveries, and the per-channel rate buckets. Times come from the database's
// clock (clock_timestamp()), the one clock every worker process shares. No business rules here.

export type ClaimedDelivery = { id: number; userId: string; address: string | null; attempts: number; subject: string; body: string; link: string };

/** What a delivery needs to be taken: waiting (and past any retry time), or claimed by a worker whose lease ran out
 * (it died between claiming and marking). Skips rows another worker holds locked right now. */
const claimable = (sendId: number, channel: ReminderChannel, leaseSeconds: number) => sql`
  send_id = ${sendId} and channel = ${channel} and (
    (state = 'queued' and (retry_at is null or retry_at <= clock_timestamp()))
    or (state = 'sending' and claimed_at < clock_timestamp() - make_interval(secs => ${leaseSeconds})))`;

/** Claims up to `limit` deliveries and marks them being sent (committed by the caller before sending). */
export async function claimDeliveries(db: Db, sendId: number, channel: ReminderChannel, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
  const r = await sql<ClaimedDelivery>`
    with c as (select id from reminder_deliveries where ${claimable(sendId, channel, leaseSeconds)} order by id limit ${limit} for update skip locked)
    update reminder_deliveries d set state = 'sending', claimed_at = clock_timestamp(), attempts = d.attempts + 1, retry_at = null
    from c, reminder_targets t
    where d.id = c.id and t.send_id = d.send_id and t.org_unit_id = d.org_unit_id
    returning d.id, d.user_id as "userId", d.address, d.attempts, t.subject, t.body, t.link`.execute(db);
  return r.rows.sort((a, b) => a.id - b.id);
}

/** Claims up to `limit` in-product deliveries and marks them sent at once: call inside the transaction that writes
 * their notifications, so a notification exists exactly when its delivery is marked. */
export async function claimAndMarkInApp(db: Db, sendId: number, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
  const r = await sql<ClaimedDelivery>`
    with c as (select id from reminder_deliveries where ${claimable(sendId, 'in_app', leaseSeconds)} order by id limit ${limit} for update skip locked)
    update reminder_deliveries d set state = 'sent', claimed_at = clock_timestamp(), sent_at = clock_timestamp(), attempts = d.attempts + 1, error = null
    from c, reminder_targets t
    where d.id = c.id and t.send_id = d.send_id and t.org_unit_id = d.org_unit_id
    returning d.id, d.user_id as "userId", d.address, d.attempts, t.subject, t.body, t.link`.execute(db);
  return r.rows.sort((a, b) => a.id - b.id);
}

export async function markDeliverySent(db: Db, id: number): Promise<void> {
  await sql`update reminder_deliveries set state = 'sent', sent_at = clock_timestamp(), error = null where id = ${id} and state = 'sending'`.execute(db);
}

/** A delivery that failed: back to waiting until `retryAt`, or failed for good when null. */
export async function markDeliveryFailed(db: Db, id: number, error: string, retryAt: Date | null): Promise<void> {
  await sql`update reminder_deliveries set state = ${retryAt ? 'queued' : 'failed'}, retry_at = ${retryAt}, error = ${error.slice(0, 500)}
    where id = ${id} and state = 'sending'`.execute(db);
}

/** Work left for one channel of a send: how many may be taken now, and when the next of the others may be. */
export async function remainingDeliveries(db: Db, sendId: number, channel: ReminderChannel, leaseSeconds: number): Promise<{ ready: number; nextAt: Date | null }> {
  const r = await sql<{ ready: number; nextAt: Date | null }>`
    select count(*) filter (where ${claimable(sendId, channel, leaseSeconds)})::int as ready,
           min(case when state = 'queued' then retry_at else claimed_at + make_interval(secs => ${leaseSeconds}) end)
             filter (where not (${claimable(sendId, channel, leaseSeconds)})) as "nextAt"
    from reminder_deliveries where send_id = ${sendId} and channel = ${channel} and state in ('queued', 'sending')`.execute(db);
  return r.rows[0] ?? { ready: 0, nextAt: null };
}

/** Marks the send finished once none of its deliveries is waiting or being sent. */
export async function finishSendIfDone(db: Db, sendId: number): Promise<boolean> {
  const r = await sql`update reminder_sends set finished_at = clock_timestamp() where id = ${sendId} and finished_at is null
    and not exists (select 1 from reminder_deliveries d where d.send_id = ${sendId} and d.state in ('queued', 'sending'))`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** The channel's bucket, locked for this transaction (created full on first use), with the database's time. */
export async function lockRateBucket(db: Db, channel: ReminderChannel, capacity: number): Promise<{ tokens: number; refilledAt: Date; now: Date }> {
  await sql`insert into reminder_rate_buckets (channel, tokens, refilled_at) values (${channel}, ${capacity}, clock_timestamp()) on conflict do nothing`.execute(db);
  const r = await sql<{ tokens: number; refilledAt: Date; now: Date }>`
    select tokens, refilled_at as "refilledAt", clock_timestamp() as now from reminder_rate_buckets where channel = ${channel} for update`.execute(db);
  return r.rows[0]!;
}

export async function saveRateBucket(db: Db, channel: ReminderChannel, bucket: { tokens: number; refilledAt: Date }): Promise<void> {
  await sql`update reminder_rate_buckets set tokens = ${bucket.tokens}, refilled_at = ${bucket.refilledAt} where channel = ${channel}`.execute(db);
}

/** Removes the waiting job with this key (graphile-worker leaves one that is running alone). */
export async function removePendingJob(db: Db, jobKey: string): Promise<void> {
  await sql`select graphile_worker.remove_job(${jobKey})`.execute(db);
}
