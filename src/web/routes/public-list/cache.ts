import crypto from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { assetUrl } from '../../assets.ts';

// Public pages are the same for everyone, so shared caches (a CDN in front of the app) may keep them. The ETag is
// made of what the page shows — counts and the latest submission time — plus the stylesheet's version, so a cache
// can ask "still the same?" and get a 304 after two small queries instead of the rendered list.

/** Open rounds change minute by minute while LAOs send; a minute stale is harmless and absorbs the rush near a
 * deadline (one render per minute per view however many ask). Closed and published rounds change only through
 * review, so five minutes. */
export const maxAgeSeconds = (state: string) => (state === 'open' ? 60 : 300);

export function weakEtag(parts: unknown): string {
  const hash = crypto.createHash('sha256').update(JSON.stringify([parts, assetUrl('app.css')])).digest('base64url').slice(0, 27);
  return `W/"${hash}"`;
}

/** Sets the caching headers; answers 304 when the client already holds this version. */
export function notModified(c: Context<AppEnv>, etag: string, maxAge: number): Response | null {
  c.header('Cache-Control', `public, max-age=${maxAge}`);
  c.header('ETag', etag);
  const asked = c.req.header('if-none-match');
  if (!asked) return null;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const held = asked.split(',').map(bare);
  return held.includes('*') || held.includes(bare(etag)) ? c.body(null, 304) : null;
}
