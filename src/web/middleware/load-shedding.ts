import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { t } from '../messages/th.ts';

// Past saturation the service says "not now" instead of getting slower for everyone: at most `maxInFlight` requests
// are worked on at once, up to `maxQueued` more wait their turn, and the rest get 503 with Retry-After before
// anything is read or written — so a refused save wrote nothing, and the page's autosave (and any API client) tries
// again later with the typing kept. Health checks, metrics and static files are never shed.
// Two kinds of waiting request: a person's page or form (their "บันทึก" included) waits up to `queueTimeoutMs` and
// goes first; background requests — the page's autosave, which tries again by itself, and the public's pages — wait
// at most `backgroundTimeoutMs` and only when no person is waiting. So near the limit a clerk's pages still open
// while autosaves and anonymous readers are asked to come back.

export type LoadSheddingOptions = { maxInFlight: number; maxQueued: number; queueTimeoutMs: number; backgroundTimeoutMs?: number; retryAfterSeconds: number };

const exempt = /^\/(healthz|readyz|metrics|static\/)/;

/** Requests that can best wait for later: the page's own autosave and the public's pages (no person behind a form). */
export const isBackground = (method: string, path: string) => path.startsWith('/public/') || (method === 'POST' && path.endsWith('/autosave'));

export function loadShedding(opts: LoadSheddingOptions, onShed: () => void = () => {}) {
  let inFlight = 0;
  const waiting = { person: [] as (() => void)[], background: [] as (() => void)[] };
  const backgroundTimeoutMs = Math.min(opts.backgroundTimeoutMs ?? 1000, opts.queueTimeoutMs);

  const enter = async (kind: keyof typeof waiting): Promise<boolean> => {
    if (inFlight < opts.maxInFlight) {
      inFlight++;
      return true;
    }
    if (waiting.person.length + waiting.background.length >= opts.maxQueued) return false;
    const queue = waiting[kind];
    return new Promise<boolean>((resolve) => {
      const turn = () => {
        clearTimeout(timer);
        inFlight++;
        resolve(true);
      };
      const timer = setTimeout(() => {
        const i = queue.indexOf(turn);
        if (i >= 0) queue.splice(i, 1);
        resolve(false);
      }, kind === 'person' ? opts.queueTimeoutMs : backgroundTimeoutMs);
      queue.push(turn);
    });
  };
  const leave = () => {
    inFlight--;
    (waiting.person.shift() ?? waiting.background.shift())?.();
  };

  return createMiddleware<AppEnv>(async (c, next) => {
    if (exempt.test(c.req.path)) return next();
    if (!(await enter(isBackground(c.req.method, c.req.path) ? 'background' : 'person'))) {
      onShed();
      const retry = String(opts.retryAfterSeconds);
      if (c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').includes('application/json')) return c.json({ error: 'overloaded', message: t('error.overloaded') }, 503, { 'Retry-After': retry });
      return c.html(`<!doctype html><html lang="th"><meta charset="utf-8"><title>${t('error.overloaded')}</title><p>${t('error.overloaded')}</p>`, 503, { 'Retry-After': retry, 'Cache-Control': 'no-store' });
    }
    try {
      await next();
    } finally {
      leave();
    }
  });
}
