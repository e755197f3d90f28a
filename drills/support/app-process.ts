import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { drillAuthSecret } from './world.ts';

// A real app process (src/main.ts, as `npm start` runs it) on a port of its own, with the drill's database and
// data folder. Started with the Node that runs the drill (the project's Node 24), so its pid is the app itself:
// kill -9 hits the app, not a wrapper.

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export type AppProcess = {
  url: string;
  pid: number;
  /** stdout and stderr so far (JSON log lines and the start-up banner). */
  output(): string;
  alive(): boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill9(): Promise<void>;
  /** SIGTERM: the graceful shutdown (requests in flight finish). */
  stop(): Promise<void>;
};

/** No databaseUrl: the app starts (or attaches to) the embedded PostgreSQL under dataDir, as `npm start` does. */
export type AppOptions = { port: number; databaseUrl?: string; dataDir: string; publicUrl?: string; env?: Record<string, string>; readyTimeoutMs?: number;
  /** Node options before the entry point (a bench's --cpu-prof). */ nodeArgs?: string[] };

export async function startApp(opts: AppOptions): Promise<AppProcess> {
  const url = `http://127.0.0.1:${opts.port}`;
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      AUTH_SECRET: drillAuthSecret,
      MFA_ENFORCED: 'false',
      DEMO: 'false',
      HOST: '127.0.0.1',
      PORT: String(opts.port),
      PUBLIC_URL: opts.publicUrl ?? url,
      DATA_DIR: opts.dataDir,
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
      WORKER: 'in-process',
      LOG_LEVEL: 'info',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => {
    done = true;
    resolve({ code, signal });
  }));
  const app: AppProcess = {
    url,
    pid: child.pid!,
    output: () => out,
    alive: () => !done,
    exited,
    async kill9() {
      if (!done) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (done) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
  await waitReady(app, opts.readyTimeoutMs ?? 90_000);
  return app;
}

/** Until /readyz answers 200 (database reachable, migrations applied); fails with the process's output. */
async function waitReady(app: AppProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!app.alive()) throw new Error(`the app exited before it was ready:\n${app.output().slice(-3000)}`);
    const ok = await fetch(`${app.url}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  await app.kill9();
  throw new Error(`the app was not ready within ${timeoutMs} ms:\n${app.output().slice(-3000)}`);
}

/** Starts the app while other work (seeding) goes on; if either fails, nothing is left running. */
export async function startAppWhile<T>(opts: AppOptions, work: Promise<T>): Promise<[AppProcess, T]> {
  const [app, done] = await Promise.allSettled([startApp(opts), work]);
  if (app.status === 'fulfilled' && done.status === 'fulfilled') return [app.value, done.value];
  if (app.status === 'fulfilled') await app.value.kill9();
  throw app.status === 'rejected' ? app.reason : (done as PromiseRejectedResult).reason;
}
