import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../test/support/cluster.ts';
import { benchAuthSecret } from './bench-people.ts';
import type { NationalDataset } from './national.ts';

// The app as its own process (src/main.ts, job worker in process) on the national dataset's PostgreSQL, the way
// production runs it: a bench measures it from outside, over loopback.

export type AppProcess = { origin: string; child: ChildProcess; stop(): Promise<void> };

export async function startAppProcess(national: NationalDataset, opts: { env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<AppProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', path.resolve(import.meta.dirname, '../../src/main.ts')], {
    env: {
      ...process.env, DATABASE_URL: national.url, DATA_DIR: national.dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: origin,
      DEMO: 'false', AUTH_SECRET: benchAuthSecret, LOG_LEVEL: 'warn', NODE_ENV: 'test', SESSION_IDLE_MINUTES: '600', ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    if (i > 240) {
      await stop();
      throw new Error('the app did not start');
    }
    if (await fetch(`${origin}/readyz`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return { origin, child, stop };
}
