import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { OpenDatabase } from '../db/connect.ts';
import type { Logger } from '../logger.ts';

// The shape every command-line command shares. A command is a file in src/cli/ exporting a CliCommand, listed
// once in src/cli.ts; it receives a context instead of reaching for process.* itself, so tests can run it.

export type CliContext = {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Opens (and migrates) the database the way the app does; the command closes it. */
  openDatabase(): Promise<OpenDatabase>;
  out(line: string): void;
  /** Raw output (a generated file) on stdout. */
  write(data: string): void;
  err(line: string): void;
  /** Progress: overwrites the stderr line on a terminal; elsewhere a plain line, at most one a second unless `milestone`. */
  status(line: string, milestone?: boolean): void;
};

export type CliCommand = {
  name: string;
  summary: string;
  usage: string[];
  /** Returns the exit code: 0 done, 1 the work was refused (bad input), 2 wrong usage. */
  run(args: string[], ctx: CliContext): Promise<number>;
};

export const formatCount = (n: number) => n.toLocaleString('en-US');

/** Prints a command's usage lines and returns the wrong-usage exit code. */
export function printUsage(ctx: Pick<CliContext, 'err'>, usage: string[]): number {
  ctx.err('ใช้:');
  for (const line of usage) ctx.err(`  npm run cli -- ${line}`);
  return 2;
}
