import path from 'node:path';
import { z } from 'zod';

// The only reader of process.env: parsed and checked once, then frozen and passed down.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54320),
  PUBLIC_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  DEMO: z.enum(['true', 'false']).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Matrathan <no-reply@matrathan.local>'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  MFA_ENFORCED: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CHROMIUM_PATH: z.string().optional(),
  FAILPOINTS: z.string().optional(),
  EVIDENCE_MAX_FILE_MB: z.coerce.number().positive().max(24).default(10),
  EVIDENCE_MAX_SUBMISSION_MB: z.coerce.number().positive().max(100 * 1024).default(100),
  WORKER: z.enum(['in-process', 'off']).default('in-process'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,62}$/, 'an S3 bucket name (a-z 0-9 . -)').optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]{1,40}$/).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  publicUrl: string;
  authSecret: string | undefined;
  demo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMinutes: number;
  mfaEnforced: boolean;
  logLevel: string;
  chromiumPath: string | undefined;
  /** Test-only crash points (comma-separated names): the process kills itself there, to prove atomicity. */
  failpoints: readonly string[];
  /** Evidence limits in bytes: per file and per submission. */
  evidenceMaxFileBytes: number;
  evidenceMaxSubmissionBytes: number;
  /** Whether the web process also runs the job worker (`WORKER=off` when workers run as their own processes). */
  workerInProcess: boolean;
  workerConcurrency: number;
  /** Evidence in an S3-compatible object store; null: on disk under DATA_DIR/evidence. */
  s3: Readonly<{ endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }> | null;
}>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.AUTH_SECRET) throw new ConfigError('Invalid configuration:\n  AUTH_SECRET: required in production (32+ characters)');
  if (e.S3_ENDPOINT && (!e.S3_BUCKET || !e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('Invalid configuration:\n  S3_ENDPOINT: also set S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    authSecret: e.AUTH_SECRET,
    demo: e.DEMO ? e.DEMO === 'true' : !production,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    mfaEnforced: e.MFA_ENFORCED ? e.MFA_ENFORCED === 'true' : production,
    logLevel: e.LOG_LEVEL,
    chromiumPath: e.CHROMIUM_PATH,
    failpoints: (e.FAILPOINTS ?? '').split(',').map((f) => f.trim()).filter(Boolean),
    evidenceMaxFileBytes: Math.round(e.EVIDENCE_MAX_FILE_MB * 1024 * 1024),
    evidenceMaxSubmissionBytes: Math.round(e.EVIDENCE_MAX_SUBMISSION_MB * 1024 * 1024),
    workerInProcess: e.WORKER === 'in-process',
    workerConcurrency: e.WORKER_CONCURRENCY,
    s3: e.S3_ENDPOINT
      ? Object.freeze({ endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET!, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY! })
      : null,
  });
}
