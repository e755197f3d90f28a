import type pg from 'pg';
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/pool.ts';
import type { Logger } from './logger.ts';
import type { Mailer } from './mail/mailer.ts';
import { createLineClient, type LineClient } from './mail/line.ts';
import type { Auth } from './auth/create-auth.ts';
import { createAuth } from './auth/create-auth.ts';
import { createDb } from './db/pool.ts';
import { createStorage, type Storage } from './services/evidence/storage.ts';
import { createMetrics, type Metrics } from './metrics.ts';

// The composition root: everything a use case needs, built once and passed down explicitly.
export type Deps = {
  config: Config;
  pool: pg.Pool;
  db: Db;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
  auth: Auth;
  /** Evidence files: local disk under DATA_DIR, or the S3-compatible store when S3_ENDPOINT is set. */
  storage: Storage;
  /** Prometheus metrics of this process (served at /metrics). */
  metrics: Metrics;
  /** LINE push messages: null unless LINE_CHANNEL_ACCESS_TOKEN is configured. */
  line: LineClient | null;
};

export function createDeps(parts: { config: Config; pool: pg.Pool; clock: Clock; logger: Logger; mailer: Mailer; authSecret: string; line?: LineClient | null }): Deps {
  const auth = createAuth({
    pool: parts.pool,
    publicUrl: parts.config.publicUrl,
    secret: parts.authSecret,
    sessionIdleMinutes: parts.config.sessionIdleMinutes,
    mailer: parts.mailer,
  });
  const db = createDb(parts.pool);
  return { config: parts.config, pool: parts.pool, db, metrics: createMetrics({ pool: parts.pool, db }), clock: parts.clock, logger: parts.logger, mailer: parts.mailer, auth, storage: createStorage(parts.config),
    line: parts.line !== undefined ? parts.line : createLineClient(parts.config.lineChannelAccessToken) };
}

/** What a request knows about who acts and from where, for the audit trail. */
export type RequestMeta = { actorUserId: string | null; ip: string | null; requestId: string | null };
