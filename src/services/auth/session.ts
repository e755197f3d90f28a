import type { Deps } from '../../deps.ts';

/** The session behind a Cookie header, refreshed (sliding idle timeout) when due; the refreshed cookie comes back. */
export async function readSession(deps: Pick<Deps, 'auth'>, cookieHeader: string) {
  const r = await deps.auth.api.getSession({ headers: new Headers({ cookie: cookieHeader }), returnHeaders: true });
  if (!r.response) return undefined;
  return { userId: r.response.user.id, expiresAt: new Date(r.response.session.expiresAt), setCookies: r.headers.getSetCookie() };
}

export async function endSession(deps: Pick<Deps, 'auth'>, cookieHeader: string): Promise<string[]> {
  try {
    const r = await deps.auth.api.signOut({ headers: new Headers({ cookie: cookieHeader }), returnHeaders: true });
    return r.headers.getSetCookie();
  } catch {
    return [];
  }
}
