import crypto from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { Metrics } from '../../metrics.ts';
import type { Logger } from '../../logger.ts';
import type { AppEnv } from '../context.ts';

// A request id for every request (kept from a trusted proxy's header when well-formed), a child logger
// carrying it, one access-log line when the response is done, and the request counted in the metrics under its
// route pattern (never the raw path: an id in a URL would make a series per id).
export function requestContext(logger: Logger, metrics?: Metrics) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    const log = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', log);
    c.set('actor', null);
    c.set('sessionExpiresAt', null);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    const ms = performance.now() - started;
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(ms) }, 'request');
    if (metrics) {
      const route = routePath(c);
      metrics.observeRequest(c.req.method, route && !route.includes('*') ? route : 'unmatched', c.res.status, ms / 1000);
    }
  });
}
