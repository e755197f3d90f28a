import type pg from 'pg';
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/pool.ts';
import type { Logger } from './logger.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Auth } from './auth/create-auth.ts';
import { createAuth } from './auth/create-auth.ts';
import { createDb } from './db/pool.ts';
import { createStorage, type Storage } from './services/evidence/storage.ts';

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
};

export function createDeps(parts: { config: Config; pool: pg.Pool; clock: Clock; logger: Logger; mailer: Mailer; authSecret: string }): Deps {
  const auth = createAuth({
    pool: parts.pool,
    publicUrl: parts.config.publicUrl,
    secret: parts.authSecret,
    sessionIdleMinutes: parts.config.sessionIdleMinutes,
    mailer: parts.mailer,
  });
  return { config: parts.config, pool: parts.pool, db: createDb(parts.pool), clock: parts.clock, logger: parts.logger, mailer: parts.mailer, auth, storage: createStorage(parts.config) };
}

/** What a request knows about who acts and from where, for the audit trail. */
export type RequestMeta = { actorUserId: string | null; ip: string | null; requestId: string | null };
