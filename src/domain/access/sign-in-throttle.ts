// Throttling failed sign-ins, per account and per address. An account is locked after a few failures; the owner
// gets back in at once by resetting the password (which clears the account's lock). An address is locked only
// after many failures, so one office behind one address is not locked out by a single forgetful colleague.
export const throttleRules = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  accountFailures: 5,
  addressFailures: 100,
} as const;

export const accountKey = (identifier: string) => `acct:${identifier.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export type ThrottleState = { key: string; locked_until: Date | null };

/** Seconds until every lock on these keys has passed, or 0 when none holds. */
export function secondsLocked(states: ThrottleState[], now: Date): number {
  const until = Math.max(0, ...states.map((s) => (s.locked_until ? s.locked_until.getTime() : 0)));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export function limitFor(key: string): number {
  return key.startsWith('ip:') ? throttleRules.addressFailures : throttleRules.accountFailures;
}
