import cluster from 'node:cluster';
import type http from 'node:http';
import { serve } from '@hono/node-server';
import type { Config } from './config.ts';
import { systemClock } from './clock.ts';
import { createLogger } from './logger.ts';
import { logDestination } from './log-files.ts';
import { createDeps } from './deps.ts';
import { createMailer } from './mail/mailer.ts';
import { createApp } from './web/app.ts';
import { markDraining } from './web/lifecycle.ts';
import { prepareData } from './services/demo/prepare-data.ts';
import { closeDocumentBrowser, configureDocumentBrowser } from './documents/index.ts';
import { startWorker } from './jobs/start-worker.ts';
import { localSecret } from './local-secret.ts';
import { openDatabaseOrExit, readyLines } from './startup.ts';

// One web process: database (embedded unless DATABASE_URL), reference and demo data, HTTP, and the job worker in
// the same process unless WORKER=off. As one of several web processes (web-cluster.ts), the primary has already
// opened the database and prepared the data, and says when everything is ready; this process only serves, and
// stops when the primary is gone.

/** How long requests in flight get to finish after SIGTERM before the process ends anyway. */
export const drainMs = 25_000;

export async function runWebProcess(config: Config): Promise<void> {
  const inCluster = cluster.isWorker;
  const logger = createLogger(config.logLevel, logDestination(config.logDir));
  const started = Date.now();
  const database = await openDatabaseOrExit(config, logger);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
  const deps = createDeps({ config, pool: database.pool, clock: systemClock, logger, mailer, authSecret: config.authSecret ?? localSecret(config.dataDir) });
  const prepared = inCluster ? { demoAccounts: [] } : await prepareData(deps);

  configureDocumentBrowser({ chromiumPath: config.chromiumPath });
  const worker = config.workerInProcess ? await startWorker(deps, { concurrency: config.workerConcurrency }) : null;
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ port: info.port, seconds: (Date.now() - started) / 1000 }, 'listening');
    if (!inCluster) process.stdout.write(readyLines(config, prepared.demoAccounts, started));
  }) as http.Server;

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    markDraining(); // /readyz says 503 from now on, so a load balancer sends nothing new here
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        logger.warn({ drainMs }, 'requests still running after the drain period: closing them');
        server.closeAllConnections();
        resolve();
      }, drainMs);
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      // Idle keep-alive connections would hold close() open; busy ones are closed as their response ends.
      server.closeIdleConnections();
    });
    await worker?.stop().catch(() => {});
    await closeDocumentBrowser().catch(() => {});
    await database.close();
    logger.info('stopped');
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // A web process of a cluster whose primary is gone (killed, say) gets no new connections: it finishes and ends.
  if (inCluster) process.on('disconnect', () => void shutdown('primary gone'));
}
