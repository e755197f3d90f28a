import { loadConfig } from './config.ts';
import { systemClock } from './clock.ts';
import { createLogger } from './logger.ts';
import { logDestination } from './log-files.ts';
import { openDatabase } from './db/connect.ts';
import { createDeps } from './deps.ts';
import { createMailer } from './mail/mailer.ts';
import { closeDocumentBrowser, configureDocumentBrowser } from './documents/index.ts';
import { startWorker } from './jobs/start-worker.ts';
import { localSecret } from './local-secret.ts';

// Boots a job worker on its own (`npm run worker`): the same configuration and database as the web server, no HTTP.
// Run any number of them; PostgreSQL hands each job to one worker. SIGTERM finishes the jobs in hand, then exits.
const config = loadConfig();
const logger = createLogger(config.logLevel, logDestination(config.logDir));
const database = await openDatabase(config, logger, { poolSize: config.workerConcurrency + 2 }).catch((e: Error) => {
  logger.fatal({ err: { message: e.message } }, 'could not open the database');
  process.exit(1);
});
const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
const deps = createDeps({ config, pool: database.pool, clock: systemClock, logger, mailer, authSecret: config.authSecret ?? localSecret(config.dataDir) });
configureDocumentBrowser({ chromiumPath: config.chromiumPath });
const runner = await startWorker(deps, { concurrency: config.workerConcurrency });
logger.info({ concurrency: config.workerConcurrency }, 'worker started');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping: finishing jobs in hand');
  await runner.stop().catch(() => {});
  await closeDocumentBrowser().catch(() => {});
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
await runner.promise.catch((e: Error) => logger.error({ err: { message: e.message } }, 'worker failed'));
if (!stopping) process.exit(1);
