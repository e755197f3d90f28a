import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { t } from '../messages/th.ts';

// Past saturation the service says "not now" instead of getting slower for everyone: at most `maxInFlight` requests
// are worked on at once, up to `maxQueued` more wait their turn for at most `queueTimeoutMs`, and the rest get 503
// with Retry-After before anything is read or written — so a refused save wrote nothing, and the page's autosave
// (and any API client) tries again later with the typing kept. Health checks, metrics and static files are never
// shed.

export type LoadSheddingOptions = { maxInFlight: number; maxQueued: number; queueTimeoutMs: number; retryAfterSeconds: number };

const exempt = /^\/(healthz|readyz|metrics|static\/)/;

export function loadShedding(opts: LoadSheddingOptions, onShed: () => void = () => {}) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  const enter = async (): Promise<boolean> => {
    if (inFlight < opts.maxInFlight) {
      inFlight++;
      return true;
    }
    if (waiting.length >= opts.maxQueued) return false;
    return new Promise<boolean>((resolve) => {
      const turn = () => {
        clearTimeout(timer);
        inFlight++;
        resolve(true);
      };
      const timer = setTimeout(() => {
        const i = waiting.indexOf(turn);
        if (i >= 0) waiting.splice(i, 1);
        resolve(false);
      }, opts.queueTimeoutMs);
      waiting.push(turn);
    });
  };
  const leave = () => {
    inFlight--;
    waiting.shift()?.();
  };

  return createMiddleware<AppEnv>(async (c, next) => {
    if (exempt.test(c.req.path)) return next();
    if (!(await enter())) {
      onShed();
      const retry = String(opts.retryAfterSeconds);
      if (c.req.path.startsWith('/api/')) return c.json({ error: 'overloaded', message: t('error.overloaded') }, 503, { 'Retry-After': retry });
      return c.html(`<!doctype html><html lang="th"><meta charset="utf-8"><title>${t('error.overloaded')}</title><p>${t('error.overloaded')}</p>`, 503, { 'Retry-After': retry, 'Cache-Control': 'no-store' });
    }
    try {
      await next();
    } finally {
      leave();
    }
  });
}
