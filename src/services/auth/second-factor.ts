import { APIError } from 'better-auth';
import type { Deps } from '../../deps.ts';

/** Completes a sign-in that stopped at the second factor: the pending cookie plus a TOTP (or a backup code). */
export async function verifySignInCode(
  deps: Pick<Deps, 'auth'>,
  input: { cookieHeader: string; code: string },
): Promise<{ ok: true; setCookies: string[]; userId: string } | { ok: false }> {
  const code = input.code.replace(/\s+/g, '');
  const headers = new Headers({ cookie: input.cookieHeader });
  try {
    const r = /^\d{6}$/.test(code)
      ? await deps.auth.api.verifyTOTP({ body: { code, trustDevice: false }, headers, returnHeaders: true })
      : await deps.auth.api.verifyBackupCode({ body: { code, trustDevice: false }, headers, returnHeaders: true });
    return { ok: true, setCookies: r.headers.getSetCookie(), userId: (r.response as { user: { id: string } }).user.id };
  } catch (e) {
    if (e instanceof APIError) return { ok: false };
    throw e;
  }
}

/** Starts TOTP enrolment for the signed-in user: the otpauth URI and backup codes; active after the first code. */
export async function startTotpEnrolment(deps: Pick<Deps, 'auth'>, input: { cookieHeader: string; password: string }) {
  try {
    const r = await deps.auth.api.enableTwoFactor({ body: { password: input.password }, headers: new Headers({ cookie: input.cookieHeader }), returnHeaders: true });
    const body = r.response as { totpURI?: string; backupCodes?: string[] };
    if (!body.totpURI) return { ok: false as const };
    return { ok: true as const, totpUri: body.totpURI, backupCodes: body.backupCodes ?? [], setCookies: r.headers.getSetCookie() };
  } catch (e) {
    if (e instanceof APIError) return { ok: false as const };
    throw e;
  }
}

export async function confirmTotpEnrolment(deps: Pick<Deps, 'auth'>, input: { cookieHeader: string; code: string }) {
  try {
    const r = await deps.auth.api.verifyTOTP({ body: { code: input.code.replace(/\s+/g, '') }, headers: new Headers({ cookie: input.cookieHeader }), returnHeaders: true });
    return { ok: true as const, setCookies: r.headers.getSetCookie() };
  } catch (e) {
    if (e instanceof APIError) return { ok: false as const };
    throw e;
  }
}
