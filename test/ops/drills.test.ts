import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { projectRoot } from '../../drills/support/app-process.ts';
import { isDatabaseUnavailable } from '../../src/db/pool.ts';

// Each fault drill as an operator runs it (`npm run drill -- <name>`): a child process that starts its own
// PostgreSQL and app processes, does the damage, checks, and exits 0 only when every check passed.
function drill(name: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'drills/run.ts', name], { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: 'warn' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

for (const name of ['kill-app', 'restart-db', 'storage-full']) {
  test(`drill ${name} passes`, async () => {
    const r = await drill(name);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, new RegExp(`^PASS ${name}: (\\d+) of \\1 checks passed$`, 'm'));
  });
}

test('an unknown drill is refused with the list of drills', async () => {
  const r = await drill('flood');
  assert.equal(r.code, 2);
  assert.match(r.out, /usage: npm run drill -- <kill-app\|restart-db\|storage-full>/);
});

test('a database away is told from other failures (503 for it, the generic 500 for the rest)', () => {
  const err = (message: string, code?: string, cause?: unknown) => Object.assign(new Error(message, { cause }), code ? { code } : {});
  assert.ok(isDatabaseUnavailable(err('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')));
  assert.ok(isDatabaseUnavailable(err('terminating connection due to administrator command', '57P01')));
  assert.ok(isDatabaseUnavailable(err('the database system is starting up', '57P03')));
  assert.ok(isDatabaseUnavailable(err('Connection terminated unexpectedly')));
  assert.ok(isDatabaseUnavailable(err('session lookup failed', undefined, err('x', '08006'))), 'found under a wrapper');
  assert.ok(!isDatabaseUnavailable(new TypeError('fetch failed', { cause: err('c', 'ECONNREFUSED') })), 'an outbound HTTP call is not the database');
  assert.ok(!isDatabaseUnavailable(err('duplicate key value violates unique constraint', '23505')));
  assert.ok(!isDatabaseUnavailable(err('Cannot read properties of undefined')));
});
