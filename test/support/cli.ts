import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from './test-db.ts';

// The command line as a person runs it: a real process, DATABASE_URL pointing at the test file's own database.
export const projectRoot = path.resolve(import.meta.dirname, '../..');

export type CliResult = { code: number; stdout: string; stderr: string };
export type CliRunner = { run(...args: string[]): Promise<CliResult>; tmp: string; url: string; close(): Promise<void> };

export async function createCliRunner(): Promise<CliRunner> {
  const database = await createTestDatabase();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-cli-'));
  const run = (...args: string[]) => new Promise<CliResult>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: database.url, DATA_DIR: tmp, LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
  return {
    run, tmp, url: database.url,
    async close() {
      await database.drop();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
