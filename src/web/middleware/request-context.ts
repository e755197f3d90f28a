import crypto from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { Logger } from '../../logger.ts';
import type { AppEnv } from '../context.ts';

// A request id for every request (kept from a trusted proxy's header when well-formed), a child logger
// carrying it, and one access-log line when the response is done.
export function requestContext(logger: Logger) {
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
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
}
