import { APIError } from 'better-auth';
import type { Deps } from '../../deps.ts';
import { findUserByIdentifier } from '../../db/queries/access.ts';
import { clearThrottle, findThrottle, lockKey, recordFailure } from '../../db/queries/sign-in-throttle.ts';
import { accountKey, addressKey, limitFor, secondsLocked, throttleRules } from '../../domain/access/sign-in-throttle.ts';
import { recordAudit } from '../audit/record-audit.ts';

export type SignInResult =
  | { kind: 'signed_in'; setCookies: string[]; userId: string }
  | { kind: 'two_factor'; setCookies: string[] }
  | { kind: 'invalid' }
  | { kind: 'inactive' }
  | { kind: 'throttled'; retryAfterSeconds: number };

/** Sign in with a username or an e-mail address and a password, throttled per account and per address. */
export async function signIn(
  deps: Pick<Deps, 'db' | 'auth' | 'clock'>,
  input: { identifier: string; password: string; ip: string; userAgent: string; requestId: string | null },
): Promise<SignInResult> {
  const now = deps.clock.now();
  const keys = [accountKey(input.identifier), addressKey(input.ip)];
  const locked = secondsLocked(await findThrottle(deps.db, keys), now);
  if (locked > 0) return { kind: 'throttled', retryAfterSeconds: locked };

  const headers = new Headers({ 'user-agent': input.userAgent.slice(0, 300), 'x-forwarded-for': input.ip });
  const identifier = input.identifier.trim();
  try {
    const { headers: out, response } = identifier.includes('@')
      ? await deps.auth.api.signInEmail({ body: { email: identifier.toLowerCase(), password: input.password, rememberMe: false }, headers, returnHeaders: true })
      : await deps.auth.api.signInUsername({ body: { username: identifier.toLowerCase(), password: input.password, rememberMe: false }, headers, returnHeaders: true });
    await clearThrottle(deps.db, [keys[0]!]);
    if ('twoFactorRedirect' in response && response.twoFactorRedirect) return { kind: 'two_factor', setCookies: out.getSetCookie() };
    const userId = (response as { user: { id: string } }).user.id;
    await recordAudit(deps.db, { actorUserId: userId, ip: input.ip, requestId: input.requestId }, { action: 'sign_in', entityType: 'user', entityId: userId });
    return { kind: 'signed_in', setCookies: out.getSetCookie(), userId };
  } catch (e) {
    if (!(e instanceof APIError)) throw e;
    if ((e.body as { code?: string } | undefined)?.code === 'ACCOUNT_DISABLED') return { kind: 'inactive' };
    for (const key of keys) {
      const { failures } = await recordFailure(deps.db, key, now, throttleRules.windowMs);
      if (failures >= limitFor(key)) await lockKey(deps.db, key, new Date(now.getTime() + throttleRules.lockMs));
    }
    const user = await findUserByIdentifier(deps.db, identifier);
    if (user) await recordAudit(deps.db, { actorUserId: null, ip: input.ip, requestId: input.requestId }, { action: 'sign_in_failed', entityType: 'user', entityId: user.id });
    return { kind: 'invalid' };
  }
}
