import { APIError } from 'better-auth';
import type { Deps, RequestMeta } from '../../deps.ts';
import { findUserByIdentifier, findUserById } from '../../db/queries/access.ts';
import { clearThrottle } from '../../db/queries/sign-in-throttle.ts';
import { accountKey } from '../../domain/access/sign-in-throttle.ts';
import { recordAudit } from '../audit/record-audit.ts';

/** Mails a reset link when the account exists and is active. Says nothing either way, so accounts can't be probed. */
export async function requestPasswordReset(deps: Pick<Deps, 'db' | 'auth'>, input: { identifier: string }, meta: RequestMeta): Promise<void> {
  const user = await findUserByIdentifier(deps.db, input.identifier);
  if (!user || !user.isActive) return;
  await deps.auth.api.requestPasswordReset({ body: { email: user.email, redirectTo: '/reset-password' } });
  await recordAudit(deps.db, meta, { action: 'password_reset_requested', entityType: 'user', entityId: user.id });
}

/** Sets the new password from a mailed token; ends every session, and lifts the sign-in lock of the account. */
export async function resetPassword(
  deps: Pick<Deps, 'db' | 'auth'>,
  input: { token: string; newPassword: string },
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; reason: 'invalid_token' | 'weak_password' }> {
  const pending = await deps.db
    .selectFrom('verification')
    .select(['value'])
    .where('identifier', '=', `reset-password:${input.token}`)
    .executeTakeFirst();
  try {
    await deps.auth.api.resetPassword({ body: { token: input.token, newPassword: input.newPassword } });
  } catch (e) {
    if (!(e instanceof APIError)) throw e;
    const code = (e.body as { code?: string } | undefined)?.code ?? '';
    return { ok: false, reason: /PASSWORD/.test(code) ? 'weak_password' : 'invalid_token' };
  }
  const user = pending ? await findUserById(deps.db, pending.value) : undefined;
  if (user) {
    await clearThrottle(deps.db, [accountKey(user.email), ...(user.username ? [accountKey(user.username)] : [])]);
    await recordAudit(deps.db, { ...meta, actorUserId: user.id }, { action: 'password_reset', entityType: 'user', entityId: user.id });
  }
  return { ok: true };
}
