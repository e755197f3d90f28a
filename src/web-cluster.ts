import cluster, { type Worker } from 'node:cluster';
import client from 'prom-client';
import type { Config } from './config.ts';
import { systemClock } from './clock.ts';
import { createLogger } from './logger.ts';
import { logDestination } from './log-files.ts';
import { createDeps } from './deps.ts';
import { createMailer } from './mail/mailer.ts';
import { prepareData } from './services/demo/prepare-data.ts';
import { localSecret } from './local-secret.ts';
import { metricsRequest, metricsResponse } from './metrics.ts';
import { openDatabaseOrExit, readyLines } from './startup.ts';
import { drainMs } from './web-process.ts';

// Several web processes sharing one port (WEB_PROCESSES > 1): Node is one thread per process, so more processes use
// more cores (on 2 cores, two served about a seventh more at the edge: docs/performance.md). This primary opens the
// database (starting the embedded PostgreSQL when there is no DATABASE_URL) and prepares the data once, then
// forks the web processes (web-process.ts), which connect to it by URL. The first of them also runs the job
// worker. A process that dies is replaced. /metrics, answered by any process, is the sum over all of them (the
// primary gathers them). SIGTERM: every process finishes its requests in flight, then the database stops.

export async function runWebCluster(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel, logDestination(config.logDir));
  const started = Date.now();
  const database = await openDatabaseOrExit(config, logger);
  const deps = createDeps({
    config, pool: database.pool, clock: systemClock, logger, authSecret: config.authSecret ?? localSecret(config.dataDir),
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir }),
  });
  const prepared = await prepareData(deps);

  // Each web process accepts from the shared socket itself (the kernel picks which): a process that dies stops
  // taking connections at once. With the primary handing them out (round robin) a connection passed to a process at
  // the moment it died was lost, and its request hung.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const aggregator = new client.AggregatorRegistry();
  const roles = new Map<Worker, number>();
  let stopping = false;
  let listening = 0;
  const fork = (index: number) => {
    const worker = cluster.fork({ DATABASE_URL: database.url, WORKER: index === 0 && config.workerInProcess ? 'in-process' : 'off' });
    roles.set(worker, index);
    worker.on('message', (m: unknown) => {
      const asked = metricsRequest(m);
      if (asked === null) return;
      aggregator.clusterMetrics().then(
        (text) => worker.isConnected() && worker.send(metricsResponse(asked, { text })),
        (e: Error) => worker.isConnected() && worker.send(metricsResponse(asked, { error: e.message })),
      );
    });
    worker.once('listening', () => {
      if (++listening === config.webProcesses) process.stdout.write(readyLines(config, prepared.demoAccounts, started, config.webProcesses));
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    const index = roles.get(worker)!;
    roles.delete(worker);
    if (stopping) return;
    logger.error({ webPid: worker.process.pid, code, signal, index }, 'a web process ended: starting another');
    fork(index);
  });
  for (let i = 0; i < config.webProcesses; i++) fork(i);

  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, processes: roles.size }, 'shutting down the web processes');
    const exits = [...roles.keys()].map((w) => new Promise<void>((resolve) => {
      if (w.isDead()) return resolve();
      w.once('exit', () => resolve());
      w.process.kill('SIGTERM');
    }));
    const late = setTimeout(() => {
      for (const w of roles.keys()) if (!w.isDead()) w.process.kill('SIGKILL');
    }, drainMs + 10_000);
    await Promise.all(exits);
    clearTimeout(late);
    await database.close();
    logger.info('stopped');
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
