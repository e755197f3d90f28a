import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, fillEverything, type EntryWorld } from './support.ts';

// kill -9 at any point of a submit leaves it fully submitted or fully not: the submit runs in a separate process
// that dies at a failpoint inside its transaction; then a clean retry submits it once.
let t: TestApp;
let w: EntryWorld;
before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  await fillEverything(t, w);
});
after(async () => t.close());

function submitInChild(failpoints: string, key: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'submit-child.ts')], {
      env: { ...process.env, CHILD_DATABASE_URL: t.database.url, CHILD_FAILPOINTS: failpoints, CHILD_NOW: t.clock.now().toISOString(), CHILD_USER_ID: w.users.executive.userId, CHILD_ROUND_ID: String(w.roundId), CHILD_ORG_UNIT_CODE: w.lao.code, CHILD_KEY: key },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout }));
  });
}

async function state() {
  const s = await t.deps.db.selectFrom('submissions').select(['id', 'state', 'submitted_at']).where('round_id', '=', w.roundId).where('org_unit_id', '=', w.lao.id).executeTakeFirstOrThrow();
  const snapshots = await t.deps.db.selectFrom('submission_snapshots').select('seq').where('submission_id', '=', s.id).execute();
  const audits = await t.deps.db.selectFrom('audit_events').select('id').where('action', '=', 'submission.submit').where('entity_id', '=', String(s.id)).execute();
  const keys = await t.deps.db.selectFrom('idempotency_keys').select('key').execute();
  return { state: s.state, submittedAt: s.submitted_at, snapshots: snapshots.length, audits: audits.length, keys: keys.length };
}

for (const point of ['submit.after_snapshot', 'submit.before_audit', 'submit.before_commit']) {
  test(`killed at ${point}: nothing of the submit remains`, async () => {
    const run = await submitInChild(point, `key-${point}`);
    assert.equal(run.signal, 'SIGKILL', `the child should die at ${point}: ${run.stdout}`);
    assert.deepEqual(await state(), { state: 'in_progress', submittedAt: null, snapshots: 0, audits: 0, keys: 0 });
  });
}

test('the retry after the crashes submits exactly once, fully', async () => {
  const run = await submitInChild('', 'key-final');
  assert.equal(run.code, 0, run.stdout);
  assert.equal(JSON.parse(run.stdout).ok, true);
  const s = await state();
  assert.deepEqual({ ...s, submittedAt: s.submittedAt !== null }, { state: 'submitted', submittedAt: true, snapshots: 1, audits: 1, keys: 1 });
});
