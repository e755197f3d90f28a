// The delivery rate limit: a token bucket per channel. It fills at `ratePerSecond` up to `capacity` (one second's
// worth, so a burst is never more than one second of messages); each message takes one token. The state lives in
// one database row per channel, so every worker process shares one limit (services/reminders/rate-limit.ts).

export type Bucket = { tokens: number; refilledAt: Date };
export type Grant = { granted: number; bucket: Bucket; waitMs: number };

export function capacityFor(ratePerSecond: number): number {
  return Math.max(1, ratePerSecond);
}

/** Takes up to `wanted` whole tokens at `now`; when none is available, says how long until one is. */
export function takeTokens(bucket: Bucket, now: Date, ratePerSecond: number, wanted: number): Grant {
  const capacity = capacityFor(ratePerSecond);
  const elapsed = Math.max(0, now.getTime() - bucket.refilledAt.getTime()) / 1000;
  const tokens = Math.min(capacity, bucket.tokens + elapsed * ratePerSecond);
  const granted = Math.max(0, Math.min(Math.floor(wanted), Math.floor(tokens)));
  const left = tokens - granted;
  const waitMs = granted > 0 ? 0 : Math.ceil(((1 - left) / ratePerSecond) * 1000);
  return { granted, bucket: { tokens: left, refilledAt: now }, waitMs };
}

/** Tokens taken but not used (fewer messages were waiting) go back, never above capacity. */
export function returnTokens(bucket: Bucket, ratePerSecond: number, unused: number): Bucket {
  return { tokens: Math.min(capacityFor(ratePerSecond), bucket.tokens + Math.max(0, unused)), refilledAt: bucket.refilledAt };
}
