import { startApp, type AppProcess } from '../../drills/support/app-process.ts';
import { freePort } from '../../test/support/cluster.ts';
import { benchAuthSecret } from './bench-people.ts';
import type { NationalDataset } from './national.ts';

// The app as its own process (src/main.ts as production runs it, job worker in process) on the national dataset's
// PostgreSQL, started the way the drills start it: a bench measures it from outside, over loopback. WEB_PROCESSES
// and the load-shedding settings pass through from the bench's environment.

export type { AppProcess };

const passThrough = ['WEB_PROCESSES', 'DB_POOL_SIZE', 'MAX_IN_FLIGHT', 'MAX_QUEUED', 'QUEUE_TIMEOUT_MS', 'QUEUE_TIMEOUT_BACKGROUND_MS'];

export async function startAppProcess(national: NationalDataset, opts: { env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<AppProcess> {
  const fromBench = Object.fromEntries(passThrough.filter((k) => process.env[k]).map((k) => [k, process.env[k]!]));
  return startApp({
    port: await freePort(), databaseUrl: national.url, dataDir: national.dataDir, nodeArgs: opts.nodeArgs, readyTimeoutMs: 120_000,
    env: { AUTH_SECRET: benchAuthSecret, LOG_LEVEL: 'warn', SESSION_IDLE_MINUTES: '600', ...fromBench, ...opts.env },
  });
}
