import crypto from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../../../deps.ts';
import { insertFormStash, takeFormStash } from '../../../db/queries/form-stash.ts';
import type { AppEnv } from '../../context.ts';

// A session that expires mid-form loses nothing, with JavaScript off too. A section form posted without a valid
// session (the CSRF check has passed: the token cookie outlives the session) is kept server-side under a random
// token whose hash is the key; the token goes into an HttpOnly cookie; the person signs in and comes back to the
// section, which puts the typed values back into the form — not saved yet — and forgets the stash.
// The stash is bound to the browser (the cookie) and to the page; restoring it also needs the right to edit that
// submission, so only the respondent's own people can see what was typed.

const cookieName = 'mt_stash';
const lifetimeMs = 24 * 60 * 60 * 1000;
const maxBytes = 512 * 1024;
const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function stashAndSignIn(deps: Pick<Deps, 'db' | 'clock' | 'config'>, c: Context<AppEnv>, posted: Record<string, string>, back: string) {
  const fields = Object.fromEntries(Object.entries(posted).filter(([k]) => k !== '_csrf' && k !== 'action'));
  if (JSON.stringify(fields).length <= maxBytes) {
    const token = crypto.randomBytes(24).toString('base64url');
    const now = deps.clock.now();
    await insertFormStash(deps.db, { tokenHash: hash(token), path: back, fields, at: now, expiresAt: new Date(now.getTime() + lifetimeMs) });
    setCookie(c, cookieName, token, { httpOnly: true, sameSite: 'Lax', secure: deps.config.publicUrl.startsWith('https://'), path: '/rounds/', maxAge: lifetimeMs / 1000 });
  }
  return c.redirect(`/sign-in?expired=1&next=${encodeURIComponent(back)}`, 303);
}

/** The values stashed for this page in this browser, once. */
export async function takeStash(deps: Pick<Deps, 'db' | 'clock'>, c: Context<AppEnv>, path: string): Promise<Record<string, string> | null> {
  const token = getCookie(c, cookieName);
  if (!token || !/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const fields = await takeFormStash(deps.db, hash(token), path, deps.clock.now());
  if (fields) deleteCookie(c, cookieName, { path: '/rounds/' });
  return fields;
}
