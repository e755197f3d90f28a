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
  WEB_PROCESSES: z.coerce.number().int().min(1).max(32).default(1),
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  METRICS_TOKEN: z.string().min(16).optional(),
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(32),
  MAX_QUEUED: z.coerce.number().int().min(0).max(100_000).default(256),
  QUEUE_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  QUEUE_TIMEOUT_BACKGROUND_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  LOG_DIR: z.string().optional(),
  LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  REMINDER_RATE_IN_APP: z.coerce.number().positive().max(10_000).default(50),
  REMINDER_RATE_EMAIL: z.coerce.number().positive().max(10_000).default(10),
  REMINDER_RATE_LINE: z.coerce.number().positive().max(10_000).default(20),
  REMINDER_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  LINE_CHANNEL_ACCESS_TOKEN: z.string().min(20).optional(),
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
  /** Load shedding: requests worked on at once, more waiting (a person's for at most queueTimeoutMs, autosaves and
   * public pages for backgroundTimeoutMs and after people), the rest get 503. */
  loadShedding: Readonly<{ maxInFlight: number; maxQueued: number; queueTimeoutMs: number; backgroundTimeoutMs: number }>;
  /** /metrics needs `Authorization: Bearer <token>` when set; otherwise it answers only on the loopback address. */
  metricsToken: string | undefined;
  /** Log files (one per day) go here when set, besides stdout; files older than logRetentionDays are deleted daily. */
  logDir: string | undefined;
  logRetentionDays: number;
  /** Web processes sharing the port (node:cluster), to use more cores; 1 runs a single process. */
  webProcesses: number;
  /** Database connections each process keeps at most. */
  dbPoolSize: number;
  /** Whether the web process also runs the job worker (`WORKER=off` when workers run as their own processes). */
  workerInProcess: boolean;
  workerConcurrency: number;
  /** Reminder delivery: messages per second per channel (shared by all workers), and how long a claimed message
   * is left to its worker before another may take it (a worker killed between sending and marking). */
  reminders: Readonly<{ ratePerSecond: Readonly<{ in_app: number; email: number; line: number }>; leaseSeconds: number }>;
  /** LINE Messaging API (push) when set; reminders by LINE are offered only then. */
  lineChannelAccessToken: string | undefined;
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
    metricsToken: e.METRICS_TOKEN,
    loadShedding: Object.freeze({ maxInFlight: e.MAX_IN_FLIGHT, maxQueued: e.MAX_QUEUED, queueTimeoutMs: e.QUEUE_TIMEOUT_MS, backgroundTimeoutMs: e.QUEUE_TIMEOUT_BACKGROUND_MS }),
    logDir: e.LOG_DIR ? path.resolve(e.LOG_DIR) : undefined,
    logRetentionDays: e.LOG_RETENTION_DAYS,
    workerInProcess: e.WORKER === 'in-process',
    webProcesses: e.WEB_PROCESSES,
    dbPoolSize: e.DB_POOL_SIZE,
    workerConcurrency: e.WORKER_CONCURRENCY,
    reminders: Object.freeze({
      ratePerSecond: Object.freeze({ in_app: e.REMINDER_RATE_IN_APP, email: e.REMINDER_RATE_EMAIL, line: e.REMINDER_RATE_LINE }),
      leaseSeconds: e.REMINDER_LEASE_SECONDS,
    }),
    lineChannelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN,
    s3: e.S3_ENDPOINT
      ? Object.freeze({ endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET!, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY! })
      : null,
  });
}
