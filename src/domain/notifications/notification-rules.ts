import type { Actor } from '../access/actor.ts';

// A notification belongs to one person: only they read it, mark it or follow it. Its link is followed only when it
// stays on this site — a stored link is data, and must never turn the product into an open redirect.

export function canReadNotification(actor: Actor, notification: { userId: string }): boolean {
  return notification.userId === actor.userId;
}

const probe = 'https://same-site.invalid';

/** The link as a path on this site ("/rounds/5?x=1#y"), or null for anything that could leave it (another origin,
 * "//host", backslashes, control characters, other schemes). */
export function sameSitePath(link: string | null | undefined): string | null {
  if (!link || link.length > 2000) return null;
  // Browsers drop tabs and newlines and read "\" as "/": "/\t/evil" and "/\evil" both become "//evil".
  if (!link.startsWith('/') || link.startsWith('//') || /[\\\u0000-\u001f\u007f\s]/.test(link)) return null;
  let url: URL;
  try {
    url = new URL(link, probe);
  } catch {
    return null;
  }
  if (url.origin !== probe) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
