import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { RequestMeta } from '../deps.ts';
import type { AppEnv } from './context.ts';

// The client's address: the socket's, or the first X-Forwarded-For hop when the app sits behind a trusted proxy.
export function clientIp(c: Context<AppEnv>, trustProxy = false): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? '127.0.0.1';
  } catch {
    return '127.0.0.1'; // app.request() in tests has no socket
  }
}

export function requestMeta(c: Context<AppEnv>): RequestMeta {
  return { actorUserId: c.get('actor')?.userId ?? null, ip: clientIp(c), requestId: c.get('requestId') ?? null };
}

export function appendSetCookies(c: Context, cookies: string[]): void {
  for (const sc of cookies) c.header('Set-Cookie', sc, { append: true });
}

/** Only same-site relative paths may be a redirect target after sign-in. */
export function safeNext(raw: string | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || /[\r\n]/.test(raw)) return '/';
  return raw;
}
